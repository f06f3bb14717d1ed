/**
 * Filtering, sorting and facet counts of programs for /api/programs: plain functions of catalog
 * data. Unknown is never treated as a match: a program with an unknown cost is left out by a cost
 * limit, one with an unknown modality by an online filter, one with unknown features by a feature
 * filter.
 */
import type { Accreditor, Modality, Program, ProgramFormat } from '../../catalog/career-schema.js';
import { recognisedAccreditors } from '../../core/recommend.js';
import type { ProgramFeature } from './schema.js';

export interface ProgramQuery {
  q?: string;
  /** Any of these formats. */
  format?: readonly ProgramFormat[];
  /** Any of these modalities. */
  modality?: readonly Modality[];
  /** Modality stated as online. */
  online?: boolean;
  /** Holds any of these accreditations. */
  accreditation?: readonly Accreditor[];
  /** Holds one of CAHME, CEPH, CCNE, AACSB or institutional accreditation. */
  accredited?: boolean;
  maxCost?: number;
  maxMonths?: number;
  /** Earns CE that one of these certifications accepts (ids in any case). */
  ceFor?: readonly string[];
  /** Covers every one of these competencies. */
  competency?: readonly string[];
  /** Every one of these features is stated as included. */
  features?: readonly ProgramFeature[];
  /** Default true: illustrative example entries are listed (they carry `example: true`). */
  includeExamples?: boolean;
  sort: 'name' | 'cost' | 'duration';
}

/** Hours of study counted as months when comparing lengths: 160 hours, about a working month. */
export const HOURS_PER_MONTH = 160;

/** The program's cost in USD, or undefined when unknown. */
export function costOf(p: Program): number | undefined {
  return p.cost === 'unknown' ? undefined : p.cost.usd;
}

/** The program's length in months (hours converted at {@link HOURS_PER_MONTH}), or undefined. */
export function monthsOf(p: Program): number | undefined {
  if (p.duration === 'unknown') return undefined;
  return p.duration.months ?? (p.duration.hours ?? 0) / HOURS_PER_MONTH;
}

/** Holds a program or institutional accreditation that "accredited" asks for. */
export function isAccredited(p: Program): boolean {
  return (
    Array.isArray(p.accreditation) &&
    p.accreditation.some((a) => (recognisedAccreditors as readonly string[]).includes(a))
  );
}

/** Certification ids whose renewal or eligibility accepts the program's CE (catalog spelling). */
export function ceAcceptedFor(p: Program): string[] {
  return Array.isArray(p.ce) ? [...new Set(p.ce.flatMap((c) => c.acceptedFor))] : [];
}

/** The filter groups; a facet count applies all but its own group. */
type Group =
  | 'text'
  | 'format'
  | 'modality'
  | 'accreditation'
  | 'cost'
  | 'months'
  | 'ce'
  | 'competency'
  | 'features'
  | 'examples';

function failedGroups(p: Program, query: ProgramQuery): Group[] {
  const failed: Group[] = [];
  const needle = query.q?.trim().toLowerCase();
  if (needle) {
    const text = [p.id, p.name, p.provider, p.summary, ...(p.syllabus ?? [])].join('\n').toLowerCase();
    if (!text.includes(needle)) failed.push('text');
  }
  if (query.format?.length && !query.format.includes(p.format)) failed.push('format');
  if (
    (query.modality?.length && (p.modality === 'unknown' || !query.modality.includes(p.modality))) ||
    (query.online && p.modality !== 'online')
  )
    failed.push('modality');
  if (
    (query.accreditation?.length &&
      !(Array.isArray(p.accreditation) && p.accreditation.some((a) => query.accreditation!.includes(a)))) ||
    (query.accredited && !isAccredited(p))
  )
    failed.push('accreditation');
  if (query.maxCost !== undefined) {
    const cost = costOf(p);
    if (cost === undefined || cost > query.maxCost) failed.push('cost');
  }
  if (query.maxMonths !== undefined) {
    const months = monthsOf(p);
    if (months === undefined || months > query.maxMonths) failed.push('months');
  }
  if (query.ceFor?.length) {
    const wanted = new Set(query.ceFor.map((c) => c.toUpperCase()));
    if (!ceAcceptedFor(p).some((id) => wanted.has(id.toUpperCase()))) failed.push('ce');
  }
  if (query.competency?.length && !query.competency.every((c) => p.competencies.includes(c)))
    failed.push('competency');
  if (query.features?.length && !query.features.every((f) => p[f] === true)) failed.push('features');
  if (query.includeExamples === false && p.example === true) failed.push('examples');
  return failed;
}

