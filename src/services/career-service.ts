/**
 * "Where are my gaps for the role I want, and which programs and certifications close them?":
 * gap analysis, recommendations and program comparison, shared by the API and the CLI.
 * Validation names every bad field; core does the arithmetic.
 */
import type { CompetencyFramework, Program, Role } from '../catalog/career-schema.js';
import type { Catalog } from '../catalog/schema.js';
import { isValidDay } from '../core/dates.js';
import { createScreener, fieldMatches } from '../core/eligibility.js';
import {
  analyzeGaps,
  latestRatings,
  programCoverage,
  ratingProblems,
  type GapReport,
  type ProgramCoverage,
} from '../core/gaps.js';
import type { Profile } from '../core/profile.js';
import { unknownRoleMessage } from '../core/role-match.js';
import {
  recommend,
  type CertificationOption,
  type RecommendConstraints,
  type Recommendation,
} from '../core/recommend.js';
import { NotFoundError, summarizeIssues, ValidationError, type Issue } from './errors.js';

export class CareerInputError extends ValidationError {
  constructor(readonly issues: Issue[]) {
    super(summarizeIssues(issues), { issues }, 'invalid_request');
  }
}

function frameworkOf(catalog: Catalog): CompetencyFramework {
  if (!catalog.competencies) {
    throw new NotFoundError(
      'no_framework',
      'This catalog has no competency framework (catalog/competencies.yaml)',
    );
  }
  return catalog.competencies;
}

function roleIssue(catalog: Catalog, id: unknown, path = 'role'): Issue | null {
  if (typeof id !== 'string' || id === '')
    return { path, message: 'required: a role id such as director-of-quality' };
  if (!catalog.roles.some((r) => r.id === id))
    return { path, message: unknownRoleMessage(id, catalog.roles) };
  return null;
}

function roleOf(catalog: Catalog, id: string): Role {
  return catalog.roles.find((r) => r.id === id)!;
}

function dateIssue(value: unknown, path: string): Issue | null {
  if (value === undefined) return null;
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value) || !isValidDay(value)) {
    return { path, message: 'not a date (YYYY-MM-DD)' };
  }
  return null;
}

export interface GapRequest {
  role: string;
  ratings: Record<string, unknown>;
  assessedOn?: string;
}

/** Every problem of a gap request: unknown role, unknown competencies, ratings off the scale. */
function gapIssues(catalog: Catalog, framework: CompetencyFramework, req: GapRequest): Issue[] {
  const issues: Issue[] = [];
  const r = roleIssue(catalog, req.role);
  if (r) issues.push(r);
  issues.push(...ratingProblems(framework, req.ratings));
  const d = dateIssue(req.assessedOn, 'assessedOn');
  if (d) issues.push(d);
  return issues;
}

/** @throws CareerInputError naming every bad field. */
export function gapsFor(catalog: Catalog, req: GapRequest): GapReport {
  const framework = frameworkOf(catalog);
  const issues = gapIssues(catalog, framework, req);
  if (issues.length) throw new CareerInputError(issues);
  return analyzeGaps(
    framework,
    roleOf(catalog, req.role),
    req.ratings as Record<string, number>,
    req.assessedOn ?? null,
  );
}

/** The gap report of a profile: its newest rating per competency (profile@1 `assessments`). */
export function gapsForProfile(catalog: Catalog, profile: Profile, role: string): GapReport {
  assessmentIssues(catalog, profile);
  const { ratings, date } = latestRatings(profile.assessments);
  return gapsFor(catalog, { role, ratings, ...(date ? { assessedOn: date } : {}) });
}

/** A profile's self-assessments must rate known competencies: @throws CareerInputError naming each. */
function assessmentIssues(catalog: Catalog, profile: Profile): void {
  const framework = frameworkOf(catalog);
  const issues = profile.assessments.flatMap((a, i) =>
    ratingProblems(framework, a.ratings, `assessments[${i}].ratings`),
  );
  if (issues.length) throw new CareerInputError(issues);
}

