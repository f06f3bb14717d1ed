/**
 * "Not asked yet": a form that has not asked for part of a profile (the quick check before the
 * person answers its continuing-education section, say) must not read an empty list as a fact.
 * The caller names the sections it has not asked; every condition that depends only on those
 * sections is marked `notAsked` and explained as a question still open ("not asked yet — add
 * your continuing education"), never as "you have 0".
 */
import type { Catalog, Condition } from '../catalog/schema.js';
import {
  ruleSetOn,
  type CertificationResult,
  type ConditionResult,
  type EligibilityReport,
} from '../core/eligibility.js';

/** Parts of a profile a form may not have asked for yet (profile@1 field names). */
export const PROFILE_SECTIONS = [
  'education',
  'positions',
  'credentials',
  'ce',
  'memberships',
  'projects',
  'volunteering',
  'attestations',
] as const;
export type ProfileSection = (typeof PROFILE_SECTIONS)[number];

/** What to add, in the words of "not asked yet — add …". */
export const sectionWords: Record<ProfileSection, string> = {
  education: 'your degrees',
  positions: 'your jobs',
  credentials: 'your licences and certifications',
  ce: 'your continuing education',
  memberships: 'your memberships',
  projects: 'your projects',
  volunteering: 'your volunteer work',
  attestations: 'what only you can confirm',
};

/** The profile sections a condition reads; an exam reads none. */
export function sectionsOf(c: Condition): ProfileSection[] {
  switch (c.type) {
    case 'education':
      return ['education'];
    case 'experience':
    case 'current_position':
      return ['positions'];
    case 'license':
    case 'credential':
      return ['credentials'];
    case 'membership':
      return ['memberships'];
    case 'continuing_education':
      return ['ce'];
    case 'training':
      // Training counts CE in a category, or a credential held instead.
      return c.orCredentials?.length ? ['ce', 'credentials'] : ['ce'];
    case 'projects':
      return ['projects'];
    case 'references':
    case 'attestation':
      return ['attestations'];
    case 'volunteering':
      return ['volunteering'];
    case 'exam':
      return [];
    case 'on_track':
      return [...new Set(c.conditions.flatMap(sectionsOf))];
  }
}

/** A condition result with its sections, when all of them are not asked yet. */
export interface NotAskedMark {
  notAsked: true;
  /** The first section to ask, for the "add …" control. */
  section: ProfileSection;
}

/**
 * The report with every unmet condition that depends only on `notAsked` sections marked and
 * re-explained; a result lists the sections it is still waiting for in `notAsked`. Conditions
 * that are met stay as they are (a met condition is a fact whatever was asked).
 *
 * @example
 * markNotAsked(catalog, report, ['ce']).results.find((r) => r.certification === 'FACHE')?.notAsked; // ['ce']
 */
export function markNotAsked(
  catalog: Catalog,
  report: EligibilityReport,
  notAsked: readonly ProfileSection[],
): EligibilityReport & { results: Array<CertificationResult & { notAsked?: ProfileSection[] }> } {
  if (!notAsked.length) return report;
  const open = new Set(notAsked);
  const byId = new Map(catalog.certifications.map((c) => [c.id, c]));
  const results = report.results.map((result): CertificationResult & { notAsked?: ProfileSection[] } => {
    const cert = byId.get(result.certification);
    const rules = cert && cert.eligibility.status === 'known' ? ruleSetOn(cert, report.asOf) : undefined;
    if (!rules) return result;
    const waiting = new Set<ProfileSection>();
    const pathways = result.pathways.map((pathway) => {
      const source = rules.pathways.find((p) => p.id === pathway.id);
      if (!source) return pathway;
      // The report lists the conditions shared by every pathway first, then the pathway's own.
      const conditions = [...rules.allPathways, ...source.conditions];
      return {
        ...pathway,
        conditions: pathway.conditions.map((c, i): ConditionResult => {
          const condition = conditions[i];
          if (c.met || !condition || condition.type !== c.type) return c;
          const sections = sectionsOf(condition);
          if (!sections.length || !sections.every((s) => open.has(s))) return c;
          const section = sections[0]!;
          if (!pathway.eligible) waiting.add(section);
          return {
            ...c,
            notAsked: true,
            section,
            projected: null,
            explanation: `Not asked yet — add ${sectionWords[section]}.`,
          } as ConditionResult & NotAskedMark;
        }),
      };
    });
    return waiting.size ? { ...result, pathways, notAsked: [...waiting] } : { ...result, pathways };
  });
  return { ...report, results };
}
