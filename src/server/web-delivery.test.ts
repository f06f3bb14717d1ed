/**
 * Headers of what the browser downloads (issue 14): a hashed asset is precompressed and cached for
 * a year, a page is revalidated with an ETag, API JSON is compressed above 1 KB.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateToLatest, openStorage, type Storage } from '../storage/db.js';
import { builtinCatalog } from '../../test/support/catalog.js';
import { buildApp } from './app.js';

const script = `console.log(${JSON.stringify('pathways '.repeat(400))});\n`;
const html = `<!doctype html><html><head><script type="module" src="/assets/index-AbC123.js"></script></head><body>${'<!-- page -->'.repeat(100)}</body></html>`;

let app: FastifyInstance;
let storage: Storage;
let webDir: string;

beforeAll(async () => {
  webDir = await mkdtemp(path.join(os.tmpdir(), 'pathways-web-'));
  await mkdir(path.join(webDir, 'assets'));
  const asset = path.join(webDir, 'assets', 'index-AbC123.js');
  await writeFile(asset, script);
  await writeFile(`${asset}.br`, brotliCompressSync(script));
  await writeFile(`${asset}.gz`, gzipSync(script));
  await writeFile(path.join(webDir, 'index.html'), html);
  await writeFile(path.join(webDir, 'index.html.br'), brotliCompressSync(html));
  await writeFile(path.join(webDir, 'index.html.gz'), gzipSync(html));
  const catalog = await builtinCatalog();
  storage = await openStorage({ databaseUrl: ':memory:', dataDir: '.' });
  await migrateToLatest(storage.db);
  app = await buildApp({ catalog, storage, appVersion: '0.0.0-test', logger: false, webDir });
});

afterAll(async () => {
  await app.close();
  await storage.close();
  await rm(webDir, { recursive: true, force: true });
});

describe('hashed assets', () => {
  it('are sent precompressed with brotli or gzip, varying on accept-encoding, cached for a year', async () => {
    const br = await app.inject({
      url: '/assets/index-AbC123.js',
      headers: { 'accept-encoding': 'gzip, br' },
    });
    expect(br.statusCode).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['content-type']).toMatch(/javascript/);
    expect(String(br.headers.vary)).toMatch(/accept-encoding/i);
    expect(br.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(brotliDecompressSync(br.rawPayload).toString()).toBe(script);

    const gz = await app.inject({ url: '/assets/index-AbC123.js', headers: { 'accept-encoding': 'gzip' } });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.rawPayload).toString()).toBe(script);

    const plain = await app.inject({ url: '/assets/index-AbC123.js' });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toBe(script);
    expect(plain.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  });
});

describe('pages', () => {
  it.each(['/', '/certifications', '/plan?to=director-of-quality'])(
    '%s is index.html, revalidated every time with an ETag (304 when unchanged)',
    async (url) => {
      const page = await app.inject({ url, headers: { 'accept-encoding': 'br' } });
      expect(page.statusCode).toBe(200);
      expect(page.headers['content-type']).toMatch(/text\/html/);
      expect(page.headers['cache-control']).toBe('no-cache');
      const etag = page.headers.etag;
      expect(etag).toBeTruthy();
      const again = await app.inject({
        url,
        headers: { 'accept-encoding': 'br', 'if-none-match': String(etag) },
      });
      expect(again.statusCode).toBe(304);
    },
  );
});

describe('API responses', () => {
  it('are compressed above 1 KB when the client accepts it, and never cached as immutable', async () => {
    const list = await app.inject({ url: '/api/certifications', headers: { 'accept-encoding': 'gzip' } });
    expect(list.statusCode).toBe(200);
    expect(list.headers['content-encoding']).toBe('gzip');
    expect(String(list.headers.vary)).toMatch(/accept-encoding/i);
    expect(JSON.parse(gunzipSync(list.rawPayload).toString()).total).toBeGreaterThan(10);
    expect(String(list.headers['cache-control'] ?? '')).not.toMatch(/immutable/);

    const br = await app.inject({ url: '/api/certifications', headers: { 'accept-encoding': 'br' } });
    expect(br.headers['content-encoding']).toBe('br');
    expect(JSON.parse(brotliDecompressSync(br.rawPayload).toString()).total).toBeGreaterThan(10);

    const plain = await app.inject({ url: '/api/certifications' });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.json().total).toBeGreaterThan(10);
  });

  it('small answers are sent as they are', async () => {
    const health = await app.inject({ url: '/api/health', headers: { 'accept-encoding': 'gzip, br' } });
    expect(health.statusCode).toBe(200);
    expect(health.headers['content-encoding']).toBeUndefined();
  });
});
