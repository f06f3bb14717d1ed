/**
 * Deterministic synthetic profiles for the eligibility benchmark: a seeded PRNG (mulberry32)
 * drives career archetypes (clinical nursing, management, quality, health IT, finance, projects,
 * practice management, compliance and risk, process improvement, patient experience, early career)
 * into valid `Profile`s — jobs (1-5, some overlapping, some part-time, the latest often current),
 * degrees (some in progress), credentials, memberships, CE, projects, volunteering, attestations.
 *
 * Same seed, same count, same as-of date → the same profiles, byte for byte.
 */
import type { EducationLevel } from '../src/catalog/schema.js';
import { addMonths, fromDay, toDay } from '../src/core/dates.js';
import type { Profile } from '../src/core/profile.js';
import { PROFILE_FORMAT } from '../src/core/profile.js';

/** mulberry32: a tiny 32-bit PRNG, uniform on [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

class Rng {
  private readonly next: () => number;
  constructor(seed: number) {
    this.next = mulberry32(seed);
  }
  float(): number {
    return this.next();
  }
  /** Integer in [lo, hi], both inclusive. */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }
  weighted<T>(items: readonly (readonly [T, number])[]): T {
    const total = items.reduce((s, [, w]) => s + w, 0);
    let r = this.next() * total;
    for (const [item, w] of items) {
      r -= w;
      if (r < 0) return item;
    }
    return items[items.length - 1]![0];
  }
}

interface Job {
  title: string;
  kinds: string[];
  role?: string;
}

const HC = 'healthcare';
const job = (title: string, kinds: string[], role?: string): Job =>
  role ? { title, kinds, role } : { title, kinds };

type ArchetypeId =
  | 'nursing'
  | 'allied_clinical'
  | 'administration'
  | 'quality'
  | 'health_it'
  | 'finance'
  | 'project'
  | 'practice'
  | 'compliance_risk'
  | 'process_improvement'
  | 'patient_experience'
  | 'early_career';

interface Archetype {
  id: ArchetypeId;
  weight: number;
  /** Career ladders, junior to senior; a profile climbs part of one. */
  ladders: Job[][];
  /** Degree fields by level. */
  fields: Partial<Record<EducationLevel, string[]>>;
  /** Weights of the highest completed degree. */
  degree: [EducationLevel, number][];
  /** CE categories this person's activities fall in. */
  ce: string[];
  memberships: { id: string; p: number; types: string[] }[];
  credentials: { id: string; p: number }[];
  projects: number;
}

