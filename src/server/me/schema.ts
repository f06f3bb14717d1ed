/** Request and response schemas for /api/me: my record, import, dashboard, planned exams, calendar feed. */
import { z } from 'zod';
import { profileJsonSchema } from '../../services/profile-json-schema.js';
import { eligibilityReportSchema } from '../eligibility/schema.js';
import { RECORD_SECTIONS } from '../../services/record-service.js';

const { $schema: _schema, $id: _id, ...profileDoc } = profileJsonSchema();

export const sectionSchema = z
  .enum(RECORD_SECTIONS, { message: `must be one of: ${RECORD_SECTIONS.join(', ')}` })
  .describe('Record section');

export const sectionParamsSchema = z.strictObject({ section: sectionSchema });
export const itemParamsSchema = z.strictObject({
  section: sectionSchema,
  id: z.string().max(64, 'must be at most 64 characters'),
});
export const idParamsSchema = z.strictObject({ id: z.string().max(64, 'must be at most 64 characters') });
export const asOfQuerySchema = z.strictObject({
  asOf: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'not a date (YYYY-MM-DD)')
    .optional()
    .describe('The date to answer for, YYYY-MM-DD; default today'),
});

/** One item of a section, in the profile format (validated by the record service with its path). */
export const itemBodySchema = z
  .custom<unknown>((v) => typeof v === 'object' && v !== null && !Array.isArray(v), {
    message: 'must be an object: one item of the section, as in the profile format',
  })
  .describe('One item of the section, as in the profile format (docs/profile-format.md)');

export const recordItemSchema = z
  .object({
    id: z.string(),
    section: sectionSchema,
    data: z.record(z.string(), z.unknown()),
    createdAt: z.string(),
    updatedAt: z.string(),
    etag: z.string().describe("The item's version: send it as If-Match when changing or deleting it"),
  })
  .describe('RecordItem');

export const fieldsSchema = z
  .object({
    name: z.string().optional(),
    collegeCreditHours: z.number().optional(),
    attestations: z.array(z.string()),
    goals: z.record(z.string(), z.unknown()).optional(),
  })
  .describe('ProfileFields');

export const recordSchema = z
  .object({
    fields: fieldsSchema,
    sections: z.record(sectionSchema, z.array(recordItemSchema)),
    revision: z.string().describe('Changes whenever the record changes'),
  })
  .describe('MyRecord');

const profileBody = z
  .custom<unknown>((v) => v !== undefined, {
    message: 'is required: the profile (format hm-pathways/profile@1, docs/profile-format.md)',
  })
  .meta({ ...profileDoc, description: 'The profile to import (format hm-pathways/profile@1).' });

const modeSchema = z
  .enum(['replace', 'merge'], { message: 'must be "replace" or "merge"' })
  .describe('replace: the record becomes exactly the file; merge: only what is new is added');

export const importPreviewBodySchema = z.strictObject({ profile: profileBody, mode: modeSchema });
export const importApplyBodySchema = z.strictObject({
  profile: profileBody,
  mode: modeSchema,
  revision: z
    .string()
    .max(128)
    .optional()
    .describe("The preview's revision: refused with 409 record_changed if the record changed since"),
});

const counts = z.object({ added: z.number(), removed: z.number(), unchanged: z.number() });
export const importPreviewSchema = z
  .object({
    mode: modeSchema,
    revision: z.string(),
    sections: z.record(
      sectionSchema,
      counts.extend({ addedItems: z.array(z.unknown()), removedItems: z.array(z.unknown()) }),
    ),
    fields: z.object({ changed: z.array(z.string()), after: fieldsSchema }),
    totals: counts,
  })
  .describe('ImportPreview');
export const importResultSchema = z
  .object({
    mode: modeSchema,
    revision: z.string(),
    sections: z.record(sectionSchema, counts),
    totals: counts,
  })
  .describe('ImportResult');

export const plannedExamSchema = z
  .object({
    id: z.string(),
    certificationId: z.string(),
    date: z.string(),
    note: z.string().nullable(),
    createdAt: z.string(),
  })
  .describe('PlannedExam');
export const plannedExamBodySchema = z.strictObject({
  certificationId: z.string().max(64, 'must be at most 64 characters'),
  date: z.string().max(10, 'must be a date (YYYY-MM-DD)'),
  note: z.string().max(300, 'must be at most 300 characters').optional(),
});

export const calendarStatusSchema = z.object({ enabled: z.boolean() }).describe('CalendarFeedStatus');
export const calendarCreatedSchema = z
  .object({
    url: z
      .string()
      .describe(
        'The feed address; shown once, keep it secret. Absolute when the server has PUBLIC_URL set, else relative to the app (`/api/calendar/cal_....ics`).',
      ),
  })
  .describe('CalendarFeed');
export const calendarParamsSchema = z.strictObject({ file: z.string().max(100) });

/** The dashboard is large and nested; documented loosely, built by the dashboard service. */
export const dashboardSchema = z
  .object({
    asOf: z.string(),
    eligibility: eligibilityReportSchema,
    renewals: z
      .object({ asOf: z.string(), credentials: z.array(z.unknown()) })
      .describe('Renewal status of each credential held (docs/renewal.md)'),
    deadlines: z.array(
      z.object({
        date: z.string(),
        kind: z.string(),
        title: z.string(),
        detail: z.string().optional(),
        certification: z.string().optional(),
      }),
    ),
    nextSteps: z.array(
      z.object({ kind: z.string(), title: z.string(), detail: z.string(), href: z.string().optional() }),
    ),
    plannedExams: z.array(plannedExamSchema),
    counts: z.object({
      positions: z.number(),
      education: z.number(),
      credentials: z.number(),
      ce: z.number(),
    }),
  })
  .describe('Dashboard');
