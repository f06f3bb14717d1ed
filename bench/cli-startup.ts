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
