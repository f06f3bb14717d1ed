/**
 * Issue 12, the operator's side: deleted data leaves the SQLite file (9), secrets never reach the
 * log (10), a DATABASE_URL that is not PostgreSQL stops the start (11), and a database lost at run
 * time answers 503 `database_unavailable` with Retry-After, then recovers (16).
 */
import { mkdtempSync, readFileSync, existsSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import SqliteDatabase from 'better-sqlite3';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { authTestApp, signUp, TEST_PASSWORD } from '../../test/support/auth.js';
import { postgresUnavailableReason, postgresUrl } from '../../test/support/databases.js';
import { builtinCatalog } from '../../test/support/catalog.js';
import { ConfigError, loadConfig } from '../services/config.js';
import { migrateToLatest, openStorage } from '../storage/db.js';
import { buildApp } from './app.js';
import { createLogger, redactUrl } from './log.js';

const pgSkip = await postgresUnavailableReason();
const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});
function tempDir(): string {
  const d = mkdtempSync(path.join(tmpdir(), 'hmp-safety-'));
  dirs.push(d);
  return d;
}

describe('9. account deletion on SQLite', () => {
  it('leaves neither the email nor the CE titles in the database file or its log', async () => {
    const file = path.join(tempDir(), 'pathways.db');
    const { app } = await authTestApp({
      storage: await openStorage({ databaseUrl: `sqlite:${file}`, dataDir: '.' }),
    });
    const email = 'forget.me.please@example.org';
    const title = 'Zebra Quagga Leadership Intensive';
    const user = await signUp(app, { email });
    for (let i = 0; i < 30; i++)
      await app.inject({
        method: 'POST',
        url: '/api/me/record/ce',
        headers: user.headers,
        payload: { title: `${title} ${i}`, date: '2026-01-10', hours: 1 },
      });
    const bytes = () =>
      Buffer.concat([file, `${file}-wal`].filter(existsSync).map((f) => readFileSync(f))).toString('latin1');
    expect(bytes()).toContain(title);
    const res = await app.inject({
      method: 'DELETE',
      url: '/api/account',
      headers: user.headers,
      payload: { password: TEST_PASSWORD },
    });
    expect(res.statusCode, res.body).toBe(204);
    const after = bytes();
    expect(after).not.toContain(email);
    expect(after).not.toContain(title);
    await app.close();
    const check = new SqliteDatabase(file, { readonly: true });
    expect(check.pragma('integrity_check', { simple: true })).toBe('ok');
    check.close();
  });
});

describe('10. logs', () => {
  it('never hold the calendar-feed secret or a token, at any level', async () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk, _enc, done) {
        lines.push(String(chunk));
        done();
      },
    });
    const { app } = await authTestApp();
    const user = await signUp(app);
    const url = (await app.inject({ method: 'POST', url: '/api/me/calendar', headers: user.headers })).json()
      .url as string;
    const secret = url.replace(/^.*\/(cal_[^.]+)\.ics$/, '$1');
    await app.close();

    const storage = await openStorage({ databaseUrl: ':memory:', dataDir: '.' });
    await migrateToLatest(storage.db);
    const logged = await buildApp({
      catalog: await builtinCatalog(),
      storage,
      appVersion: 'test',
      logger: createLogger('trace', sink),
      auth: { argon2Cost: 'fast' },
    });
    await logged.inject({ url: `/api/calendar/${secret}.ics` });
    await logged.inject({ url: `/api/health?token=hmp_abcdefghijklmnop&x=1` });
    await logged.inject({ url: '/api/me/record', headers: { authorization: 'Bearer hmp_abcdefghijklmnop' } });
    await logged.close();
    await storage.close();
    const text = lines.join('');
    expect(text).toContain('/api/calendar/[redacted]');
    expect(text).not.toContain(secret);
    expect(text).not.toContain('hmp_abcdefghijklmnop');
    expect(redactUrl('/api/health?token=abc&x=1')).toBe('/api/health?token=[redacted]&x=1');
  });
});

describe('11. DATABASE_URL', () => {
  it('refuses anything but postgres:// (or an explicit sqlite:), naming the variable', () => {
    for (const [value, message] of [
      [
        'not-a-url',
        'DATABASE_URL must start with postgres:// or postgresql:// (or sqlite:/path/to/file.db); got "not-a-url"',
      ],
      [
        'mysql://root@localhost/db',
        'DATABASE_URL must start with postgres:// or postgresql:// (or sqlite:/path/to/file.db); got "mysql:"',
      ],
      [
        'postgres://',
        'DATABASE_URL is not a valid PostgreSQL URL (expected postgres://user:password@host:5432/database)',
      ],
    ]) {
      expect(() => loadConfig({ DATABASE_URL: value })).toThrow(ConfigError);
      expect(() => loadConfig({ DATABASE_URL: value })).toThrow(message);
    }
    expect(loadConfig({ DATABASE_URL: 'postgres://u@db:5432/x' }).databaseUrl).toBe('postgres://u@db:5432/x');
    expect(loadConfig({ DATABASE_URL: 'sqlite:/var/lib/pathways.db' }).databaseUrl).toBe(
      'sqlite:/var/lib/pathways.db',
    );
    expect(loadConfig({ PUBLIC_URL: 'https://pathways.example.org/' }).publicUrl).toBe(
      'https://pathways.example.org',
    );
    expect(() => loadConfig({ PUBLIC_URL: 'pathways.example.org' })).toThrow(/^PUBLIC_URL must be/);
  });
});

