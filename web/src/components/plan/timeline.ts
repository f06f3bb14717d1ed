/**
 * Timeline scaling for the plan's Gantt chart (pure): the axis from the start of the year of the
 * plan's first day to the start of the year after its last, each step as a bar, a milestone (role
 * moves) or a marker (renewals), positions in percent of the axis.
 */
import type { PlanStep } from '../../../../src/core/plan';

const DAY_MS = 86_400_000;

/** Days since 1970-01-01 of a YYYY-MM-DD day (UTC); NaN when not a day. */
export function dayNumber(iso: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match) return Number.NaN;
  return Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) / DAY_MS;
}

export interface TimeScale {
  /** The axis' first and last day (1 January of a year). */
  start: string;
  end: string;
  /** A day's position on the axis, 0–100 (clamped). */
  x(iso: string): number;
  /** Year lines: 1 January of each year on the axis (every second year on long axes). */
  ticks: Array<{ year: number; x: number }>;
  /** Where today is, 0–100. */
  today: number;
}

/** The axis for a plan: from the earliest of today and the steps' starts (the current job excepted). */
export function timeScale(
  steps: ReadonlyArray<Pick<PlanStep, 'kind' | 'start' | 'end'>>,
  today: string,
): TimeScale {
  const days = steps
    .filter((s) => s.kind !== 'start')
    .flatMap((s) => [dayNumber(s.start), dayNumber(s.end)])
    .filter((d) => Number.isFinite(d));
  const todayDay = dayNumber(today);
  const first = Math.min(todayDay, ...days);
  const last = Math.max(todayDay, ...days);
  const firstYear = new Date(first * DAY_MS).getUTCFullYear();
  const lastYear = new Date(last * DAY_MS).getUTCFullYear() + 1;
  const min = Date.UTC(firstYear, 0, 1) / DAY_MS;
  const max = Date.UTC(lastYear, 0, 1) / DAY_MS;
  const x = (iso: string) => {
    const d = dayNumber(iso);
    if (!Number.isFinite(d)) return 0;
    return Math.min(100, Math.max(0, ((d - min) / (max - min)) * 100));
  };
  const every = lastYear - firstYear > 10 ? 2 : 1;
  const ticks: TimeScale['ticks'] = [];
  for (let year = firstYear; year <= lastYear; year += every) {
    ticks.push({ year, x: ((Date.UTC(year, 0, 1) / DAY_MS - min) / (max - min)) * 100 });
  }
  return { start: `${firstYear}-01-01`, end: `${lastYear}-01-01`, x, ticks, today: x(today) };
}

export type StepShape = 'bar' | 'milestone' | 'marker';

/** How a step is drawn: role moves are milestones (diamonds), renewals markers, the rest bars. */
export function stepShape(kind: PlanStep['kind']): StepShape {
  if (kind === 'role') return 'milestone';
  if (kind === 'renewal') return 'marker';
  return 'bar';
}

/** Smallest bar, in percent, so a four-day course stays visible. */
export const MIN_BAR = 0.8;

/** A step's place on the axis: `left` and `width` in percent; `clipped` when it began before the axis. */
export function stepBox(
  step: Pick<PlanStep, 'kind' | 'start' | 'end'>,
  scale: TimeScale,
): { left: number; width: number; clipped: boolean } {
  const left = scale.x(step.start);
  const clipped = dayNumber(step.start) < dayNumber(scale.start);
  if (stepShape(step.kind) !== 'bar') return { left, width: 0, clipped };
  const right = scale.x(step.end);
  const width = Math.max(MIN_BAR, right - left);
  return { left: Math.min(left, 100 - width), width, clipped };
}
