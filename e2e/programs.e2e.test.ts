/**
 * Programs in the browser: the catalog's filters narrow the list and live in the URL; three
 * programs picked there are compared side by side; with ratings in the browser and a target role,
 * each program's share of the gap shows as a bar with a percentage. axe-core checks the catalog,
 * a program and the comparison at desktop and phone width, and the screenshots for
 * docs/screenshots are taken here.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../src/services/config';
import { ComparePage } from './pages/ComparePage';
import { ProgramsPage } from './pages/ProgramsPage';
import { browserCheck, eventually, useAppInBrowser } from './support/browser';
import { addItemInPage, newAccount, signUpInPage } from './support/session';
import { seriousViolations, horizontalOverflow } from './support/axe';

/**
 * A full-page screenshot for docs/screenshots/<name>.png, taken with the viewport as tall as the
 * page so that the sticky compare bar sits where it belongs instead of over the cards.
 */
async function docsScreenshot(page: Page, name: string): Promise<void> {
  const size = page.viewportSize()!;
  const height = await page.evaluate(async () => {
    await document.fonts.ready;
    window.scrollTo(0, 0);
    return document.documentElement.scrollHeight;
  });
  const dir = path.join(projectRoot, 'docs', 'screenshots');
  mkdirSync(dir, { recursive: true });
  await page.setViewportSize({ width: size.width, height: Math.min(height, 16000) });
  try {
    await page.screenshot({ path: path.join(dir, `${name}.png`), fullPage: true });
  } finally {
    await page.setViewportSize(size);
  }
}

/** What the self-assessment page stores: someone some way from a Director of Quality. */
const selfAssessment = {
  date: '2026-11-20',
  targetRole: 'qi-specialist',
  ratings: {
    'patient-safety': 2,
    'quality-improvement': 3,
    'performance-measurement': 2,
    'data-analytics': 3,
    'process-redesign': 2,
    'risk-management': 2,
    'regulatory-accreditation': 2,
    'leading-people': 3,
    'change-leadership': 3,
    budgeting: 2,
    'health-system-structure': 3,
    'clinical-governance': 2,
  },
};

const quality = [
  'ihi-improvement-advisor',
  'ihi-breakthrough-series-college',
  'coursera-jhu-science-of-safety-in-healthcare',
];

async function seedRatings(page: Page): Promise<void> {
  await page.addInitScript((value) => {
    window.localStorage.setItem('hmp.selfAssessment.v1', value);
  }, JSON.stringify(selfAssessment));
}

