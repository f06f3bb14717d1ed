/**
 * `pathways eligibility` as a person runs it: real processes, real exit codes, real output.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '..');
const bin = path.join(root, 'bin', 'pathways.js');
const example = (name: string) => path.join('examples', name);

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function pathways(args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [bin, ...args],
      { cwd: root, env: { ...process.env, LOG_LEVEL: 'warn' }, timeout: 60_000, maxBuffer: 20 * 1024 * 1024 },
      (err, stdout, stderr) => {
        resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr });
      },
    );
  });
}

const tmpFile = async (name: string, text: string) => {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'pathways-eligibility-'));
  const file = path.join(dir, name);
  await writeFile(file, text);
  return file;
};

/** No stack trace lines ("    at ...") in what a person sees. */
const noStack = (s: string) => expect(s).not.toMatch(/^\s+at /m);

describe('pathways eligibility', () => {
  it('prints verdicts grouped by when, with what is missing and where to confirm', async () => {
    const run = await pathways(['eligibility', example('quality-analyst.yaml'), '--as-of', '2026-11-27']);
    expect(run.code, run.stderr).toBe(0);
    const out = run.stdout;
    expect(out).toMatch(/^Eligibility of Priya Raman on 2026-11-27 \(catalog \S+\)$/m);
    const now = out.indexOf('\nEligible now (');
    const soon = out.indexOf('\nEligible on 2027-05-31 (1)');
    const later = out.indexOf('\nNeeds more than time (');
    const unknown = out.indexOf('\nRules unknown (');
    expect(now).toBeGreaterThan(-1);
    expect(soon).toBeGreaterThan(now);
    expect(later).toBeGreaterThan(soon);
    expect(unknown).toBeGreaterThan(later);
    // CPHQ is eligible now; PMP only needs time; FACHE needs more than time, with its missing items.
    expect(out.slice(now, soon)).toMatch(
      /^ {2}CPHQ\s+Certified Professional in Healthcare Quality \(NAHQ\)$/m,
    );
    expect(out.slice(soon, later)).toMatch(/^ {2}PMP\s+Project Management Professional \(PMI\)$/m);
    expect(out.slice(soon, later)).toMatch(/- You need 7 more months of project leadership experience/);
    const fache = out.slice(out.indexOf('  FACHE'), unknown);
    expect(fache).toMatch(/- You need a master's degree or higher; your highest is a bachelor's degree\./);
    expect(fache).toMatch(/Rules checked \d{4}-\d{2}-\d{2}; confirm at https:\/\//);
    expect(out).toMatch(/Guidance, not a ruling: confirm with the issuing body before you pay a fee\./);
  });

  it('prints exactly the eligibility result JSON with --json', async () => {
    const run = await pathways([
      'eligibility',
      example('nurse-manager.yaml'),
      '--as-of',
      '2026-11-27',
      '--cert',
      'FACHE',
      '--cert',
      'cphq',
      '--json',
    ]);
    expect(run.code, run.stderr).toBe(0);
    const body = JSON.parse(run.stdout);
    // `ignored` (credentials the catalog does not know) is an extra field the format welcomes.
    expect(Object.keys(body)).toEqual(['asOf', 'results', 'ignored']);
    expect(body.ignored).toEqual([]);
    expect(body.asOf).toBe('2026-11-27');
    const byId = Object.fromEntries(body.results.map((r: { certification: string }) => [r.certification, r]));
    expect(Object.keys(byId).sort()).toEqual(['CPHQ', 'FACHE']);
    expect(byId.FACHE).toMatchObject({ eligible: false, earliestEligible: null });
    expect(byId.CPHQ).toMatchObject({ eligible: true, earliestEligible: '2026-11-27' });
    const condition = byId.FACHE.pathways[0].conditions.find((c: { type: string }) => c.type === 'education');
    expect(condition).toMatchObject({
      type: 'education',
      met: false,
      required: 'master',
      actual: 'bachelor',
    });
  });

  it('reads JSON profiles and comma-separated --cert lists', async () => {
    const run = await pathways([
      'eligibility',
      example('health-it-analyst.json'),
      '--as-of',
      '2026-11-27',
      '--cert',
      'CPHIMS,CAHIMS',
    ]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/Eligible now \(2\)/);
    expect(run.stdout).toMatch(/^ {2}CPHIMS\s/m);
  });

  it('exits 2 listing every problem of an invalid profile with its path', async () => {
    const file = await tmpFile(
      'bad.yaml',
      [
        'format: hm-pathways/profile@1',
        'positions:',
        '  - title: Staff Nurse',
        '    start: 2014-07',
        '    end: 2014-01',
        '    fte: 3',
        '    kinds: [healthcare, helicopter]',
        '  - title: Nurse Manager',
        '    start: July 2020',
        '',
      ].join('\n'),
    );
    const run = await pathways(['eligibility', file]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(`${file}: 4 problems (format: docs/profile-format.md)`);
    expect(run.stderr).toContain(
      '  positions[0].fte: must be at most 1.0 (full time is 1.0; overlapping jobs are separate positions)',
    );
    expect(run.stderr).toContain('  positions[0].end: must not be before start');
    expect(run.stderr).toMatch(
      /^ {2}positions\[0\]\.kinds\[1\]: unknown experience kind "helicopter" \(known: /m,
    );
    expect(run.stderr).toContain('  positions[1].start: not a date (YYYY-MM-DD or YYYY-MM)');
    noStack(run.stderr);
  });

  it('exits 2 for a file it cannot read, broken YAML and an alias bomb', async () => {
    const missing = await pathways(['eligibility', 'examples/nobody.yaml']);
    expect(missing.code).toBe(2);
    expect(missing.stderr.trim()).toBe('examples/nobody.yaml: cannot read the profile file (no such file)');

    const folder = await pathways(['eligibility', 'examples']);
    expect(folder.code).toBe(2);
    expect(folder.stderr.trim()).toBe('examples: is a folder, not a profile file');

    const broken = await pathways(['eligibility', await tmpFile('broken.yaml', 'format: [\n')]);
    expect(broken.code).toBe(2);
    expect(broken.stderr).toMatch(/^ {2}not valid YAML \(line \d+, column \d+\): /m);

    const lines = ['a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]'];
    for (const [prev, name] of ['ab', 'bc', 'cd', 'de', 'ef', 'fg', 'gh', 'hi']) {
      lines.push(`${name}: &${name} [${Array(9).fill(`*${prev}`).join(', ')}]`);
    }
    const bomb = await pathways(['eligibility', await tmpFile('bomb.yaml', `${lines.join('\n')}\n`)]);
    expect(bomb.code).toBe(2);
    expect(bomb.stderr).toMatch(/uses the YAML alias \*a \(line 2\); aliases are not allowed in a profile/);
    noStack(bomb.stderr);

    const big = await pathways([
      'eligibility',
      await tmpFile('big.yaml', `# ${'x'.repeat(2 * 1024 * 1024)}\n`),
    ]);
    expect(big.code).toBe(2);
    expect(big.stderr).toMatch(/the limit is 1 MB/);
  });

  it('exits 2 for an unknown --cert or a bad --as-of', async () => {
    const cert = await pathways(['eligibility', example('nurse-manager.yaml'), '--cert', 'XYZ']);
    expect(cert.code).toBe(2);
    expect(cert.stderr).toMatch(/^--cert: unknown certification "XYZ" \(known: ASQ_CSSBB, /);
    const asOf = await pathways(['eligibility', example('nurse-manager.yaml'), '--as-of', '2026-02-30']);
    expect(asOf.code).toBe(2);
    expect(asOf.stderr.trim()).toBe('--as-of: not a date (YYYY-MM-DD)');
    const none = await pathways(['eligibility']);
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/missing required argument 'profile-file'/);
  });

  it('has --help naming the options and an example', async () => {
    const run = await pathways(['eligibility', '--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Usage: pathways eligibility \[options\] <profile-file>/);
    expect(run.stdout).toMatch(/--as-of <date>/);
    expect(run.stdout).toMatch(/--cert <id>/);
    expect(run.stdout).toMatch(/--json/);
    expect(run.stdout).toMatch(/pathways eligibility examples\/nurse-manager\.yaml/);
  });
});

describe('pathways renewal', () => {
  it('draws CE progress per requirement with the deadline and the explanation', async () => {
    const run = await pathways(['renewal', 'examples/quality-director.yaml', '--as-of', '2026-11-27']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('CPHQ  ON TRACK  399 days left');
    expect(run.stdout).toContain('cycle 2026-01-01 to 2027-12-31');
    expect(run.stdout).toContain('Continuing education: [###########---------] 16 of 30 NAHQ CE credits');
    expect(run.stdout).toContain('RN_LICENSE  NOT TRACKED');
  });

  it('prints the renewal report JSON', async () => {
    const run = await pathways([
      'renewal',
      'examples/quality-director.yaml',
      '--as-of',
      '2026-11-27',
      '--json',
    ]);
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout) as {
      asOf: string;
      credentials: { credential: string; status: string }[];
    };
    expect(report.asOf).toBe('2026-11-27');
    expect(report.credentials.map((c) => [c.credential, c.status])).toEqual([
      ['RN_LICENSE', 'untracked'],
      ['CPHQ', 'on_track'],
    ]);
  });

  it('exits 2 on a bad date or a missing file, naming the problem', async () => {
    const bad = await pathways(['renewal', 'examples/quality-director.yaml', '--as-of', '2026-02-30']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--as-of: not a date (YYYY-MM-DD)');
    const missing = await pathways(['renewal', 'nope.yaml']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('nope.yaml: cannot read the profile file (no such file)');
  });
});
