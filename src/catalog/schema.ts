/**
 * Zod schemas for the catalog files in `catalog/`. The schema is the type: every other layer
 * imports the inferred types from here (core with `import type` only).
 *
 * Catalog YAML uses camelCase keys. Unknown keys are rejected so that a typo cannot silently
 * drop a fact.
 */
import { z } from 'zod';
import type { CertificationPrep, CompetencyFramework, Program, Role, RoleTransition } from './career-schema.js';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD');
const id = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_.-]*$/, 'must be an id (letters, digits, _ . -)');
const text = z.string().trim().min(1, 'must not be empty');

export const confidenceSchema = z.enum(['high', 'medium', 'low']);
export type Confidence = z.infer<typeof confidenceSchema>;

export const educationLevels = ['high_school', 'associate', 'bachelor', 'master', 'doctorate'] as const;
export const educationLevelSchema = z.enum(educationLevels);
export type EducationLevel = z.infer<typeof educationLevelSchema>;

/** How a source relates to the issuing body: its own page, a chapter, a copy, or a third party. */
export const sourceKindSchema = z.enum(['issuer', 'issuer_chapter', 'issuer_mirror', 'secondary']);

export const sourceSchema = z.strictObject({
  id,
  url: z.url({ message: 'must be a URL' }),
  title: text,
  kind: sourceKindSchema,
  /** Date or period the page states about itself, as written (e.g. "2024", "effective 2023-09-01"). */
  pageDate: text.optional(),
  /** The day a curator last read this page, when later than the certification's `verifiedAsOf`. */
  checked: isoDate.optional(),
  /** The page describes older rules or has moved; kept for the rule history, not for current facts. */
  outdated: z.literal(true).optional(),
});
export type Source = z.infer<typeof sourceSchema>;

/** A claim from another source that disagrees with the value the catalog uses. */
export const conflictSchema = z.strictObject({
  claim: text,
  sources: z.array(id).min(1),
  note: text.optional(),
});
export type Conflict = z.infer<typeof conflictSchema>;

/** Provenance that any fact group may carry; missing confidence inherits from the enclosing group. */
const provenance = {
  confidence: confidenceSchema.optional(),
  sources: z.array(id).optional(),
  note: text.optional(),
  conflicts: z.array(conflictSchema).optional(),
};

/** An expression over experience kinds: one kind, months that are all of several, or any of several. */
export const kindExpressionSchema = z.union([
  id,
  z.strictObject({ allOf: z.array(id).min(2, 'allOf needs at least two kinds') }),
  z.strictObject({ anyOf: z.array(id).min(2, 'anyOf needs at least two kinds') }),
]);
export type KindExpression = z.infer<typeof kindExpressionSchema>;

const conditionBase = {
  /** Stable id within the pathway, used in results and history. */
  id: id.optional(),
  /** `apply`: needed to apply / sit the exam (default). `certification`: needed before the award. */
  stage: z.enum(['apply', 'certification']).optional(),
  /** The rule in plain words, as a person would read it on the certification page. */
  summary: text.optional(),
  ...provenance,
};

const educationCondition = z.strictObject({
  type: z.literal('education'),
  ...conditionBase,
  minLevel: educationLevelSchema,
  /** Degree field restriction (catalog vocabulary `degree-fields`); omitted = any field. */
  field: id.optional(),
  /** College credit hours accepted instead of the degree (MGMA: 120 instead of a bachelor's). */
  orCollegeCreditHours: z.number().int().positive().optional(),
  /** Extra degree rule that the engine cannot check from levels alone, shown to the person. */
  extraRule: text.optional(),
});