/** Unknown values sort after every known one; ties by name. */
function byKnown(a: number | undefined, b: number | undefined): number {
  if (a === undefined) return b === undefined ? 0 : 1;
  if (b === undefined) return -1;
  return a - b;
}

/**
 * @example
 * searchPrograms(catalog.programs, { ceFor: ['PMP'], sort: 'cost' }); // PMP prep courses, cheapest first
 */
export function searchPrograms(programs: readonly Program[], query: ProgramQuery): Program[] {
  const byName = (a: Program, b: Program) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id);
  const compare =
    query.sort === 'cost'
      ? (a: Program, b: Program) => byKnown(costOf(a), costOf(b)) || byName(a, b)
      : query.sort === 'duration'
        ? (a: Program, b: Program) => byKnown(monthsOf(a), monthsOf(b)) || byName(a, b)
        : byName;
  return programs.filter((p) => failedGroups(p, query).length === 0).sort(compare);
}

export interface ProgramFacets {
  format: Record<string, number>;
  modality: Record<string, number>;
  accreditation: Record<string, number>;
  features: Record<string, number>;
  /** Programs that `accredited=true` would leave. */
  accredited: number;
  /** Programs that `online=true` would leave. */
  online: number;
  /** Example entries among the matches when examples are included. */
  examples: number;
}

/**
 * How many programs each choice of a group would give, with every other filter applied (a program
 * failing only that group's filter still counts there). Zero counts are listed too.
 */
export function programFacets(programs: readonly Program[], query: ProgramQuery): ProgramFacets {
  const facets: ProgramFacets = {
    format: {},
    modality: { online: 0, blended: 0, in_person: 0, unknown: 0 },
    accreditation: { CAHME: 0, CEPH: 0, CCNE: 0, AACSB: 0, institutional: 0, none: 0, unknown: 0 },
    features: { capstone: 0, practicum: 0, mentorship: 0, cohort: 0 },
    accredited: 0,
    online: 0,
    examples: 0,
  };
  for (const p of programs) {
    const failed = failedGroups(p, { ...query, includeExamples: true });
    const onlyFails = (g: Group) => failed.every((f) => f === g);
    if (query.includeExamples === false && p.example === true) {
      if (failed.length === 0) facets.examples += 1;
      continue;
    }
    if (failed.length === 0 && p.example) facets.examples += 1;
    if (onlyFails('format')) facets.format[p.format] = (facets.format[p.format] ?? 0) + 1;
    if (onlyFails('modality')) {
      facets.modality[p.modality] = (facets.modality[p.modality] ?? 0) + 1;
      if (p.modality === 'online') facets.online += 1;
    }
    if (onlyFails('accreditation')) {
      for (const a of Array.isArray(p.accreditation) ? p.accreditation : ['unknown'])
        facets.accreditation[a] = (facets.accreditation[a] ?? 0) + 1;
      if (isAccredited(p)) facets.accredited += 1;
    }
    if (onlyFails('features')) {
      // Features combine with "all of": count what adding each one would leave.
      for (const f of ['capstone', 'practicum', 'mentorship', 'cohort'] as const) {
        const withIt = [...new Set([...(query.features ?? []), f])];
        if (withIt.every((x) => p[x] === true)) facets.features[f] = (facets.features[f] ?? 0) + 1;
      }
    }
  }
  return facets;
}