/* ------------------------------------------------------------------ recommendations */

export interface RecommendRequest {
  role: string;
  ratings: Record<string, unknown>;
  constraints?: RecommendConstraints;
  asOf?: string;
}

function constraintIssues(c: RecommendConstraints, asOf: string): Issue[] {
  const issues: Issue[] = [];
  const num = (v: unknown, path: string, min: number, strict: boolean, max = Infinity) => {
    if (v === undefined) return;
    if (typeof v !== 'number' || !Number.isFinite(v) || (strict ? v <= min : v < min) || v > max) {
      issues.push({
        path,
        message: `must be a number ${strict ? `more than ${min}` : `${min} or more`}${max < Infinity ? ` and at most ${max}` : ''}`,
      });
    }
  };
  num(c.budget, 'constraints.budget', 0, false, 10_000_000);
  num(c.hoursPerWeek, 'constraints.hoursPerWeek', 0, true, 80);
  const d = dateIssue(c.finishBy, 'constraints.finishBy');
  if (d) issues.push(d);
  else if (c.finishBy !== undefined && c.finishBy <= asOf) {
    issues.push({ path: 'constraints.finishBy', message: `must be after ${asOf} (the as-of date)` });
  }
  return issues;
}

/** Certifications as recommendation options for this person: exam fee, study plan, eligibility. */
export function certificationOptions(
  catalog: Catalog,
  profile: Profile,
  asOf: string,
): CertificationOption[] {
  const prep = catalog.certificationPrep;
  if (!prep) return [];
  const verdicts = new Map(createScreener(catalog)(profile, asOf).map((v) => [v.certification, v]));
  const held = new Set(profile.credentials.map((c) => c.id.toLowerCase()));
  const options: CertificationOption[] = [];
  for (const entry of prep.entries) {
    const cert = catalog.certifications.find((c) => c.id === entry.certification);
    if (!cert) continue;
    const fees = cert.exam?.fees?.map((f) => f.usd) ?? [];
    const verdict = verdicts.get(cert.id);
    options.push({
      id: cert.id,
      name: cert.name,
      issuer: cert.issuer,
      // The highest listed fee: a plan that fits with it fits with any of them.
      costUsd: fees.length ? Math.max(...fees) : null,
      prepMonths: entry.prepMonths,
      weeklyHours: entry.weeklyHours,
      competencies: entry.competencies,
      earliestEligible: verdict?.earliestEligible ?? null,
      held: held.has(cert.id.toLowerCase()),
      ...(entry.group ? { group: entry.group } : {}),
    });
  }
  return options;
}

/** Programs limited to an audience (physicians, nurses) that this person's record does not show. */
export function outsideAudience(catalog: Catalog, profile: Profile): Set<string> {
  const roles = new Set(profile.positions.map((p) => p.role).filter((r): r is string => r !== undefined));
  const held = new Set(profile.credentials.map((c) => c.id.toLowerCase()));
  const outside = new Set<string>();
  for (const program of catalog.programs) {
    const a = program.audience;
    if (!a) continue;
    const fits =
      (a.roles ?? []).some((r) => roles.has(r)) ||
      (a.credentials ?? []).some((c) => held.has(c.toLowerCase())) ||
      (a.degreeFields ?? []).some((f) =>
        profile.education.some((e) => fieldMatches(e.field, f, catalog.vocabulary)),
      );
    if (!fits) outside.add(program.id);
  }
  return outside;
}

/** Clinical work in the record: a job described as clinical, or a clinical licence held. */
/**
 * Whether the person has worked in clinical care (a clinical job or a clinical licence); 'unknown'
 * when the profile says nothing about jobs or credentials (an anonymous caller without answers).
 */
export function hasClinicalBackground(catalog: Catalog, profile: Profile): boolean | 'unknown' {
  if (!profile.positions.length && !profile.credentials.length) return 'unknown';
  if (profile.positions.some((p) => p.kinds.includes('clinical'))) return true;
  const licences = new Set(
    catalog.vocabulary.credentials.filter((c) => c.kind === 'license').map((c) => c.id),
  );
  return profile.credentials.some((c) => licences.has(c.id));
}

