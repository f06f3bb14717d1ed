/**
 * What `npm start` and `pathways` run is the compiled JavaScript in dist/ (issue 14): no tsx and
 * no TypeScript source is loaded by the process, and the start-up only loads the command asked for.
 */
import { execFile, spawn } from 'node:child_process';
import { mkdtemp, readFile } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '..');
const recorder = path.join(root, 'e2e', 'support', 'record-imports.mjs');
const pkg = JSON.parse(await readFile(path.join(root, 'package.json'), 'utf8')) as {
  scripts: Record<string, string>;
  bin: Record<string, string>;
};

const tmp = () => mkdtemp(path.join(os.tmpdir(), 'pathways-build-'));

/** Module URLs a process resolved, read from the recorder's file. */
async function imports(file: string): Promise<string[]> {
  return (await readFile(file, 'utf8')).split('\n').filter(Boolean);
}

function expectCompiled(urls: string[]): void {
  expect(urls.some((u) => u.endsWith('/dist/cli/main.js'))).toBe(true);
  expect(urls.filter((u) => u.includes('/node_modules/tsx/'))).toEqual([]);
  expect(urls.filter((u) => u.includes('/node_modules/esbuild/'))).toEqual([]);
  expect(urls.filter((u) => /\.tsx?$/.test(u))).toEqual([]);
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const srv = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

describe('the compiled build', () => {
  it('is what `npm start` and the `pathways` command run', () => {
    expect(pkg.bin.pathways).toBe('bin/pathways.js');
    expect(pkg.scripts.start).toBe('node bin/pathways.js serve');
    expect(pkg.scripts.prepare).toMatch(/scripts\/build\.js/);
  });

  it('pathways eligibility runs dist/ without tsx, loading only its own command', async () => {
    const record = path.join(await tmp(), 'imports.txt');
    const run = await new Promise<{ code: number; stdout: string }>((resolve) =>
      execFile(
        process.execPath,
        [
          '--import',
          recorder,
          'bin/pathways.js',
          'eligibility',
          'examples/nurse-manager.yaml',
          '--as-of',
          '2026-11-28',
        ],
        { cwd: root, env: { ...process.env, RECORD_IMPORTS: record }, timeout: 60_000 },
        (err, stdout) => resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout }),
      ),
    );
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/eligible/i);
    const urls = await imports(record);
    expectCompiled(urls);
    // Lazy commands: the server, the planner's and the CASE modules are not loaded.
    expect(urls.filter((u) => /\/node_modules\/(fastify|@fastify|kysely|better-sqlite3)\//.test(u))).toEqual(
      [],
    );
  });

  it('pathways serve (npm start) runs dist/ without tsx and answers /api/health', async () => {
    const record = path.join(await tmp(), 'imports.txt');
    const port = await freePort();
    const child = spawn(
      process.execPath,
      ['--import', recorder, 'bin/pathways.js', 'serve', '--no-web-build'],
      {
        cwd: root,
        env: {
          ...process.env,
          RECORD_IMPORTS: record,
          PORT: String(port),
          DATA_DIR: await tmp(),
          LOG_LEVEL: 'warn',
        },
        stdio: 'ignore',
      },
    );
    const exit = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
    try {
      let health: Response | undefined;
      for (let i = 0; i < 600 && !health?.ok; i++) {
        health = await fetch(`http://127.0.0.1:${port}/api/health`).catch(() => undefined);
        if (!health?.ok) await new Promise((r) => setTimeout(r, 100));
      }
      expect(health?.status).toBe(200);
    } finally {
      child.kill('SIGTERM');
    }
    expect(await exit).toBe(0);
    const urls = await imports(record);
    expectCompiled(urls);
    expect(urls.some((u) => u.includes('/node_modules/fastify/'))).toBe(true);
    // The web app is never built inside the server process.
    expect(urls.filter((u) => u.includes('/node_modules/vite/'))).toEqual([]);
  });
});
