/**
 * Experience arithmetic: months (or hours) of work of given kinds, with overlapping jobs never
 * counted twice, part-time pro-rated by FTE, current jobs counting up to the as-of date and
 * optional look-back windows.
 */
import type { KindExpression } from '../catalog/schema.js';
import { endDay, monthCoord, startDay } from './dates.js';
import type { Position } from './profile.js';

/** One full-time year of work, in hours (the profile format's convention). */
export const HOURS_PER_FTE_YEAR = 2080;
export const HOURS_PER_FTE_MONTH = HOURS_PER_FTE_YEAR / 12;

/** A job as a half-open day interval [from, to) with its FTE and experience kinds. */
export interface WorkInterval {
  from: number;
  /** Exclusive. */
  to: number;
  fte: number;
  kinds: ReadonlySet<string>;
  /** Still held on the as-of date (no end, or an end on or after it). */
  current: boolean;
}

/** A job's days, independent of any as-of date: first day, last day (Infinity = no end), FTE, kinds. */
export interface JobSpan {
  from: number;
  lastDay: number;
  fte: number;
  kinds: ReadonlySet<string>;
}

/** Converts positions to day spans once, so that several as-of dates can reuse them. */
export function jobSpans(positions: readonly Position[]): JobSpan[] {
  return positions.map((p) => ({
    from: startDay(p.start),
    lastDay: p.end ? endDay(p.end) : Infinity,
    fte: p.fte,
    kinds: new Set(p.kinds),
  }));
}

/** The spans as intervals that end no later than the as-of day (inclusive). */
export function intervalsAt(spans: readonly JobSpan[], asOfDay: number): WorkInterval[] {
  const out: WorkInterval[] = [];
  for (const s of spans) {
    if (s.from > asOfDay) continue;
    const to = Math.min(s.lastDay, asOfDay) + 1;
    out.push({ from: s.from, to, fte: s.fte, kinds: s.kinds, current: s.lastDay >= asOfDay });
  }
  return out;
}

/** Turns positions into intervals that end no later than the as-of day (inclusive). */
export function workIntervals(positions: readonly Position[], asOfDay: number): WorkInterval[] {
  return intervalsAt(jobSpans(positions), asOfDay);
}

/** Whether a job of these kinds counts for the expression. */
export function kindsMatch(kinds: ReadonlySet<string>, expr: KindExpression): boolean {
  if (typeof expr === 'string') return kinds.has(expr);
  if ('allOf' in expr) return expr.allOf.every((k) => kinds.has(k));
  return expr.anyOf.some((k) => kinds.has(k));
}

/** Human text of an expression, e.g. "health_it + healthcare". */
export function kindsList(expr: KindExpression): string[] {
  if (typeof expr === 'string') return [expr];
  return 'allOf' in expr ? expr.allOf : expr.anyOf;
}

/**
 * FTE-months of experience in [fromDay, toDay): at each moment the FTEs of matching jobs add up,
 * capped at 1 so that overlapping jobs never count twice.
 *
 * @example
 * // Full time from 2020-07-01 through 2022-06-30:
 * fteMonths(workIntervals([{ start: '2020-07', end: '2022-06', fte: 1, kinds: ['quality'], title: 'x' }], toDay('2026-01-01')), 'quality') // 24
 */
export function fteMonths(
  intervals: readonly WorkInterval[],
  expr: KindExpression,
  fromDay = -Infinity,
  toDayExcl = Infinity,
): number {
  // Fast path: at most one matching job needs no sweep.
  let single: WorkInterval | undefined;
  let count = 0;
  for (const iv of intervals) {
    if (kindsMatch(iv.kinds, expr)) {
      single = iv;
      count++;
    }
  }
  if (count === 0) return 0;
  if (count === 1) {
    const a = Math.max(single!.from, fromDay);
    const b = Math.min(single!.to, toDayExcl);
    return b > a ? (monthCoord(b) - monthCoord(a)) * Math.min(1, single!.fte) : 0;
  }
  const events: [number, number][] = [];
  for (const iv of intervals) {
    if (!kindsMatch(iv.kinds, expr)) continue;
    const a = Math.max(iv.from, fromDay);
    const b = Math.min(iv.to, toDayExcl);
    if (b <= a) continue;
    events.push([a, iv.fte], [b, -iv.fte]);
  }
  events.sort((x, y) => x[0] - y[0]);
  let total = 0;
  let level = 0;
  let prev = 0;
  for (const [day, delta] of events) {
    if (level > 1e-9 && day > prev) total += (monthCoord(day) - monthCoord(prev)) * Math.min(1, level);
    level += delta;
    prev = day;
  }
  return total;
}

/** FTE-months accrued per calendar month from the as-of date on, if current jobs continue. */
export function accrualRate(intervals: readonly WorkInterval[], expr: KindExpression): number {
  let rate = 0;
  for (const iv of intervals) if (iv.current && kindsMatch(iv.kinds, expr)) rate += iv.fte;
  return Math.min(1, rate);
}
