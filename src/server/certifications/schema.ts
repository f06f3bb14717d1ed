/** Request and response schemas for /api/certifications: the types, the validation and the OpenAPI document. */
import { z } from 'zod';
import { certificationSchema, confidenceSchema } from '../../catalog/schema.js';

const idList = z
  .string()
  .max(500)
  .transform((s) =>
    s
      .split(',')
      .map((x) => x.trim())
      .filter(Boolean),
  );

export const listQuerySchema = z.strictObject({
  q: z
    .string()
    .max(200, 'must be at most 200 characters')
    .optional()
    .describe('Text to search in acronym, name, issuer and summary'),
  focus: idList.optional().describe('Comma-separated focus-area ids; a certification matches any of them'),
  issuer: idList.optional().describe('Comma-separated issuing-body ids'),
  sort: z.enum(['name', 'acronym', 'issuer', 'verifiedAsOf', 'confidence']).default('acronym'),
  order: z.enum(['asc', 'desc']).default('asc'),
});

export const issuerSchema = z.object({
  id: z.string(),
  acronym: z.string(),
  label: z.string(),
  url: z.string(),
});

export const certificationSummarySchema = z
  .object({
    id: z.string(),
    acronym: z.string(),
    name: z.string(),
    issuer: issuerSchema,
    focusAreas: z.array(z.string()),
    summary: z.string(),
    url: z.string(),
    confidence: confidenceSchema,
    verifiedAsOf: z.string(),
    eligibilityStatus: z.enum(['known', 'unknown']),
    eligibilityConfidence: confidenceSchema,
    pathwayCount: z.number().int(),
    renewal: z.object({ cycleMonths: z.number().int().nullable(), lifetime: z.boolean() }),
    sourceCount: z.number().int(),
    scope: z.string().describe('"builtin" or "org:<id>" for an organization\'s own entry'),
  })
  .describe('CertificationSummary');

export const listResponseSchema = z.object({
  catalogVersion: z.string(),
  total: z.number().int(),
  certifications: z.array(certificationSummarySchema),
});

export const idParamsSchema = z.strictObject({
  id: z
    .string()
    .min(1)
    .max(64)
    .regex(/^[A-Za-z0-9_.-]+$/, 'must be a certification id such as CPHQ or NE-BC'),
});

export const detailResponseSchema = z.object({
  catalogVersion: z.string(),
  scope: z.string(),
  issuer: issuerSchema,
  certification: certificationSchema,
});
