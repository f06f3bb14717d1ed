/**
 * Recommendations: which programs and certifications close a person's gaps for a target role,
 * within their constraints. Pure: the caller passes the gap report, the options and "as of".
 *
 * The problem is a weighted multi-cover with knapsack constraints. Each gap competency c has
 * `gap_c` missing levels worth `importance_c` each; an option covering c closes up to `depth` of
 * them (degrees and fellowships 2, shorter formats 1). The value of a set S of options is
 *
 *     f(S) = Σ_c importance_c × min(gap_c, Σ_{o ∈ S covering c} depth_o)
 *
 * which is monotone and submodular. Hard constraints filter options one by one (online only,
 * accreditation, hours per week, held credentials) or bound the set (total cost ≤ budget; the
 * options done one after another end by the finish-by date). Among the feasible sets we want the
 * best by: most points, then least cost, then earliest finish, then fewest options, then ids.
 *
 * - Up to {@link EXACT_LIMIT} candidates: exact, by depth-first search over every subset with
 *   pruning that cannot cut off a better set (cost and finish only grow as options are added;
 *   a branch whose points plus every remaining option's standalone points is below the best is
 *   dropped — valid because f is submodular).
 * - More: the cost-effectiveness greedy, compared with the best single option (Khuller, Moss &
 *   Naor 1999: with one knapsack constraint this is within ½(1 − 1/e) ≈ 31.6 % of the optimum),
 *   then redundant picks removed. Every greedy answer also carries an a-posteriori bound: the
 *   optimum is at most f(S) plus a fractional knapsack over the remaining options' marginal points,
 *   so we can say "at least N % of the best possible" for this very input.
 *
 * Docs: docs/recommendations.md.
 */
import type { Program, Role } from '../catalog/career-schema.js';
import { fromDay, toDay } from './dates.js';
import { formatDepth, gapTargets, type GapReport } from './gaps.js';

export const EXACT_LIMIT = 18;
/** Study pace assumed for hour-based programs when the person gives no hours per week. */
export const DEFAULT_HOURS_PER_WEEK = 10;
const DAYS_PER_MONTH = 30.44;
const WEEKS_PER_MONTH = 4.345;

/** Typical weekly study load of a program of each format that states its length in months (judgement). */
export const formatWeeklyHours: Readonly<Record<Program['format'], number>> = {
  workshop: 8,
  professional_certificate: 6,
  graduate_certificate: 10,
  university_diploma: 12,
  online_microcredential: 4,
  mha: 15,
  mba_healthcare: 15,
  mph: 15,
  msn_leadership: 15,
  doctorate: 15,
  executive_education: 8,
  fellowship_residency: 40,
  practicum: 20,
};

/** Accreditations that satisfy "accredited programs only". */
export const recognisedAccreditors = ['CAHME', 'CEPH', 'CCNE', 'AACSB', 'institutional'] as const;

export interface RecommendConstraints {
  /** Total US dollars for everything picked. */
  budget?: number;
  /** Study hours per week (options are done one after another). */
  hoursPerWeek?: number;
  onlineOnly?: boolean;
  /** Programs only: program or institutional accreditation required. */
  accreditationRequired?: boolean;
  /** Every pick ends by this day (YYYY-MM-DD). */
  finishBy?: string;
  /** Which kinds of option to consider; default both. */
  include?: Array<'programs' | 'certifications'>;
}

/** A certification as an option, prepared by the caller from the catalog and the eligibility engine. */
export interface CertificationOption {
  id: string;
  name: string;
  issuer: string;
  /** Exam fee in US dollars (the highest listed), null when unknown. */
  costUsd: number | null;
  prepMonths: number;
  weeklyHours: number;
  competencies: readonly string[];
  /** The day the person may sit the exam (as-of when eligible now); null when time alone will not do. */
  earliestEligible: string | null;
  held: boolean;
  /** Certifications of one group are alternatives (the belts of Lean Six Sigma): at most one is picked. */
  group?: string;
}

export interface RecommendInput {
  asOf: string;
  role: Role;
  report: GapReport;
  programs: readonly Program[];
  certifications: readonly CertificationOption[];
  constraints: RecommendConstraints;
  /** Whether the person has clinical experience (for the medical-literacy offer). */
  clinicalBackground: boolean | 'unknown';
  /** Programs whose stated audience the person's record does not show (e.g. physicians only). */
  outsideAudience?: ReadonlySet<string>;
  /** Largest candidate count solved exactly (default {@link EXACT_LIMIT}); tests lower it to test the greedy. */
  exactLimit?: number;
}

