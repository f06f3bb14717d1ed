import { describe, expect, it } from 'vitest';
import type { Condition } from '../catalog/schema.js';
import {
  describeAlignment,
  describeCategoryRule,
  describeCondition,
  formatMonths,
  formatNumber,
  lowerFirst,
  pluralUnit,
  type DescribeVocabulary,
} from './describe.js';

const vocab: DescribeVocabulary = {
  organizations: [
    {
      id: 'ACHE',
      acronym: 'ACHE',
      label: 'American College of Healthcare Executives',
      url: 'https://www.ache.org/',
    },
    {
      id: 'MGMA',
      acronym: 'MGMA',
      label: 'Medical Group Management Association',
      url: 'https://www.mgma.com/',
    },
  ],
  experienceKinds: [
    { id: 'healthcare', label: 'Healthcare', question: '?' },
    { id: 'healthcare_management', label: 'Healthcare management', question: '?' },
    { id: 'healthcare_executive', label: 'Healthcare executive', question: '?' },
    { id: 'nurse_manager', label: 'Nurse manager', question: '?' },
    { id: 'supervisory', label: 'Supervision', question: '?' },
    { id: 'health_it', label: 'Health IT and information systems', question: '?' },
    { id: 'practice_management', label: 'Practice management', question: '?' },
    { id: 'project_leadership', label: 'Project leadership', question: '?' },
  ],
  degreeFields: [
    { id: 'nursing', label: 'Nursing' },
    { id: 'gac_accredited', label: 'PMI GAC-accredited programme' },
  ],
  membershipTypes: [
    { id: 'member', label: 'Member' },
    { id: 'faculty', label: 'Faculty associate' },
    { id: 'international', label: 'International associate' },
  ],
  ceCategories: [
    { id: 'ache_in_person', label: 'ACHE In-Person Education', organization: 'ACHE' },
    { id: 'ache_qualifying', label: 'Qualifying Education', organization: 'ACHE' },
    { id: 'project_management_education', label: 'Project management education' },
    { id: 'mgma_live', label: 'MGMA live education', organization: 'MGMA' },
  ],
  creditUnits: [
    { id: 'ache_credit', label: 'ACHE credit', organization: 'ACHE', contactHoursPerUnit: 1 },
    { id: 'pmi_pdu', label: 'PMI professional development unit (PDU)', organization: 'PMI' },
    { id: 'contact_hour', label: 'contact hour' },
  ],
  credentials: [{ id: 'RN_LICENSE', label: 'Registered nurse licence', kind: 'license' }],
  attestations: [{ id: 'CNML_TARGET', statement: 'I am a nurse leader in a nurse-manager role.' }],
};

const certifications = [{ id: 'CAPM', acronym: 'CAPM', name: 'Certified Associate in Project Management' }];

