/**
 * The eligibility engine: for each certification and each eligibility pathway, every condition
 * with `met`, `required`, `actual` and a one-sentence explanation; `eligible` when any pathway
 * holds; `earliestEligible` = the as-of date when eligible now, the projected date when only
 * time is missing (current jobs continuing at their FTE, memberships continuing, degrees
 * completing on their expected date), else null.
 *
 * Pure: rules are catalog data, "today" is the `asOf` argument. No certification is special-cased.
 */
import type {
  Catalog,
  Certification,
  Condition,
  EducationLevel,
  RuleSet,
  Vocabulary,
} from '../catalog/schema.js';
import { educationLevels } from '../catalog/schema.js';
import { countCredits, EPS, tallyCredits } from './credits.js';
import { lowerFirst, pluralUnit } from './describe.js';
import { ignoredCredentials, type IgnoredItem } from './ignored.js';
import {
  addMonths,
  dayAtOrAfterCoord,
  fromDay,
  MONTH_NAMES,
  monthCoord,
  startDay,
  toDay,
  wholeMonthsBetween,
} from './dates.js';
import {
  accrualRate,
  fteMonths,
  HOURS_PER_FTE_MONTH,
  kindsList,
  intervalsAt,
  jobSpans,
  kindsMatch,
  type JobSpan,
  type WorkInterval,
} from './experience.js';
import type { Profile } from './profile.js';

export type EligibilityStatus = 'eligible' | 'eligible_soon' | 'needs_more_than_time' | 'unknown';

export interface ConditionResult {
  id?: string;
  type: Condition['type'];
  stage: 'apply' | 'certification';
  met: boolean;
  required: number | string | string[] | null;
  actual: number | string | string[] | null;
  unit?: string;
  kinds?: string[];
  /** One sentence: what holds, or what is missing and how to get it. */
  explanation: string;
  /** The catalog's plain-language statement of the rule. */
  summary?: string;
  confidence?: 'high' | 'medium' | 'low';
  /** When this condition alone will hold if things go on as they are; null = not by time alone. */
  projected?: string | null;
}

export interface PathwayResult {
  id: string;
  label: string;
  eligible: boolean;
  earliestEligible: string | null;
  conditions: ConditionResult[];
}

export interface CertificationResult {
  certification: string;
  acronym: string;
  name: string;
  /** null when the catalog does not know the rules. */
  eligible: boolean | null;
  earliestEligible: string | null;
  status: EligibilityStatus;
  /** The rule set applied: the one in force on the as-of date. */
  rules: { effectiveFrom: string | null; effectiveUntil: string | null } | null;
  pathways: PathwayResult[];
  confidence: 'high' | 'medium' | 'low';
  verifiedAsOf: string;
  url: string;
  notice: string;
}

export interface EligibilityReport {
  asOf: string;
  results: CertificationResult[];
  /** Parts of the profile no rule used (unknown or "other" credentials), with their paths. */
  ignored: IgnoredItem[];
}

const levelRank: Record<EducationLevel, number> = Object.fromEntries(
  educationLevels.map((l, i) => [l, i + 1]),
) as Record<EducationLevel, number>;
const levelWords: Record<EducationLevel, string> = {
  high_school: 'a high-school diploma',
  associate: 'an associate degree',
  bachelor: "a bachelor's degree",
  master: "a master's degree",
  doctorate: 'a doctorate',
};

const HORIZON_MONTHS = 40 * 12;
/** A condition's "day" when it holds now. */
const MET = -Infinity;
/** A condition's "day" when time alone will not make it hold. */
const NEVER = Infinity;

/** Day numbers of a profile's dates, converted once per profile and shared by every as-of date. */
class ProfileDays {
  private ce_?: number[];
  private education_?: number[];
  private jobs_?: JobSpan[];
  constructor(private readonly profile: Profile) {}
  get jobs(): JobSpan[] {
    return (this.jobs_ ??= jobSpans(this.profile.positions));
  }
  /** Day of each CE activity, in profile order. */
  get ce(): number[] {
    return (this.ce_ ??= this.profile.ce.map((a) => startDay(a.date)));
  }
  /**
   * Completion day of each degree. A `completed` month alone means its first day (profile format
   * v1: only a job's `end` means the month's last day); no date means long done.
   */
  get education(): number[] {
    return (this.education_ ??= this.profile.education.map((e) =>
      e.completed ? startDay(e.completed) : -Infinity,
    ));
  }
}

/**
 * Facts derived from a profile once per as-of date and reused by every condition of every
 * certification: work intervals, and months of experience per condition (catalog conditions are
 * frozen objects, so the object itself is the cache key).
 */
class Facts {
  readonly intervals: WorkInterval[];
  private readonly monthsCache = new Map<object, number>();
  constructor(
    readonly profile: Profile,
    readonly asOfDay: number,
    readonly days: ProfileDays = new ProfileDays(profile),
  ) {
    this.intervals = intervalsAt(days.jobs, asOfDay);
  }
  /** The same profile on another day (a projection re-check). */
  on(day: number): Facts {
    return new Facts(this.profile, day, this.days);
  }
  months(c: ExperienceCondition): number {
    let v = this.monthsCache.get(c);
    if (v === undefined) {
      const from = c.windowMonths ? addMonths(this.asOfDay, -c.windowMonths) + 1 : -Infinity;
      v = fteMonths(this.intervals, c.kinds, from, this.asOfDay + 1);
      this.monthsCache.set(c, v);
    }
    return v;
  }
}

