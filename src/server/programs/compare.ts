/**
 * What the compare view can say about how a program is recognised. We hold no survey of
 * employers, so that part is always `unknown`; the signals we do hold are the accreditation, the
 * certifications that accept the program's CE, and the organization hosting a fellowship,
 * residency or practicum.
 */
import type { Program } from '../../catalog/career-schema.js';
import type { GapReport } from '../../core/gaps.js';
import { ceAcceptedFor } from './search.js';

export interface RecognitionSignals {
  accreditation: string[] | 'unknown';
  ceAcceptedFor: string[] | 'none' | 'unknown';
  host: string | null;
  employerSurvey: 'unknown';
  note: string;
}

const hosted: ReadonlySet<Program['format']> = new Set(['fellowship_residency', 'practicum']);

export function recognitionOf(p: Program): RecognitionSignals {
  const accreditation = Array.isArray(p.accreditation)
    ? p.accreditation.filter((a) => a !== 'none')
    : 'unknown';
  const ce = p.ce === 'unknown' || p.ce === 'none' ? p.ce : ceAcceptedFor(p);
  return {
    accreditation,
    ceAcceptedFor: ce,
    host: hosted.has(p.format) ? p.provider : null,
    employerSurvey: 'unknown',
    note: 'How employers rate this program is unknown: we hold no employer survey data. Accreditation, CE accepted by certifying bodies and the host organization are the signals on record.',
  };
}

/** The gap a comparison measures programs against: the competencies below target, largest first. */
export function gapSummary(report: GapReport) {
  return {
    role: { id: report.role.id, title: report.role.title },
    gapPoints: report.totals.gapPoints,
    withGap: report.totals.withGap,
    unrated: report.totals.unrated,
    competencies: report.items
      .filter((i) => i.status === 'gap')
      .map((i) => ({ competency: i.competency, label: i.label, gap: i.gap!, importance: i.importance })),
  };
}
