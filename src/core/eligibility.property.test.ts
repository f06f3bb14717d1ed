/**
 * Invariants of the eligibility engine over generated, realistic profiles and every
 * certification: more never hurts, evaluation is deterministic, how jobs are cut up does not
 * matter, and time does not take experience away.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { educationLevels } from '../catalog/schema.js';
import { builtinCatalog } from '../../test/support/catalog.js';
import { makeProfile, satisfyingParts, type ProfileParts } from '../../test/support/profiles.js';
import { fromDay, startDate, endDate, toDay } from './dates.js';
import { createEvaluator, createScreener, ruleSetOn, type EligibilityReport } from './eligibility.js';
import type { Profile } from './profile.js';

const catalog = await builtinCatalog();
const evaluate = createEvaluator(catalog);
const vocab = catalog.vocabulary;

const KINDS = vocab.experienceKinds.map((k) => k.id);
const CE_CATEGORIES = vocab.ceCategories.map((c) => c.id);
const UNITS = vocab.creditUnits.map((u) => u.id);
// OTHER needs a name; the catalog's own ids are what rules can use.
const CREDENTIALS = [
  ...vocab.credentials.map((c) => c.id).filter((id) => id !== 'OTHER'),
  ...catalog.certifications.map((c) => c.id),
];
const ORGS = vocab.organizations.map((o) => o.id);
const MEMBER_TYPES = vocab.membershipTypes.map((t) => t.id);
const ATTESTATIONS = vocab.attestations.map((a) => a.id);
/** Jobs as people describe them, so that kind combinations (allOf) actually occur. */
const BUNDLES = [
  ['healthcare', 'healthcare_management', 'supervisory'],
  ['healthcare', 'healthcare_management', 'healthcare_executive'],
  ['healthcare', 'clinical', 'registered_nurse'],
  ['healthcare', 'registered_nurse', 'nurse_manager', 'supervisory'],
  ['healthcare', 'registered_nurse', 'nurse_executive', 'healthcare_executive'],
  ['healthcare', 'health_it', 'project_leadership'],
  ['health_it', 'health_it_executive', 'healthcare'],
  ['healthcare', 'quality', 'process_improvement', 'patient_safety'],
  ['healthcare', 'risk_management', 'compliance'],
  ['healthcare', 'practice_management', 'finance'],
  ['patient_experience', 'healthcare'],
  ['project_leadership'],
];

// Dates are generated relative to the as-of month: `back` months before it (negative = after).
const pad = (n: number) => String(n).padStart(2, '0');
const ymOf = (i: number) => `${Math.floor(i / 12)}-${pad((i % 12) + 1)}`;
interface RelDate {
  back: number;
  day: number | null;
}
const relDate = (minBack: number, maxBack: number) =>
  fc.record({
    back: fc.integer({ min: minBack, max: maxBack }),
    day: fc.option(fc.integer({ min: 1, max: 28 }), { nil: null }),
  });
const at = (asOfMonth: number, r: RelDate) => {
  const m = ymOf(asOfMonth - r.back);
  return r.day === null ? m : `${m}-${pad(r.day)}`;
};
const monthIndex = (iso: string) => +iso.slice(0, 4) * 12 + (+iso.slice(5, 7) - 1);

const arbAsOf = fc.integer({ min: toDay('2024-01-01'), max: toDay('2030-12-31') }).map(fromDay);

/** Building blocks: each is a function of the as-of month so that one draw fits any date. */
type Rel<T> = (asOfMonth: number) => T;

const arbJob: fc.Arbitrary<Rel<NonNullable<ProfileParts['positions']>[number]>> = fc
  .record({
    start: relDate(-6, 300),
    length: fc.option(fc.integer({ min: 0, max: 200 }), { nil: null }),
    fte: fc.constantFrom(0.25, 0.5, 0.6, 0.8, 1),
    kinds: fc.oneof(
      fc.constantFrom(...BUNDLES),
      fc.subarray(KINDS, { maxLength: 4 }),
      fc
        .tuple(fc.constantFrom(...BUNDLES), fc.subarray(KINDS, { maxLength: 2 }))
        .map(([a, b]) => [...new Set([...a, ...b])]),
    ),
  })
  .map((j) => (m: number) => {
    const start = at(m, j.start);
    return {
      title: 'Job',
      start,
      ...(j.length === null ? {} : { end: ymOf(monthIndex(start) + j.length) }),
      fte: j.fte,
      kinds: j.kinds,
    };
  });