type Of<T extends Condition['type']> = Extract<Condition, { type: T }>;
type ExperienceCondition = Of<'experience'>;
type MembershipCondition = Of<'membership'>;

interface Labels {
  kind: (id: string) => string;
  credential: (id: string) => string;
  org: (id: string) => string;
  category: (id: string) => string;
  unit: (id: string) => string;
  field: (id: string) => string;
  attestation: (id: string) => string;
  memberType: (id: string) => string;
}

function labelsOf(vocab: Vocabulary, catalog?: Catalog): Labels {
  const map = (list: { id: string; label: string }[]) => {
    const m = new Map(list.map((x) => [x.id, x.label]));
    return (id: string) => m.get(id) ?? id;
  };
  const certs = new Map((catalog?.certifications ?? []).map((c) => [c.id, `${c.acronym} (${c.name})`]));
  const creds = map(vocab.credentials);
  const orgs = new Map(vocab.organizations.map((o) => [o.id, o.acronym]));
  const atts = new Map(vocab.attestations.map((a) => [a.id, a.statement]));
  return {
    kind: map(vocab.experienceKinds),
    credential: (id) => certs.get(id) ?? creds(id),
    org: (id) => orgs.get(id) ?? id,
    category: map(vocab.ceCategories),
    unit: map(vocab.creditUnits),
    field: map(vocab.degreeFields),
    attestation: (id) => atts.get(id) ?? id,
    memberType: map(vocab.membershipTypes),
  };
}

/** "a Faculty associate", "an International associate". */
const withArticle = (label: string) => `${/^[aeiou]/i.test(label) ? 'an' : 'a'} ${label}`;

function kindPhrase(
  c: { kinds: Condition extends never ? never : string | { allOf: string[] } | { anyOf: string[] } },
  labels: Labels,
): string {
  const k = c.kinds;
  const lower = (id: string) => {
    const l = labels.kind(id);
    return /^[A-Z]{2}/.test(l) ? l : l.charAt(0).toLowerCase() + l.slice(1);
  };
  if (typeof k === 'string') return lower(k);
  if ('allOf' in k) return k.allOf.map(lower).join(' + ');
  return k.anyOf.map(lower).join(' or ');
}

const round1 = (x: number) => Math.floor(x * 10 + EPS) / 10;
/** A shortfall rounded up to one decimal: 0.05 hours missing is "0.1 more", never "0 more". */
const gap1 = (x: number) => Math.ceil(x * 10 - EPS) / 10;
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
/** "March 2028" for 2028-03-xx (a table, not Intl: this runs for every projected date). */
const monthName = (iso: string) => `${MONTH_NAMES[+iso.slice(5, 7) - 1]} ${iso.slice(0, 4)}`;

const patternCache = new WeakMap<object, RegExp[]>();
function patternsOf(def: Vocabulary['degreeFields'][number]): RegExp[] {
  let list = patternCache.get(def);
  if (!list) {
    const sources = def.matches ?? [def.id.replace(/[^A-Za-z0-9]+/g, '[ _-]?')];
    list = sources.map((src) => new RegExp(src, 'i'));
    patternCache.set(def, list);
  }
  return list;
}

/**
 * Whether a degree's free-text field satisfies a catalog degree-field id (omitted = any field), by
 * the field's `matches` / `requires` / `excludes` in the vocabulary.
 *
 * @example
 * fieldMatches('MSN, Nursing Leadership', 'nursing_administration', catalog.vocabulary); // true
 */
export function fieldMatches(
  field: string | undefined,
  required: string | undefined,
  vocab: Vocabulary,
  depth = 0,
): boolean {
  if (!required) return true;
  const text = (field ?? '').trim();
  const def = vocab.degreeFields.find((d) => d.id === required);
  if (!def || depth > 4) return false;
  if (!patternsOf(def).some((r) => r.test(text))) return false;
  if (def.requires && !fieldMatches(field, def.requires, vocab, depth + 1)) return false;
  return !def.excludes?.some((x) => fieldMatches(field, x, vocab, depth + 1));
}

/** {@link fieldMatches}, memoised: free-text fields repeat across conditions and profiles. */
const fieldCache = new WeakMap<Vocabulary, Map<string, Map<string, boolean>>>();
function fieldOk(field: string | undefined, required: string | undefined, vocab: Vocabulary): boolean {
  if (!required) return true;
  let byRequired = fieldCache.get(vocab);
  if (!byRequired) fieldCache.set(vocab, (byRequired = new Map()));
  let byField = byRequired.get(required);
  if (!byField) byRequired.set(required, (byField = new Map()));
  const key = field ?? '';
  let ok = byField.get(key);
  if (ok === undefined) {
    ok = fieldMatches(field, required, vocab);
    if (byField.size > 20_000) byField.clear();
    byField.set(key, ok);
  }
  return ok;
}

/* ------------------------------------------------------------------ measurements
 * One measurement per condition type gives both the verdict (`day`: MET, a projected day, or
 * NEVER) and the figures the explanation quotes, so the fast verdict path and the explained path
 * can never disagree.
 */

