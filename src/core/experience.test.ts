import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { KindExpression } from '../catalog/schema.js';
import { addMonths, endDate, fromDay, toDay } from './dates.js';
import {
  accrualRate,
  fteMonths,
  HOURS_PER_FTE_MONTH,
  HOURS_PER_FTE_YEAR,
  kindsList,
  kindsMatch,
  workIntervals,
} from './experience.js';
import type { Position } from './profile.js';

const AS_OF = '2026-11-30';

function job(start: string, end?: string, fte = 1, kinds: string[] = ['quality']): Position {
  return { title: 'Job', start, ...(end ? { end } : {}), fte, kinds };
}

/** FTE-months of the positions as of a date, optionally within a window of days [from, asOf]. */
function months(
  positions: Position[],
  expr: KindExpression = 'quality',
  asOf = AS_OF,
  windowMonths?: number,
): number {
  const day = toDay(asOf);
  const from = windowMonths ? addMonths(day, -windowMonths) + 1 : -Infinity;
  return fteMonths(workIntervals(positions, day), expr, from, day + 1);
}

describe('fteMonths: month coordinates', () => {
  it('counts a job from 2020-07 to 2022-06 as exactly 24 months', () => {
    expect(months([job('2020-07', '2022-06')])).toBe(24);
  });

  it('counts leap Februaries as one month, and part months by their days', () => {
    expect(months([job('2024-02', '2024-02')])).toBe(1);
    expect(months([job('2023-02', '2023-02')])).toBe(1);
    expect(months([job('2024-02-01', '2024-02-14')])).toBeCloseTo(14 / 29, 12);
    expect(months([job('2024-01', '2024-12')])).toBe(12);
    expect(months([job('2024-01-16', '2024-03-15')])).toBeCloseTo(16 / 31 + 1 + 15 / 31, 12);
  });
});

describe('fteMonths: overlapping jobs never count twice', () => {
  it('counts two full-time overlapping jobs as their union', () => {
    const a = job('2020-01', '2021-12');
    const b = job('2021-01', '2022-12');
    expect(months([a])).toBe(24);
    expect(months([b])).toBe(24);
    expect(months([a, b])).toBe(36); // not 48
    expect(months([b, a])).toBe(36);
  });

  it('counts the same job twice as once, and a job inside another not at all', () => {
    expect(months([job('2020-01', '2021-12'), job('2020-01', '2021-12')])).toBe(24);
    expect(months([job('2020-01', '2022-12'), job('2021-03', '2021-08')])).toBe(36);
  });

  it('counts adjacent jobs as their sum, and leaves gaps out', () => {
    expect(months([job('2020-01', '2020-12'), job('2021-01', '2021-12')])).toBe(24);
    expect(months([job('2020-01', '2020-06'), job('2021-01', '2021-06')])).toBe(12);
  });

  it('counts overlapping jobs of different kinds once for anyOf', () => {
    const a = job('2020-01', '2021-12', 1, ['nurse_manager']);
    const b = job('2021-01', '2022-12', 1, ['nurse_executive']);
    expect(months([a, b], { anyOf: ['nurse_manager', 'nurse_executive'] })).toBe(36);
    expect(months([a, b], 'nurse_manager')).toBe(24);
  });
});

describe('fteMonths: part-time', () => {
  it('pro-rates by FTE: 0.5 for 24 months is 12', () => {
    expect(months([job('2020-07', '2022-06', 0.5)])).toBe(12);
    expect(months([job('2020-01', '2020-12', 0.25)])).toBe(3);
  });

  it('caps overlapping part-time jobs at 1.0', () => {
    expect(months([job('2020-01', '2020-12', 0.6), job('2020-01', '2020-12', 0.6)])).toBeCloseTo(12, 9);
    expect(months([job('2020-01', '2020-12', 0.5), job('2020-01', '2020-12', 0.5)])).toBeCloseTo(12, 9);
    expect(months([job('2020-01', '2020-12'), job('2020-01', '2020-12', 0.5)])).toBeCloseTo(12, 9);
  });

  it('adds overlapping part-time jobs below the cap', () => {
    expect(months([job('2020-01', '2020-12', 0.3), job('2020-01', '2020-12', 0.3)])).toBeCloseTo(7.2, 9);
    // 6 months at 0.5, 6 at min(1, 1.25), 6 at 0.75.
    expect(months([job('2020-01', '2020-12', 0.5), job('2020-07', '2021-06', 0.75)])).toBeCloseTo(13.5, 9);
  });
});

