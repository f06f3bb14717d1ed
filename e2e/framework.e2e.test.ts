import { copyFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../src/services/config.js';
import { FrameworkPage } from './pages/FrameworkPage';
import {
  browserCheck,
  saveScreenshot,
  useAppInBrowser,
  viewports,
  type ViewportName,
} from './support/browser';
import { horizontalOverflow, seriousViolations } from './support/axe';

interface CasePackage {
  CFItems: { identifier: string; CFItemType?: string; humanCodingScheme?: string }[];
  CFAssociations: {
    associationType: string;
    originNodeURI: { identifier: string };
    destinationNodeURI: { identifier: string };
  }[];
}

describe.skipIf(!browserCheck.available)('competency framework page', () => {
  const app = useAppInBrowser();

  it('lists the five domains with their competencies and the 1–5 scale', async () => {
    const page = await app.newPage();
    try {
      const framework = new FrameworkPage(page, app.baseUrl);
      await framework.goto();
      expect(await framework.domains.count()).toBe(5);
      await framework.domainButton('Leadership').click();
      await framework.competencies('leadership').first().waitFor();
      expect(await framework.competencies('leadership').count()).toBeGreaterThan(3);
      expect(await framework.scaleLevels.allTextContents()).toEqual([
        expect.stringMatching(/^1Novice/),
        expect.stringMatching(/^2Between novice and competent Our wording/),
        expect.stringMatching(/^3Competent/),
        expect.stringMatching(/^4Between competent and expert Our wording/),
        expect.stringMatching(/^5Expert/),
      ]);
      expect(await framework.relatedFrameworks.textContent()).toContain('Licence: Names and links only');
      // The navigation leads here.
      expect(
        await page
          .getByRole('link', { name: 'Competency framework', exact: true })
          .getAttribute('aria-current'),
      ).toBe('page');
    } finally {
      await page.context().close();
    }
  });

  it('downloads the framework as CASE JSON, and checking that file summarises it', async () => {
    const page = await app.newPage();
    try {
      const framework = new FrameworkPage(page, app.baseUrl);
      await framework.goto();
      const file = await framework.download();
      expect(file.name).toBe('hmp-competencies.case.json');
      const pkg = JSON.parse(file.text) as CasePackage;
      expect(pkg.CFItems.filter((i) => i.CFItemType === 'Domain')).toHaveLength(5);
      expect(pkg.CFItems.length).toBeGreaterThan(50);

      await framework.checkFile(file.name, file.text);
      await framework.summary.waitFor();
      expect(await framework.summary.textContent()).toContain('5 domains');
    } finally {
      await page.context().close();
    }
  });

  it('checking a broken CASE file (a cycle) shows the problem with its path', async () => {
    const page = await app.newPage();
    try {
      const framework = new FrameworkPage(page, app.baseUrl);
      await framework.goto();
      const pkg = JSON.parse((await framework.download()).text) as CasePackage;
      // Put the first two competencies under each other.
      const [a, b] = pkg.CFItems.filter((i) => i.CFItemType === 'Competency');
      const up = (id: string) =>
        pkg.CFAssociations.find(
          (x) => x.associationType === 'isChildOf' && x.originNodeURI.identifier === id,
        )!;
      up(a!.identifier).destinationNodeURI = { identifier: b!.identifier };
      up(b!.identifier).destinationNodeURI = { identifier: a!.identifier };
      await framework.checkFile('broken.case.json', JSON.stringify(pkg));
      await framework.problems.first().waitFor();
      expect(await framework.problems.allTextContents()).toEqual([
        expect.stringMatching(
          /^CFAssociations: isChildOf cycle: relationship-building → written-communication → relationship-building \(CFAssociations\[\d+\], \[\d+\]\)$/,
        ),
      ]);
      expect(await page.getByText('The file has a problem').isVisible()).toBe(true);
    } finally {
      await page.context().close();
    }
  });

  for (const viewport of Object.keys(viewports) as ViewportName[]) {
    it(`at ${viewport} width: no serious axe violations, no sideways scrolling`, async () => {
      const page = await app.newPage(viewport);
      try {
        const framework = new FrameworkPage(page, app.baseUrl);
        await framework.goto();
        if (viewport === 'desktop') await framework.domainButton('Leadership').click();
        else await framework.domainButton('Professionalism').click();
        await page.evaluate(() => document.fonts.ready);
        await page.waitForTimeout(300);
        const shot = await saveScreenshot(page, 'framework');
        const docs = path.join(projectRoot, 'docs', 'screenshots');
        await mkdir(docs, { recursive: true });
        await copyFile(shot, path.join(docs, `framework-${viewport}.png`));
        expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
        expect(await seriousViolations(page)).toEqual([]);
      } finally {
        await page.context().close();
      }
    });
  }
});
