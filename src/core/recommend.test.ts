/**
 * The recommender's guarantees: never over budget, never an option that breaks a hard constraint,
 * the exact optimum on small inputs (checked against brute force), the greedy's bound, and the
 * same answer for the same input.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  makeCertification,
  makeFramework,
  makeProgram,
  makeRole,
  type ProgramSpec,
} from '../../test/support/career.js';
import type { Program } from '../catalog/career-schema.js';
import { toDay } from './dates.js';
import { analyzeGaps, formatDepth } from './gaps.js';
import { recommend, type RecommendConstraints, type RecommendInput } from './recommend.js';

const COMPETENCIES = ['a', 'b', 'c', 'd', 'e', 'f'];
const ASOF = '2026-11-28';

function input(
  programs: Program[],
  ratings: Record<string, number>,
  constraints: RecommendConstraints = {},
  extra: Partial<RecommendInput> = {},
): RecommendInput {
  const framework = makeFramework(COMPETENCIES, ['f']);
  const role = makeRole({ a: 5, b: 4, c: 4, d: 3, e: 5, f: 4 });
  return {
    asOf: ASOF,
    role,
    report: analyzeGaps(framework, role, ratings),
    programs,
    certifications: [],
    constraints,
    clinicalBackground: true,
    ...extra,
  };
}

const LOW = { a: 1, b: 1, c: 2, d: 1, e: 2, f: 1 };

describe('recommend: worked cases', () => {
  it('picks the cheapest set that closes every gap when there is no limit', () => {
    const programs = [
      makeProgram({ id: 'mha', format: 'mha', competencies: ['a', 'b', 'c', 'e'], cost: 40000, months: 24 }),
      makeProgram({ id: 'cheap-a', competencies: ['a'], cost: 100 }),
      makeProgram({ id: 'cheap-b', competencies: ['b', 'c'], cost: 200 }),
    ];
    const r = recommend(input(programs, { a: 4, b: 3, c: 3 }));
    expect(r.method).toBe('exact');
    expect(r.picks.map((p) => p.id).sort()).toEqual(['cheap-a', 'cheap-b']);
    expect(r.totals.costUsd).toBe(300);
    expect(r.totals.coveredPercent).toBe(100);
  });

  it('respects the budget and says the MHA lost on price', () => {
    const programs = [
      makeProgram({ id: 'mha', format: 'mha', competencies: ['a', 'b', 'c', 'e'], cost: 40000, months: 24 }),
      makeProgram({ id: 'short', competencies: ['a', 'e'], cost: 900 }),
    ];
    const r = recommend(input(programs, LOW, { budget: 5000 }));
    expect(r.picks.map((p) => p.id)).toEqual(['short']);
    expect(r.excluded.over_budget).toBe(1);
    expect(r.picks[0]!.alternatives).toEqual([
      { id: 'mha', kind: 'program', name: 'Program mha', reason: 'over your budget ($40,000)' },
    ]);
    expect(r.picks[0]!.why[0]).toBe('Closes 2 levels of your gap: A (1 level), E (1 level).');
  });

  it('a degree closes two levels of a competency, a short course one', () => {
    expect(formatDepth.mha).toBe(2);
    const r = recommend(
      input([makeProgram({ id: 'mha', format: 'mha', competencies: ['a'], cost: 10 })], { a: 1 }),
    );
    expect(r.picks[0]!.closes).toEqual([{ competency: 'a', label: 'A', levels: 2, points: 6 }]);
  });

  it('schedules options one after another and dates certifications no earlier than eligibility', () => {
    const programs = [makeProgram({ id: 'p', competencies: ['a'], cost: 0, months: 2 })];
    const certifications = [
      makeCertification({ id: 'CERT', competencies: ['b'], earliestEligible: '2027-09-01', prepMonths: 2 }),
    ];
    const r = recommend(input(programs, { a: 3, b: 2 }, {}, { certifications }));
    const cert = r.picks.find((p) => p.id === 'CERT')!;
    expect(cert.end >= '2027-09-01').toBe(true);
    expect(r.picks.find((p) => p.id === 'p')!.start).toBe(ASOF);
    expect(cert.why.join(' ')).toContain('You can sit the exam from 2027-09-01');
  });

  it('leaves out unknown prices and lengths from totals but lists them as worth a look', () => {
    const programs = [
      makeProgram({ id: 'unknown-price', competencies: ['a', 'b'], cost: 'unknown' }),
      makeProgram({ id: 'unknown-length', competencies: ['c'], months: 'unknown' }),
    ];
    const r = recommend(input(programs, LOW));
    expect(r.picks).toEqual([]);
    expect(r.worthALook.map((w) => [w.id, w.missing])).toEqual([
      ['unknown-price', ['cost']],
      ['unknown-length', ['duration']],
    ]);
    expect(r.uncovered.find((u) => u.competency === 'a')!.reason).toBe('constraints');
    expect(r.uncovered.find((u) => u.competency === 'd')!.reason).toBe('no_option');
  });

  it('offers medical-literacy modules to a non-clinical person heading into clinical operations', () => {
    const programs = [makeProgram({ id: 'terms', competencies: ['f'], cost: 50 })];
    const withClinical = recommend(input(programs, {}, {}, { clinicalBackground: true }));
    const without = recommend(input(programs, {}, {}, { clinicalBackground: false }));
    expect(withClinical.medicalLiteracy).toBeNull();
    expect(without.medicalLiteracy?.options.map((o) => o.id)).toEqual(['terms']);
    expect(without.medicalLiteracy?.reason).toContain('no clinical work');
  });

  it('does not claim "no clinical work" when nothing is known about the person', () => {
    const programs = [makeProgram({ id: 'terms', competencies: ['f'], cost: 50 })];
    const unknown = recommend(input(programs, {}, {}, { clinicalBackground: 'unknown' }));
    expect(unknown.medicalLiteracy?.reason).not.toContain('no clinical work');
    expect(unknown.medicalLiteracy?.reason).toContain('If you have not worked in clinical care');
  });

  it('a certification is an alternative only when it works on every gap the pick closes', () => {
    const programs = [makeProgram({ id: 'mooc', competencies: ['a'], cost: 0, months: 1 })];
    const certifications = [
      // Broad: works on a, but not on d, which the pick also closes below.
      makeCertification({ id: 'BROAD', competencies: ['a', 'b', 'c'], costUsd: 900 }),
      makeCertification({ id: 'SAFETY', competencies: ['a', 'd'], costUsd: 400 }),
    ];
    const one = recommend(input(programs, { a: 4 }, { include: ['programs'] }, { certifications }));
    expect(one.picks.map((p) => p.id)).toEqual(['mooc']);
    const both = [makeProgram({ id: 'mooc2', competencies: ['a', 'd'], cost: 0, months: 1 })];
    const r = recommend(input(both, { a: 4, d: 2 }, {}, { certifications }));
    const pick = r.picks.find((p) => p.id === 'mooc2')!;
    // BROAD does not work on d: it is no alternative to a course named for a and d.
    expect(pick.alternatives.map((x) => x.id)).not.toContain('BROAD');
    expect(pick.alternatives.map((x) => x.id)).toContain('SAFETY');
  });

  it('without ratings there is nothing to close, and it says so', () => {
    const r = recommend(input([makeProgram({ id: 'p', competencies: ['a'] })], {}));
    expect(r.method).toBe('none');
    expect(r.picks).toEqual([]);
    expect(r.summary).toContain('Rate yourself');
    expect(r.unrated).toHaveLength(6);
  });
});

/* ------------------------------------------------------------------ properties */