describe('16. database lost at run time', () => {
  it('SQLite locked by another process: 503 database_unavailable with Retry-After, then recovery', async () => {
    const file = path.join(tempDir(), 'locked.db');
    const storage = await openStorage({ databaseUrl: `sqlite:${file}`, dataDir: '.' });
    await migrateToLatest(storage.db);
    const { app } = await authTestApp({ storage });
    const user = await signUp(app);
    const other = new SqliteDatabase(file);
    other.pragma('busy_timeout = 0');
    other.exec('BEGIN EXCLUSIVE');
    // Shorten the wait for the lock so the test is quick (5 s in production).
    await sql`pragma busy_timeout = 100`.execute(storage.db);
    const res = await app.inject({
      method: 'POST',
      url: '/api/me/record/ce',
      headers: user.headers,
      payload: { date: '2026-01-10', hours: 1 },
    });
    expect(res.statusCode, res.body).toBe(503);
    expect(res.headers['retry-after']).toBe('5');
    expect(res.json().error.code).toBe('database_unavailable');
    other.exec('ROLLBACK');
    other.close();
    const again = await app.inject({
      method: 'POST',
      url: '/api/me/record/ce',
      headers: user.headers,
      payload: { date: '2026-01-10', hours: 1 },
    });
    expect(again.statusCode).toBe(201);
    await app.close();
  });

  it.skipIf(Boolean(pgSkip))(
    'PostgreSQL gone: every route answers 503 (not 500), and the app recovers',
    async () => {
      // A TCP relay between the app and PostgreSQL that the test can cut and restore.
      const target = new URL(postgresUrl);
      const sockets = new Set<net.Socket>();
      const relay = net.createServer((client) => {
        const upstream = net.connect(Number(target.port || 5432), target.hostname);
        sockets.add(client).add(upstream);
        client.pipe(upstream).pipe(client);
        const end = () => {
          client.destroy();
          upstream.destroy();
        };
        client.on('error', end).on('close', end);
        upstream.on('error', end).on('close', end);
      });
      await new Promise<void>((r) => relay.listen(0, '127.0.0.1', r));
      const port = (relay.address() as net.AddressInfo).port;
      const url = new URL(postgresUrl);
      url.host = `127.0.0.1:${port}`;
      const schema = `t_lost_${Date.now()}`;
      const admin = await openStorage({ databaseUrl: postgresUrl, dataDir: '.' });
      await admin.db.schema.createSchema(schema).execute();
      url.searchParams.set('options', `-c search_path=${schema}`);
      const { app } = await authTestApp({
        storage: await openStorage({ databaseUrl: url.toString(), dataDir: '.' }),
      });
      try {
        const user = await signUp(app);
        // Cut: close the relay and every connection through it.
        await new Promise<void>((r) => relay.close(() => r()));
        for (const s of sockets) s.destroy();
        for (const request of [
          { url: '/api/me/record', headers: user.headers },
          { url: '/api/certifications' },
          {
            method: 'POST' as const,
            url: '/api/auth/signin',
            payload: { email: user.email, password: TEST_PASSWORD },
          },
          { url: '/api/auth/session', headers: user.headers },
        ]) {
          const res = await app.inject(request);
          if (request.url === '/api/certifications' && res.statusCode === 200) continue; // served from memory
          expect(res.statusCode, `${request.url}: ${res.body}`).toBe(503);
          expect(res.headers['retry-after']).toBe('5');
          expect(res.json().error.code).toBe('database_unavailable');
        }
        // Restore on the same port: the next request works again.
        await new Promise<void>((r) => relay.listen(port, '127.0.0.1', r));
        let recovered = 0;
        for (let i = 0; i < 20 && recovered !== 200; i++) {
          recovered = (await app.inject({ url: '/api/me/record', headers: user.headers })).statusCode;
          if (recovered !== 200) await new Promise((r) => setTimeout(r, 250));
        }
        expect(recovered).toBe(200);
      } finally {
        await app.close();
        await new Promise<void>((r) => relay.close(() => r()));
        await admin.db.schema.dropSchema(schema).cascade().execute();
        await admin.close();
      }
    },
  );
});