function measureEducation(c: Of<'education'>, f: Facts, vocab: Vocabulary) {
  const asOf = f.asOfDay;
  const rank = levelRank[c.minLevel];
  let best: EducationLevel | undefined;
  let highest: EducationLevel | undefined;
  let expectedDay = NEVER;
  const days = f.days.education;
  const education = f.profile.education;
  for (let i = 0; i < education.length; i++) {
    const e = education[i]!;
    const day = days[i]!;
    const done = day <= asOf;
    if (done && (!highest || levelRank[e.level] > levelRank[highest])) highest = e.level;
    if (!fieldOk(e.field, c.field, vocab)) continue;
    if (done) {
      if (!best || levelRank[e.level] > levelRank[best]) best = e.level;
    } else if (levelRank[e.level] >= rank && day < expectedDay) expectedDay = day;
  }
  const credits =
    c.orCollegeCreditHours !== undefined && (f.profile.collegeCreditHours ?? 0) >= c.orCollegeCreditHours;
  const byDegree = best !== undefined && levelRank[best] >= rank;
  const met = byDegree || credits;
  return { met, day: met ? MET : expectedDay, best, highest, byDegree, expectedDay };
}

function measureExperience(c: ExperienceCondition, f: Facts) {
  const asOf = f.asOfDay;
  const months = f.months(c);
  if (c.anyAmount) {
    const met = months > EPS;
    const day = met ? MET : accrualRate(f.intervals, c.kinds) > 0 ? asOf + 1 : NEVER;
    return { met, day, months, hours: false, required: 0, actualRaw: months, rate: 0 };
  }
  const hours = c.minHours !== undefined;
  const required = hours ? c.minHours! : c.minMonths!;
  const actualRaw = hours ? months * HOURS_PER_FTE_MONTH : months;
  if (actualRaw + EPS >= required)
    return { met: true, day: MET, months, hours, required, actualRaw, rate: 0 };
  const rate = accrualRate(f.intervals, c.kinds);
  let day = NEVER;
  if (rate > 0) {
    const missing = required - actualRaw;
    const needMonths = (hours ? missing / HOURS_PER_FTE_MONTH : missing) / rate;
    day = dayAtOrAfterCoord(monthCoord(asOf + 1) + needMonths - EPS) - 1;
  }
  return { met: false, day, months, hours, required, actualRaw, rate };
}

function measureCurrentPosition(c: Of<'current_position'>, f: Facts) {
  let anyCurrent = false;
  let met = false;
  for (const iv of f.intervals) {
    if (!iv.current) continue;
    anyCurrent = true;
    if (kindsMatch(iv.kinds, c.kinds)) met = true;
  }
  return { met, day: met ? MET : NEVER, anyCurrent };
}

type HeldCredential = Profile['credentials'][number];

function measureCredential(c: Of<'license'> | Of<'credential'>, f: Facts) {
  const asOf = f.asOfDay;
  const license = c.type === 'license';
  let valid: HeldCredential | undefined;
  let first: HeldCredential | undefined;
  let day = NEVER;
  for (const cr of f.profile.credentials) {
    if (license ? cr.id !== c.credential : !c.anyOf.includes(cr.id)) continue;
    first ??= cr;
    const statusOk = license ? cr.status === 'active' : cr.status !== 'lapsed';
    if (!statusOk) continue;
    const expires = cr.expires ? startDay(cr.expires) : NEVER;
    const earned = cr.earned ? startDay(cr.earned) : MET;
    if (expires < asOf) continue;
    if (earned <= asOf) {
      valid ??= cr;
      day = MET;
    } else if (earned <= expires && earned < day) day = earned; // earned later: held from then on
  }
  return { met: valid !== undefined, day, valid, first };
}

type HeldMembership = Profile['memberships'][number];

/** One membership against a membership condition: its day, and why. */
function measureOneMembership(c: MembershipCondition, m: HeldMembership, asOf: number) {
  if (c.memberTypes && !c.memberTypes.includes(m.type))
    return { m, day: NEVER, why: 'type' as const, tenure: 0, joined: NEVER };
  // A membership that starts after the as-of date is not held yet (even when no tenure is asked);
  // it holds from its start plus the tenure, by time alone.
  const joined = m.since ? startDay(m.since) : undefined;
  if (joined !== undefined && joined > asOf)
    return { m, day: addMonths(joined, c.minTenureMonths), why: 'future' as const, tenure: 0, joined };
  if (c.minTenureMonths === 0) return { m, day: MET, why: 'member' as const, tenure: 0, joined: NEVER };
  if (joined === undefined) return { m, day: NEVER, why: 'no_date' as const, tenure: 0, joined: NEVER };
  const tenure = wholeMonthsBetween(joined, asOf);
  const met = tenure >= c.minTenureMonths;
  return { m, day: met ? MET : addMonths(joined, c.minTenureMonths), why: 'tenure' as const, tenure, joined };
}

/**
 * ACHE's rule (`currentMemberTypes`): tenure is the total of every period as a counted type, gaps
 * allowed, and the membership held on the as-of date must be of a current type.
 */
