import type { Page } from 'playwright-core';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { CatalogPage } from './pages/CatalogPage';
import { browserCheck, eventually, useAppInBrowser } from './support/browser';

interface ListBody {
  total: number;
  certifications: Array<{ id: string; acronym: string; focusAreas: string[] }>;
}

describe.skipIf(!browserCheck.available)('certification catalog page', () => {
  const app = useAppInBrowser();
  let page: Page;
  let catalog: CatalogPage;
  let all: ListBody;

  beforeAll(async () => {
    all = (await (await fetch(`${app.baseUrl}/api/certifications`)).json()) as ListBody;
  });

  beforeEach(async () => {
    await page?.context().close();
    page = await app.newPage('desktop');
    catalog = new CatalogPage(page, app.baseUrl);
  });

  it('redirects / to the catalog and lists every certification the API has', async () => {
    await page.goto(`${app.baseUrl}/`);
    await catalog.heading.waitFor();
    expect(new URL(page.url()).pathname).toBe('/certifications');
    await catalog.waitForCount(all.total);
    expect(all.total).toBeGreaterThanOrEqual(all.certifications.length);
    expect(all.total).toBeGreaterThanOrEqual(16);
    expect(await catalog.cards.count()).toBeGreaterThanOrEqual(all.total);
    expect((await catalog.resultCount.textContent())?.trim()).toBe(`${all.total} certifications`);
    expect((await catalog.acronyms()).sort()).toEqual(all.certifications.map((c) => c.acronym).sort());
  });

  it('shows each card with its full name, issuer, renewal cycle, confidence and check date', async () => {
    await catalog.goto();
    await catalog.waitForCount(all.total);
    const card = catalog.cards.filter({ has: catalog.certificationLink('CPHQ') });
    const text = (await card.textContent()) ?? '';
    expect(text).toContain('CPHQ — Certified Professional in Healthcare Quality');
    expect(text).toContain('Issued by National Association for Healthcare Quality (NAHQ)');
    expect(text).toContain('Healthcare quality');
    expect(text).toContain('Renews every 24 months (2 years)');
    expect(text).toContain('High confidence');
    expect(text).toMatch(/checked \d{1,2} [A-Z][a-z]{2} \d{4}/);
  });

  it('searches as you type, case-insensitively, and keeps the search in the URL', async () => {
    await catalog.goto();
    await catalog.waitForCount(all.total);
    const result = await catalog.search('quality');
    expect(result.total).toBeGreaterThan(0);
    expect(result.total).toBeLessThan(all.total);
    expect(await catalog.acronyms()).toContain('CPHQ');
    expect(new URL(page.url()).searchParams.get('q')).toBe('quality');

    const upper = await catalog.search('QUALITY');
    expect(upper.total).toBe(result.total);

    // The URL alone restores the search.
    await catalog.goto('?q=quality');
    await catalog.waitForCount(result.total);
    expect(await catalog.searchBox.inputValue()).toBe('quality');
  });

  it('filters by focus area and reflects the filter in the URL', async () => {
    await catalog.goto();
    await catalog.waitForCount(all.total);
    const expected = all.certifications.filter((c) => c.focusAreas.includes('quality')).length;
    const result = await catalog.filterFocus('Healthcare quality');
    expect(result.total).toBe(expected);
    expect(new URL(page.url()).searchParams.get('focus')).toBe('quality');
    for (const card of await catalog.cards.all()) {
      expect(await card.textContent()).toContain('Healthcare quality');
    }
    await page.reload();
    await catalog.waitForCount(expected);

    // A second area widens the list (a certification matches any chosen area).
    const both = await catalog.filterFocus('Patient safety');
    expect(new URL(page.url()).searchParams.get('focus')).toBe('quality,patient_safety');
    expect(both.total).toBe(
      all.certifications.filter(
        (c) => c.focusAreas.includes('quality') || c.focusAreas.includes('patient_safety'),
      ).length,
    );

    // The navigation link starts afresh.
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Certifications' })
      .click();
    await catalog.waitForCount(all.total);
    expect(new URL(page.url()).search).toBe('');
  });

  it('sorts by the chosen order and keeps it in the URL', async () => {
    await catalog.goto();
    await catalog.waitForCount(all.total);
    await page.getByRole('combobox', { name: 'Sort by' }).click();
    await page.getByRole('option', { name: 'Full name (A to Z)' }).click();
    await eventually(() => new URL(page.url()).searchParams.get('sort') === 'name', 'sort=name in the URL');
    const byName = (await (await fetch(`${app.baseUrl}/api/certifications?sort=name`)).json()) as ListBody;
    await eventually(
      async () => (await catalog.acronyms()).join() === byName.certifications.map((c) => c.acronym).join(),
      'cards in name order',
    );
  });

  it('shows an empty state with a button that clears the filters', async () => {
    await catalog.goto();
    await catalog.waitForCount(all.total);
    await catalog.search('no such certification zzz');
    await catalog.emptyState.waitFor();
    const cleared = await catalog.clearFilters();
    expect(cleared.total).toBe(all.total);
    expect(await catalog.searchBox.inputValue()).toBe('');
    expect(new URL(page.url()).search).toBe('');
  });

  it("shows the server's message when the API refuses a filter", async () => {
    await catalog.goto('?focus=not_a_focus_area');
    await catalog.errorAlert.waitFor();
    const text = (await catalog.errorAlert.textContent()) ?? '';
    expect(text).toContain('Could not load certifications');
    expect(text).toContain('query parameter focus: unknown focus area "not_a_focus_area"');
  });

  it('opens a certification from its card', async () => {
    await catalog.goto();
    await catalog.waitForCount(all.total);
    await catalog.openCertification('CPHQ');
    expect(new URL(page.url()).pathname).toBe('/certifications/CPHQ');
  });

  it('can be used by keyboard: Tab reaches the search box', async () => {
    await catalog.goto();
    await catalog.waitForCount(all.total);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to main content');
    let reached = false;
    for (let i = 0; i < 25 && !reached; i++) {
      await page.keyboard.press('Tab');
      reached = await catalog.searchBox.evaluate((el) => el === document.activeElement);
    }
    expect(reached).toBe(true);
    await page.keyboard.type('cphq');
    await eventually(async () => (await catalog.acronyms()).join() === 'CPHQ', 'typing filters to CPHQ');
  });
});
