/**
 * What the browser downloads (issue 14): the catalog page's first load stays under 200 KB of
 * JavaScript as transferred (compressed), and every other page arrives as its own chunk of at most
 * 100 KB compressed, fetched only when that page is opened.
 */
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../src/services/config.js';
import { browserCheck, useAppInBrowser } from './support/browser';

const KB = 1024;

/** Records every script response of `page` with its transferred body size. */
function recordScripts(page: Page): () => Promise<{ url: string; bytes: number; encoding?: string }[]> {
  const responses: Promise<{ url: string; bytes: number; encoding?: string }>[] = [];
  page.on('requestfinished', (request) => {
    if (request.resourceType() !== 'script') return;
    responses.push(
      (async () => {
        const sizes = await request.sizes();
        const response = await request.response();
        return {
          url: request.url(),
          bytes: sizes.responseBodySize,
          encoding: response ? ((await response.headerValue('content-encoding')) ?? undefined) : undefined,
        };
      })(),
    );
  });
  return () => Promise.all(responses);
}

describe.skipIf(!browserCheck.available)('web delivery', () => {
  const app = useAppInBrowser();

  it('the catalog page loads at most 200 KB of JavaScript, compressed, without any other page', async () => {
    const page = await app.newPage('desktop');
    const scripts = recordScripts(page);
    await page.goto(`${app.baseUrl}/certifications`, { waitUntil: 'networkidle' });
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    const loaded = await scripts();
    const total = loaded.reduce((sum, s) => sum + s.bytes, 0);
    console.log(`catalog page: ${loaded.length} scripts, ${(total / KB).toFixed(0)} KB transferred`);
    expect(loaded.length).toBeGreaterThan(0);
    for (const s of loaded) expect(s.encoding, s.url).toMatch(/^(br|gzip)$/);
    expect(total).toBeLessThanOrEqual(200 * KB);
    // Other pages are not part of the first load.
    expect(
      loaded.filter((s) => /\/(PlanPage|SelfAssessmentPage|DashboardPage|RecordPage)-/.test(s.url)),
    ).toEqual([]);
    await page.context().close();
  });

  it('every other page is its own chunk of at most 100 KB compressed', async () => {
    const pages = (await readdir(path.join(projectRoot, 'web', 'src', 'pages')))
      .filter((f) => f.endsWith('Page.tsx') && f !== 'CatalogPage.tsx')
      .map((f) => f.replace(/\.tsx$/, ''));
    const assets = path.join(projectRoot, 'web', 'dist', 'assets');
    const files = await readdir(assets);
    const sizes: Record<string, number> = {};
    for (const name of pages) {
      const chunk = files.find((f) => new RegExp(`^${name}-[\\w-]+\\.js$`).test(f));
      expect(chunk, `no chunk for ${name}`).toBeDefined();
      // Files under 1 KB are not precompressed: their own size counts.
      const br = files.includes(`${chunk}.br`) ? `${chunk}.br` : chunk!;
      sizes[name] = (await stat(path.join(assets, br))).size;
    }
    console.log(
      Object.entries(sizes)
        .map(([n, s]) => `${n} ${(s / KB).toFixed(1)} KB`)
        .join(', '),
    );
    for (const [name, size] of Object.entries(sizes)) expect(size, name).toBeLessThanOrEqual(100 * KB);
  });
});
