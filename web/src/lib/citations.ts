/** Which sections of a certification page cite each source. */
import type { Certification, Condition, Conflict } from '../api/types';

export type SectionName = 'Eligibility' | 'Exam' | 'Renewal' | 'Rule history';

interface Cited {
  sources?: string[];
  conflicts?: Conflict[];
}

function idsOf(x: Cited | undefined): string[] {
  if (!x) return [];
  return [...(x.sources ?? []), ...(x.conflicts ?? []).flatMap((c) => c.sources)];
}

function conditionIds(c: Condition): string[] {
  return [...idsOf(c), ...(c.type === 'on_track' ? c.conditions.flatMap(conditionIds) : [])];
}

/** Source id -> the sections that cite it, in page order. */
export function citationsBySource(cert: Certification): Map<string, SectionName[]> {
  const bySection: Array<[SectionName, string[]]> = [
    [
      'Eligibility',
      [
        ...idsOf(cert.eligibility),
        ...cert.eligibility.rules.flatMap((r) => [
          ...idsOf(r),
          ...r.allPathways.flatMap(conditionIds),
          ...r.pathways.flatMap((p) => [...idsOf(p), ...p.conditions.flatMap(conditionIds)]),
        ]),
      ],
    ],
    ['Exam', idsOf(cert.exam)],
    ['Renewal', [...idsOf(cert.renewal), ...cert.renewal.options.flatMap(idsOf)]],
    ['Rule history', cert.ruleHistory.flatMap((h) => h.sources ?? [])],
  ];
  const out = new Map<string, SectionName[]>();
  for (const [section, ids] of bySection) {
    for (const id of new Set(ids)) out.set(id, [...(out.get(id) ?? []), section]);
  }
  return out;
}
