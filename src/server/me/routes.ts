/**
 * /api/me: the signed-in person's record (items by section, profile fields), profile-file import
 * with preview, export of everything, the dashboard, planned exams and the calendar feed. Every
 * route needs an account (session cookie + CSRF token, or an API token); the calendar feed itself
 * is read with its own secret URL so that calendar apps can subscribe.
 */
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { stringify } from 'yaml';
import { z } from 'zod';
import { PROFILE_FORMAT, type Profile } from '../../core/profile.js';
import { isValidDay } from '../../core/dates.js';
import {
  calendarBySecret,
  calendarEnabled,
  disableCalendarFeed,
  rotateCalendarFeed,
} from '../../services/calendar-feed-service.js';
import { buildDashboard } from '../../services/dashboard-service.js';
import { localToday } from '../../services/eligibility-service.js';
import { exportAccount } from '../../services/export-service.js';
import { NotFoundError, ValidationError } from '../../services/errors.js';
import { ProfileError, validateProfile } from '../../services/profile-service.js';
import {
  addPlannedExam,
  applyImport,
  createRecord,
  deletePlannedExam,
  deleteRecord,
  listPlannedExams,
  listRecords,
  loadProfile,
  previewImport,
  recordRevision,
  updateProfileFields,
  updateRecord,
  type ProfileFields,
} from '../../services/record-service.js';
import type { RecordSection } from '../../storage/tables.js';
import type { AppDeps } from '../app.js';
import { authenticated } from '../auth/routes.js';
import { currentActor, currentUserId, requireUser } from '../auth/plugin.js';
import { noContentSchema } from '../auth/schema.js';
import { errorBodySchema } from '../errors.js';
import {
  asOfQuerySchema,
  calendarCreatedSchema,
  calendarParamsSchema,
  calendarStatusSchema,
  dashboardSchema,
  fieldsSchema,
  idParamsSchema,
  importApplyBodySchema,
  importPreviewBodySchema,
  importPreviewSchema,
  importResultSchema,
  itemBodySchema,
  itemParamsSchema,
  plannedExamBodySchema,
  plannedExamSchema,
  recordItemSchema,
  recordSchema,
  sectionParamsSchema,
} from './schema.js';

const errors = { 400: errorBodySchema, 401: errorBodySchema, 403: errorBodySchema, 404: errorBodySchema };

/**
 * Checks one item as the profile format and the catalog vocabulary do (unknown experience kinds,
 * CE categories, ...), so that a record never holds what a profile file could not. Paths are the
 * item's own (`end`, `credits[0].amount`).
 */
function checkItem(deps: AppDeps, section: RecordSection, item: unknown): void {
  try {
    validateProfile(deps.catalog, { format: PROFILE_FORMAT, [section]: [item] });
  } catch (e) {
    if (!(e instanceof ProfileError)) throw e;
    const prefix = `${section}[0]`;
    const issues = e.issues.map((i) => ({
      path: i.path.startsWith(`${prefix}.`)
        ? i.path.slice(prefix.length + 1)
        : i.path === prefix
          ? ''
          : i.path,
      message: i.message,
    }));
    const first = issues[0]!;
    throw new ValidationError(
      `${first.path ? `${first.path}: ` : ''}${first.message}`,
      { issues },
      'invalid_record',
    );
  }
}

function checkAsOf(asOf: string | undefined): string {
  if (asOf === undefined) return localToday();
  if (!isValidDay(asOf))
    throw new ValidationError('asOf: not a date (YYYY-MM-DD)', {
      issues: [{ path: 'asOf', message: 'not a date (YYYY-MM-DD)' }],
    });
  return asOf;
}

/** The profile held in the request body, checked against the format and the catalog. */
function importedProfile(deps: AppDeps, value: unknown): Profile {
  try {
    return validateProfile(deps.catalog, value);
  } catch (e) {
    throw e instanceof ProfileError ? e.prefixed('profile') : e;
  }
}