const experienceCondition = z
  .strictObject({
    type: z.literal('experience'),
    ...conditionBase,
    kinds: kindExpressionSchema,
    minMonths: z.number().int().positive().optional(),
    minHours: z.number().int().positive().optional(),
    /** The issuer asks for documented experience of this kind but states no minimum. */
    anyAmount: z.literal(true).optional(),
    /** Look-back window ending on the application date. */
    windowMonths: z.number().int().positive().optional(),
    /** e.g. "full-time, paid; internships do not count". */
    qualifier: text.optional(),
  })
  .refine((c) => [c.minMonths, c.minHours, c.anyAmount].filter((v) => v !== undefined).length === 1, {
    message: 'give exactly one of minMonths, minHours or anyAmount',
  });

const currentPositionCondition = z.strictObject({
  type: z.literal('current_position'),
  ...conditionBase,
  kinds: kindExpressionSchema,
});

const licenseCondition = z.strictObject({
  type: z.literal('license'),
  ...conditionBase,
  credential: id,
  status: text.optional(),
  jurisdiction: text.optional(),
});

const membershipCondition = z.strictObject({
  type: z.literal('membership'),
  ...conditionBase,
  organization: id,
  /** Membership types that count (catalog vocabulary `membership-types`); omitted = any. */
  memberTypes: z.array(id).min(1).optional(),
  minTenureMonths: z.number().int().min(0),
  /**
   * The type the person must hold on the day they apply (ACHE: Faculty and International
   * Associates convert to Member first). When set, tenure is the total of every period of a
   * `memberTypes` membership (gaps allowed), not one membership's length.
   */
  currentMemberTypes: z.array(id).min(1).optional(),
});

export const ceCategoryRuleSchema = z
  .strictObject({
    category: id,
    min: z.number().nonnegative().optional(),
    max: z.number().nonnegative().optional(),
    /**
     * Another category of the same rule that this one is part of: its credits also count toward
     * that category's min and max (PMP: Power Skills PDUs are Education PDUs). One level only.
     */
    within: id.optional(),
    note: text.optional(),
  })
  .refine((r) => r.min !== undefined || r.max !== undefined, { message: 'give min, max or both' })
  .refine((r) => r.min === undefined || r.max === undefined || r.min <= r.max, {
    message: 'min must not exceed max',
  });
export type CeCategoryRule = z.infer<typeof ceCategoryRuleSchema>;

const continuingEducationCondition = z.strictObject({
  type: z.literal('continuing_education'),
  ...conditionBase,
  total: z.number().positive(),
  /** Credit unit (catalog vocabulary `credit-units`). */
  unit: id,
  windowMonths: z.number().int().positive().optional(),
  categories: z.array(ceCategoryRuleSchema).optional(),
  /** Credits in a category not named in `categories` count as this one (ACHE: Qualifying Education). */
  otherCategory: id.optional(),
  topic: text.optional(),
});

const trainingCondition = z.strictObject({
  type: z.literal('training'),
  ...conditionBase,
  hours: z.number().positive(),
  /** CE category that counts as this training (catalog vocabulary `ce-categories`). */
  category: id,
  /** Holding any of these credentials satisfies the condition instead. */
  orCredentials: z.array(id).optional(),
});

const credentialCondition = z.strictObject({
  type: z.literal('credential'),
  ...conditionBase,
  anyOf: z.array(id).min(1),
});

const projectsCondition = z.strictObject({
  type: z.literal('projects'),
  ...conditionBase,
  count: z.number().int().positive(),
  kinds: z.array(z.enum(['six_sigma', 'project', 'quality_improvement'])).min(1).optional(),
  role: z.enum(['lead', 'member']).optional(),
  evidence: text.optional(),
});

const referencesCondition = z.strictObject({
  type: z.literal('references'),
  ...conditionBase,
  count: z.number().int().positive(),
  /** The attestation a person gives to say the references are in hand. */
  attestation: id,
  detail: z.array(text).optional(),
});

const volunteeringCondition = z
  .strictObject({
    type: z.literal('volunteering'),
    ...conditionBase,
    healthcare: z.number().int().min(0),
    community: z.number().int().min(0),
    windowMonths: z.number().int().positive(),
  })
  .refine((c) => c.healthcare + c.community > 0, { message: 'ask for at least one activity' });

