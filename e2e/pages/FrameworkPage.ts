import { readFile } from 'node:fs/promises';
import type { Locator, Page } from 'playwright-core';

/** The competency framework at /competencies: domains, scale, related frameworks, CASE download and check. */
export class FrameworkPage {
  constructor(
    readonly page: Page,
    readonly baseUrl: string,
  ) {}

  async goto(): Promise<void> {
    await this.page.goto(`${this.baseUrl}/competencies`);
    await this.heading.waitFor();
    await this.domains.first().waitFor();
  }

  get heading(): Locator {
    return this.page.getByRole('heading', { level: 1, name: 'Competency framework' });
  }
  get domains(): Locator {
    return this.page.getByTestId('domain');
  }
  /** The button that opens a domain, by its name. */
  domainButton(name: string): Locator {
    return this.page.getByRole('button', { name: new RegExp(`^${name}`) });
  }
  competencies(domainId: string): Locator {
    return this.page.locator(`[data-domain="${domainId}"] [data-testid="competency"]`);
  }
  get scaleLevels(): Locator {
    return this.page.getByTestId('scale-level');
  }
  get relatedFrameworks(): Locator {
    return this.page.getByTestId('related-frameworks');
  }
  get downloadButton(): Locator {
    return this.page.getByRole('button', { name: 'Download as CASE JSON' });
  }
  get summary(): Locator {
    return this.page.getByTestId('case-summary');
  }
  get problems(): Locator {
    return this.page.getByTestId('case-error').getByRole('listitem');
  }

  async download(): Promise<{ name: string; text: string }> {
    const download = this.page.waitForEvent('download');
    await this.downloadButton.click();
    const file = await download;
    return { name: file.suggestedFilename(), text: await readFile(await file.path(), 'utf8') };
  }

  /** Chooses a file in "Check a CASE file"; the check starts at once. */
  async checkFile(name: string, text: string): Promise<void> {
    await this.page
      .locator('input[type="file"]')
      .setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text, 'utf8') });
  }
}
