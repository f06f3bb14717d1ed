/**
 * How complete the catalog is: entries per kind, how sure we are of them, and for every program
 * fact how many programs state it, how many providers were checked and do not publish it, and how
 * many are still unknown. Curators read it with `pathways catalog stats`; the test of the
 * built-in catalog holds each program fact to at most 10 % unknown.
 */
import type { Catalog, Confidence } from '../catalog/schema.js';
import type { Program, ProgramFactField } from '../catalog/career-schema.js';

/** The program facts counted, in the order a person compares programs. */
export const statsProgramFields = [
  'modality',
  'accreditation',
  'duration',
  'cost',
  'ce',
  'capstone',
  'practicum',
  'mentorship',
  'cohort',
] as const;
export type StatsProgramField = (typeof statsProgramFields)[number];

export interface FieldStats {
  field: StatsProgramField;
  /** Programs that state a value (including "none" and "no"). */
  known: number;
  /** Programs whose provider pages were read and do not state it. */
  notPublished: number;
  /** Programs for which nobody has checked, or the check was not conclusive. */
  unknown: number;
  /** `unknown` as a share of all real (non-example) programs, 0–100, one decimal. */
  unknownPercent: number;
}

export type ConfidenceCounts = Record<Confidence, number>;

export interface CatalogStats {
  version: string;
  certifications: { total: number; byConfidence: ConfidenceCounts };
  competencies: number;
  roles: { total: number; transitions: number; byConfidence: ConfidenceCounts };
  programs: {
    total: number;
    /** Illustrative entries, left out of the field counts. */
    examples: number;
    byConfidence: ConfidenceCounts;
    fields: FieldStats[];
    /** The oldest and newest date any program was verified. */
    verifiedAsOf: { oldest: string | null; newest: string | null };
  };
}

function byConfidence(entries: readonly { confidence: Confidence }[]): ConfidenceCounts {
  const counts: ConfidenceCounts = { high: 0, medium: 0, low: 0 };
  for (const e of entries) counts[e.confidence] += 1;
  return counts;
}

/** Whether a program states the field (a value, `none`, `false`), as opposed to `unknown`. */
export function programStates(program: Program, field: StatsProgramField): boolean {
  return program[field] !== 'unknown';
}

/** Whether the provider's pages were read and do not state the field. */
export function programNotPublished(program: Program, field: StatsProgramField): boolean {
  return (
    program[field] === 'unknown' &&
    (program.notPublished?.fields as readonly string[] | undefined)?.includes(field as ProgramFactField) ===
      true
  );
}

function round1(n: number): number {
  return Math.round(n * 10) / 10;
}

export function catalogStats(catalog: Catalog): CatalogStats {
  const real = catalog.programs.filter((p) => !p.example);
  const fields = statsProgramFields.map((field): FieldStats => {
    let known = 0;
    let notPublished = 0;
    for (const p of real) {
      if (programStates(p, field)) known += 1;
      else if (programNotPublished(p, field)) notPublished += 1;
    }
    const unknown = real.length - known - notPublished;
    return {
      field,
      known,
      notPublished,
      unknown,
      unknownPercent: real.length ? round1((unknown / real.length) * 100) : 0,
    };
  });
  const dates = real.map((p) => p.verifiedAsOf).sort();
  return {
    version: catalog.version,
    certifications: {
      total: catalog.certifications.length,
      byConfidence: byConfidence(catalog.certifications),
    },
    competencies: catalog.competencies?.competencies.length ?? 0,
    roles: {
      total: catalog.roles.length,
      transitions: catalog.transitions.length,
      byConfidence: byConfidence(catalog.roles),
    },
    programs: {
      total: catalog.programs.length,
      examples: catalog.programs.length - real.length,
      byConfidence: byConfidence(catalog.programs),
      fields,
      verifiedAsOf: { oldest: dates[0] ?? null, newest: dates.at(-1) ?? null },
    },
  };
}
