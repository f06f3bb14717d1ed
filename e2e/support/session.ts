/**
 * Accounts for browser tests, through the API from inside the page (so the browser keeps the
 * session cookie, as after signing up in the app).
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { parse } from 'yaml';
import { projectRoot } from '../../src/services/config.js';

export interface Account {
  email: string;
  password: string;
  displayName: string;
}

let counter = 0;
/** A new account's details, unique within the test run. */
export function newAccount(name = 'Test Person'): Account {
  counter++;
  return {
    email: `person-${Date.now()}-${counter}@example.org`,
    password: 'a long test passphrase for e2e',
    displayName: name,
  };
}

/**
 * Calls the API from inside the page, with its cookies and (for changes) the session's CSRF token.
 * Resolves to the status and the JSON body (undefined when there is none).
 */
export async function apiInPage(
  page: Page,
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; body: unknown }> {
  return page.evaluate(
    async ({ method, path, body }) => {
      const session = await fetch('/api/auth/session');
      const token = session.ok ? ((await session.json()) as { csrfToken: string | null }).csrfToken : null;
      const response = await fetch(path, {
        method,
        headers: {
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          ...(token && method !== 'GET' ? { 'x-csrf-token': token } : {}),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const json: unknown = await response.json().catch(() => undefined);
      return { status: response.status, body: json };
    },
    { method, path, body },
  );
}

async function call(page: Page, method: string, path: string, body?: unknown): Promise<number> {
  return (await apiInPage(page, method, path, body)).status;
}

/** Replaces the signed-in person's record with a profile (a parsed profile@1 document). */
export async function importInPage(page: Page, profile: unknown): Promise<void> {
  const { status, body } = await apiInPage(page, 'POST', '/api/me/import', { profile, mode: 'replace' });
  if (status !== 200) throw new Error(`Import answered ${status}: ${JSON.stringify(body)}`);
}

/** Adds one item to a section of the signed-in person's record. */
export async function addItemInPage(page: Page, section: string, item: unknown): Promise<void> {
  const { status, body } = await apiInPage(page, 'POST', `/api/me/record/${section}`, item);
  if (status !== 201) throw new Error(`Adding to ${section} answered ${status}: ${JSON.stringify(body)}`);
}

/** Signs up (and so in) in the page's browser context; the page must be on the app's origin. */
export async function signUpInPage(page: Page, account: Account): Promise<void> {
  const status = await call(page, 'POST', '/api/auth/signup', account);
  if (status !== 201) throw new Error(`Sign-up answered ${status}`);
}

export async function signOutInPage(page: Page): Promise<void> {
  const status = await call(page, 'POST', '/api/auth/signout');
  if (status !== 204) throw new Error(`Sign-out answered ${status}`);
}

export async function signInInPage(page: Page, account: Account): Promise<void> {
  const status = await call(page, 'POST', '/api/auth/signin', {
    email: account.email,
    password: account.password,
  });
  if (status !== 200) throw new Error(`Sign-in answered ${status}`);
}

/** The HTTP status of GET `path` with the page's cookies (e.g. 401 when signed out). */
export async function statusOf(page: Page, path: string): Promise<number> {
  return page.evaluate(async (p) => (await fetch(p)).status, path);
}

/**
 * A new account in the page, with an example profile (examples/<file>) as its record and the
 * credentials given added to it: the starting point of the record and dashboard screens.
 *
 * @example
 * await signUpWithExample(page, app.baseUrl, 'healthcare-executive.yaml', [{ id: 'FACHE', expires: '2027-12-31' }]);
 */
export async function signUpWithExample(
  page: Page,
  baseUrl: string,
  file: string,
  credentials: Array<Record<string, unknown>> = [],
): Promise<Account> {
  await page.goto(`${baseUrl}/certifications`);
  const text = await readFile(examplePath(file), 'utf8');
  const profile: unknown = file.endsWith('.json') ? JSON.parse(text) : parse(text);
  const account = newAccount(
    typeof profile === 'object' && profile !== null && 'name' in profile ? String(profile.name) : undefined,
  );
  await signUpInPage(page, account);
  await importInPage(page, profile);
  for (const credential of credentials) await addItemInPage(page, 'credentials', credential);
  return account;
}

/** The path of an example profile (examples/<file>). */
export function examplePath(file: string): string {
  return path.join(projectRoot, 'examples', file);
}
