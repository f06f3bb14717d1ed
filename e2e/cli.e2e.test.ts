/**
 * The `pathways` command as a person runs it: real processes, real exit codes, real output.
 */
import { execFile, spawn } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrations } from '../src/storage/migrations/index.js';

const root = path.resolve(import.meta.dirname, '..');
const bin = path.join(root, 'bin', 'pathways.js');

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function pathways(args: string[], env: NodeJS.ProcessEnv = {}): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [bin, ...args],
      { cwd: root, env: { ...process.env, LOG_LEVEL: 'warn', ...env }, timeout: 60_000 },
      (err, stdout, stderr) => {
        resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr });
      },
    );
  });
}

const tmp = () => mkdtemp(path.join(os.tmpdir(), 'pathways-cli-'));

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const srv = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

/** No stack trace lines ("    at ...") in what a person sees. */
const noStack = (s: string) => expect(s).not.toMatch(/^\s+at /m);

describe('pathways catalog', () => {
  it('validates the built-in catalog', async () => {
    const run = await pathways(['catalog', 'validate']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(
      /^OK .*catalog: \d+ certifications, \d+ competencies, \d+ roles \(\d+ transitions\), \d+ programs, catalog version \d{4}\.\d{2}\.\d{2}\+[0-9a-f]{8}$/m,
    );
  });

  it('refuses a broken catalog with file:line and exit code 2', async () => {
    const dir = await tmp();
    await mkdir(path.join(dir, 'certifications'));
    await copyFile(path.join(root, 'catalog', 'catalog.yaml'), path.join(dir, 'catalog.yaml'));
    await copyFile(path.join(root, 'catalog', 'vocabulary.yaml'), path.join(dir, 'vocabulary.yaml'));
    const broken = await readFile(
      path.join(root, 'test', 'fixtures', 'broken-catalogs', 'bad-date.yaml'),
      'utf8',
    );
    await writeFile(path.join(dir, 'certifications', 'broken.yaml'), broken);
    const run = await pathways(['catalog', 'validate', dir]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/certifications\/broken\.yaml:10:15 verifiedAsOf: must be a date YYYY-MM-DD/);
    noStack(run.stderr);
  });

  it('lists certifications as a table and as JSON, filtered by focus', async () => {
    const table = await pathways(['catalog', 'list']);
    expect(table.code).toBe(0);
    expect(table.stdout).toMatch(/^ID\s+Name\s+Issuer/m);
    expect(table.stdout).toMatch(/^FACHE\s/m);
    const json = await pathways(['catalog', 'list', '--focus', 'quality', '--json']);
    expect(json.code).toBe(0);
    const body = JSON.parse(json.stdout);
    expect(body.certifications.map((c: { id: string }) => c.id)).toContain('CPHQ');
    for (const c of body.certifications) expect(c.focusAreas).toContain('quality');
  });

  it('exits 2 with a message for bad arguments', async () => {
    const focus = await pathways(['catalog', 'list', '--focus', 'astrology']);
    expect(focus.code).toBe(2);
    expect(focus.stderr).toMatch(/--focus: unknown focus area "astrology"/);
    const unknown = await pathways(['catalogue']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/unknown command 'catalogue'/);
    const port = await pathways(['serve', '--port', 'eighty']);
    expect(port.code).toBe(2);
    expect(port.stderr).toMatch(/must be a whole number from 1 to 65535/);
  });

  it('has --help on every command', async () => {
    for (const args of [
      [],
      ['serve'],
      ['db'],
      ['db', 'migrate'],
      ['catalog'],
      ['catalog', 'validate'],
      ['catalog', 'list'],
    ]) {
      const run = await pathways([...args, '--help']);
      expect(run.code, args.join(' ')).toBe(0);
      expect(run.stdout, args.join(' ')).toMatch(/^Usage: pathways/);
    }
  });
});

describe('pathways db migrate', () => {
  it('creates the SQLite database in DATA_DIR, then finds it up to date', async () => {
    const dataDir = await tmp();
    const first = await pathways(['db', 'migrate'], { DATA_DIR: dataDir });
    expect(first.code).toBe(0);
    const names = Object.keys(migrations);
    expect(first.stdout).toMatch(
      new RegExp(`Applied ${names.length} migration\\(s\\) to sqlite:.*pathways\\.db`),
    );
    for (const name of names) expect(first.stdout).toContain(name);
    const second = await pathways(['db', 'migrate'], { DATA_DIR: dataDir });
    expect(second.stdout).toMatch(/is up to date/);
  });
});

describe('pathways serve start-up errors', () => {
  it('says in one line that the database cannot be reached', async () => {
    const run = await pathways(['serve', '--no-web-build'], {
      DATABASE_URL: 'postgres://nobody@127.0.0.1:1/nothing',
      PORT: String(await freePort()),
    });
    expect(run.code).toBe(1);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(
      /^pathways: cannot reach the PostgreSQL database at postgres:\/\/nobody@127\.0\.0\.1:1\/nothing: ECONNREFUSED/,
    );
  });

  it('refuses a DATABASE_URL of another kind', async () => {
    const run = await pathways(['serve', '--no-web-build'], { DATABASE_URL: 'mysql://root@localhost/db' });
    expect(run.code).toBe(1);
    expect(run.stderr.trim()).toBe(
      'pathways: DATABASE_URL must start with postgres:// or postgresql:// (or sqlite:/path/to/file.db); got "mysql:"',
    );
  });

  it('refuses a bad PORT', async () => {
    const run = await pathways(['serve', '--no-web-build'], { PORT: '99999' });
    expect(run.code).toBe(1);
    expect(run.stderr.trim()).toBe('pathways: PORT must be a whole number from 1 to 65535; got "99999"');
  });

  it('says that the port is in use', async () => {
    const blocker = net.createServer();
    await new Promise<void>((r) => blocker.listen(0, '0.0.0.0', () => r()));
    const port = (blocker.address() as net.AddressInfo).port;
    const run = await pathways(['serve', '--no-web-build'], { PORT: String(port), DATA_DIR: await tmp() });
    blocker.close();
    expect(run.code).toBe(1);
    expect(run.stderr.trim()).toBe(
      `pathways: port ${port} is already in use; stop the other program or set PORT to a free port`,
    );
  });

  it('stops on a broken catalog before touching the database', async () => {
    const dir = await tmp();
    const dataDir = await tmp();
    await mkdir(path.join(dir, 'certifications'));
    await copyFile(path.join(root, 'catalog', 'catalog.yaml'), path.join(dir, 'catalog.yaml'));
    await writeFile(path.join(dir, 'vocabulary.yaml'), 'focusAreas: [}');
    const run = await pathways(['serve', '--no-web-build'], { CATALOG_DIR: dir, DATA_DIR: dataDir });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/vocabulary\.yaml:1:\d+ not valid YAML/);
    noStack(run.stderr);
  });
});

describe('pathways serve', () => {
  it('serves the API and shuts down cleanly on SIGTERM', async () => {
    const port = await freePort();
    const child = spawn(process.execPath, [bin, 'serve', '--no-web-build'], {
      cwd: root,
      env: { ...process.env, PORT: String(port), DATA_DIR: await tmp(), LOG_LEVEL: 'info' },
    });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    const deadline = Date.now() + 30_000;
    let health: Response | undefined;
    while (Date.now() < deadline) {
      health = await fetch(`http://127.0.0.1:${port}/api/health`).catch(() => undefined);
      if (health) break;
      await new Promise((r) => setTimeout(r, 200));
    }
    expect(health?.status, output).toBe(200);
    const list = await (await fetch(`http://127.0.0.1:${port}/api/certifications`)).json();
    expect(list.total).toBeGreaterThan(0);
    const exit = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
    child.kill('SIGTERM');
    expect(await exit).toBe(0);
    // Structured JSON logs from pino.
    const lines = output
      .trim()
      .split('\n')
      .filter((l) => l.startsWith('{'));
    expect(lines.some((l) => JSON.parse(l).msg === 'shutting down: finishing in-flight requests')).toBe(true);
  });
});