export type ExclusionReason =
  | 'held'
  | 'example'
  | 'audience'
  | 'not_online'
  | 'not_accredited'
  | 'weekly_hours'
  | 'over_budget'
  | 'too_long'
  | 'not_eligible_in_time'
  | 'unknown_cost'
  | 'unknown_duration';

export interface Closed {
  competency: string;
  label: string;
  levels: number;
  points: number;
}

export interface Pick {
  kind: 'program' | 'certification';
  id: string;
  name: string;
  provider: string;
  format: Program['format'] | null;
  modality: string | null;
  costUsd: number;
  months: number;
  weeklyHours: number | null;
  start: string;
  end: string;
  closes: Closed[];
  points: number;
  why: string[];
  alternatives: Array<{ id: string; kind: 'program' | 'certification'; name: string; reason: string }>;
}

export interface Recommendation {
  asOf: string;
  role: { id: string; title: string };
  constraints: RecommendConstraints;
  method: 'exact' | 'greedy' | 'none';
  guarantee: string;
  candidates: number;
  bound: { points: number; upperBound: number; atLeastPercent: number };
  picks: Pick[];
  totals: {
    costUsd: number;
    months: number;
    finish: string | null;
    points: number;
    gapPoints: number;
    coveredPercent: number;
  };
  uncovered: Array<{
    competency: string;
    label: string;
    gap: number;
    reason: 'no_option' | 'constraints' | 'capacity';
  }>;
  unrated: Array<{ competency: string; label: string }>;
  excluded: Partial<Record<ExclusionReason, number>>;
  worthALook: Array<{
    kind: 'program' | 'certification';
    id: string;
    name: string;
    missing: Array<'cost' | 'duration'>;
    points: number;
  }>;
  medicalLiteracy: null | {
    reason: string;
    options: Array<{
      id: string;
      name: string;
      competencies: string[];
      costUsd: number | null;
      fits: boolean;
    }>;
  };
  summary: string;
}

/* ------------------------------------------------------------------ options */

interface Option {
  kind: 'program' | 'certification';
  id: string;
  name: string;
  provider: string;
  format: Program['format'] | null;
  modality: string | null;
  cost: number | null;
  /** Days of study; null when unknown. */
  days: number | null;
  months: number | null;
  weeklyHours: number | null;
  /** Earliest day the option may end (a certification's exam date); as-of otherwise. */
  minEnd: number;
  depth: number;
  competencies: readonly string[];
  /** At most one option per group; undefined = no group. */
  group: string | undefined;
  excluded: ExclusionReason | null;
  detail: string;
}

function programOption(p: Program, c: RecommendConstraints, asOfDay: number, outside: boolean): Option {
  let months: number | null = null;
  let weeklyHours: number | null = null;
  let detail = '';
  if (p.duration !== 'unknown') {
    if (p.duration.months !== undefined) {
      months = p.duration.months;
      weeklyHours = formatWeeklyHours[p.format];
    } else {
      const hours = p.duration.hours!;
      if (hours <= 40 && (p.modality === 'in_person' || p.modality === 'blended')) {
        // An intensive: a few days away from work, not weekly study.
        months = Math.max(1, Math.ceil(hours / 8)) / DAYS_PER_MONTH;
        detail = `${hours} hours over about ${Math.max(1, Math.ceil(hours / 8))} days`;
      } else {
        const pace = c.hoursPerWeek && c.hoursPerWeek > 0 ? c.hoursPerWeek : DEFAULT_HOURS_PER_WEEK;
        months = hours / pace / WEEKS_PER_MONTH;
        weeklyHours = pace;
        detail = `${hours} hours at ${pace} hours a week`;
      }
    }
  }
  return {
    kind: 'program',
    id: p.id,
    name: p.name,
    provider: p.provider,
    format: p.format,
    modality: p.modality === 'unknown' ? null : p.modality,
    cost: p.cost === 'unknown' ? null : p.cost.usd,
    days: months === null ? null : Math.max(1, Math.round(months * DAYS_PER_MONTH)),
    months,
    weeklyHours,
    minEnd: asOfDay,
    depth: formatDepth[p.format],
    competencies: p.competencies,
    group: undefined,
    excluded: outside && !p.example ? 'audience' : programExclusion(p, c, weeklyHours),
    detail: p.audience
      ? detail
        ? `${detail}; for ${p.audience.description}`
        : `for ${p.audience.description}`
      : detail,
  };
}

