/**
 * The browser for e2e tests: the system Chromium driven by playwright-core. When it is missing the
 * suite is skipped with a printed reason, except on CI (CI=true), where it fails.
 */
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { projectRoot } from '../../src/services/config.js';

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