describe('fteMonths: the as-of date', () => {
  it('counts a current job up to and including the as-of date', () => {
    expect(months([job('2024-12')], 'quality', '2026-11-30')).toBe(24);
    expect(months([job('2024-12')], 'quality', '2026-11-29')).toBeCloseTo(23 + 29 / 30, 12);
    expect(months([job('2024-12')], 'quality', '2024-12-01')).toBeCloseTo(1 / 31, 12);
  });

  it('cuts a job that ends after the as-of date there, and ignores one that starts later', () => {
    expect(months([job('2024-12', '2030-12')], 'quality', '2026-11-30')).toBe(24);
    expect(months([job('2026-12')], 'quality', '2026-11-30')).toBe(0);
    expect(workIntervals([job('2026-12')], toDay('2026-11-30'))).toEqual([]);
  });

  it('marks jobs held on the as-of date as current', () => {
    const ivs = workIntervals(
      [job('2020-01', '2026-10'), job('2024-01'), job('2025-01', '2026-11'), job('2025-01', '2027-06')],
      toDay('2026-11-30'),
    );
    expect(ivs.map((iv) => iv.current)).toEqual([false, true, true, true]);
  });
});

describe('fteMonths: look-back windows', () => {
  it('counts only months inside the window', () => {
    expect(months([job('2015-01')], 'quality', AS_OF, 36)).toBe(36);
    expect(months([job('2015-01', '2022-06')], 'quality', AS_OF, 36)).toBe(0);
    // 2023-12 (window start) to 2024-05.
    expect(months([job('2015-01', '2024-05')], 'quality', AS_OF, 36)).toBe(6);
    expect(months([job('2026-06')], 'quality', AS_OF, 36)).toBe(6);
    expect(months([job('2015-01', '2024-05', 0.5)], 'quality', AS_OF, 36)).toBe(3);
  });

  it('applies the window to overlapping jobs too', () => {
    const a = job('2020-01', '2024-05');
    const b = job('2024-01');
    expect(months([a, b], 'quality', AS_OF, 36)).toBe(36);
  });
});

describe('kind expressions', () => {
  const it1 = new Set(['health_it']);
  const both = new Set(['health_it', 'healthcare']);

  it('matches one kind, all of several, or any of several', () => {
    expect(kindsMatch(both, 'health_it')).toBe(true);
    expect(kindsMatch(it1, { allOf: ['health_it', 'healthcare'] })).toBe(false);
    expect(kindsMatch(both, { allOf: ['health_it', 'healthcare'] })).toBe(true);
    expect(kindsMatch(it1, { anyOf: ['healthcare', 'health_it'] })).toBe(true);
    expect(kindsMatch(new Set(['finance']), { anyOf: ['healthcare', 'health_it'] })).toBe(false);
    expect(kindsList({ allOf: ['a', 'b'] })).toEqual(['a', 'b']);
    expect(kindsList('a')).toEqual(['a']);
  });

  it('allOf counts only months that are both; anyOf counts months that are either, once', () => {
    const vendor = job('2016-01', '2019-12', 1, ['health_it']); // 48 months, not in healthcare
    const hospital = job('2020-01', '2022-12', 1, ['health_it', 'healthcare']); // 36 months
    const ward = job('2021-01', '2023-12', 1, ['healthcare']); // 36 months, 24 overlapping
    const ps = [vendor, hospital, ward];
    expect(months(ps, 'health_it')).toBe(84);
    expect(months(ps, { allOf: ['health_it', 'healthcare'] })).toBe(36);
    expect(months(ps, { anyOf: ['health_it', 'healthcare'] })).toBe(96);
    expect(months(ps, 'healthcare')).toBe(48);
  });

  it('does not combine two jobs of one kind each into allOf months', () => {
    const a = job('2020-01', '2021-12', 1, ['health_it']);
    const b = job('2020-01', '2021-12', 1, ['healthcare']);
    expect(months([a, b], { allOf: ['health_it', 'healthcare'] })).toBe(0);
  });
});

