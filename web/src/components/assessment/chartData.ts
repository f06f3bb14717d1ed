/**
 * Pure mappings for the self-assessment page: gap reports to radar-chart rows, an earlier
 * assessment's domain means, roles to grouped select options, progress counts and the wording of
 * statuses and reasons. An unrated value stays null (never 0): the chart leaves it out and the
 * tables say "Not rated".
 */
import type {
  CompetencyDomainId,
  ExclusionReason,
  GapReportResponse,
  Ratings,
  RoleSummary,
} from '../../api/career';

/** Short axis names for the five domains (the full names are in the tables). */
export const domainShortNames: Record<CompetencyDomainId, string> = {
  communication_relationships: 'Communication',
  leadership: 'Leadership',
  professionalism: 'Professionalism',
  healthcare_environment: 'Healthcare environment',
  business_skills: 'Business skills',
};

export const roleFamilyLabels: Record<string, string> = {
  hospital_operations: 'Hospital operations',
  nursing_leadership: 'Nursing leadership',
  quality: 'Quality and patient safety',
  health_it: 'Health IT',
  finance: 'Finance',
  practice_management: 'Practice management',
  clinical_entry: 'Clinical roles',
};

const levelOrder = ['entry', 'specialist', 'manager', 'director', 'executive'];

/** One row of the radar chart: an axis and the values of each series (null = nothing to draw). */
export interface RadarRow {
  axis: string;
  target: number | null;
  me: number | null;
  earlier?: number | null;
}

const round1 = (n: number) => Math.round(n * 10) / 10;

/**
 * The mean rating per domain over the role's targeted competencies that `ratings` rates; null for a
 * domain with none rated.
 */
export function domainMeans(
  ratings: Ratings,
  items: ReadonlyArray<{ competency: string; domain: CompetencyDomainId }>,
): Partial<Record<CompetencyDomainId, number | null>> {
  const sums = new Map<CompetencyDomainId, { sum: number; n: number }>();
  for (const item of items) {
    const s = sums.get(item.domain) ?? { sum: 0, n: 0 };
    const r = ratings[item.competency];
    if (r !== undefined) {
      s.sum += r;
      s.n += 1;
    }
    sums.set(item.domain, s);
  }
  return Object.fromEntries([...sums].map(([d, s]) => [d, s.n ? round1(s.sum / s.n) : null]));
}

/** Five axes (the domains the role targets), target against me, and optionally an earlier assessment. */
export function domainRadarData(report: GapReportResponse, earlier?: Ratings): RadarRow[] {
  const before = earlier ? domainMeans(earlier, report.items) : undefined;
  return report.domains
    .filter((d) => d.targeted > 0)
    .map((d) => ({
      axis: domainShortNames[d.id] ?? d.name,
      target: d.target === null ? null : round1(d.target),
      me: d.rating === null ? null : round1(d.rating),
      ...(before ? { earlier: before[d.id] ?? null } : {}),
    }));
}

/** One axis per competency the role targets, in framework order of domains. */
export function competencyRadarData(report: GapReportResponse, earlier?: Ratings): RadarRow[] {
  const domainOrder = new Map(report.domains.map((d, i) => [d.id, i]));
  return [...report.items]
    .sort((a, b) => (domainOrder.get(a.domain) ?? 0) - (domainOrder.get(b.domain) ?? 0))
    .map((item) => ({
      axis: item.label,
      target: item.target,
      me: item.rating,
      ...(earlier ? { earlier: earlier[item.competency] ?? null } : {}),
    }));
}

/** Roles as grouped select options: by family, then seniority, then title. */
export function roleSelectData(
  roles: readonly RoleSummary[],
): Array<{ group: string; items: Array<{ value: string; label: string }> }> {
  const groups = new Map<string, RoleSummary[]>();
  for (const role of roles) groups.set(role.family, [...(groups.get(role.family) ?? []), role]);
  const familyOrder = Object.keys(roleFamilyLabels);
  return [...groups]
    .sort(([a], [b]) => familyOrder.indexOf(a) - familyOrder.indexOf(b))
    .map(([family, list]) => ({
      group: roleFamilyLabels[family] ?? family,
      items: [...list]
        .sort(
          (a, b) =>
            levelOrder.indexOf(a.level) - levelOrder.indexOf(b.level) || a.title.localeCompare(b.title),
        )
        .map((r) => ({ value: r.id, label: r.title })),
    }));
}

/** How many of the role's targeted competencies are rated. */
export function ratingProgress(
  ratings: Ratings,
  targeted: readonly string[],
): { rated: number; total: number } {
  return { rated: targeted.filter((id) => ratings[id] !== undefined).length, total: targeted.length };
}

/** Ratings with a competency's rating set (1–5) or removed (null). */
export function withRating(ratings: Ratings, competency: string, rating: number | null): Ratings {
  const next = { ...ratings };
  if (rating === null) delete next[competency];
  else next[competency] = rating;
  return next;
}

export const uncoveredReasons: Record<string, string> = {
  no_option: 'No program or certification in the catalog covers it',
  constraints: 'Options exist, but none fits your constraints',
  capacity: 'Options exist, but your budget or time is used by better-value picks',
};

export const exclusionLabels: Record<ExclusionReason, string> = {
  held: 'already held',
  example: 'illustrative examples',
  audience: 'meant for another audience (e.g. physicians only)',
  not_online: 'not online',
  not_accredited: 'not accredited',
  weekly_hours: 'more hours a week than you have',
  over_budget: 'over your budget',
  too_long: 'would finish too late',
  not_eligible_in_time: 'not eligible in time',
  unknown_cost: 'price not published',
  unknown_duration: 'length not published',
};

/** Labels whose noun changes with the count: "1 illustrative example", "2 illustrative examples". */
const singularLabels: Partial<Record<ExclusionReason, string>> = {
  example: 'illustrative example',
};

/** "12 over your budget, 3 would finish too late" from the API's exclusion counts. */
export function exclusionText(excluded: Partial<Record<string, number>>): string {
  return Object.entries(excluded)
    .filter((e): e is [string, number] => typeof e[1] === 'number' && e[1] > 0)
    .sort((a, b) => b[1] - a[1])
    .map(
      ([reason, n]) =>
        `${n} ${(n === 1 ? singularLabels[reason as ExclusionReason] : undefined) ?? exclusionLabels[reason as ExclusionReason] ?? reason.replace(/_/g, ' ')}`,
    )
    .join(', ');
}

/** The compare page's address for up to four program picks (null when fewer than two). */
export function compareHref(picks: ReadonlyArray<{ kind: string; id: string }>, role: string): string | null {
  const ids = picks.filter((p) => p.kind === 'program').map((p) => p.id);
  if (ids.length < 2) return null;
  const params = new URLSearchParams({ ids: ids.slice(0, 4).join(','), role });
  return `/programs/compare?${params.toString().replace(/%2C/g, ',')}`;
}

/**
 * A chart label cut to whole words within `max` characters, with "…" when cut (the tables keep the
 * full names). A first word longer than `max` is cut inside.
 */
export function shortLabel(label: string, max: number): string {
  if (label.length <= max) return label;
  let out = '';
  for (const word of label.split(/\s+/)) {
    const next = out ? `${out} ${word}` : word;
    if (next.length > max - 1) break;
    out = next;
  }
  return `${out || label.slice(0, max - 1)}…`;
}
