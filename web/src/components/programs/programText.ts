/**
 * How program facts read on screen. Unknown is always the word "Unknown" (never blank, never 0);
 * a value that is our own reading says so.
 */
import type { Program, ProgramFeature } from '../../api/programs';
import { formatDate, formatUsd } from '../../lib/format';

export const formatLabels: Record<Program['format'], string> = {
  workshop: 'Workshop',
  professional_certificate: 'Professional certificate',
  graduate_certificate: 'Graduate certificate',
  university_diploma: 'University diploma',
  online_microcredential: 'Online course',
  mha: 'MHA',
  mba_healthcare: 'MBA (health care)',
  mph: 'MPH',
  msn_leadership: 'MSN (leadership)',
  doctorate: 'Doctorate',
  executive_education: 'Executive education',
  fellowship_residency: 'Fellowship / residency',
  practicum: 'Practicum / internship',
};

export const modalityLabels: Record<string, string> = {
  online: 'Online',
  blended: 'Blended',
  in_person: 'In person',
  unknown: 'Unknown',
};

export const accreditationLabels: Record<string, string> = {
  CAHME: 'CAHME',
  CEPH: 'CEPH',
  CCNE: 'CCNE',
  AACSB: 'AACSB',
  institutional: 'Institutional',
  none: 'None',
  unknown: 'Unknown',
};

export const accreditationHelp: Record<string, string> = {
  CAHME: 'CAHME: healthcare management programs',
  CEPH: 'CEPH: public health programs',
  CCNE: 'CCNE: nursing programs',
  AACSB: 'AACSB: business schools',
  institutional: 'Institutional: the university is accredited',
  none: 'None stated',
  unknown: 'Unknown',
};

export const featureLabels: Record<ProgramFeature, string> = {
  capstone: 'Capstone',
  practicum: 'Practicum',
  mentorship: 'Mentorship',
  cohort: 'Cohort',
};
export const featureIds = ['capstone', 'practicum', 'mentorship', 'cohort'] as const;

export const UNKNOWN = 'Unknown';

type UnstatedField = NonNullable<Program['notPublished']>['fields'][number];

/**
 * "Not published by the provider (checked 27 Nov 2026)" when the provider's pages were read and do
 * not state the fact; plain "Unknown" when nobody has checked.
 */
export function unstatedText(p: Program, field: UnstatedField): string {
  const np = p.notPublished;
  return np?.fields.includes(field)
    ? `Not published by the provider (checked ${formatDate(np.checked)})`
    : UNKNOWN;
}

/** Whether a fact's text says it is not known (shown in italics, never as a value). */
export function isUnstated(text: string): boolean {
  return text === UNKNOWN || text.startsWith('Not published by the provider');
}

export function modalityText(p: Program): string {
  return modalityLabels[p.modality] ?? p.modality;
}

export function accreditationText(p: Program): string {
  if (p.accreditation === 'unknown') return unstatedText(p, 'accreditation');
  return p.accreditation.map((a) => accreditationLabels[a] ?? a).join(', ');
}

/** "$13,995", "Not published by the provider (checked …)", or "Unknown". */
export function costText(p: Program): string {
  return p.cost === 'unknown' ? unstatedText(p, 'cost') : formatUsd(p.cost.usd);
}

/** "as of 2025-05 · tuition only", or null when the cost is unknown. */
export function costDetail(p: Program): string | null {
  if (p.cost === 'unknown') return null;
  return `as of ${p.cost.asOf} · ${p.cost.covers}${p.cost.judgement ? ' (our estimate)' : ''}`;
}

function plural(n: number, one: string): string {
  const shown = Number.isInteger(n) ? String(n) : n.toLocaleString('en-US', { maximumFractionDigits: 1 });
  return `${shown} ${n === 1 ? one : `${one}s`}`;
}