const arbSpec = (i: number): fc.Arbitrary<ProgramSpec> =>
  fc.record({
    id: fc.constant(`p${String(i).padStart(2, '0')}`),
    competencies: fc.subarray(COMPETENCIES, { minLength: 1, maxLength: 3 }),
    cost: fc.oneof(
      { weight: 9, arbitrary: fc.integer({ min: 0, max: 30 }).map((n) => n * 250) },
      { weight: 1, arbitrary: fc.constant('unknown' as const) },
    ),
    months: fc.oneof(
      { weight: 9, arbitrary: fc.integer({ min: 1, max: 24 }) },
      { weight: 1, arbitrary: fc.constant('unknown' as const) },
    ),
    format: fc.constantFrom(
      'workshop',
      'professional_certificate',
      'graduate_certificate',
      'mha',
      'online_microcredential',
      'fellowship_residency',
    ),
    modality: fc.constantFrom('online', 'blended', 'in_person', 'unknown'),
    accreditation: fc.constantFrom<Program['accreditation']>(
      ['none'],
      ['CAHME'],
      ['institutional'],
      'unknown',
    ),
    example: fc.oneof(
      { weight: 9, arbitrary: fc.constant(false) },
      { weight: 1, arbitrary: fc.constant(true) },
    ),
  });

