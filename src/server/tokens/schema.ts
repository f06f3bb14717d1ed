/** Request and response schemas for /api/tokens: the types, the validation and the OpenAPI document. */
import { z } from 'zod';
import { tokenPolicy } from '../../services/token-service.js';

export const createTokenBodySchema = z.strictObject({
  name: z
    .string()
    .max(tokenPolicy.maxNameLength, `must be at most ${tokenPolicy.maxNameLength} characters`)
    .refine((s) => s.trim() !== '', 'must not be empty')
    .describe('What the token is for, e.g. "HR import script"'),
  expiresInDays: z
    .number()
    .int('must be a whole number of days')
    .min(1, 'must be at least 1')
    .max(tokenPolicy.maxExpiresInDays, `must be at most ${tokenPolicy.maxExpiresInDays}`)
    .optional()
    .describe('Days until the token stops working; omitted = no expiry'),
});

export const apiTokenSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    prefix: z.string().describe('The first characters of the token, to tell tokens apart'),
    createdAt: z.string(),
    lastUsedAt: z.string().nullable().describe('Accurate to the hour'),
    expiresAt: z.string().nullable(),
    revokedAt: z.string().nullable(),
    status: z.enum(['active', 'expired', 'revoked']),
  })
  .describe('ApiToken');

export const createdTokenSchema = apiTokenSchema
  .extend({
    token: z
      .string()
      .describe('The token itself, shown this once only: send it as "Authorization: Bearer <token>"'),
  })
  .describe('CreatedApiToken');

export const tokenListSchema = z.object({ tokens: z.array(apiTokenSchema) });

export const tokenIdParamsSchema = z.strictObject({ id: z.string().min(1).max(64) });
