/**
 * My record, profile import and the dashboard in the browser: a new account imports an example
 * profile through the import page (with its preview), sees its dashboard, and watches a renewal bar
 * and an eligibility verdict follow its edits on /record; the record survives signing out and in.
 *
 * The dashboard is asked for a fixed date (?asOf=2026-11-27, the catalog's verification date, as
 * in src/services/examples.test.ts), so the verdicts do not depend on the day the test runs.
 */
import { mkdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../src/services/config';
import { DashboardPage } from './pages/DashboardPage';
import { field } from './pages/fields';
import { ImportPage } from './pages/ImportPage';
import { RecordPage } from './pages/RecordPage';
import { browserCheck, eventually, saveScreenshot, useAppInBrowser } from './support/browser';
import {
  addItemInPage,
  newAccount,
  signInInPage,
  signOutInPage,
  signUpInPage,
  signUpWithExample,
  statusOf,
} from './support/session';
import { seriousViolations, horizontalOverflow } from './support/axe';

const AS_OF = '2026-11-27';
const projectQuestion = /^Did you lead and direct projects/;

/** A full-page screenshot for docs/screenshots/<name>.png. */
async function docsScreenshot(page: Page, name: string): Promise<void> {
  await page.evaluate(async () => {
    await document.fonts.ready;
    window.scrollTo(0, 0);
  });
  const dir = path.join(projectRoot, 'docs', 'screenshots');
  mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: path.join(dir, `${name}.png`), fullPage: true });
}

async function screenshot(page: Page, name: string): Promise<void> {
  await page.evaluate(async () => {
    await document.fonts.ready;
    window.scrollTo(0, 0);
  });
  await saveScreenshot(page, name);
}