function measureTotalTenure(c: MembershipCondition, f: Facts) {
  const asOf = f.asOfDay;
  const mine = f.profile.memberships.filter((m) => m.id === c.organization);
  const held = (m: HeldMembership) =>
    (!m.since || startDay(m.since) <= asOf) && (!m.until || startDay(m.until) >= asOf);
  const current = mine.filter(held);
  const ok = current.find((m) => c.currentMemberTypes!.includes(m.type));
  let tenure = 0;
  let others = 0;
  let undated = false;
  for (const m of mine) {
    if (c.memberTypes && !c.memberTypes.includes(m.type)) continue;
    if (!m.since) {
      undated = true;
      continue;
    }
    const from = startDay(m.since);
    const to = Math.min(m.until ? startDay(m.until) : asOf, asOf);
    const months = to > from ? wholeMonthsBetween(from, to) : 0;
    tenure += months;
    if (m !== ok) others += months;
  }
  const enough = tenure >= c.minTenureMonths;
  const base = { m: ok ?? current[0] ?? mine[0]!, tenure, joined: NEVER };
  if (mine.length === 0) return { met: false, day: NEVER, best: undefined };
  if (current.length === 0)
    return { met: false, day: NEVER, best: { ...base, day: NEVER, why: 'not_current' as const } };
  if (!ok) return { met: false, day: NEVER, best: { ...base, day: NEVER, why: 'convert' as const } };
  if (!enough && undated && tenure === 0)
    return { met: false, day: NEVER, best: { ...base, day: NEVER, why: 'no_date' as const } };
  // Still a Member from here on, the missing months accrue by time alone.
  const day = enough
    ? MET
    : ok.since
      ? addMonths(startDay(ok.since), c.minTenureMonths - others)
      : addMonths(asOf, c.minTenureMonths - tenure);
  return { met: enough, day, best: { ...base, day, why: 'tenure' as const } };
}

function measureMembership(c: MembershipCondition, f: Facts) {
  if (c.currentMemberTypes) return measureTotalTenure(c, f);
  const asOf = f.asOfDay;
  // A person may list several memberships of one body (a student one, then a full one): judge
  // each and keep the best (met, else the earliest day), so listing another never makes it worse.
  let best: ReturnType<typeof measureOneMembership> | undefined;
  for (const m of f.profile.memberships) {
    if (m.id !== c.organization || (m.until && startDay(m.until) < asOf)) continue;
    const one = measureOneMembership(c, m, asOf);
    if (!best || one.day < best.day) best = one;
  }
  return { met: best?.day === MET, day: best ? best.day : NEVER, best };
}

function measureContinuingEducation(c: Of<'continuing_education'>, f: Facts, vocab: Vocabulary) {
  const asOf = f.asOfDay;
  const from = c.windowMonths ? addMonths(asOf, -c.windowMonths) + 1 : -Infinity;
  const { byCategory, uncountedHours } = countCredits(f.profile.ce, c.unit, vocab, from, asOf);
  const tally = tallyCredits(byCategory, c.categories ?? [], c.otherCategory);
  const short = tally.categories.filter((r) => !r.met);
  const met = tally.total + EPS >= c.total && short.length === 0;
  return { met, day: met ? MET : NEVER, total: tally.total, short, uncounted: uncountedHours };
}

function measureTraining(c: Of<'training'>, f: Facts) {
  let hours = 0;
  for (const a of f.profile.ce)
    if (a.category === c.category && startDay(a.date) <= f.asOfDay) hours += a.hours;
  const cred = c.orCredentials?.find((id) =>
    f.profile.credentials.some((h) => h.id === id && h.status !== 'lapsed'),
  );
  const met = hours + EPS >= c.hours || cred !== undefined;
  return { met, day: met ? MET : NEVER, hours, cred };
}

function measureProjects(c: Of<'projects'>, f: Facts) {
  let n = 0;
  for (const x of f.profile.projects)
    if (
      // As for degrees, a `completed` month alone means its first day.
      (!x.completed || startDay(x.completed) <= f.asOfDay) &&
      (!c.kinds || c.kinds.includes(x.kind)) &&
      (!c.role || x.role === c.role)
    )
      n++;
  const met = n >= c.count;
  return { met, day: met ? MET : NEVER, n };
}

function measureVolunteering(c: Of<'volunteering'>, f: Facts) {
  const asOf = f.asOfDay;
  const from = addMonths(asOf, -c.windowMonths);
  let hc = 0;
  let co = 0;
  for (const v of f.profile.volunteering) {
    const d = startDay(v.date);
    if (d <= from || d > asOf) continue;
    if (v.kind === 'healthcare') hc++;
    else co++;
  }
  const met = hc >= c.healthcare && co >= c.community;
  return { met, day: met ? MET : NEVER, hc, co };
}

function measureOnTrack(c: Of<'on_track'>, f: Facts, vocab: Vocabulary) {
  const asOf = f.asOfDay;
  const raw = conditionsDay(gatingOf(c.conditions), f, vocab);
  const nested = raw === MET ? asOf : raw;
  const met = nested !== NEVER && nested <= addMonths(asOf, c.withinMonths);
  // Not on track yet, but heading there: the route opens by time alone on the first day from
  // which the nested date is within reach (withinMonths before it). Without this the route read
  // as "not by time" and earliestEligible could come years too late.
  let day = met ? MET : NEVER;
  if (!met && nested !== NEVER) {
    let d = addMonths(nested, -c.withinMonths);
    while (addMonths(d, c.withinMonths) < nested) d++; // month-end clamping
    day = Math.max(d, asOf + 1);
  }
  return { met, day, nested };
}

/** The condition's day: MET when it holds on the facts' date, a projected day, or NEVER. */
function conditionDay(c: Condition, f: Facts, vocab: Vocabulary): number {
  switch (c.type) {
    case 'education':
      return measureEducation(c, f, vocab).day;
    case 'experience':
      return measureExperience(c, f).day;
    case 'current_position':
      return measureCurrentPosition(c, f).day;
    case 'license':
    case 'credential':
      return measureCredential(c, f).day;
    case 'membership':
      return measureMembership(c, f).day;
    case 'continuing_education':
      return measureContinuingEducation(c, f, vocab).day;
    case 'training':
      return measureTraining(c, f).day;
    case 'projects':
      return measureProjects(c, f).day;
    case 'references':
    case 'attestation':
      return f.profile.attestations.includes(c.attestation) ? MET : NEVER;
    case 'volunteering':
      return measureVolunteering(c, f).day;
    case 'exam':
      return NEVER;
    case 'on_track':
      return measureOnTrack(c, f, vocab).day;
  }
}