const attestationCondition = z.strictObject({
  type: z.literal('attestation'),
  ...conditionBase,
  attestation: id,
});

const examCondition = z.strictObject({
  type: z.literal('exam'),
  ...conditionBase,
  name: text,
});

export type Condition =
  | z.infer<typeof educationCondition>
  | z.infer<typeof experienceCondition>
  | z.infer<typeof currentPositionCondition>
  | z.infer<typeof licenseCondition>
  | z.infer<typeof membershipCondition>
  | z.infer<typeof continuingEducationCondition>
  | z.infer<typeof trainingCondition>
  | z.infer<typeof credentialCondition>
  | z.infer<typeof projectsCondition>
  | z.infer<typeof referencesCondition>
  | z.infer<typeof volunteeringCondition>
  | z.infer<typeof attestationCondition>
  | z.infer<typeof examCondition>
  | OnTrackCondition;

/** All the nested conditions will hold within `withinMonths` (MGMA's early-career route). */
export interface OnTrackCondition {
  type: 'on_track';
  id?: string;
  stage?: 'apply' | 'certification';
  summary?: string;
  confidence?: Confidence;
  sources?: string[];
  note?: string;
  conflicts?: Conflict[];
  withinMonths: number;
  conditions: Condition[];
}

export const conditionTypes = [
  'education',
  'experience',
  'current_position',
  'license',
  'membership',
  'continuing_education',
  'training',
  'credential',
  'projects',
  'references',
  'volunteering',
  'attestation',
  'exam',
  'on_track',
] as const;
export type ConditionType = (typeof conditionTypes)[number];

const onTrackCondition: z.ZodType<OnTrackCondition> = z.lazy(() =>
  z.strictObject({
    type: z.literal('on_track'),
    ...conditionBase,
    withinMonths: z.number().int().positive(),
    conditions: z.array(conditionSchema).min(1),
  }),
);

export const conditionSchema: z.ZodType<Condition> = z.lazy(() =>
  z.discriminatedUnion('type', [
    educationCondition,
    experienceCondition,
    currentPositionCondition,
    licenseCondition,
    membershipCondition,
    continuingEducationCondition,
    trainingCondition,
    credentialCondition,
    projectsCondition,
    referencesCondition,
    volunteeringCondition,
    attestationCondition,
    examCondition,
    onTrackCondition as unknown as typeof examCondition,
  ]),
) as z.ZodType<Condition>;

export const pathwaySchema = z.strictObject({
  id,
  /** Short plain-language name, e.g. "Bachelor's degree and 5 years". */
  label: text,
  conditions: z.array(conditionSchema),
  ...provenance,
});
export type EligibilityPathway = z.infer<typeof pathwaySchema>;

/** One version of the eligibility rules, in force from `effectiveFrom` to `effectiveUntil` inclusive. */
export const ruleSetSchema = z
  .strictObject({
    effectiveFrom: isoDate.optional(),
    effectiveUntil: isoDate.optional(),
    /** Conditions added to every pathway. */
    allPathways: z.array(conditionSchema).default([]),
    /** Alternatives: eligible when all conditions of any one pathway hold. */
    pathways: z.array(pathwaySchema),
    ...provenance,
  })
  .refine((r) => !r.effectiveFrom || !r.effectiveUntil || r.effectiveFrom <= r.effectiveUntil, {
    message: 'effectiveFrom must not be after effectiveUntil',
    path: ['effectiveUntil'],
  });
export type RuleSet = z.infer<typeof ruleSetSchema>;

