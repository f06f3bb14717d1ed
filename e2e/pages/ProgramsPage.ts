import type { Locator, Page } from 'playwright-core';
import { eventually } from '../support/browser';

interface ListBody {
  total: number;
  programs: Array<{ id: string; name: string }>;
}

/** The program catalog at /programs. */
export class ProgramsPage {
  constructor(
    readonly page: Page,
    readonly baseUrl: string,
  ) {}

  get heading(): Locator {
    return this.page.getByRole('heading', { level: 1, name: 'Programs' });
  }
  get searchBox(): Locator {
    return this.page.getByRole('searchbox', { name: 'Search' });
  }
  get onlineSwitch(): Locator {
    return this.page.getByRole('switch', { name: /^Online only/ });
  }
  get accreditedSwitch(): Locator {
    return this.page.getByRole('switch', { name: /^Accredited only/ });
  }
  get resultCount(): Locator {
    return this.page.getByTestId('result-count');
  }
  get cards(): Locator {
    return this.page.getByTestId('program-card');
  }
  get compareBar(): Locator {
    return this.page.getByTestId('compare-bar');
  }
  get compareLink(): Locator {
    return this.compareBar.getByRole('link', { name: /^Compare \(\d\)$/ });
  }

  card(name: string): Locator {
    return this.cards.filter({ has: this.page.getByRole('heading', { name, exact: true }) });
  }

  async goto(query = ''): Promise<void> {
    await this.page.goto(`${this.baseUrl}/programs${query}`);
    await this.heading.waitFor();
    await this.cards.first().waitFor();
  }

  async waitForCount(n: number): Promise<void> {
    const expected = `${n} ${n === 1 ? 'program' : 'programs'}`;
    await eventually(
      async () =>
        (await this.resultCount.textContent())?.trim() === expected && (await this.cards.count()) === n,
      `result count "${expected}"`,
    );
  }

  /** Runs `action`, waits for the URL to show the filters, then for as many cards as the API gives. */
  private async settle(
    action: () => Promise<void>,
    match: (p: URLSearchParams) => boolean,
  ): Promise<ListBody> {
    await action();
    await eventually(() => match(new URL(this.page.url()).searchParams), 'the URL to show the new filters');
    const search = new URL(this.page.url()).search;
    const response = await this.page.request.get(`${this.baseUrl}/api/programs${search}`);
    const body = (await response.json()) as ListBody;
    await this.waitForCount(body.total);
    return body;
  }

  async onlineOnly(): Promise<ListBody> {
    return this.settle(
      () => this.onlineSwitch.check({ force: true }),
      (p) => p.get('online') === 'true',
    );
  }

  async accreditedOnly(): Promise<ListBody> {
    return this.settle(
      () => this.accreditedSwitch.check({ force: true }),
      (p) => p.get('accredited') === 'true',
    );
  }

  async search(text: string): Promise<ListBody> {
    return this.settle(
      async () => {
        await this.searchBox.fill('');
        await this.searchBox.pressSequentially(text, { delay: 10 });
      },
      (p) => p.get('q') === text.trim(),
    );
  }

  /** Ticks "Compare" on a program's card. */
  async pick(name: string): Promise<void> {
    await this.page.getByRole('checkbox', { name: `Compare ${name}`, exact: true }).check();
  }

  /** Names on the cards, in order. */
  async names(): Promise<string[]> {
    return this.cards.getByRole('heading', { level: 2 }).allTextContents();
  }
}