const arbDegree: fc.Arbitrary<Rel<NonNullable<ProfileParts['education']>[number]>> = fc
  .record({
    level: fc.constantFrom(...educationLevels),
    field: fc.option(
      fc.constantFrom(
        'Nursing (BSN)',
        'nursing administration',
        'business administration',
        'public health',
        'Accredited programme (him_cahiim)',
        'gac_accredited project management',
      ),
      { nil: undefined },
    ),
    completed: fc.option(relDate(-40, 400), { nil: null }),
  })
  .map((d) => (m: number) => ({
    level: d.level,
    ...(d.field ? { field: d.field } : {}),
    ...(d.completed ? { completed: at(m, d.completed) } : {}),
  }));

const arbCredential: fc.Arbitrary<Rel<NonNullable<ProfileParts['credentials']>[number]>> = fc
  .record({
    id: fc.constantFrom(...CREDENTIALS),
    earned: fc.option(relDate(-12, 300), { nil: null }),
    expires: fc.option(relDate(-60, 24), { nil: null }),
    status: fc.constantFrom('active', 'active', 'restricted', 'lapsed') as fc.Arbitrary<
      'active' | 'restricted' | 'lapsed'
    >,
  })
  .map((c) => (m: number) => ({
    id: c.id,
    status: c.status,
    ...(c.earned ? { earned: at(m, c.earned) } : {}),
    ...(c.expires ? { expires: at(m, c.expires) } : {}),
  }));

const arbCe: fc.Arbitrary<Rel<NonNullable<ProfileParts['ce']>[number]>> = fc
  .record({
    date: relDate(-3, 60),
    hours: fc.integer({ min: 0, max: 40 }),
    category: fc.option(fc.constantFrom(...CE_CATEGORIES), { nil: undefined }),
    credits: fc.option(
      fc.array(
        fc.record({
          unit: fc.constantFrom(...UNITS),
          amount: fc.integer({ min: 0, max: 40 }),
          category: fc.option(fc.constantFrom(...CE_CATEGORIES), { nil: undefined }),
        }),
        { minLength: 1, maxLength: 2 },
      ),
      { nil: undefined },
    ),
  })
  .map((a) => (m: number) => ({
    date: at(m, a.date),
    hours: a.hours,
    ...(a.category ? { category: a.category } : {}),
    ...(a.credits
      ? {
          credits: a.credits.map((c) => ({
            unit: c.unit,
            amount: c.amount,
            ...(c.category ? { category: c.category } : {}),
          })),
        }
      : {}),
  }));

const arbMembership: fc.Arbitrary<Rel<NonNullable<ProfileParts['memberships']>[number]>> = fc
  .record({
    id: fc.oneof(fc.constantFrom('ACHE', 'MGMA', 'HFMA', 'CHIME'), fc.constantFrom(...ORGS)),
    type: fc.constantFrom(...MEMBER_TYPES),
    since: fc.option(relDate(-6, 240), { nil: null }),
    until: fc.option(relDate(-24, 12), { nil: null }),
  })
  .map((x) => (m: number) => ({
    id: x.id,
    type: x.type,
    ...(x.since ? { since: at(m, x.since) } : {}),
    ...(x.until ? { until: at(m, x.until) } : {}),
  }));