export const eligibilitySchema = z.strictObject({
  /** The issuer's page for who may apply, when it is not the certification's own page. */
  url: z.url({ message: 'must be a URL' }).optional(),
  /**
   * `known`: rules are recorded. `unknown`: the issuer's rules could not be read; the engine
   * answers "unknown" rather than guessing.
   */
  status: z.enum(['known', 'unknown']),
  confidence: confidenceSchema,
  sources: z.array(id).min(1),
  note: text.optional(),
  conflicts: z.array(conflictSchema).optional(),
  /** Newest last. Periods must not overlap. */
  rules: z.array(ruleSetSchema),
  /** Advice the issuer gives that is not a requirement. */
  recommendations: z.array(text).optional(),
  /** What applying involves beyond the conditions (fees, forms), in plain words. */
  applicationSteps: z.array(text).optional(),
});
export type Eligibility = z.infer<typeof eligibilitySchema>;

export const feeSchema = z.strictObject({
  label: text,
  usd: z.number().nonnegative(),
});

export const examSchema = z.strictObject({
  name: text.optional(),
  questions: z.number().int().positive().optional(),
  scoredQuestions: z.number().int().positive().optional(),
  pretestQuestions: z.number().int().min(0).optional(),
  durationMinutes: z.number().int().positive().optional(),
  delivery: text.optional(),
  passing: text.optional(),
  format: text.optional(),
  fees: z.array(feeSchema).optional(),
  feesNote: text.optional(),
  history: z.array(text).optional(),
  ...provenance,
  confidence: confidenceSchema,
});
export type Exam = z.infer<typeof examSchema>;

export const renewalOptionSchema = z
  .strictObject({
    id,
    label: text,
    ce: z
      .strictObject({
        total: z.number().positive().optional(),
        unit: id,
        categories: z.array(ceCategoryRuleSchema).optional(),
        /** Credits in a category not named in `categories` count as this one (ACHE: Qualifying Education). */
        otherCategory: id.optional(),
        rules: z.array(text).optional(),
      })
      .optional(),
    exam: z.literal(true).optional(),
    fees: z.array(feeSchema).optional(),
    ...provenance,
  })
  .refine((o) => o.ce !== undefined || o.exam !== undefined, { message: 'a renewal option needs ce or exam' });
export type RenewalOption = z.infer<typeof renewalOptionSchema>;

/**
 * How long after the end of a cycle the issuer still accepts a renewal (usually with a late fee).
 * CE must still have been earned inside the cycle.
 */
export const renewalGraceSchema = z.union([
  z.strictObject({ days: z.number().int().positive() }),
  z.strictObject({ months: z.number().int().positive() }),
]);
export type RenewalGrace = z.infer<typeof renewalGraceSchema>;

/**
 * When the renewal application opens, relative to the end of the cycle: `monthsBefore` (the day
 * after the same date that many months before the end), or 1 January of the year the cycle ends.
 */
export const applicationOpensSchema = z.union([
  z.strictObject({ monthsBefore: z.number().int().positive() }),
  z.strictObject({ startOfExpiryYear: z.literal(true) }),
]);
export type ApplicationOpens = z.infer<typeof applicationOpensSchema>;

/**
 * How a renewal cycle lines up with the calendar, as the issuing body defines it (docs/renewal.md):
 * - `earned`: each cycle lasts `cycleMonths` from the day the credential was earned;
 * - `month_end`: as `earned`, but every cycle ends on the last day of a month (the expiry month);
 * - `year_month_end`: the first cycle runs from the earned day to the last day of `month` in the
 *   year `cycleMonths / 12` years after the year earned (ACHE: 31 December; HFMA: 31 May);
 * - `next_january`: the first cycle starts on 1 January of the year after the credential was
 *   earned (NAHQ); CE from before that day does not count;
 * - `shared_calendar`: everyone shares the same cycles, counted from `firstCycleStart` (MGMA); a
 *   person who certifies part-way through a cycle owes a share of the CE when `prorated`.
 * Later cycles follow one another, each `cycleMonths` long. A recorded expiry date always wins.
 */