function programExclusion(
  p: Program,
  c: RecommendConstraints,
  weeklyHours: number | null,
): ExclusionReason | null {
  if (p.example) return 'example';
  if (c.onlineOnly && p.modality !== 'online') return 'not_online';
  if (
    c.accreditationRequired &&
    !(
      Array.isArray(p.accreditation) &&
      p.accreditation.some((a) => (recognisedAccreditors as readonly string[]).includes(a))
    )
  ) {
    return 'not_accredited';
  }
  if (c.hoursPerWeek !== undefined && weeklyHours !== null && weeklyHours > c.hoursPerWeek)
    return 'weekly_hours';
  if (p.cost !== 'unknown' && c.budget !== undefined && p.cost.usd > c.budget) return 'over_budget';
  return null;
}

function certificationOption(o: CertificationOption, c: RecommendConstraints, asOfDay: number): Option {
  const days = Math.max(1, Math.round(o.prepMonths * DAYS_PER_MONTH));
  let excluded: ExclusionReason | null = null;
  if (o.held) excluded = 'held';
  else if (o.earliestEligible === null) excluded = 'not_eligible_in_time';
  else if (c.hoursPerWeek !== undefined && o.weeklyHours > c.hoursPerWeek) excluded = 'weekly_hours';
  else if (o.costUsd !== null && c.budget !== undefined && o.costUsd > c.budget) excluded = 'over_budget';
  return {
    kind: 'certification',
    id: o.id,
    name: o.name,
    provider: o.issuer,
    format: null,
    modality: null,
    cost: o.costUsd,
    days,
    months: o.prepMonths,
    weeklyHours: o.weeklyHours,
    minEnd: o.earliestEligible === null ? asOfDay : Math.max(asOfDay, toDay(o.earliestEligible)),
    depth: 1,
    competencies: o.competencies,
    group: o.group,
    excluded,
    detail: '',
  };
}

/* ------------------------------------------------------------------ the objective */

/** Gap competencies as dense indexes, and each option's covered indexes. */
interface Problem {
  gaps: Array<{ competency: string; label: string; gap: number; importance: number }>;
  /** For candidate i: the gap indexes it covers. */
  covers: number[][];
  options: Option[];
  asOfDay: number;
  finishDay: number | null;
  budget: number | null;
}

/** Points of a set given as per-gap levels supplied. */
function pointsOf(p: Problem, supplied: Float64Array): number {
  let total = 0;
  for (let g = 0; g < p.gaps.length; g++)
    total += Math.min(p.gaps[g]!.gap, supplied[g]!) * p.gaps[g]!.importance;
  return total;
}

/** Gain of adding option i given the levels already supplied. */
function gainOf(p: Problem, i: number, supplied: Float64Array): number {
  const depth = p.options[i]!.depth;
  let gain = 0;
  for (const g of p.covers[i]!) {
    const gap = p.gaps[g]!;
    const before = Math.min(gap.gap, supplied[g]!);
    const after = Math.min(gap.gap, supplied[g]! + depth);
    gain += (after - before) * gap.importance;
  }
  return gain;
}

interface Scheduled {
  index: number;
  start: number;
  end: number;
}

/**
 * One option after another, ordered by the latest day each could start and still end on its
 * earliest end (certifications waiting for eligibility go where the wait costs nothing), then by
 * length and id. Returns the finish day and each option's dates.
 */
function schedule(p: Problem, set: readonly number[]): { finish: number; items: Scheduled[] } {
  const order = [...set].sort((a, b) => {
    const oa = p.options[a]!;
    const ob = p.options[b]!;
    return oa.minEnd - oa.days! - (ob.minEnd - ob.days!) || oa.days! - ob.days! || (oa.id < ob.id ? -1 : 1);
  });
  let day = p.asOfDay;
  let finish = p.asOfDay;
  const items: Scheduled[] = [];
  for (const i of order) {
    const o = p.options[i]!;
    const start = day;
    const end = Math.max(start + o.days!, o.minEnd);
    // Study blocks the next option; waiting for an exam date does not.
    day = start + o.days!;
    if (end > finish) finish = end;
    items.push({ index: i, start, end });
  }
  return { finish, items };
}

interface Evaluated {
  set: number[];
  points: number;
  cost: number;
  finish: number;
}

/** Lexicographic: more points, less cost, earlier finish, fewer options, smaller ids. */
function better(p: Problem, a: Evaluated, b: Evaluated | null): boolean {
  if (!b) return true;
  if (Math.abs(a.points - b.points) > 1e-9) return a.points > b.points;
  if (Math.abs(a.cost - b.cost) > 1e-9) return a.cost < b.cost;
  if (a.finish !== b.finish) return a.finish < b.finish;
  if (a.set.length !== b.set.length) return a.set.length < b.set.length;
  const ia = a.set.map((i) => p.options[i]!.id).sort();
  const ib = b.set.map((i) => p.options[i]!.id).sort();
  for (let k = 0; k < ia.length; k++) if (ia[k] !== ib[k]) return ia[k]! < ib[k]!;
  return false;
}

