/**
 * Zod schemas for the career part of the catalog: the competency framework
 * (`catalog/competencies.yaml`), roles with their transitions (`catalog/roles/<id>.yaml`) and
 * training programs (`catalog/programs/<id>.yaml`). The schema is the type, as in `schema.ts`.
 *
 * Unknown is a value, never a guess: a cost, duration, modality or feature that no source states is
 * written `unknown`, and a value that is our own judgement (not read on a page) carries
 * `judgement: true`.
 */
import { z } from 'zod';
import { confidenceSchema, conflictSchema, educationLevelSchema, sourceSchema } from './schema.js';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD');
const id = z.string().regex(/^[a-z0-9][a-z0-9_-]*$/, 'must be a lower-case id (letters, digits, _ -)');
const certId = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_.-]*$/, 'must be an id (letters, digits, _ . -)');
const text = z.string().trim().min(1, 'must not be empty');
const unknown = z.literal('unknown');

/** Where a group of facts came from; sources are cited by id from the file's `sources` list. */
const provenance = {
  confidence: confidenceSchema.optional(),
  sources: z.array(certId).optional(),
  note: text.optional(),
  conflicts: z.array(conflictSchema).optional(),
};

/** Entry-level provenance every role, program and the framework carries. */
const entryProvenance = {
  /** The sources read, cited by id anywhere in the file. */
  sources: z.array(sourceSchema),
  verifiedAsOf: isoDate,
  confidence: confidenceSchema,
};

/* ------------------------------------------------------------------ competencies */

/** The five HLA / ACHE domains, in the order the framework lists them. */
export const competencyDomainIds = [
  'communication_relationships',
  'leadership',
  'professionalism',
  'healthcare_environment',
  'business_skills',
] as const;
export const competencyDomainIdSchema = z.enum(competencyDomainIds);
export type CompetencyDomainId = z.infer<typeof competencyDomainIdSchema>;

/** The field's topic tags a competency may carry (issue 5's list plus the HLA themes). */
export const competencyTopics = [
  'leadership',
  'communication',
  'professionalism',
  'strategy',
  'finance_budgeting',
  'policy',
  'quality_patient_safety',
  'human_resources',
  'regulatory_compliance',
  'data_analytics',
  'digital_health_it',
  'process_redesign',
  'medical_literacy',
  'operations',
] as const;
export const competencyTopicSchema = z.enum(competencyTopics);
export type CompetencyTopic = z.infer<typeof competencyTopicSchema>;

export const competencyDomainSchema = z.strictObject({
  id: competencyDomainIdSchema,
  name: text,
  /** Our own one-sentence summary of the domain. */
  description: text,
  ...provenance,
});
export type CompetencyDomain = z.infer<typeof competencyDomainSchema>;

/** A name in another framework that a competency lines up with (names only: see `licence`). */
export const crosswalkEntrySchema = z.strictObject({
  framework: id,
  name: text,
});

export const competencySchema = z.strictObject({
  id,
  /** Short label shown in tables and charts. */
  label: text.max(60, 'must be at most 60 characters (a short label)'),
  domain: competencyDomainIdSchema,
  /** One sentence in our own words; never copied from a framework. */
  description: text,
  topics: z.array(competencyTopicSchema).min(1, 'needs at least one topic'),
  /** True when the competency is our own grouping rather than a framework's. */
  judgement: z.boolean().optional(),
  /** Names of matching competencies in other frameworks (names only, with the framework's link). */
  crosswalk: z.array(crosswalkEntrySchema).optional(),
  ...provenance,
});
export type Competency = z.infer<typeof competencySchema>;

export const proficiencyLevelSchema = z.number().int().min(1).max(5);
export type ProficiencyLevel = z.infer<typeof proficiencyLevelSchema>;