const archetypes: Archetype[] = [
  {
    id: 'nursing',
    weight: 22,
    ladders: [
      [
        job('Staff Nurse', [HC, 'clinical', 'registered_nurse']),
        job('Charge Nurse', [HC, 'clinical', 'registered_nurse', 'supervisory']),
        job('Nurse Manager', [
          HC,
          'registered_nurse',
          'nurse_manager',
          'healthcare_management',
          'supervisory',
        ]),
        job('Director of Nursing', [HC, 'registered_nurse', 'nurse_executive', 'healthcare_management']),
        job('Chief Nursing Officer', [HC, 'registered_nurse', 'nurse_executive', 'healthcare_executive']),
      ],
      [
        job('ICU Nurse', [HC, 'clinical', 'registered_nurse']),
        job('Clinical Nurse Educator', [HC, 'registered_nurse', 'teaching']),
        job('Patient Safety Nurse', [HC, 'registered_nurse', 'patient_safety', 'quality']),
        job('Nurse Manager, Quality', [
          HC,
          'registered_nurse',
          'nurse_manager',
          'quality',
          'healthcare_management',
        ]),
      ],
    ],
    fields: {
      associate: ['Nursing (ADN)', 'Nursing'],
      bachelor: ['Nursing (BSN)', 'Nursing', 'Psychology', 'Biology'],
      master: [
        'Nursing Administration (MSN)',
        'Nursing Leadership (MSN)',
        'Health Administration (MHA)',
        'MBA',
      ],
      doctorate: ['Nursing Practice (DNP)', 'Nursing Leadership (PhD)'],
    },
    degree: [
      ['associate', 3],
      ['bachelor', 5],
      ['master', 2],
      ['doctorate', 0.4],
    ],
    ce: ['nursing_leadership', 'general', 'patient_safety', 'ache_in_person'],
    memberships: [
      { id: 'AONL', p: 0.3, types: ['member'] },
      { id: 'ACHE', p: 0.12, types: ['member', 'student'] },
    ],
    credentials: [{ id: 'RN_LICENSE', p: 0.97 }],
    projects: 0.2,
  },
  {
    id: 'allied_clinical',
    weight: 8,
    ladders: [
      [
        job('Medical Technologist', [HC, 'clinical']),
        job('Lead Technologist', [HC, 'clinical', 'supervisory']),
        job('Laboratory Manager', [HC, 'healthcare_management', 'supervisory']),
        job('Director of Laboratory Services', [HC, 'healthcare_management', 'healthcare_executive']),
      ],
      [
        job('Respiratory Therapist', [HC, 'clinical']),
        job('Rehab Supervisor', [HC, 'clinical', 'supervisory']),
        job('Rehabilitation Services Manager', [HC, 'healthcare_management']),
      ],
    ],
    fields: {
      associate: ['Respiratory Therapy', 'Medical Laboratory Technology'],
      bachelor: ['Medical Laboratory Science', 'Health Sciences', 'Biology'],
      master: ['Health Administration (MHA)', 'Public Health (MPH)'],
    },
    degree: [
      ['associate', 3],
      ['bachelor', 5],
      ['master', 2],
    ],
    ce: ['general', 'healthcare_management', 'ache_in_person', 'patient_safety'],
    memberships: [{ id: 'ACHE', p: 0.2, types: ['member', 'student'] }],
    credentials: [],
    projects: 0.2,
  },
  {
    id: 'administration',
    weight: 15,
    ladders: [
      [
        job('Administrative Fellow', [HC, 'healthcare_management']),
        job('Department Manager', [HC, 'healthcare_management', 'supervisory']),
        job('Director of Operations', [HC, 'healthcare_management']),
        job('Vice President, Operations', [HC, 'healthcare_management', 'healthcare_executive']),
        job('Chief Operating Officer', [HC, 'healthcare_executive', 'healthcare_management']),
      ],
      [
        job('Retail Store Manager', ['supervisory']),
        job('Patient Access Supervisor', [HC, 'supervisory']),
        job('Service Line Manager', [HC, 'healthcare_management']),
        job('Hospital Administrator', [HC, 'healthcare_executive', 'healthcare_management']),
      ],
    ],
    fields: {
      bachelor: ['Health Administration', 'Business Administration', 'Public Health', 'Economics'],
      master: ['Health Administration (MHA)', 'Business Administration (MBA)', 'Public Health (MPH)'],
      doctorate: ['Health Administration (DHA)'],
    },
    degree: [
      ['high_school', 0.3],
      ['bachelor', 4],
      ['master', 6],
      ['doctorate', 0.5],
    ],
    ce: ['ache_in_person', 'ache_virtual_interactive', 'ache_qualifying', 'healthcare_management', 'general'],
    memberships: [
      { id: 'ACHE', p: 0.75, types: ['member', 'member', 'member', 'faculty', 'student', 'international'] },
      { id: 'HFMA', p: 0.1, types: ['regular'] },
    ],
    credentials: [],
    projects: 0.3,
  },
  {
    id: 'quality',
    weight: 9,
    ladders: [
      [
        job('Quality Analyst', [HC, 'quality', 'health_data']),
        job('Quality Improvement Specialist', [HC, 'quality', 'process_improvement']),
        job('Patient Safety Officer', [HC, 'patient_safety', 'quality', 'risk_management']),
        job('Director of Quality', [HC, 'quality', 'healthcare_management']),
      ],
    ],
    fields: {
      bachelor: ['Nursing (BSN)', 'Health Sciences', 'Statistics', 'Public Health'],
      master: ['Healthcare Quality', 'Public Health (MPH)', 'Health Administration (MHA)'],
    },
    degree: [
      ['associate', 1],
      ['bachelor', 5],
      ['master', 4],
    ],
    ce: ['quality_improvement', 'nahq_approved', 'patient_safety', 'general'],
    memberships: [{ id: 'NAHQ', p: 0.4, types: ['member'] }],
    credentials: [
      { id: 'RN_LICENSE', p: 0.3 },
      { id: 'CPHQ', p: 0.25 },
    ],
    projects: 0.8,
  },
  {
    id: 'health_it',
    weight: 10,
    ladders: [
      [
        job('Software Engineer', []),
        job('EHR Analyst', [HC, 'health_it']),
        job('Clinical Informatics Manager', [HC, 'health_it', 'healthcare_management']),
        job('Director of IT', [HC, 'health_it', 'healthcare_management']),
        job('Chief Information Officer', [HC, 'health_it', 'health_it_executive', 'healthcare_executive']),
      ],
      [
        job('Health-Tech Developer', ['health_it']),
        job('Integration Engineer', ['health_it']),
        job('Health Data Analyst', [HC, 'health_data', 'health_it']),
        job('IT Project Manager', [HC, 'health_it', 'project_leadership']),
      ],
    ],
    fields: {
      associate: ['Information Technology'],
      bachelor: [
        'Computer Science',
        'Information Systems',
        'Health Informatics',
        'Electrical Engineering (GAC accredited)',
      ],
      master: ['Health Informatics', 'Information Systems', 'Business Administration (MBA)'],
    },
    degree: [
      ['high_school', 0.5],
      ['associate', 1],
      ['bachelor', 6],
      ['master', 3],
    ],
    ce: ['himss_approved', 'general', 'project_management_education'],
    memberships: [
      { id: 'CHIME', p: 0.15, types: ['member'] },
      { id: 'HIMSS', p: 0.3, types: ['member'] },
    ],
    credentials: [{ id: 'CAPM', p: 0.08 }],
    projects: 0.4,
  },
  {
    id: 'finance',
    weight: 8,
    ladders: [
      [
        job('Staff Accountant', ['finance']),
        job('Financial Analyst', [HC, 'finance']),
        job('Revenue Cycle Manager', [HC, 'finance', 'healthcare_management']),
        job('Director of Finance', [HC, 'finance', 'healthcare_management']),
        job('Chief Financial Officer', [HC, 'finance', 'healthcare_executive']),
      ],
    ],
    fields: {
      bachelor: ['Accounting', 'Finance', 'Business Administration'],
      master: ['Business Administration (MBA)', 'Health Administration (MHA)', 'Accounting'],
    },
    degree: [
      ['associate', 0.5],
      ['bachelor', 6],
      ['master', 3],
    ],
    ce: ['hfma_education', 'general', 'ache_in_person'],
    memberships: [
      { id: 'HFMA', p: 0.7, types: ['regular', 'regular', 'advanced', 'student'] },
      { id: 'ACHE', p: 0.15, types: ['member'] },
    ],
    credentials: [],
    projects: 0.2,
  },
  {
    id: 'project',
    weight: 7,
    ladders: [
      [
        job('Project Coordinator', ['project_leadership']),
        job('Project Manager', ['project_leadership']),
        job('Clinical Project Manager', [HC, 'project_leadership']),
        job('PMO Director', [HC, 'project_leadership', 'healthcare_management']),
      ],
    ],
    fields: {
      bachelor: ['Business Administration', 'Industrial Engineering (GAC accredited)', 'Communications'],
      master: ['Project Management', 'Business Administration (MBA)'],
    },
    degree: [
      ['high_school', 2],
      ['associate', 1],
      ['bachelor', 6],
      ['master', 2],
    ],
    ce: ['project_management_education', 'pmi_education', 'general'],
    memberships: [{ id: 'PMI', p: 0.4, types: ['member'] }],
    credentials: [{ id: 'CAPM', p: 0.25 }],
    projects: 0.9,
  },
  {
    id: 'practice',
    weight: 7,
    ladders: [
      [
        job('Medical Receptionist', [HC]),
        job('Billing Specialist', [HC, 'finance']),
        job('Practice Manager', [HC, 'practice_management', 'healthcare_management', 'supervisory']),
        job('Practice Administrator', [HC, 'practice_management', 'healthcare_management']),
      ],
    ],
    fields: {
      associate: ['Medical Office Administration'],
      bachelor: ['Health Administration', 'Business Administration'],
      master: ['Health Administration (MHA)', 'Business Administration (MBA)'],
    },
    degree: [
      ['high_school', 3],
      ['associate', 2],
      ['bachelor', 4],
      ['master', 1.5],
    ],
    ce: ['mgma_education', 'mgma_live', 'general'],
    memberships: [{ id: 'MGMA', p: 0.7, types: ['member', 'member', 'student'] }],
    credentials: [],
    projects: 0.1,
  },
  {
    id: 'compliance_risk',
    weight: 5,
    ladders: [
      [
        job('Compliance Analyst', ['compliance']),
        job('Compliance Specialist', [HC, 'compliance']),
        job('Compliance Officer', [HC, 'compliance', 'healthcare_management']),
      ],
      [
        job('Claims Analyst', [HC, 'risk_management']),
        job('Risk Manager', [HC, 'risk_management', 'patient_safety']),
        job('Director of Risk Management', [HC, 'risk_management', 'healthcare_management']),
      ],
    ],
    fields: {
      bachelor: [
        'Health Information Management (CAHIIM-accredited)',
        'Business Administration',
        'Nursing (BSN)',
      ],
      master: ['Health Law', 'Health Administration (MHA)'],
    },
    degree: [
      ['high_school', 1],
      ['associate', 2],
      ['bachelor', 5],
      ['master', 2],
    ],
    ce: ['ccb_accredited', 'ccb_live', 'ethics', 'general', 'him_domains'],
    memberships: [{ id: 'AHIMA', p: 0.2, types: ['member'] }],
    credentials: [
      { id: 'CAHIIM_HIM_POSTBACC_CERT', p: 0.08 },
      { id: 'AHIMA_FOREIGN_RECIPROCITY', p: 0.02 },
    ],
    projects: 0.2,
  },
  {
    id: 'process_improvement',
    weight: 5,
    ladders: [
      [
        job('Process Engineer', ['process_improvement']),
        job('Lean Specialist', [HC, 'process_improvement', 'quality']),
        job('Performance Improvement Manager', [HC, 'process_improvement', 'project_leadership']),
        job('Director of Transformation', [HC, 'process_improvement', 'healthcare_management']),
      ],
    ],
    fields: {
      bachelor: [
        'Industrial Engineering (GAC accredited)',
        'Mechanical Engineering',
        'Business Administration',
      ],
      master: ['Operations Management', 'Business Administration (MBA)'],
    },
    degree: [
      ['high_school', 0.5],
      ['bachelor', 6],
      ['master', 3],
    ],
    ce: ['quality_improvement', 'project_management_education', 'general'],
    memberships: [{ id: 'ASQ', p: 0.4, types: ['member'] }],
    credentials: [{ id: 'CAPM', p: 0.05 }],
    projects: 1,
  },
  {
    id: 'patient_experience',
    weight: 3,
    ladders: [
      [
        job('Patient Representative', [HC, 'patient_experience']),
        job('Patient Experience Manager', [HC, 'patient_experience', 'healthcare_management']),
        job('Chief Experience Officer', [HC, 'patient_experience', 'healthcare_executive']),
      ],
    ],
    fields: {
      bachelor: ['Communications', 'Nursing (BSN)', 'Psychology'],
      master: ['Health Administration (MHA)'],
    },
    degree: [
      ['associate', 1],
      ['bachelor', 5],
      ['master', 2],
    ],
    ce: ['patient_experience_pxe', 'general'],
    memberships: [{ id: 'BERYL', p: 0.3, types: ['member'] }],
    credentials: [],
    projects: 0.3,
  },
  {
    id: 'early_career',
    weight: 6,
    ladders: [
      [job('Student Intern', [HC]), job('Administrative Assistant', [HC])],
      [job('Barista', []), job('Unit Secretary', [HC])],
    ],
    fields: {
      high_school: ['General Studies'],
      associate: ['General Studies', 'Health Sciences'],
      bachelor: ['Health Administration', 'Public Health'],
    },
    degree: [
      ['high_school', 5],
      ['associate', 2],
      ['bachelor', 3],
    ],
    ce: ['general', 'project_management_education'],
    memberships: [
      { id: 'ACHE', p: 0.15, types: ['student'] },
      { id: 'MGMA', p: 0.05, types: ['student'] },
    ],
    credentials: [],
    projects: 0.1,
  },
];

