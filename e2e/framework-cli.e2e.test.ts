/**
 * `pathways framework export` / `import` as a person runs them: real processes, exit codes, files.
 */
import { execFile } from 'node:child_process';
import { copyFile, cp, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '..');
const bin = path.join(root, 'bin', 'pathways.js');

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
      { cwd: root, env: { ...process.env, LOG_LEVEL: 'warn' }, timeout: 60_000, maxBuffer: 16 * 1024 * 1024 },
      (err, stdout, stderr) => {
        resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr });
      },
    );
  });
}

interface Pkg {
  CFItems: { identifier: string; CFItemType?: string }[];
  CFAssociations: {
    associationType: string;
    originNodeURI: { identifier: string };
    destinationNodeURI: { identifier: string };
  }[];
}

describe('pathways framework', () => {
  it('exports CASE JSON, and importing it writes a competencies.yaml that catalog validate accepts', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'pathways-case-'));
    const exported = await pathways(['framework', 'export']);
    expect(exported.code, exported.stderr).toBe(0);
    const pkg = JSON.parse(exported.stdout) as Pkg;
    expect(pkg.CFItems.filter((i) => i.CFItemType === 'Domain')).toHaveLength(5);

    const file = path.join(dir, 'hmp.case.json');
    const toFile = await pathways(['framework', 'export', '--out', file]);
    expect(toFile.stdout).toMatch(/^Wrote .*hmp\.case\.json: \d+ CFItems, \d+ CFAssociations/);
    // The same framework gives the same identifiers.
    expect((JSON.parse(await readFile(file, 'utf8')) as Pkg).CFItems).toEqual(pkg.CFItems);

    const catalog = path.join(dir, 'catalog');
    await cp(path.join(root, 'catalog', 'certifications'), path.join(catalog, 'certifications'), {
      recursive: true,
    });
    for (const f of ['catalog.yaml', 'vocabulary.yaml'])
      await copyFile(path.join(root, 'catalog', f), path.join(catalog, f));
    const imported = await pathways([
      'framework',
      'import',
      file,
      '--out',
      path.join(catalog, 'competencies.yaml'),
    ]);
    expect(imported.code, imported.stderr).toBe(0);
    expect(imported.stdout).toContain('5 domains');
    expect(imported.stdout).toContain('  Leadership (leadership, one of the five HLA domains)');
    const validated = await pathways(['catalog', 'validate', catalog]);
    expect(validated.code, validated.stderr).toBe(0);
    expect(validated.stdout).toMatch(new RegExp(`, ${pkg.CFItems.length - 5} competencies,`));
  });

  it('refuses a broken CASE file with exit code 2, listing every problem with its path', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'pathways-case-'));
    const pkg = JSON.parse((await pathways(['framework', 'export'])).stdout) as Pkg;
    const [a, b] = pkg.CFItems.filter((i) => i.CFItemType === 'Competency');
    const up = (id: string) =>
      pkg.CFAssociations.find((x) => x.associationType === 'isChildOf' && x.originNodeURI.identifier === id)!;
    up(a!.identifier).destinationNodeURI = { identifier: b!.identifier };
    up(b!.identifier).destinationNodeURI = { identifier: a!.identifier };
    delete (pkg.CFItems[7] as { identifier?: string }).identifier;
    const file = path.join(dir, 'broken.json');
    await writeFile(file, JSON.stringify(pkg));

    const run = await pathways(['framework', 'import', file, '--out', path.join(dir, 'competencies.yaml')]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    const lines = run.stderr.trim().split('\n');
    expect(lines[0]).toMatch(/broken\.json: \d+ problems \(format: docs\/case\.md\)$/);
    expect(lines).toContain('  CFItems[7].identifier: missing');
    expect(
      lines.some((l) =>
        /^ {2}CFAssociations: isChildOf cycle: relationship-building → written-communication → relationship-building/.test(
          l,
        ),
      ),
    ).toBe(true);
    expect(run.stderr).not.toMatch(/^\s+at /m);

    const notJson = path.join(dir, 'not.json');
    await writeFile(notJson, 'CFDocument: yaml');
    const bad = await pathways(['framework', 'import', notJson]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/not\.json: 1 problem \(format: docs\/case\.md\)\n {2}not JSON: /);
  });
  it("maps an organisation's own domain onto one of the five with --map-domain", async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'pathways-case-'));
    const link = (identifier: string) => ({ identifier });
    const child = (id: string, from: string, to: string) => ({
      identifier: id,
      associationType: 'isChildOf',
      originNodeURI: link(from),
      destinationNodeURI: link(to),
    });
    const file = path.join(dir, 'acme.json');
    await writeFile(
      file,
      JSON.stringify({
        CFDocument: {
          identifier: 'doc',
          title: 'Acme framework',
          lastChangeDateTime: '2026-03-01T00:00:00Z',
        },
        CFItems: [
          { identifier: 'd1', fullStatement: 'Leading people', abbreviatedStatement: 'Leadership' },
          { identifier: 'd2', fullStatement: 'Digital care', abbreviatedStatement: 'Digital Health' },
          { identifier: 'c1', fullStatement: 'Coaches staff', abbreviatedStatement: 'Coaching' },
          { identifier: 'c2', fullStatement: 'Runs telehealth', abbreviatedStatement: 'Telehealth' },
        ],
        CFAssociations: [
          child('a1', 'd1', 'doc'),
          child('a2', 'd2', 'doc'),
          child('a3', 'c1', 'd1'),
          child('a4', 'c2', 'd2'),
        ],
      }),
    );
    const check = await pathways(['framework', 'import', file]);
    expect(check.code, check.stderr).toBe(0);
    expect(check.stdout).toContain(
      'Cannot be written as competencies.yaml (1 problem):\n  domains[1]: "Digital Health"',
    );

    const out = path.join(dir, 'competencies.yaml');
    const run = await pathways([
      'framework',
      'import',
      file,
      '--map-domain',
      'Digital Health=business_skills',
      '--out',
      out,
    ]);
    expect(run.code, run.stderr).toBe(0);
    expect(await readFile(out, 'utf8')).toMatch(
      /id: telehealth\n\s+label: Telehealth\n\s+domain: business_skills/,
    );
  });
});
