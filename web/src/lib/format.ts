/** Formatting shared by the pages: dates, renewal cycles, labels of catalog enums. */
import { formatMonths } from '../../../src/core/describe';
import type { Confidence, Source } from '../api/types';

const dateFormat = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  timeZone: 'UTC',
});

/** "2026-11-27" -> "27 Nov 2026"; anything else is returned as written. */
export function formatDate(iso: string | undefined): string {
  if (!iso) return 'date not stated';
  if (!/^\d{4}-\d{2}-\d{2}$/.test(iso)) return iso;
  const d = new Date(`${iso}T00:00:00Z`);
  return Number.isNaN(d.getTime()) ? iso : dateFormat.format(d);
}

export function formatUsd(usd: number): string {
  return usd.toLocaleString('en-US', {
    style: 'currency',
    currency: 'USD',
    maximumFractionDigits: usd % 1 ? 2 : 0,
  });
}

/** The renewal cycle in a few words, e.g. "Every 24 months (2 years)". */
export function renewalText(renewal: { cycleMonths?: number | null; lifetime?: boolean | null }): string {
  if (renewal.lifetime) return 'Lifetime — no renewal';
  if (renewal.cycleMonths) return `Every ${formatMonths(renewal.cycleMonths)}`;
  return 'Renewal cycle not stated';
}

export const confidenceInfo: Record<Confidence, { label: string; color: string; explanation: string }> = {
  high: {
    label: 'High confidence',
    color: 'green',
    explanation: "Read on the issuing body's own current pages, and the sources agree.",
  },
  medium: {
    label: 'Medium confidence',
    color: 'yellow',
    explanation:
      'From a chapter page, an older or copied issuer document or a secondary source, or the sources disagree. Likely right; check with the issuer.',
  },
  low: {
    label: 'Unverified',
    color: 'red',
    explanation: 'We could not confirm this with a reliable source. Treat it as a lead, not a fact.',
  },
};

export const sourceKindLabels: Record<Source['kind'], string> = {
  issuer: "Issuer's own page",
  issuer_chapter: "Issuer's chapter",
  issuer_mirror: 'Copy of an issuer document',
  secondary: 'Secondary source',
};

/** "1 certification", "25 certifications". */
export function countText(n: number, noun: string): string {
  return `${n.toLocaleString('en-US')} ${n === 1 ? noun : `${noun}s`}`;
}
