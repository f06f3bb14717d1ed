/**
 * "Am I eligible, what is missing, and when will I be?": the eligibility check shared by the API
 * and the CLI. The caller passes today's date; core never reads the clock.
 */
import type { Catalog } from '../catalog/schema.js';
import { isValidDay } from '../core/dates.js';
import { createEvaluator, type EligibilityReport } from '../core/eligibility.js';
import type { Profile } from '../core/profile.js';
import { summarizeIssues, ValidationError, type Issue } from './errors.js';
import { markNotAsked, type ProfileSection } from './not-asked.js';
import { ProfileError, validateProfile } from './profile-service.js';

export interface EligibilityOptions {
  /** The date to answer for, `YYYY-MM-DD`; default today. */
  asOf?: string;
  /** Only these certifications (ids, any case); omitted or empty = all. */
  certifications?: readonly string[];
  /**
   * Sections of the profile the caller's form has not asked for yet: conditions that depend only
   * on them read "not asked yet" instead of counting an empty list (./not-asked.ts).
   */
  notAsked?: readonly ProfileSection[];
}

type Evaluate = ReturnType<typeof createEvaluator>;
const evaluators = new WeakMap<Catalog, Evaluate>();

function evaluatorFor(catalog: Catalog): Evaluate {
  let evaluate = evaluators.get(catalog);
  if (!evaluate) {
    evaluate = createEvaluator(catalog);
    evaluators.set(catalog, evaluate);
  }
  return evaluate;
}

/** Problems with the as-of date and the certification ids, as `{path, message}`. */
export function eligibilityOptionIssues(catalog: Catalog, options: EligibilityOptions): Issue[] {
  const issues: Issue[] = [];
  if (options.asOf !== undefined && !(/^\d{4}-\d{2}-\d{2}$/.test(options.asOf) && isValidDay(options.asOf))) {
    issues.push({ path: 'asOf', message: 'not a date (YYYY-MM-DD)' });
  }
  const known = new Set(catalog.certifications.map((c) => c.id.toLowerCase()));
  for (const id of options.certifications ?? []) {
    if (!known.has(id.toLowerCase())) {
      issues.push({ path: 'certifications', message: `unknown certification "${id}"` });
    }
  }
  return issues;
}

function optionError(catalog: Catalog, issues: Issue[]): ValidationError {
  return new ValidationError(summarizeIssues(issues), {
    issues,
    knownCertifications: catalog.certifications.map((c) => c.id),
  });
}

/**
 * Evaluates a validated profile against every certification (or the ones asked for) on the as-of
 * date, which defaults to `today`.
 *
 * @example
 * checkEligibility(catalog, profile, { certifications: ['CPHQ'] }, '2026-11-27').results[0]?.eligible; // true
 * @throws ValidationError naming `asOf` or an unknown certification id.
 */
export function checkEligibility(
  catalog: Catalog,
  profile: Profile,
  options: EligibilityOptions,
  today: string,
): EligibilityReport {
  const issues = eligibilityOptionIssues(catalog, options);
  if (issues.length) throw optionError(catalog, issues);
  const certifications = options.certifications?.length ? [...options.certifications] : undefined;
  const report = evaluatorFor(catalog)(profile, options.asOf ?? today, { certifications });
  return options.notAsked?.length ? markNotAsked(catalog, report, options.notAsked) : report;
}

/**
 * The API's use case: a profile of unknown shape plus options. Every problem is listed in one
 * error, profile problems under `profile.` (`profile.positions[1].start`).
 *
 * @throws ProfileError (code `invalid_profile`) when the profile has problems, else ValidationError.
 */
export function checkProfileEligibility(
  catalog: Catalog,
  request: EligibilityOptions & { profile: unknown },
  today: string,
): EligibilityReport {
  let profile: Profile | undefined;
  let profileIssues: Issue[] = [];
  try {
    profile = validateProfile(catalog, request.profile);
  } catch (e) {
    if (!(e instanceof ProfileError)) throw e;
    profileIssues = e.prefixed('profile').issues;
  }
  const optionIssues = eligibilityOptionIssues(catalog, request);
  if (profileIssues.length) throw new ProfileError([...profileIssues, ...optionIssues]);
  if (optionIssues.length || !profile) throw optionError(catalog, optionIssues);
  return checkEligibility(catalog, profile, request, today);
}
