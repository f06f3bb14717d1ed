import { describe, expect, it } from 'vitest';
import { checkBrowser, chromiumPath } from './support/browser';

describe('browser check', () => {
  it('fails the suite on CI when Chromium is missing, with a clear message', () => {
    expect(() => checkBrowser({ CI: 'true' }, () => false)).toThrow(
      `Browser tests cannot run on CI: ${chromiumPath} not found (install it with: apt-get install chromium).`,
    );
  });

  it('skips with a printed reason elsewhere', () => {
    const lines: string[] = [];
    expect(
      checkBrowser(
        {},
        () => false,
        (l) => lines.push(l),
      ),
    ).toEqual({
      available: false,
      reason: `${chromiumPath} not found (install it with: apt-get install chromium)`,
    });
    expect(lines).toEqual([
      `[e2e] Skipping browser tests: ${chromiumPath} not found (install it with: apt-get install chromium). Set CI=true to make this a failure.`,
    ]);
  });

  it('runs when Chromium is there', () => {
    expect(checkBrowser({ CI: 'true' }, () => true)).toEqual({ available: true });
  });
});
