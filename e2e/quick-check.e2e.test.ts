import { mkdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { profileSchema } from '../src/core/profile';
import { projectRoot } from '../src/services/config';
import { QuickCheckPage } from './pages/QuickCheckPage';
import {
  browserCheck,
  eventually,
  saveScreenshot,
  useAppInBrowser,
  type ViewportName,
} from './support/browser';
import { seriousViolations, horizontalOverflow } from './support/axe';

/** The month `years` years before today, YYYY-MM. */
function yearsAgo(years: number): string {
  const now = new Date();
  return `${now.getUTCFullYear() - years}-${String(now.getUTCMonth() + 1).padStart(2, '0')}`;
}
const sixYearsAgo = () => yearsAgo(6);

const healthcareQuestion = /^Was this job in a healthcare organisation/;
const managementQuestion = /^Did you manage people, a budget or operations/;
const patientCareQuestion = /^Did you care for patients directly/;
const nurseQuestion = /^Did you work as a registered nurse/;

const missingEnd = "Add the month this job ended, or tick 'I still work here'";

describe.skipIf(!browserCheck.available)('quick check page', () => {
  const app = useAppInBrowser();

  async function checkNurseManager(viewport: ViewportName): Promise<QuickCheckPage> {
    const page = await app.newPage(viewport);
    const quick = new QuickCheckPage(page, app.baseUrl);
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

  /** A full-page screenshot from the top of the page, with the fonts loaded. */
  async function screenshot(page: Page, name: string): Promise<void> {
    await page.evaluate(async () => {
      await document.fonts.ready;
      window.scrollTo(0, 0);
    });
    await saveScreenshot(page, name);
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
    await screenshot(page, 'quick-check');

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
    expect(await horizontalOverflow(quick.page)).toBeLessThanOrEqual(0);
    expect(await seriousViolations(quick.page)).toEqual([]);
    await screenshot(quick.page, 'quick-check');
    await quick.page.context().close();
  });

  it("lists the server's issues with their paths when the profile is refused", async () => {
    const page = await app.newPage('desktop');
    const quick = new QuickCheckPage(page, app.baseUrl);
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
    const page = await app.newPage('desktop');
    const quick = new QuickCheckPage(page, app.baseUrl);
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

  it('downloads the profile, and uploading that file gives back the same form and results', async () => {
    const page = await app.newPage('desktop');
    const quick = new QuickCheckPage(page, app.baseUrl);
    await quick.goto();
    const managerStart = sixYearsAgo();
    await quick.addDegree("Bachelor's degree", 'Nursing', '2010-05');
    await quick.addDegree("Master's degree", 'Health administration', '');
    await quick.addJob({
      title: 'Staff Nurse',
      start: '2010-07',
      end: '2016-06',
      fte: 0.5,
      questions: [healthcareQuestion, patientCareQuestion, nurseQuestion],
    });
    await quick.addJob({
      title: 'Nurse Manager',
      start: managerStart,
      questions: [healthcareQuestion, managementQuestion],
    });
    await quick.addCredential(/^Registered nurse licence/);
    await quick.addMembership(/^ACHE — /, '2023-11');
    await quick.checkEligibility();
    const results = await quick.results();
    expect(Object.keys(results).length).toBeGreaterThan(0);
    const form = await quick.formValues();
    expect(form.jobs.map((j) => [j.title, j.fte, j.end, j.current])).toEqual([
      ['Staff Nurse', '0.5', '2016-06', false],
      ['Nurse Manager', '1', '', true],
    ]);

    const file = await quick.download();
    expect(file.name).toBe('profile.json');
    const doc = JSON.parse(file.text) as unknown;
    expect(profileSchema.safeParse(doc).error).toBeUndefined();
    expect(doc).toEqual({
      format: 'hm-pathways/profile@1',
      education: [
        { level: 'bachelor', field: 'Nursing', completed: '2010-05' },
        { level: 'master', field: 'Health administration' },
      ],
      positions: [
        {
          title: 'Staff Nurse',
          start: '2010-07',
          end: '2016-06',
          fte: 0.5,
          kinds: ['healthcare', 'clinical', 'registered_nurse'],
        },
        {
          title: 'Nurse Manager',
          start: managerStart,
          fte: 1,
          kinds: ['healthcare', 'healthcare_management'],
        },
      ],
      credentials: [{ id: 'RN_LICENSE' }],
      memberships: [{ id: 'ACHE', since: '2023-11' }],
    });
    // The server reads the file as it is, catalog ids included.
    const checked = await fetch(`${app.baseUrl}/api/eligibility`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ profile: doc }),
    });
    expect(checked.status).toBe(200);
    await page.context().close();

    // A new browser context: nothing stored. The file alone brings the answers back.
    const fresh = new QuickCheckPage(await app.newPage('desktop'), app.baseUrl);
    await fresh.goto();
    expect(await fresh.jobs.count()).toBe(0);
    await fresh.upload(file.name, file.text);
    await fresh.page.getByRole('status').filter({ hasText: 'Loaded profile.json.' }).waitFor();
    expect(await fresh.formValues()).toEqual(form);
    await fresh.checkEligibility();
    expect(await fresh.results()).toEqual(results);

    // And downloading again gives the same file.
    expect((await fresh.download()).text).toBe(file.text);
    await fresh.page.context().close();
  });

  it('names the field of a broken uploaded file and leaves the form as it was', async () => {
    const page = await app.newPage('desktop');
    const quick = new QuickCheckPage(page, app.baseUrl);
    await quick.goto();
    await quick.addJob({ title: 'Unit Clerk', start: '2020-01', questions: [] });
    const broken = {
      format: 'hm-pathways/profile@1',
      positions: [{ title: 'Nurse Manager', start: 'yesterday', kinds: ['healthcare'] }],
    };
    await quick.upload('profile.json', JSON.stringify(broken));
    const alert = quick.errorAlert.filter({ hasText: 'Could not load the profile' });
    await alert.waitFor();
    expect(await alert.getByTestId('file-issues').getByRole('listitem').allTextContents()).toEqual([
      'positions[0].start: not a date (YYYY-MM-DD or YYYY-MM)',
    ]);
    expect((await quick.formValues()).jobs.map((j) => j.title)).toEqual(['Unit Clerk']);
    await page.context().close();
  });

  it('loads a YAML profile and keeps what the form does not show', async () => {
    const page = await app.newPage('desktop');
    const quick = new QuickCheckPage(page, app.baseUrl);
    await quick.goto();
    const name = 'healthcare-executive.yaml';
    await quick.upload(name, await readFile(path.join(projectRoot, 'examples', name), 'utf8'));
    await page
      .getByRole('status')
      .filter({ hasText: `Loaded ${name}.` })
      .waitFor();
    const form = await quick.formValues();
    expect(form.jobs.map((j) => [j.title, j.end, j.current])).toEqual([
      ['Administrative Fellow', '2008-06', false],
      ['Operations Manager, Outpatient Clinics', '2012-12', false],
      ['Director of Operations, Surgical Services', '2019-06', false],
      ['Vice-President of Operations', '', true],
    ]);
    const kept = (await page.getByTestId('kept-summary').textContent()) ?? '';
    expect(kept).toContain('your name (Alicia Moreno)');
    // Her five CE activities are on the form now (they were only kept before), and still downloaded.
    expect(await page.getByTestId('ce').count()).toBe(5);
    const doc = JSON.parse((await quick.download()).text) as { name: string; ce: unknown[] };
    expect(doc.name).toBe('Alicia Moreno');
    expect(doc.ce).toHaveLength(5);
    await page.context().close();
  });

  it('does not let a past job without an end month through', async () => {
    const page = await app.newPage('phone');
    const quick = new QuickCheckPage(page, app.baseUrl);
    await quick.goto();
    await quick.addJob({ title: 'Staff Nurse', start: '2014-07', questions: [healthcareQuestion] });
    const job = quick.jobs.first();
    const end = job.getByLabel('Ended (month)');
    const stillHere = job.getByRole('checkbox', { name: 'I still work here' });
    expect(await end.isDisabled()).toBe(true);

    // Unticking "I still work here" asks for the end month at once.
    await stillHere.uncheck();
    await job.getByText(missingEnd).waitFor();
    expect(await end.getAttribute('aria-invalid')).toBe('true');

    // Checking stops, says why and takes the person to the field.
    await quick.checkButton.click();
    const checkProblems = page.getByTestId('check-problems');
    await checkProblems.waitFor();
    expect(await checkProblems.textContent()).toContain(`Job 1, Ended (month): ${missingEnd}`);
    await eventually(() => end.evaluate((el) => el === document.activeElement), 'focus on the end month');
    expect(await quick.resultsHeading.count()).toBe(0);

    // So does downloading: no file is offered.
    let downloaded = false;
    page.on('download', () => (downloaded = true));
    await quick.downloadButton.click();
    await page.getByTestId('download-problems').waitFor();
    expect(downloaded).toBe(false);
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'quick-check-problems');

    // The half-filled answer survives a reload as it is, not as a current job.
    await page.reload();
    await quick.heading.waitFor();
    expect(await quick.jobs.first().getByRole('checkbox', { name: 'I still work here' }).isChecked()).toBe(
      false,
    );
    await quick.jobs.first().getByText(missingEnd).waitFor();

    // An end month answers it; the summaries go away.
    await quick.jobs.first().getByLabel('Ended (month)').fill('2018-06');
    await checkProblems.waitFor({ state: 'detached' });
    expect(await page.getByText(missingEnd).count()).toBe(0);
    const file = await quick.download();
    expect((JSON.parse(file.text) as { positions: unknown[] }).positions).toEqual([
      { title: 'Staff Nurse', start: '2014-07', end: '2018-06', fte: 1, kinds: ['healthcare'] },
    ]);

    // Ticking "I still work here" again clears the end month.
    await quick.jobs.first().getByRole('checkbox', { name: 'I still work here' }).check();
    expect(await quick.jobs.first().getByLabel('Ended (month)').inputValue()).toBe('');
    await quick.checkEligibility();
    await page.context().close();
  });

  it('adds and removes list items by keyboard, each remove button named for its item', async () => {
    const page = await app.newPage('desktop');
    const quick = new QuickCheckPage(page, app.baseUrl);
    await quick.goto();
    const addJob = page.getByRole('button', { name: 'Add a job' });
    await page.getByText('No jobs added.').waitFor();

    await addJob.focus();
    await page.keyboard.press('Enter');
    await eventually(
      () =>
        quick.jobs
          .nth(0)
          .getByLabel('Job title')
          .evaluate((el) => el === document.activeElement),
      'focus on the new job title',
    );
    await page.keyboard.type('First job');
    await addJob.focus();
    await page.keyboard.press('Enter');
    await page.keyboard.type('Second job');
    await page.getByRole('status').filter({ hasText: 'Job 2 added.' }).waitFor();

    expect(
      await page
        .getByRole('button', { name: /^Remove job \d$/ })
        .evaluateAll((b) => b.map((x) => x.getAttribute('aria-label'))),
    ).toEqual(['Remove job 1', 'Remove job 2']);
    await page.getByRole('button', { name: 'Remove job 1' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('status').filter({ hasText: 'Job 1 removed.' }).waitFor();
    expect((await quick.formValues()).jobs.map((j) => j.title)).toEqual(['Second job']);
    // Focus moves to the job that took its place.
    await eventually(
      () =>
        quick.jobs
          .nth(0)
          .getByLabel('Job title')
          .evaluate((el) => el === document.activeElement),
      'focus on the remaining job',
    );

    // Removing the last item moves focus to the add button.
    await page.getByRole('button', { name: 'Remove job 1' }).focus();
    await page.keyboard.press('Space');
    await eventually(() => addJob.evaluate((el) => el === document.activeElement), 'focus on "Add a job"');
    await page.getByText('No jobs added.').waitFor();

    // The other lists use the same names.
    await page.getByRole('button', { name: 'Add a degree' }).click();
    await page.getByRole('button', { name: 'Add a membership' }).click();
    await page.getByRole('button', { name: 'Remove degree 1' }).waitFor();
    await page.getByRole('button', { name: 'Remove membership 1' }).waitFor();
    await page.context().close();
  });

  /** A full-page screenshot for docs/screenshots/<name>.png, scrolled where the test left it. */
  async function docsScreenshot(page: Page, name: string): Promise<void> {
    await page.evaluate(() => document.fonts.ready);
    const dir = path.join(projectRoot, 'docs', 'screenshots');
    mkdirSync(dir, { recursive: true });
    await page.screenshot({ path: path.join(dir, `${name}.png`) });
  }

  /** The day `months` months before today, YYYY-MM-DD (the 15th). */
  function monthsAgoDay(months: number): string {
    const d = new Date();
    d.setUTCDate(15);
    d.setUTCMonth(d.getUTCMonth() - months);
    return d.toISOString().slice(0, 10);
  }
  const executiveQuestion = /^Were you an executive/;

  it('Alicia enters her whole profile and FACHE shows nothing missing', async () => {
    for (const viewport of ['desktop', 'phone'] as const) {
      const page = await app.newPage(viewport);
      const quick = new QuickCheckPage(page, app.baseUrl);
      await quick.goto();
      await quick.addDegree("Master's degree", 'Health administration (MHA)', '2007-05');
      await quick.addJob({
        title: 'Operations Manager',
        start: '2007-07',
        end: '2012-12',
        questions: [healthcareQuestion, managementQuestion],
        role: 'suggested',
      });
      await quick.addJob({
        title: 'Vice President of Operations',
        start: '2013-01',
        questions: [healthcareQuestion, managementQuestion, executiveQuestion],
        role: 'suggested',
      });
      await quick.addMembership(/^ACHE — /, '2009-01');
      await quick.addCe({
        date: monthsAgoDay(8),
        hours: 15,
        provider: 'ACHE',
        category: 'ACHE In-Person Education',
      });
      await quick.addCe({
        date: monthsAgoDay(20),
        hours: 12,
        provider: 'ACHE',
        category: 'ACHE In-Person Education',
      });
      await quick.addCe({
        date: monthsAgoDay(14),
        hours: 8,
        provider: 'ACHE',
        category: 'Qualifying Education',
      });
      await quick.addCe({
        date: monthsAgoDay(4),
        hours: 3,
        provider: 'ACHE chapter',
        category: 'ACHE Virtual Interactive Education',
      });
      await quick.addVolunteering('In healthcare', monthsAgoDay(6), 'Hospital foundation board');
      await quick.addVolunteering('In healthcare', monthsAgoDay(18), 'Free clinic operations advisor');
      await quick.addVolunteering('In the community', monthsAgoDay(10), 'School board');
      await quick.addVolunteering('In the community', monthsAgoDay(22), 'Food bank volunteer');
      await quick.confirm(/^I have the two references ACHE asks for/);
      // Each statement is ACHE's own, with a link to ACHE's page.
      const link = page.getByRole('link', { name: /ACHE's page on FACHE/ });
      expect(await link.getAttribute('href')).toMatch(/^https:\/\/(www\.)?ache\.org/);
      await quick.checkEligibility();

      await quick.card('FACHE', quick.group('Eligible now')).waitFor();
      const fache = await quick.expand('FACHE');
      expect(fache).not.toMatch(/Not met|Not asked yet/);
      expect(fache).toMatch(/You confirmed: I have the two references/);
      expect(await quick.notAsked('FACHE').count()).toBe(0);
      expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
      expect(await seriousViolations(page)).toEqual([]);
      await quick.card('FACHE').scrollIntoViewIfNeeded();
      await docsScreenshot(page, `quick-check-executive-${viewport}`);
      await page.context().close();
    }
  });

  it('Maria: her jobs with their roles; NE-BC reads "not asked yet" until she adds her 14 hours of CE', async () => {
    for (const viewport of ['desktop', 'phone'] as const) {
      const page = await app.newPage(viewport);
      const quick = new QuickCheckPage(page, app.baseUrl);
      await quick.goto();
      await quick.addDegree("Associate's degree", 'Nursing (ADN)', '2017-05');
      await quick.addDegree("Bachelor's degree", 'Nursing (BSN)', '2021-05');
      await quick.addJob({
        title: 'Staff Nurse, Telemetry',
        start: '2017-08',
        end: '2021-02',
        questions: [healthcareQuestion, patientCareQuestion, nurseQuestion],
        role: 'Staff Nurse (RN)',
      });
      await quick.addJob({
        title: 'Charge Nurse, MICU',
        start: '2021-03',
        fte: 0.9,
        questions: [healthcareQuestion, patientCareQuestion, nurseQuestion],
      });
      // The role is suggested from the title, for her to confirm.
      const charge = quick.jobs.last();
      expect(await charge.getByTestId('role-suggestion').textContent()).toContain('Charge Nurse');
      await charge.getByRole('button', { name: 'Use the suggested role Charge Nurse' }).click();
      expect(await charge.getByRole('combobox', { name: 'Role', exact: true }).inputValue()).toBe(
        'Charge Nurse',
      );
      await quick.addCredential(/^Registered nurse licence/);
      await page.getByRole('checkbox', { name: 'I am not a member of any of these' }).check();
      await quick.checkEligibility();

      // CE was not asked yet: no "(you have 0)", but a way to add it.
      await quick.expand('NE-BC');
      const notAsked = quick.notAsked('NE-BC').first();
      expect(await notAsked.textContent()).toContain('Not asked yet — add your continuing education.');
      // Other conditions may truly be 0 (months as a nurse manager); the CE one is not a 0.
      expect(await notAsked.textContent()).not.toMatch(/you have 0/);
      expect(await seriousViolations(page)).toEqual([]);
      await docsScreenshot(page, `quick-check-not-asked-${viewport}`);
      await notAsked.getByRole('button', { name: 'Add your continuing education' }).click();
      const ceButton = page.getByRole('button', { name: 'Add continuing education' });
      expect(await ceButton.evaluate((el) => el === document.activeElement)).toBe(true);

      await quick.addCe({
        date: monthsAgoDay(5),
        hours: 8,
        title: 'Sepsis update',
        category: 'General continuing education',
      });
      await quick.addCe({
        date: monthsAgoDay(11),
        hours: 6,
        title: 'Introduction to nursing leadership',
        category: 'Nursing leadership, management or administration education',
      });
      await quick.checkEligibility();
      const nebc = await quick.expand('NE-BC');
      expect(nebc).toMatch(/You need 24 more contact hours|24 more/);
      expect(await quick.notAsked('NE-BC').count()).toBe(0);

      // Download -> upload keeps her roles and CE.
      const doc = JSON.parse((await quick.download()).text) as {
        positions: Array<{ role?: string }>;
        ce: unknown[];
      };
      expect(doc.positions.map((p) => p.role)).toEqual(['staff-nurse', 'charge-nurse']);
      expect(doc.ce).toHaveLength(2);
      await quick.jobs.first().scrollIntoViewIfNeeded();
      await docsScreenshot(page, `quick-check-roles-${viewport}`);
      await page.context().close();
    }
  });
});
