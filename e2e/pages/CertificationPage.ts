import type { Locator, Page } from 'playwright-core';

/** One certification at /certifications/:id, with a locator per section. */
export class CertificationPage {
  constructor(
    readonly page: Page,
    readonly baseUrl: string,
  ) {}

  get heading(): Locator {
    return this.page.getByRole('heading', { level: 1 });
  }
  get guidance(): Locator {
    return this.page.getByTestId('guidance');
  }
  get notFound(): Locator {
    return this.page.getByTestId('not-found');
  }

  /** A section by its heading: "Who it is for", "Eligibility", "Exam", "Renewal", "Rule history", "Sources". */
  section(name: string): Locator {
    return this.page.getByRole('region', { name, exact: true });
  }
  get whoItIsFor(): Locator {
    return this.section('Who it is for');
  }
  get eligibility(): Locator {
    return this.section('Eligibility');
  }
  get exam(): Locator {
    return this.section('Exam');
  }
  get renewal(): Locator {
    return this.section('Renewal');
  }
  get ruleHistory(): Locator {
    return this.section('Rule history');
  }
  get sources(): Locator {
    return this.section('Sources');
  }
  get sourceItems(): Locator {
    return this.sources.getByRole('list', { name: 'Sources' }).getByRole('listitem');
  }
  get pathways(): Locator {
    return this.eligibility.getByTestId('current-rules').getByTestId('pathway');
  }

  /** The value next to a label in the exam or renewal facts ("Cycle", "Passing score", ...). */
  fact(section: Locator, label: string): Locator {
    return section
      .locator('dt', { hasText: new RegExp(`^${label}$`) })
      .locator('xpath=following-sibling::dd[1]');
  }

  async goto(id: string): Promise<void> {
    await this.page.goto(`${this.baseUrl}/certifications/${encodeURIComponent(id)}`);
    await this.heading.waitFor();
  }
}