/** Whether a set holds two options of one group. */
function groupClash(p: Problem, set: readonly number[]): boolean {
  const seen = new Set<string>();
  for (const i of set) {
    const g = p.options[i]!.group;
    if (g === undefined) continue;
    if (seen.has(g)) return true;
    seen.add(g);
  }
  return false;
}

function evaluate(p: Problem, set: number[]): Evaluated | null {
  if (groupClash(p, set)) return null;
  let cost = 0;
  const supplied = new Float64Array(p.gaps.length);
  for (const i of set) {
    cost += p.options[i]!.cost!;
    for (const g of p.covers[i]!) supplied[g]! += p.options[i]!.depth;
  }
  if (p.budget !== null && cost > p.budget + 1e-9) return null;
  const { finish } = schedule(p, set);
  if (p.finishDay !== null && finish > p.finishDay) return null;
  return { set: [...set].sort((a, b) => a - b), points: pointsOf(p, supplied), cost, finish };
}

/** Exact search over every subset of the candidates (see the file comment for the pruning). */
function exactSearch(p: Problem, candidates: number[]): Evaluated {
  const standalone = candidates.map((i) => gainOf(p, i, new Float64Array(p.gaps.length)));
  // suffix[k] = Σ standalone points of candidates k.. (an upper bound on what they can add)
  const suffix = new Float64Array(candidates.length + 1);
  for (let k = candidates.length - 1; k >= 0; k--) suffix[k] = suffix[k + 1]! + standalone[k]!;
  let best: Evaluated = evaluate(p, [])!;
  const set: number[] = [];
  const supplied = new Float64Array(p.gaps.length);
  const visit = (k: number, points: number, cost: number) => {
    if (points + suffix[k]! < best.points - 1e-9) return;
    if (k === candidates.length) {
      const e: Evaluated = {
        set: [...set].sort((a, b) => a - b),
        points,
        cost,
        finish: schedule(p, set).finish,
      };
      if (better(p, e, best)) best = e;
      return;
    }
    const i = candidates[k]!;
    const o = p.options[i]!;
    // With option i (if it fits the budget and the deadline).
    const newCost = cost + o.cost!;
    const clash = o.group !== undefined && set.some((j) => p.options[j]!.group === o.group);
    if (!clash && (p.budget === null || newCost <= p.budget + 1e-9)) {
      set.push(i);
      if (p.finishDay === null || schedule(p, set).finish <= p.finishDay) {
        const gain = gainOf(p, i, supplied);
        for (const g of p.covers[i]!) supplied[g]! += o.depth;
        visit(k + 1, points + gain, newCost);
        for (const g of p.covers[i]!) supplied[g]! -= o.depth;
      }
      set.pop();
    }
    visit(k + 1, points, cost);
  };
  visit(0, 0, 0);
  return best;
}

/** Normalised resource use of an option: cost against the budget, days against the time left. */
function resourceOf(p: Problem, o: Option, refCost: number, refDays: number): number {
  const cost = o.cost! / (p.budget !== null ? Math.max(p.budget, 1) : Math.max(refCost, 1));
  const time = o.days! / (p.finishDay !== null ? Math.max(p.finishDay - p.asOfDay, 1) : Math.max(refDays, 1));
  return cost + time;
}

function greedySearch(p: Problem, candidates: number[]): Evaluated {
  const refCost = Math.max(1, ...candidates.map((i) => p.options[i]!.cost!));
  const refDays = Math.max(1, ...candidates.map((i) => p.options[i]!.days!));
  const chosen: number[] = [];
  const supplied = new Float64Array(p.gaps.length);
  let cost = 0;
  const remaining = new Set(candidates);
  for (;;) {
    let bestIndex = -1;
    let bestRatio = -1;
    let bestGain = 0;
    for (const i of remaining) {
      const o = p.options[i]!;
      if (p.budget !== null && cost + o.cost! > p.budget + 1e-9) continue;
      if (o.group !== undefined && chosen.some((j) => p.options[j]!.group === o.group)) continue;
      const gain = gainOf(p, i, supplied);
      if (gain <= 1e-9) continue;
      const ratio = gain / (resourceOf(p, o, refCost, refDays) + 1e-6);
      const wins =
        ratio > bestRatio + 1e-12 ||
        (Math.abs(ratio - bestRatio) <= 1e-12 &&
          (gain > bestGain || (gain === bestGain && o.id < p.options[bestIndex]!.id)));
      if (!wins) continue;
      if (p.finishDay !== null && schedule(p, [...chosen, i]).finish > p.finishDay) continue;
      bestIndex = i;
      bestRatio = ratio;
      bestGain = gain;
    }
    if (bestIndex < 0) break;
    chosen.push(bestIndex);
    remaining.delete(bestIndex);
    cost += p.options[bestIndex]!.cost!;
    for (const g of p.covers[bestIndex]!) supplied[g]! += p.options[bestIndex]!.depth;
  }
  let best = evaluate(p, chosen)!;
  // Khuller, Moss & Naor: the better of the greedy set and the best single option.
  for (const i of candidates) {
    const single = evaluate(p, [i]);
    if (single && better(p, single, best)) best = single;
  }
  return prune(p, best);
}