/** "24 months", "35 hours", or "Unknown". */
export function durationText(p: Program): string {
  if (p.duration === 'unknown') return unstatedText(p, 'duration');
  if (p.duration.months !== undefined) return plural(p.duration.months, 'month');
  return plural(p.duration.hours ?? 0, 'hour');
}

export function durationDetail(p: Program): string | null {
  if (p.duration === 'unknown') return null;
  const parts = [
    p.duration.detail,
    p.duration.judgement ? 'our reading of the provider’s description' : undefined,
  ];
  const text = parts.filter(Boolean).join(' · ');
  return text || null;
}

/** CE in a few words: "Yes: 12 ACHE credits", "None", "Unknown". */
export function ceText(p: Program, unitLabel: (id: string) => string = (id) => id): string {
  if (p.ce === 'unknown') return unstatedText(p, 'ce');
  if (p.ce === 'none') return 'None';
  return p.ce
    .map((c) =>
      c.amount === 'unknown' ? `${unitLabel(c.unit)} (amount unknown)` : `${c.amount} ${unitLabel(c.unit)}`,
    )
    .join('; ');
}

/** Certification ids that accept the program's CE. */
export function ceAcceptedFor(p: Program): string[] {
  return Array.isArray(p.ce) ? [...new Set(p.ce.flatMap((c) => c.acceptedFor))] : [];
}

/** "Yes", "No", or why it is not known; give the program and feature to tell "not published" apart. */
export function featureText(v: boolean | 'unknown', p?: Program, feature?: ProgramFeature): string {
  if (v !== 'unknown') return v ? 'Yes' : 'No';
  return p && feature ? unstatedText(p, feature) : UNKNOWN;
}

/** The features stated as included, e.g. ["Capstone", "Cohort"]. */
export function includedFeatures(p: Program): string[] {
  return featureIds.filter((f) => p[f] === true).map((f) => featureLabels[f]);
}

/** Length in months for comparing (hours at 160 a month, as the API sorts), or undefined. */
export function monthsOf(p: Program): number | undefined {
  if (p.duration === 'unknown') return undefined;
  return p.duration.months ?? (p.duration.hours ?? 0) / 160;
}

export function costOf(p: Program): number | undefined {
  return p.cost === 'unknown' ? undefined : p.cost.usd;
}

/** The compare page's address for these program ids (and role). */
export function comparePath(ids: readonly string[], role?: string | null): string {
  const params = [`ids=${ids.map(encodeURIComponent).join(',')}`];
  if (role) params.push(`role=${encodeURIComponent(role)}`);
  return `/programs/compare?${params.join('&')}`;
}

export const MAX_COMPARE = 4;

/** A provider's short name: "Thomas Jefferson University - Jefferson College ..." → "Thomas Jefferson University". */
export function shortProvider(provider: string): string {
  return (provider.split(/ - | – | \(|, /)[0] ?? provider).trim();
}

/**
 * Names for the compare bar's chips that tell the picks apart even when truncated: the provider's
 * short name first, then the program's name; programs of one provider drop the words their names
 * share ("… Quality" and "… Safety" rather than two "Graduate Certificate in Healt...").
 *
 * @example
 * chipNames([{ id: 'a', name: 'Graduate Certificate in Quality', provider: 'GWU - School of Medicine' }]);
 * // { a: 'GWU · Graduate Certificate in Quality' }
 */
export function chipNames(
  programs: ReadonlyArray<{ id: string; name: string; provider: string }>,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const p of programs) {
    const short = shortProvider(p.provider);
    const siblings = programs.filter((q) => q.id !== p.id && shortProvider(q.provider) === short);
    let name = p.name;
    if (siblings.length) {
      const words = p.name.split(' ');
      let shared = 0;
      while (shared < words.length - 1 && siblings.every((s) => s.name.split(' ')[shared] === words[shared]))
        shared++;
      if (shared > 0) name = `… ${words.slice(shared).join(' ')}`;
    }
    out[p.id] = `${short} · ${name}`;
  }
  return out;
}