const arbRandomParts: fc.Arbitrary<Rel<ProfileParts>> = fc
  .record({
    positions: fc.array(arbJob, { maxLength: 5 }),
    education: fc.array(arbDegree, { maxLength: 3 }),
    collegeCreditHours: fc.option(fc.integer({ min: 0, max: 200 }), { nil: undefined }),
    credentials: fc.array(arbCredential, { maxLength: 4 }),
    ce: fc.array(arbCe, { maxLength: 8 }),
    memberships: fc.array(arbMembership, { maxLength: 3 }),
    projects: fc.array(
      fc.record({
        completed: fc.option(relDate(-12, 120), { nil: null }),
        kind: fc.constantFrom('six_sigma', 'project', 'quality_improvement') as fc.Arbitrary<
          'six_sigma' | 'project' | 'quality_improvement'
        >,
        role: fc.constantFrom('lead', 'member') as fc.Arbitrary<'lead' | 'member'>,
      }),
      { maxLength: 3 },
    ),
    volunteering: fc.array(
      fc.record({
        kind: fc.constantFrom('healthcare', 'community') as fc.Arbitrary<'healthcare' | 'community'>,
        date: relDate(-3, 60),
      }),
      { maxLength: 6 },
    ),
    attestations: fc.subarray(ATTESTATIONS),
  })
  .map((r) => (m: number) => ({
    positions: r.positions.map((f) => f(m)),
    education: r.education.map((f) => f(m)),
    ...(r.collegeCreditHours === undefined ? {} : { collegeCreditHours: r.collegeCreditHours }),
    credentials: r.credentials.map((f) => f(m)),
    ce: r.ce.map((f) => f(m)),
    memberships: r.memberships.map((f) => f(m)),
    projects: r.projects.map((p, i) => ({
      title: `Project ${i}`,
      kind: p.kind,
      role: p.role,
      ...(p.completed ? { completed: at(m, p.completed) } : {}),
    })),
    volunteering: r.volunteering.map((v) => ({ kind: v.kind, date: at(m, v.date) })),
    attestations: r.attestations,
  }));

/** Profiles built from one certification pathway's conditions, near its experience boundary. */
const pathwaysByCertification = catalog.certifications
  .map((cert) =>
    cert.eligibility.rules.flatMap((rules) =>
      rules.pathways.map((pw) => [...rules.allPathways, ...pw.conditions]),
    ),
  )
  .filter((list) => list.length > 0);
const arbNearBoundary = (asOf: string): fc.Arbitrary<ProfileParts> =>
  fc
    .record({
      // Certification first, then pathway: each certification is drawn as often as any other.
      conditions: fc.constantFrom(...pathwaysByCertification).chain((list) => fc.constantFrom(...list)),
      months: fc.integer({ min: 0, max: 130 }),
      fte: fc.constantFrom(0.5, 1),
      jobs: fc.constantFrom('one', 'overlapping', 'ended') as fc.Arbitrary<'one' | 'overlapping' | 'ended'>,
      degrees: fc.boolean(),
    })
    .map((o) => satisfyingParts(o.conditions, { asOf, ...o }));

/** An as-of date and a profile: random, or (more often) built to sit near some pathway's boundary. */
const arbScenario = arbAsOf.chain((asOf) =>
  fc.record({
    asOf: fc.constant(asOf),
    parts: fc.oneof(
      { arbitrary: arbRandomParts.map((f) => f(monthIndex(asOf))), weight: 1 },
      { arbitrary: arbNearBoundary(asOf), weight: 2 },
    ),
  }),
);

const NUM_RUNS = 150;

/** Certification by certification: `after` is never worse than `before`. */
function expectNoWorse(before: EligibilityReport, after: EligibilityReport): void {
  for (const [i, b] of before.results.entries()) {
    const a = after.results[i]!;
    expect(a.certification).toBe(b.certification);
    if (b.eligible) expect(a.eligible, `${b.certification} stays eligible`).toBe(true);
    if (b.earliestEligible !== null) {
      expect(a.earliestEligible, `${b.certification} keeps a date`).not.toBeNull();
      expect(
        a.earliestEligible! <= b.earliestEligible,
        `${b.certification}: ${a.earliestEligible} <= ${b.earliestEligible}`,
      ).toBe(true);
    }
  }
}

type Scenario = { asOf: string; parts: ProfileParts };

