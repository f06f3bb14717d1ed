import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QuickCheckPage } from './pages/QuickCheckPage';
import { browserCheck, launchBrowser, newPage, saveScreenshot, type ViewportName } from './support/browser';
import { startTestServer, type TestServer } from './support/server';

async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** The month six years before today, YYYY-MM. */
function sixYearsAgo(): string {
  const now = new Date();
  return `${now.getUTCFullYear() - 6}-${String(now.getUTCMonth() + 1).padStart(2, '0')}`;
}

const healthcareQuestion = /^Was this job in a healthcare organisation/;
const managementQuestion = /^Did you manage people, a budget or operations/;

describe.skipIf(!browserCheck.available)('quick check page', () => {
  let server: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function checkNurseManager(viewport: ViewportName): Promise<QuickCheckPage> {
    const page = await newPage(browser, viewport);
    const quick = new QuickCheckPage(page, server.baseUrl);
    await quick.goto();
    await quick.addDegree("Bachelor's degree", 'Nursing', '2014-05');
    await quick.addJob({
      title: 'Nurse Manager',
      start: sixYearsAgo(),
      questions: [healthcareQuestion, managementQuestion],
    });
    await quick.checkEligibility();
    return quick;
  }

  it('shows a nurse manager FACHE under "Needs more than time" and CPHQ under "Eligible now"', async () => {
    const quick = await checkNurseManager('desktop');
    const page = quick.page;

    await quick.card('FACHE', quick.group('Needs more than time')).waitFor();
    expect(await quick.card('FACHE', quick.group('Eligible now')).count()).toBe(0);
    const fache = await quick.expand('FACHE');
    expect(fache).toMatch(/master/i);

    await quick.card('CPHQ', quick.group('Eligible now')).waitFor();
    const cphq = await quick.expand('CPHQ');
    expect(cphq.length).toBeGreaterThan(0);

    expect(await seriousViolations(page)).toEqual([]);
    await saveScreenshot(page, 'quick-check');

    // The profile stays in the browser: a reload keeps the answers.
    await page.reload();
    await quick.heading.waitFor();
    expect(await page.getByLabel('Job title').inputValue()).toBe('Nurse Manager');
    await page.context().close();
  });

  it('works at phone width', async () => {
    const quick = await checkNurseManager('phone');
    await quick.card('CPHQ', quick.group('Eligible now')).waitFor();
    await quick.expand('FACHE');
    expect(
      await quick.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth),
    ).toBeLessThanOrEqual(0);
    expect(await seriousViolations(quick.page)).toEqual([]);
    await saveScreenshot(quick.page, 'quick-check');
    await quick.page.context().close();
  });

  it("lists the server's issues with their paths when the profile is refused", async () => {
    const page = await newPage(browser, 'desktop');
    const quick = new QuickCheckPage(page, server.baseUrl);
    await quick.goto();
    await page.getByRole('button', { name: 'Add a job' }).click();
    await quick.checkButton.click();
    await quick.errorAlert.waitFor();
    const text = (await quick.errorAlert.textContent()) ?? '';
    expect(text).toContain('Could not check eligibility');
    const issues = await page.getByTestId('validation-issues').getByRole('listitem').allTextContents();
    expect(issues).toContain('profile.positions[0].title: must not be empty');
    expect(issues.some((i) => i.startsWith('profile.positions[0].start: '))).toBe(true);
    expect(text).toContain('profile.positions[0].title');
    await page.context().close();
  });

  it('refuses an uploaded file that is not a profile', async () => {
    const page = await newPage(browser, 'desktop');
    const quick = new QuickCheckPage(page, server.baseUrl);
    await quick.goto();
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Upload profile' }).click();
    await (
      await chooser
    ).setFiles({ name: 'profile.json', mimeType: 'application/json', buffer: Buffer.from('{not json') });
    await quick.errorAlert.waitFor();
    expect(await quick.errorAlert.textContent()).toContain('not valid JSON');
    await page.context().close();
  });
});
