import { describe, expect, it } from 'vitest';
import { makeFramework, makeProgram, makeRole } from '../../test/support/career.js';
import { builtinCatalog } from '../../test/support/catalog.js';
import { analyzeGaps, importanceOf, latestRatings, programCoverage, ratingProblems } from './gaps.js';

const framework = makeFramework(['a', 'b', 'c', 'd']);
const role = makeRole({ a: 5, b: 4, c: 3, d: 2 });

describe('analyzeGaps', () => {
  it('ranks gaps by size × importance, then unrated, then met, with the actual ratings', () => {
    const r = analyzeGaps(framework, role, { a: 3, b: 1, d: 4 }, '2026-11-01');
    expect(r.items.map((i) => [i.competency, i.status, i.rating, i.gap, i.importance, i.score])).toEqual([
      ['a', 'gap', 3, 2, 3, 6], // 2 levels × importance 3
      ['b', 'gap', 1, 3, 2, 6], // 3 levels × importance 2: same score, lower importance
      ['c', 'unrated', null, null, 1, null],
      ['d', 'met', 4, 0, 1, 0],
    ]);
    expect(r.totals).toEqual({
      targeted: 4,
      rated: 3,
      met: 1,
      withGap: 2,
      unrated: 1,
      gapPoints: 12,
      maxGapPoints: 4 * 3 + 3 * 2 + 2 * 1 + 1 * 1,
      // The rated ones (a, b, d): readiness is the same measure as the gap points, read the other way.
      ratedMaxGapPoints: 4 * 3 + 3 * 2 + 1 * 1,
      readinessPercent: Math.round((1 - 12 / 19) * 100),
    });
    expect(r.summary).toBe('2 of the 4 competencies Target Role needs are below target. 1 is not rated yet.');
    expect(r.assessedOn).toBe('2026-11-01');
  });

  it('never reads a missing rating as 0 or as met', () => {
    const r = analyzeGaps(framework, role, {});
    expect(r.items.every((i) => i.status === 'unrated' && i.gap === null)).toBe(true);
    expect(r.totals.readinessPercent).toBeNull();
    expect(r.domains.every((d) => d.rating === null)).toBe(true);
    expect(r.summary).toContain('not rated any');
  });

  it('averages targets and ratings per domain for the radar chart', () => {
    const r = analyzeGaps(framework, role, { a: 2, c: 3 });
    // a, c are leadership (even index); b, d business.
    expect(r.domains).toEqual([
      { id: 'leadership', name: 'Leadership', target: 4, rating: 2.5, rated: 2, targeted: 2 },
      { id: 'business_skills', name: 'Business', target: 3, rating: null, rated: 0, targeted: 2 },
    ]);
  });

  it('importance follows the target level', () => {
    expect([1, 2, 3, 4, 5].map(importanceOf)).toEqual([1, 1, 1, 2, 3]);
  });
});

describe('latestRatings', () => {
  it('takes each competency from the newest assessment that rates it', () => {
    const r = latestRatings([
      { date: '2025-01-01', ratings: { a: 1, b: 1 } },
      { date: '2026-06-01', ratings: { a: 3 } },
    ]);
    expect(r).toEqual({ ratings: { a: 3, b: 1 }, date: '2026-06-01' });
    expect(latestRatings([])).toEqual({ ratings: {}, date: null });
  });
});

describe('ratingProblems', () => {
  it('names each bad rating by its competency', () => {
    expect(ratingProblems(framework, { a: 6, b: 0, c: 2.5, zz: 3, d: '3' })).toEqual([
      { path: 'ratings.a', message: 'must be a whole number from 1 to 5 (got 6)' },
      { path: 'ratings.b', message: 'must be a whole number from 1 to 5 (got 0)' },
      { path: 'ratings.c', message: 'must be a whole number from 1 to 5 (got 2.5)' },
      { path: 'ratings.zz', message: 'unknown competency "zz"' },
      { path: 'ratings.d', message: 'must be a whole number from 1 to 5 (got "3")' },
    ]);
  });
});

describe('programCoverage', () => {
  it('counts the levels a program closes on its own, capped by its depth and the gap', () => {
    const report = analyzeGaps(framework, role, { a: 1, b: 3, c: 1, d: 2 });
    const mha = programCoverage(
      makeProgram({ id: 'm', format: 'mha', competencies: ['a', 'b', 'd'] }),
      report,
    );
    expect(mha.competencies).toEqual([
      { competency: 'a', label: 'A', gap: 4, levels: 2 },
      { competency: 'b', label: 'B', gap: 1, levels: 1 },
    ]);
    expect(mha.points).toBe(2 * 3 + 1 * 2);
    expect(mha.percent).toBe(Math.round((8 / report.totals.gapPoints) * 100));
  });
});

describe('the built-in catalog', () => {
  it('Director of Quality ranks patient safety above presenting for someone rated 2 on both', async () => {
    const catalog = await builtinCatalog();
    const dq = catalog.roles.find((r) => r.id === 'director-of-quality')!;
    const r = analyzeGaps(catalog.competencies!, dq, { 'patient-safety': 2, 'presenting-facilitating': 2 });
    const order = r.items.map((i) => i.competency);
    expect(order.indexOf('patient-safety')).toBeLessThan(order.indexOf('presenting-facilitating'));
    expect(r.items[0]).toMatchObject({ competency: 'patient-safety', gap: 3, importance: 3, score: 9 });
    expect(r.domains).toHaveLength(5);
  });
});
