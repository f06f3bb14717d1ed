/**
 * "What is my dated path to that role?": the career planner for the API and the CLI. Finds the
 * person's current role, wires the eligibility engine, the recommender and renewal deadlines into
 * the pure planner (src/core/plan.ts), and turns its errors into field errors.
 */
import type { Catalog } from '../catalog/schema.js';
import { isValidDay } from '../core/dates.js';
import { createEvaluator, createScreener } from '../core/eligibility.js';
import { analyzeGaps, latestRatings } from '../core/gaps.js';
import { PlanError, planCareer, type PlanConstraints, type PlanResult } from '../core/plan.js';
import type { Profile } from '../core/profile.js';
import { recommend, type Recommendation } from '../core/recommend.js';
import { evaluateRenewals, renewalDeadlines } from '../core/renewal.js';
import {
  CareerInputError,
  certificationOptions,
  hasClinicalBackground,
  outsideAudience,
} from './career-service.js';
import { suggestRolesForTitle, type RoleSuggestion } from '../core/role-match.js';
import { AppError, type Issue } from './errors.js';

export interface PlanRequest {
  /** Target role id. */
  to: string;
  /** Current role id; default: the role of the person's current job in the record. */
  from?: string;
  constraints?: PlanConstraints;
  asOf?: string;
}

/** Degrees (planned on their own) and fellowships (a job, not a course) are not program steps. */
const planDegreeFormats = new Set([
  'mha',
  'mba_healthcare',
  'mph',
  'msn_leadership',
  'doctorate',
  'fellowship_residency',
]);

type Evaluate = ReturnType<typeof createEvaluator>;
const evaluators = new WeakMap<Catalog, Evaluate>();
/**
 * The unmet conditions, beyond time, of the pathway that misses least, as the explained
 * evaluator words them.
 */
function missingFor(catalog: Catalog): NonNullable<Parameters<typeof planCareer>[0]['missing']> {
  let evaluate = evaluators.get(catalog);
  if (!evaluate) evaluators.set(catalog, (evaluate = createEvaluator(catalog)));
  const run = evaluate;
  return (profile, asOf, certification) => {
    const result = run(profile, asOf, { certifications: [certification] }).results[0];
    if (!result?.pathways.length) return null;
    const unmet = result.pathways
      .map((p) => p.conditions.filter((c) => !c.met && c.projected == null))
      .sort((a, b) => a.length - b.length)[0]!;
    return unmet.length ? unmet.map((c) => c.explanation.replace(/\.$/, '')).join('; ') : null;
  };
}

type Screen = ReturnType<typeof createScreener>;
const screeners = new WeakMap<Catalog, Screen>();
function screenerFor(catalog: Catalog): Screen {
  let s = screeners.get(catalog);
  if (!s) screeners.set(catalog, (s = createScreener(catalog)));
  return s;
}

/** A current job without a role, with the roles its title most likely names. */
export interface JobWithoutRole {
  /** Index in the profile's `positions`. */
  index: number;
  title: string;
  start: string;
  end?: string;
  suggestions: RoleSuggestion[];
}

/**
 * 422 `current_role_unknown`: the plan needs the person's current role and no current job names
 * one. `details.jobs` lists the current jobs without a role, each with suggested roles from its
 * title, so a client can ask "Which role is your current job?" and plan again with `from`.
 */
export class CurrentRoleUnknownError extends AppError {
  constructor(readonly jobs: JobWithoutRole[]) {
    const message =
      'Your current role is not known: choose the role of your current job (send `from`), or name it in your record (positions[].role).';
    super(422, 'current_role_unknown', message, {
      issues: [{ path: 'from', message }],
      jobs,
    });
    this.name = 'CurrentRoleUnknownError';
  }
}

/** The current jobs (no end, or ending on or after `asOf`) that name no role, latest first. */
export function jobsWithoutRole(catalog: Catalog, profile: Profile, asOf: string): JobWithoutRole[] {
  return profile.positions
    .map((p, index) => ({ p, index }))
    .filter(({ p }) => !p.role && p.start <= asOf && (!p.end || p.end >= asOf))
    .sort((a, b) => (a.p.start < b.p.start ? 1 : -1))
    .map(({ p, index }) => ({
      index,
      title: p.title,
      start: p.start,
      ...(p.end ? { end: p.end } : {}),
      suggestions: suggestRolesForTitle(p.title, catalog.roles),
    }));
}

/** The role of the person's current job (the latest-started one without an end that names a role). */
export function currentRole(profile: Profile, asOf: string): string | undefined {
  return profile.positions
    .filter((p) => p.role && p.start <= asOf && (!p.end || p.end >= asOf))
    .sort((a, b) => (a.start < b.start ? 1 : -1))[0]?.role;
}

