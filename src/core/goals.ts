/**
 * Where a person stands on their own goals (`goals` of profile@1): each target certification with
 * the engine's verdict, its date and the next step, and the target role with a link to its plan.
 * Pure: the eligibility report, renewal report and planned exams are computed by the caller for
 * the same as-of date.
 */
import type { Catalog } from '../catalog/schema.js';
import { endDate } from './dates.js';
import type { CertificationResult, EligibilityReport } from './eligibility.js';
import type { Profile } from './profile.js';
import type { RenewalReport } from './renewal.js';

export type GoalState =
  'held' | 'eligible' | 'eligible_soon' | 'needs_more_than_time' | 'unknown' | 'not_in_catalog';

export interface GoalNextStep {
  /** One line, e.g. "Apply now". */
  title: string;
  /** What the step involves, one sentence each (the application's parts, fees, the exam window). */
  detail: string[];
  /** A page in the web app. */
  href?: string;
  /** The issuing body's own page, when the step happens there. */
  external?: { label: string; url: string };
}

export interface GoalCertification {
  /** The id as written in the goals. */
  id: string;
  /** The catalog id; null when the catalog does not know it. */
  certification: string | null;
  acronym: string;
  name: string;
  issuer: string | null;
  state: GoalState;
  /** The date that matters for this state (eligible from, planned exam, renewal deadline); null when none. */
  date: string | null;
  /** What the date is, in words ("Eligible from", "Exam planned", "Renew by"). */
  dateLabel: string | null;
  /** The unmet conditions of the closest pathway, in the engine's words with the person's values. */
  missing: string[];
  nextStep: GoalNextStep;
}

export interface GoalRole {
  id: string;
  /** null when the catalog does not know the role. */
  title: string | null;
  /** The planner with the goal filled in. */
  planHref: string;
}

export interface GoalsOverview {
  /** True when the person has set a target role or a target certification. */
  set: boolean;
  role: GoalRole | null;
  /** `goals.by` as the last day it covers (`2028-12` → `2028-12-31`). */
  by: string | null;
  certifications: GoalCertification[];
  constraints: NonNullable<NonNullable<Profile['goals']>['constraints']> | null;
}

const certPath = (id: string) => `/certifications/${encodeURIComponent(id)}`;

/** Unmet apply-stage conditions of the pathway closest to holding (fewest unmet). */
export function missingConditions(r: CertificationResult): string[] {
  const unmet = r.pathways.map((p) => p.conditions.filter((c) => !c.met && c.stage === 'apply'));
  const closest = unmet.filter((u) => u.length > 0).sort((a, b) => a.length - b.length)[0] ?? [];
  return closest.map((c) => c.explanation);
}

function money(usd: number): string {
  return `$${usd.toLocaleString('en-US')}`;
}

/** The planner's URL for the goal (the same keys as web/src/components/plan/planParams.ts). */
export function planHref(goals: NonNullable<Profile['goals']>): string {
  const s = new URLSearchParams();
  if (goals.targetRole) s.set('to', goals.targetRole);
  if (goals.by) s.set('by', endDate(goals.by));
  const c = goals.constraints;
  if (c?.budgetPerYear !== undefined) s.set('budget', String(c.budgetPerYear));
  if (c?.hoursPerWeek !== undefined) s.set('hours', String(c.hoursPerWeek));
  if (c?.noNewDegree) s.set('noDegree', '1');
  if (c?.onlineOnly) s.set('online', '1');
  return `/plan?${s.toString()}`;
}

/**
 * The goals overview for the dashboard.
 *
 * @example
 * const g = goalsOverview(catalog, profile, eligibility, renewals, plannedExams);
 * g.certifications[0]; // { acronym: 'FACHE', state: 'eligible', nextStep: { title: 'Apply now', ... } }
 */
