import { copyFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../src/services/config.js';
import { PlanPage } from './pages/PlanPage';
import {
  browserCheck,
  eventually,
  saveScreenshot,
  useAppInBrowser,
  viewports,
  type ViewportName,
} from './support/browser';
import { addItemInPage, apiInPage, importInPage, signUpWithExample } from './support/session';
import { horizontalOverflow, seriousViolations } from './support/axe';

/** Saves a full-page screenshot and copies it to docs/screenshots/<name>.png. */
async function docsScreenshot(page: Page, name: string): Promise<void> {
  await page.evaluate(() => document.fonts.ready);
  // A full-page shot draws the fixed header where the page is scrolled to: start at the top.
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.waitForTimeout(300);
  const shot = await saveScreenshot(page, name);
  const docs = path.join(projectRoot, 'docs', 'screenshots');
  await mkdir(docs, { recursive: true });
  await copyFile(shot, path.join(docs, `${name}.png`));
}

const progressCount = async (plan: PlanPage) => {
  const match = /^(\d+) of (\d+) steps? done$/.exec((await plan.progress.first().textContent()) ?? '');
  if (!match) throw new Error(`progress line not found: ${await plan.progress.first().textContent()}`);
  return { done: Number(match[1]), total: Number(match[2]) };
};

describe.skipIf(!browserCheck.available)('plan page', () => {
  const app = useAppInBrowser();

  it('without an account: a plan to Director of Quality from QI specialist, ticks kept in the browser, the print view', async () => {
    const page = await app.newPage();
    try {
      const plan = new PlanPage(page, app.baseUrl);
      await plan.goto();
      // The navigation leads here.
      expect(await page.getByRole('link', { name: 'Plan', exact: true }).getAttribute('aria-current')).toBe(
        'page',
      );
      await plan.makePlan('Director of Quality', 'Quality Improvement Specialist');
      await plan.waitForPlan();
      expect(await plan.resultHeading.textContent()).toBe(
        'From Quality Improvement Specialist to Director of Quality',
      );
      expect(page.url()).toContain('to=director-of-quality');
      expect(page.url()).toContain('from=qi-specialist');

      // Alternatives as tabs; the first is chosen.
      expect(await plan.planTabs.count()).toBeGreaterThanOrEqual(1);
      expect(await plan.planTabs.first().textContent()).toMatch(/^Fastest: Director of Quality on .+ — \$/);
      // Each plan says what sets it apart, and the target's certifications are dated or explained.
      expect(await page.getByTestId('plan-label').first().textContent()).toMatch(
        /^Reaches Director of Quality soonest: \d{4}-\d{2}-\d{2}\.$/,
      );
      const certLines = await page
        .getByTestId('plan-target-certifications')
        .first()
        .getByRole('listitem')
        .allTextContents();
      expect(certLines.length).toBeGreaterThan(0);
      for (const line of certLines) expect(line).toMatch(/: (exam by |no date — |you hold it)/);

      // The map: an SVG with a title, the path drawn thick, both ends highlighted, the path as text.
      expect(await plan.mapSvg.locator('title').first().textContent()).toBe(
        'Career map from Quality Improvement Specialist to Director of Quality',
      );
      expect(await plan.mapPathEdges.count()).toBeGreaterThanOrEqual(2);
      expect(
        await plan.mapEnds.evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-role')).sort()),
      ).toEqual(['director-of-quality', 'qi-specialist']);
      // Each move says its typical years on hover.
      expect(
        await plan.mapPathEdges.first().locator('xpath=../*[local-name()="title"]').textContent(),
      ).toMatch(/^Quality Improvement Specialist → Quality Manager: typ/);
      const pathItems = await plan.mapPathList.allTextContents();
      expect(pathItems[0]).toBe('Quality Improvement Specialist (now)');
      expect(pathItems.at(-1)).toBe('Director of Quality (target)');

      // The timeline: a row per step, role moves as milestones.
      expect(await plan.rows.count()).toBeGreaterThan(4);
      expect(await plan.row('role:director-of-quality').getAttribute('data-kind')).toBe('role');
      expect(await plan.row('role:director-of-quality').locator('.plan-milestone').count()).toBe(1);
      const before = await progressCount(plan);
      expect(before.done).toBe(0);

      // Tick a step: the progress line counts it, the row looks done, and a reload keeps it.
      await plan.doneBox('Quality Manager').check();
      await eventually(async () => (await progressCount(plan)).done === 1, 'progress counts the tick');
      expect(await plan.row('role:quality-manager').getAttribute('data-done')).toBe('true');
      expect(await page.evaluate(() => localStorage.getItem('hmp.planDone.v1'))).toBe(
        JSON.stringify({ 'director-of-quality': ['role:quality-manager'] }),
      );
      await page.reload();
      await plan.waitForPlan();
      await eventually(async () => (await progressCount(plan)).done === 1, 'the tick survives a reload');
      expect(await plan.doneBox('Quality Manager').isChecked()).toBe(true);

      // The print view: no navigation, the path, the steps as a table with the tick.
      await plan.printLink.click();
      await page.getByTestId('print-table').waitFor();
      expect(page.url()).toContain('/plan/print?');
      expect(await page.getByRole('navigation').count()).toBe(0);
      expect(await page.getByRole('button', { name: 'Print / Save as PDF' }).isVisible()).toBe(true);
      expect(await page.getByTestId('print-path').getByRole('listitem').allTextContents()).toEqual([
        ...pathItems.map((t) => t.replace(/ \((now|target)\)$/, '')),
      ]);
      const rows = page.getByTestId('print-table').locator('tbody tr');
      expect(await rows.count()).toBe(before.total + 1);
      expect(
        await page.locator('[data-testid="print-table"] tr[data-step="role:quality-manager"]').textContent(),
      ).toContain('✓ done');
      expect(await page.textContent('body')).toContain(
        'confirm every requirement, date and fee with the issuing bodies',
      );
      await docsScreenshot(page, 'plan-print');
    } finally {
      await page.context().close();
    }
  });

  it('a finish-by date next year says which constraint blocks, and relaxing it gives plans', async () => {
    const page = await app.newPage();
    try {
      const plan = new PlanPage(page, app.baseUrl);
      await plan.goto();
      const nextYear = `${new Date().getUTCFullYear() + 1}-06-30`;
      await plan.makePlan('Director of Quality', 'Quality Improvement Specialist', nextYear);
      await plan.blocked.waitFor();
      const text = (await plan.blocked.textContent()) ?? '';
      expect(text).toContain('No plan meets your constraints');
      expect(text).toMatch(/No plan reaches Director of Quality by \d{4}-\d{2}-\d{2}/);
      expect(text).toContain('Without the finish-by date: you would reach the role on');
      expect(await plan.rows.count()).toBe(0);
      await plan.blocked.scrollIntoViewIfNeeded();
      await saveScreenshot(page, 'plan-blocked', false);
      await page.getByRole('button', { name: 'Relax the finish-by date' }).click();
      await plan.waitForPlan();
      expect(page.url()).not.toContain('by=');
      expect(await plan.blocked.count()).toBe(0);
    } finally {
      await page.context().close();
    }
  });

  it('signed in: the plan comes from the record; a tick saves the plan and survives a reload', async () => {
    const page = await app.newPage();
    try {
      await signUpWithExample(page, app.baseUrl, 'quality-analyst.yaml');
      const plan = new PlanPage(page, app.baseUrl);
      await plan.goto();
      expect(await plan.currentSelect.inputValue()).toBe('');
      await plan.makePlan('Director of Quality');
      await plan.waitForPlan();
      // The current role comes from the record's current job.
      expect(await plan.resultHeading.textContent()).toBe(
        'From Quality Improvement Specialist to Director of Quality',
      );
      await plan.doneBox('Quality Manager').check();
      await eventually(() => page.url().includes('saved='), 'the first tick saves the plan');
      await eventually(async () => (await progressCount(plan)).done === 1, 'progress counts the tick');
      await page.reload();
      await plan.waitForPlan();
      await eventually(async () => (await progressCount(plan)).done === 1, 'the tick is kept on the server');
      expect(await plan.doneBox('Quality Manager').isChecked()).toBe(true);
      expect(await plan.savedPlans.count()).toBe(1);
      expect(await plan.savedPlans.first().textContent()).toContain('Director of Quality');
      expect(await plan.changed.count()).toBe(0);

      // A master's degree in the record: reopening re-plans without a degree and says so.
      await addItemInPage(page, 'education', { level: 'master', completed: '2020-05' });
      await page.reload();
      await plan.waitForPlan();
      await plan.changed.waitFor();
      expect(await plan.changed.textContent()).toContain(
        'Your record changed since you last looked: the plan was updated',
      );
      expect(
        await plan.rows.evaluateAll((rows) => rows.map((r) => r.getAttribute('data-kind'))),
      ).not.toContain('degree');
      // The tick follows the step; untick: back to none.
      expect(await plan.doneBox('Quality Manager').isChecked()).toBe(true);
      await plan.doneBox('Quality Manager').uncheck();
      await eventually(async () => (await progressCount(plan)).done === 0, 'the untick is counted');
    } finally {
      await page.context().close();
    }
  });

  it('signed in, a current job without a role: asked inline, the answer saved to the job, then planned', async () => {
    const page = await app.newPage();
    try {
      await signUpWithExample(page, app.baseUrl, 'bedside-nurse.yaml');
      // Maria's record without the role on her current job (as records made before jobs had roles).
      await importInPage(page, {
        format: 'hm-pathways/profile@1',
        education: [{ level: 'bachelor', field: 'nursing (RN-to-BSN)', completed: '2021-08' }],
        positions: [
          {
            title: 'Charge Nurse, Medical ICU',
            start: '2021-03',
            fte: 0.9,
            kinds: ['healthcare', 'clinical', 'registered_nurse', 'supervisory'],
          },
        ],
        credentials: [{ id: 'RN_LICENSE', earned: '2017-07' }],
      });
      const plan = new PlanPage(page, app.baseUrl);
      await plan.goto('?to=director-of-nursing');
      const question = page.getByRole('region', { name: 'Which role is your current job?' });
      await question.waitFor();
      expect(await page.getByTestId('role-suggestion').textContent()).toMatch(
        /^Suggested from the job title: Charge Nurse\b/,
      );
      // The searchable picker holds the suggestion; no error is shown as an error.
      expect(await page.getByRole('combobox', { name: 'Role of your current job' }).inputValue()).toBe(
        'Charge Nurse',
      );
      expect(await page.getByRole('alert').count()).toBe(0);
      expect(await seriousViolations(page)).toEqual([]);
      await docsScreenshot(page, 'plan-role-question');
      const keep = page.getByLabel(/^Save this role to .Charge Nurse, Medical ICU. in my record$/);
      expect(await keep.isChecked({ timeout: 10_000 })).toBe(true);
      await page.getByRole('button', { name: 'Plan from this role' }).click({ timeout: 10_000 });
      await plan.waitForPlan();
      expect(await plan.resultHeading.textContent()).toBe('From Charge Nurse to Director of Nursing');
      // CNML is dated on the path through nurse manager, flagged as confirmed when she holds the role.
      expect(await plan.row('certification:CNML').count()).toBe(1);
      expect(await plan.row('certification:CNML').getByTestId('confirm-when-held').textContent()).toBe(
        'You confirm this when you hold the role',
      );
      // The record now names the role: the same plan without `from` plans at once.
      const record = await apiInPage(page, 'GET', '/api/me/record');
      const jobs = (record.body as { sections: { positions: Array<{ data: { role?: string } }> } }).sections
        .positions;
      expect(jobs.map((j) => j.data.role)).toEqual(['charge-nurse']);
      await plan.goto('?to=director-of-nursing');
      await plan.waitForPlan();
      expect(await plan.resultHeading.textContent()).toBe('From Charge Nurse to Director of Nursing');
    } finally {
      await page.context().close();
    }
  });

  for (const viewport of Object.keys(viewports) as ViewportName[]) {
    it(`at ${viewport} width: no serious axe violations, no sideways page scrolling`, async () => {
      const page = await app.newPage(viewport);
      try {
        await signUpWithExample(page, app.baseUrl, 'quality-analyst.yaml');
        const plan = new PlanPage(page, app.baseUrl);
        await plan.goto('?to=director-of-quality');
        await plan.waitForPlan();
        await plan.row('role:quality-manager').locator('summary').click();
        // The map fits its area: no scrolling inside it, opened zoomed to the path; pan for the rest.
        const region = page.getByRole('region', { name: 'Career map (arrow keys pan)' });
        expect(await region.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
        const svgWidth = await plan.mapSvg.evaluate((el) => el.getBoundingClientRect().width);
        expect(svgWidth).toBeLessThanOrEqual(await region.evaluate((el) => el.clientWidth + 1));
        const [x0, w0] = ((await plan.mapSvg.getAttribute('data-view')) ?? '').split(' ').map(Number);
        const whole = await page.getByRole('button', { name: 'Whole map' });
        expect(await whole.isEnabled()).toBe(true); // zoomed to the path, not the whole map
        await page.getByRole('button', { name: 'Pan the map right' }).click();
        const [x1] = ((await plan.mapSvg.getAttribute('data-view')) ?? '').split(' ').map(Number);
        expect(x1).toBeGreaterThan(x0!);
        await page.getByRole('button', { name: 'Zoom to the path' }).click();
        expect(await plan.mapSvg.getAttribute('data-view')).toBe(`${x0} ${w0}`);
        await docsScreenshot(page, `plan-${viewport}`);
        expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
        expect(await seriousViolations(page)).toEqual([]);
        // The print view is checked as well, and fits the screen.
        await plan.printLink.click();
        await page.getByTestId('print-table').waitFor();
        expect(await seriousViolations(page)).toEqual([]);
        expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
        if (viewport === 'phone') await docsScreenshot(page, 'plan-print-phone');
      } finally {
        await page.context().close();
      }
    });
  }
});