/** Drops picks that add nothing (most expensive first), which only lowers cost and time. */
function prune(p: Problem, start: Evaluated): Evaluated {
  let current = start;
  for (;;) {
    const byCost = [...current.set].sort((a, b) => p.options[b]!.cost! - p.options[a]!.cost! || b - a);
    let improved = false;
    for (const i of byCost) {
      const without = evaluate(
        p,
        current.set.filter((j) => j !== i),
      );
      if (without && without.points >= current.points - 1e-9 && better(p, without, current)) {
        current = without;
        improved = true;
        break;
      }
    }
    if (!improved) return current;
  }
}

/**
 * An upper bound on the best feasible points: f(S) plus the best fractional knapsack over the
 * other candidates' marginal points, weighing each by its share of the budget and of the time
 * (halved when both bind, since a feasible set uses at most all of each). Capped by what all
 * candidates together could close.
 */
function upperBound(p: Problem, candidates: number[], result: Evaluated): number {
  const supplied = new Float64Array(p.gaps.length);
  for (const i of result.set) for (const g of p.covers[i]!) supplied[g]! += p.options[i]!.depth;
  const all = new Float64Array(p.gaps.length);
  for (const i of candidates) for (const g of p.covers[i]!) all[g]! += p.options[i]!.depth;
  const ceiling = pointsOf(p, all);
  if (p.budget === null && p.finishDay === null) return ceiling;
  const inSet = new Set(result.set);
  const items: Array<{ gain: number; weight: number }> = [];
  for (const i of candidates) {
    if (inSet.has(i)) continue;
    const gain = gainOf(p, i, supplied);
    if (gain <= 0) continue;
    const o = p.options[i]!;
    const parts: number[] = [];
    if (p.budget !== null) parts.push(o.cost! / Math.max(p.budget, 1e-9));
    if (p.finishDay !== null) parts.push(o.days! / Math.max(p.finishDay - p.asOfDay, 1));
    items.push({ gain, weight: parts.reduce((s, x) => s + x, 0) / parts.length });
  }
  items.sort((a, b) => b.gain / Math.max(b.weight, 1e-12) - a.gain / Math.max(a.weight, 1e-12));
  let capacity = 1;
  let extra = 0;
  for (const it of items) {
    if (it.weight <= capacity) {
      extra += it.gain;
      capacity -= it.weight;
    } else {
      extra += (it.gain * capacity) / it.weight;
      break;
    }
  }
  return Math.min(ceiling, result.points + extra);
}

/* ------------------------------------------------------------------ explanations */

/** $12,345 (no Intl: explanations stay cheap and identical everywhere). */
const usd = (n: number) => `$${String(Math.round(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ',')}`;
const monthsText = (days: number) => {
  const m = days / DAYS_PER_MONTH;
  if (m < 0.95) return `${Math.max(1, Math.round(days / 7))} week${Math.round(days / 7) === 1 ? '' : 's'}`;
  const r = Math.round(m * 10) / 10;
  return `${r} month${r === 1 ? '' : 's'}`;
};

function exclusionText(o: Option, c: RecommendConstraints, finishBy: string | undefined): string {
  switch (o.excluded) {
    case 'held':
      return 'you already hold it';
    case 'example':
      return 'an illustrative example, not a real offering';
    case 'audience':
      return `${o.detail.replace(/^.*; /, '')}; your record does not show that`;
    case 'not_online':
      return o.modality ? `not online (${o.modality.replace('_', ' ')})` : 'not known to be online';
    case 'not_accredited':
      return 'no program or institutional accreditation on record';
    case 'weekly_hours':
      return `needs about ${o.weeklyHours} hours a week; you have ${c.hoursPerWeek}`;
    case 'over_budget':
      return `over your budget (${usd(o.cost!)})`;
    case 'too_long':
      return `would not end by ${finishBy}`;
    case 'not_eligible_in_time':
      return 'you are not eligible yet, and time alone will not make you eligible';
    case 'unknown_cost':
      return 'price not published';
    case 'unknown_duration':
      return 'length not published';
    default:
      return '';
  }
}

