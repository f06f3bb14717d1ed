import { readFile } from 'node:fs/promises';
import type { Locator, Page } from 'playwright-core';

export interface JobInput {
  title: string;
  /** YYYY-MM */
  start: string;
  /** YYYY-MM; left out for a job the person still has ("I still work here" stays ticked). */
  end?: string;
  /** Share of full time; left at 1 when not given. */
  fte?: number;
  /** Labels (the plain-language questions) of the boxes to tick. */
  questions: Array<string | RegExp>;
  /** The role's title in the role box (e.g. "Staff Nurse (RN)"), or 'suggested' to take the title's suggestion. */
  role?: string;
}

export interface CeInput {
  /** YYYY-MM-DD */
  date: string;
  hours: number;
  title?: string;
  provider?: string;
  /** The category's label, e.g. "ACHE In-Person Education". */
  category?: string;
}

/** What the form shows, read the way a person sees it (labels, not ids). */
export interface FormValues {
  degrees: Array<{ level: string; field: string; completed: string }>;
  jobs: Array<{
    title: string;
    fte: string;
    start: string;
    end: string;
    current: boolean;
    /** The ticked questions. */
    kinds: string[];
  }>;
  credentials: string[];
  memberships: Array<{ organization: string; since: string }>;
}

/** The quick check at /quick-check. */
export class QuickCheckPage {
  constructor(
    readonly page: Page,
    readonly baseUrl: string,
  ) {}

  get heading(): Locator {
    return this.page.getByRole('heading', { level: 1, name: 'Quick check' });
  }
  get checkButton(): Locator {
    return this.page.getByRole('button', { name: 'Check eligibility' });
  }
  get downloadButton(): Locator {
    return this.page.getByRole('button', { name: 'Download profile' });
  }
  get resultsHeading(): Locator {
    return this.page.getByRole('heading', { name: 'Your results' });
  }
  get errorAlert(): Locator {
    return this.page.getByRole('alert');
  }
  get jobs(): Locator {
    return this.page.getByTestId('job');
  }

  async goto(): Promise<void> {
    await this.page.goto(`${this.baseUrl}/quick-check`);
    await this.heading.waitFor();
  }

  /** Adds a degree: level label (e.g. "Bachelor's degree"), field and completed month (YYYY-MM, or '' if not finished). */
  async addDegree(level: string, field: string, completed: string): Promise<void> {
    await this.page.getByRole('button', { name: 'Add a degree' }).click();
    const degree = this.page.getByTestId('degree').last();
    await degree.getByRole('combobox', { name: 'Level' }).click();
    await this.page.getByRole('option', { name: level, exact: true }).click();
    await degree.getByLabel('Field of study').fill(field);
    if (completed) await degree.getByLabel('Completed (month)').fill(completed);
  }

  async addJob(job: JobInput): Promise<void> {
    await this.page.getByRole('button', { name: 'Add a job' }).click();
    const card = this.jobs.last();
    await card.getByLabel('Job title').fill(job.title);
    await card.getByLabel('Started (month)').fill(job.start);
    if (job.end) {
      await card.getByRole('checkbox', { name: 'I still work here' }).uncheck();
      await card.getByLabel('Ended (month)').fill(job.end);
    }
    if (job.fte !== undefined) await card.getByLabel('Share of full time (FTE)').fill(String(job.fte));
    for (const question of job.questions) {
      await card.getByRole('checkbox', { name: question }).check();
    }
    if (job.role === 'suggested')
      await card.getByRole('button', { name: /^Use the suggested role / }).click();
    else if (job.role) await this.chooseRole(card, job.role);
  }

  /** Picks a role by its title in a job's role box. */
  async chooseRole(card: Locator, title: string): Promise<void> {
    const box = card.getByRole('combobox', { name: 'Role', exact: true });
    await box.click();
    await box.fill(title);
    await this.page.getByRole('option', { name: title, exact: true }).click();
  }

  /** Picks a credential by (part of) its label, in the Licences box or else the Credentials box. */
  async addCredential(label: string | RegExp): Promise<void> {
    await this.page.getByRole('combobox', { name: 'Licences' }).click();
    const licence = this.page.getByRole('option', { name: label });
    if ((await licence.count()) === 0) {
      await this.page.keyboard.press('Escape');
      await this.page.getByRole('combobox', { name: 'Credentials' }).click();
    }
    await this.page.getByRole('option', { name: label }).click();
    await this.page.keyboard.press('Escape');
  }

  /** Adds a continuing-education activity. */
  async addCe(ce: CeInput): Promise<void> {
    await this.page.getByRole('button', { name: 'Add continuing education' }).click();
    const card = this.page.getByTestId('ce').last();
    await card.getByLabel('Date').fill(ce.date);
    await card.getByLabel('Hours').fill(String(ce.hours));
    if (ce.title) await card.getByLabel('Title').fill(ce.title);
    if (ce.provider) await card.getByLabel('Provider').fill(ce.provider);
    if (ce.category) {
      await card.getByRole('combobox', { name: 'Category', exact: true }).click();
      await this.page.getByRole('option', { name: ce.category, exact: true }).click();
    }
  }