/** Relative cost of measuring a condition type, cheapest first. */
const costRank: Record<Condition['type'], number> = {
  exam: 0,
  attestation: 1,
  references: 1,
  license: 2,
  credential: 2,
  membership: 3,
  current_position: 4,
  education: 5,
  projects: 6,
  volunteering: 7,
  training: 8,
  experience: 9,
  continuing_education: 10,
  on_track: 11,
};

/** The conditions needed to apply (stage `apply`), memoised per frozen catalog list. */
const gatingCache = new WeakMap<readonly Condition[], readonly Condition[]>();
function gatingOf(conditions: readonly Condition[], more?: readonly Condition[]): readonly Condition[] {
  const key = more ?? conditions;
  let g = more ? undefined : gatingCache.get(key);
  if (!g) {
    // Cheapest first: the day is the same in any order (NEVER if any is NEVER, else the latest),
    // and a cheap NEVER (no licence, no attestation) spares the experience arithmetic.
    g = [...conditions, ...(more ?? [])]
      .filter((c) => (c.stage ?? 'apply') === 'apply')
      .sort((a, b) => costRank[a.type] - costRank[b.type]);
    if (!more) gatingCache.set(key, g);
  }
  return g;
}
/** Gating conditions of one pathway (the rule set's shared ones first), memoised per pathway. */
const pathwayGating = new WeakMap<object, readonly Condition[]>();
function pathwayGatingOf(rules: RuleSet, pw: RuleSet['pathways'][number]): readonly Condition[] {
  let g = pathwayGating.get(pw);
  if (!g) {
    g = gatingOf(rules.allPathways, pw.conditions);
    pathwayGating.set(pw, g);
  }
  return g;
}

/**
 * The day from which all `gating` conditions hold: MET when they hold now, NEVER when time alone
 * will not do it. A projected day is re-checked on that day (look-back windows and expiring
 * credentials may move it on), up to 24 times and 40 years ahead.
 */
function conditionsDay(gating: readonly Condition[], facts: Facts, vocab: Vocabulary): number {
  let earliest = facts.asOfDay;
  let unmet = false;
  for (const c of gating) {
    const d = conditionDay(c, facts, vocab);
    if (d === MET) continue;
    if (d === NEVER) return NEVER;
    unmet = true;
    if (d > earliest) earliest = d;
  }
  if (!unmet) return MET;
  const horizon = addMonths(facts.asOfDay, HORIZON_MONTHS);
  let day = earliest;
  for (let i = 0; i < 24 && day <= horizon; i++) {
    const future = facts.on(day);
    let next = day;
    let all = true;
    for (const c of gating) {
      const d = conditionDay(c, future, vocab);
      if (d === MET) continue;
      if (d === NEVER) return NEVER;
      all = false;
      if (d > next) next = d;
    }
    if (all) return day;
    day = next > day ? next : addMonths(day, 1);
  }
  return NEVER;
}

/* ------------------------------------------------------------------ explanations */

type Base = Pick<ConditionResult, 'id' | 'type' | 'stage' | 'summary' | 'confidence'>;
/** `1234.5` → `1,234.5`, as en-US writes it, without Intl (which is slow on this path). */
const num = (n: number) => {
  const [whole, fraction] = String(Math.round(n * 1000) / 1000).split('.');
  return `${whole!.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}${fraction ? `.${fraction}` : ''}`;
};

