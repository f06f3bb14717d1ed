import type { Locator, Page } from 'playwright-core';
import { errorOf, field } from './fields';

export interface NewAccount {
  displayName: string;
  email: string;
  password: string;
  /** Defaults to `password`. */
  confirm?: string;
}

/** The sign-up page at /sign-up. */
export class SignUpPage {
  constructor(
    readonly page: Page,
    readonly baseUrl: string,
  ) {}

  get heading(): Locator {
    return this.page.getByRole('heading', { level: 1, name: 'Create an account' });
  }
  get displayName(): Locator {
    return this.page.getByRole('textbox', { name: 'Your name' });
  }
  get email(): Locator {
    return this.page.getByRole('textbox', { name: 'Email address' });
  }
  get password(): Locator {
    return field(this.page, 'Password');
  }
  get confirm(): Locator {
    return field(this.page, 'Type the password again');
  }
  get strength(): Locator {
    return this.page.getByTestId('password-strength');
  }
  get saveQuickCheck(): Locator {
    return this.page.getByRole('checkbox', { name: 'Save my quick-check answers to the new account' });
  }
  get submitButton(): Locator {
    return this.page.getByRole('button', { name: 'Create account' }).last();
  }

  async goto(next?: string): Promise<void> {
    await this.page.goto(`${this.baseUrl}/sign-up${next ? `?next=${encodeURIComponent(next)}` : ''}`);
    await this.heading.waitFor();
  }

  async fill(account: NewAccount): Promise<void> {
    await this.displayName.fill(account.displayName);
    await this.email.fill(account.email);
    await this.password.fill(account.password);
    await this.confirm.fill(account.confirm ?? account.password);
  }

  /** Fills the form and submits it; does not wait for the outcome. */
  async submit(account: NewAccount): Promise<void> {
    await this.fill(account);
    await this.submitButton.click();
  }

  /** Creates the account and waits until the app has left the sign-up page. */
  async signUp(account: NewAccount): Promise<void> {
    await this.submit(account);
    await this.page.waitForURL((url) => url.pathname !== '/sign-up');
  }

  /** The error text shown under the field with this label ('' when none). */
  fieldError(label: string): Promise<string> {
    return errorOf(field(this.page, label));
  }
}