export function goalsOverview(
  catalog: Catalog,
  profile: Profile,
  eligibility: EligibilityReport,
  renewals: RenewalReport,
  plannedExams: readonly { certificationId: string; date: string }[],
): GoalsOverview {
  const goals = profile.goals;
  const ids = goals?.certifications ?? [];
  const role = goals?.targetRole ? (catalog.roles.find((r) => r.id === goals.targetRole) ?? null) : null;
  const issuerOf = new Map(catalog.vocabulary.organizations.map((o) => [o.id, o]));
  const asOf = eligibility.asOf;

  const certifications = ids.map((id): GoalCertification => {
    const cert = catalog.certifications.find((c) => c.id.toLowerCase() === id.toLowerCase());
    if (!cert)
      return {
        id,
        certification: null,
        acronym: id,
        name: id,
        issuer: null,
        state: 'not_in_catalog',
        date: null,
        dateLabel: null,
        missing: [],
        nextStep: {
          title: 'Not in the catalog',
          detail: [
            `The catalog has no certification with the id "${id}", so nothing can be worked out for it. Pick a certification from the catalog, or remove this one from your goals.`,
          ],
          href: '/certifications',
        },
      };
    const issuer = issuerOf.get(cert.issuer);
    const issuerName = issuer?.acronym ?? cert.issuer;
    const external = { label: `${issuerName}'s page for ${cert.acronym}`, url: cert.url };
    const base = {
      id,
      certification: cert.id,
      acronym: cert.acronym,
      name: cert.name,
      issuer: issuerName,
    };
    const held = renewals.credentials.find(
      (c) => c.certification?.toLowerCase() === cert.id.toLowerCase() && c.status !== 'lapsed',
    );
    if (held) {
      const end = held.window?.end ?? null;
      return {
        ...base,
        state: 'held',
        date: end && end >= asOf ? end : null,
        dateLabel: end && end >= asOf ? 'Renew by' : null,
        missing: [],
        nextStep: {
          title: 'You hold it: keep it renewed',
          detail: [held.explanation],
          href: certPath(cert.id),
          external,
        },
      };
    }
    const result = eligibility.results.find((r) => r.certification.toLowerCase() === cert.id.toLowerCase());
    const planned = plannedExams
      .filter((x) => x.certificationId.toLowerCase() === cert.id.toLowerCase() && x.date >= asOf)
      .sort((a, b) => a.date.localeCompare(b.date))[0];
    const fees = (cert.exam.fees ?? []).filter((f) => !/recert/i.test(f.label));
    const feeText = fees.length
      ? `Fees: ${fees.map((f) => `${f.label.toLowerCase()} ${money(f.usd)}`).join(', ')} (as the catalog records them; ${issuerName}'s page has the current amounts).`
      : `Fees: not in the catalog; see ${issuerName}'s page.`;
    const steps = cert.eligibility.applicationSteps ?? [];
    const examLine = cert.exam.name
      ? `The exam: ${cert.exam.name}${cert.exam.delivery ? `; ${cert.exam.delivery.replace(/\.$/, '')}` : ''}.`
      : null;

    if (!result || result.status === 'unknown')
      return {
        ...base,
        state: 'unknown',
        date: planned?.date ?? null,
        dateLabel: planned ? 'Exam planned' : null,
        missing: [],
        nextStep: {
          title: `Check the rules with ${issuerName}`,
          detail: [
            `The catalog does not know ${cert.acronym}'s eligibility rules well enough to judge, so it says "unknown" rather than guess.`,
          ],
          href: certPath(cert.id),
          external,
        },
      };
    if (result.status === 'eligible')
      return {
        ...base,
        state: 'eligible',
        date: planned?.date ?? asOf,
        dateLabel: planned ? 'Exam planned' : 'Eligible as of',
        missing: [],
        nextStep: {
          title: planned ? 'Apply and sit the exam you planned' : 'Apply now',
          detail: [
            steps.length
              ? `The application needs: ${steps.map((s) => s.replace(/\.$/, '')).join('; ')}.`
              : `Apply to ${issuerName}; the catalog does not list the application's parts, so follow ${issuerName}'s page.`,
            ...(examLine ? [examLine] : []),
            feeText,
            `Every condition holds today by your record. Confirm with ${issuerName} before you pay a fee.`,
          ],
          href: certPath(cert.id),
          external,
        },
      };
    const missing = missingConditions(result);
    if (result.status === 'eligible_soon')
      return {
        ...base,
        state: 'eligible_soon',
        date: result.earliestEligible,
        dateLabel: 'Eligible from',
        missing,
        nextStep: {
          title: 'Prepare now, apply when the date comes',
          detail: [
            `If things go on as they are, every condition holds on ${result.earliestEligible}: time alone brings what is missing.`,
            ...(steps.length
              ? [`The application will need: ${steps.map((s) => s.replace(/\.$/, '')).join('; ')}.`]
              : []),
            feeText,
          ],
          href: certPath(cert.id),
          external,
        },
      };
    return {
      ...base,
      state: 'needs_more_than_time',
      date: null,
      dateLabel: null,
      missing,
      nextStep: {
        title: goals?.targetRole ? 'See what your plan does about it' : 'Work on what is missing',
        detail: [
          missing.length
            ? `Time alone does not bring ${missing.length === 1 ? 'this' : 'these'}: add ${missing.length === 1 ? 'it' : 'them'} to your record when done, or plan a path that brings ${missing.length === 1 ? 'it' : 'them'}.`
            : 'Time alone does not bring what is missing.',
        ],
        href: goals?.targetRole ? planHref(goals) : certPath(cert.id),
        external,
      },
    };
  });

  return {
    set: Boolean(goals?.targetRole || ids.length),
    role: goals?.targetRole
      ? { id: goals.targetRole, title: role?.title ?? null, planHref: planHref(goals) }
      : null,
    by: goals?.by ? endDate(goals.by) : null,
    certifications,
    constraints: goals?.constraints ?? null,
  };
}
