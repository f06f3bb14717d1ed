/**
 * Filtering and sorting of programs for /api/programs: plain functions of catalog data. Unknown is
 * never treated as a match: a program with an unknown cost is left out by a cost limit.
 */
import type { Accreditor, Modality, Program, ProgramFormat } from '../../catalog/career-schema.js';

export interface ProgramQuery {
  q?: string;
  format?: ProgramFormat;
  modality?: Modality;
  accreditation?: Accreditor;
  maxCost?: number;
  maxMonths?: number;
  ceFor?: string;
  competency?: string;
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

function matches(p: Program, query: ProgramQuery): boolean {
  const needle = query.q?.trim().toLowerCase();
  if (needle) {
    const text = [p.id, p.name, p.provider, p.summary, ...(p.syllabus ?? [])].join('\n').toLowerCase();
    if (!text.includes(needle)) return false;
  }
  if (query.format && p.format !== query.format) return false;
  if (query.modality && p.modality !== query.modality) return false;
  if (
    query.accreditation &&
    !(Array.isArray(p.accreditation) && p.accreditation.includes(query.accreditation))
  )
    return false;
  if (query.maxCost !== undefined) {
    const cost = costOf(p);
    if (cost === undefined || cost > query.maxCost) return false;
  }
  if (query.maxMonths !== undefined) {
    const months = monthsOf(p);
    if (months === undefined || months > query.maxMonths) return false;
  }
  if (query.ceFor) {
    const cert = query.ceFor.toUpperCase();
    if (!Array.isArray(p.ce) || !p.ce.some((c) => c.acceptedFor.some((id) => id.toUpperCase() === cert)))
      return false;
  }
  if (query.competency && !p.competencies.includes(query.competency)) return false;
  return true;
}

/** Unknown values sort after every known one; ties by name. */
function byKnown(a: number | undefined, b: number | undefined): number {
  if (a === undefined) return b === undefined ? 0 : 1;
  if (b === undefined) return -1;
  return a - b;
}

/**
 * @example
 * searchPrograms(catalog.programs, { ceFor: 'PMP', sort: 'cost' }); // PMP prep courses, cheapest first
 */
export function searchPrograms(programs: readonly Program[], query: ProgramQuery): Program[] {
  const byName = (a: Program, b: Program) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id);
  const compare =
    query.sort === 'cost'
      ? (a: Program, b: Program) => byKnown(costOf(a), costOf(b)) || byName(a, b)
      : query.sort === 'duration'
        ? (a: Program, b: Program) => byKnown(monthsOf(a), monthsOf(b)) || byName(a, b)
        : byName;
  return programs.filter((p) => matches(p, query)).sort(compare);
}