const ctxOf = (request: FastifyRequest, now: () => Date) => ({
  actor: currentActor(request),
  at: now().toISOString(),
});

/** A change to one item: with the If-Match header when sent (a stale one gets 412 `item_changed`). */
const itemCtx = (request: FastifyRequest, now: () => Date) => {
  const ifMatch = request.headers['if-match'];
  return { ...ctxOf(request, now), ...(ifMatch !== undefined ? { ifMatch } : {}) };
};

/**
 * The start of the calendar-feed address: PUBLIC_URL when set, else nothing (the address is given
 * relative to the app). Never the Host header: a client can send any Host, and the address is
 * pasted into calendar apps.
 */
function feedBase(deps: AppDeps): string {
  return deps.publicUrl ? deps.publicUrl.replace(/\/+$/, '') : '';
}

export const meRoutes = (deps: AppDeps): FastifyPluginAsyncZod =>
  async function routes(app) {
    const db = deps.storage.db;
    const now = deps.auth?.now ?? (() => new Date());
    const common = { tags: ['record'], security: authenticated };

    app.get(
      '/me/record',
      {
        preHandler: requireUser,
        schema: {
          ...common,
          summary: 'My record: profile fields and every item by section',
          response: { 200: recordSchema, 401: errorBodySchema },
        },
      },
      async (request) => {
        const userId = currentUserId(request);
        const [profile, sections, revision] = await Promise.all([
          loadProfile(db, userId),
          listRecords(db, userId),
          recordRevision(db, userId),
        ]);
        const fields: ProfileFields = {
          ...(profile.name !== undefined ? { name: profile.name } : {}),
          ...(profile.collegeCreditHours !== undefined
            ? { collegeCreditHours: profile.collegeCreditHours }
            : {}),
          attestations: profile.attestations,
          ...(profile.goals !== undefined ? { goals: profile.goals } : {}),
        };
        return { fields, sections, revision };
      },
    );

    app.post(
      '/me/record/:section',
      {
        preHandler: requireUser,
        schema: {
          ...common,
          summary: 'Add an item to a section of my record',
          description:
            'The body is one item as in the profile format (e.g. a position). A 400 names the field (`end: must not be before start`).',
          params: sectionParamsSchema,
          body: itemBodySchema,
          response: { 201: recordItemSchema, ...errors },
        },
      },
      async (request, reply) => {
        checkItem(deps, request.params.section, request.body);
        const item = await createRecord(
          db,
          currentUserId(request),
          request.params.section,
          request.body,
          ctxOf(request, now),
        );
        return reply.code(201).send(item);
      },
    );

    app.put(
      '/me/record/:section/:id',
      {
        preHandler: requireUser,
        schema: {
          ...common,
          summary: 'Replace an item of my record',
          description:
            "404 for an id that is not one of my items of this section (never revealing whether it exists). Send the item's `etag` as `If-Match`: when the item was changed since, 412 `item_changed` and nothing is written.",
          params: itemParamsSchema,
          body: itemBodySchema,
          response: { 200: recordItemSchema, 412: errorBodySchema, ...errors },
        },
      },
      async (request, reply) => {
        const userId = currentUserId(request);
        await ensureInSection(request.params.section, request.params.id, userId);
        checkItem(deps, request.params.section, request.body);
        const item = await updateRecord(db, userId, request.params.id, request.body, itemCtx(request, now));
        return reply.header('etag', item.etag).send(item);
      },
    );

    app.delete(
      '/me/record/:section/:id',
      {
        preHandler: requireUser,
        schema: {
          ...common,
          summary: 'Delete an item of my record',
          description:
            "Send the item's `etag` as `If-Match`: when the item was changed since, 412 `item_changed` and nothing is deleted.",
          params: itemParamsSchema,
          response: { 204: noContentSchema, 412: errorBodySchema, ...errors },
        },
      },
      async (request, reply) => {
        const userId = currentUserId(request);
        await ensureInSection(request.params.section, request.params.id, userId);
        await deleteRecord(db, userId, request.params.id, itemCtx(request, now));
        return reply.code(204).send(null);
      },
    );

    /** 404 unless the item is the user's and in this section (the URL must not lie about it). */
    async function ensureInSection(section: RecordSection, id: string, userId: string): Promise<void> {
      const sections = await listRecords(db, userId);
      if (!sections[section].some((x) => x.id === id)) {
        throw new NotFoundError('record_not_found', `No ${section} item with id ${id} in your record.`);
      }
    }

    app.patch(
      '/me/record/fields',
      {
        preHandler: requireUser,
        schema: {
          ...common,
          summary: 'Change my profile fields (name, college credit hours, attestations, goals)',
          description: 'A field left out is kept; null removes it.',
          body: itemBodySchema,
          response: { 200: fieldsSchema, ...errors },
        },
      },
      async (request) => updateProfileFields(db, currentUserId(request), request.body, ctxOf(request, now)),
    );

    app.post(
      '/me/import/preview',
      {
        preHandler: requireUser,
        schema: {
          ...common,
          summary: 'Preview importing a profile file into my record',
          description:
            'Nothing is written. Returns per section what would be added, removed and kept, and the revision to send with the import.',
          body: importPreviewBodySchema,
          response: { 200: importPreviewSchema, ...errors },
        },
      },
      async (request) =>
        previewImport(
          db,
          currentUserId(request),
          importedProfile(deps, request.body.profile),
          request.body.mode,
        ),
    );

    app.post(
      '/me/import',
      {
        preHandler: requireUser,
        schema: {
          ...common,
          summary: 'Import a profile file into my record: all of it or nothing',
          description:
            '409 `record_changed` when a revision is given and the record changed since that preview.',
          body: importApplyBodySchema,
          response: { 200: importResultSchema, 409: errorBodySchema, ...errors },
        },
      },
      async (request) =>
        applyImport(
          db,
          currentUserId(request),
          importedProfile(deps, request.body.profile),
          request.body.mode,
          {
            ...ctxOf(request, now),
            ...(request.body.revision !== undefined ? { expectedRevision: request.body.revision } : {}),
          },
        ),
    );

    app.get(
      '/me/profile.yaml',
      {
        preHandler: requireUser,
        schema: {
          ...common,
          summary: 'My record as a profile file (YAML, profile@1)',
          produces: ['application/yaml'],
        },
      },
      async (request, reply) => {
        const profile = await loadProfile(db, currentUserId(request));
        return reply
          .type('application/yaml; charset=utf-8')
          .header('content-disposition', 'attachment; filename="profile.yaml"')
          .header('cache-control', 'no-store')
          .send(stringify(profile, { lineWidth: 0 }));
      },
    );

    app.get(
      '/me/export',
      {
        preHandler: requireUser,
        schema: {
          ...common,
          summary:
            'Everything about me: account, profile, records with ids and times, planned exams, saved plans, API token names, calendar feed on/off, audit log',
          description: 'Format `hm-pathways/export@1` (docs/security.md). Never a secret.',
        },
      },
      async (request, reply) => {
        const data = await exportAccount(db, deps.catalog, currentUserId(request), now().toISOString());
        return reply
          .type('application/json; charset=utf-8')
          .header('content-disposition', 'attachment; filename="pathways-export.json"')
          .header('cache-control', 'no-store')
          .send(JSON.stringify(data, null, 2));
      },
    );

    app.get(
      '/me/dashboard',
      {
        preHandler: requireUser,
        schema: {
          ...common,
          summary: 'My dashboard: eligibility, renewals, upcoming dates, what to do next',
          querystring: asOfQuerySchema,
          response: { 200: dashboardSchema, 400: errorBodySchema, 401: errorBodySchema },
        },
      },
      async (request) =>
        buildDashboard(db, deps.catalog, currentUserId(request), checkAsOf(request.query.asOf)),
    );

    app.get(
      '/me/planned-exams',
      {
        preHandler: requireUser,
        schema: {
          ...common,
          summary: 'My planned exam dates',
          response: { 200: z.array(plannedExamSchema), 401: errorBodySchema },
        },
      },
      async (request) => listPlannedExams(db, currentUserId(request)),
    );

    app.post(
      '/me/planned-exams',
      {
        preHandler: requireUser,
        schema: {
          ...common,
          summary: 'Plan an exam date',
          body: plannedExamBodySchema,
          response: { 201: plannedExamSchema, ...errors },
        },
      },
      async (request, reply) => {
        const known = deps.catalog.certifications.find(
          (c) => c.id.toLowerCase() === request.body.certificationId.toLowerCase(),
        );
        if (!known)
          throw new ValidationError(
            `certificationId: unknown certification "${request.body.certificationId}"`,
            {
              issues: [
                {
                  path: 'certificationId',
                  message: `unknown certification "${request.body.certificationId}"`,
                },
              ],
            },
          );
        const exam = await addPlannedExam(
          db,
          currentUserId(request),
          { ...request.body, certificationId: known.id },
          ctxOf(request, now),
        );
        return reply.code(201).send(exam);
      },
    );

    app.delete(
      '/me/planned-exams/:id',
      {
        preHandler: requireUser,
        schema: {
          ...common,
          summary: 'Remove a planned exam',
          params: idParamsSchema,
          response: { 204: noContentSchema, ...errors },
        },
      },
      async (request, reply) => {
        await deletePlannedExam(db, currentUserId(request), request.params.id, ctxOf(request, now));
        return reply.code(204).send(null);
      },
    );

    app.get(
      '/me/calendar',
      {
        preHandler: requireUser,
        schema: {
          ...common,
          summary: 'Whether my calendar feed is on',
          response: { 200: calendarStatusSchema, 401: errorBodySchema },
        },
      },
      async (request) => ({ enabled: await calendarEnabled(db, currentUserId(request)) }),
    );

    app.post(
      '/me/calendar',
      {
        preHandler: requireUser,
        schema: {
          ...common,
          summary: 'Turn on or renew my calendar feed (the old address stops working)',
          description:
            'Returns the secret feed address once: renewal deadlines and planned exams as iCalendar, for any calendar app.',
          response: { 201: calendarCreatedSchema, 401: errorBodySchema, 403: errorBodySchema },
        },
      },
      async (request, reply) => {
        const secret = await rotateCalendarFeed(db, currentUserId(request), ctxOf(request, now));
        return reply.code(201).send({ url: `${feedBase(deps)}/api/calendar/${secret}.ics` });
      },
    );

    app.delete(
      '/me/calendar',
      {
        preHandler: requireUser,
        schema: {
          ...common,
          summary: 'Turn off my calendar feed',
          response: { 204: noContentSchema, 401: errorBodySchema, 403: errorBodySchema },
        },
      },
      async (request, reply) => {
        await disableCalendarFeed(db, currentUserId(request), ctxOf(request, now));
        return reply.code(204).send(null);
      },
    );

    app.get(
      '/calendar/:file',
      {
        schema: {
          tags: ['record'],
          summary: 'A calendar feed (iCalendar), read with its secret address',
          description:
            'No session needed: the address itself is the secret. 404 once it is renewed or turned off.',
          params: calendarParamsSchema,
          produces: ['text/calendar'],
        },
      },
      async (request, reply) => {
        const secret = request.params.file.replace(/\.ics$/, '');
        const body = await calendarBySecret(db, deps.catalog, secret, {
          appUrl: feedBase(deps),
          asOf: localToday(now()),
        });
        return reply
          .type('text/calendar; charset=utf-8')
          .header('cache-control', 'private, max-age=300')
          .header('content-disposition', 'inline; filename="pathways.ics"')
          .send(body);
      },
    );
  };
