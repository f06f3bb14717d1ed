/**
 * Accounts in the browser: sign up, sign out and in, API tokens (shown once, used, revoked),
 * password change, the calendar feed, the activity log and account deletion, at the real server.
 */
import { mkdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../src/services/config';
import { AccountPage, ActivityPage, Header } from './pages/AccountPage';
import { QuickCheckPage } from './pages/QuickCheckPage';
import { SignInPage } from './pages/SignInPage';
import { SignUpPage } from './pages/SignUpPage';
import {
  browserCheck,
  eventually,
  saveScreenshot,
  useAppInBrowser,
  type ViewportName,
} from './support/browser';

const firstPassword = 'correct horse battery staple';
const secondPassword = 'a different passphrase entirely';
const wrongCredentials = 'The email address or password is not correct.';

async function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
}

/** A full-page screenshot from the top, with fonts loaded; also copied to docs/screenshots when asked. */
async function screenshot(page: Page, name: string, docsName?: string): Promise<void> {
  await page.evaluate(async () => {
    await document.fonts.ready;
    window.scrollTo(0, 0);
  });
  await saveScreenshot(page, name);
  if (docsName) {
    const dir = path.join(projectRoot, 'docs', 'screenshots');
    mkdirSync(dir, { recursive: true });
    await page.screenshot({ path: path.join(dir, `${docsName}.png`), fullPage: true });
  }
}

