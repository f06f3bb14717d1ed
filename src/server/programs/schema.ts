/** Request and response schemas for /api/programs: the types, the validation and the OpenAPI document. */
import { z } from 'zod';
import {
  accreditorSchema,
  modalitySchema,
  programFormatSchema,
  programSchema,
} from '../../catalog/career-schema.js';

const positiveNumber = z.coerce
  .number({ message: 'must be a number' })
  .refine((n) => Number.isFinite(n) && n >= 0, 'must be a number, 0 or more');

export const listQuerySchema = z.strictObject({
  q: z
    .string()
    .max(200, 'must be at most 200 characters')
    .optional()
    .describe('Text to search in name, provider, summary and syllabus'),
  format: programFormatSchema.optional(),
  modality: modalitySchema.optional(),
  accreditation: accreditorSchema.optional().describe('Only programs holding this accreditation'),
  maxCost: positiveNumber
    .optional()
    .describe('Only programs with a known cost of at most this many US dollars'),
  maxMonths: positiveNumber
    .optional()
    .describe(
      'Only programs with a known length of at most this many months (hours count as their share of a month)',
    ),
  ceFor: z
    .string()
    .max(64)
    .optional()
    .describe('A certification id: only programs whose CE that certification accepts'),
  competency: z
    .string()
    .max(64)
    .optional()
    .describe('A competency id: only programs whose syllabus covers it'),
  sort: z.enum(['name', 'cost', 'duration']).default('name').describe('Unknown costs and lengths sort last'),
});

export const idParamsSchema = z.strictObject({
  id: z
    .string()
    .min(1)
    .max(100)
    .regex(/^[a-z0-9][a-z0-9_-]*$/, 'must be a program id such as ihi-improvement-advisor'),
});

export const listResponseSchema = z.object({
  catalogVersion: z.string(),
  total: z.number().int(),
  programs: z.array(programSchema),
});

export const detailResponseSchema = z.object({
  catalogVersion: z.string(),
  program: programSchema,
});
