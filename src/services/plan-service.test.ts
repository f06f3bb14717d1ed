/**
 * The career planner on the built-in catalog: the issue's worked examples, certification steps on
 * or after their eligibility date, hard constraints that hold, and more budget never slower.
 */
import fc from 'fast-check';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtinCatalog } from '../../test/support/catalog.js';
import { createScreener } from '../core/eligibility.js';
import {
  JOB_SEARCH_MONTHS,
  roleAttestations,
  roleKinds,
  type CareerPlan,
  type PlanConstraints,
} from '../core/plan.js';
import { profileSchema, type Profile } from '../core/profile.js';
import { formatWeeklyHours } from '../core/recommend.js';
import { CareerInputError } from './career-service.js';
import { CurrentRoleUnknownError, planFor } from './plan-service.js';
import { parseProfileText } from './profile-service.js';

const catalog = await builtinCatalog();
const screen = createScreener(catalog);
const AS_OF = '2026-11-28';
const example = async (name: string) =>
  parseProfileText(
    catalog,
    await readFile(path.resolve(import.meta.dirname, '..', '..', 'examples', name), 'utf8'),
  );

/** A staff nurse with a BSN and an RN licence, five years at the bedside. */
const staffNurse: Profile = profileSchema.parse({
  format: 'hm-pathways/profile@1',
  education: [{ level: 'bachelor', field: 'Nursing (BSN)', completed: '2021-05' }],
  positions: [
    {
      title: 'Staff Nurse, Med-Surg',
      role: 'staff-nurse',
      start: '2021-07',
      kinds: ['healthcare', 'clinical', 'registered_nurse'],
    },
  ],
  credentials: [{ id: 'RN_LICENSE', earned: '2021-06' }],
});

const qualityAnalyst = await example('quality-analyst.yaml');
const practiceManager = await example('practice-manager.yaml');

/**
 * The profile as the plan projects it: its degree, the jobs it moves into and the statements the
 * roles on its path let the person give (flagged on the steps that rest on them).
 */
function projected(profile: Profile, plan: CareerPlan): Profile {
  const p: Profile = {
    ...profile,
    positions: profile.positions.map((x) => ({ ...x })),
    education: [...profile.education],
    attestations: [...profile.attestations],
  };
  for (const id of plan.path) {
    const role = catalog.roles.find((r) => r.id === id)!;
    for (const a of roleAttestations(role.family, role.level))
      if (!p.attestations.includes(a)) p.attestations.push(a);
  }
  for (const s of plan.steps) {
    if (s.kind === 'degree')
      p.education.push({ level: 'master', field: 'Health administration', completed: s.end });
    if (s.kind === 'role') {
      const role = catalog.roles.find((r) => r.id === s.ref)!;
      const open = p.positions.find((x) => !x.end);
      if (open) open.end = s.start;
      p.positions.push({
        title: role.title,
        role: role.id,
        start: s.start,
        fte: 1,
        kinds: roleKinds(role.family, role.level),
      });
    }
  }
  return p;
}

/** Every certification step ends on a day the engine says the person may sit it. */
function certificationsOnOrAfterEligibility(profile: Profile, plan: CareerPlan) {
  const future = projected(profile, plan);
  for (const s of plan.steps.filter((x) => x.kind === 'certification')) {
    const verdict = screen(future, s.end, { certifications: [s.ref] })[0]!;
    expect(verdict.eligible, `${s.ref} on ${s.end}`).toBe(true);
  }
}

