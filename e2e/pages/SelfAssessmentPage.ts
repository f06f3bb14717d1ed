import type { Locator, Page } from 'playwright-core';
import { errorOf, field } from './fields';

/** The self-assessment at /self-assessment: target role, ratings, gaps and recommendations. */
export class SelfAssessmentPage {
  constructor(
    readonly page: Page,
    readonly baseUrl: string,
  ) {}

  get heading(): Locator {
    return this.page.getByRole('heading', { level: 1, name: 'Self-assessment' });
  }
  get roleInput(): Locator {
    return this.page.getByRole('combobox', { name: 'Target role' });
  }
  get progress(): Locator {
    return this.page.getByTestId('rating-progress');
  }
  get radarSvg(): Locator {
    return this.page.locator('[data-testid="radar-chart"] svg.recharts-surface');
  }
  get gapRows(): Locator {
    return this.page.getByTestId('gap-row');
  }
  get summary(): Locator {
    return this.page.getByTestId('gap-summary');
  }
  get recommendSection(): Locator {
    return this.page.getByTestId('recommend-section');
  }
  get budgetInput(): Locator {
    return field(this.page, 'Total budget for these picks (US $)');
  }
  get recommendButton(): Locator {
    return this.page.getByRole('button', { name: 'Recommend programs' });
  }
  get recommendation(): Locator {
    return this.page.getByTestId('recommendation');
  }
  get picks(): Locator {
    return this.page.getByTestId('pick');
  }
  get compareButton(): Locator {
    return this.page.getByTestId('compare-picks');
  }
  get saveButton(): Locator {
    return this.page.getByRole('button', { name: "Save as today's assessment" });
  }
  get historyItems(): Locator {
    return this.page.getByTestId('history-item');
  }
  get keptInBrowser(): Locator {
    return this.page.getByTestId('kept-in-browser');
  }

  async goto(): Promise<void> {
    await this.page.goto(`${this.baseUrl}/self-assessment`);
    await this.heading.waitFor();
    await this.roleInput.waitFor();
  }

  /** Chooses the target role by its title and waits for its targets to show. */
  async chooseRole(title: string): Promise<void> {
    await this.roleInput.click();
    await this.roleInput.fill(title);
    await this.page.getByRole('option', { name: title, exact: true }).click();
    await this.page.getByTestId('target-level').first().waitFor();
  }

  /** Opens a domain's panel (by domain id) when it is closed. */
  async openDomain(domain: string): Promise<Locator> {
    const panel = this.page.locator(`[data-testid="domain-panel"][data-domain="${domain}"]`);
    const control = panel.locator('button[aria-expanded]').first();
    if ((await control.getAttribute('aria-expanded')) !== 'true') await control.click();
    return panel;
  }

  /** Rates a competency (by id, in its domain's panel) 1–5. */
  async rate(domain: string, competency: string, level: number): Promise<void> {
    const panel = await this.openDomain(domain);
    const row = panel.locator(`[data-testid="competency-rating"][data-competency="${competency}"]`);
    await row.getByRole('radio', { name: new RegExp(`^${level} `) }).check();
  }

  /** The gap list's scores, top to bottom (null for a competency without a score). */
  async gapScores(): Promise<Array<number | null>> {
    const scores = await this.gapRows.evaluateAll((rows) =>
      rows.map((r) => r.getAttribute('data-score') ?? ''),
    );
    return scores.map((s) => (s === '' ? null : Number(s)));
  }

  /** Waits until the gap list counts `rated` rated competencies. */
  async waitForRated(rated: number): Promise<void> {
    await this.page.waitForFunction(
      (n) => document.querySelectorAll('[data-testid="gap-row"]:not([data-status="unrated"])').length === n,
      rated,
    );
  }

  async recommend(budget: number | string): Promise<void> {
    await this.budgetInput.fill(String(budget));
    await this.recommendButton.click();
  }

  async budgetError(): Promise<string> {
    return errorOf(this.budgetInput);
  }

  async totalCost(): Promise<number> {
    return Number(await this.page.getByTestId('total-cost').getAttribute('data-value'));
  }

  async pickCosts(): Promise<number[]> {
    return this.picks.evaluateAll((cards) => cards.map((c) => Number(c.getAttribute('data-cost'))));
  }

  async pickIds(kind: 'program' | 'certification'): Promise<string[]> {
    return this.picks.evaluateAll(
      (cards, k) =>
        cards.filter((c) => c.getAttribute('data-kind') === k).map((c) => c.getAttribute('data-id') ?? ''),
      kind,
    );
  }
}
