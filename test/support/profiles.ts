/**
 * Profile builders for eligibility tests: a profile from parts, and the profile that satisfies a
 * catalog pathway's conditions with an exact amount of experience (so that boundary tests can
 * be written once and run over every certification).
 */
import type { Condition, EducationLevel, KindExpression } from '../../src/catalog/schema.js';
import { educationLevels } from '../../src/catalog/schema.js';
import { endDate } from '../../src/core/dates.js';
import { HOURS_PER_FTE_MONTH } from '../../src/core/experience.js';
import { PROFILE_FORMAT, profileSchema, type Profile, type ProfileInput } from '../../src/core/profile.js';

/** A profile as written, without the format line. */
export type ProfileParts = Omit<ProfileInput, 'format'>;
export type PositionInput = NonNullable<ProfileInput['positions']>[number];
export type ExperienceCondition = Extract<Condition, { type: 'experience' }>;

/** Parses a profile (defaults applied), adding the format line. */
export function makeProfile(parts: ProfileParts = {}): Profile {
  return profileSchema.parse({ format: PROFILE_FORMAT, ...parts });
}

/** `YYYY-MM` moved by `n` months: `shiftMonth('2026-11', -23)` is `'2024-12'`. */
export function shiftMonth(ym: string, n: number): string {
  const i = +ym.slice(0, 4) * 12 + (+ym.slice(5, 7) - 1) + n;
  const y = Math.floor(i / 12);
  return `${String(y).padStart(4, '0')}-${String(i - y * 12 + 1).padStart(2, '0')}`;
}

/** Last day of the month `n` months after the month of `iso`: `monthEnd('2026-11-30', 1)` = `'2026-12-31'`. */
export function monthEnd(iso: string, n = 0): string {
  return endDate(shiftMonth(iso.slice(0, 7), n));
}

/** The kinds a job needs to count for an expression (for anyOf, the first one is enough). */
export function kindsFor(expr: KindExpression): string[] {
  if (typeof expr === 'string') return [expr];
  return 'allOf' in expr ? [...expr.allOf] : [expr.anyOf[0]!];
}

/** Every condition, with the nested conditions of `on_track` flattened in. */
export function flatten(conditions: readonly Condition[]): Condition[] {
  return conditions.flatMap((c) => (c.type === 'on_track' ? [c, ...flatten(c.conditions)] : [c]));
}

/** Full-time months a condition needs (hours at 2,080 a year, rounded up to whole months); 0 for anyAmount. */
export function monthsNeeded(c: ExperienceCondition): number {
  if (c.minMonths !== undefined) return c.minMonths;
  if (c.minHours !== undefined) return Math.ceil(c.minHours / HOURS_PER_FTE_MONTH - 1e-9);
  return 0;
}

/**
 * The experience condition (not nested in `on_track`) that needs the most months: the one that
 * decides when one job carrying every kind is enough.
 */
export function bindingCondition(conditions: readonly Condition[]): ExperienceCondition | undefined {
  let best: ExperienceCondition | undefined;
  for (const c of conditions)
    if (c.type === 'experience' && !c.anyAmount && (!best || monthsNeeded(c) > monthsNeeded(best))) best = c;
  return best;
}

/** Free text for a degree field that the engine reads as that catalog field. */
export function fieldText(field: string | undefined): string | undefined {
  if (!field) return undefined;
  if (field === 'nursing') return 'Nursing (BSN)';
  if (field === 'non_nursing') return 'Business administration';
  if (field === 'nursing_administration') return 'Nursing administration';
  return `Accredited programme (${field})`;
}

export interface SatisfyOptions {
  /** The as-of date; a month's last day keeps month arithmetic exact. */
  asOf: string;
  /** Full-time-equivalent months of experience the job(s) carry; default: what the binding condition needs. */
  months?: number;
  /** FTE of the job(s); default 1. `months / fte` must be a whole number of calendar months. */
  fte?: number;
  /** Include the degrees the conditions ask for (default true). */
  degrees?: boolean;
  /**
   * `one`: a single current job; `overlapping`: an ended job and a current one whose union is the
   * span (their sum is longer); `ended`: a single job that ended the month before the as-of month.
   */
  jobs?: 'one' | 'overlapping' | 'ended';
}

/**
 * Profile parts that meet every condition a person can meet (all but exams), with experience
 * from one job (or two) carrying every kind the conditions name, ending on the as-of date.
 *
 * @example
 * satisfyingParts(pathwayConditions, { asOf: '2026-11-30', months: 23 }) // one month short of 24
 */
