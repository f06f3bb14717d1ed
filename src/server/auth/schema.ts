/** Request and response schemas for /api/auth: the types, the validation and the OpenAPI document. */
import { z } from 'zod';
import { passwordRules } from '../../services/auth-service.js';

const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export const emailSchema = z
  .string()
  .max(254, 'must be at most 254 characters')
  .refine((s) => emailPattern.test(s.trim()), 'must be an email address such as name@example.org')
  .describe('Email address; stored trimmed and lower-cased');

export const newPasswordSchema = z
  .string()
  .min(passwordRules.minLength, `must be at least ${passwordRules.minLength} characters`)
  .max(passwordRules.maxLength, `must be at most ${passwordRules.maxLength} characters`);

export const signUpBodySchema = z.strictObject({
  email: emailSchema,
  displayName: z
    .string()
    .max(300, 'must be at most 300 characters')
    .refine((s) => s.trim() !== '', 'must not be empty')
    .describe('The name shown in the app; kept as typed (trimmed)'),
  password: newPasswordSchema.describe(
    `${passwordRules.minLength} to ${passwordRules.maxLength} characters; a passphrase of several words works well`,
  ),
});

export const signInBodySchema = z.strictObject({
  email: z.string().max(254, 'must be at most 254 characters'),
  password: z
    .string()
    .min(1, 'must not be empty')
    .max(passwordRules.maxLength, `must be at most ${passwordRules.maxLength} characters`),
});

export const changePasswordBodySchema = z.strictObject({
  currentPassword: z
    .string()
    .max(passwordRules.maxLength, `must be at most ${passwordRules.maxLength} characters`),
  newPassword: newPasswordSchema,
});

export const userSchema = z
  .object({
    id: z.string(),
    email: z.string(),
    displayName: z.string(),
    timeZone: z
      .string()
      .nullable()
      .describe('IANA time zone in which "today" is computed (deadlines, eligibility dates); null = UTC'),
    createdAt: z.string().describe('ISO-8601 time'),
  })
  .describe('User');

export const sessionResponseSchema = z
  .object({
    user: userSchema,
    csrfToken: z
      .string()
      .nullable()
      .describe(
        'Send it as the x-csrf-token header on every POST, PUT, PATCH and DELETE made with the session cookie; null for API-token requests, which need none',
      ),
  })
  .describe('Session');

/** GET /api/auth/session: who is calling; `user: null` when nobody is signed in (not a 401, so a page load logs no error). */
export const sessionProbeSchema = z
  .object({
    user: userSchema.nullable().describe('null when the request carries no valid session or API token'),
    csrfToken: sessionResponseSchema.shape.csrfToken,
  })
  .describe('SessionProbe');

export const changePasswordResponseSchema = z.object({
  endedSessions: z.number().int().describe('How many other sessions were signed out'),
});

export const noContentSchema = z.null().describe('No content');
