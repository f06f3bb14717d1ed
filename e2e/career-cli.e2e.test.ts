/**
 * `pathways gaps`, `pathways recommend` and `pathways programs compare` as a person runs them:
 * real processes, real exit codes, real output.
 */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '..');
const bin = path.join(root, 'bin', 'pathways.js');
const analyst = path.join('examples', 'quality-analyst.yaml');

function pathways(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [bin, ...args],
      { cwd: root, env: { ...process.env, LOG_LEVEL: 'warn' }, timeout: 60_000, maxBuffer: 20 * 1024 * 1024 },
      (err, stdout, stderr) =>
        resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}

const noStack = (s: string) => expect(s).not.toMatch(/^\s+at /m);

describe('pathways gaps', () => {
  it("ranks the gaps from the profile's newest self-assessment", async () => {
    const run = await pathways(['gaps', analyst, '--role', 'director-of-quality']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('Director of Quality — competency gaps (self-assessment of 2026-11-01)');
    // Care pathways: rated 2 against a level-5 target → gap 3 × weight 3 = 9, the top score.
    expect(run.stdout).toMatch(/^1\s+Care pathways\s+2\s+5\*\s+3\s+3\s+9$/m);
    expect(run.stdout).toContain('Knowledge of the Healthcare Environment');
  });

  it('an unknown role exits 2 naming the field', async () => {
    const run = await pathways(['gaps', analyst, '--role', 'astronaut']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('role: unknown role "astronaut"');
    noStack(run.stderr);
  });
});

describe('pathways recommend', () => {
  it('stays within --budget and says why each pick is there', async () => {
    const run = await pathways(['recommend', analyst, '--budget', '5000', '--as-of', '2026-11-28', '--json']);
    expect(run.code, run.stderr).toBe(0);
    const r = JSON.parse(run.stdout) as {
      totals: { costUsd: number };
      picks: Array<{ costUsd: number; why: string[]; start: string }>;
      role: { id: string };
    };
    expect(r.role.id).toBe('director-of-quality'); // from the profile's goals
    expect(r.picks.length).toBeGreaterThan(0);
    expect(r.totals.costUsd).toBeLessThanOrEqual(5000);
    for (const p of r.picks) {
      expect(p.costUsd).toBeLessThanOrEqual(5000);
      expect(p.why[0]).toMatch(/^Closes/);
      expect(p.start >= '2026-11-28').toBe(true);
    }
  });

  it('prints the plan as text with totals against the budget', async () => {
    const run = await pathways([
      'recommend',
      analyst,
      '--budget',
      '5000',
      '--online',
      '--as-of',
      '2026-11-28',
    ]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^Total: \$[\d,]+ of \$5,000, done by \d{4}-\d{2}-\d{2}/m);
    expect(run.stdout).toContain('Exact: the best of every combination');
  });

  it('a negative budget exits 2', async () => {
    const run = await pathways(['recommend', analyst, '--budget', '-5']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--budget must be a number, 0 or more');
  });
});

describe('pathways programs compare', () => {
  it('shows three programs side by side with my gap coverage, unknowns as unknown', async () => {
    const run = await pathways([
      'programs',
      'compare',
      'ihi-improvement-advisor',
      'umn-executive-mha',
      'harvard-chan-emerging-executives',
      '--profile',
      analyst,
    ]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^Cost\s+unknown\s+\$68,544/m);
    expect(run.stdout).toMatch(/^My gap covered\s+\d+ % \(\d+ of \d+ points\)/m);
  });

  it('an unknown program id exits 2 naming it', async () => {
    const run = await pathways(['programs', 'compare', 'ihi-improvement-advisor', 'no-such-program']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('ids[1]: unknown program "no-such-program"');
    noStack(run.stderr);
  });
});

describe('pathways plan', () => {
  it('draws the dated plan as a timeline, every step with its reason', async () => {
    const run = await pathways(['plan', analyst, '--to', 'director-of-quality', '--as-of', '2026-11-28']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain(
      'From Quality Improvement Specialist to Director of Quality (as of 2026-11-28)',
    );
    expect(run.stdout).toMatch(/^Plan 1( \([a-z ]+\))?: reach Director of Quality on \d{4}-\d{2}-\d{2}/m);
    expect(run.stdout).toContain('Path: qi-specialist → quality-manager → director-of-quality');
    expect(run.stdout).toMatch(/\*{2,}\.+\s+Certified Professional in Healthcare Quality/);
  });

  it('a deadline in the past exits 2 naming the field', async () => {
    const run = await pathways([
      'plan',
      analyst,
      '--to',
      'director-of-quality',
      '--by',
      '2020-01-01',
      '--as-of',
      '2026-11-28',
    ]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('constraints.finishBy: 2020-01-01 is not after 2026-11-28');
    noStack(run.stderr);
  });
});
