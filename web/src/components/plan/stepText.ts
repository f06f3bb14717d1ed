/** How a plan step reads (pure): kind names, dates and cost in words. */
import type { PlanLabel, PlanStep, StepKind } from '../../../../src/core/plan';
import { formatDate, formatUsd } from '../../lib/format';

export const kindLabels: Record<StepKind, string> = {
  start: 'Current role',
  degree: 'Degree',
  program: 'Program',
  certification: 'Certification',
  role: 'Role move',
  renewal: 'Renewal',
};

/** "28 Nov 2026" for a day, "28 Nov 2026 – 28 Feb 2027" for a span. */
export function stepDates(step: Pick<PlanStep, 'start' | 'end'>): string {
  return step.start === step.end
    ? formatDate(step.start)
    : `${formatDate(step.start)} – ${formatDate(step.end)}`;
}

/** "$440", "cost not published", or "" for steps that cost nothing by nature (moves, now). */
export function stepCost(step: Pick<PlanStep, 'kind' | 'costUsd'>): string {
  if (step.costUsd !== null)
    return step.costUsd === 0 && step.kind !== 'program' ? '' : formatUsd(step.costUsd);
  return step.kind === 'role' || step.kind === 'start' || step.kind === 'renewal' ? '' : 'cost not published';
}

/** "$78,584 + 2 unpublished prices" */
export function totalCost(totals: { costUsd: number; unknownCosts: number }): string {
  const unknown = totals.unknownCosts;
  return `${formatUsd(totals.costUsd)}${unknown ? ` + ${unknown} unpublished price${unknown === 1 ? '' : 's'}` : ''}`;
}

export const planLabelWords: Record<PlanLabel, string> = {
  fastest: 'Fastest',
  cheapest: 'Cheapest',
  no_new_degree: 'No new degree',
  another_path: 'Another path',
};

/** The tab label of a plan: "Fastest: Director of Quality on 28 Nov 2029 — $78,584". */
export function planLabel(
  target: string,
  plan: { label: PlanLabel; reached: string; totals: { costUsd: number; unknownCosts: number } },
): string {
  return `${planLabelWords[plan.label]}: ${target} on ${formatDate(plan.reached)} — ${totalCost(plan.totals)}`;
}

/** "3 months", "2 years 3 months", "less than a month": from as-of to the day a role is reached. */
export function durationText(asOf: string, reached: string): string {
  const [y0, m0, d0] = asOf.split('-').map(Number) as [number, number, number];
  const [y1, m1, d1] = reached.split('-').map(Number) as [number, number, number];
  const months = Math.max(0, (y1 - y0) * 12 + (m1 - m0) - (d1 < d0 ? 1 : 0));
  const y = Math.floor(months / 12);
  const m = months % 12;
  const part = (n: number, w: string) => `${n} ${w}${n === 1 ? '' : 's'}`;
  if (!y && !m) return 'less than a month';
  return [y ? part(y, 'year') : '', m ? part(m, 'month') : ''].filter(Boolean).join(' ');
}