const cases: Array<[string, Condition, string]> = [
  [
    'education, any field',
    { type: 'education', minLevel: 'master' },
    "A master's degree or higher (any field)",
  ],
  [
    'education in a field, with credits instead',
    { type: 'education', minLevel: 'bachelor', field: 'nursing', orCollegeCreditHours: 120 },
    "A bachelor's degree or higher in nursing, or 120 college credit hours",
  ],
  [
    'education with an extra rule',
    { type: 'education', minLevel: 'bachelor', field: 'gac_accredited', extraRule: 'From a GAC programme.' },
    "A bachelor's degree or higher in PMI GAC-accredited programme. From a GAC programme",
  ],
  ['doctorate', { type: 'education', minLevel: 'doctorate' }, 'A doctorate (any field)'],
  [
    'experience in months',
    { type: 'experience', kinds: 'healthcare_management', minMonths: 60 },
    'At least 60 months (5 years) of healthcare management experience',
  ],
  [
    'experience in hours in a role',
    { type: 'experience', kinds: 'nurse_manager', minHours: 2080 },
    'At least 2,080 hours as a nurse manager',
  ],
  [
    'experience with window and qualifier',
    {
      type: 'experience',
      kinds: 'project_leadership',
      minMonths: 36,
      windowMonths: 96,
      qualifier: 'Unique, non-overlapping months.',
    },
    'At least 36 months (3 years) of project leadership experience in the last 96 months (8 years) (unique, non-overlapping months)',
  ],
  [
    'experience, allOf',
    { type: 'experience', kinds: { allOf: ['supervisory', 'healthcare'] }, minMonths: 6 },
    'At least 6 months of experience that is both supervision and healthcare',
  ],
  [
    'experience, anyOf',
    {
      type: 'experience',
      kinds: { anyOf: ['healthcare_management', 'healthcare_executive', 'practice_management'] },
      minMonths: 48,
    },
    'At least 48 months (4 years) of healthcare management, healthcare executive or practice management experience',
  ],
  [
    'experience, any amount',
    { type: 'experience', kinds: 'health_it', anyAmount: true },
    'Documented health IT and information systems experience (no minimum stated)',
  ],
  [
    'current position in a role',
    { type: 'current_position', kinds: 'healthcare_executive' },
    'Currently working as a healthcare executive',
  ],
  [
    'current position, anyOf',
    { type: 'current_position', kinds: { anyOf: ['healthcare_management', 'practice_management'] } },
    'Currently in a job that counts as healthcare management or practice management',
  ],
  [
    'licence',
    {
      type: 'license',
      credential: 'RN_LICENSE',
      status: 'active, unencumbered',
      jurisdiction: 'United States',
    },
    'A registered nurse licence (active, unencumbered; United States)',
  ],
  [
    'membership with types and tenure',
    {
      type: 'membership',
      organization: 'ACHE',
      memberTypes: ['member', 'faculty', 'international'],
      minTenureMonths: 12,
    },
    'ACHE membership (Member, Faculty associate or International associate) for at least 12 months',
  ],
  [
    'current membership',
    { type: 'membership', organization: 'MGMA', minTenureMonths: 0 },
    'Current MGMA membership',
  ],
  [
    'continuing education with categories',
    {
      type: 'continuing_education',
      total: 36,
      unit: 'ache_credit',
      windowMonths: 36,
      categories: [
        { category: 'ache_in_person', min: 12 },
        { category: 'ache_qualifying', max: 12 },
      ],
    },
    '36 ACHE credits of continuing education in the last 36 months: at least 12 ACHE In-Person Education, at most 12 Qualifying Education',
  ],
  [
    'continuing education with topic, range and note',
    {
      type: 'continuing_education',
      total: 60,
      unit: 'pmi_pdu',
      topic: 'project management',
      categories: [{ category: 'mgma_live', min: 12, max: 20, note: 'Counts within the total.' }],
    },
    '60 PMI professional development units (PDUs) of continuing education on project management: 12 to 20 MGMA live education (counts within the total)',
  ],
  [
    'training with an alternative credential',
    { type: 'training', hours: 35, category: 'project_management_education', orCredentials: ['CAPM'] },
    'At least 35 hours of project management education, or hold CAPM (Certified Associate in Project Management)',
  ],
  ['credential, one', { type: 'credential', anyOf: ['RN_LICENSE'] }, 'Hold a registered nurse licence'],
  [
    'credential, several',
    { type: 'credential', anyOf: ['CAPM', 'PMP'] },
    'Hold one of: CAPM (Certified Associate in Project Management) or PMP',
  ],
  [
    'projects',
    {
      type: 'projects',
      count: 2,
      kinds: ['six_sigma'],
      role: 'lead',
      evidence: 'A signed project affidavit.',
    },
    'At least 2 completed Six Sigma projects that you led (evidence: a signed project affidavit)',
  ],
  ['one project of any kind', { type: 'projects', count: 1 }, 'At least 1 completed project'],
  [
    'references with detail',
    {
      type: 'references',
      count: 2,
      attestation: 'X',
      detail: ['Structured interview with a Fellow.', 'A second reference.'],
    },
    '2 references: structured interview with a Fellow; a second reference',
  ],
  [
    'volunteering',
    { type: 'volunteering', healthcare: 2, community: 2, windowMonths: 36 },
    '2 healthcare and 2 community volunteer activities in the last 36 months',
  ],
  [
    'volunteering, one kind',
    { type: 'volunteering', healthcare: 0, community: 1, windowMonths: 12 },
    '1 community volunteer activity in the last 12 months',
  ],
  [
    'attestation',
    { type: 'attestation', attestation: 'CNML_TARGET' },
    'You confirm: "I am a nurse leader in a nurse-manager role."',
  ],
  ['exam', { type: 'exam', name: 'Multiple-choice exam' }, 'Pass the multiple-choice exam'],
  [
    'exam with a proper name',
    { type: 'exam', name: 'Board of Governors Examination' },
    'Pass the Board of Governors Examination',
  ],
  [
    'on track',
    {
      type: 'on_track',
      withinMonths: 36,
      conditions: [
        { type: 'experience', kinds: 'healthcare', minMonths: 24 },
        { type: 'education', minLevel: 'bachelor', orCollegeCreditHours: 120 },
      ],
    },
    "On track to meet all of these within 36 months (3 years): at least 24 months (2 years) of healthcare experience; a bachelor's degree or higher (any field), or 120 college credit hours",
  ],
];

