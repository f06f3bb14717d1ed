/** `pathways catalog stats`: how complete the catalog is, as a curator reads it. */
import { describe, expect, it } from 'vitest';
import { expectNoStack, runPathways } from './support/cli';

interface FieldRow {
  field: string;
  known: number;
  notPublished: number;
  unknown: number;
  unknownPercent: number;
}

describe('pathways catalog stats', () => {
  it('prints every program fact with stated, not-published and unknown counts, each at most 10 % unknown', async () => {
    const run = await runPathways(['catalog', 'stats']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^Catalog \d{4}\.\d{2}\.\d{2}\+[0-9a-f]{8}$/m);
    expect(run.stdout).toMatch(/^ {2}certifications {2}\d+ \(\d+ high, \d+ medium, \d+ low\)$/m);
    expect(run.stdout).toMatch(/^Fact +Stated +Not published +Unknown +Unknown %$/m);
    for (const field of ['cost', 'duration', 'capstone', 'practicum', 'mentorship', 'cohort', 'ce']) {
      const row = run.stdout.match(new RegExp(`^${field} +(\\d+) +(\\d+) +(\\d+) +([\\d.]+) %$`, 'm'));
      expect(row, field).not.toBeNull();
      expect(Number(row![4]), field).toBeLessThanOrEqual(10);
    }
  });

  it('gives the same counts as JSON', async () => {
    const run = await runPathways(['catalog', 'stats', '--json']);
    expect(run.code, run.stderr).toBe(0);
    const stats = JSON.parse(run.stdout) as {
      programs: { total: number; examples: number; fields: FieldRow[] };
    };
    const real = stats.programs.total - stats.programs.examples;
    expect(stats.programs.fields.map((f) => f.field)).toEqual([
      'modality',
      'accreditation',
      'duration',
      'cost',
      'ce',
      'capstone',
      'practicum',
      'mentorship',
      'cohort',
    ]);
    for (const f of stats.programs.fields) expect(f.known + f.notPublished + f.unknown, f.field).toBe(real);
  });

  it('refuses a folder that is not a catalog with exit code 2 and no stack trace', async () => {
    const run = await runPathways(['catalog', 'stats', '/nonexistent-catalog']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/catalog/i);
    expectNoStack(run.stderr);
  });
});