describe('worked examples', () => {
  it('a staff nurse with a BSN → Chief Nursing Officer climbs the nursing ladder', () => {
    const r = planFor(catalog, staffNurse, { to: 'cno' }, AS_OF);
    const best = r.plans[0]!;
    expect(best.path).toEqual(['staff-nurse', 'charge-nurse', 'nurse-manager', 'director-of-nursing', 'cno']);
    // Role moves one after another, each after the typical years.
    const moves = best.steps.filter((s) => s.kind === 'role').map((s) => s.start);
    expect(moves).toEqual([...moves].sort());
    expect(moves[0]! >= '2022-07-01').toBe(true);
    // CNML asks for a statement only a nurse manager can give: projected from the planned role,
    // dated after the move, and flagged "you confirm this when you hold the role".
    const cnml = best.steps.find((s) => s.kind === 'certification' && s.ref === 'CNML')!;
    const manager = best.steps.find((s) => s.kind === 'role' && s.ref === 'nurse-manager')!;
    expect(cnml.confirmWhenHeld).toEqual({
      role: 'nurse-manager',
      statements: [expect.stringContaining('nurse-manager role as AONL defines')],
    });
    expect(cnml.why).toContain('You confirm this when you hold the role (Nurse Manager)');
    expect(cnml.end > manager.start).toBe(true);
    // The target's certifications: each dated, held or with the reason why not.
    expect(best.targetCertifications.map((t) => t.id)).toEqual(['NEA-BC', 'CENP', 'FACHE']);
    for (const t of best.targetCertifications) expect(t.date ?? t.reason).toBeTruthy();
    certificationsOnOrAfterEligibility(staffNurse, best);
    expect(r.plans.length).toBeGreaterThanOrEqual(1);
  });

  it('Maria (RN charge nurse, $3,000/yr, 5 h/wk, online) → nurse manager → Director of Nursing', async () => {
    const maria = await example('bedside-nurse.yaml');
    const asOf = '2026-12-02';
    const r = planFor(catalog, maria, { to: 'director-of-nursing' }, asOf);
    // Her goal's date is for nurse manager, not for this target; her budget, hours and online apply.
    expect(r.constraints).toEqual({ budgetPerYear: 3000, hoursPerWeek: 5, onlineOnly: true });
    const best = r.plans[0]!;
    expect(best.label).toBe('fastest');
    expect(best.path).toEqual(['charge-nurse', 'nurse-manager', 'director-of-nursing']);
    const manager = best.steps.find((s) => s.kind === 'role' && s.ref === 'nurse-manager')!;
    // Not on day 0: she already has the typical years, and finding the job takes time.
    expect(manager.start).toBe('2027-03-02');
    expect(JOB_SEARCH_MONTHS).toBe(3);
    expect(manager.why).toContain('You already have the 2 years as Charge Nurse');
    expect(manager.why).toContain('about 3 months assumed');
    // A program that prepares for the move comes before it, online, within her budget.
    const prep = best.steps.filter((s) => s.kind === 'program');
    expect(prep.length).toBeGreaterThan(0);
    for (const p of prep) {
      expect(p.end <= manager.start).toBe(true);
      expect(p.why).toMatch(/^Prepares you for the move to Nurse Manager\./);
      expect(catalog.programs.find((x) => x.id === p.ref)!.modality).toBe('online');
    }
    for (const y of best.totals.perYear) expect(y.usd).toBeLessThanOrEqual(3000);
    // CNML gets a date on the path through nurse manager, after enough nurse-manager hours.
    const cnml = best.steps.find((s) => s.kind === 'certification' && s.ref === 'CNML')!;
    expect(cnml.confirmWhenHeld?.role).toBe('nurse-manager');
    expect(cnml.end > manager.start).toBe(true);
    expect(cnml.end <= best.reached).toBe(true);
    expect(best.targetCertifications.find((t) => t.id === 'CNML')).toEqual({
      id: 'CNML',
      name: 'Certified Nurse Manager and Leader',
      date: cnml.end,
    });
    // NE-BC has no date on this plan, and the plan says why (her nursing-leadership CE).
    expect(best.targetCertifications.find((t) => t.id === 'NE-BC')!.reason).toMatch(
      /Nursing leadership, management or administration/,
    );
    certificationsOnOrAfterEligibility(maria, best);
    // One plan only, and why.
    expect(r.plans).toHaveLength(1);
    expect(r.single).toMatch(/^One plan: the catalog knows one path to Director of Nursing/);

    // Her goal itself: nurse manager by the end of 2028.
    const goal = planFor(catalog, maria, { to: 'nurse-manager' }, asOf);
    expect(goal.to.id).toBe('nurse-manager');
    expect(goal.plans[0]!.reached <= '2028-12-31').toBe(true);
  });

  it('plans differ in a way a person cares about, each labelled', async () => {
    const analyst = await example('quality-analyst.yaml');
    const r = planFor(catalog, { ...analyst, goals: undefined }, { to: 'director-of-quality' }, AS_OF);
    expect(r.plans.map((p) => p.label)).toEqual(['fastest', 'cheapest', 'another_path']);
    const [fastest, cheapest] = r.plans;
    expect(fastest!.reached <= cheapest!.reached).toBe(true);
    expect(cheapest!.totals.costUsd).toBeLessThan(fastest!.totals.costUsd);
    expect(cheapest!.labelText).toMatch(/^Costs least: \$[\d,]+/);
    expect(r.plans[2]!.labelText).toMatch(/^Another path, through Quality Manager, /);
    for (const p of r.plans)
      for (const t of p.targetCertifications)
        expect(Boolean(t.date) || Boolean(t.held) || Boolean(t.reason)).toBe(true);
  });

  it('a quality analyst → Director of Quality: CPHQ now, a master’s degree before the director move', async () => {
    const analyst = await example('quality-analyst.yaml');
    const r = planFor(catalog, analyst, { to: 'director-of-quality' }, AS_OF);
    const best = r.plans[0]!;
    expect(best.path).toEqual(['qi-specialist', 'quality-manager', 'director-of-quality']);
    const degree = best.steps.find((s) => s.kind === 'degree')!;
    const director = best.steps.find((s) => s.kind === 'role' && s.ref === 'director-of-quality')!;
    expect(degree.end <= director.start).toBe(true);
    expect(best.steps.find((s) => s.kind === 'certification')!.ref).toBe('CPHQ');
    certificationsOnOrAfterEligibility(analyst, best);
    expect(r.plans.length).toBeGreaterThan(1);
    // Ranked by time to target, then fewer unknown prices, then cost.
    const reached = r.plans.map((p) => p.reached);
    expect(reached).toEqual([...reached].sort());
  });

  it('a health-IT analyst → CIO goes through manager and director, CPHIMS on the way', async () => {
    const analyst = await example('health-it-analyst.json');
    const r = planFor(catalog, analyst, { to: 'cio', constraints: { finishBy: '2040-12-31' } }, AS_OF);
    const best = r.plans[0]!;
    expect(best.path).toEqual(['hit-analyst', 'hit-manager', 'hit-director', 'cio']);
    expect(best.steps.some((s) => s.kind === 'certification' && s.ref === 'CPHIMS')).toBe(true);
    certificationsOnOrAfterEligibility(analyst, best);
  });

  it('a new practice manager → practice administrator, with CMPE', async () => {
    const manager = await example('practice-manager.yaml');
    const r = planFor(catalog, manager, { to: 'practice-administrator' }, AS_OF);
    const best = r.plans[0]!;
    expect(best.path).toEqual(['practice-manager', 'practice-administrator']);
    const move = best.steps.find((s) => s.kind === 'role')!;
    expect(move.start).toBe('2027-09-01'); // three typical years after starting in 2024-09
    expect(best.steps.find((s) => s.kind === 'certification')?.ref).toBe('CMPE');
    expect(best.steps.some((s) => s.kind === 'degree')).toBe(false);
    certificationsOnOrAfterEligibility(manager, best);
  });

  it('a nurse manager → Director of Quality crosses families after a master’s degree', async () => {
    const nurse = await example('nurse-manager.yaml');
    const r = planFor(catalog, nurse, { from: 'nurse-manager', to: 'director-of-quality' }, AS_OF);
    const best = r.plans[0]!;
    expect(best.path).toEqual(['nurse-manager', 'director-of-quality']);
    // The current job (no role named in the record) counts as the nurse-manager years.
    expect(best.steps[0]!.why).toBe('Your current job, since 2020-07.');
    const degree = best.steps.find((s) => s.kind === 'degree')!;
    expect(best.reached >= degree.end).toBe(true);
    certificationsOnOrAfterEligibility(nurse, best);
  });

  it('a deadline no plan meets says so and what the fastest plan gives', async () => {
    const analyst = await example('quality-analyst.yaml');
    const r = planFor(
      catalog,
      analyst,
      { to: 'director-of-quality', constraints: { finishBy: '2027-06-30' } },
      AS_OF,
    );
    expect(r.plans).toEqual([]);
    expect(r.blocked[0]).toMatchObject({ constraint: 'finishBy' });
    expect(r.blocked[0]!.message).toMatch(
      /^No plan reaches Director of Quality by 2027-06-30: the fastest gets there on \d{4}-\d{2}-\d{2}\.$/,
    );
  });

  it('no new degree: a path that needs a master’s is blocked, and relaxing it is priced', async () => {
    const analyst = await example('quality-analyst.yaml');
    const r = planFor(
      catalog,
      analyst,
      { to: 'director-of-quality', constraints: { noNewDegree: true } },
      AS_OF,
    );
    expect(r.plans).toEqual([]);
    const b = r.blocked.find((x) => x.constraint === 'noNewDegree')!;
    expect(b.message).toContain('needs a degree you do not have yet');
    expect(b.relaxed?.detail).toMatch(/^with /);
  });
});

