import type { Locator, Page } from 'playwright-core';

/** "Import a profile file" at /record/import. */
export class ImportPage {
  constructor(
    readonly page: Page,
    readonly baseUrl: string,
  ) {}

  get heading(): Locator {
    return this.page.getByRole('heading', { level: 1, name: 'Import a profile file' });
  }
  get preview(): Locator {
    return this.page.getByTestId('import-preview');
  }
  get applyButton(): Locator {
    return this.page.getByRole('button', { name: 'Apply the import' });
  }
  get fileIssues(): Locator {
    return this.page.getByTestId('file-issues').getByRole('listitem');
  }
  get conflict(): Locator {
    return this.page.getByTestId('import-conflict');
  }

  async goto(query = ''): Promise<void> {
    await this.page.goto(`${this.baseUrl}/record/import${query}`);
    await this.heading.waitFor();
  }

  /** Chooses a file through the page's file input (the one behind "Choose a file"). */
  async chooseFile(name: string, text: string): Promise<void> {
    const mimeType = name.endsWith('.json') ? 'application/json' : 'application/yaml';
    await this.page
      .locator('input[type="file"]')
      .setInputFiles({ name, mimeType, buffer: Buffer.from(text, 'utf8') });
  }

  async chooseMode(mode: 'Merge' | 'Replace'): Promise<void> {
    await this.page.getByRole('radio', { name: mode }).check();
  }

  /** Waits for a preview (of `source`, when given) and returns the counts of each section shown. */
  async previewCounts(): Promise<Record<string, { added: number; removed: number; unchanged: number }>> {
    await this.preview.waitFor();
    const out: Record<string, { added: number; removed: number; unchanged: number }> = {};
    for (const item of await this.page.locator('[data-testid^="preview-"]').all()) {
      const id = ((await item.getAttribute('data-testid')) ?? '').replace('preview-', '');
      const text = (await item.getByRole('button').first().textContent()) ?? '';
      const n = (word: string) => Number(new RegExp(`(\\d+) ${word}`).exec(text)?.[1] ?? NaN);
      out[id] = { added: n('added'), removed: n('removed'), unchanged: n('unchanged') };
    }
    return out;
  }

  /** Expands a section of the preview and returns the items it lists. */
  async previewItems(section: string): Promise<string[]> {
    const item = this.page.getByTestId(`preview-${section}`);
    const control = item.getByRole('button').first();
    if ((await control.getAttribute('aria-expanded')) !== 'true') await control.click();
    const panel = item.getByRole('region');
    await panel.waitFor();
    return panel.getByRole('listitem').allTextContents();
  }
}