/* ------------------------------------------------------------------ entry point */

export function recommend(input: RecommendInput): Recommendation {
  const { report, constraints: c } = input;
  const asOfDay = toDay(input.asOf);
  const finishDay = c.finishBy ? toDay(c.finishBy) : null;
  const include = new Set(c.include ?? ['programs', 'certifications']);
  const gaps = gapTargets(report);
  const gapIndex = new Map(gaps.map((g, i) => [g.competency, i]));

  const all: Option[] = [
    ...(include.has('programs')
      ? input.programs.map((p) => programOption(p, c, asOfDay, input.outsideAudience?.has(p.id) ?? false))
      : []),
    ...(include.has('certifications')
      ? input.certifications.map((o) => certificationOption(o, c, asOfDay))
      : []),
  ];
  // Unknown cost or length: never counted, but shown when they would close gaps.
  for (const o of all) {
    if (o.excluded) continue;
    if (o.cost === null) o.excluded = 'unknown_cost';
    else if (o.days === null) o.excluded = 'unknown_duration';
    else if (finishDay !== null && Math.max(asOfDay + o.days, o.minEnd) > finishDay) {
      o.excluded = o.kind === 'certification' && o.minEnd > finishDay ? 'not_eligible_in_time' : 'too_long';
    }
  }
  all.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : a.kind < b.kind ? -1 : 1));

  const covers = all.map((o) =>
    o.competencies.map((id) => gapIndex.get(id)).filter((g): g is number => g !== undefined),
  );
  const problem: Problem = {
    gaps,
    covers,
    options: all,
    asOfDay,
    finishDay,
    budget: c.budget ?? null,
  };
  const relevant = all.map((_, i) => i).filter((i) => covers[i]!.length > 0);
  const candidates = relevant.filter((i) => all[i]!.excluded === null);

  const excluded: Recommendation['excluded'] = {};
  for (const i of relevant) {
    const reason = all[i]!.excluded;
    if (reason && reason !== 'unknown_cost' && reason !== 'unknown_duration')
      excluded[reason] = (excluded[reason] ?? 0) + 1;
  }

  let method: Recommendation['method'] = 'none';
  let result: Evaluated = { set: [], points: 0, cost: 0, finish: asOfDay };
  if (candidates.length > 0) {
    if (candidates.length <= (input.exactLimit ?? EXACT_LIMIT)) {
      method = 'exact';
      result = exactSearch(problem, candidates);
    } else {
      method = 'greedy';
      result = greedySearch(problem, candidates);
    }
  }
  const ub =
    method === 'exact' ? result.points : method === 'greedy' ? upperBound(problem, candidates, result) : 0;
  const bound = {
    points: result.points,
    upperBound: Math.round(ub * 10) / 10,
    atLeastPercent: ub > 0 ? Math.min(100, Math.round((result.points / ub) * 1000) / 10) : 100,
  };

  const picks = explainPicks(problem, result, relevant, c);
  const supplied = new Float64Array(gaps.length);
  for (const i of result.set) for (const g of covers[i]!) supplied[g]! += all[i]!.depth;
  const uncovered: Recommendation['uncovered'] = [];
  gaps.forEach((g, gi) => {
    const left = g.gap - Math.min(g.gap, supplied[gi]!);
    if (left <= 0) return;
    const anyOption = relevant.some((i) => covers[i]!.includes(gi) && all[i]!.excluded !== 'example');
    const feasible = candidates.some((i) => covers[i]!.includes(gi));
    uncovered.push({
      competency: g.competency,
      label: g.label,
      gap: left,
      reason: !anyOption ? 'no_option' : feasible ? 'capacity' : 'constraints',
    });
  });

  const worthALook = relevant
    .filter((i) => all[i]!.excluded === 'unknown_cost' || all[i]!.excluded === 'unknown_duration')
    .map((i) => {
      const o = all[i]!;
      const missing: Array<'cost' | 'duration'> = [];
      if (o.cost === null) missing.push('cost');
      if (o.days === null) missing.push('duration');
      return { kind: o.kind, id: o.id, name: o.name, missing, points: gainOf(problem, i, supplied) };
    })
    .filter((w) => w.points > 0)
    .sort((a, b) => b.points - a.points || (a.id < b.id ? -1 : 1))
    .slice(0, 8);

  const gapPoints = report.totals.gapPoints;
  const totals = {
    costUsd: result.cost,
    months: Math.round(((result.finish - asOfDay) / DAYS_PER_MONTH) * 10) / 10,
    finish: result.set.length ? fromDay(result.finish) : null,
    points: result.points,
    gapPoints,
    coveredPercent: gapPoints ? Math.round((result.points / gapPoints) * 100) : 0,
  };

  return {
    asOf: input.asOf,
    role: { id: input.role.id, title: input.role.title },
    constraints: c,
    method,
    guarantee: guaranteeText(method, candidates.length, c, groupClash(problem, candidates)),
    candidates: candidates.length,
    bound,
    picks,
    totals,
    uncovered,
    unrated: report.items
      .filter((i) => i.status === 'unrated')
      .map((i) => ({ competency: i.competency, label: i.label })),
    excluded,
    worthALook,
    medicalLiteracy: medicalLiteracy(input, all),
    summary: summaryText(input, picks, totals, gaps.length),
  };
}

