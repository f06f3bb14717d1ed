import { describe, expect, it } from 'vitest';
import type { Program } from '../catalog/career-schema.js';
import { builtinCatalog } from '../../test/support/catalog.js';
import { catalogStats, statsProgramFields } from './catalog-stats.js';

const catalog = await builtinCatalog();

function withPrograms(programs: Program[]) {
  return { ...catalog, programs };
}

describe('catalog stats', () => {
  const base = catalog.programs.find((p) => p.id === 'umn-executive-mha')!;

  it('counts each program fact as stated, not published (checked) or unknown, leaving examples out', () => {
    const stated: Program = {
      ...base,
      id: 'a',
      cost: { usd: 100, asOf: '2026', covers: 'fee' },
      capstone: false,
    };
    const checked: Program = {
      ...base,
      id: 'b',
      cost: 'unknown',
      capstone: 'unknown',
      notPublished: { checked: '2026-12-02', fields: ['cost'], sources: [base.sources[0]!.id] },
    };
    const unchecked: Program = {
      ...base,
      id: 'c',
      cost: 'unknown',
      capstone: 'unknown',
      notPublished: undefined,
    };
    const example: Program = { ...unchecked, id: 'd', example: true };
    const stats = catalogStats(withPrograms([stated, checked, unchecked, example]));
    const field = (f: string) => stats.programs.fields.find((x) => x.field === f)!;

    expect(stats.programs.total).toBe(4);
    expect(stats.programs.examples).toBe(1);
    expect(field('cost')).toEqual({
      field: 'cost',
      known: 1,
      notPublished: 1,
      unknown: 1,
      unknownPercent: 33.3,
    });
    // A "not published" entry only covers the fields it lists: capstone was not checked on b.
    expect(field('capstone')).toEqual({
      field: 'capstone',
      known: 1,
      notPublished: 0,
      unknown: 2,
      unknownPercent: 66.7,
    });
    expect(stats.programs.fields.map((f) => f.field)).toEqual([...statsProgramFields]);
  });

  it('the built-in catalog leaves no program fact unknown for more than 10 % of its programs', () => {
    const stats = catalogStats(catalog);
    for (const f of stats.programs.fields) {
      expect(f.known + f.notPublished + f.unknown, f.field).toBe(
        stats.programs.total - stats.programs.examples,
      );
      expect(f.unknownPercent, `${f.field}: ${f.unknown} unknown`).toBeLessThanOrEqual(10);
    }
    expect(stats.certifications.total).toBe(catalog.certifications.length);
    const { high, medium, low } = stats.certifications.byConfidence;
    expect(high + medium + low).toBe(catalog.certifications.length);
  });
});
