/**
 * Whole-process start-up of the `pathways` command against `node -e 0`, measured in the same run
 * (issue 14 targets: --help ≤ 3×, eligibility ≤ 5×, plan and recommend ≤ 6×). Medians of
 * BENCH_RUNS runs (default 7) because the machine is shared; runs are interleaved so that load
 * from other processes hits every command alike.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const bin = path.join(root, 'bin', 'pathways.js');
const analyst = path.join(root, 'examples', 'quality-analyst.yaml');
const nurse = path.join(root, 'examples', 'nurse-manager.yaml');

interface StartupCase {
  name: string;
  args: string[];
  /** The issue's target as a multiple of `node -e 0`. */
  target?: number;
}

export const startupCases: StartupCase[] = [
  { name: 'node -e 0 (baseline)', args: ['-e', '0'] },
  { name: 'pathways --help', args: [bin, '--help'], target: 3 },
  { name: 'pathways catalog list', args: [bin, 'catalog', 'list'] },
  {
    name: 'pathways eligibility <example>',
    args: [bin, 'eligibility', nurse, '--as-of', '2026-11-28'],
    target: 5,
  },
  {
    name: 'pathways recommend <example>',
    args: [bin, 'recommend', analyst, '--role', 'director-of-quality', '--as-of', '2026-11-28'],
    target: 6,
  },
  {
    name: 'pathways plan <example>',
    args: [bin, 'plan', analyst, '--to', 'director-of-quality', '--as-of', '2026-11-28'],
    target: 6,
  },
];

function timeOnce(args: string[]): { wallMs: number } {
  const started = performance.now();
  const r = spawnSync(process.execPath, args, {
    cwd: root,
    stdio: ['ignore', 'ignore', 'pipe'],
    encoding: 'utf8',
  });
  const wallMs = performance.now() - started;
  if (r.status !== 0) throw new Error(`${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return { wallMs };
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};

export async function benchCliStartup(runs = Number(process.env.BENCH_RUNS ?? 7)): Promise<void> {
  // One untimed run each: the compiled build (or a stale-check rebuild) and the OS file cache are warm.
  for (const c of startupCases) timeOnce(c.args);
  const samples = startupCases.map(() => [] as number[]);
  for (let i = 0; i < runs; i++) startupCases.forEach((c, j) => samples[j]!.push(timeOnce(c.args).wallMs));
  const base = median(samples[0]!);
  console.log(`\nCLI start-up, whole process (median of ${runs} runs; baseline: node -e 0)`);
  startupCases.forEach((c, j) => {
    const m = median(samples[j]!);
    const ratio = m / base;
    const verdict = c.target ? `  target ≤ ${c.target}x: ${ratio <= c.target ? 'met' : 'NOT met'}` : '';
    console.log(
      `  ${c.name.padEnd(34)} ${m.toFixed(0).padStart(6)} ms  ${j === 0 ? 'baseline' : `${ratio.toFixed(1)}x`}${verdict}`,
    );
  });
}

/** `pathways serve` (web app already built) to the first healthy /api/health on a fresh SQLite database. */
async function serverStartOnce(): Promise<number> {
  const { spawn } = await import('node:child_process');
  const { mkdtemp, rm } = await import('node:fs/promises');
  const os = await import('node:os');
  const net = await import('node:net');
  const port = await new Promise<number>((resolve) => {
    const srv = net.createServer().listen(0, '127.0.0.1', () => {
      const p = (srv.address() as { port: number }).port;
      srv.close(() => resolve(p));
    });
  });
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'pathways-start-'));
  const started = performance.now();
  const child = spawn(process.execPath, [bin, 'serve', '--no-web-build'], {
    cwd: root,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'warn' },
    stdio: 'ignore',
  });
  try {
    for (;;) {
      const ok = await fetch(`http://127.0.0.1:${port}/api/health`).then(
        (r) => r.ok,
        () => false,
      );
      if (ok) return performance.now() - started;
      if (child.exitCode !== null) throw new Error(`pathways serve exited with ${child.exitCode}`);
      await new Promise((r) => setTimeout(r, 10));
    }
  } finally {
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    await exited;
    await rm(dataDir, { recursive: true, force: true });
  }
}

/** Server start-up against `node -e 0`, medians, interleaved (issue 14 target: ≤ 1 s on SQLite). */
export async function benchServerStart(runs = Number(process.env.BENCH_RUNS ?? 7)): Promise<void> {
  const base: number[] = [];
  const server: number[] = [];
  await serverStartOnce();
  for (let i = 0; i < runs; i++) {
    base.push(timeOnce(['-e', '0']).wallMs);
    server.push(await serverStartOnce());
  }
  const b = median(base);
  const s = median(server);
  console.log(`\nServer start to a healthy /api/health on a new SQLite database (median of ${runs} runs)`);
  console.log(`  ${'node -e 0 (baseline)'.padEnd(34)} ${b.toFixed(0).padStart(6)} ms  baseline`);
  console.log(
    `  ${'pathways serve --no-web-build'.padEnd(34)} ${s.toFixed(0).padStart(6)} ms  ${(s / b).toFixed(1)}x  target ≤ 1000 ms: ${s <= 1000 ? 'met' : 'NOT met'}`,
  );
}
