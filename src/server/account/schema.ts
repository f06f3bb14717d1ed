/** Request schemas for /api/account: the types, the validation and the OpenAPI document. */
import { z } from 'zod';
import { passwordRules } from '../../services/auth-service.js';

export const deleteAccountBodySchema = z.strictObject({
  password: z
    .string()
    .max(passwordRules.maxLength, `must be at most ${passwordRules.maxLength} characters`)
    .describe('The account password, asked again before deleting'),
});

export const accountSettingsBodySchema = z.strictObject({
  timeZone: z
    .string()
    .max(64, 'must be at most 64 characters')
    .nullable()
    .optional()
    .describe('IANA time zone (e.g. America/Chicago) in which "today" is computed for you; null or "" = UTC'),
});