function constraintIssues(c: PlanConstraints): Issue[] {
  const issues: Issue[] = [];
  const num = (v: unknown, path: string, strict: boolean, max: number) => {
    if (v === undefined) return;
    if (typeof v !== 'number' || !Number.isFinite(v) || (strict ? v <= 0 : v < 0) || v > max) {
      issues.push({
        path,
        message: `must be a number ${strict ? 'more than 0' : '0 or more'} and at most ${max}`,
      });
    }
  };
  num(c.budgetPerYear, 'constraints.budgetPerYear', false, 10_000_000);
  num(c.hoursPerWeek, 'constraints.hoursPerWeek', true, 80);
  if (c.finishBy !== undefined && !(/^\d{4}-\d{2}-\d{2}$/.test(c.finishBy) && isValidDay(c.finishBy))) {
    issues.push({ path: 'constraints.finishBy', message: 'not a date (YYYY-MM-DD)' });
  }
  return issues;
}

/**
 * Plans for a profile; constraints default to the profile's `goals` (a month-only `goals.by` means
 * the end of that month) and the target to `goals.targetRole`.
 *
 * @throws CareerInputError naming the field: unknown role, same role, unreachable, past deadline.
 */
export function planFor(catalog: Catalog, profile: Profile, req: PlanRequest, today: string): PlanResult {
  const asOf = req.asOf ?? today;
  const issues: Issue[] = [];
  if (req.asOf !== undefined && !isValidDay(req.asOf))
    issues.push({ path: 'asOf', message: 'not a date (YYYY-MM-DD)' });
  const goals = profile.goals;
  // The goal's date is for the goal's role: a plan to another role does not inherit it.
  const byApplies = goals?.by && (!goals.targetRole || goals.targetRole === req.to);
  const byGoal = byApplies ? (goals.by!.length === 7 ? lastDayOfMonth(goals.by!) : goals.by) : undefined;
  const constraints: PlanConstraints = {
    ...(byGoal ? { finishBy: byGoal } : {}),
    ...(goals?.constraints?.budgetPerYear !== undefined
      ? { budgetPerYear: goals.constraints.budgetPerYear }
      : {}),
    ...(goals?.constraints?.hoursPerWeek !== undefined
      ? { hoursPerWeek: goals.constraints.hoursPerWeek }
      : {}),
    ...(goals?.constraints?.onlineOnly ? { onlineOnly: true } : {}),
    ...(goals?.constraints?.noNewDegree ? { noNewDegree: true } : {}),
    ...req.constraints,
  };
  issues.push(...constraintIssues(constraints));
  const from = req.from ?? currentRole(profile, asOf);
  if (issues.length) throw new CareerInputError(issues);
  if (!from) throw new CurrentRoleUnknownError(jobsWithoutRole(catalog, profile, asOf));

  const options = new Map(certificationOptions(catalog, profile, asOf).map((o) => [o.id, o]));
  const { ratings } = latestRatings(profile.assessments);
  const target = catalog.roles.find((r) => r.id === req.to);
  const rated = Object.keys(ratings).length > 0 && target && catalog.competencies;
  const audience = outsideAudience(catalog, profile);
  const screen = screenerFor(catalog);
  const recommendations = new Map<string, Recommendation>();
  const memo = (key: string, make: () => Recommendation) => {
    let r = recommendations.get(key);
    if (!r) recommendations.set(key, (r = make()));
    return r;
  };
  try {
    return planCareer({
      asOf,
      profile,
      catalog,
      from: from!,
      to: req.to,
      constraints,
      screen: (p, day, certifications) => screen(p, day, { certifications }),
      missing: missingFor(catalog),
      attestationStatement: (id) => catalog.vocabulary.attestations.find((a) => a.id === id)?.statement,
      certificationOptions: options,
      outsideAudience: audience,
      renewals: renewalDeadlines(evaluateRenewals(catalog, profile, asOf))
        .filter((e) => e.kind === 'renewal_deadline')
        .map((e) => ({ date: e.date, title: e.title, ref: e.certification })),
      ...(rated
        ? {
            // Plans that share a budget, deadline and start share their program picks.
            recommendPrograms: (limits) =>
              memo(`${limits.budget ?? ''}|${limits.finishBy ?? ''}|${limits.startFrom}`, () =>
                recommend({
                  asOf: limits.startFrom,
                  role: target,
                  report: analyzeGaps(catalog.competencies!, target, ratings),
                  programs: catalog.programs.filter((p) => !planDegreeFormats.has(p.format)),
                  certifications: [],
                  constraints: {
                    ...(limits.budget !== undefined ? { budget: limits.budget } : {}),
                    ...(limits.finishBy ? { finishBy: limits.finishBy } : {}),
                    ...(constraints.hoursPerWeek !== undefined
                      ? { hoursPerWeek: constraints.hoursPerWeek }
                      : {}),
                    ...(constraints.onlineOnly ? { onlineOnly: true } : {}),
                    include: ['programs'],
                  },
                  clinicalBackground: hasClinicalBackground(catalog, profile),
                  outsideAudience: audience,
                }),
              ),
          }
        : {}),
    });
  } catch (e) {
    if (e instanceof PlanError) throw new CareerInputError([{ path: e.path, message: e.message }]);
    throw e;
  }
}

function lastDayOfMonth(ym: string): string {
  const [y, m] = ym.split('-').map(Number) as [number, number];
  const d = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return `${ym}-${String(d).padStart(2, '0')}`;
}
