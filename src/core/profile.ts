/**
 * The profile interchange format, version 1 (docs/profile-format.md): who a person is, as a
 * person or an HR system writes it. YAML or JSON with the same fields. Unknown fields are
 * refused with their path so that a typo never silently drops data.
 *
 * Dates are `YYYY-MM-DD` or `YYYY-MM`. A month alone means its first day, except for a job's
 * `end`, where it means the last day of that month.
 */
import { z } from 'zod';
import { educationLevelSchema } from '../catalog/schema.js';
import { isValidDay, isValidMonth } from './dates.js';

export const PROFILE_FORMAT = 'hm-pathways/profile@1';

/** `YYYY-MM-DD` or `YYYY-MM`, checked to be a real calendar date. */
export const profileDateSchema = z
  .string({ message: 'not a date (YYYY-MM-DD or YYYY-MM)' })
  .refine(
    (s) => (/^\d{4}-\d{2}$/.test(s) ? isValidMonth(s) : /^\d{4}-\d{2}-\d{2}$/.test(s) && isValidDay(s)),
    {
      message: 'not a date (YYYY-MM-DD or YYYY-MM)',
    },
  );

const nonEmpty = z.string().trim().min(1, 'must not be empty').max(300, 'must be at most 300 characters');
const catalogId = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(64)
  .regex(/^[A-Za-z0-9][A-Za-z0-9_.-]*$/, 'must be a catalog id (letters, digits, _ . -)');

export const positionSchema = z
  .strictObject({
    title: nonEmpty,
    role: catalogId.optional(),
    start: profileDateSchema,
    end: profileDateSchema.optional(),
    fte: z
      .number({ message: 'must be a number between 0.05 and 1.0' })
      .min(0.05, 'must be at least 0.05 (full time is 1.0)')
      .max(1, 'must be at most 1.0 (full time is 1.0; overlapping jobs are separate positions)')
      .default(1),
    kinds: z.array(catalogId).max(30).default([]),
  })
  .refine((p) => !p.end || endOfPeriod(p.end) >= p.start, {
    message: 'must not be before start',
    path: ['end'],
  });

/** Last day covered by a position's end (`YYYY-MM` = the month's last day), for ordering only. */
function endOfPeriod(end: string): string {
  return end.length === 7 ? `${end}-31` : end;
}

export const educationSchema = z.strictObject({
  level: educationLevelSchema,
  field: nonEmpty.optional(),
  completed: profileDateSchema.optional(),
});

/**
 * A credential held: a catalog certification or vocabulary credential by its id, or anything else
 * as `{id: OTHER, name, issuer?}`. An id the catalog does not know is kept (not refused); the
 * engine lists it as ignored.
 */
export const credentialHeldSchema = z
  .strictObject({
    id: catalogId,
    /** The credential's name as its issuer writes it; required when `id` is `OTHER`. */
    name: nonEmpty.optional(),
    /** Who issued it (an `OTHER` credential). */
    issuer: nonEmpty.optional(),
    earned: profileDateSchema.optional(),
    expires: profileDateSchema.optional(),
    status: z.enum(['active', 'restricted', 'lapsed']).default('active'),
  })
  .refine((c) => c.id !== 'OTHER' || c.name !== undefined, {
    message: 'the name of another credential (id OTHER), e.g. "Certified Public Accountant"',
    path: ['name'],
  });

export const ceActivitySchema = z.strictObject({
  date: profileDateSchema,
  hours: z
    .number({ message: 'must be a number of hours' })
    .min(0, 'must not be negative')
    .max(2000, 'must be at most 2000'),
  provider: nonEmpty.optional(),
  title: nonEmpty.optional(),
  category: catalogId.optional(),
  credits: z
    .array(
      z.strictObject({
        unit: catalogId,
        amount: z.number().min(0, 'must not be negative').max(2000),
        category: catalogId.optional(),
      }),
    )
    .max(20)
    .optional(),
});

export const membershipSchema = z.strictObject({
  id: catalogId,
  since: profileDateSchema.optional(),
  until: profileDateSchema.optional(),
  type: catalogId.default('member'),
});

export const projectSchema = z.strictObject({
  title: nonEmpty,
  completed: profileDateSchema.optional(),
  kind: z.enum(['six_sigma', 'project', 'quality_improvement']),
  role: z.enum(['lead', 'member']).default('member'),
});

export const volunteeringSchema = z.strictObject({
  kind: z.enum(['healthcare', 'community']),
  date: profileDateSchema,
  title: nonEmpty.optional(),
});

export const assessmentSchema = z.strictObject({
  date: profileDateSchema,
  ratings: z.record(catalogId, z.number().int().min(1, 'must be 1 to 5').max(5, 'must be 1 to 5')),
});

export const goalsSchema = z.strictObject({
  targetRole: catalogId.optional(),
  /** Catalog certification ids the person is aiming at, most wanted first (an extension of profile@1). */
  certifications: z
    .array(catalogId)
    .max(20, 'must list at most 20 certifications')
    .refine((ids) => new Set(ids.map((id) => id.toLowerCase())).size === ids.length, {
      message: 'must not list the same certification twice',
    })
    .optional(),
  by: profileDateSchema.optional(),
  constraints: z
    .strictObject({
      budgetPerYear: z.number().min(0).optional(),
      hoursPerWeek: z.number().min(0).max(80).optional(),
      onlineOnly: z.boolean().optional(),
      noNewDegree: z.boolean().optional(),
      accreditationRequired: z.boolean().optional(),
    })
    .optional(),
});

export const profileSchema = z.strictObject({
  format: z.literal(PROFILE_FORMAT, { message: `must be "${PROFILE_FORMAT}"` }),
  name: nonEmpty.optional(),
  education: z.array(educationSchema).max(20).default([]),
  collegeCreditHours: z.number().int().min(0).max(1000).optional(),
  positions: z.array(positionSchema).max(100).default([]),
  credentials: z.array(credentialHeldSchema).max(100).default([]),
  ce: z.array(ceActivitySchema).max(5000).default([]),
  memberships: z.array(membershipSchema).max(50).default([]),
  projects: z.array(projectSchema).max(200).default([]),
  volunteering: z.array(volunteeringSchema).max(500).default([]),
  attestations: z.array(catalogId).max(50).default([]),
  assessments: z.array(assessmentSchema).max(100).default([]),
  goals: goalsSchema.optional(),
});

/** A validated profile, defaults applied. */
export type Profile = z.output<typeof profileSchema>;
/** A profile as written in a file (defaults optional). */
export type ProfileInput = z.input<typeof profileSchema>;
export type Position = Profile['positions'][number];
export type CeActivity = Profile['ce'][number];