/** One point of the 1–5 scale; names the framework does not give are our judgement. */
export const scaleLevelSchema = z.strictObject({
  level: proficiencyLevelSchema,
  name: text,
  /** What a person at this level can do, in our own words. */
  meaning: text,
  judgement: z.boolean().optional(),
  ...provenance,
});
export type ScaleLevel = z.infer<typeof scaleLevelSchema>;

/**
 * How a framework's owner lets us use it: `open` (summaries allowed), `summaries_only` (our own
 * summaries, no copied text) or `names_and_links_only` (NCHL: names and a link, nothing more).
 */
export const frameworkLicenceSchema = z.enum(['open', 'summaries_only', 'names_and_links_only']);

export const relatedFrameworkSchema = z.strictObject({
  id,
  name: text,
  publisher: text,
  url: z.url({ message: 'must be a URL' }),
  licence: frameworkLicenceSchema,
  ...provenance,
});
export type RelatedFramework = z.infer<typeof relatedFrameworkSchema>;

export const competencyFrameworkSchema = z.strictObject({
  id,
  name: text,
  description: text,
  ...entryProvenance,
  domains: z.array(competencyDomainSchema).min(1),
  scale: z.array(scaleLevelSchema).length(5, 'must list the five levels 1–5'),
  relatedFrameworks: z.array(relatedFrameworkSchema),
  competencies: z.array(competencySchema).min(1),
});
export type CompetencyFramework = z.infer<typeof competencyFrameworkSchema>;

/* ------------------------------------------------------------------ roles */

export const roleFamilies = [
  'hospital_operations',
  'nursing_leadership',
  'quality',
  'health_it',
  'finance',
  'practice_management',
  'clinical_entry',
] as const;
export const roleFamilySchema = z.enum(roleFamilies);
export type RoleFamily = z.infer<typeof roleFamilySchema>;

/** Seniority: a clinical entry role, a first-line or middle manager, a director, an executive. */
export const roleLevels = ['entry', 'specialist', 'manager', 'director', 'executive'] as const;
export const roleLevelSchema = z.enum(roleLevels);
export type RoleLevel = z.infer<typeof roleLevelSchema>;

/**
 * A target level: a bare number is stated by the role's sources; `{level, judgement: true}` is ours.
 * Both load as `{level, judgement?, note?}`.
 */
/** A target as loaded (and served): the level, and whether it is our judgement. */
export const targetSchema = z.strictObject({
  level: proficiencyLevelSchema,
  judgement: z.boolean().optional(),
  note: text.optional(),
});

export const targetLevelSchema = z.preprocess((v) => (typeof v === 'number' ? { level: v } : v), targetSchema);
export type TargetLevel = z.infer<typeof targetLevelSchema>;

export const yearsRangeSchema = z
  .strictObject({
    min: z.number().min(0),
    max: z.number().min(0).optional(),
    judgement: z.boolean().optional(),
    ...provenance,
  })
  .refine((r) => r.max === undefined || r.max >= r.min, { message: 'max must not be less than min', path: ['max'] });

/** A typical move to another role, written in the file of the role it starts from. */
export const transitionSchema = z.strictObject({
  to: id,
  typicalYears: z.union([yearsRangeSchema, unknown]),
  /** A well-trodden move (true) or a possible but less usual one (false). */
  common: z.boolean(),
  judgement: z.boolean().optional(),
  ...provenance,
});

/** Labour-market facts from O*NET / BLS, always with the edition they come from. */
export const labourMarketSchema = z.strictObject({
  occupation: text,
  socCode: z.string().regex(/^\d{2}-\d{4}(\.\d{2})?$/, 'must be an O*NET-SOC code such as 11-9111.00').optional(),
  medianPayUsd: z.number().int().positive().optional(),
  payReference: text.optional(),
  jobs: z.number().int().positive().optional(),
  jobsYear: z.number().int().optional(),
  projectedGrowthPercent: z.number().optional(),
  growthPeriod: text.optional(),
  typicalEntryEducation: text.optional(),
  ...provenance,
});

