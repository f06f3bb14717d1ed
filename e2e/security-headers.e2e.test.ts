/**
 * The web app and the API explorer work under the Content-Security-Policy (docs/security.md):
 * pages render, and the browser reports no CSP violation on any of them.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserCheck, useAppInBrowser } from './support/browser';

/** Collects CSP violations (console errors and securitypolicyviolation events) on a page. */
async function watchViolations(page: Page): Promise<string[]> {
  const violations: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' && /Content Security Policy|Refused to/i.test(m.text()))
      violations.push(m.text());
  });
  await page.exposeFunction('__cspViolation', (text: string) => violations.push(text));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      (window as unknown as { __cspViolation: (t: string) => void }).__cspViolation(
        `${e.violatedDirective} ${e.blockedURI}`,
      );
    });
  });
  return violations;
}

describe.skipIf(!browserCheck.available)('security headers in the browser', () => {
  const app = useAppInBrowser();

  it('the app pages render under the CSP without a single violation', async () => {
    const page = await app.newPage('desktop');
    const violations = await watchViolations(page);
    for (const [path, heading] of [
      ['/certifications', /certifications/i],
      ['/quick-check', /quick check|eligib/i],
      ['/plan', /plan/i],
      ['/sign-up', /account|sign up/i],
    ] as const) {
      const res = await page.goto(`${app.baseUrl}${path}`);
      expect(res?.headers()['content-security-policy']).toContain("script-src 'self'");
      await page.getByRole('heading', { level: 1, name: heading }).first().waitFor();
    }
    expect(violations).toEqual([]);
    await page.context().close();
  });

  it('/api/docs (Swagger UI) renders under its policy without a violation', async () => {
    const page = await app.newPage('desktop');
    const violations = await watchViolations(page);
    const res = await page.goto(`${app.baseUrl}/api/docs`, {
      waitUntil: 'domcontentloaded',
      timeout: 60_000,
    });
    expect(res?.headers()['x-frame-options']).toBe('DENY');
    await page.locator('.swagger-ui .info .title').waitFor({ timeout: 60_000 });
    await page.locator('.opblock').first().waitFor({ timeout: 60_000 });
    expect(violations).toEqual([]);
    await page.context().close();
  });
});
