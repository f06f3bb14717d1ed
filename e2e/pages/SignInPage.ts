import type { Locator, Page } from 'playwright-core';
import { errorOf, field } from './fields';

/** The sign-in page at /sign-in (optionally ?next=...). */
export class SignInPage {
  constructor(
    readonly page: Page,
    readonly baseUrl: string,
  ) {}

  get heading(): Locator {
    return this.page.getByRole('heading', { level: 1, name: 'Sign in' });
  }
  get email(): Locator {
    return this.page.getByRole('textbox', { name: 'Email address' });
  }
  get password(): Locator {
    return field(this.page, 'Password');
  }
  get submitButton(): Locator {
    return this.page.getByRole('main').getByRole('button', { name: 'Sign in' });
  }
  /** The message above the form (wrong password, throttling). */
  get error(): Locator {
    return this.page.getByTestId('sign-in-error');
  }

  async goto(next?: string): Promise<void> {
    await this.page.goto(`${this.baseUrl}/sign-in${next ? `?next=${encodeURIComponent(next)}` : ''}`);
    await this.heading.waitFor();
  }

  /** Fills the form and submits it; does not wait for the outcome. */
  async submit(email: string, password: string): Promise<void> {
    await this.email.fill(email);
    await this.password.fill(password);
    await this.submitButton.click();
  }

  /** Signs in and waits until the app has left the sign-in page. */
  async signIn(email: string, password: string): Promise<void> {
    await this.submit(email, password);
    await this.page.waitForURL((url) => url.pathname !== '/sign-in');
  }

  /** The error text shown under the field with this label ('' when none). */
  fieldError(label: string): Promise<string> {
    return errorOf(field(this.page, label));
  }
}
