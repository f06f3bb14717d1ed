import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { CatalogPage } from './pages/CatalogPage';
import { CertificationPage } from './pages/CertificationPage';
import { DashboardPage } from './pages/DashboardPage';
import { ImportPage } from './pages/ImportPage';
import { RecordPage } from './pages/RecordPage';
import { AccountPage, ActivityPage } from './pages/AccountPage';
import { SignInPage } from './pages/SignInPage';
import { SignUpPage } from './pages/SignUpPage';
import {
  browserCheck,
  eventually,
  saveScreenshot,
  useAppInBrowser,
  viewports,
  type ViewportName,
} from './support/browser';
import { examplePath, signUpWithExample } from './support/session';
import { seriousViolations, horizontalOverflow } from './support/axe';

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
  {
    name: 'record',
    open: async (page, baseUrl) => {
      await signUpWithExample(page, baseUrl, 'healthcare-executive.yaml', [
        { id: 'FACHE', expires: '2027-12-31' },
      ]);
      await new RecordPage(page, baseUrl).goto();
    },
  },
  {
    name: 'import-preview',
    open: async (page, baseUrl) => {
      await signUpWithExample(page, baseUrl, 'nurse-manager.yaml');
      const importPage = new ImportPage(page, baseUrl);
      await importPage.goto();
      await importPage.chooseMode('Replace');
      await importPage.chooseFile(
        'quality-analyst.yaml',
        await readFile(examplePath('quality-analyst.yaml'), 'utf8'),
      );
      await importPage.previewItems('positions');
    },
  },
  {
    name: 'dashboard',
    open: async (page, baseUrl) => {
      await signUpWithExample(page, baseUrl, 'healthcare-executive.yaml', [
        { id: 'FACHE', expires: '2027-12-31' },
      ]);
      const dashboard = new DashboardPage(page, baseUrl);
      await dashboard.goto('2026-11-27');
      await dashboard.renewalCard('FACHE').waitFor();
    },
  },
];

/** Signs up a fresh account in the page's browser context (the cookie is kept), through the API. */
async function signUpThroughApi(page: Page, baseUrl: string): Promise<void> {
  const res = await page.request.post(`${baseUrl}/api/auth/signup`, {
    data: {
      email: `axe-${Date.now()}-${Math.random().toString(36).slice(2)}@example.org`,
      displayName: 'Axe Checker',
      password: 'a long enough passphrase',
    },
  });
  if (res.status() !== 201) throw new Error(`sign-up failed: ${res.status()} ${await res.text()}`);
}

screens.push(
  {
    name: 'sign-in',
    open: async (page, baseUrl) => new SignInPage(page, baseUrl).goto(),
  },
  {
    name: 'sign-up',
    open: async (page, baseUrl) => new SignUpPage(page, baseUrl).goto(),
  },
  {
    name: 'account',
    open: async (page, baseUrl) => {
      await signUpThroughApi(page, baseUrl);
      const account = new AccountPage(page, baseUrl);
      await account.goto();
      // The token shown once, and the list under it.
      await account.createToken('Accessibility check');
      await account.tokenRow('Accessibility check').waitFor();
      await account.calendar.getByTestId('calendar-status').waitFor();
    },
  },
  {
    name: 'activity',
    open: async (page, baseUrl) => {
      await signUpThroughApi(page, baseUrl);
      await new ActivityPage(page, baseUrl).goto();
    },
  },
);

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
