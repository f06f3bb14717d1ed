/** Request and response schemas for /api/roles: the types, the validation and the OpenAPI document. */
import { z } from 'zod';
import { roleFamilySchema, roleSchema, targetSchema, transitionSchema } from '../../catalog/career-schema.js';

export const listQuerySchema = z.strictObject({
  family: roleFamilySchema.optional().describe('Only roles of this family'),
  q: z
    .string()
    .max(200, 'must be at most 200 characters')
    .optional()
    .describe('Text to search in title, summary and id'),
});

export const roleSummarySchema = z
  .object({
    id: z.string(),
    title: z.string(),
    family: roleFamilySchema,
    level: z.string(),
    summary: z.string(),
    basis: z.enum(['sourced', 'mixed', 'judgement']),
    preferredCertifications: z.array(z.string()),
    confidence: z.enum(['high', 'medium', 'low']),
    verifiedAsOf: z.string(),
  })
  .describe('RoleSummary');

export const listResponseSchema = z.object({
  catalogVersion: z.string(),
  total: z.number().int(),
  roles: z.array(roleSummarySchema),
});

export const idParamsSchema = z.strictObject({
  id: z
    .string()
    .min(1)
    .max(64)
    .regex(/^[a-z0-9][a-z0-9_-]*$/, 'must be a role id such as nurse-manager'),
});

/** A transition as served: both ends named, with the other end's title for display. */
const servedTransitionSchema = transitionSchema.extend({
  from: z.string(),
  fromTitle: z.string(),
  toTitle: z.string(),
});

export const detailResponseSchema = z.object({
  catalogVersion: z.string(),
  // Targets are served in their loaded form ({level, judgement}); the file form may be a bare number.
  role: roleSchema.extend({ targets: z.record(z.string(), targetSchema) }),
  transitionsIn: z.array(servedTransitionSchema),
  transitionsOut: z.array(servedTransitionSchema),
});