export const renewalAlignmentSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('earned'), text: text.optional(), ...provenance }),
  z.strictObject({ kind: z.literal('month_end'), text: text.optional(), ...provenance }),
  z.strictObject({
    kind: z.literal('year_month_end'),
    month: z.number().int().min(1).max(12),
    text: text.optional(),
    ...provenance,
  }),
  z.strictObject({ kind: z.literal('next_january'), text: text.optional(), ...provenance }),
  z.strictObject({
    kind: z.literal('shared_calendar'),
    firstCycleStart: isoDate,
    prorated: z.literal(true).optional(),
    text: text.optional(),
    ...provenance,
  }),
]);
export type RenewalAlignment = z.infer<typeof renewalAlignmentSchema>;

export const renewalCycleSchema = z
  .strictObject({
    /** Length of one cycle; omitted when lifetime or unknown. */
    cycleMonths: z.number().int().positive().optional(),
    lifetime: z.literal(true).optional(),
    /** How the cycle lines up with the calendar; omitted = counted from the earned date. */
    alignment: renewalAlignmentSchema.optional(),
    /** The issuer's renewal page, when it is not the certification's own page. */
    url: z.url({ message: 'must be a URL' }).optional(),
    /** The part of `alignment` the app computes with: the late-renewal period after the cycle ends. */
    grace: renewalGraceSchema.optional(),
    /** The part of `alignment` the app computes with: when the renewal application opens. */
    applicationOpens: applicationOpensSchema.optional(),
    options: z.array(renewalOptionSchema).default([]),
    alsoRequired: z.array(text).optional(),
    fees: z.array(feeSchema).optional(),
    history: z.array(text).optional(),
    ...provenance,
    confidence: confidenceSchema,
  })
  .refine((r) => !(r.lifetime && r.cycleMonths), { message: 'a lifetime credential has no cycleMonths' });
export type RenewalCycle = z.infer<typeof renewalCycleSchema>;

export const ruleChangeSchema = z.strictObject({
  date: isoDate.optional(),
  change: text,
  sources: z.array(id).optional(),
});

export const certificationSchema = z.strictObject({
  id,
  acronym: text,
  name: text,
  issuer: id,
  focusAreas: z.array(id).min(1),
  /** Two or three sentences in plain language: who it is for and what it shows. */
  summary: text,
  /** The issuing body's own page for this credential (where a person should confirm). */
  url: z.url({ message: 'must be a URL' }),
  verifiedAsOf: isoDate,
  confidence: confidenceSchema,
  status: z.enum(['offered', 'retired']).default('offered'),
  eligibility: eligibilitySchema,
  exam: examSchema,
  renewal: renewalCycleSchema,
  ruleHistory: z.array(ruleChangeSchema).default([]),
  sources: z.array(sourceSchema).min(1),
});
export type Certification = z.infer<typeof certificationSchema>;
export type CertificationInput = z.input<typeof certificationSchema>;

/* ------------------------------------------------------------------ vocabulary */

const vocabEntry = {
  id,
  label: text,
  description: text.optional(),
};

/** Case-insensitive regular expression source, checked to compile. */
const pattern = z.string().refine(
  (p) => {
    try {
      new RegExp(p, 'i');
      return true;
    } catch {
      return false;
    }
  },
  { message: 'not a valid regular expression' },
);

/**
 * A degree field a rule can ask for, and how a degree's free-text field is recognised as it: any of
 * `matches` (case-insensitive; default: the id itself), also `requires` (another field id) and
 * none of `excludes` (field ids).
 */
export const degreeFieldSchema = z.strictObject({
  ...vocabEntry,
  matches: z.array(pattern).min(1).optional(),
  requires: id.optional(),
  excludes: z.array(id).optional(),
});
export type DegreeField = z.infer<typeof degreeFieldSchema>;

