/**
 * Request and response schemas for POST /api/eligibility: the types, the validation and the
 * OpenAPI document. The profile itself is validated by the profile service (so that every problem
 * is listed with its path); here it is documented with the profile format's JSON Schema.
 */
import { z } from 'zod';
import { conditionTypes, confidenceSchema } from '../../catalog/schema.js';
import { PROFILE_SECTIONS } from '../../services/not-asked.js';
import { profileJsonSchema } from '../../services/profile-json-schema.js';

const { $schema: _schema, $id: _id, ...profileDoc } = profileJsonSchema();

const certificationIds = z
  .array(z.string().max(64, 'must be at most 64 characters'))
  .max(100, 'must have at most 100 entries');

export const eligibilityBodySchema = z
  .strictObject({
    profile: z
      .custom<unknown>((v) => v !== undefined, {
        message: 'is required: the profile (format hm-pathways/profile@1, docs/profile-format.md)',
      })
      .meta({
        ...profileDoc,
        description:
          'The profile (format hm-pathways/profile@1, docs/profile-format.md). Every problem is reported at once with its path under `profile.`.',
      }),
    asOf: z
      .string({ message: 'not a date (YYYY-MM-DD)' })
      .max(10, 'not a date (YYYY-MM-DD)')
      .optional()
      .describe('The date to answer for, YYYY-MM-DD; default today'),
    certifications: certificationIds
      .optional()
      .describe('Only these certification ids (any case); default all'),
    notAsked: z
      .array(z.enum(PROFILE_SECTIONS, { message: `must be one of: ${PROFILE_SECTIONS.join(', ')}` }))
      .max(PROFILE_SECTIONS.length)
      .optional()
      .describe(
        'Profile sections the form has not asked for yet: conditions that depend only on them come back with `notAsked: true` and "Not asked yet — add …" instead of counting an empty list',
      ),
  })
  .describe('EligibilityRequest');

const idList = z
  .string()
  .max(2000)
  .transform((s) =>
    s
      .split(',')
      .map((x) => x.trim())
      .filter(Boolean),
  );

export const eligibilityQuerySchema = z.strictObject({
  asOf: z
    .string()
    .max(10, 'not a date (YYYY-MM-DD)')
    .optional()
    .describe('With a YAML body: the date to answer for, YYYY-MM-DD; default today'),
  certifications: idList
    .optional()
    .describe('With a YAML body: comma-separated certification ids; default all'),
});

const value = z.union([z.number(), z.string(), z.array(z.string()), z.null()]);

export const conditionResultSchema = z
  .object({
    id: z.string().optional(),
    type: z.enum(conditionTypes),
    stage: z
      .enum(['apply', 'certification'])
      .describe('apply: needed to apply or sit the exam; certification: needed before the award'),
    met: z.boolean(),
    required: value,
    actual: value.describe("The person's own value"),
    unit: z.string().optional(),
    kinds: z.array(z.string()).optional(),
    explanation: z.string().describe('What holds, or what is missing and how to get it'),
    summary: z.string().optional().describe("The rule in the catalog's plain words"),
    confidence: confidenceSchema.optional(),
    projected: z
      .string()
      .nullable()
      .optional()
      .describe('When this condition alone will hold if things go on as they are; null = not by time alone'),
    notAsked: z
      .literal(true)
      .optional()
      .describe('The request said the data this condition needs was not asked for yet (`notAsked`)'),
    section: z.enum(PROFILE_SECTIONS).optional().describe('With notAsked: the profile section to ask for'),
  })
  .describe('ConditionResult');

export const pathwayResultSchema = z
  .object({
    id: z.string(),
    label: z.string(),
    eligible: z.boolean(),
    earliestEligible: z.string().nullable(),
    conditions: z.array(conditionResultSchema),
  })
  .describe('PathwayResult');

export const certificationResultSchema = z
  .object({
    certification: z.string(),
    acronym: z.string(),
    name: z.string(),
    eligible: z.boolean().nullable().describe('null when the catalog does not know the rules'),
    earliestEligible: z
      .string()
      .nullable()
      .describe(
        'The as-of date when eligible now; the projected date when only time is missing; null when something other than time is missing',
      ),
    status: z.enum(['eligible', 'eligible_soon', 'needs_more_than_time', 'unknown']),
    rules: z
      .object({ effectiveFrom: z.string().nullable(), effectiveUntil: z.string().nullable() })
      .nullable()
      .describe('The rule set in force on the as-of date'),
    pathways: z.array(pathwayResultSchema),
    notAsked: z
      .array(z.enum(PROFILE_SECTIONS))
      .optional()
      .describe('Sections not asked yet that an unmet pathway still waits for'),
    confidence: confidenceSchema,
    verifiedAsOf: z.string(),
    url: z.string().describe("The issuing body's own page, where to confirm"),
    notice: z.string(),
  })
  .describe('CertificationResult');

export const eligibilityReportSchema = z
  .object({
    asOf: z.string(),
    results: z.array(certificationResultSchema),
    ignored: z
      .array(z.object({ path: z.string(), message: z.string() }))
      .describe('Parts of the profile no rule used (unknown or "other" credentials), with their paths'),
  })
  .describe('EligibilityReport');