/** A condition's result with its one-sentence explanation quoting the person's figures. */
function explainCondition(c: Condition, f: Facts, labels: Labels, vocab: Vocabulary): ConditionResult {
  const base: Base = {
    id: c.id,
    type: c.type,
    stage: c.stage ?? 'apply',
    summary: c.summary,
    ...(c.confidence ? { confidence: c.confidence } : {}),
  };
  const p = f.profile;
  switch (c.type) {
    case 'education': {
      const m = measureEducation(c, f, vocab);
      const fieldWords = c.field ? ` in ${lowerFirst(labels.field(c.field))}` : '';
      const need = `${levelWords[c.minLevel]} or higher${fieldWords}${c.orCollegeCreditHours ? ` (or ${c.orCollegeCreditHours} college credit hours)` : ''}`;
      let explanation: string;
      if (m.met)
        explanation = !m.byDegree
          ? `Your ${p.collegeCreditHours} college credit hours count instead of ${levelWords[c.minLevel]}.`
          : `You have ${levelWords[m.best!]}${fieldWords}; ${need} is needed.`;
      else if (m.expectedDay !== NEVER)
        explanation = `You need ${need}; yours is expected in ${monthName(fromDay(m.expectedDay))}.`;
      else
        explanation = `You need ${need}${m.highest ? `; your highest is ${levelWords[m.highest]}${c.field && m.best !== m.highest ? ' (or its field does not count)' : ''}` : '; no degree is recorded'}.`;
      return {
        ...base,
        met: m.met,
        required: c.field ? `${c.minLevel} (${c.field})` : c.minLevel,
        actual: m.highest ?? null,
        explanation,
      };
    }
    case 'experience': {
      const m = measureExperience(c, f);
      const phrase = kindPhrase(c, labels);
      // "patient experience" is already an experience: no "patient experience experience".
      const what = /experience$/.test(phrase) ? phrase : `${phrase} experience`;
      const kinds = kindsList(c.kinds);
      const within = c.windowMonths ? ` in the last ${plural(c.windowMonths, 'month')}` : '';
      if (c.anyAmount)
        return {
          ...base,
          met: m.met,
          required: 'any',
          actual: round1(m.months),
          unit: 'months',
          kinds,
          explanation: m.met
            ? `You have ${round1(m.months)} months of ${what}${within}; the issuer asks for documented experience (no minimum stated).`
            : `You need documented ${what}${within} (the issuer states no minimum).`,
        };
      const actual = m.hours ? Math.floor(m.actualRaw + EPS) : round1(m.actualRaw);
      const unit = m.hours ? 'hours' : 'months';
      if (m.met)
        return {
          ...base,
          met: true,
          required: m.required,
          actual,
          unit,
          kinds,
          explanation: `You have ${num(actual)} ${unit} of ${what}${within} (${num(m.required)} needed).`,
        };
      const missing = Math.ceil(m.required - m.actualRaw - EPS);
      const missingText = m.hours
        ? `${num(missing)} more hours`
        : `${missing} more ${missing === 1 ? 'month' : 'months'}`;
      const pace =
        m.day !== NEVER
          ? `; at your current job${m.rate < 1 ? ` (FTE ${m.rate})` : ''} that is ${monthName(fromDay(m.day))}`
          : '; you have no current job that counts';
      return {
        ...base,
        met: false,
        required: m.required,
        actual,
        unit,
        kinds,
        // The person's own figure as well as the gap, so the sentence can be checked against the profile.
        explanation: `You need ${missingText} of ${what}${within} (you have ${num(actual)} of ${num(m.required)} ${unit})${pace}.`,
      };
    }
    case 'current_position': {
      const m = measureCurrentPosition(c, f);
      const what = kindPhrase(c, labels);
      const current = f.intervals.filter((iv) => iv.current);
      return {
        ...base,
        met: m.met,
        required: kindsList(c.kinds),
        actual: [...new Set(current.flatMap((iv) => [...iv.kinds]))],
        kinds: kindsList(c.kinds),
        explanation: m.met
          ? `Your current job counts as ${what}.`
          : m.anyCurrent
            ? `You need to hold a ${what} position now; your current job is not recorded as one.`
            : `You need to hold a ${what} position now; no current job is recorded.`,
      };
    }
    case 'license':
    case 'credential': {
      const m = measureCredential(c, f);
      const ids = c.type === 'license' ? [c.credential] : c.anyOf;
      const names = ids.map(labels.credential).join(' or ');
      let explanation: string;
      if (m.valid) explanation = `You hold ${labels.credential(m.valid.id)}.`;
      else if (m.day !== NEVER)
        explanation = `You need ${names}; you expect to hold it from ${monthName(fromDay(m.day))}.`;
      else {
        const why = m.first
          ? ` (yours is ${m.first.status !== 'active' ? m.first.status : 'expired or not yet earned'})`
          : '';
        explanation = `You need ${c.type === 'license' ? 'a current, unrestricted ' : ''}${names}${why}.`;
      }
      return {
        ...base,
        met: m.met,
        required: ids,
        actual: p.credentials.filter((h) => ids.includes(h.id)).map((h) => h.id),
        explanation,
      };
    }
    case 'membership': {
      const m = measureMembership(c, f);
      const org = labels.org(c.organization);
      const common = { ...base, met: m.met, required: c.minTenureMonths, unit: 'months' };
      const b = m.best;
      if (!b)
        return {
          ...common,
          actual: null,
          explanation: `You need to be a member of ${org}${c.minTenureMonths ? ` for at least ${plural(c.minTenureMonths, 'month')}` : ''}.`,
        };
      switch (b.why) {
        case 'type':
          return {
            ...common,
            actual: null,
            explanation: `Your ${org} membership type (${b.m.type}) does not count; ${c.memberTypes!.join(', ')} do.`,
          };
        case 'future':
          return {
            ...common,
            actual: 0,
            explanation: `Your ${org} membership starts in ${monthName(fromDay(b.joined))}${c.minTenureMonths ? `; with the ${plural(c.minTenureMonths, 'month')} needed, that is ${monthName(fromDay(b.day))}` : ''}.`,
          };
        case 'member':
          return { ...common, actual: null, explanation: `You are a member of ${org}.` };
        case 'not_current':
          return {
            ...common,
            actual: b.tenure,
            explanation: `You need to be a current member of ${org}; your membership has ended (${plural(b.tenure, 'month')} counted so far).`,
          };
        case 'convert': {
          const types = c.currentMemberTypes!.map((t) => labels.memberType(t)).join(' or ');
          return {
            ...common,
            actual: b.tenure,
            explanation: `You are ${withArticle(labels.memberType(b.m.type))} of ${org}; ${org} asks you to convert to ${types} before you apply (${plural(b.tenure, 'month')} of tenure counted so far, ${c.minTenureMonths} needed).`,
          };
        }
        case 'no_date':
          return {
            ...common,
            actual: null,
            explanation: `Add the date you joined ${org}: ${plural(c.minTenureMonths, 'month')} of membership are needed.`,
          };
        case 'tenure':
          return {
            ...common,
            actual: b.tenure,
            explanation: m.met
              ? `You have been a member of ${org} for ${plural(b.tenure, 'month')} (${c.minTenureMonths} needed).`
              : `You need ${plural(c.minTenureMonths - b.tenure, 'more month')} of ${org} membership (you have ${b.tenure} of ${c.minTenureMonths}); that is ${monthName(fromDay(b.day))}.`,
          };
      }
      break;
    }
    case 'continuing_education': {
      const m = measureContinuingEducation(c, f, vocab);
      const unit = labels.unit(c.unit);
      const within = c.windowMonths ? ` in the last ${plural(c.windowMonths, 'month')}` : '';
      let explanation: string;
      if (m.met)
        explanation = `You have ${round1(m.total)} ${pluralUnit(unit, round1(m.total))} of continuing education${within} (${c.total} needed).`;
      else {
        const parts: string[] = [];
        if (m.total + EPS < c.total)
          parts.push(`${gap1(c.total - m.total)} more ${pluralUnit(unit, gap1(c.total - m.total))}${within}`);
        for (const r of m.short)
          parts.push(`${gap1(r.min! - r.earned)} more in ${labels.category(r.category)}`);
        explanation = `You need ${parts.join(' and ')} (you have ${round1(m.total)})${m.uncounted > 0 ? `; ${round1(m.uncounted)} of your hours are not in ${pluralUnit(unit, 2)}: record the credits the provider awarded` : ''}.`;
      }
      return { ...base, met: m.met, required: c.total, actual: round1(m.total), unit: c.unit, explanation };
    }
    case 'training': {
      const m = measureTraining(c, f);
      const topic = lowerFirst(labels.category(c.category));
      const alt = c.orCredentials?.length
        ? ` (or hold ${c.orCredentials.map(labels.credential).join(' or ')})`
        : '';
      return {
        ...base,
        met: m.met,
        required: c.hours,
        actual: round1(m.hours),
        unit: 'hours',
        explanation: m.met
          ? m.cred && m.hours + EPS < c.hours
            ? `Your ${labels.credential(m.cred)} counts instead of ${c.hours} hours of ${topic}.`
            : `You have ${round1(m.hours)} hours of ${topic} (${c.hours} needed).`
          : `You need ${plural(gap1(c.hours - m.hours), 'more hour', 'more hours')} of ${topic} (you have ${round1(m.hours)} of ${c.hours})${alt}.`,
      };
    }
    case 'projects': {
      const m = measureProjects(c, f);
      const what = `${c.kinds ? c.kinds.map((k) => k.replace(/_/g, ' ')).join(' or ') + ' ' : ''}project`;
      return {
        ...base,
        met: m.met,
        required: c.count,
        actual: m.n,
        unit: 'projects',
        explanation: m.met
          ? `You have completed ${plural(m.n, what)} (${c.count} needed).`
          : `You need ${plural(c.count - m.n, `more completed ${what}`, `more completed ${what}s`)}.`,
      };
    }
    case 'references':
    case 'attestation': {
      const met = p.attestations.includes(c.attestation);
      const statement = labels.attestation(c.attestation);
      return {
        ...base,
        met,
        required: c.attestation,
        actual: met ? c.attestation : null,
        explanation: met ? `You confirmed: ${statement}` : `Only you can confirm this: ${statement}`,
      };
    }
    case 'volunteering': {
      const m = measureVolunteering(c, f);
      const missing = [
        c.healthcare > m.hc
          ? plural(c.healthcare - m.hc, 'more healthcare activity', 'more healthcare activities')
          : '',
        c.community > m.co
          ? plural(c.community - m.co, 'more community activity', 'more community activities')
          : '',
      ].filter(Boolean);
      return {
        ...base,
        met: m.met,
        required: `${c.healthcare} healthcare + ${c.community} community`,
        actual: `${m.hc} healthcare + ${m.co} community`,
        explanation: m.met
          ? `You have ${m.hc} healthcare and ${m.co} community volunteer activities in the last ${c.windowMonths} months.`
          : `You need ${missing.join(' and ')} of volunteer work in the last ${c.windowMonths} months.`,
      };
    }
    case 'exam':
      return { ...base, met: false, required: c.name, actual: null, explanation: `Pass the ${c.name}.` };
    case 'on_track': {
      const m = measureOnTrack(c, f, vocab);
      return {
        ...base,
        met: m.met,
        required: c.withinMonths,
        actual: m.nested !== NEVER ? fromDay(m.nested) : null,
        unit: 'months',
        explanation: m.met
          ? `You are on track to meet the standard route by ${fromDay(m.nested)}, within ${c.withinMonths} months.`
          : `You need to be within ${c.withinMonths} months of meeting the standard route${m.nested !== NEVER ? `; at your pace that is ${fromDay(m.nested)}` : ''}.`,
      };
    }
  }
  throw new Error(`unhandled condition type ${(c as Condition).type}`);
}

