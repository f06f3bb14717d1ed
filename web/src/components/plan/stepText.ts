/** How a plan step reads (pure): kind names, dates and cost in words. */
import type { PlanLabel, PlanStep, StepKind } from '../../../../src/core/plan';
import { formatDate, formatUsd } from '../../lib/format';

/** Shared with the CLI's terminal timeline. */
export { durationText } from '../../../../src/core/dates';

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
