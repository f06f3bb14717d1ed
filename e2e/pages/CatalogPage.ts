import type { Locator, Page } from 'playwright-core';
import { eventually } from '../support/browser';

interface ListBody {
  total: number;
  certifications: Array<{ id: string; acronym: string }>;
}

/** The certification catalog at /certifications. */
export class CatalogPage {
  constructor(
    readonly page: Page,
    readonly baseUrl: string,
  ) {}

  get heading(): Locator {
    return this.page.getByRole('heading', { level: 1, name: 'Certifications' });
  }
  get searchBox(): Locator {
    return this.page.getByRole('searchbox', { name: 'Search' });
  }
  get focusFilter(): Locator {
    return this.page.getByRole('combobox', { name: 'Focus area' });
  }
  get issuerFilter(): Locator {
    return this.page.getByRole('combobox', { name: 'Issuing body' });
  }
  get resultCount(): Locator {
    return this.page.getByTestId('result-count');
  }
  get cards(): Locator {
    return this.page.getByTestId('certification-card');
  }
  get clearFiltersButton(): Locator {
    return this.page.getByRole('button', { name: 'Clear filters' }).first();
  }
  get emptyState(): Locator {
    return this.page.getByRole('heading', { name: 'No certifications match' });
  }
  get errorAlert(): Locator {
    return this.page.getByRole('alert');
  }

  /** The link to one certification, named "<ACRONYM> — <full name>". */
  certificationLink(acronym: string): Locator {
    return this.page.getByRole('link', { name: new RegExp(`^${acronym} — `) });
  }

  async goto(query = ''): Promise<void> {
    await this.page.goto(`${this.baseUrl}/certifications${query}`);
    await this.heading.waitFor();
  }

  /** Waits until the count line shows `n` results and the cards are on screen. */
  async waitForCount(n: number): Promise<void> {
    const expected = `${n} ${n === 1 ? 'certification' : 'certifications'}`;
    await eventually(
      async () =>
        (await this.resultCount.textContent())?.trim() === expected && (await this.cards.count()) === n,
      `result count "${expected}"`,
    );
  }

  /**
   * Runs `action`, waits until the URL's filters satisfy `match`, then until the page shows as many
   * cards as the API gives for those filters (the URL uses the API's own parameter names).
   * Works whether or not the browser had the answer cached.
   */
  private async settle(
    action: () => Promise<void>,
    match: (p: URLSearchParams) => boolean,
  ): Promise<ListBody> {
    await action();
    await eventually(() => match(new URL(this.page.url()).searchParams), 'the URL to show the new filters');
    const search = new URL(this.page.url()).search;
    const response = await this.page.request.get(`${this.baseUrl}/api/certifications${search}`);
    const body = (await response.json()) as ListBody;
    await this.waitForCount(body.total);
    return body;
  }

  /** Types into the search box as a person would; returns what the API answered. */
  async search(text: string): Promise<ListBody> {
    return this.settle(
      async () => {
        await this.searchBox.fill('');
        await this.searchBox.pressSequentially(text, { delay: 20 });
      },
      (p) => p.get('q') === text.trim(),
    );
  }

  /** Picks a focus area from the "Focus area" list by its label. */
  async filterFocus(label: string): Promise<ListBody> {
    const id = await this.focusOptionValue(label);
    return this.settle(
      async () => {
        await this.focusFilter.click();
        await this.page.getByRole('option', { name: label, exact: true }).click();
        await this.page.keyboard.press('Escape');
      },
      (p) => (p.get('focus') ?? '').split(',').includes(id),
    );
  }

  /** The focus-area id behind a label, from the catalog's vocabulary. */
  private async focusOptionValue(label: string): Promise<string> {
    const response = await this.page.request.get(`${this.baseUrl}/api/catalog`);
    const body = (await response.json()) as {
      vocabulary: { focusAreas: Array<{ id: string; label: string }> };
    };
    const found = body.vocabulary.focusAreas.find((f) => f.label === label);
    if (!found) throw new Error(`No focus area labelled "${label}"`);
    return found.id;
  }

  async clearFilters(): Promise<ListBody> {
    return this.settle(
      () => this.clearFiltersButton.click(),
      (p) => !p.has('q') && !p.has('focus') && !p.has('issuer'),
    );
  }

  /** Acronyms of the cards on screen, in order. */
  async acronyms(): Promise<string[]> {
    const titles = await this.cards.getByRole('heading').allTextContents();
    return titles.map((t) => t.split(' — ')[0]?.trim() ?? t);
  }

  async openCertification(acronym: string): Promise<void> {
    await this.certificationLink(acronym).click();
    await this.page.getByRole('heading', { level: 1, name: new RegExp(`^${acronym}\\b`) }).waitFor();
  }
}
