import type { Locator, Page } from 'playwright-core';

/** The comparison at /programs/compare?ids=a,b[&role=]. */
export class ComparePage {
  constructor(
    readonly page: Page,
    readonly baseUrl: string,
  ) {}

  get heading(): Locator {
    return this.page.getByRole('heading', { level: 1, name: 'Compare programs' });
  }
  /** One per program: table columns on a desktop, a numbered list on a phone. */
  get columns(): Locator {
    return this.page.getByTestId('compare-column');
  }
  get coverageBars(): Locator {
    return this.page.getByRole('progressbar');
  }
  get coveragePercents(): Locator {
    return this.page.getByTestId('coverage-percent');
  }
  get rateYourself(): Locator {
    return this.page.getByTestId('rate-yourself');
  }
  get bestValues(): Locator {
    return this.page.getByTestId('best-value');
  }

  async goto(ids: string[], role?: string): Promise<void> {
    const query = `ids=${ids.join(',')}${role ? `&role=${role}` : ''}`;
    await this.page.goto(`${this.baseUrl}/programs/compare?${query}`);
    await this.waitForTable();
  }

  async waitForTable(): Promise<void> {
    await this.heading.waitFor();
    await this.page.getByRole('heading', { name: 'Side by side' }).waitFor();
  }

  /** The texts of one row (e.g. "Cost"), one per program, in column order. */
  async row(label: string): Promise<string[]> {
    return this.page.locator(`[data-row="${label}"]`).allInnerTexts();
  }

  async removeProgram(name: string): Promise<void> {
    await this.page.getByRole('button', { name: `Remove ${name} from the comparison` }).click();
  }

  async addProgram(search: string, optionName: RegExp): Promise<void> {
    await this.page.getByRole('combobox', { name: /^Add a program/ }).fill(search);
    await this.page.getByRole('option', { name: optionName }).click();
  }
}
