/**
 * A small benchmark harness: runs each case for a fixed time after a warm-up and prints
 * operations per second and the ratio against the named baseline measured in the same run.
 */
export interface BenchCase {
  name: string;
  fn: () => unknown | Promise<unknown>;
}

export interface BenchResult {
  name: string;
  opsPerSec: number;
  meanMs: number;
}

async function measure(c: BenchCase, ms: number): Promise<BenchResult> {
  const warmUntil = performance.now() + Math.min(200, ms / 4);
  while (performance.now() < warmUntil) await c.fn();
  let n = 0;
  const start = performance.now();
  let now = start;
  while (now - start < ms) {
    await c.fn();
    n++;
    now = performance.now();
  }
  const elapsed = now - start;
  return { name: c.name, opsPerSec: (n / elapsed) * 1000, meanMs: elapsed / n };
}

/** Measures `baseline` and every case, then prints a table with ratios to the baseline. */
export async function compare(
  title: string,
  baseline: BenchCase,
  cases: BenchCase[],
  ms = 1000,
): Promise<BenchResult[]> {
  const base = await measure(baseline, ms);
  const results = [base];
  for (const c of cases) results.push(await measure(c, ms));
  console.log(`\n${title}`);
  for (const r of results) {
    const ratio = base.opsPerSec / r.opsPerSec;
    const label = r === base ? 'baseline' : `${ratio.toFixed(2)}x the baseline's time`;
    console.log(
      `  ${r.name.padEnd(48)} ${r.opsPerSec.toFixed(0).padStart(10)} ops/s  ${r.meanMs.toFixed(3).padStart(9)} ms/op  ${label}`,
    );
  }
  return results;
}