describe('bad input', () => {
  const issue = (fn: () => unknown) => {
    try {
      fn();
    } catch (e) {
      expect(e).toBeInstanceOf(CareerInputError);
      return (e as CareerInputError).issues[0]!;
    }
    throw new Error('expected an error');
  };
  it('names the field for an unknown role, the same role, an unreachable role and a past deadline', () => {
    expect(issue(() => planFor(catalog, staffNurse, { to: 'astronaut' }, AS_OF))).toEqual({
      path: 'to',
      message: 'unknown role "astronaut" (every role: GET /api/roles, pathways roles list)',
    });
    // A typo gets the closest ids.
    expect(issue(() => planFor(catalog, staffNurse, { to: 'nurse-manger' }, AS_OF)).message).toMatch(
      /^unknown role "nurse-manger": did you mean nurse-manager\b/,
    );
    expect(issue(() => planFor(catalog, staffNurse, { to: 'staff-nurse' }, AS_OF))).toEqual({
      path: 'to',
      message: 'you are already in Staff Nurse (RN): choose a role to move to',
    });
    expect(
      issue(() => planFor(catalog, staffNurse, { from: 'ceo', to: 'staff-nurse' }, AS_OF)).message,
    ).toMatch(
      /^no typical path leads from President \/ Chief Executive Officer to Staff Nurse \(RN\) in the catalog/,
    );
    expect(
      issue(() =>
        planFor(catalog, staffNurse, { to: 'cno', constraints: { finishBy: '2020-01-01' } }, AS_OF),
      ),
    ).toEqual({
      path: 'constraints.finishBy',
      message: '2020-01-01 is not after 2026-11-28: choose a date in the future',
    });
  });

  it('a current job without a role: 422 current_role_unknown with the jobs and roles suggested by title', () => {
    const noRole = profileSchema.parse({
      format: 'hm-pathways/profile@1',
      positions: [
        { title: 'Staff Nurse', start: '2015-01', end: '2019-12' },
        { title: 'Charge Nurse, Medical ICU', start: '2020-01', kinds: ['healthcare'] },
      ],
    });
    let error: unknown;
    try {
      planFor(catalog, noRole, { to: 'nurse-manager' }, AS_OF);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(CurrentRoleUnknownError);
    const e = error as CurrentRoleUnknownError;
    expect(e.status).toBe(422);
    expect(e.code).toBe('current_role_unknown');
    // Only the current job is asked about; its title suggests the charge-nurse role first.
    expect(e.jobs).toHaveLength(1);
    expect(e.jobs[0]).toMatchObject({ index: 1, title: 'Charge Nurse, Medical ICU', start: '2020-01' });
    expect(e.jobs[0]!.suggestions[0]!.id).toBe('charge-nurse');
    // `from` answers the question.
    expect(planFor(catalog, noRole, { to: 'nurse-manager', from: 'charge-nurse' }, AS_OF).plans.length).toBe(
      1,
    );
    // No job at all: still asked, with no jobs to choose from.
    const empty = profileSchema.parse({ format: 'hm-pathways/profile@1' });
    expect(() => planFor(catalog, empty, { to: 'cno' }, AS_OF)).toThrow(CurrentRoleUnknownError);
  });
});

describe('constraints (property tests)', () => {
  const profiles = [
    ['staff nurse', staffNurse, 'cno'],
    ['quality analyst', qualityAnalyst, 'director-of-quality'],
    ['practice manager', practiceManager, 'practice-administrator'],
  ] as const;
  const arbConstraints: fc.Arbitrary<PlanConstraints> = fc.record(
    {
      finishBy: fc.integer({ min: 1, max: 12 }).map((y) => `${2027 + y}-06-30`),
      budgetPerYear: fc.integer({ min: 0, max: 40 }).map((n) => n * 1000),
      hoursPerWeek: fc.integer({ min: 1, max: 40 }),
      noNewDegree: fc.boolean(),
      onlineOnly: fc.boolean(),
    },
    { requiredKeys: [] },
  );

  it('plans never break a hard constraint', () => {
    fc.assert(
      fc.property(fc.constantFrom(...profiles), arbConstraints, ([, profile, to], c) => {
        // Profiles' own goals are not used here: constraints come only from the test.
        const r = planFor(catalog, { ...profile, goals: undefined }, { to, constraints: c }, AS_OF);
        for (const plan of r.plans) {
          if (c.finishBy) expect(plan.reached <= c.finishBy).toBe(true);
          // No move on day 0: finding a job takes time.
          const firstMove = plan.steps.find((s) => s.kind === 'role')!;
          expect(firstMove.start >= '2027-02-28').toBe(true);
          for (const t of plan.targetCertifications) expect(Boolean(t.date ?? t.held ?? t.reason)).toBe(true);
          if (c.budgetPerYear !== undefined)
            for (const y of plan.totals.perYear) expect(y.usd).toBeLessThanOrEqual(c.budgetPerYear);
          for (const s of plan.steps) {
            expect(s.start >= AS_OF || s.kind === 'start').toBe(true);
            if (s.kind === 'degree') {
              expect(c.noNewDegree).not.toBe(true);
              const p = catalog.programs.find((x) => x.id === s.ref);
              if (p && c.onlineOnly) expect(p.modality).toBe('online');
              if (p && c.hoursPerWeek !== undefined)
                expect(formatWeeklyHours[p.format]).toBeLessThanOrEqual(c.hoursPerWeek);
            }
            if (s.kind === 'program' && c.onlineOnly)
              expect(catalog.programs.find((x) => x.id === s.ref)!.modality).toBe('online');
          }
        }
        if (!r.plans.length) expect(r.blocked.length).toBeGreaterThan(0);
      }),
      { numRuns: 60 },
    );
  });

  it('adding budget never makes the best plan slower', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...profiles),
        fc.integer({ min: 0, max: 30 }),
        fc.integer({ min: 1, max: 30 }),
        ([, profile, to], low, extra) => {
          const run = (budget: number) =>
            planFor(
              catalog,
              { ...profile, goals: undefined },
              { to, constraints: { budgetPerYear: budget * 1000 } },
              AS_OF,
            ).plans[0];
          const a = run(low);
          const b = run(low + extra);
          if (a) {
            expect(b).toBeDefined();
            expect(b!.reached <= a.reached).toBe(true);
          }
        },
      ),
      { numRuns: 40 },
    );
  });
});
