import { createContext, useContext } from 'react';
import type { Certification, Issuer, Source, Vocabulary } from '../../api/types';
import type { SectionName } from '../../lib/citations';

export interface CertificationView {
  cert: Certification;
  issuer: Issuer;
  vocabulary: Vocabulary | undefined;
  /** Other certifications, to spell out acronyms that conditions mention. */
  certifications: ReadonlyArray<{ id: string; acronym: string; name: string }>;
  /** Source id -> its number (1-based) and entry, in the order of the Sources section. */
  sources: Map<string, { number: number; source: Source }>;
  citations: Map<string, SectionName[]>;
}

export const CertificationViewContext = createContext<CertificationView | null>(null);

export function useCertificationView(): CertificationView {
  const view = useContext(CertificationViewContext);
  if (!view) throw new Error('useCertificationView outside a certification page');
  return view;
}

/** Ids used as anchors for the page's sections. */
export const sectionIds: Record<SectionName | 'Who it is for' | 'Sources', string> = {
  'Who it is for': 'who-it-is-for',
  Eligibility: 'eligibility',
  Exam: 'exam',
  Renewal: 'renewal',
  'Rule history': 'rule-history',
  Sources: 'sources',
};
