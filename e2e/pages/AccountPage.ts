import type { Locator, Page } from 'playwright-core';
import { field } from './fields';

/** The header's account corner: the user menu when signed in, "Sign in" / "Create account" when not. */
export class Header {
  constructor(readonly page: Page) {}

  get userMenuButton(): Locator {
    return this.page.getByRole('banner').getByRole('button', { name: /^Account menu for / });
  }
  get signInLink(): Locator {
    return this.page.getByRole('banner').getByRole('link', { name: 'Sign in' });
  }

  /** Opens the user menu and picks an item ("Account", "Activity", "Sign out", ...). */
  async choose(item: string): Promise<void> {
    await this.userMenuButton.click();
    await this.page.getByRole('menuitem', { name: item }).click();
  }

  /** Signs out through the user menu and waits for the notice on the home page. */
  async signOut(): Promise<void> {
    await this.choose('Sign out');
    await this.page.getByTestId('route-notice').waitFor();
  }
}

/** The account page at /account. */
export class AccountPage {
  readonly header: Header;

  constructor(
    readonly page: Page,
    readonly baseUrl: string,
  ) {
    this.header = new Header(page);
  }

  get heading(): Locator {
    return this.page.getByRole('heading', { level: 1, name: 'Account' });
  }
  section(name: string): Locator {
    return this.page.getByRole('region', { name });
  }
  get tokens(): Locator {
    return this.section('API tokens');
  }
  get calendar(): Locator {
    return this.section('Calendar feed');
  }

  async goto(): Promise<void> {
    await this.page.goto(`${this.baseUrl}/account`);
    await this.heading.waitFor();
  }

  /** Creates an API token and returns it as shown (once). `expiry` is an option label such as "After 30 days". */
  async createToken(name: string, expiry?: string): Promise<string> {
    await this.tokens.getByRole('textbox', { name: 'Token name' }).fill(name);
    if (expiry) {
      await this.tokens.getByRole('combobox', { name: 'Expires' }).click();
      await this.page.getByRole('option', { name: expiry }).click();
    }
    await this.tokens.getByRole('button', { name: 'Create token' }).click();
    const shown = this.tokens.getByTestId('new-token').getByRole('textbox', { name: 'API token' });
    await shown.waitFor();
    return shown.inputValue();
  }

  /** Closes the "shown once" box of a new token. */
  async dismissNewToken(): Promise<void> {
    await this.tokens.getByRole('button', { name: 'I have copied it' }).click();
    await this.tokens.getByTestId('new-token').waitFor({ state: 'detached' });
  }

  tokenRow(name: string): Locator {
    return this.tokens.getByRole('listitem', { name: `API token ${name}` });
  }

  async tokenStatus(name: string): Promise<string> {
    return (await this.tokenRow(name).getByTestId('token-status').textContent()) ?? '';
  }

  /** Revokes a token, confirming in the dialog, and waits until it is listed as revoked. */
  async revokeToken(name: string): Promise<void> {
    await this.tokenRow(name)
      .getByRole('button', { name: `Revoke ${name}` })
      .click();
    const dialog = this.page.getByRole('dialog', { name: `Revoke “${name}”?` });
    await dialog.getByRole('button', { name: 'Revoke token' }).click();
    await dialog.waitFor({ state: 'detached' });
    await this.tokenRow(name).getByTestId('token-status').getByText('Revoked').waitFor();
  }

  /** Changes the password and returns the confirmation shown. */
  async changePassword(current: string, next: string): Promise<string> {
    const section = this.section('Change password');
    await field(section, 'Current password').fill(current);
    await field(section, 'New password').fill(next);
    await field(section, 'Type the new password again').fill(next);
    await section.getByRole('button', { name: 'Change password' }).click();
    const done = section.getByTestId('password-changed');
    await done.waitFor();
    return (await done.textContent()) ?? '';
  }

  /** Turns the calendar feed on (or gets a new address) and returns the address shown once. */
  async enableCalendarFeed(): Promise<string> {
    const turnOn = this.calendar.getByRole('button', { name: 'Turn on the calendar feed' });
    if (await turnOn.isVisible()) {
      await turnOn.click();
    } else {
      await this.calendar.getByRole('button', { name: 'Get a new address' }).click();
      await this.page.getByRole('dialog').getByRole('button', { name: 'Get a new address' }).click();
    }
    const shown = this.calendar.getByRole('textbox', { name: 'Calendar feed address' });
    await shown.waitFor();
    return shown.inputValue();
  }

  /** Deletes the account (password and typed confirmation); does not wait for the outcome. */
  async deleteAccount(password: string, confirmation = 'delete my account'): Promise<void> {
    const section = this.section('Delete account');
    await field(section, 'Your password').fill(password);
    await section.getByRole('textbox', { name: /^To confirm, type/ }).fill(confirmation);
    await section.getByRole('button', { name: 'Delete my account' }).click();
  }
}

/** The activity log at /activity. */
export class ActivityPage {
  constructor(
    readonly page: Page,
    readonly baseUrl: string,
  ) {}

  get heading(): Locator {
    return this.page.getByRole('heading', { level: 1, name: 'Activity' });
  }
  get events(): Locator {
    return this.page.getByTestId('activity-event');
  }
  get loadMoreButton(): Locator {
    return this.page.getByRole('button', { name: 'Load more' });
  }

  async goto(): Promise<void> {
    await this.page.goto(`${this.baseUrl}/activity`);
    await this.heading.waitFor();
    await this.events.first().waitFor();
  }

  /** The wording of every event shown, newest first. */
  async texts(): Promise<string[]> {
    return this.page.getByTestId('activity-text').allTextContents();
  }
}