/* ------------------------------------------------------------------ evaluators */

/** The rule set in force on `asOf`, or undefined when none is. */
export function ruleSetOn(cert: Certification, asOf: string): RuleSet | undefined {
  return cert.eligibility.rules.find(
    (r) => (!r.effectiveFrom || r.effectiveFrom <= asOf) && (!r.effectiveUntil || r.effectiveUntil >= asOf),
  );
}

export interface EvaluateOptions {
  /** Only these certifications (ids, case-insensitive); default all. */
  certifications?: string[];
}

/** A verdict without explanations: what a team view or a batch needs. */
export interface Verdict {
  certification: string;
  eligible: boolean | null;
  earliestEligible: string | null;
  status: EligibilityStatus;
}

function selected(catalog: Catalog, options: EvaluateOptions): readonly Certification[] {
  if (!options.certifications) return catalog.certifications;
  const wanted = options.certifications.map((id) => id.toLowerCase());
  return catalog.certifications.filter((c) => wanted.includes(c.id.toLowerCase()));
}

/** The day a certification opens (MET = now, NEVER = not by time); undefined = rules unknown. */
function certificationDay(cert: Certification, facts: Facts, asOf: string, vocab: Vocabulary) {
  const rules = rulesInForce(cert, asOf);
  if (!rules) return undefined;
  // A condition every pathway shares that time alone will not meet closes them all at once.
  for (const c of gatingOf(rules.allPathways)) if (conditionDay(c, facts, vocab) === NEVER) return NEVER;
  let best = NEVER;
  for (const pw of rules.pathways) {
    const d = conditionsDay(pathwayGatingOf(rules, pw), facts, vocab);
    if (d < best) best = d;
    if (best === MET) break;
  }
  return best;
}