const levels: EducationLevel[] = ['high_school', 'associate', 'bachelor', 'master', 'doctorate'];
const sideJobs: Job[] = [
  job('Adjunct Faculty', ['teaching']),
  job('Per-Diem Staff Nurse', [HC, 'clinical', 'registered_nurse']),
  job('Healthcare Consultant', [HC, 'healthcare_management']),
  job('Volunteer Board Treasurer', ['finance']),
];
const archetypeWeights = archetypes.map((a) => [a, a.weight] as const);
const credentialStatuses = [
  ['active', 92],
  ['restricted', 2],
  ['lapsed', 6],
] as const;
const otherProjectKinds = [
  ['project', 3],
  ['quality_improvement', 2],
] as const;
const ceHours = [0.5, 1, 1, 1.5, 2, 3, 4, 6, 7.5, 8, 12, 16, 24];
const ceProviders = ['ACHE', 'AONL', 'HFMA', 'MGMA', 'HCCA', 'PMI', 'Local hospital', 'University extension'];

/** Which credit unit a CE category's activities usually record, if any. */
const creditUnitOf: Record<string, string> = {
  ache_in_person: 'ache_credit',
  ache_virtual_interactive: 'ache_credit',
  ache_qualifying: 'ache_credit',
  ccb_accredited: 'ccb_ceu',
  ccb_live: 'ccb_ceu',
  mgma_education: 'mgma_ce',
  mgma_live: 'mgma_ce',
  pmi_education: 'pmi_pdu',
  hfma_education: 'hfma_hour',
  nahq_approved: 'nahq_ce',
  himss_approved: 'himss_ce',
  patient_experience_pxe: 'pxe_credit',
};