function addingNeverHurts<T>(
  what: string,
  arb: (s: Scenario) => fc.Arbitrary<Rel<T>>,
  add: (p: ProfileParts, x: T) => ProfileParts,
  numRuns = NUM_RUNS,
) {
  it(`adding ${what} never makes anyone ineligible or later`, () => {
    fc.assert(
      fc.property(
        arbScenario.chain((s) => fc.tuple(fc.constant(s), arb(s))),
        ([{ asOf, parts }, extra]) => {
          const before = evaluate(makeProfile(parts), asOf);
          const after = evaluate(makeProfile(add(parts, extra(monthIndex(asOf)))), asOf);
          expectNoWorse(before, after);
        },
      ),
      { numRuns },
    );
  });
}

/** A membership, often of a body the person already belongs to (another type or date). */
const arbMoreMembership = (s: Scenario) => {
  const orgs = [...new Set((s.parts.memberships ?? []).map((m) => m.id))];
  if (orgs.length === 0) return arbMembership;
  return fc.oneof(
    arbMembership,
    fc.tuple(fc.constantFrom(...orgs), arbMembership).map(([id, f]) => (m: number) => ({ ...f(m), id })),
  );
};

// Additions go first in their list: the order of entries must not matter, and an engine that
// takes the first match would only show its bug when the new entry comes before the old ones.
describe('more never hurts', () => {
  addingNeverHurts(
    'a job',
    () => arbJob,
    (p, j) => ({ ...p, positions: [j, ...(p.positions ?? [])] }),
  );
  addingNeverHurts(
    'a degree',
    () => arbDegree,
    (p, d) => ({ ...p, education: [d, ...(p.education ?? [])] }),
  );
  addingNeverHurts(
    'CE hours',
    () => arbCe,
    (p, a) => ({ ...p, ce: [a, ...(p.ce ?? [])] }),
  );
  addingNeverHurts(
    'a credential',
    () => arbCredential,
    (p, c) => ({
      ...p,
      credentials: [c, ...(p.credentials ?? [])],
    }),
  );
  // More runs: the interesting case (a second membership of the same body) is rarer.
  addingNeverHurts(
    'a membership',
    arbMoreMembership,
    (p, m) => ({ ...p, memberships: [m, ...(p.memberships ?? [])] }),
    NUM_RUNS * 2,
  );

  it('a higher degree than the highest held never makes anyone ineligible or later', () => {
    fc.assert(
      fc.property(arbScenario, fc.integer({ min: 0, max: 300 }), ({ asOf, parts }, back) => {
        const have = (parts.education ?? []).map((e) => educationLevels.indexOf(e.level));
        const next = educationLevels[Math.min(Math.max(-1, ...have) + 1, educationLevels.length - 1)]!;
        const field = parts.education?.[0]?.field;
        const degree = { level: next, ...(field ? { field } : {}), completed: ymOf(monthIndex(asOf) - back) };
        const before = evaluate(makeProfile(parts), asOf);
        const after = evaluate(
          makeProfile({ ...parts, education: [degree, ...(parts.education ?? [])] }),
          asOf,
        );
        expectNoWorse(before, after);
      }),
      { numRuns: NUM_RUNS },
    );
  });
});

