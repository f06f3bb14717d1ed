/**
 * `npm run bench:load`: the real server under load (autocannon, loopback only), each endpoint's
 * req/s as a ratio of a Fastify hello-world measured in the same run (issue 14 targets:
 * certifications ≥ 15 %, eligibility ≥ 5 % with p99 ≤ 50 ms, record write ≥ 5 %, RSS after a
 * 60 s mixed run within 20 % of the RSS after warm-up).
 *
 * The server runs as `npm start` runs it (`node bin/pathways.js serve`, its own process, web app
 * build skipped) on a fresh SQLite database, then on a fresh PostgreSQL database when one is
 * reachable at TEST_DATABASE_URL. Settings: BENCH_SECONDS per endpoint (default 10),
 * BENCH_MIXED_SECONDS (default 60), BENCH_CONNECTIONS (default 20), BENCH_BIN (another
 * bin/pathways.js, e.g. an older checkout, to compare).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import pg from 'pg';

const root = path.resolve(import.meta.dirname, '..');
const bin = process.env.BENCH_BIN ?? path.join(root, 'bin', 'pathways.js');
const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const mixedSeconds = Number(process.env.BENCH_MIXED_SECONDS ?? 60);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 20);
const pgUrl = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

const freePort = () =>
  new Promise<number>((resolve) => {
    const srv = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });

/** Resident set size of a process, in MB (Linux). */
function rssMb(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8')
    .split('\n')
    .find((l) => l.startsWith('VmRSS:'));
  return Math.round(Number(line?.match(/(\d+)/)?.[1] ?? 0) / 1024);
}

async function waitFor(url: string, child: ChildProcess, log: () => string): Promise<number> {
  const started = performance.now();
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the server exited (${child.exitCode}):\n${log()}`);
    try {
      const r = await fetch(url);
      if (r.ok) return performance.now() - started;
    } catch {
      /* not listening yet */
    }
    if (performance.now() - started > 120_000) throw new Error(`no answer from ${url}:\n${log()}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

function startProcess(args: string[], env: NodeJS.ProcessEnv): { child: ChildProcess; log: () => string } {
  let output = '';
  const merged: NodeJS.ProcessEnv = { ...process.env, LOG_LEVEL: 'warn', ...env };
  for (const [k, v] of Object.entries(merged)) if (v === undefined) delete merged[k];
  const child = spawn(process.execPath, args, {
    cwd: root,
    env: merged,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  return { child, log: () => output };
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const done = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  await Promise.race([done, new Promise((r) => setTimeout(r, 5000))]);
  if (child.exitCode === null) child.kill('SIGKILL');
}

interface Load {
  name: string;
  method?: 'GET' | 'POST' | 'PUT';
  path: string;
  headers?: Record<string, string>;
  body?: string;
}

interface Outcome {
  name: string;
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
  kbPerAnswer: number;
}

async function hammer(base: string, load: Load, duration = seconds): Promise<Outcome> {
  const result = await autocannon({
    url: base + load.path,
    method: load.method ?? 'GET',
    headers: load.headers,
    body: load.body,
    connections,
    duration,
  });
  return {
    name: load.name,
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
    kbPerAnswer: result.requests.total ? result.throughput.total / result.requests.total / 1024 : 0,
  };
}

function print(title: string, rows: Outcome[], hello: Outcome, targets: Record<string, number>): void {
  console.log(`\n${title}`);
  console.log(
    `  ${'endpoint'.padEnd(36)} ${'req/s'.padStart(8)} ${'of hello'.padStart(9)} ${'p50 ms'.padStart(7)} ${'p99 ms'.padStart(7)} ${'errors'.padStart(7)} ${'non-2xx'.padStart(8)} ${'KB/answer'.padStart(10)}  target`,
  );
  for (const r of [hello, ...rows]) {
    const ratio = (r.rps / hello.rps) * 100;
    const target = targets[r.name];
    console.log(
      `  ${r.name.padEnd(36)} ${r.rps.toFixed(0).padStart(8)} ${r === hello ? '  baseline' : `${ratio.toFixed(1).padStart(8)}%`} ${String(r.p50).padStart(7)} ${String(r.p99).padStart(7)} ${String(r.errors).padStart(7)} ${String(r.non2xx).padStart(8)} ${r.kbPerAnswer.toFixed(1).padStart(10)}  ${target ? `≥ ${target} %: ${ratio >= target ? 'met' : 'NOT met'}` : ''}`,
    );
  }
}

/** A signed-up user with an API token and one CE item to rewrite. */
async function account(base: string): Promise<{ bearer: string; itemPath: string; item: string }> {
  const email = `bench-${Date.now()}@example.org`;
  const signup = await fetch(`${base}/api/auth/signup`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: base },
    body: JSON.stringify({ email, displayName: 'Bench', password: 'correct horse battery staple 42' }),
  });
  if (!signup.ok) throw new Error(`sign-up: ${signup.status} ${await signup.text()}`);
  const cookie = signup.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const session = (await (await fetch(`${base}/api/auth/session`, { headers: { cookie } })).json()) as {
    csrfToken: string;
  };
  const token = await fetch(`${base}/api/tokens`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': session.csrfToken, origin: base },
    body: JSON.stringify({ name: 'bench' }),
  });
  if (!token.ok) throw new Error(`token: ${token.status} ${await token.text()}`);
  const bearer = `Bearer ${((await token.json()) as { token: string }).token}`;
  const item = JSON.stringify({
    date: '2026-05-02',
    hours: 6,
    provider: 'State nurses association',
    title: 'Staffing and scheduling',
    category: 'nursing_leadership',
  });
  const created = await fetch(`${base}/api/me/record/ce`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: bearer },
    body: item,
  });
  if (!created.ok) throw new Error(`CE item: ${created.status} ${await created.text()}`);
  const { id } = (await created.json()) as { id: string };
  return { bearer, itemPath: `/api/me/record/ce/${id}`, item };
}

