import type { Locator, Page } from 'playwright-core';
import { errorOf, field } from './fields';

export interface CeInput {
  /** YYYY-MM-DD */
  date: string;
  hours?: number;
  title?: string;
  provider?: string;
  /** The category's label, e.g. "NAHQ-approved CE". */
  category?: string;
  credits?: Array<{ unit: string; amount?: number; category?: string }>;
}

export interface JobInput {
  title: string;
  /** YYYY-MM */
  start: string;
  /** YYYY-MM; left out for a current job. */
  end?: string;
  /** The plain-language questions to tick. */
  questions: Array<string | RegExp>;
}

/** "My record" at /record. */
export class RecordPage {
  constructor(
    readonly page: Page,
    readonly baseUrl: string,
  ) {}

  get heading(): Locator {
    return this.page.getByRole('heading', { level: 1, name: 'My record' });
  }
  /** The add / edit dialog. */
  get editor(): Locator {
    return this.page.getByRole('dialog');
  }

  async goto(): Promise<void> {
    await this.page.goto(`${this.baseUrl}/record`);
    await this.heading.waitFor();
    await this.section('Jobs').waitFor();
  }

  /** A section by its heading ("Jobs", "Continuing education"). */
  section(title: string): Locator {
    return this.page.getByRole('region', { name: new RegExp(`^${title} \\(\\d+\\)$`) });
  }

  /** The items of a section as listed (each item's text as shown, a line per part). */
  async items(title: string): Promise<string[]> {
    return this.section(title).getByRole('listitem').allInnerTexts();
  }

  /** Opens the section's add dialog. */
  async openAdd(sectionTitle: string, buttonName: string): Promise<Locator> {
    await this.section(sectionTitle).getByRole('button', { name: buttonName }).click();
    await this.editor.waitFor();
    return this.editor;
  }

  /** Picks an option of a Mantine Select in the dialog by its label. */
  async select(label: string, option: string | RegExp, scope: Locator = this.editor): Promise<void> {
    await field(scope, label).click();
    await this.page.getByRole('option', { name: option }).first().click();
  }

  /** Saves the dialog and waits for it to close. */
  async save(): Promise<void> {
    await this.editor.getByRole('button', { name: 'Save' }).click();
    await this.editor.waitFor({ state: 'detached' });
  }

  /** Saves the dialog, expecting it to stay open with problems. */
  async saveExpectingProblems(): Promise<string[]> {
    await this.editor.getByRole('button', { name: 'Save' }).click();
    const problems = this.editor.getByTestId('editor-problems');
    await problems.waitFor();
    return problems.getByRole('listitem').allTextContents();
  }

  /** The error shown under a field of the dialog. */
  async fieldError(label: string, scope: Locator = this.editor): Promise<string> {
    return errorOf(field(scope, label));
  }

  async addCredential(label: string | RegExp, dates: { earned?: string; expires?: string }): Promise<void> {
    await this.openAdd('Credentials held', 'Add a credential');
    await this.select('Credential', label);
    if (dates.earned) await field(this.editor, 'Earned on').fill(dates.earned);
    if (dates.expires) await field(this.editor, 'Expires on').fill(dates.expires);
    await this.save();
  }

  /** Fills the CE dialog (opened by the caller or here). */
  async fillCe(ce: CeInput): Promise<void> {
    const dialog = this.editor;
    await field(dialog, 'Date').fill(ce.date);
    if (ce.hours !== undefined) await field(dialog, 'Hours').fill(String(ce.hours));
    if (ce.title) await field(dialog, 'Title').fill(ce.title);
    if (ce.provider) await field(dialog, 'Provider').fill(ce.provider);
    if (ce.category) await this.select('Category', ce.category);
    for (const credit of ce.credits ?? []) {
      await dialog.getByRole('button', { name: 'Add credits' }).click();
      const row = dialog.getByTestId('credit').last();
      await this.select('Credit unit', credit.unit, row);
      if (credit.amount !== undefined) await field(row, 'Amount').fill(String(credit.amount));
      if (credit.category) await this.select('Category of these credits', credit.category, row);
    }
  }

  async addCe(ce: CeInput): Promise<void> {
    await this.openAdd('Continuing education', 'Add an activity');
    await this.fillCe(ce);
    await this.save();
  }

  async addJob(job: JobInput): Promise<void> {
    const dialog = await this.openAdd('Jobs', 'Add a job');
    await field(dialog, 'Job title').fill(job.title);
    await field(dialog, 'Started (month)').fill(job.start);
    if (job.end) {
      await dialog.getByRole('checkbox', { name: 'I still work here' }).uncheck();
      await field(dialog, 'Ended (month)').fill(job.end);
    }
    for (const question of job.questions) await dialog.getByRole('checkbox', { name: question }).check();
    await this.save();
  }
}
