import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { CatalogPage } from './pages/CatalogPage';
import { CertificationPage } from './pages/CertificationPage';
import {
  browserCheck,
  eventually,
  saveScreenshot,
  useAppInBrowser,
  viewports,
  type ViewportName,
} from './support/browser';

/** axe-core (WCAG 2 A and AA): the violations that block people, with where they occur. */
async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

async function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
}

const screens: Array<{ name: string; open: (page: Page, baseUrl: string) => Promise<void> }> = [
  {
    name: 'catalog',
    open: async (page, baseUrl) => {
      const catalog = new CatalogPage(page, baseUrl);
      await catalog.goto();
      await catalog.cards.first().waitFor();
    },
  },
  {
    name: 'certification-cphq',
    open: async (page, baseUrl) => {
      await new CertificationPage(page, baseUrl).goto('CPHQ');
      await page.getByRole('region', { name: 'Sources' }).waitFor();
    },
  },
  {
    name: 'certification-fache',
    open: async (page, baseUrl) => {
      await new CertificationPage(page, baseUrl).goto('FACHE');
      await page.getByRole('region', { name: 'Sources' }).waitFor();
    },
  },
];

describe.skipIf(!browserCheck.available)('accessibility and layout', () => {
  const app = useAppInBrowser();

  for (const viewport of Object.keys(viewports) as ViewportName[]) {
    for (const screen of screens) {
      it(`${screen.name} at ${viewport} width: no serious axe violations, no sideways scrolling`, async () => {
        const page = await app.newPage(viewport);
        try {
          await screen.open(page, app.baseUrl);
          // Fonts and layout settle before measuring.
          await page.evaluate(() => document.fonts.ready);
          await saveScreenshot(page, screen.name);
          expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
          expect(await seriousViolations(page)).toEqual([]);
        } finally {
          await page.context().close();
        }
      });
    }
  }

  it('at phone width the navigation collapses behind a menu button', async () => {
    const page = await app.newPage('phone');
    try {
      await new CatalogPage(page, app.baseUrl).goto();
      const nav = page.getByRole('navigation', { name: 'Main' });
      const burger = page.getByRole('button', { name: 'Open navigation' });
      expect(await burger.isVisible()).toBe(true);
      expect(await nav.getByRole('link', { name: 'Certifications' }).isVisible()).toBe(false);
      await burger.click();
      await nav.getByRole('link', { name: 'Certifications' }).waitFor({ state: 'visible' });
      // The navbar slides in; wait until it is in place.
      await eventually(async () => (await nav.boundingBox())?.x === 0, 'the navigation to finish opening');
      expect(await nav.getByText('Programs').isVisible()).toBe(true);
      await saveScreenshot(page, 'navigation-open', false);
      expect(await seriousViolations(page)).toEqual([]);
      await page.getByRole('button', { name: 'Close navigation' }).click();
      await nav.getByRole('link', { name: 'Certifications' }).waitFor({ state: 'hidden' });
    } finally {
      await page.context().close();
    }
  });
});