function guaranteeText(
  method: Recommendation['method'],
  n: number,
  c: RecommendConstraints,
  groups: boolean,
): string {
  if (method === 'none') return 'No option fits your constraints and closes one of your gaps.';
  if (method === 'exact') {
    return `Exact: the best of every combination of the ${n} options that fit your constraints.`;
  }
  // The a-priori factor holds for one knapsack constraint and no either-or groups.
  const oneLimit = (c.budget !== undefined) !== (c.finishBy !== undefined) && !groups;
  return oneLimit
    ? `Greedy over ${n} options: guaranteed at least 31.6 % of the best possible (½(1 − 1/e), Khuller, Moss & Naor 1999); the bound below is for this input.`
    : `Greedy over ${n} options; the bound below says how close to the best possible this input's answer is.`;
}

function explainPicks(p: Problem, result: Evaluated, relevant: number[], c: RecommendConstraints): Pick[] {
  const { items } = schedule(p, result.set);
  const supplied = new Float64Array(p.gaps.length);
  const picks: Pick[] = [];
  const inSet = new Set(result.set);
  for (const s of items) {
    const o = p.options[s.index]!;
    const closes: Closed[] = [];
    for (const g of p.covers[s.index]!) {
      const gap = p.gaps[g]!;
      const levels = Math.min(gap.gap, supplied[g]! + o.depth) - Math.min(gap.gap, supplied[g]!);
      supplied[g]! += o.depth;
      if (levels > 0)
        closes.push({
          competency: gap.competency,
          label: gap.label,
          levels,
          points: levels * gap.importance,
        });
    }
    const points = closes.reduce((sum, x) => sum + x.points, 0);
    const closesText = closes
      .map((x) => `${x.label} (${x.levels} level${x.levels === 1 ? '' : 's'})`)
      .join(', ');
    const why = [
      closes.length
        ? `Closes ${closes.reduce((n, x) => n + x.levels, 0)} level${closes.length === 1 && closes[0]!.levels === 1 ? '' : 's'} of your gap: ${closesText}.`
        : 'Adds depth to gaps other picks also work on.',
    ];
    if (o.kind === 'certification') {
      const eligible =
        o.minEnd > p.asOfDay ? ` You can sit the exam from ${fromDay(o.minEnd)}.` : ' You are eligible now.';
      why.push(
        `Preparing for the exam builds these competencies (our mapping of its content outline).${eligible}`,
      );
    }
    const [length, audience] = o.detail.startsWith('for ') ? ['', o.detail] : o.detail.split('; ');
    if (length) why.push(`Length: ${length}.`);
    if (audience) why.push(`Admits ${audience.slice(4)}; your record shows you do.`);
    // Alternatives: other options working on the same gaps, and why they lost.
    const mine = new Set(p.covers[s.index]!);
    // The gaps this pick is named for: a certification is a real alternative only when it works on
    // every one of them (FACHE is no alternative to a patient-safety course), and a certification
    // pick's rivals are certifications.
    const named = new Set(closes.map((x) => p.gaps.findIndex((g) => g.competency === x.competency)));
    const rivals = relevant
      .filter((i) => {
        const r = p.options[i]!;
        if (i === s.index || inSet.has(i) || r.excluded === 'example' || r.excluded === 'held') return false;
        if (r.kind === 'certification') {
          if (r.excluded === 'not_eligible_in_time') return false;
          if (!named.size || ![...named].every((g) => p.covers[i]!.includes(g))) return false;
        } else if (o.kind === 'certification') return false;
        return p.covers[i]!.some((g) => mine.has(g));
      })
      .map((i) => ({
        i,
        overlap: p.covers[i]!.filter((g) => mine.has(g)).reduce((n, g) => n + p.gaps[g]!.importance, 0),
      }))
      .sort((a, b) => b.overlap - a.overlap || (p.options[a.i]!.id < p.options[b.i]!.id ? -1 : 1))
      .slice(0, 2);
    const alternatives = rivals.map(({ i }) => {
      const r = p.options[i]!;
      let reason: string;
      if (r.excluded) reason = exclusionText(r, c, c.finishBy);
      else if (r.cost! > o.cost! + 1e-9) reason = `costs ${usd(r.cost! - o.cost!)} more (${usd(r.cost!)})`;
      else if (r.days! > o.days!)
        reason = `takes longer (${monthsText(r.days!)} against ${monthsText(o.days!)})`;
      else reason = 'closes less of your remaining gap alongside the other picks';
      return { id: r.id, kind: r.kind, name: r.name, reason };
    });
    if (alternatives.length)
      why.push(`Chosen over ${alternatives.map((a) => `${a.name} (${a.reason})`).join('; ')}.`);
    picks.push({
      kind: o.kind,
      id: o.id,
      name: o.name,
      provider: o.provider,
      format: o.format,
      modality: o.modality,
      costUsd: o.cost!,
      months: Math.round((o.days! / DAYS_PER_MONTH) * 10) / 10,
      weeklyHours: o.weeklyHours,
      start: fromDay(s.start),
      end: fromDay(s.end),
      closes,
      points,
      why,
      alternatives,
    });
  }
  return picks;
}

