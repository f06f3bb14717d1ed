/**
 * The browser for e2e tests: the system Chromium driven by playwright-core. When it is missing the
 * suite is skipped with a printed reason, except on CI (CI=true), where it fails.
 */
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { projectRoot } from '../../src/services/config.js';
import { startTestServer, type TestServer } from './server.js';

export const chromiumPath = '/usr/bin/chromium';

export const viewports = {
  desktop: { width: 1280, height: 800 },
  phone: { width: 390, height: 844 },
} as const;
export type ViewportName = keyof typeof viewports;

/**
 * Whether the browser is there. Missing: throws when `env.CI` is "true" (the suite must fail on CI),
 * otherwise prints why the browser tests are skipped.
 */
export function checkBrowser(
  env: NodeJS.ProcessEnv = process.env,
  exists: (path: string) => boolean = existsSync,
  warn: (line: string) => void = (line) => process.stderr.write(`${line}\n`),
): { available: boolean; reason?: string } {
  if (exists(chromiumPath)) return { available: true };
  const reason = `${chromiumPath} not found (install it with: apt-get install chromium)`;
  if (env.CI === 'true') {
    throw new Error(`Browser tests cannot run on CI: ${reason}.`);
  }
  warn(`[e2e] Skipping browser tests: ${reason}. Set CI=true to make this a failure.`);
  return { available: false, reason };
}

/** Evaluated once per test file, at import: throws on CI when the browser is missing. */
export const browserCheck = checkBrowser();

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-sync',
    ],
  });
}

export async function newPage(browser: Browser, viewport: ViewportName = 'desktop'): Promise<Page> {
  const context = await browser.newContext({
    viewport: viewports[viewport],
    locale: 'en-GB',
    timezoneId: 'UTC',
  });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  return page;
}

/** The app served by a test server, and a browser to look at it with. */
export interface AppInBrowser {
  /** e.g. http://127.0.0.1:41234 (no trailing slash). */
  readonly baseUrl: string;
  readonly browser: Browser;
  /** A page in a fresh browser context (own storage) at a named viewport, desktop by default. */
  newPage(viewport?: ViewportName): Promise<Page>;
}

/**
 * Starts the test server and the browser before the tests of the enclosing `describe` and
 * closes both after them. Call it at the top of the describe block; read `baseUrl` and
 * `browser` inside hooks and tests (they throw before the start).
 *
 * @example
 * describe.skipIf(!browserCheck.available)('catalog page', () => {
 *   const app = useAppInBrowser();
 *   it('lists certifications', async () => {
 *     const page = await app.newPage('phone');
 *     await page.goto(`${app.baseUrl}/certifications`);
 *   });
 * });
 */
export function useAppInBrowser(): AppInBrowser {
  let server: TestServer | undefined;
  let browser: Browser | undefined;

  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const started = <T>(value: T | undefined, what: string): T => {
    if (value === undefined)
      throw new Error(`useAppInBrowser: the ${what} is not started yet (use it in a hook or test)`);
    return value;
  };
  return {
    get baseUrl() {
      return started(server, 'server').baseUrl;
    },
    get browser() {
      return started(browser, 'browser');
    },
    newPage(viewport = 'desktop') {
      return newPage(started(browser, 'browser'), viewport);
    },
  };
}

export const screenshotDir = path.join(projectRoot, 'e2e', 'screenshots');

/** Saves a screenshot (full page unless told) to e2e/screenshots/<name>-<width>x<height>.png (git-ignored). */
export async function saveScreenshot(page: Page, name: string, fullPage = true): Promise<string> {
  mkdirSync(screenshotDir, { recursive: true });
  const size = page.viewportSize();
  const file = path.join(screenshotDir, `${name}-${size?.width}x${size?.height}.png`);
  await page.screenshot({ path: file, fullPage });
  return file;
}

/** Polls `check` until it returns true (or throws the last error after `timeout` ms). */
export async function eventually(
  check: () => Promise<boolean> | boolean,
  message: string,
  timeout = 10_000,
): Promise<void> {
  const until = Date.now() + timeout;
  let last: unknown;
  for (;;) {
    try {
      if (await check()) return;
    } catch (e) {
      last = e;
    }
    if (Date.now() > until) throw new Error(`Timed out: ${message}${last ? ` (${String(last)})` : ''}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