/** {@link ruleSetOn} for known rules, remembering the last as-of date asked per certification. */
const lastRules = new WeakMap<Certification, { asOf: string; rules: RuleSet | undefined }>();
function rulesInForce(cert: Certification, asOf: string): RuleSet | undefined {
  const last = lastRules.get(cert);
  if (last?.asOf === asOf) return last.rules;
  const rules = cert.eligibility.status === 'known' ? ruleSetOn(cert, asOf) : undefined;
  lastRules.set(cert, { asOf, rules });
  return rules;
}

const statusOf = (day: number): EligibilityStatus =>
  day === MET ? 'eligible' : day === NEVER ? 'needs_more_than_time' : 'eligible_soon';

/**
 * A verdict-only evaluator: the same rules and dates as {@link createEvaluator}, without building
 * explanations, for batches (a team, a benchmark) where only the verdicts are shown.
 *
 * @example
 * const screen = createScreener(catalog);
 * screen(profile, '2026-11-27').find((v) => v.certification === 'CPHQ')?.status; // 'eligible'
 */
export function createScreener(
  catalog: Catalog,
): (profile: Profile, asOf: string, options?: EvaluateOptions) => Verdict[] {
  const vocab = catalog.vocabulary;
  return (profile, asOf, options = {}) => {
    const facts = new Facts(profile, toDay(asOf));
    return selected(catalog, options).map((cert) => {
      const day = certificationDay(cert, facts, asOf, vocab);
      if (day === undefined)
        return { certification: cert.id, eligible: null, earliestEligible: null, status: 'unknown' };
      return {
        certification: cert.id,
        eligible: day === MET,
        earliestEligible: day === MET ? asOf : day === NEVER ? null : fromDay(day),
        status: statusOf(day),
      };
    });
  };
}

/**
 * An evaluator bound to a catalog: label lookups are built once, so evaluating many profiles is cheap.
 *
 * @example
 * const evaluate = createEvaluator(catalog);
 * evaluate(profile, '2026-11-27').results.find((r) => r.certification === 'CPHQ')?.eligible; // true
 */
export function createEvaluator(
  catalog: Catalog,
): (profile: Profile, asOf: string, options?: EvaluateOptions) => EligibilityReport {
  const labels = labelsOf(catalog.vocabulary, catalog);
  const vocab = catalog.vocabulary;
  return (profile, asOf, options = {}) => {
    const facts = new Facts(profile, toDay(asOf));
    const results = selected(catalog, options).map((cert) =>
      evaluateCertification(cert, facts, asOf, labels, vocab),
    );
    return { asOf, results, ignored: ignoredCredentials(catalog, profile) };
  };
}

function evaluateCertification(
  cert: Certification,
  facts: Facts,
  asOf: string,
  labels: Labels,
  vocab: Vocabulary,
): CertificationResult {
  const common = {
    certification: cert.id,
    acronym: cert.acronym,
    name: cert.name,
    confidence: cert.eligibility.confidence,
    verifiedAsOf: cert.verifiedAsOf,
    url: cert.eligibility.url ?? cert.url,
    notice: `Guidance, not a ruling: rules checked ${cert.verifiedAsOf}; confirm with ${labels.org(cert.issuer)} (${cert.eligibility.url ?? cert.url}) before paying a fee.`,
  };
  const rules = cert.eligibility.status === 'known' ? ruleSetOn(cert, asOf) : undefined;
  if (!rules)
    return {
      ...common,
      eligible: null,
      earliestEligible: null,
      status: 'unknown',
      rules: null,
      pathways: [],
    };
  let best = NEVER;
  const pathways: PathwayResult[] = rules.pathways.map((pw) => {
    const day = conditionsDay(pathwayGatingOf(rules, pw), facts, vocab);
    if (day < best) best = day;
    const conditions = [...rules.allPathways, ...pw.conditions].map((c) => {
      const result = explainCondition(c, facts, labels, vocab);
      if (day === MET || result.met) return result;
      // When this condition alone will hold if things go on as they are; null = not by time.
      const own = conditionDay(c, facts, vocab);
      return { ...result, projected: own === NEVER || own === MET ? null : fromDay(own) };
    });
    return {
      id: pw.id,
      label: pw.label,
      eligible: day === MET,
      earliestEligible: day === MET ? asOf : day === NEVER ? null : fromDay(day),
      conditions,
    };
  });
  return {
    ...common,
    eligible: best === MET,
    earliestEligible: best === MET ? asOf : best === NEVER ? null : fromDay(best),
    status: statusOf(best),
    rules: { effectiveFrom: rules.effectiveFrom ?? null, effectiveUntil: rules.effectiveUntil ?? null },
    pathways,
  };
}