describe.skipIf(!browserCheck.available)('my record, import and dashboard', () => {
  const app = useAppInBrowser();

  it('imports a profile with a preview, follows edits on the dashboard, and keeps them across sign-in', async () => {
    const page = await app.newPage('desktop');
    try {
      await page.goto(`${app.baseUrl}/certifications`);
      const account = newAccount('Priya Raman');
      await signUpInPage(page, account);

      // Import the quality analyst's profile through the import page, with its preview.
      const importPage = new ImportPage(page, app.baseUrl);
      await importPage.goto();
      const text = await readFile(path.join(projectRoot, 'examples', 'quality-analyst.yaml'), 'utf8');
      await importPage.chooseMode('Replace');
      await importPage.chooseFile('quality-analyst.yaml', text);
      const counts = await importPage.previewCounts();
      expect(counts.positions).toEqual({ added: 3, removed: 0, unchanged: 0 });
      expect(counts.ce).toEqual({ added: 2, removed: 0, unchanged: 0 });
      expect(await importPage.previewItems('positions')).toEqual([
        expect.stringMatching(/^Clinical Data Abstractor \(Aug 2016 – Dec 2019/),
        expect.stringMatching(/^Quality Improvement Analyst/),
        expect.stringMatching(/^Senior Quality Improvement Specialist \((Role: [^·]+ · )?Jun 2024 – now/),
      ]);
      await screenshot(page, 'import-preview');
      expect(await seriousViolations(page)).toEqual([]);
      await importPage.applyButton.click();
      await page.waitForURL(/\/dashboard$/);
      const dashboard = new DashboardPage(page, app.baseUrl);
      await dashboard.notice.waitFor();
      expect(await dashboard.notice.textContent()).toContain('Imported quality-analyst.yaml');

      // The dashboard on a fixed date: PMP only needs time, CPHQ is open now.
      await dashboard.goto(AS_OF);
      expect(await dashboard.asOf.textContent()).toContain('27 Nov 2026');
      await dashboard.showAllCertifications();
      expect(await dashboard.eligibilityOf('PMP')).toBe('eligible_soon');
      expect(await dashboard.eligibilityOf('CPHQ')).toBe('eligible');

      // Add a CPHQ held, then CE: the renewal bar moves.
      const record = new RecordPage(page, app.baseUrl);
      await record.goto();
      expect(await record.items('Jobs')).toHaveLength(3);
      await record.addCredential(/^CPHQ — /, { earned: '2025-06-15', expires: '2027-12-31' });
      await eventually(
        async () => (await record.items('Credentials held')).length === 2,
        'the credential to be listed',
      );

      await dashboard.goto(AS_OF);
      await dashboard.renewalCard('CPHQ').waitFor();
      const before = await dashboard.renewalEarned('CPHQ');
      expect(before).toBe(1.5);

      await record.goto();
      // A problem the server names is shown on its field: an activity without hours, and credits without an amount.
      await record.openAdd('Continuing education', 'Add an activity');
      // The dialog opens with focus in its first field.
      await eventually(
        async () => (await page.evaluate(() => document.activeElement?.id)) === 'rec-ce-date',
        'focus in the Date field',
      );
      await record.fillCe({
        date: '2026-10-01',
        title: 'Quality Summit',
        credits: [{ unit: 'NAHQ CE credit' }],
      });
      const problems = await record.saveExpectingProblems();
      expect(problems.some((p) => p.startsWith('Hours: '))).toBe(true);
      expect(problems.some((p) => p.startsWith('Credit 1, Amount: '))).toBe(true);
      expect(await record.fieldError('Hours')).not.toBe('');
      expect(await record.fieldError('Amount', record.editor.getByTestId('credit'))).not.toBe('');
      expect(await seriousViolations(page)).toEqual([]);
      await record.editor.getByRole('button', { name: 'Cancel' }).click();
      await record.editor.waitFor({ state: 'detached' });

      await record.addCe({
        date: '2026-10-01',
        hours: 10,
        title: 'Healthcare Quality Summit',
        provider: 'NAHQ',
        category: 'NAHQ-approved CE',
        credits: [{ unit: 'NAHQ CE credit', amount: 10, category: 'NAHQ-approved CE' }],
      });
      await eventually(
        async () => (await record.items('Continuing education')).length === 3,
        'the activity to be listed',
      );
      await dashboard.goto(AS_OF);
      expect(await dashboard.renewalEarned('CPHQ')).toBe(11.5);

      // Add a past job leading projects: PMP moves from "eligible soon" to "eligible now".
      await record.goto();
      await record.addJob({
        title: 'Project Coordinator',
        start: '2019-01',
        end: '2021-12',
        questions: [/^Was this job in a healthcare organisation/, projectQuestion],
      });
      await eventually(async () => (await record.items('Jobs')).length === 4, 'the job to be listed');
      await page.getByTestId('record-standing').waitFor();
      await dashboard.goto(AS_OF);
      await dashboard.showAllCertifications();
      expect(await dashboard.eligibilityOf('PMP')).toBe('eligible');

      // Sign out and in again: everything is still there.
      await signOutInPage(page);
      expect(await statusOf(page, '/api/me/record')).toBe(401);
      await signInInPage(page, account);
      await dashboard.goto(AS_OF);
      await dashboard.showAllCertifications();
      expect(await dashboard.eligibilityOf('PMP')).toBe('eligible');
      expect(await dashboard.renewalEarned('CPHQ')).toBe(11.5);
      await record.goto();
      expect(await record.items('Jobs')).toHaveLength(4);
      expect(await record.items('Continuing education')).toHaveLength(3);
    } finally {
      await page.context().close();
    }
  });

  it('lists every problem of an invalid file with its path, and imports nothing', async () => {
    const page = await app.newPage('desktop');
    try {
      await page.goto(`${app.baseUrl}/certifications`);
      await signUpInPage(page, newAccount());
      const importPage = new ImportPage(page, app.baseUrl);
      await importPage.goto();
      await importPage.chooseFile(
        'broken.yaml',
        'format: hm-pathways/profile@1\npositions:\n  - title: Analyst\n    start: 2020-13\n    fte: 3\n',
      );
      await importPage.fileIssues.first().waitFor();
      const issues = await importPage.fileIssues.allTextContents();
      expect(issues).toEqual(
        expect.arrayContaining([
          expect.stringMatching(/^positions\[0\]\.start: /),
          expect.stringMatching(/^positions\[0\]\.fte: /),
        ]),
      );
      expect(await importPage.applyButton.count()).toBe(0);
    } finally {
      await page.context().close();
    }
  });

  it("brings the quick check's answers kept in this browser into the record", async () => {
    const page = await app.newPage('desktop');
    try {
      await page.goto(`${app.baseUrl}/certifications`);
      await signUpInPage(page, newAccount());
      // The quick check's answers, as its page keeps them in this browser.
      await page.evaluate(() =>
        window.localStorage.setItem(
          'hm-pathways.quick-check.draft',
          JSON.stringify({
            education: [{ level: 'bachelor', field: 'Nursing', completed: '2014-05' }],
            positions: [
              {
                title: 'Nurse Manager',
                start: '2020-07',
                end: '',
                current: true,
                fte: 1,
                kinds: ['healthcare', 'healthcare_management'],
              },
            ],
            credentials: [],
            memberships: [],
          }),
        ),
      );
      const importPage = new ImportPage(page, app.baseUrl);
      await importPage.goto('?from=quick-check');
      expect(await page.getByTestId('import-source-name').textContent()).toBe(
        'Importing your quick check answers.',
      );
      const counts = await importPage.previewCounts();
      expect(counts.positions).toEqual({ added: 1, removed: 0, unchanged: 0 });
      expect(counts.education).toEqual({ added: 1, removed: 0, unchanged: 0 });
      await importPage.applyButton.click();
      await page.waitForURL(/\/dashboard$/);
      const record = new RecordPage(page, app.baseUrl);
      await record.goto();
      expect(await record.items('Jobs')).toEqual([expect.stringMatching(/^Nurse Manager/)]);

      // Profile fields: saved, and still there after a reload.
      const about = page.getByRole('region', { name: 'About you' });
      await field(about, 'Name').fill('Jordan Lee');
      await field(about, 'College credit hours').fill('120');
      await about.getByRole('button', { name: 'Save these details' }).click();
      await about.getByText('Saved.').waitFor();
      await record.goto();
      expect(await field(about, 'Name').inputValue()).toBe('Jordan Lee');
      expect(await field(about, 'College credit hours').inputValue()).toBe('120');
    } finally {
      await page.context().close();
    }
  });

  it('refuses an import when the record changed after the preview, and previews again', async () => {
    const page = await app.newPage('desktop');
    try {
      await page.goto(`${app.baseUrl}/certifications`);
      await signUpInPage(page, newAccount());
      const importPage = new ImportPage(page, app.baseUrl);
      await importPage.goto();
      const text = await readFile(path.join(projectRoot, 'examples', 'nurse-manager.yaml'), 'utf8');
      await importPage.chooseFile('nurse-manager.yaml', text);
      await importPage.previewCounts();
      // Meanwhile, in "another tab", a degree is added.
      await addItemInPage(page, 'education', { level: 'master', field: 'nursing administration' });
      await importPage.applyButton.click();
      await importPage.conflict.waitFor();
      expect(await importPage.conflict.textContent()).toContain('nothing was imported');
      await importPage.conflict.getByRole('button', { name: 'Refresh the preview' }).click();
      await eventually(async () => (await importPage.conflict.count()) === 0, 'the new preview');
      expect((await importPage.previewCounts()).education).toEqual({ added: 1, removed: 0, unchanged: 0 });
      await importPage.applyButton.click();
      await page.waitForURL(/\/dashboard$/);
    } finally {
      await page.context().close();
    }
  });

  for (const viewport of ['desktop', 'phone'] as const) {
    it(`shows an executive's dashboard and record at ${viewport} width (docs screenshots)`, async () => {
      const page = await app.newPage(viewport);
      try {
        await signUpWithExample(page, app.baseUrl, 'healthcare-executive.yaml', [
          { id: 'FACHE', expires: '2027-12-31' },
          { id: 'RN_LICENSE', earned: '2005-06' },
        ]);
        const dashboard = new DashboardPage(page, app.baseUrl);
        await dashboard.goto(AS_OF);
        await dashboard.renewalCard('FACHE').waitFor();
        // The worked example of docs/renewal.md, less the 10 hours from another organisation.
        expect(await dashboard.renewalEarned('FACHE')).toBe(23);
        expect(await dashboard.renewalStatus('FACHE')).toBe('On track');
        expect(await dashboard.deadlines()).toEqual([
          expect.stringMatching(/^FACHE renewal applications open1 Jan 2027/),
          expect.stringMatching(/^FACHE renewal due31 Dec 2027/),
        ]);
        expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
        await docsScreenshot(page, `dashboard-${viewport}`);

        // Plan an exam: it joins the dated list.
        await page.getByRole('button', { name: 'Plan an exam' }).click();
        const dialog = page.getByRole('dialog', { name: 'Plan an exam' });
        await dialog.waitFor();
        expect(await seriousViolations(page)).toEqual([]);
        await field(dialog, 'Certification').click();
        await page.getByRole('option', { name: /^CPHQ — / }).click();
        await field(dialog, 'Exam date').fill('2027-05-10');
        await dialog.getByRole('button', { name: 'Add to my dates' }).click();
        await dialog.waitFor({ state: 'detached' });
        await eventually(
          async () =>
            (await dashboard.deadlines()).some((d) => d.startsWith('CPHQ exam (planned)10 May 2027')),
          'the planned exam on the timeline',
        );

        const record = new RecordPage(page, app.baseUrl);
        await record.goto();
        expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
        if (viewport === 'desktop') await docsScreenshot(page, 'record-desktop');

        // Delete the licence, after confirming.
        await record
          .section('Credentials held')
          .getByRole('button', { name: 'Delete credential: Registered nurse licence' })
          .click();
        const confirm = page.getByRole('dialog', { name: 'Delete this credential?' });
        await confirm.waitFor();
        expect(await seriousViolations(page)).toEqual([]);
        await confirm.getByRole('button', { name: 'Delete' }).click();
        await confirm.waitFor({ state: 'detached' });
        await eventually(
          async () => (await record.items('Credentials held')).length === 1,
          'the licence to be gone',
        );
        // Focus is back in the section, on its add button.
        expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Add a credential');
      } finally {
        await page.context().close();
      }
    });
  }

  for (const viewport of ['desktop', 'phone'] as const) {
    it(`asks whether a past cycle was renewed and keeps the answer on the credential (${viewport})`, async () => {
      const page = await app.newPage(viewport);
      try {
        // CPHQ earned in June 2019: NAHQ's cycles ended on 31 Dec 2021, 2023 and 2025.
        await signUpWithExample(page, app.baseUrl, 'quality-analyst.yaml', [
          { id: 'CPHQ', earned: '2019-06-15' },
        ]);
        const dashboard = new DashboardPage(page, app.baseUrl);
        await dashboard.goto(AS_OF);
        const card = dashboard.renewalCard('CPHQ');
        const question = card.getByRole('group', { name: 'Did you renew your CPHQ by 31 Dec 2025?' });
        await question.waitFor();
        expect(await card.textContent()).toContain('Cycle 1 Jan 2026 to 31 Dec 2027');
        expect(await seriousViolations(page)).toEqual([]);
        expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
        await screenshot(page, `dashboard-renewal-question-${viewport}`);
        await question.getByRole('button', { name: 'Yes, I renewed' }).click();
        await question.waitFor({ state: 'detached' });
        // Kept on the credential: its expiry is now recorded, and the question is gone after a reload.
        await dashboard.goto(AS_OF);
        await card.waitFor();
        expect(await card.getByTestId('renewal-question').count()).toBe(0);
        expect(await card.textContent()).toContain('Cycle 1 Jan 2026 to 31 Dec 2027');
        const record = new RecordPage(page, app.baseUrl);
        await record.goto();
        expect((await record.items('Credentials held')).join(' ')).toMatch(/31 Dec 2027|2027-12-31/);
      } finally {
        await page.context().close();
      }
    });
  }

  it('shows a new account what to do, at phone width too', async () => {
    const page = await app.newPage('phone');
    try {
      await page.goto(`${app.baseUrl}/certifications`);
      await signUpInPage(page, newAccount());
      const dashboard = new DashboardPage(page, app.baseUrl);
      await dashboard.goto();
      const empty = page.getByTestId('dashboard-empty');
      await empty.waitFor();
      await empty.getByRole('link', { name: 'Add your first job' }).waitFor();
      expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
      expect(await seriousViolations(page)).toEqual([]);
      await empty.getByRole('link', { name: 'Add your first job' }).click();
      await page.waitForURL(/\/record#record-positions$/);
      await new RecordPage(page, app.baseUrl).heading.waitFor();
    } finally {
      await page.context().close();
    }
  });

  for (const viewport of ['desktop', 'phone'] as const) {
    it(`asks once for the current job's role, and a job's role survives save and reload (${viewport})`, async () => {
      const page = await app.newPage(viewport);
      try {
        await page.goto(`${app.baseUrl}/certifications`);
        await signUpInPage(page, newAccount());
        // A record from before jobs had roles: the current job has none.
        await addItemInPage(page, 'positions', {
          title: 'Charge Nurse, MICU',
          start: '2021-03',
          fte: 0.9,
          kinds: ['healthcare', 'clinical', 'registered_nurse'],
        });
        const record = new RecordPage(page, app.baseUrl);
        await record.goto();
        const prompt = page.getByTestId('current-role-prompt');
        await prompt.waitFor();
        expect(await prompt.textContent()).toContain('What is your role as Charge Nurse, MICU?');
        expect(await prompt.getByTestId('role-suggestion').textContent()).toContain('Charge Nurse');
        expect(await seriousViolations(page)).toEqual([]);
        expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
        await docsScreenshot(page, `record-role-prompt-${viewport}`);
        await prompt.getByRole('button', { name: 'Use the suggested role Charge Nurse' }).click();
        await prompt.getByRole('button', { name: 'Save the role' }).click();
        await prompt.waitFor({ state: 'detached' });
        await eventually(
          async () => (await record.items('Jobs')).some((t) => t.includes('Role: Charge Nurse')),
          'the job lists its role',
        );

        // A new job with its role chosen in the editor survives save and reload.
        const dialog = await record.openAdd('Jobs', 'Add a job');
        await field(dialog, 'Job title').fill('Staff Nurse, Telemetry');
        await field(dialog, 'Started (month)').fill('2017-08');
        await dialog.getByRole('checkbox', { name: 'I still work here' }).uncheck();
        await field(dialog, 'Ended (month)').fill('2021-02');
        await record.select('Role', 'Staff Nurse (RN)');
        await record.save();
        await page.reload();
        await record.heading.waitFor();
        await eventually(async () => (await record.items('Jobs')).length === 2, 'both jobs listed');
        const jobs = await record.items('Jobs');
        expect(jobs.find((t) => t.includes('Staff Nurse, Telemetry'))).toContain('Role: Staff Nurse (RN)');
        expect(jobs.find((t) => t.includes('Charge Nurse, MICU'))).toContain('Role: Charge Nurse');
        // Answered: the question does not come back.
        expect(await page.getByTestId('current-role-prompt').count()).toBe(0);
        await docsScreenshot(page, `record-roles-${viewport}`);
      } finally {
        await page.context().close();
      }
    });
  }
});