describe('evaluation', () => {
  it('gives the same verdicts and dates from the verdict-only screener as from the explained report', () => {
    const screen = createScreener(catalog);
    fc.assert(
      fc.property(arbScenario, ({ asOf, parts }) => {
        const profile = makeProfile(parts);
        const explained = evaluate(profile, asOf).results.map((r) => ({
          certification: r.certification,
          eligible: r.eligible,
          earliestEligible: r.earliestEligible,
          status: r.status,
        }));
        expect(screen(profile, asOf)).toEqual(explained);
      }),
      { numRuns: NUM_RUNS * 2 },
    );
  });

  it('is deterministic: same input, deep-equal output (also from a fresh evaluator and a copy)', () => {
    fc.assert(
      fc.property(arbScenario, ({ asOf, parts }) => {
        const profile = makeProfile(parts);
        const first = evaluate(profile, asOf);
        expect(evaluate(profile, asOf)).toEqual(first);
        expect(createEvaluator(catalog)(structuredClone(profile), asOf)).toEqual(first);
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('does not change when a job is split into two adjacent ones', () => {
    fc.assert(
      fc.property(arbScenario, fc.nat(), fc.nat(), ({ asOf, parts }, which, cut) => {
        const profile = makeProfile(parts);
        fc.pre(profile.positions.length > 0);
        const i = which % profile.positions.length;
        const job = profile.positions[i]!;
        const from = toDay(startDate(job.start));
        const to = job.end ? toDay(endDate(job.end)) : toDay(asOf) + 400;
        fc.pre(to > from);
        const last = from + (cut % (to - from)); // last day of the first part
        const split: Profile = {
          ...profile,
          positions: [
            ...profile.positions.slice(0, i),
            { ...job, end: fromDay(last) },
            { ...job, start: fromDay(last + 1) },
            ...profile.positions.slice(i + 1),
          ],
        };
        expect(evaluate(split, asOf)).toEqual(evaluate(profile, asOf));
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('a later as-of date never shrinks months of experience (conditions without a window)', () => {
    fc.assert(
      fc.property(arbScenario, fc.integer({ min: 1, max: 1500 }), ({ asOf, parts }, days) => {
        const profile = makeProfile(parts);
        const later = fromDay(toDay(asOf) + days);
        const a = evaluate(profile, asOf);
        const b = evaluate(profile, later);
        for (const [ci, ra] of a.results.entries()) {
          const rb = b.results[ci]!;
          const cert = catalog.certifications[ci]!;
          // Same rule set on both dates, so conditions line up.
          const rules = ruleSetOn(cert, asOf);
          if (!rules || rules !== ruleSetOn(cert, later)) continue;
          for (const [pi, pa] of ra.pathways.entries())
            for (const [k, ca] of pa.conditions.entries()) {
              const cb = rb.pathways[pi]!.conditions[k]!;
              const rule = [...rules.allPathways, ...rules.pathways[pi]!.conditions][k]!;
              if (rule.type !== 'experience' || rule.windowMonths !== undefined) continue;
              expect(cb.actual as number, `${ra.certification}/${pa.id}/${ca.id}`).toBeGreaterThanOrEqual(
                ca.actual as number,
              );
            }
        }
      }),
      { numRuns: NUM_RUNS },
    );
  });

  /** Something other than a degree or a membership dated after the as-of date (those are not projected). */
  function datedLater(p: Profile, asOf: string): boolean {
    const later = (d?: string) => d !== undefined && startDate(d) > asOf;
    return (
      p.positions.some((x) => later(x.start)) ||
      p.projects.some((x) => later(x.completed)) ||
      p.credentials.some((x) => later(x.earned)) ||
      p.ce.some((x) => later(x.date)) ||
      p.volunteering.some((x) => later(x.date))
    );
  }

  it('keeps its promise: eligible on the projected date, and not the day before', () => {
    fc.assert(
      fc.property(arbScenario, ({ asOf, parts }) => {
        const profile = makeProfile(parts);
        for (const r of evaluate(profile, asOf).results) {
          if (r.status === 'eligible') expect(r.earliestEligible).toBe(asOf);
          if (r.status === 'needs_more_than_time' || r.status === 'unknown')
            expect(r.earliestEligible).toBeNull();
          if (r.status !== 'eligible_soon') continue;
          expect(r.earliestEligible! > asOf).toBe(true);
          const then = evaluate(profile, r.earliestEligible!, { certifications: [r.certification] })
            .results[0]!;
          expect(then.eligible, `${r.certification} on ${r.earliestEligible}`).toBe(true);
          // The earliest such day, unless a job starting later (not projected: only current
          // positions continue) or another later-dated entry opens a route sooner.
          if (datedLater(profile, asOf)) continue;
          const dayBefore = fromDay(toDay(r.earliestEligible!) - 1);
          const before = evaluate(profile, dayBefore, { certifications: [r.certification] }).results[0]!;
          expect(before.eligible, `${r.certification} on ${dayBefore}`).toBe(false);
        }
      }),
      { numRuns: NUM_RUNS },
    );
  });
});