describe.skipIf(!browserCheck.available)('accounts in the browser', () => {
  const app = useAppInBrowser();
  const email = `ada-${Date.now()}@example.org`;
  const displayName = 'Ada Lovelace';
  let page: Page;

  beforeAll(async () => {
    page = await app.newPage('desktop');
  });
  afterAll(async () => {
    await page?.context().close();
  });

  const bearerSession = (token: string) =>
    fetch(`${app.baseUrl}/api/auth/session`, { headers: { authorization: `Bearer ${token}` } });

  it('signs up, lands on the dashboard, and shows the name in the header', async () => {
    const signUp = new SignUpPage(page, app.baseUrl);
    await signUp.goto();
    // No quick-check answers in this browser: nothing to offer.
    expect(await signUp.saveQuickCheck.count()).toBe(0);

    // Problems are named on their fields before anything is sent.
    await signUp.submit({ displayName: '', email: 'not-an-email', password: 'short', confirm: 'short' });
    expect(await signUp.fieldError('Your name')).toBe('Enter your name');
    expect(await signUp.fieldError('Email address')).toBe('Enter an email address such as name@example.org');
    expect(await signUp.fieldError('Password')).toBe('Use at least 10 characters');
    expect(await signUp.strength.textContent()).toBe('Strength: Too short: 5 of at least 10 characters');

    await signUp.fill({ displayName, email, password: firstPassword, confirm: 'something else entirely' });
    expect(await signUp.strength.textContent()).toBe('Strength: Strong (28 characters)');
    await signUp.submitButton.click();
    expect(await signUp.fieldError('Type the password again')).toBe('The two passwords are not the same');

    await signUp.signUp({ displayName, email, password: firstPassword });
    // A new account gets the short start (current job, goal), each step skippable, then the dashboard.
    expect(new URL(page.url()).pathname).toBe('/start');
    await page.getByRole('link', { name: 'Skip them all' }).click();
    await page.waitForURL((url) => url.pathname === '/dashboard');
    const header = new Header(page);
    await header.userMenuButton.waitFor();
    expect(await header.userMenuButton.textContent()).toContain(displayName);
  });

  it('signing up again with the same email names the email field (409)', async () => {
    const other = await app.newPage('desktop');
    try {
      const signUp = new SignUpPage(other, app.baseUrl);
      await signUp.goto();
      await signUp.submit({ displayName: 'Someone', email: email.toUpperCase(), password: firstPassword });
      await eventually(
        async () => (await signUp.fieldError('Email address')).startsWith('An account with this email'),
        'the email_taken message on the email field',
      );
      expect(await signUp.fieldError('Email address')).toBe(
        'An account with this email address already exists. Sign in instead',
      );
      expect(new URL(other.url()).pathname).toBe('/sign-up');
    } finally {
      await other.context().close();
    }
  });

  it('signs out from the user menu, back home with a notice', async () => {
    const header = new Header(page);
    await header.signOut();
    await page.waitForURL((url) => url.pathname === '/certifications');
    expect(await page.getByTestId('route-notice').textContent()).toContain('You are signed out.');
    await header.signInLink.waitFor();
    // Pages that need an account now ask to sign in, and come back afterwards.
    await page.goto(`${app.baseUrl}/account`);
    await page.waitForURL((url) => url.pathname === '/sign-in');
    expect(new URL(page.url()).searchParams.get('next')).toBe('/account');
  });

  it('signs in: a wrong password gets the message, the right one goes to the page asked for', async () => {
    const signIn = new SignInPage(page, app.baseUrl);
    await signIn.goto('/account');
    await signIn.submit(email, 'not my password at all');
    await signIn.error.waitFor();
    expect(await signIn.error.textContent()).toContain(wrongCredentials);
    expect(new URL(page.url()).pathname).toBe('/sign-in');

    await signIn.signIn(email, firstPassword);
    expect(new URL(page.url()).pathname).toBe('/account');
    await new AccountPage(page, app.baseUrl).heading.waitFor();
  });

  it('signs in without `next` onto the dashboard', async () => {
    const other = await app.newPage('phone');
    try {
      const signIn = new SignInPage(other, app.baseUrl);
      await signIn.goto();
      await signIn.signIn(email, firstPassword);
      expect(new URL(other.url()).pathname).toBe('/dashboard');
    } finally {
      await other.context().close();
    }
  });

  it('creates an API token shown once, which works until it is revoked in the page', async () => {
    const account = new AccountPage(page, app.baseUrl);
    await account.goto();
    const token = await account.createToken('E2E script', 'After 30 days');
    expect(token).toMatch(/^hmp_[A-Za-z0-9_-]{43}$/);
    await account.tokens.getByText('this is the only time it is shown').waitFor();

    const me = await bearerSession(token);
    expect(me.status).toBe(200);
    expect(await me.json()).toMatchObject({ user: { email, displayName }, csrfToken: null });

    await account.dismissNewToken();
    // Shown once: neither the page nor a reload shows it again.
    expect(await page.content()).not.toContain(token);
    await page.reload();
    await account.tokenRow('E2E script').waitFor();
    expect(await page.content()).not.toContain(token);
    expect(await account.tokenStatus('E2E script')).toBe('Active');
    expect(await account.tokenRow('E2E script').textContent()).toContain(token.slice(0, 12));

    await account.revokeToken('E2E script');
    const after = await bearerSession(token);
    expect(after.status).toBe(401);
    expect((await after.json()).error.code).toBe('invalid_token');
  });

  it('turns on the calendar feed, whose address serves an iCalendar file', async () => {
    const account = new AccountPage(page, app.baseUrl);
    await account.goto();
    expect(await account.calendar.getByTestId('calendar-status').textContent()).toBe('Off');
    const url = await account.enableCalendarFeed();
    expect(url).toMatch(new RegExp(`^${app.baseUrl}/api/calendar/.+\\.ics$`));
    expect(await account.calendar.getByTestId('calendar-status').textContent()).toBe('On');
    const feed = await fetch(url);
    expect(feed.status).toBe(200);
    expect(feed.headers.get('content-type')).toMatch(/^text\/calendar/);
    expect(await feed.text()).toContain('BEGIN:VCALENDAR');

    // A new address replaces the old one.
    await account.calendar.getByRole('button', { name: 'Done' }).click();
    const renewed = await account.enableCalendarFeed();
    expect(renewed).not.toBe(url);
    expect((await fetch(url)).status).toBe(404);
    expect((await fetch(renewed)).status).toBe(200);
  });

  it('sets the time zone in which "today" is computed, kept after a reload', async () => {
    const account = new AccountPage(page, app.baseUrl);
    await account.goto();
    const details = account.section('Your details');
    const zone = details.getByRole('combobox', { name: 'Time zone' });
    expect(await zone.inputValue()).toBe('UTC');
    await zone.click();
    await zone.fill('Asia/Toky');
    await page.getByRole('option', { name: 'Asia/Tokyo' }).click();
    await details.getByRole('button', { name: 'Save time zone' }).click();
    await details.getByTestId('time-zone-saved').getByText('Time zone saved: Asia/Tokyo.').waitFor();
    const session = await page.evaluate(async () => (await fetch('/api/auth/session')).json());
    expect(session.user.timeZone).toBe('Asia/Tokyo');
    await page.reload();
    await account.heading.waitFor();
    expect(
      await account.section('Your details').getByRole('combobox', { name: 'Time zone' }).inputValue(),
    ).toBe('Asia/Tokyo');
    expect(await account.section('Your details').textContent()).toContain('Now: Asia/Tokyo.');
  });

  it('downloads everything and the profile file', async () => {
    const account = new AccountPage(page, app.baseUrl);
    const data = account.section('Your data');
    const [exportFile] = await Promise.all([
      page.waitForEvent('download'),
      data.getByRole('button', { name: 'Download everything' }).click(),
    ]);
    expect(exportFile.suggestedFilename()).toBe('pathways-export.json');
    const exported = JSON.parse(await readFile(await exportFile.path(), 'utf8'));
    expect(exported).toMatchObject({ profile: { format: 'hm-pathways/profile@1' } });
    expect(exported.auditEvents.map((e: { action: string }) => e.action)).toContain('account.create');
    const [profileFile] = await Promise.all([
      page.waitForEvent('download'),
      data.getByRole('button', { name: 'Download profile file' }).click(),
    ]);
    expect(profileFile.suggestedFilename()).toBe('profile.yaml');
    expect(await readFile(await profileFile.path(), 'utf8')).toContain('format: hm-pathways/profile@1');
    await data.getByText('Downloaded profile.yaml.').waitFor();
  });

  it('changes the password; afterwards only the new one signs in', async () => {
    const account = new AccountPage(page, app.baseUrl);
    await account.goto();
    const done = await account.changePassword(firstPassword, secondPassword);
    expect(done).toContain('Password changed.');
    // The phone session of the earlier test was another session: it was signed out.
    expect(done).toContain('One other session was signed out.');

    await account.header.signOut();
    const signIn = new SignInPage(page, app.baseUrl);
    await signIn.goto();
    await signIn.submit(email, firstPassword);
    await signIn.error.waitFor();
    expect(await signIn.error.textContent()).toContain(wrongCredentials);
    await signIn.signIn(email, secondPassword);
    expect(new URL(page.url()).pathname).toBe('/dashboard');
  });

  it('shows the activity in words, newest first, with older events on request', async () => {
    // More events than one page holds: sign-ins made through the API.
    for (let i = 0; i < 24; i++) {
      const res = await fetch(`${app.baseUrl}/api/auth/signin`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email, password: secondPassword }),
      });
      expect(res.status).toBe(200);
    }
    const activity = new ActivityPage(page, app.baseUrl);
    await activity.goto();
    const firstPage = await activity.texts();
    expect(firstPage).toHaveLength(25);
    expect(firstPage[0]).toBe('Signed in');
    await activity.loadMoreButton.click();
    await eventually(async () => (await activity.events.count()) > 25, 'older events to load');
    const all = await activity.texts();
    expect(all).toEqual(
      expect.arrayContaining([
        'Created the account',
        'Signed out',
        'A sign-in failed: wrong password',
        'Created the API token “E2E script” (expires after 30 days)',
        'Revoked the API token “E2E script”',
        'Used the API token “E2E script”',
        'Turned on the calendar feed',
        'Gave the calendar feed a new address (the old one stopped working)',
        'Changed the password (signed out 1 other session)',
      ]),
    );
    // The oldest: the account and its first sign-in, at the same moment.
    expect(all.slice(-2).sort()).toEqual(['Created the account', 'Signed in']);
    await page.getByText('that is everything').waitFor();
    expect(await page.getByRole('main').textContent()).toContain('API token “E2E script”');
  });

  it('deletes the account: then signed out, home with a notice, and signing in fails', async () => {
    const account = new AccountPage(page, app.baseUrl);
    await account.goto();
    await account.deleteAccount(secondPassword, 'delete my acount');
    await account.section('Delete account').getByText('Type “delete my account” to confirm').waitFor();

    await account.deleteAccount('not the password');
    await account.section('Delete account').getByText('The password is not correct').waitFor();

    await account.deleteAccount(secondPassword);
    await page.waitForURL((url) => url.pathname === '/certifications');
    expect(await page.getByTestId('route-notice').textContent()).toContain(
      'Your account and everything stored about it have been deleted.',
    );
    await new Header(page).signInLink.waitFor();

    const signIn = new SignInPage(page, app.baseUrl);
    await signIn.goto();
    await signIn.submit(email, secondPassword);
    await signIn.error.waitFor();
    expect(await signIn.error.textContent()).toContain(wrongCredentials);
  });

  it('shows the throttling message as the server words it', async () => {
    const other = await app.newPage('desktop');
    try {
      const signIn = new SignInPage(other, app.baseUrl);
      await signIn.goto();
      const nobody = `nobody-${Date.now()}@example.org`;
      for (let i = 0; i < 5; i++) {
        await signIn.submit(nobody, `wrong password ${i}`);
        await eventually(
          async () => (await signIn.error.textContent())?.includes(wrongCredentials) ?? false,
          'the wrong-password message',
        );
      }
      await signIn.submit(nobody, 'wrong password again');
      await eventually(
        async () => (await signIn.error.textContent())?.includes('Too many failed sign-ins') ?? false,
        'the throttling message',
      );
      expect(await signIn.error.textContent()).toMatch(
        /Too many failed sign-ins for this account\. Try again in 15 minutes\./,
      );
    } finally {
      await other.context().close();
    }
  });

  it('offers to save quick-check answers, then saves them as the first step of the start', async () => {
    const other = await app.newPage('desktop');
    try {
      const quick = new QuickCheckPage(other, app.baseUrl);
      await quick.goto();
      await quick.addJob({ title: 'Charge Nurse', start: '2019-03', questions: [] });
      const signUp = new SignUpPage(other, app.baseUrl);
      await signUp.goto();
      expect(await signUp.saveQuickCheck.isChecked()).toBe(true);
      await signUp.signUp({
        displayName: 'Grace',
        email: `grace-${Date.now()}@example.org`,
        password: firstPassword,
      });
      const url = new URL(other.url());
      expect(url.pathname).toBe('/start');
      expect(url.searchParams.get('quick')).toBe('1');
      await other.getByRole('heading', { name: 'Bring your quick check answers' }).waitFor();
      await other.getByTestId('start-import-counts').getByText('Jobs: 1').waitFor();
      await other.getByRole('button', { name: 'Save them to my record' }).click();
      await other.getByRole('heading', { name: 'Your current job and its role' }).waitFor();
      expect(await other.getByTestId('start-current-job').textContent()).toContain('Charge Nurse');
    } finally {
      await other.context().close();
    }
  });

  for (const viewport of ['desktop', 'phone'] as ViewportName[]) {
    it(`looks right at ${viewport} width (screenshots)`, async () => {
      const view = await app.newPage(viewport);
      try {
        const signIn = new SignInPage(view, app.baseUrl);
        await signIn.goto();
        await screenshot(view, 'sign-in');
        expect(await horizontalOverflow(view)).toBeLessThanOrEqual(0);

        const signUp = new SignUpPage(view, app.baseUrl);
        await signUp.goto();
        await signUp.fill({
          displayName: 'Mary Seacole',
          email: `mary-${viewport}-${Date.now()}@example.org`,
          password: 'a fine long passphrase',
        });
        await screenshot(view, 'sign-up');
        expect(await horizontalOverflow(view)).toBeLessThanOrEqual(0);
        await signUp.submitButton.click();
        await view.waitForURL((url) => url.pathname === '/start');
        await view.getByRole('heading', { name: 'Your current job and its role' }).waitFor();
        await screenshot(view, 'start');
        expect(await horizontalOverflow(view)).toBeLessThanOrEqual(0);

        const account = new AccountPage(view, app.baseUrl);
        await account.goto();
        await account.createToken('Nightly HR import');
        await account.dismissNewToken();
        await account.createToken('Old laptop script', 'After 7 days');
        await account.dismissNewToken();
        await account.revokeToken('Old laptop script');
        await account.createToken('Quarterly report');
        await account.enableCalendarFeed();
        await account.header.userMenuButton.waitFor();
        await screenshot(view, 'account', `account-${viewport}`);
        expect(await horizontalOverflow(view)).toBeLessThanOrEqual(0);

        await account.header.userMenuButton.click();
        await view.getByRole('menuitem', { name: 'Activity' }).waitFor();
        // The menu fades in; wait until it is opaque.
        await eventually(
          async () => (await view.getByRole('menu').evaluate((el) => getComputedStyle(el).opacity)) === '1',
          'the user menu to finish opening',
        );
        await saveScreenshot(view, 'user-menu-open', false);
        await view.getByRole('menuitem', { name: 'Activity' }).click();
        const activity = new ActivityPage(view, app.baseUrl);
        await activity.heading.waitFor();
        await activity.events.first().waitFor();
        await screenshot(view, 'activity');
        expect(await horizontalOverflow(view)).toBeLessThanOrEqual(0);
      } finally {
        await view.context().close();
      }
    });
  }
});