export const organizationSchema = z.strictObject({
  ...vocabEntry,
  acronym: text,
  url: z.url({ message: 'must be a URL' }),
});
export type Organization = z.infer<typeof organizationSchema>;

export const experienceKindSchema = z.strictObject({
  ...vocabEntry,
  /** Plain-language question the quick check asks to find out whether a job counts as this kind. */
  question: text,
});
export type ExperienceKind = z.infer<typeof experienceKindSchema>;

export const creditUnitSchema = z.strictObject({
  ...vocabEntry,
  organization: id.optional(),
  /** Contact (60-minute) hours per unit, when the issuer states it; omitted = not stated. */
  contactHoursPerUnit: z.number().positive().optional(),
  /**
   * How the body awards its credits, in plain words, shown beside the credits field when hours
   * do not convert (e.g. "PMI: the PDUs are what the provider or PMI's CCR system states").
   */
  rule: text.optional(),
  confidence: confidenceSchema.optional(),
  verifiedAsOf: isoDate.optional(),
  sources: z.array(z.url()).optional(),
});

export const credentialSchema = z.strictObject({
  ...vocabEntry,
  kind: z.enum(['license', 'certificate', 'other']),
});
export type CredentialKind = z.infer<typeof credentialSchema>;

export const vocabularySchema = z.strictObject({
  focusAreas: z.array(z.strictObject(vocabEntry)).min(1),
  organizations: z.array(organizationSchema).min(1),
  experienceKinds: z.array(experienceKindSchema).min(1),
  degreeFields: z
    .array(degreeFieldSchema)
    .min(1)
    .superRefine((fields, ctx) => {
      const known = new Set(fields.map((f) => f.id));
      fields.forEach((f, i) => {
        const refs = [
          ...(f.requires ? [{ key: 'requires', ref: f.requires, at: [i, 'requires'] }] : []),
          ...(f.excludes ?? []).map((ref, j) => ({ key: 'excludes', ref, at: [i, 'excludes', j] })),
        ];
        for (const { ref, at } of refs)
          if (ref === f.id || !known.has(ref))
            ctx.addIssue({
              code: 'custom',
              path: at,
              message: ref === f.id ? 'a field cannot refer to itself' : `unknown degree field "${ref}"`,
            });
      });
    }),
  membershipTypes: z.array(z.strictObject(vocabEntry)).min(1),
  ceCategories: z.array(z.strictObject({ ...vocabEntry, organization: id.optional() })).min(1),
  creditUnits: z.array(creditUnitSchema).min(1),
  credentials: z.array(credentialSchema),
  attestations: z.array(z.strictObject({ id, statement: text })),
});
export type Vocabulary = z.infer<typeof vocabularySchema>;

export const catalogManifestSchema = z.strictObject({
  name: text,
  /** Human version of the catalog content, bumped by curators (e.g. 2026.11.27). */
  version: text,
  verifiedAsOf: isoDate,
  description: text.optional(),
});
export type CatalogManifest = z.infer<typeof catalogManifestSchema>;

/** The validated, frozen catalog handed to every other layer. */
export interface Catalog {
  manifest: CatalogManifest;
  /** `manifest.version` plus a short hash of the content, so two different catalogs never share a version. */
  version: string;
  vocabulary: Vocabulary;
  certifications: readonly Certification[];
  /** The competency framework (`competencies.yaml`); null when the catalog has none. */
  competencies: CompetencyFramework | null;
  /** Roles (`roles/<id>.yaml`), sorted by id; empty when the catalog has none. */
  roles: readonly Role[];
  /** Every role's outgoing transitions with both ends named, in role order. */
  transitions: readonly RoleTransition[];
  /** Training programs (`programs/<id>.yaml`), sorted by id; empty when the catalog has none. */
  programs: readonly Program[];
  /** What preparing for each certification builds (`certification-prep.yaml`); null when absent. */
  certificationPrep: CertificationPrep | null;
}