export interface GenerateOptions {
  count: number;
  seed: number;
  /** Careers end on this date (no job starts after it); `YYYY-MM-DD`. */
  asOf: string;
}

/** `count` profiles from `seed`, careers ending on `asOf`. */
export function generateProfiles({ count, seed, asOf }: GenerateOptions): Profile[] {
  const rng = new Rng(seed);
  const asOfDay = toDay(asOf);
  const out: Profile[] = new Array<Profile>(count);
  for (let i = 0; i < count; i++) out[i] = generateProfile(rng, asOfDay, i);
  return out;
}

/** fromDay, memoised: `Date#toISOString` dominated generation time. */
const isoCache = new Map<number, string>();
function isoOf(day: number): string {
  let s = isoCache.get(day);
  if (s === undefined) isoCache.set(day, (s = fromDay(day)));
  return s;
}

/** A day as `YYYY-MM-DD`, or (often) as `YYYY-MM`. */
function fmt(rng: Rng, day: number, monthOnly = 0.6): string {
  const iso = isoOf(day);
  return rng.chance(monthOnly) ? iso.slice(0, 7) : iso;
}

type Education = Profile['education'][number];
type Position = Profile['positions'][number];
type Credential = Profile['credentials'][number];
type Membership = Profile['memberships'][number];
type CeActivity = Profile['ce'][number];
type Project = Profile['projects'][number];
type Volunteering = Profile['volunteering'][number];

