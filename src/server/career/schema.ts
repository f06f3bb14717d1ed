/**
 * Request and response schemas for POST /api/gaps and POST /api/recommendations: the types, the
 * validation and the OpenAPI document. Ratings are checked against the framework by the career
 * service, so every bad one is named (`ratings.budgeting: must be a whole number from 1 to 5`).
 */
import { z } from 'zod';
import {
  competencyDomainIdSchema,
  competencyTopicSchema,
  programFormatSchema,
} from '../../catalog/career-schema.js';
import { optionalProfileField } from './profile.js';

const roleId = z
  .string({ message: 'required: a role id such as director-of-quality' })
  .max(100, 'must be at most 100 characters')
  .describe('A role id from GET /api/roles, e.g. director-of-quality');

const ratings = z
  .record(z.string().max(100), z.unknown())
  .refine((r) => Object.keys(r).length <= 500, 'must have at most 500 entries')
  .describe('Competency id → your level on the 1–5 scale (GET /api/competencies)');

const date = (what: string) =>
  z.string({ message: 'not a date (YYYY-MM-DD)' }).max(10, 'not a date (YYYY-MM-DD)').describe(what);

export const gapsBodySchema = z
  .strictObject({
    role: roleId,
    ratings,
    assessedOn: date('When the ratings were given, YYYY-MM-DD').optional(),
  })
  .describe('GapRequest');

const gapItemSchema = z.object({
  competency: z.string(),
  label: z.string(),
  domain: competencyDomainIdSchema,
  topics: z.array(competencyTopicSchema),
  target: z.number().int(),
  targetJudgement: z.boolean().describe('True when the target level is our judgement, not read on a page'),
  importance: z.number().int().describe('1–3 from the target level: 5 → 3, 4 → 2, otherwise 1'),
  rating: z.number().int().nullable().describe('null = not rated (unknown)'),
  gap: z.number().int().nullable(),
  score: z.number().int().nullable().describe('gap × importance: the ranking key'),
  status: z.enum(['gap', 'met', 'unrated']),
});

export const gapReportSchema = z
  .object({
    role: z.object({ id: z.string(), title: z.string(), family: z.string(), level: z.string() }),
    framework: z.object({ id: z.string(), name: z.string() }),
    assessedOn: z.string().nullable(),
    items: z.array(gapItemSchema),
    domains: z.array(
      z.object({
        id: competencyDomainIdSchema,
        name: z.string(),
        target: z.number().nullable(),
        rating: z.number().nullable(),
        rated: z.number().int(),
        targeted: z.number().int(),
      }),
    ),
    totals: z.object({
      targeted: z.number().int(),
      rated: z.number().int(),
      met: z.number().int(),
      withGap: z.number().int(),
      unrated: z.number().int(),
      gapPoints: z.number(),
      maxGapPoints: z.number(),
      ratedMaxGapPoints: z.number(),
      readinessPercent: z.number().nullable(),
    }),
    summary: z.string(),
  })
  .describe('GapReport');

export const constraintsSchema = z
  .strictObject({
    budget: z.number({ message: 'must be a number' }).optional().describe('Total US dollars, 0 or more'),
    hoursPerWeek: z
      .number({ message: 'must be a number' })
      .optional()
      .describe('Study hours per week, more than 0'),
    onlineOnly: z.boolean({ message: 'must be true or false' }).optional(),
    accreditationRequired: z
      .boolean({ message: 'must be true or false' })
      .optional()
      .describe('Programs only: CAHME, CEPH, CCNE, AACSB or institutional accreditation'),
    finishBy: date('Every pick ends by this date').optional(),
    include: z
      .array(z.enum(['programs', 'certifications']))
      .max(2)
      .optional()
      .describe('Kinds of option to consider; default both'),
  })
  .describe('RecommendConstraints');

export const recommendBodySchema = z
  .strictObject({
    role: roleId,
    ratings,
    profile: optionalProfileField(
      'Optional profile (hm-pathways/profile@1): held credentials, clinical background and eligibility for certifications. Signed in and omitted: your record is used.',
    ),
    constraints: constraintsSchema.optional(),
    asOf: date('The date to plan from, YYYY-MM-DD; default today').optional(),
  })
  .describe('RecommendRequest');

const closedSchema = z.object({
  competency: z.string(),
  label: z.string(),
  levels: z.number(),
  points: z.number(),
});
const kind = z.enum(['program', 'certification']);

export const recommendationSchema = z
  .object({
    asOf: z.string(),
    role: z.object({ id: z.string(), title: z.string() }),
    constraints: constraintsSchema,
    method: z.enum(['exact', 'greedy', 'none']),
    guarantee: z.string(),
    candidates: z.number().int(),
    bound: z.object({ points: z.number(), upperBound: z.number(), atLeastPercent: z.number() }),
    picks: z.array(
      z.object({
        kind,
        id: z.string(),
        name: z.string(),
        provider: z.string(),
        format: programFormatSchema.nullable(),
        modality: z.string().nullable(),
        costUsd: z.number(),
        months: z.number(),
        weeklyHours: z.number().nullable(),
        start: z.string(),
        end: z.string(),
        closes: z.array(closedSchema),
        points: z.number(),
        why: z.array(z.string()),
        alternatives: z.array(z.object({ id: z.string(), kind, name: z.string(), reason: z.string() })),
      }),
    ),
    totals: z.object({
      costUsd: z.number(),
      months: z.number(),
      finish: z.string().nullable(),
      points: z.number(),
      gapPoints: z.number(),
      coveredPercent: z.number(),
    }),
    uncovered: z.array(
      z.object({
        competency: z.string(),
        label: z.string(),
        gap: z.number(),
        reason: z.enum(['no_option', 'constraints', 'capacity']),
      }),
    ),
    unrated: z.array(z.object({ competency: z.string(), label: z.string() })),
    excluded: z.record(z.string(), z.number()),
    worthALook: z.array(
      z.object({
        kind,
        id: z.string(),
        name: z.string(),
        missing: z.array(z.enum(['cost', 'duration'])),
        points: z.number(),
      }),
    ),
    medicalLiteracy: z
      .object({
        reason: z.string(),
        options: z.array(
          z.object({
            id: z.string(),
            name: z.string(),
            competencies: z.array(z.string()),
            costUsd: z.number().nullable(),
            fits: z.boolean(),
          }),
        ),
      })
      .nullable(),
    summary: z.string(),
  })
  .describe('Recommendation');