async function benchServer(label: string, env: NodeJS.ProcessEnv, hello: Outcome, mixed: boolean) {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const started = performance.now();
  const { child, log } = startProcess([bin, 'serve', '--no-web-build'], {
    ...env,
    PORT: String(port),
    HOST: '127.0.0.1',
  });
  try {
    await waitFor(`${base}/api/health`, child, log);
    const startMs = performance.now() - started;
    const rssStart = rssMb(child.pid!);
    const { bearer, itemPath, item } = await account(base);
    const profile = await readFile(path.join(root, 'examples', 'nurse-manager.yaml'), 'utf8');
    const loads: Load[] = [
      { name: 'GET /api/certifications', path: '/api/certifications' },
      {
        name: 'POST /api/eligibility (YAML profile)',
        method: 'POST',
        path: '/api/eligibility?asOf=2026-11-28',
        headers: { 'content-type': 'application/yaml' },
        body: profile,
      },
      {
        name: 'PUT /api/me/record/ce/:id (token)',
        method: 'PUT',
        path: itemPath,
        headers: { 'content-type': 'application/json', authorization: bearer },
        body: item,
      },
      {
        name: 'GET /api/me/dashboard (token)',
        path: '/api/me/dashboard',
        headers: { authorization: bearer },
      },
    ];
    // Warm-up: every endpoint briefly, so the RSS "after warm-up" is a steady state.
    for (const l of loads) await hammer(base, l, 2);
    const rssWarm = rssMb(child.pid!);
    const rows: Outcome[] = [];
    for (const l of loads) rows.push(await hammer(base, l));
    const rssAfter = rssMb(child.pid!);
    print(`${label}: started in ${startMs.toFixed(0)} ms (to a healthy /api/health)`, rows, hello, {
      'GET /api/certifications': 15,
      'POST /api/eligibility (YAML profile)': 5,
      'PUT /api/me/record/ce/:id (token)': 5,
    });
    const elig = rows[1]!;
    console.log(`  eligibility p99 ${elig.p99} ms (target ≤ 50 ms: ${elig.p99 <= 50 ? 'met' : 'NOT met'})`);
    console.log(
      `  server RSS: ${rssStart} MB after start, ${rssWarm} MB after warm-up, ${rssAfter} MB after the runs`,
    );
    if (mixed) {
      const result = await autocannon({
        url: base,
        connections,
        duration: mixedSeconds,
        requests: loads.map((l) => ({
          method: l.method ?? 'GET',
          path: l.path,
          headers: l.headers,
          body: l.body,
        })),
      });
      const rssMixed = rssMb(child.pid!);
      const growth = ((rssMixed - rssWarm) / rssWarm) * 100;
      console.log(
        `  ${mixedSeconds} s mixed run: ${result.requests.average.toFixed(0)} req/s, p99 ${result.latency.p99} ms, ${result.errors + result.timeouts} errors, ${result.non2xx} non-2xx; RSS ${rssMixed} MB = ${growth >= 0 ? '+' : ''}${growth.toFixed(0)} % of the RSS after warm-up (target within 20 %: ${Math.abs(growth) <= 20 ? 'met' : 'NOT met'})`,
      );
    }
  } finally {
    await stop(child);
  }
}

async function postgresReachable(): Promise<boolean> {
  const client = new pg.Client({ connectionString: pgUrl, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query('select 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

console.log(
  `Load: ${connections} connections, ${seconds} s per endpoint, loopback. Node ${process.version}, ${os.cpus().length} CPUs. Server: ${path.relative(root, bin) || bin}`,
);

// The ceiling: Fastify answering {"hello":"world"} in its own process, like the real server.
const helloPort = await freePort();
const helloServer = startProcess(
  [
    '--input-type=module',
    '-e',
    `import Fastify from 'fastify'; const app = Fastify(); app.get('/', async () => ({ hello: 'world' })); await app.listen({ port: ${helloPort}, host: '127.0.0.1' });`,
  ],
  {},
);
await waitFor(`http://127.0.0.1:${helloPort}/`, helloServer.child, helloServer.log);
const hello = await hammer(`http://127.0.0.1:${helloPort}`, {
  name: 'Fastify hello-world (baseline)',
  path: '/',
});
await stop(helloServer.child);

const dataDir = await mkdtemp(path.join(os.tmpdir(), 'pathways-load-'));
try {
  await benchServer('SQLite', { DATA_DIR: dataDir, DATABASE_URL: undefined }, hello, true);
} finally {
  await rm(dataDir, { recursive: true, force: true });
}

if (await postgresReachable()) {
  const dbName = `pathways_load_${process.pid}`;
  const admin = new pg.Client({ connectionString: pgUrl });
  await admin.connect();
  await admin.query(`create database ${dbName}`);
  try {
    const url = new URL(pgUrl);
    url.pathname = `/${dbName}`;
    await benchServer('PostgreSQL', { DATABASE_URL: url.href, DATA_DIR: os.tmpdir() }, hello, false);
  } finally {
    await admin.query(`drop database if exists ${dbName} with (force)`);
    await admin.end();
  }
} else {
  console.log(`\nPostgreSQL: skipped (not reachable at ${pgUrl}).`);
}
