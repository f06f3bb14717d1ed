import type { Locator, Page } from 'playwright-core';

/** The dashboard at /dashboard. */
export class DashboardPage {
  constructor(
    readonly page: Page,
    readonly baseUrl: string,
  ) {}

  get heading(): Locator {
    return this.page.getByRole('heading', { level: 1, name: 'Dashboard' });
  }
  get asOf(): Locator {
    return this.page.getByTestId('dashboard-as-of');
  }
  get notice(): Locator {
    return this.page.getByTestId('route-notice');
  }

  /** Opens the dashboard (for `asOf`, YYYY-MM-DD, when given) and waits for its figures. */
  async goto(asOf?: string): Promise<void> {
    await this.page.goto(`${this.baseUrl}/dashboard${asOf ? `?asOf=${asOf}` : ''}`);
    await this.heading.waitFor();
    await this.asOf.waitFor();
  }

  /** The renewal card of a credential, by the id written in the record (e.g. "CPHQ"). */
  renewalCard(credential: string): Locator {
    return this.page.locator(`[data-testid="renewal-card"][data-credential="${credential}"]`);
  }

  /** The credits earned toward the card's first CE option: the bar's aria-valuenow. */
  async renewalEarned(credential: string): Promise<number> {
    const bar = this.renewalCard(credential).getByTestId('renewal-progress').first();
    await bar.waitFor();
    return Number(await bar.getAttribute('aria-valuenow'));
  }

  async renewalStatus(credential: string): Promise<string> {
    return (await this.renewalCard(credential).getByTestId('renewal-status').textContent()) ?? '';
  }

  /** Which group a certification's card is in: eligible, eligible_soon, needs_more_than_time or unknown. */
  async eligibilityOf(certification: string): Promise<string | null> {
    const card = this.page.locator(`[data-testid="eligibility-card"][data-certification="${certification}"]`);
    if ((await card.count()) === 0) return null;
    const group = card.locator('xpath=ancestor::*[starts-with(@data-testid, "eligibility-")][1]');
    return ((await group.getAttribute('data-testid')) ?? '').replace('eligibility-', '');
  }

  /** Shows every card of every group (longer groups show their first cards only). */
  async showAllCertifications(): Promise<void> {
    const more = this.page.getByRole('button', { name: /^Show all \d+$/ });
    // Each click turns its button into "Show fewer".
    while ((await more.count()) > 0) await more.first().click();
  }

  /** The upcoming dates, each as shown. */
  async deadlines(): Promise<string[]> {
    return this.page.getByTestId('deadline').allTextContents();
  }

  async nextSteps(): Promise<string[]> {
    return this.page.getByTestId('next-step').allTextContents();
  }
}