const arbPrograms = (min: number, max: number) =>
  fc.integer({ min, max }).chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => arbSpec(i))));

const arbRatings = fc.record(
  Object.fromEntries(COMPETENCIES.map((c) => [c, fc.integer({ min: 1, max: 5 })])),
);

const arbConstraints: fc.Arbitrary<RecommendConstraints> = fc.record(
  {
    budget: fc.integer({ min: 0, max: 20 }).map((n) => n * 500),
    hoursPerWeek: fc.integer({ min: 1, max: 40 }),
    onlineOnly: fc.boolean(),
    accreditationRequired: fc.boolean(),
    finishBy: fc
      .integer({ min: 30, max: 1500 })
      .map((d) => new Date(Date.UTC(2026, 10, 28 + d)).toISOString().slice(0, 10)),
  },
  { requiredKeys: [] },
);

const arbCerts = fc
  .array(
    fc.record({
      id: fc.constantFrom('C1', 'C2', 'C3'),
      competencies: fc.subarray(COMPETENCIES, { minLength: 1, maxLength: 2 }),
      costUsd: fc.integer({ min: 0, max: 10 }).map((n) => n * 100),
      held: fc.boolean(),
      earliestEligible: fc.constantFrom<string | null>(ASOF, '2027-06-01', null),
    }),
    { maxLength: 3 },
  )
  .map((cs) => {
    const seen = new Set<string>();
    return cs.filter((c) => !seen.has(c.id) && seen.add(c.id)).map((c) => makeCertification(c));
  });

describe('recommend: guarantees (property tests)', () => {
  it('never exceeds the budget and never picks an option that breaks a hard constraint', () => {
    fc.assert(
      fc.property(arbPrograms(0, 30), arbRatings, arbConstraints, arbCerts, (specs, ratings, c, certs) => {
        const programs = specs.map(makeProgram);
        const r = recommend(input(programs, ratings, c, { certifications: certs }));
        const byId = new Map(programs.map((p) => [p.id, p]));
        if (c.budget !== undefined) expect(r.totals.costUsd).toBeLessThanOrEqual(c.budget);
        expect(r.totals.costUsd).toBe(r.picks.reduce((s, p) => s + p.costUsd, 0));
        for (const pick of r.picks) {
          if (c.budget !== undefined) expect(pick.costUsd).toBeLessThanOrEqual(c.budget);
          if (c.finishBy) expect(pick.end <= c.finishBy).toBe(true);
          if (c.hoursPerWeek !== undefined && pick.weeklyHours !== null) {
            expect(pick.weeklyHours).toBeLessThanOrEqual(c.hoursPerWeek);
          }
          expect(pick.start >= ASOF).toBe(true);
          if (pick.kind === 'certification') {
            const cert = certs.find((x) => x.id === pick.id)!;
            expect(cert.held).toBe(false);
            expect(cert.earliestEligible).not.toBeNull();
            expect(pick.end >= cert.earliestEligible!).toBe(true);
            continue;
          }
          const p = byId.get(pick.id)!;
          expect(p.cost).not.toBe('unknown');
          expect(p.duration).not.toBe('unknown');
          expect(p.example).not.toBe(true);
          if (c.onlineOnly) expect(p.modality).toBe('online');
          if (c.accreditationRequired) {
            expect(Array.isArray(p.accreditation) && p.accreditation.some((a) => a !== 'none')).toBe(true);
          }
        }
        // Study blocks do not overlap.
        const blocks = r.picks.map(
          (p) => [toDay(p.start), toDay(p.start) + Math.round(p.months * 30.44)] as const,
        );
        for (let i = 1; i < blocks.length; i++)
          expect(blocks[i]![0]).toBeGreaterThanOrEqual(blocks[i - 1]![0]);
      }),
      { numRuns: 300 },
    );
  });

  it('finds the exact optimum on small inputs (brute force over every subset)', () => {
    fc.assert(
      fc.property(
        arbPrograms(0, 10),
        arbRatings,
        fc.record({ budget: fc.integer({ min: 0, max: 20 }).map((n) => n * 500) }, { requiredKeys: [] }),
        fc.boolean(),
        (specs, ratings, c, greedy) => {
          const programs = specs.map(makeProgram);
          const inp = input(programs, ratings, c);
          const r = recommend(greedy ? { ...inp, exactLimit: 0 } : inp);
          const best = bruteForce(programs, inp);
          if (!greedy || r.method !== 'greedy') {
            expect([r.totals.points, r.totals.costUsd]).toEqual([best.points, best.cost]);
          } else {
            // The greedy: never better than the optimum; the stated bound really bounds it;
            // with one knapsack constraint, at least ½(1 − 1/e) of the optimum.
            expect(r.totals.points).toBeLessThanOrEqual(best.points + 1e-9);
            expect(r.bound.upperBound + 1e-6).toBeGreaterThanOrEqual(best.points);
            expect(r.totals.points).toBeGreaterThanOrEqual(0.316 * best.points - 1e-9);
          }
        },
      ),
      { numRuns: 400 },
    );
  });

  it('gives the same answer for the same input, whatever the order of the catalog', () => {
    fc.assert(
      fc.property(arbPrograms(2, 25), arbRatings, arbConstraints, fc.integer(), (specs, ratings, c, seed) => {
        const programs = specs.map(makeProgram);
        const shuffled = [...programs].sort((a, b) => hash(a.id, seed) - hash(b.id, seed));
        const first = recommend(input(programs, ratings, c));
        expect(recommend(input(programs, ratings, c))).toEqual(first);
        expect(recommend(input(shuffled, ratings, c))).toEqual(first);
      }),
      { numRuns: 150 },
    );
  });
});

