/**
 * The signed-in person's dashboard: eligibility from the engine, renewal status of what they hold,
 * upcoming dated events, and what to do next, all for one as-of date.
 */
import type { Kysely } from 'kysely';
import type { Catalog } from '../catalog/schema.js';
import type { EligibilityReport } from '../core/eligibility.js';
import { goalsOverview, type GoalsOverview } from '../core/goals.js';
import {
  evaluateRenewals,
  renewalDeadlines,
  type CredentialRenewal,
  type RenewalReport,
} from '../core/renewal.js';
import { checkEligibility } from './eligibility-service.js';
import type { Database } from '../storage/tables.js';
import { listPlannedExams, listRecords, loadProfile, type PlannedExam } from './record-service.js';

/** A credential's renewal with the record item it comes from, so that an answer can be saved on it. */
export type DashboardRenewal = CredentialRenewal & {
  /** The credential's item in the record (its id and data), for "did you renew?". */
  record: { id: string; data: Record<string, unknown> } | null;
};

export interface Deadline {
  date: string;
  kind: 'renewal_deadline' | 'application_opens' | 'grace_ends' | 'planned_exam' | 'eligible_from';
  title: string;
  detail?: string;
  /** Catalog certification id, when the event is about one. */
  certification?: string;
}

export interface NextStep {
  kind: 'add_record' | 'renew' | 'apply' | 'prepare' | 'plan_exam';
  title: string;
  detail: string;
  /** A path in the web app. */
  href?: string;
}

export interface Dashboard {
  asOf: string;
  /** The person's own goals first: each target certification's standing, date and next step. */
  goals: GoalsOverview;
  eligibility: EligibilityReport;
  renewals: Omit<RenewalReport, 'credentials'> & { credentials: DashboardRenewal[] };
  /** Upcoming (on or after asOf), soonest first, at most 20. */
  deadlines: Deadline[];
  nextSteps: NextStep[];
  plannedExams: PlannedExam[];
  /** How much is recorded, for empty states. */
  counts: { positions: number; education: number; credentials: number; ce: number };
}

/**
 * Builds the dashboard of one user on `asOf`.
 *
 * @example
 * const d = await buildDashboard(db, catalog, userId, '2026-11-27');
 * d.renewals.credentials[0]?.status; // 'on_track'
 */
export async function buildDashboard(
  db: Kysely<Database>,
  catalog: Catalog,
  userId: string,
  asOf: string,
): Promise<Dashboard> {
  const [profile, records, plannedExams] = await Promise.all([
    loadProfile(db, userId),
    listRecords(db, userId),
    listPlannedExams(db, userId),
  ]);
  const eligibility = checkEligibility(catalog, profile, { asOf }, asOf);
  const report = evaluateRenewals(catalog, profile, asOf);
  // The profile lists credentials in record order, so the n-th renewal is the n-th credential item.
  const renewals = {
    ...report,
    credentials: report.credentials.map((c, i) => {
      const item = records.credentials[i];
      return {
        ...c,
        record:
          item && (item.data as { id?: string }).id === c.credential
            ? { id: item.id, data: item.data as Record<string, unknown> }
            : null,
      };
    }),
  };
  const acronym = new Map(catalog.certifications.map((c) => [c.id, c.acronym]));

  const deadlines: Deadline[] = [
    ...renewalDeadlines(renewals).map((e) => ({
      date: e.date,
      kind: e.kind,
      title: e.title,
      detail: e.detail,
      certification: e.certification,
    })),
    ...plannedExams.map((x) => ({
      date: x.date,
      kind: 'planned_exam' as const,
      title: `${acronym.get(x.certificationId) ?? x.certificationId} exam (planned)`,
      ...(x.note ? { detail: x.note } : {}),
      certification: x.certificationId,
    })),
    ...eligibility.results
      .filter((r) => r.status === 'eligible_soon' && r.earliestEligible)
      .map((r) => ({
        date: r.earliestEligible!,
        kind: 'eligible_from' as const,
        title: `Eligible for ${r.acronym}`,
        detail: `If things go on as they are, you can apply for ${r.acronym} (${r.name}) from this date.`,
        certification: r.certification,
      })),
  ]
    .filter((d) => d.date >= asOf)
    .sort((a, b) => a.date.localeCompare(b.date) || a.title.localeCompare(b.title))
    .slice(0, 20);

  const goals = goalsOverview(catalog, profile, eligibility, renewals, plannedExams);
  // With target certifications set, "you can apply" and "prepare" speak only of those (the goals
  // card leads with them); without, they suggest what the record allows.
  const targets = new Set(
    goals.certifications.flatMap((g) => (g.certification ? [g.certification.toLowerCase()] : [])),
  );
  const wanted = (id: string) => targets.size === 0 || targets.has(id.toLowerCase());
  const held = new Set(profile.credentials.map((c) => c.id.toLowerCase()));
  const planned = new Set(plannedExams.map((x) => x.certificationId.toLowerCase()));
  const nextSteps: NextStep[] = [];
  if (profile.positions.length === 0)
    nextSteps.push({
      kind: 'add_record',
      title: 'Add your jobs',
      detail:
        'Most certifications count months of experience: add your jobs with their dates to see where you stand.',
      href: '/record',
    });
  if (profile.education.length === 0)
    nextSteps.push({
      kind: 'add_record',
      title: 'Add your degrees',
      detail: 'Degree level decides which pathway applies and how much experience you need.',
      href: '/record',
    });
  for (const r of renewals.credentials) {
    if (r.status === 'at_risk' || r.status === 'due' || r.status === 'lapsed')
      nextSteps.push({
        kind: 'renew',
        title: `${r.acronym}: ${r.status === 'lapsed' ? 'lapsed' : r.status === 'due' ? 'renewal due' : 'renewal at risk'}`,
        detail: r.explanation,
        href: r.certification ? `/certifications/${encodeURIComponent(r.certification)}` : undefined,
      });
  }
  // With no jobs recorded, "you can apply" would only list the credentials that ask for nothing.
  for (const r of profile.positions.length ? eligibility.results : []) {
    if (
      r.status !== 'eligible' ||
      held.has(r.certification.toLowerCase()) ||
      !wanted(r.certification) ||
      planned.has(r.certification.toLowerCase())
    )
      continue;
    nextSteps.push({
      kind: 'apply',
      title: `You can apply for ${r.acronym}`,
      detail: `${r.name}: every condition of a pathway holds today. Confirm with the issuer before paying a fee.`,
      href: `/certifications/${encodeURIComponent(r.certification)}`,
    });
    if (nextSteps.filter((s) => s.kind === 'apply').length >= 3) break;
  }
  const soon = eligibility.results
    .filter(
      (r) =>
        r.status === 'eligible_soon' && !held.has(r.certification.toLowerCase()) && wanted(r.certification),
    )
    .sort((a, b) => (a.earliestEligible ?? '').localeCompare(b.earliestEligible ?? ''))[0];
  if (soon)
    nextSteps.push({
      kind: 'prepare',
      title: `Prepare for ${soon.acronym}`,
      detail: `You will be eligible on ${soon.earliestEligible} if things go on as they are; that leaves time to study.`,
      href: `/certifications/${encodeURIComponent(soon.certification)}`,
    });

  return {
    asOf,
    goals,
    eligibility,
    renewals,
    deadlines,
    nextSteps,
    plannedExams,
    counts: {
      positions: profile.positions.length,
      education: profile.education.length,
      credentials: profile.credentials.length,
      ce: profile.ce.length,
    },
  };
}