describe('hours', () => {
  it('counts 2,080 hours as 12 full-time months', () => {
    expect(HOURS_PER_FTE_YEAR).toBe(2080);
    expect(HOURS_PER_FTE_MONTH * 12).toBe(2080);
    expect(months([job('2025-01', '2025-12')]) * HOURS_PER_FTE_MONTH).toBeCloseTo(2080, 9);
    expect(months([job('2024-01', '2025-12', 0.5)]) * HOURS_PER_FTE_MONTH).toBeCloseTo(2080, 9);
  });
});

describe('accrualRate', () => {
  it('adds the FTE of current matching jobs, capped at 1', () => {
    const asOf = toDay(AS_OF);
    const rate = (ps: Position[], expr: KindExpression = 'quality') =>
      accrualRate(workIntervals(ps, asOf), expr);
    expect(rate([job('2024-01', undefined, 0.5)])).toBe(0.5);
    expect(rate([job('2024-01', undefined, 0.5), job('2025-01', undefined, 0.3)])).toBeCloseTo(0.8, 12);
    expect(rate([job('2024-01', undefined, 0.8), job('2025-01', undefined, 0.8)])).toBe(1);
    expect(rate([job('2020-01', '2026-10')])).toBe(0);
    expect(rate([job('2024-01')], 'finance')).toBe(0);
  });
});

describe('properties', () => {
  const month = fc.integer({ min: 2000 * 12, max: 2026 * 12 + 10 });
  const ym = (i: number) => `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`;
  const arbJob = fc
    .record({
      start: month,
      length: fc.integer({ min: 1, max: 120 }),
      current: fc.boolean(),
      fte: fc.constantFrom(0.2, 0.5, 0.75, 1),
      kinds: fc.subarray(['a', 'b', 'c'], { minLength: 1 }),
    })
    .map((j) => job(ym(j.start), j.current ? undefined : ym(j.start + j.length - 1), j.fte, j.kinds));
  const arbJobs = fc.array(arbJob, { maxLength: 6 });
  const arbExpr = fc.constantFrom<KindExpression>('a', 'b', { allOf: ['a', 'b'] }, { anyOf: ['a', 'c'] });

  it('never count more than the calendar months any matching job covers, nor less than the largest job', () => {
    fc.assert(
      fc.property(arbJobs, arbExpr, (ps, expr) => {
        const total = months(ps, expr);
        const matching = ps.filter((p) => kindsMatch(new Set(p.kinds), expr));
        const full = matching.map((p) => ({ ...p, fte: 1 }));
        expect(total).toBeLessThanOrEqual(months(full, expr) + 1e-9);
        for (const p of matching) expect(total + 1e-9).toBeGreaterThanOrEqual(months([p], expr));
        const sum = matching.reduce((s, p) => s + months([p], expr), 0);
        expect(total).toBeLessThanOrEqual(sum + 1e-9);
      }),
    );
  });

  it('do not depend on the order of jobs', () => {
    fc.assert(
      fc.property(arbJobs, arbExpr, (ps, expr) => {
        expect(months([...ps].reverse(), expr)).toBeCloseTo(months(ps, expr), 9);
      }),
    );
  });

  it('never shrink when a job is added or the as-of date moves on', () => {
    fc.assert(
      fc.property(arbJobs, arbJob, arbExpr, fc.integer({ min: 0, max: 400 }), (ps, extra, expr, later) => {
        expect(months([...ps, extra], expr) + 1e-9).toBeGreaterThanOrEqual(months(ps, expr));
        const next = fromDay(toDay(AS_OF) + later);
        expect(months(ps, expr, next) + 1e-9).toBeGreaterThanOrEqual(months(ps, expr));
      }),
    );
  });

  it('do not change when a job is split into two adjacent ones', () => {
    fc.assert(
      fc.property(arbJob, fc.integer({ min: 0, max: 4000 }), (p, cut) => {
        const from = toDay(p.start.length === 7 ? `${p.start}-01` : p.start);
        const to = p.end ? toDay(endDate(p.end)) : toDay(AS_OF);
        fc.pre(to > from);
        const at = from + (cut % (to - from)); // last day of the first part
        const first = { ...p, end: fromDay(at) };
        const second = { ...p, start: fromDay(at + 1) };
        expect(months([first, second], p.kinds[0])).toBeCloseTo(months([p], p.kinds[0]), 9);
      }),
    );
  });
});