describe.skipIf(!browserCheck.available)('programs: catalog, detail and comparison', () => {
  const app = useAppInBrowser();

  it('filters online + accredited into the URL, then compares three picked programs', async () => {
    const page = await app.newPage('desktop');
    try {
      const programs = new ProgramsPage(page, app.baseUrl);
      await programs.goto();
      const all = await page.request.get(`${app.baseUrl}/api/programs`);
      const total = ((await all.json()) as { total: number }).total;
      await programs.waitForCount(total);
      // The example entry is listed, and says what it is.
      await programs
        .card('Postgraduate Diploma in Health Services Management (example)')
        .getByText('Example (not a real offering)')
        .waitFor();

      await programs.onlineOnly();
      const narrowed = await programs.accreditedOnly();
      expect(narrowed.total).toBeLessThan(total);
      expect(narrowed.programs.map((p) => p.id).sort()).toEqual([
        'gwu-graduate-certificate-health-care-quality',
        'jhu-mph-part-time-online',
        'unc-mph-leadership-in-practice',
      ]);
      const url = new URL(page.url());
      expect(url.searchParams.get('online')).toBe('true');
      expect(url.searchParams.get('accredited')).toBe('true');

      // The URL is shareable: a fresh page with it shows the same list.
      const again = await app.newPage('desktop');
      try {
        const shared = new ProgramsPage(again, app.baseUrl);
        await shared.goto(url.search);
        await shared.waitForCount(3);
        expect(await shared.onlineSwitch.isChecked()).toBe(true);
      } finally {
        await again.context().close();
      }

      const names = narrowed.programs.map((p) => p.name);
      for (const name of names) await programs.pick(name);
      await programs.compareLink.waitFor();
      expect(await programs.compareLink.textContent()).toBe('Compare (3)');
      await docsScreenshot(page, 'programs-desktop');

      await programs.compareLink.click();
      const compare = new ComparePage(page, app.baseUrl);
      await compare.waitForTable();
      expect(new URL(page.url()).searchParams.get('ids')?.split(',')).toEqual(
        narrowed.programs.map((p) => p.id),
      );
      await eventually(async () => (await compare.columns.count()) === 3, 'three columns');
      const costs = await compare.row('Cost');
      expect(costs).toHaveLength(3);
      for (const cost of costs)
        expect(cost).toMatch(
          /^(Unknown|Not published by the provider \(checked \d{1,2} \w{3} \d{4}\)|\$[\d,]+)/,
        );
      // A price no page states is never shown as a value: here the providers were checked and publish none.
      expect(costs.some((c) => c.startsWith('Not published by the provider (checked 27 Nov 2026)'))).toBe(
        true,
      );
      expect(
        (await compare.row('Employer recognition')).every((t) => t.includes('Employer survey: Unknown')),
      ).toBe(true);
      // No ratings in this browser: the page says how to get the coverage.
      await compare.rateYourself.waitFor();
      expect(await compare.rateYourself.textContent()).toContain(
        'Rate yourself to see how much of your gap each covers',
      );
      expect(await compare.rateYourself.getByRole('link').getAttribute('href')).toBe('/self-assessment');

      // Remove one, add another.
      await compare.removeProgram(names[0]!);
      await eventually(async () => (await compare.columns.count()) === 2, 'two columns after removing one');
      await compare.addProgram(
        'Improvement Advisor',
        /^Improvement Advisor Professional Development Program/,
      );
      await eventually(async () => (await compare.columns.count()) === 3, 'three columns after adding one');
      expect(new URL(page.url()).searchParams.get('ids')).toContain('ihi-improvement-advisor');

      // A link with an unknown program says which one, and offers to drop it.
      await page.goto(
        `${app.baseUrl}/programs/compare?ids=ihi-improvement-advisor,hogwarts-mha,umn-executive-mha`,
      );
      const alert = page.getByRole('alert');
      await alert.getByText('ids[1]: unknown program "hogwarts-mha"').waitFor();
      await alert.getByRole('button', { name: 'Remove hogwarts-mha' }).click();
      await compare.waitForTable();
      await eventually(
        async () => (await compare.columns.count()) === 2,
        'two columns without the unknown id',
      );
    } finally {
      await page.context().close();
    }
  });

  it('with ratings in the browser and a role, shows how much of the gap each covers', async () => {
    for (const viewport of ['desktop', 'phone'] as const) {
      const page = await app.newPage(viewport);
      try {
        await seedRatings(page);
        const compare = new ComparePage(page, app.baseUrl);
        await compare.goto(quality, 'director-of-quality');
        await eventually(async () => (await compare.coverageBars.count()) === 3, 'three coverage bars');
        const percents = await compare.coveragePercents.allTextContents();
        expect(percents).toHaveLength(3);
        for (const p of percents) expect(p).toMatch(/^\d{1,3}%$/);
        expect(await page.getByTestId('gap-summary').textContent()).toMatch(
          /^For Director of Quality, \d+ competencies/,
        );
        // The role comes from the URL over the stored one, and can be changed.
        expect(await page.getByRole('combobox', { name: 'Target role' }).inputValue()).toBe(
          'Director of Quality',
        );
        // Best values are named in words.
        const best = await compare.bestValues.allTextContents();
        expect(best).toEqual(expect.arrayContaining(['Most coverage']));
        expect(await page.getByTestId('best-coverage').count()).toBeGreaterThan(0);
        const costs = await compare.row('Cost');
        expect(costs.some((c) => c.includes('Lowest known cost'))).toBe(true);
        await docsScreenshot(page, `compare-${viewport}`);
        expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
      } finally {
        await page.context().close();
      }
    }
  });

  it('signed in, reads the newest ratings from the record', async () => {
    const page = await app.newPage('desktop');
    try {
      await page.goto(`${app.baseUrl}/programs`);
      await signUpInPage(page, newAccount('Quality Lead'));
      await addItemInPage(page, 'assessments', { date: '2026-10-01', ratings: { 'patient-safety': 4 } });
      await addItemInPage(page, 'assessments', {
        date: selfAssessment.date,
        ratings: selfAssessment.ratings,
      });
      const compare = new ComparePage(page, app.baseUrl);
      await compare.goto(quality, 'director-of-quality');
      await eventually(async () => (await compare.coverageBars.count()) === 3, 'three coverage bars');
      await page.getByText('(from your record)').waitFor();
      // The newest assessment rates patient safety 2: a gap, which the MOOC covers.
      expect(await page.getByTestId('coverage').nth(2).textContent()).toContain('Patient safety');
    } finally {
      await page.context().close();
    }
  });

  it('has no serious axe violations and no sideways scrolling on the catalog, a program and the comparison', async () => {
    for (const viewport of ['desktop', 'phone'] as const) {
      const page = await app.newPage(viewport);
      try {
        await seedRatings(page);
        const programs = new ProgramsPage(page, app.baseUrl);
        // A few cards (with the example entry) keep axe quick; the cards are all alike.
        await programs.goto('?format=online_microcredential,university_diploma');
        await programs.pick('The Science of Safety in Healthcare (MOOC)');
        await programs.pick('Postgraduate Diploma in Health Services Management (example)');
        await programs.compareLink.waitFor();
        expect(await horizontalOverflow(page), `catalog at ${viewport}`).toBeLessThanOrEqual(0);
        expect(await seriousViolations(page), `catalog at ${viewport}`).toEqual([]);
        if (viewport === 'phone') {
          // The picks stay while the filters change (a short list makes a readable screenshot).
          await programs.goto('?online=true&accredited=true');
          await programs.waitForCount(3);
          expect(await programs.compareLink.textContent()).toBe('Compare (2)');
          await docsScreenshot(page, 'programs-phone');
        }

        await page.goto(`${app.baseUrl}/programs/ihi-open-school-basic-certificate`);
        await page.getByRole('heading', { name: 'Sources' }).waitFor();
        await page.getByTestId('ce-list').waitFor();
        expect(await horizontalOverflow(page), `detail at ${viewport}`).toBeLessThanOrEqual(0);
        expect(await seriousViolations(page), `detail at ${viewport}`).toEqual([]);

        const compare = new ComparePage(page, app.baseUrl);
        await compare.goto([...quality, 'umn-executive-mha'], 'director-of-quality');
        await eventually(async () => (await compare.coverageBars.count()) === 4, 'four coverage bars');
        expect(await horizontalOverflow(page), `compare at ${viewport}`).toBeLessThanOrEqual(0);
        expect(await seriousViolations(page), `compare at ${viewport}`).toEqual([]);
      } finally {
        await page.context().close();
      }
    }
  });
});