export function satisfyingParts(conditions: readonly Condition[], opts: SatisfyOptions): ProfileParts {
  const asOfMonth = opts.asOf.slice(0, 7);
  const past = (months: number) => shiftMonth(asOfMonth, -months);
  const fte = opts.fte ?? 1;
  const all = flatten(conditions);
  const kinds = new Set<string>();
  let wantsJob = false;
  const parts: Required<
    Pick<
      ProfileParts,
      'education' | 'credentials' | 'ce' | 'memberships' | 'projects' | 'volunteering' | 'attestations'
    >
  > = {
    education: [],
    credentials: [],
    ce: [],
    memberships: [],
    projects: [],
    volunteering: [],
    attestations: [],
  };
  const ceDate = `${past(1)}-15`;
  for (const c of all) {
    switch (c.type) {
      case 'experience':
      case 'current_position':
        for (const k of kindsFor(c.kinds)) kinds.add(k);
        wantsJob = true;
        break;
      case 'education':
        if (opts.degrees !== false)
          parts.education.push({ level: c.minLevel, field: fieldText(c.field), completed: past(120) });
        break;
      case 'license':
        parts.credentials.push({ id: c.credential, earned: past(120) });
        break;
      case 'credential':
        parts.credentials.push({ id: c.anyOf[0]!, earned: past(24) });
        break;
      case 'membership':
        parts.memberships.push({
          id: c.organization,
          type: c.memberTypes?.[0] ?? 'member',
          since: past(c.minTenureMonths + 12),
        });
        break;
      case 'continuing_education': {
        const mins = (c.categories ?? []).filter((r) => r.min !== undefined);
        const first = mins[0]?.category;
        const rest = c.total - mins.reduce((s, r) => s + r.min!, 0);
        const amounts = new Map<string | undefined, number>(mins.map((r) => [r.category, r.min!]));
        if (rest > 0) amounts.set(first, (amounts.get(first) ?? 0) + rest);
        for (const [category, amount] of amounts)
          parts.ce.push({
            date: ceDate,
            hours: amount,
            category,
            credits: [{ unit: c.unit, amount, category }],
          });
        break;
      }
      case 'training':
        parts.ce.push({ date: ceDate, hours: c.hours, category: c.category });
        break;
      case 'projects':
        for (let i = 0; i < c.count; i++)
          parts.projects.push({
            title: `Project ${i + 1}`,
            completed: past(6),
            kind: c.kinds?.[0] ?? 'project',
            role: c.role ?? 'lead',
          });
        break;
      case 'references':
      case 'attestation':
        parts.attestations.push(c.attestation);
        break;
      case 'volunteering':
        for (let i = 0; i < c.healthcare; i++) parts.volunteering.push({ kind: 'healthcare', date: past(2) });
        for (let i = 0; i < c.community; i++) parts.volunteering.push({ kind: 'community', date: past(3) });
        break;
      case 'exam':
      case 'on_track':
        break;
    }
  }
  const binding = bindingCondition(all);
  const fteMonths = opts.months ?? (binding ? monthsNeeded(binding) : 12);
  return { ...parts, positions: wantsJob ? jobs([...kinds], fteMonths, fte, opts) : [] };
}

/** The profile that {@link satisfyingParts} describes. */
export function satisfying(conditions: readonly Condition[], opts: SatisfyOptions): Profile {
  return makeProfile(satisfyingParts(conditions, opts));
}

function jobs(kinds: string[], fteMonths: number, fte: number, opts: SatisfyOptions): PositionInput[] {
  const span = Math.round(fteMonths / fte);
  if (Math.abs(span * fte - fteMonths) > 1e-9)
    throw new Error(`${fteMonths} FTE-months at FTE ${fte} is not a whole number of months`);
  if (span === 0) return [];
  const asOfMonth = opts.asOf.slice(0, 7);
  if (opts.jobs === 'ended') {
    const last = shiftMonth(asOfMonth, -1);
    return [{ title: 'Past job', start: shiftMonth(last, -(span - 1)), end: last, fte, kinds }];
  }
  const first = shiftMonth(asOfMonth, -(span - 1));
  if (opts.jobs !== 'overlapping' || span < 2) return [{ title: 'Current job', start: first, fte, kinds }];
  // Months [0, half + k) and [half - k, span): the union is the span, the sum is span + 2k.
  const half = Math.floor(span / 2);
  const k = Math.min(6, half);
  return [
    { title: 'Earlier job', start: first, end: shiftMonth(first, half + k - 1), fte, kinds },
    { title: 'Current job', start: shiftMonth(first, half - k), fte, kinds },
  ];
}

/** The education level just below `level` (undefined below high school). */
export function levelBelow(level: EducationLevel): EducationLevel | undefined {
  return educationLevels[educationLevels.indexOf(level) - 1];
}