const clinicalFamilies = new Set([
  'hospital_operations',
  'nursing_leadership',
  'quality',
  'practice_management',
]);

/** Non-clinical people heading into clinical operations are offered the medical-literacy modules. */
function medicalLiteracy(input: RecommendInput, all: Option[]): Recommendation['medicalLiteracy'] {
  if (input.clinicalBackground === true) return null;
  const literacy = input.report.items.filter((i) => i.topics.includes('medical_literacy') && i.target >= 3);
  if (literacy.length === 0 || !clinicalFamilies.has(input.role.family)) return null;
  const wanted = new Set(literacy.map((i) => i.competency));
  const options = all
    .filter((o) => o.kind === 'program' && o.excluded !== 'example')
    .map((o) => ({ o, hits: o.competencies.filter((id) => wanted.has(id)) }))
    .filter((x) => x.hits.length > 0)
    .sort(
      (a, b) =>
        Number(a.o.excluded !== null && a.o.excluded !== 'unknown_cost') -
          Number(b.o.excluded !== null && b.o.excluded !== 'unknown_cost') ||
        b.hits.length - a.hits.length ||
        (a.o.cost ?? Infinity) - (b.o.cost ?? Infinity) ||
        (a.o.id < b.o.id ? -1 : 1),
    )
    .slice(0, 5)
    .map(({ o, hits }) => ({
      id: o.id,
      name: o.name,
      competencies: hits,
      costUsd: o.cost,
      fits: o.excluded === null || o.excluded === 'unknown_cost' || o.excluded === 'unknown_duration',
    }));
  const labels = literacy.slice(0, 4).map((i) => i.label.toLowerCase());
  return {
    reason:
      input.clinicalBackground === 'unknown'
        ? `${input.role.title} works closely with clinical operations (${labels.join(', ')}). If you have not worked in clinical care (your answers do not say), these courses teach the clinical side a manager needs.`
        : `Your record shows no clinical work (no clinical job and no clinical licence), and ${input.role.title} works closely with clinical operations (${labels.join(', ')}). These courses teach the clinical side a manager needs.`,
    options,
  };
}

function summaryText(
  input: RecommendInput,
  picks: Pick[],
  totals: Recommendation['totals'],
  gapCount: number,
): string {
  if (gapCount === 0) {
    return input.report.totals.rated === 0
      ? `Rate yourself against ${input.role.title} first: there are no known gaps to close yet.`
      : `You meet every rated target for ${input.role.title}; nothing to close.`;
  }
  if (picks.length === 0)
    return `Nothing in the catalog fits your constraints and closes one of your ${gapCount} gaps.`;
  return `${picks.length} pick${picks.length === 1 ? '' : 's'} closing ${totals.coveredPercent} % of your weighted gap for ${input.role.title}, ${usd(totals.costUsd)} in total, done by ${totals.finish}.`;
}