// Optional fields are set one by one (not with `...(cond ? {...} : {})`): object spread is slow
// in Node 20 and this runs 100,000 times.
function generateProfile(rng: Rng, asOfDay: number, index: number): Profile {
  const arch = rng.weighted(archetypeWeights);
  const ladder = rng.pick(arch.ladders);
  // Career length in months: early career is short, others up to 35 years.
  const careerMonths = arch.id === 'early_career' ? rng.int(0, 30) : rng.int(6, 420);
  const careerStart = addMonths(asOfDay, -careerMonths) - rng.int(0, 27);

  /* ---------- education ---------- */
  const education: Education[] = [];
  const highest = rng.weighted(arch.degree);
  const highestRank = levels.indexOf(highest);
  if (rng.chance(0.35) || highest === 'high_school') {
    const e: Education = { level: 'high_school' };
    if (rng.chance(0.3)) e.field = 'General Studies';
    if (rng.chance(0.7)) e.completed = fmt(rng, careerStart - rng.int(700, 2500));
    education.push(e);
  }
  for (let r = 1; r <= highestRank; r++) {
    const level = levels[r]!;
    // Not every intermediate degree is listed; the highest always is.
    if (r < highestRank && rng.chance(r === 1 ? 0.7 : 0.35)) continue;
    const fields = arch.fields[level] ?? ['General Studies'];
    const before = (highestRank - r) * rng.int(300, 1500);
    const graduate = level === 'master' || level === 'doctorate';
    const done = careerStart - rng.int(0, 400) + (graduate ? 2500 : 0) - before;
    const e: Education = { level };
    if (rng.chance(0.92)) e.field = rng.pick(fields);
    if (rng.chance(0.9)) e.completed = fmt(rng, Math.min(done, asOfDay - rng.int(0, 90)));
    education.push(e);
  }
  // ~7% are working on a next degree, expected within 3 years.
  if (highestRank < 4 && rng.chance(0.07)) {
    const level = levels[Math.min(4, Math.max(2, highestRank + 1))]!;
    education.push({
      level,
      field: rng.pick(arch.fields[level] ?? ['Health Administration (MHA)']),
      completed: fmt(rng, asOfDay + rng.int(20, 1100)),
    });
  }
  const collegeCreditHours =
    highestRank < 2 && rng.chance(0.25) ? rng.int(12, 160) : rng.chance(0.03) ? rng.int(120, 200) : undefined;

  /* ---------- positions ---------- */
  const positions: Position[] = [];
  const nMain = arch.id === 'early_career' ? rng.int(1, 2) : rng.int(1, 4);
  const top = Math.min(
    ladder.length - 1,
    Math.max(0, Math.floor((careerMonths / 420) * ladder.length + rng.float() * 1.5 - 0.5)),
  );
  const first = Math.max(0, top - nMain + 1);
  const steps = top - first + 1;
  // Split the career into consecutive spans, with small gaps or overlaps between them.
  const totalDays = asOfDay - careerStart;
  const cuts: number[] = [];
  for (let k = 0; k < steps - 1; k++) cuts.push(careerStart + Math.floor(rng.float() * totalDays));
  cuts.sort((a, b) => a - b);
  let start = careerStart;
  for (let s = 0; s < steps; s++) {
    const j = ladder[first + s]!;
    const isLast = s === steps - 1;
    const cut = isLast ? asOfDay : cuts[s]!;
    const current = isLast && rng.chance(0.82);
    const end = current ? undefined : Math.max(start, cut - (isLast ? rng.int(0, 400) : rng.int(-40, 60)));
    const fte = rng.chance(0.12) ? rng.pick([0.5, 0.6, 0.75, 0.8, 0.9]) : 1;
    // A few current jobs are contracts with a known end date.
    const contractEnd = current && rng.chance(0.05) ? asOfDay + rng.int(30, 500) : undefined;
    const p: Position = {
      title: j.title,
      start: fmt(rng, Math.min(start, asOfDay)),
      fte,
      kinds: [...j.kinds],
    };
    if (j.role) p.role = j.role;
    if (end !== undefined) p.end = fmt(rng, Math.min(end, asOfDay));
    else if (contractEnd !== undefined) p.end = fmt(rng, contractEnd);
    positions.push(p);
    start = Math.min(asOfDay, cut + rng.int(-20, 45));
  }
  // Some people hold a part-time job alongside (overlapping the main ones).
  if (positions.length < 5 && careerMonths > 24 && rng.chance(0.18)) {
    const side = arch.id === 'nursing' && rng.chance(0.6) ? sideJobs[1]! : rng.pick(sideJobs);
    const s = asOfDay - rng.int(60, Math.min(careerMonths * 30, 4000));
    const p: Position = { title: side.title, start: fmt(rng, s), fte: 1, kinds: [...side.kinds] };
    if (!rng.chance(0.5)) p.end = fmt(rng, Math.min(asOfDay, s + rng.int(90, 1500)));
    p.fte = rng.pick([0.2, 0.25, 0.4, 0.5]);
    positions.push(p);
  }
  const kindsHeld = new Set(positions.flatMap((p) => p.kinds));

  /* ---------- credentials ---------- */
  const credentials: Credential[] = [];
  for (const c of arch.credentials) {
    if (!rng.chance(c.p)) continue;
    const earned = careerStart - rng.int(0, 120);
    const status = rng.weighted(credentialStatuses);
    const cr: Credential = { id: c.id, status };
    if (rng.chance(0.8)) cr.earned = fmt(rng, Math.min(earned, asOfDay));
    if (rng.chance(0.5)) cr.expires = fmt(rng, asOfDay + rng.int(-200, 900), 0.3);
    credentials.push(cr);
  }
  if (kindsHeld.has('project_leadership') && rng.chance(0.15))
    credentials.push({ id: 'PMP', earned: fmt(rng, asOfDay - rng.int(100, 3000)), status: 'active' });
  if (rng.chance(0.02)) credentials.push({ id: 'AHIMA_FOREIGN_RECIPROCITY', status: 'active' });

  /* ---------- memberships ---------- */
  const memberships: Membership[] = [];
  for (const m of arch.memberships) {
    if (!rng.chance(m.p)) continue;
    const since = asOfDay - rng.int(10, Math.max(40, Math.min(careerMonths * 30, 6000)));
    const lapsed = rng.chance(0.08);
    const ms: Membership = { id: m.id, type: 'member' };
    if (rng.chance(0.93)) ms.since = fmt(rng, since);
    if (lapsed) ms.until = fmt(rng, asOfDay - rng.int(30, 700));
    ms.type = rng.pick(m.types);
    memberships.push(ms);
  }
  if (kindsHeld.has('health_it_executive') && !memberships.some((m) => m.id === 'CHIME') && rng.chance(0.6))
    memberships.push({ id: 'CHIME', since: fmt(rng, asOfDay - rng.int(100, 3000)), type: 'member' });

  /* ---------- continuing education ---------- */
  // "Engaged" people (about a third) keep up CE and volunteering in the last three years.
  const engaged = arch.id !== 'early_career' && rng.chance(0.35);
  const ce: CeActivity[] = [];
  const nCe = engaged
    ? rng.int(15, 50)
    : rng.chance(0.25)
      ? 0
      : rng.int(1, arch.id === 'early_career' ? 6 : 25);
  const ceSpanDays = engaged ? 36 * 30 : 60 * 30;
  for (let k = 0; k < nCe; k++) {
    // The archetype's first category is its main one.
    const category = rng.chance(0.45) ? arch.ce[0]! : rng.pick(arch.ce);
    const hours = rng.pick(ceHours);
    const unit = creditUnitOf[category];
    const withCredits = unit !== undefined && rng.chance(0.7);
    const a: CeActivity = { date: fmt(rng, asOfDay - rng.int(0, ceSpanDays), 0.2), hours };
    if (rng.chance(0.6)) a.provider = rng.pick(ceProviders);
    if (rng.chance(0.4)) a.title = `${category.replace(/_/g, ' ')} session ${k + 1}`;
    if (rng.chance(0.95)) a.category = category;
    if (withCredits && unit !== undefined) {
      const credit: NonNullable<CeActivity['credits']>[number] = { unit, amount: hours };
      if (rng.chance(0.2)) credit.category = category;
      a.credits = [credit];
    }
    ce.push(a);
  }

  /* ---------- projects, volunteering, attestations ---------- */
  const projects: Project[] = [];
  if (rng.chance(arch.projects)) {
    const n = rng.int(1, 6);
    const sixSigmaWeight = arch.id === 'process_improvement' || arch.id === 'quality' ? 5 : 1;
    for (let k = 0; k < n; k++) {
      const kind = rng.weighted([['six_sigma', sixSigmaWeight], ...otherProjectKinds] as const);
      const completed = rng.chance(0.85) ? asOfDay - rng.int(-200, 3000) : undefined;
      const pr: Project = { title: `${kind.replace(/_/g, ' ')} project ${k + 1}`, kind, role: 'member' };
      if (completed !== undefined) pr.completed = fmt(rng, completed);
      pr.role = rng.chance(0.45) ? 'lead' : 'member';
      projects.push(pr);
    }
  }
  const volunteering: Volunteering[] = [];
  const nVol = engaged ? rng.int(3, 10) : rng.chance(0.55) ? 0 : rng.int(1, 6);
  for (let k = 0; k < nVol; k++) {
    const kind = rng.chance(0.5) ? 'healthcare' : 'community';
    const v: Volunteering = { kind, date: fmt(rng, asOfDay - rng.int(0, engaged ? 36 * 30 : 60 * 30), 0.3) };
    if (rng.chance(0.3)) v.title = kind === 'healthcare' ? 'Community health fair' : 'Food bank';
    volunteering.push(v);
  }
  const attestations: string[] = [];
  const member = (id: string) => memberships.some((m) => m.id === id);
  if (member('ACHE') && rng.chance(0.5)) attestations.push('FACHE_REFERENCES');
  if (kindsHeld.has('nurse_manager') && rng.chance(0.7)) attestations.push('CNML_TARGET_PRACTITIONER');
  if (kindsHeld.has('nurse_executive') && rng.chance(0.7)) attestations.push('CENP_TARGET_PRACTITIONER');
  if (member('CHIME') && rng.chance(0.8)) attestations.push('CHIME_STANDARDS_OF_CONDUCT');

  const profile: Profile = {
    format: PROFILE_FORMAT,
    education,
    positions,
    credentials,
    ce,
    memberships,
    projects,
    volunteering,
    attestations,
    assessments: [],
  };
  if (rng.chance(0.5)) profile.name = `Synthetic person ${index + 1}`;
  if (collegeCreditHours !== undefined) profile.collegeCreditHours = collegeCreditHours;
  if (rng.chance(0.1))
    profile.goals = { constraints: { hoursPerWeek: rng.int(2, 10), onlineOnly: rng.chance(0.5) } };
  return profile;
}