describe('describeCondition', () => {
  it.each(cases)('%s', (_name, condition, expected) => {
    expect(describeCondition(condition, vocab, { certifications })).toBe(expected);
  });

  it('covers every condition type', () => {
    const covered = new Set(cases.map(([, c]) => c.type));
    expect([...covered].sort()).toEqual(
      [
        'attestation',
        'continuing_education',
        'credential',
        'current_position',
        'education',
        'exam',
        'experience',
        'license',
        'membership',
        'on_track',
        'projects',
        'references',
        'training',
        'volunteering',
      ].sort(),
    );
  });

  it('shows an unknown id as itself rather than guessing', () => {
    expect(describeCondition({ type: 'experience', kinds: 'unknown_kind', minMonths: 1 }, vocab)).toBe(
      'At least 1 month of unknown_kind experience',
    );
  });
});

describe('helpers', () => {
  it('formats numbers and months', () => {
    expect(formatNumber(2080)).toBe('2,080');
    expect(formatNumber(1234567.5)).toBe('1,234,567.5');
    expect(formatMonths(12)).toBe('12 months (1 year)');
    expect(formatMonths(18)).toBe('18 months');
  });

  it('lower-cases only plain sentence-case labels', () => {
    expect(lowerFirst('Nurse manager')).toBe('nurse manager');
    expect(lowerFirst('Health IT executive')).toBe('health IT executive');
    expect(lowerFirst('Board of Governors Examination')).toBe('Board of Governors Examination');
    expect(lowerFirst('PMI Education')).toBe('PMI Education');
    // A one-letter first word: "in A field other than nursing" was shown before.
    expect(lowerFirst('A field other than nursing')).toBe('a field other than nursing');
    expect(lowerFirst('AONL Nurse Manager')).toBe('AONL Nurse Manager');
  });

  it('describes alignment kinds in words when the catalog gives no sentence', () => {
    expect(describeAlignment({ kind: 'next_january' })).toBe(
      'Starts on 1 January of the year after you certify.',
    );
    expect(describeAlignment({ kind: 'year_month_end', month: 5 })).toBe(
      'Ends on the last day of May of the year it expires.',
    );
    expect(describeAlignment({ kind: 'earned', text: 'As ASQ says.' })).toBe('As ASQ says.');
  });

  it('pluralises credit units', () => {
    expect(pluralUnit('ACHE credit', 2)).toBe('ACHE credits');
    expect(pluralUnit('CCB CEU', 2)).toBe('CCB CEUs');
    expect(pluralUnit('contact hour', 1)).toBe('contact hour');
  });
});

describe('describeCategoryRule', () => {
  it('states minimums, maximums and ranges', () => {
    expect(describeCategoryRule({ category: 'ache_in_person', min: 12 }, vocab)).toBe(
      'at least 12 ACHE In-Person Education',
    );
    expect(describeCategoryRule({ category: 'ache_qualifying', max: 12 }, vocab)).toBe(
      'at most 12 Qualifying Education',
    );
    expect(describeCategoryRule({ category: 'mgma_live', min: 5, max: 5 }, vocab)).toBe(
      'exactly 5 MGMA live education',
    );
  });
});
