/** Request and response schemas for /api/audit: the types, the validation and the OpenAPI document. */
import { z } from 'zod';

export const auditQuerySchema = z.strictObject({
  limit: z.coerce
    .number()
    .int('must be a whole number')
    .min(1, 'must be at least 1')
    .max(200, 'must be at most 200')
    .default(50),
  before: z
    .string()
    .max(200, 'must be at most 200 characters')
    .optional()
    .describe('The nextBefore of the previous page'),
});

export const auditEventSchema = z
  .object({
    id: z.string(),
    at: z.string().describe('ISO-8601 time'),
    action: z.string().describe('e.g. session.sign_in, token.create, record.update'),
    actor: z.string().describe("'session', 'token:<token id>' or 'system'"),
    entityType: z.string().nullable(),
    entityId: z.string().nullable(),
    details: z.record(z.string(), z.unknown()).nullable(),
  })
  .describe('AuditEvent');

export const auditPageSchema = z.object({
  events: z.array(auditEventSchema),
  nextBefore: z.string().nullable().describe('Pass as `before` for the next page; null on the last page'),
});
