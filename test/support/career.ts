/** Small synthetic frameworks, roles and programs for gap and recommendation tests. */
import type { CompetencyFramework, Program, Role } from '../../src/catalog/career-schema.js';
import type { CertificationOption } from '../../src/core/recommend.js';

export function makeFramework(ids: readonly string[], medical: readonly string[] = []): CompetencyFramework {
  return {
    id: 'test',
    name: 'Test framework',
    description: 'Synthetic',
    sources: [],
    verifiedAsOf: '2026-11-01',
    confidence: 'low',
    domains: [
      { id: 'leadership', name: 'Leadership', description: 'x' },
      { id: 'business_skills', name: 'Business', description: 'x' },
    ],
    scale: [1, 2, 3, 4, 5].map((level) => ({ level, name: `L${level}`, meaning: 'x' })),
    relatedFrameworks: [],
    competencies: ids.map((id, i) => ({
      id,
      label: id.toUpperCase(),
      domain: i % 2 ? 'business_skills' : 'leadership',
      description: 'x',
      topics: medical.includes(id) ? ['medical_literacy'] : ['leadership'],
    })),
  } as CompetencyFramework;
}

export function makeRole(targets: Record<string, number>, family: Role['family'] = 'quality'): Role {
  return {
    id: 'target-role',
    title: 'Target Role',
    family,
    level: 'director',
    summary: 'x',
    basis: 'judgement',
    education: { typical: 'x', minLevel: 'unknown' },
    experience: { typical: 'x', years: 'unknown' },
    preferredCertifications: [],
    targets: Object.fromEntries(Object.entries(targets).map(([id, level]) => [id, { level }])),
    transitions: [],
    sources: [],
    verifiedAsOf: '2026-11-01',
    confidence: 'low',
  } as Role;
}

export interface ProgramSpec {
  id: string;
  competencies: string[];
  cost?: number | 'unknown';
  months?: number | 'unknown';
  hours?: number;
  format?: Program['format'];
  modality?: Program['modality'];
  accreditation?: Program['accreditation'];
  example?: boolean;
}

export function makeProgram(s: ProgramSpec): Program {
  return {
    id: s.id,
    name: `Program ${s.id}`,
    provider: 'Provider',
    format: s.format ?? 'professional_certificate',
    modality: s.modality ?? 'online',
    accreditation: s.accreditation ?? ['none'],
    duration:
      s.months === 'unknown'
        ? 'unknown'
        : s.hours !== undefined
          ? { hours: s.hours }
          : { months: s.months ?? 3 },
    cost: s.cost === 'unknown' ? 'unknown' : { usd: s.cost ?? 1000, asOf: '2026', covers: 'tuition' },
    ce: 'unknown',
    capstone: 'unknown',
    practicum: 'unknown',
    mentorship: 'unknown',
    cohort: 'unknown',
    competencies: s.competencies,
    summary: 'x',
    url: 'https://example.org/',
    ...(s.example ? { example: true } : {}),
    sources: [],
    verifiedAsOf: '2026-11-01',
    confidence: 'low',
  } as Program;
}

export function makeCertification(
  s: Partial<CertificationOption> & { id: string; competencies: string[] },
): CertificationOption {
  return {
    name: `Cert ${s.id}`,
    issuer: 'Issuer',
    costUsd: 400,
    prepMonths: 3,
    weeklyHours: 5,
    earliestEligible: '2026-11-28',
    held: false,
    ...s,
  };
}