/** @throws CareerInputError naming every bad field. */
export function recommendFor(
  catalog: Catalog,
  profile: Profile,
  req: RecommendRequest,
  today: string,
): Recommendation {
  const framework = frameworkOf(catalog);
  const asOf = req.asOf ?? today;
  const issues = gapIssues(catalog, framework, req);
  const d = dateIssue(req.asOf, 'asOf');
  if (d) issues.push(d);
  issues.push(...constraintIssues(req.constraints ?? {}, asOf));
  if (issues.length) throw new CareerInputError(issues);
  const role = roleOf(catalog, req.role);
  const report = analyzeGaps(framework, role, req.ratings as Record<string, number>);
  return recommend({
    asOf,
    role,
    report,
    programs: catalog.programs,
    certifications: certificationOptions(catalog, profile, asOf),
    constraints: req.constraints ?? {},
    clinicalBackground: hasClinicalBackground(catalog, profile),
    outsideAudience: outsideAudience(catalog, profile),
  });
}

/** A profile's recommendation: its own ratings and its `goals.constraints` unless overridden. */
export function recommendForProfile(
  catalog: Catalog,
  profile: Profile,
  role: string,
  constraints: RecommendConstraints,
  asOf: string,
): Recommendation {
  assessmentIssues(catalog, profile);
  const { ratings } = latestRatings(profile.assessments);
  const goals = profile.goals?.constraints;
  const merged: RecommendConstraints = {
    ...(goals?.onlineOnly !== undefined ? { onlineOnly: goals.onlineOnly } : {}),
    ...(goals?.hoursPerWeek !== undefined ? { hoursPerWeek: goals.hoursPerWeek } : {}),
    ...(goals?.accreditationRequired !== undefined
      ? { accreditationRequired: goals.accreditationRequired }
      : {}),
    ...constraints,
  };
  return recommendFor(catalog, profile, { role, ratings, constraints: merged, asOf }, asOf);
}

/* ------------------------------------------------------------------ compare */

export interface CompareRequest {
  ids: string[];
  role?: string;
  ratings?: Record<string, unknown>;
}

export interface ComparedProgram {
  program: Program;
  coverage: ProgramCoverage | null;
}

/** 2–4 programs side by side, with how much of the person's gap each covers when ratings are given. */
export function comparePrograms(
  catalog: Catalog,
  req: CompareRequest,
): { programs: ComparedProgram[]; gaps: GapReport | null } {
  const issues: Issue[] = [];
  if (req.ids.length < 2 || req.ids.length > 4)
    issues.push({ path: 'ids', message: `give 2 to 4 program ids (got ${req.ids.length})` });
  const seen = new Set<string>();
  req.ids.forEach((id, i) => {
    if (!catalog.programs.some((p) => p.id === id))
      issues.push({ path: `ids[${i}]`, message: `unknown program "${id}"` });
    if (seen.has(id)) issues.push({ path: `ids[${i}]`, message: `"${id}" is listed twice` });
    seen.add(id);
  });
  let gaps: GapReport | null = null;
  if (req.role !== undefined || req.ratings !== undefined) {
    const framework = frameworkOf(catalog);
    const gi = gapIssues(catalog, framework, { role: req.role ?? '', ratings: req.ratings ?? {} });
    issues.push(...gi);
    if (!gi.length)
      gaps = analyzeGaps(
        framework,
        roleOf(catalog, req.role!),
        (req.ratings ?? {}) as Record<string, number>,
      );
  }
  if (issues.length) throw new CareerInputError(issues);
  const programs = req.ids.map((id) => {
    const program = catalog.programs.find((p) => p.id === id)!;
    return { program, coverage: gaps ? programCoverage(program, gaps) : null };
  });
  return { programs, gaps };
}