  /** Adds a volunteer activity: in healthcare or in the community, on a day (YYYY-MM-DD). */
  async addVolunteering(
    where: 'In healthcare' | 'In the community',
    date: string,
    title: string,
  ): Promise<void> {
    await this.page.getByRole('button', { name: 'Add a volunteer activity' }).click();
    const card = this.page.getByTestId('volunteering').last();
    await card.getByLabel('What you did').fill(title);
    await card.getByRole('combobox', { name: 'Where' }).click();
    await this.page.getByRole('option', { name: where, exact: true }).click();
    await card.getByLabel('Date').fill(date);
  }

  /** Ticks a statement only the person can confirm, by (part of) its wording. */
  async confirm(statement: RegExp): Promise<void> {
    await this.page.getByRole('checkbox', { name: statement }).check();
  }

  /** Adds a membership: organization label (e.g. /^ACHE — /) and since month (YYYY-MM). */
  async addMembership(organization: string | RegExp, since: string): Promise<void> {
    await this.page.getByRole('button', { name: 'Add a membership' }).click();
    const card = this.page.getByTestId('membership').last();
    await card.getByRole('combobox', { name: 'Organization' }).click();
    await this.page.getByRole('option', { name: organization }).click();
    if (since) await card.getByLabel('Member since (month)').fill(since);
  }

  /** The conditions that read "not asked yet", in a card's text. */
  notAsked(acronym: string): Locator {
    return this.card(acronym).locator('[data-not-asked="true"]');
  }

  /** Every value of the form, as shown. */
  async formValues(): Promise<FormValues> {
    const degrees = [];
    for (const d of await this.page.getByTestId('degree').all()) {
      degrees.push({
        level: await d.getByRole('combobox', { name: 'Level' }).inputValue(),
        field: await d.getByLabel('Field of study').inputValue(),
        completed: await d.getByLabel('Completed (month)').inputValue(),
      });
    }
    const jobs = [];
    for (const j of await this.jobs.all()) {
      const kinds = [];
      for (const box of await j.getByRole('group', { name: 'About this job' }).getByRole('checkbox').all()) {
        if (await box.isChecked())
          kinds.push((await box.evaluate((el) => (el as HTMLInputElement).labels?.[0]?.textContent)) ?? '');
      }
      jobs.push({
        title: await j.getByLabel('Job title').inputValue(),
        fte: await j.getByLabel('Share of full time (FTE)').inputValue(),
        start: await j.getByLabel('Started (month)').inputValue(),
        end: await j.getByLabel('Ended (month)').inputValue(),
        current: await j.getByRole('checkbox', { name: 'I still work here' }).isChecked(),
        kinds,
      });
    }
    const memberships = [];
    for (const m of await this.page.getByTestId('membership').all()) {
      memberships.push({
        organization: await m.getByRole('combobox', { name: 'Organization' }).inputValue(),
        since: await m.getByLabel('Member since (month)').inputValue(),
      });
    }
    const credentials = await this.page
      .getByRole('region', { name: '3. Credentials held' })
      .locator('.mantine-Pill-label')
      .allTextContents();
    return { degrees, jobs, credentials, memberships };
  }

  async checkEligibility(): Promise<void> {
    await this.checkButton.click();
    await this.resultsHeading.waitFor();
  }

  /** Clicks "Download profile" and returns the file offered: its suggested name and text. */
  async download(): Promise<{ name: string; text: string }> {
    const download = this.page.waitForEvent('download');
    await this.downloadButton.click();
    const file = await download;
    return { name: file.suggestedFilename(), text: await readFile(await file.path(), 'utf8') };
  }

  /** Uploads a file through the page's file input (the one behind "Upload profile"). */
  async upload(name: string, text: string): Promise<void> {
    const mimeType = name.endsWith('.json') ? 'application/json' : 'application/yaml';
    await this.page
      .locator('input[type="file"]')
      .setInputFiles({ name, mimeType, buffer: Buffer.from(text, 'utf8') });
  }

  /** The result group under a heading such as "Eligible now". */
  group(heading: string): Locator {
    return this.page.getByRole('region', { name: new RegExp(`^${heading} \\(\\d+\\)$`) });
  }

  /** Every result group heading with the acronyms listed under it, in page order. */
  async results(): Promise<Record<string, string[]>> {
    const out: Record<string, string[]> = {};
    for (const group of await this.page.locator('[data-testid^="group-"]').all()) {
      const heading = (await group.getByRole('heading', { level: 3 }).textContent()) ?? '';
      out[heading] = await group
        .getByTestId('result-card')
        .getByRole('button')
        .evaluateAll((buttons) => buttons.map((b) => b.textContent ?? ''));
    }
    return out;
  }

  /** The result card of a certification, within `scope` (default the whole page). */
  card(acronym: string, scope: Locator | Page = this.page): Locator {
    return scope.getByTestId('result-card').filter({
      has: this.page.getByRole('button', { name: new RegExp(`^${acronym} — `) }),
    });
  }

  /** Expands a card and returns its text. */
  async expand(acronym: string): Promise<string> {
    const card = this.card(acronym);
    const control = card.getByRole('button', { name: new RegExp(`^${acronym} — `) });
    if ((await control.getAttribute('aria-expanded')) !== 'true') await control.click();
    const panel = card.getByRole('region');
    await panel.waitFor();
    return (await panel.textContent()) ?? '';
  }
}