export const roleSchema = z.strictObject({
  id,
  title: text,
  family: roleFamilySchema,
  level: roleLevelSchema,
  /** What the job is, in our own words. */
  summary: text,
  /** How the values below were found: read on a page, partly, or our judgement. */
  basis: z.enum(['sourced', 'mixed', 'judgement']),
  education: z.strictObject({
    typical: text,
    minLevel: z.union([educationLevelSchema, unknown]),
    judgement: z.boolean().optional(),
    ...provenance,
  }),
  experience: z.strictObject({
    typical: text,
    years: z.union([yearsRangeSchema, unknown]),
    judgement: z.boolean().optional(),
    ...provenance,
  }),
  /** Certification ids of the catalog that employers commonly prefer. */
  preferredCertifications: z.array(certId),
  /** Other credentials named for the role that the catalog does not hold (e.g. CPA, CCRN). */
  otherCredentials: z.array(text).optional(),
  /** Target proficiency per competency id, 1–5. */
  targets: z.record(id, targetLevelSchema),
  labourMarket: labourMarketSchema.optional(),
  transitions: z.array(transitionSchema),
  ...entryProvenance,
});
export type Role = z.infer<typeof roleSchema>;

/** A transition with both ends named, as the catalog hands it out. */
export interface RoleTransition {
  from: string;
  to: string;
  typicalYears: z.infer<typeof yearsRangeSchema> | 'unknown';
  common: boolean;
  judgement?: boolean;
  confidence?: z.infer<typeof confidenceSchema>;
  sources?: string[];
  note?: string;
}

/* ------------------------------------------------------------------ programs */

export const programFormats = [
  'workshop',
  'professional_certificate',
  'graduate_certificate',
  'university_diploma',
  'online_microcredential',
  'mha',
  'mba_healthcare',
  'mph',
  'msn_leadership',
  'doctorate',
  'executive_education',
  'fellowship_residency',
  'practicum',
] as const;
export const programFormatSchema = z.enum(programFormats);
export type ProgramFormat = z.infer<typeof programFormatSchema>;

export const modalities = ['online', 'blended', 'in_person'] as const;
export const modalitySchema = z.enum(modalities);
export type Modality = z.infer<typeof modalitySchema>;

export const accreditors = ['CAHME', 'CEPH', 'CCNE', 'AACSB', 'institutional', 'none'] as const;
export const accreditorSchema = z.enum(accreditors);
export type Accreditor = z.infer<typeof accreditorSchema>;

const featureSchema = z.union([z.boolean(), unknown]);

export const programCostSchema = z.union([
  z.strictObject({
    usd: z.number().min(0),
    /** The date or academic year the price was stated for, as written (e.g. "2025-05", "AY 2024-25"). */
    asOf: text,
    /** What the amount pays for (tuition only, total with fees, one course...). */
    covers: text,
    judgement: z.boolean().optional(),
    ...provenance,
  }),
  unknown,
]);

export const programDurationSchema = z.union([
  z
    .strictObject({
      months: z.number().positive().optional(),
      hours: z.number().positive().optional(),
      /** The provider's own description of the length, e.g. "24 months, part time". */
      detail: text.optional(),
      /** True when the number is our reading of the detail (a midpoint, days counted as hours). */
      judgement: z.boolean().optional(),
      ...provenance,
    })
    .refine((d) => (d.months === undefined) !== (d.hours === undefined), { message: 'give exactly one of months or hours' }),
  unknown,
]);

export const ceCreditSchema = z.strictObject({
  /** Credits earned, or `unknown` when the provider says the program earns this credit but not how much. */
  amount: z.union([z.number().positive(), unknown]),
  /** A credit unit id from vocabulary.yaml (e.g. ache_credit, contact_hour, pmi_pdu). */
  unit: certId,
  /** A CE category id from vocabulary.yaml when the credit counts in one (e.g. ache_in_person). */
  category: certId.optional(),
  /** Certification ids whose renewal (or eligibility) accepts this credit. */
  acceptedFor: z.array(certId),
  ...provenance,
});
export type CeCredit = z.infer<typeof ceCreditSchema>;

