/**
 * Renewal statuses in words and colours, used the same way everywhere: green on track (or CE
 * complete), yellow at risk, orange due, red lapsed, grey when unknown or not tracked. The
 * eligibility groups' colours are the quick check's (`statusInfo`).
 */
import type { RenewalStatus } from '../../api/recordTypes';

export const renewalStatusInfo: Record<RenewalStatus, { label: string; color: string; order: number }> = {
  lapsed: { label: 'Lapsed', color: 'red', order: 0 },
  due: { label: 'Due', color: 'orange', order: 1 },
  at_risk: { label: 'At risk', color: 'yellow', order: 2 },
  credits_not_entered: { label: 'Credits not entered', color: 'blue', order: 2 },
  on_track: { label: 'On track', color: 'green', order: 3 },
  complete: { label: 'CE complete', color: 'teal', order: 4 },
  unknown: { label: 'Unknown', color: 'gray', order: 5 },
  not_required: { label: 'No renewal needed', color: 'gray', order: 6 },
  untracked: { label: 'Not tracked', color: 'gray', order: 7 },
};

/** "in 399 days", "today", "12 days ago". */
export function daysLeftText(days: number): string {
  if (days === 0) return 'ends today';
  if (days > 0) return `${days.toLocaleString('en-US')} ${days === 1 ? 'day' : 'days'} left`;
  const ago = -days;
  return `ended ${ago.toLocaleString('en-US')} ${ago === 1 ? 'day' : 'days'} ago`;
}

/** Days from `from` to `to` (both YYYY-MM-DD). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** "today", "tomorrow", "in 34 days", "in 14 months". */
export function whenText(asOf: string, date: string): string {
  const d = daysBetween(asOf, date);
  if (d === 0) return 'today';
  if (d === 1) return 'tomorrow';
  if (d < 0) return `${-d} days ago`;
  if (d < 60) return `in ${d} days`;
  const months = Math.round(d / 30.44);
  return months < 24 ? `in ${months} months` : `in ${Math.round(d / 365.25)} years`;
}

/** An amount of credits as people write it: 27, 1.5. */
export function creditsText(n: number): string {
  return n.toLocaleString('en-US', { maximumFractionDigits: 1 });
}

/** "ACHE credit" -> "ACHE credits"; "PMI professional development unit (PDU)" -> "... units (PDUs)". */
export function unitPlural(label: string, n: number): string {
  if (n === 1) return label;
  const m = /^(.*?)\s*\(([^()]+)\)$/.exec(label);
  if (m) return `${m[1]}s (${m[2]}s)`;
  return `${label}s`;
}