function hash(s: string, seed: number): number {
  let h = seed | 0;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 2654435761);
  return h >>> 0;
}

/** The best (points, then cost) over every subset of the usable programs, computed independently. */
function bruteForce(programs: Program[], inp: RecommendInput): { points: number; cost: number } {
  const gaps = inp.report.items.filter((i) => i.status === 'gap');
  const usable = programs.filter(
    (p) =>
      p.cost !== 'unknown' &&
      p.duration !== 'unknown' &&
      !p.example &&
      (inp.constraints.budget === undefined || p.cost.usd <= inp.constraints.budget) &&
      p.competencies.some((c) => gaps.some((g) => g.competency === c)),
  );
  let best = { points: 0, cost: 0 };
  for (let mask = 0; mask < 1 << usable.length; mask++) {
    const set = usable.filter((_, i) => mask & (1 << i));
    const cost = set.reduce((s, p) => s + (p.cost as { usd: number }).usd, 0);
    if (inp.constraints.budget !== undefined && cost > inp.constraints.budget) continue;
    let points = 0;
    for (const g of gaps) {
      const supplied = set
        .filter((p) => p.competencies.includes(g.competency))
        .reduce((s, p) => s + formatDepth[p.format], 0);
      points += Math.min(g.gap!, supplied) * g.importance;
    }
    if (points > best.points || (points === best.points && cost < best.cost)) best = { points, cost };
  }
  return best;
}

describe('recommend: audience', () => {
  it('leaves out a program for physicians when the record does not show one, and says why', () => {
    const programs = [
      {
        ...makeProgram({ id: 'for-doctors', competencies: ['a'], cost: 100 }),
        audience: { description: 'physicians', roles: ['physician'] },
      },
      makeProgram({ id: 'open', competencies: ['a'], cost: 900 }),
    ];
    const outside = recommend(input(programs, { a: 4 }, {}, { outsideAudience: new Set(['for-doctors']) }));
    expect(outside.picks.map((p) => p.id)).toEqual(['open']);
    expect(outside.excluded.audience).toBe(1);
    expect(outside.picks[0]!.alternatives[0]!.reason).toBe('for physicians; your record does not show that');
    const inside = recommend(input(programs, { a: 4 }));
    expect(inside.picks.map((p) => p.id)).toEqual(['for-doctors']);
    expect(inside.picks[0]!.why).toContain('Admits physicians; your record shows you do.');
  });
});
