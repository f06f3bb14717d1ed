import type { Locator, Page } from 'playwright-core';

export interface JobInput {
  title: string;
  /** YYYY-MM */
  start: string;
  /** Labels (the plain-language questions) of the boxes to tick. */
  questions: Array<string | RegExp>;
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
  get resultsHeading(): Locator {
    return this.page.getByRole('heading', { name: 'Your results' });
  }
  get errorAlert(): Locator {
    return this.page.getByRole('alert');
  }

  async goto(): Promise<void> {
    await this.page.goto(`${this.baseUrl}/quick-check`);
    await this.heading.waitFor();
  }

  /** Adds a degree: level label (e.g. "Bachelor's degree"), field and completed month (YYYY-MM). */
  async addDegree(level: string, field: string, completed: string): Promise<void> {
    await this.page.getByRole('button', { name: 'Add a degree' }).click();
    const degree = this.page.getByTestId('degree').last();
    await degree.getByRole('combobox', { name: 'Level' }).click();
    await this.page.getByRole('option', { name: level, exact: true }).click();
    await degree.getByLabel('Field of study').fill(field);
    await degree.getByLabel('Completed (month)').fill(completed);
  }

  async addJob(job: JobInput): Promise<void> {
    await this.page.getByRole('button', { name: 'Add a job' }).click();
    const card = this.page.getByTestId('job').last();
    await card.getByLabel('Job title').fill(job.title);
    await card.getByLabel('Started (month)').fill(job.start);
    for (const question of job.questions) {
      await card.getByRole('checkbox', { name: question }).check();
    }
  }

  async checkEligibility(): Promise<void> {
    await this.checkButton.click();
    await this.resultsHeading.waitFor();
  }

  /** The result group under a heading such as "Eligible now". */
  group(heading: string): Locator {
    return this.page.getByRole('region', { name: new RegExp(`^${heading} \\(\\d+\\)$`) });
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