/** The program facts that can be unknown, and so can be checked and found not published. */
export const programFactFields = ['accreditation', 'duration', 'cost', 'ce', 'capstone', 'practicum', 'mentorship', 'cohort'] as const;
export type ProgramFactField = (typeof programFactFields)[number];

/**
 * Facts the provider does not publish: the provider's own pages (cited by source id) were read on
 * `checked` and state none of `fields`. Each listed field stays `unknown` for every computation
 * (a price nobody states is never counted); the app shows "not published by the provider
 * (checked DATE)" instead of a bare "Unknown".
 */
export const programNotPublishedSchema = z.strictObject({
  checked: isoDate,
  fields: z.array(z.enum(programFactFields)).min(1, 'list at least one field'),
  /** The provider pages read (source ids of this file, of kind issuer). */
  sources: z.array(certId).min(1, 'cite the provider pages that were read'),
  note: text.optional(),
});
export type ProgramNotPublished = z.infer<typeof programNotPublishedSchema>;

export const programSchema = z.strictObject({
  id,
  name: text,
  provider: text,
  format: programFormatSchema,
  modality: z.union([modalitySchema, unknown]),
  /** Accreditations that apply; `[none]` when the provider states there is none. */
  accreditation: z.union([z.array(accreditorSchema).min(1), unknown]),
  accreditationNote: text.optional(),
  duration: programDurationSchema,
  cost: programCostSchema,
  /** CE the program earns; `none` when it earns none, `unknown` when no page says. */
  ce: z.union([z.array(ceCreditSchema).min(1), z.literal('none'), unknown]),
  capstone: featureSchema,
  practicum: featureSchema,
  mentorship: featureSchema,
  cohort: featureSchema,
  /** Competency ids the syllabus covers (our mapping of the provider's topics). */
  competencies: z.array(id).min(1, 'map the syllabus to at least one competency'),
  /** The provider's syllabus topics as listed (short names, not copied descriptions). */
  syllabus: z.array(text).optional(),
  /** What the program is, in our own words. */
  summary: text,
  url: z.url({ message: 'must be a URL' }),
  /** True for an illustrative entry that is not a real, sourced offering. */
  example: z.boolean().optional(),
  /**
   * Who the program admits, when it is limited (physicians, registered nurses). A person fits
   * when their record shows any of: a job in one of `roles`, one of `credentials` held, a degree
   * in one of `degreeFields`. Recommendations leave out programs a person does not fit.
   */
  audience: z
    .strictObject({
      description: text,
      roles: z.array(id).optional(),
      credentials: z.array(certId).optional(),
      degreeFields: z.array(certId).optional(),
      ...provenance,
    })
    .optional(),
  /** Facts the provider's pages were read for and do not state. */
  notPublished: programNotPublishedSchema.optional(),
  ...entryProvenance,
});
export type Program = z.infer<typeof programSchema>;

/* ------------------------------------------------------------------ certification preparation */

/** What preparing for one certification builds (our judgement from its exam's content areas). */
export const certificationPrepEntrySchema = z.strictObject({
  certification: certId,
  /** Certifications a person takes one of (e.g. the Lean Six Sigma belts); at most one is recommended. */
  group: id.optional(),
  competencies: z.array(id).min(1, 'map the exam to at least one competency'),
  /** A typical study plan's length in months and hours per week (judgement). */
  prepMonths: z.number().positive().max(36),
  weeklyHours: z.number().positive().max(80),
  note: text.optional(),
});
export type CertificationPrepEntry = z.infer<typeof certificationPrepEntrySchema>;

export const certificationPrepSchema = z.strictObject({
  verifiedAsOf: isoDate,
  confidence: confidenceSchema,
  note: text.optional(),
  entries: z.array(certificationPrepEntrySchema),
});
export type CertificationPrep = z.infer<typeof certificationPrepSchema>;
