/**
 * The learner's record, stored item by item: read it as a profile@1 document, change one item at
 * a time, import a whole profile file (all or nothing), export everything, and plan exam dates.
 *
 * Every change runs in one transaction that also writes its audit event, and takes the record's
 * lock first (see `lockRecord`), so concurrent changes to one record are applied one after the
 * other. Items of another account are reported as not found, never as forbidden.
 *
 * Order: within a section, items are kept in date order (the item's main date, e.g. a job's start),
 * then in the order they were added; undated items come last.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import { z } from 'zod';
import { isValidDay, startDate } from '../core/dates.js';
import { plainMessage } from '../core/messages.js';
import {
  assessmentSchema,
  ceActivitySchema,
  credentialHeldSchema,
  educationSchema,
  goalsSchema,
  membershipSchema,
  PROFILE_FORMAT,
  positionSchema,
  profileSchema,
  projectSchema,
  volunteeringSchema,
  type Profile,
} from '../core/profile.js';
import {
  countRecordItems,
  deletePlannedExam as deletePlannedExamRow,
  deleteRecordItem,
  findLearnerProfile,
  findRecordItem,
  insertPlannedExam,
  insertRecordItem,
  listPlannedExams as listPlannedExamRows,
  listRecordItems,
  lockRecord,
  updateRecordItem,
  upsertLearnerProfile,
} from '../storage/record-repository.js';
import type { Database, PlannedExamsTable, RecordItemsTable, RecordSection } from '../storage/tables.js';
import { listAudit, recordAudit, type AuditEvent } from './audit-service.js';
import {
  AppError,
  ConflictError,
  issuesOf,
  NotFoundError,
  summarizeIssues,
  ValidationError,
  type Issue,
} from './errors.js';

type Db = Kysely<Database> | Transaction<Database>;

/** The sections of a record, in profile@1 order. */
export const RECORD_SECTIONS = [
  'education',
  'positions',
  'credentials',
  'ce',
  'memberships',
  'projects',
  'volunteering',
  'assessments',
] as const satisfies readonly RecordSection[];

const sectionSchemas = {
  education: educationSchema,
  positions: positionSchema,
  credentials: credentialHeldSchema,
  ce: ceActivitySchema,
  memberships: membershipSchema,
  projects: projectSchema,
  volunteering: volunteeringSchema,
  assessments: assessmentSchema,
} satisfies Record<RecordSection, z.ZodType>;

/** The most items a section may hold: the limits of profile@1 (src/core/profile.ts; a test keeps them equal). */
export const SECTION_LIMITS: Record<RecordSection, number> = {
  education: 20,
  positions: 100,
  credentials: 100,
  ce: 5000,
  memberships: 50,
  projects: 200,
  volunteering: 500,
  assessments: 100,
};

/** One item of a section, as profile@1 writes it (defaults applied). */
export type SectionItem<S extends RecordSection = RecordSection> = Profile[S][number];

/** A stored item with its id and times. */
export interface RecordItem<S extends RecordSection = RecordSection> {
  id: string;
  section: S;
  data: SectionItem<S>;
  createdAt: string;
  updatedAt: string;
  /**
   * The item's version as an HTTP entity tag (`"..."`): send it as `If-Match` with a change, and
   * a change made meanwhile by someone else gets 412 `item_changed` instead of being overwritten.
   */
  etag: string;
}

/** A record's items, per section, in record order. */
export type RecordSections = { [S in RecordSection]: RecordItem<S>[] };

/** The profile-level fields stored apart from the items. */
export interface ProfileFields {
  name?: string;
  collegeCreditHours?: number;
  attestations: string[];
  goals?: Profile['goals'];
}
const PROFILE_FIELDS = ['name', 'collegeCreditHours', 'attestations', 'goals'] as const;

/** Who makes a change and when (ISO time); both go into the audit event. */
export interface WriteContext {
  /** 'session' | 'token:<token id>' | 'system'. */
  actor: string;
  at: string;
  /** An item change only: the If-Match header (the item's `etag` when it was read), if sent. */
  ifMatch?: string;
}

/**
 * The entity tag of a stored item: a digest of its id, data and last change time.
 *
 * @example
 * itemEtag({ id: 'x', data: '{}', updated_at: '2026-11-27T12:00:00.000Z' }); // '"2h1p..."'
 */
export function itemEtag(row: Pick<RecordItemsTable, 'id' | 'data' | 'updated_at'>): string {
  const digest = createHash('sha256').update(`${row.id}\n${row.updated_at}\n${row.data}`).digest('base64url');
  return `"${digest.slice(0, 22)}"`;
}

/**
 * Throws 412 `item_changed` unless `ifMatch` (an If-Match header: `*`, or one or more entity tags,
 * weak or strong) names the item's current version. No header: no check.
 */
function checkIfMatch(ifMatch: string | undefined, row: RecordItemsTable): void {
  if (ifMatch === undefined) return;
  const current = itemEtag(row);
  const tags = ifMatch.split(',').map((t) => t.trim().replace(/^W\//, ''));
  if (tags.includes('*') || tags.includes(current)) return;
  throw new AppError(
    412,
    'item_changed',
    'This item was changed elsewhere (another tab or device) since you opened it; reopen it to see the latest version, then make your change again.',
    { etag: current },
  );
}

export interface PlannedExam {
  id: string;
  certificationId: string;
  date: string;
  note: string | null;
  createdAt: string;
}

/* ------------------------------------------------------------------ validation */

function invalid(issues: Issue[], code = 'invalid_record'): ValidationError {
  return new ValidationError(summarizeIssues(issues), { issues }, code);
}

function parseSection(value: unknown): RecordSection {
  if (typeof value === 'string' && (RECORD_SECTIONS as readonly string[]).includes(value))
    return value as RecordSection;
  throw invalid([{ path: 'section', message: `must be one of: ${RECORD_SECTIONS.join(', ')}` }]);
}

/** An item checked against its section's schema; problems as `positions.end: must not be before start`. */
function parseItem<S extends RecordSection>(section: S, data: unknown): SectionItem<S> {
  const parsed = sectionSchemas[section].safeParse(data, { error: plainMessage });
  if (!parsed.success) throw invalid(issuesOf(parsed.error, section));
  return parsed.data as SectionItem<S>;
}

const fieldsSchema = z.strictObject({
  name: profileSchema.shape.name,
  collegeCreditHours: profileSchema.shape.collegeCreditHours,
  attestations: profileSchema.shape.attestations,
  goals: profileSchema.shape.goals,
});

/** A change to the profile-level fields: a field left out is kept, `null` removes it. */
const fieldsPatchSchema = z.strictObject({
  name: profileSchema.shape.name.unwrap().nullable().optional(),
  collegeCreditHours: profileSchema.shape.collegeCreditHours.unwrap().nullable().optional(),
  attestations: profileSchema.shape.attestations.unwrap().optional(),
  goals: goalsSchema.nullable().optional(),
});
export type ProfileFieldsPatch = z.input<typeof fieldsPatchSchema>;

function parseProfile(profile: unknown): Profile {
  const parsed = profileSchema.safeParse(profile, { error: plainMessage });
  if (!parsed.success) throw invalid(issuesOf(parsed.error), 'invalid_profile');
  return parsed.data;
}

/* ------------------------------------------------------------------ helpers */

let lastMs = 0;
let sequence = 0;
/**
 * A UUID version 7 (RFC 9562): time-ordered and, within this process, strictly increasing, so
 * that items added in one instant (an import) keep their order as the last sort key.
 */
function newId(): string {
  let ms = Date.now();
  if (ms <= lastMs) {
    ms = lastMs;
    sequence++;
    if (sequence > 0xfff) {
      ms = ++lastMs;
      sequence = 0;
    }
  } else sequence = 0;
  lastMs = ms;
  const b = randomBytes(16);
  b.writeUIntBE(ms, 0, 6);
  b[6] = 0x70 | (sequence >> 8);
  b[7] = sequence & 0xff;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const hex = b.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** Undated items sort after every date. */
const UNDATED = '9999-12-31';

/** The date an item is ordered by within its section (`YYYY-MM` = its first day). */
export function sortKeyOf(section: RecordSection, item: SectionItem): string {
  const d = (s: string | undefined) => (s ? startDate(s) : UNDATED);
  switch (section) {
    case 'education':
      return d((item as SectionItem<'education'>).completed);
    case 'positions':
      return d((item as SectionItem<'positions'>).start);
    case 'credentials': {
      const c = item as SectionItem<'credentials'>;
      return d(c.earned ?? c.expires);
    }
    case 'ce':
      return d((item as SectionItem<'ce'>).date);
    case 'memberships':
      return d((item as SectionItem<'memberships'>).since);
    case 'projects':
      return d((item as SectionItem<'projects'>).completed);
    case 'volunteering':
      return d((item as SectionItem<'volunteering'>).date);
    case 'assessments':
      return d((item as SectionItem<'assessments'>).date);
  }
}

/** JSON with keys sorted and undefined values left out: equal items give equal text. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

function toItem(row: RecordItemsTable): RecordItem {
  return {
    id: row.id,
    section: row.section,
    data: JSON.parse(row.data) as SectionItem,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    etag: itemEtag(row),
  };
}

function emptySections(): RecordSections {
  return Object.fromEntries(RECORD_SECTIONS.map((s) => [s, []])) as unknown as RecordSections;
}

function groupItems(rows: RecordItemsTable[]): RecordSections {
  const sections = emptySections();
  for (const row of rows) (sections[row.section] as RecordItem[]).push(toItem(row));
  return sections;
}

async function readFields(db: Db, userId: string): Promise<ProfileFields> {
  const row = await findLearnerProfile(db, userId);
  const parsed = fieldsSchema.safeParse(row ? JSON.parse(row.data) : {});
  if (!parsed.success)
    throw new AppError(
      500,
      'record_unreadable',
      `The stored profile fields cannot be read: ${parsed.error.message}`,
    );
  return withoutUndefined(parsed.data);
}

function withoutUndefined<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

function fieldsOf(profile: Profile): ProfileFields {
  return withoutUndefined({
    name: profile.name,
    collegeCreditHours: profile.collegeCreditHours,
    attestations: profile.attestations,
    goals: profile.goals,
  });
}

/** A transaction of its own, or the caller's when `db` already is one. */
function inTransaction<T>(db: Db, fn: (trx: Transaction<Database>) => Promise<T>): Promise<T> {
  return db.isTransaction ? fn(db as Transaction<Database>) : db.transaction().execute(fn);
}

function recordNotFound(): NotFoundError {
  return new NotFoundError('record_not_found', 'No such record item.');
}

/* ------------------------------------------------------------------ reading */

/**
 * The user's record as a valid profile@1 document (`format` set, defaults applied), items in
 * record order. An account with nothing recorded gives an empty profile.
 *
 * @example
 * const profile = await loadProfile(db, userId);
 * evaluateRenewals(catalog, profile, '2026-11-27');
 */
export async function loadProfile(db: Db, userId: string): Promise<Profile> {
  const [fields, rows] = await Promise.all([readFields(db, userId), listRecordItems(db, userId)]);
  const doc: Record<string, unknown> = { format: PROFILE_FORMAT, ...fields };
  for (const s of RECORD_SECTIONS) doc[s] = [];
  for (const row of rows) (doc[row.section] as unknown[]).push(JSON.parse(row.data));
  const parsed = profileSchema.safeParse(doc, { error: plainMessage });
  if (!parsed.success) {
    const first = issuesOf(parsed.error)[0];
    throw new AppError(
      500,
      'record_unreadable',
      `The stored record does not form a valid profile${first ? ` (${first.path}: ${first.message})` : ''}.`,
    );
  }
  return parsed.data;
}

/**
 * The user's items per section, with their ids and times, in record order.
 *
 * @example
 * const { positions } = await listRecords(db, userId);
 * positions[0]; // {id: '0193...', section: 'positions', data: {title: 'Staff Nurse', ...}, createdAt, updatedAt}
 */
export async function listRecords(db: Db, userId: string): Promise<RecordSections> {
  return groupItems(await listRecordItems(db, userId));
}

/**
 * A token that changes whenever the record changes (fields or any item): a hash of the stored
 * record. {@link previewImport} returns it and {@link applyImport} refuses to apply a preview of
 * a record that has changed since.
 *
 * @example
 * const before = await recordRevision(db, userId);
 */
export async function recordRevision(db: Db, userId: string): Promise<string> {
  const [fields, rows] = await Promise.all([readFields(db, userId), listRecordItems(db, userId)]);
  return revisionOf(fields, rows);
}

function revisionOf(fields: ProfileFields, rows: RecordItemsTable[]): string {
  const hash = createHash('sha256');
  hash.update(canonical(fields));
  for (const r of [...rows].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)))
    hash.update(`\n${r.id}\t${r.section}\t${r.data}`);
  return hash.digest('hex').slice(0, 32);
}

/* ------------------------------------------------------------------ item changes */

/**
 * Adds one item to a section, after checking it against the section's schema.
 *
 * @example
 * await createRecord(db, userId, 'positions', { title: 'Nurse Manager', start: '2020-07' },
 *   { actor: 'session', at: '2026-11-27T12:00:00.000Z' });
 * @throws ValidationError (400 `invalid_record`) naming the field, e.g. `positions.end: must not be before start`.
 */
export async function createRecord(
  db: Db,
  userId: string,
  section: string,
  data: unknown,
  ctx: WriteContext,
): Promise<RecordItem> {
  const s = parseSection(section);
  const item = parseItem(s, data);
  return inTransaction(db, async (trx) => {
    await lockRecord(trx, userId, ctx.at);
    if ((await countRecordItems(trx, userId, s)) >= SECTION_LIMITS[s])
      throw invalid([{ path: s, message: `must have at most ${SECTION_LIMITS[s]} entries` }]);
    const row: RecordItemsTable = {
      id: newId(),
      user_id: userId,
      section: s,
      data: JSON.stringify(item),
      sort_key: sortKeyOf(s, item),
      created_at: ctx.at,
      updated_at: ctx.at,
    };
    await insertRecordItem(trx, row);
    await recordAudit(
      trx,
      { userId, action: 'record.create', actor: ctx.actor, entityType: s, entityId: row.id },
      ctx.at,
    );
    return toItem(row);
  });
}

/**
 * Replaces one item's data (its section stays), after checking it against the section's schema.
 *
 * @example
 * await updateRecord(db, userId, id, { title: 'Nurse Manager', start: '2020-07', end: '2024-06' }, ctx);
 * @throws NotFoundError (404 `record_not_found`) when the user has no item with this id, including
 *   when it belongs to someone else; ValidationError (400) naming the field.
 */
export async function updateRecord(
  db: Db,
  userId: string,
  id: string,
  data: unknown,
  ctx: WriteContext,
): Promise<RecordItem> {
  return inTransaction(db, async (trx) => {
    await lockRecord(trx, userId, ctx.at);
    const existing = await findRecordItem(trx, userId, id);
    if (!existing) throw recordNotFound();
    checkIfMatch(ctx.ifMatch, existing);
    const item = parseItem(existing.section, data);
    const change = {
      data: JSON.stringify(item),
      sort_key: sortKeyOf(existing.section, item),
      updated_at: ctx.at,
    };
    await updateRecordItem(trx, userId, id, change);
    await recordAudit(
      trx,
      { userId, action: 'record.update', actor: ctx.actor, entityType: existing.section, entityId: id },
      ctx.at,
    );
    return toItem({ ...existing, ...change });
  });
}

/**
 * Deletes one item.
 *
 * @example
 * await deleteRecord(db, userId, id, { actor: 'session', at: now });
 * @throws NotFoundError (404 `record_not_found`) when the user has no item with this id.
 */
export async function deleteRecord(db: Db, userId: string, id: string, ctx: WriteContext): Promise<void> {
  await inTransaction(db, async (trx) => {
    await lockRecord(trx, userId, ctx.at);
    const existing = await findRecordItem(trx, userId, id);
    if (!existing) throw recordNotFound();
    checkIfMatch(ctx.ifMatch, existing);
    if (!(await deleteRecordItem(trx, userId, id))) throw recordNotFound();
    await recordAudit(
      trx,
      { userId, action: 'record.delete', actor: ctx.actor, entityType: existing.section, entityId: id },
      ctx.at,
    );
  });
}

/**
 * Changes the profile-level fields: name, collegeCreditHours, attestations, goals. A field left
 * out is kept; `null` removes it. Returns the fields as stored.
 *
 * @example
 * await updateProfileFields(db, userId, { name: 'Jordan Lee', goals: { targetRole: 'cno' } }, ctx);
 * @throws ValidationError (400 `invalid_record`) naming the field, e.g. `goals.by: not a date ...`.
 */
export async function updateProfileFields(
  db: Db,
  userId: string,
  patch: unknown,
  ctx: WriteContext,
): Promise<ProfileFields> {
  const parsed = fieldsPatchSchema.safeParse(patch ?? {}, { error: plainMessage });
  if (!parsed.success) throw invalid(issuesOf(parsed.error));
  return inTransaction(db, async (trx) => {
    await lockRecord(trx, userId, ctx.at);
    const current = await readFields(trx, userId);
    const next: Record<string, unknown> = { ...current };
    for (const [k, v] of Object.entries(parsed.data)) {
      if (v === null) delete next[k];
      else if (v !== undefined) next[k] = v;
    }
    const fields = withoutUndefined(fieldsSchema.parse(next));
    await upsertLearnerProfile(trx, { user_id: userId, data: JSON.stringify(fields), updated_at: ctx.at });
    const changed = PROFILE_FIELDS.filter((k) => canonical(current[k]) !== canonical(fields[k]));
    await recordAudit(
      trx,
      {
        userId,
        action: 'record.update',
        actor: ctx.actor,
        entityType: 'profile',
        details: { fields: changed },
      },
      ctx.at,
    );
    return fields;
  });
}

/* ------------------------------------------------------------------ import */

export type ImportMode = 'replace' | 'merge';

export interface SectionChange {
  added: number;
  removed: number;
  unchanged: number;
  /** Items the import adds, as they will be stored. */
  addedItems: SectionItem[];
  /** Stored items the import removes (replace only). */
  removedItems: RecordItem[];
}

export interface ImportPreview {
  mode: ImportMode;
  /** Give this to {@link applyImport} as `expectedRevision`. */
  revision: string;
  sections: Record<RecordSection, SectionChange>;
  /** Profile-level fields the import changes. */
  fields: { changed: (typeof PROFILE_FIELDS)[number][]; after: ProfileFields };
  totals: { added: number; removed: number; unchanged: number };
}

export interface ApplyImportOptions extends WriteContext {
  /** The preview's revision: the import is refused (409 `record_changed`) if the record changed since. */
  expectedRevision?: string;
  /** For tests: called after each row written (1, 2, ...); throwing there aborts the whole import. */
  hooks?: { afterItem?: (n: number) => void };
}

export interface ImportResult {
  mode: ImportMode;
  /** The record's revision after the import. */
  revision: string;
  sections: Record<RecordSection, { added: number; removed: number; unchanged: number }>;
  totals: { added: number; removed: number; unchanged: number };
}

interface Plan {
  preview: ImportPreview;
  remove: RecordItemsTable[];
  add: { section: RecordSection; item: SectionItem }[];
}

/** What an import would do to a record: matches equal items one to one (duplicates count). */
function planImport(
  mode: ImportMode,
  incoming: Profile,
  fields: ProfileFields,
  rows: RecordItemsTable[],
  revision: string,
): Plan {
  const sections = {} as Record<RecordSection, SectionChange>;
  const remove: RecordItemsTable[] = [];
  const add: Plan['add'] = [];
  for (const s of RECORD_SECTIONS) {
    const stored = new Map<string, RecordItemsTable[]>();
    for (const row of rows) {
      if (row.section !== s) continue;
      const key = canonical(JSON.parse(row.data));
      stored.set(key, [...(stored.get(key) ?? []), row]);
    }
    const change: SectionChange = { added: 0, removed: 0, unchanged: 0, addedItems: [], removedItems: [] };
    for (const item of incoming[s] as SectionItem[]) {
      const same = stored.get(canonical(item));
      if (same?.length) {
        same.shift();
        change.unchanged++;
      } else {
        change.added++;
        change.addedItems.push(item);
        add.push({ section: s, item });
      }
    }
    if (mode === 'replace')
      for (const left of stored.values())
        for (const row of left) {
          change.removed++;
          change.removedItems.push(toItem(row));
          remove.push(row);
        }
    const total = rows.filter((r) => r.section === s).length - change.removed + change.added;
    if (total > SECTION_LIMITS[s])
      throw invalid([
        {
          path: s,
          message: `must have at most ${SECTION_LIMITS[s]} entries; the import would make ${total}`,
        },
      ]);
    sections[s] = change;
  }
  const incomingFields = fieldsOf(incoming);
  const after: ProfileFields =
    mode === 'replace'
      ? incomingFields
      : withoutUndefined({
          name: fields.name ?? incomingFields.name,
          collegeCreditHours: fields.collegeCreditHours ?? incomingFields.collegeCreditHours,
          attestations: [...new Set([...fields.attestations, ...incomingFields.attestations])],
          goals: fields.goals ?? incomingFields.goals,
        });
  const changed = PROFILE_FIELDS.filter((k) => canonical(fields[k]) !== canonical(after[k]));
  const totals = { added: 0, removed: 0, unchanged: 0 };
  for (const c of Object.values(sections)) {
    totals.added += c.added;
    totals.removed += c.removed;
    totals.unchanged += c.unchanged;
  }
  return { preview: { mode, revision, sections, fields: { changed, after }, totals }, remove, add };
}

function parseMode(mode: unknown): ImportMode {
  if (mode === 'replace' || mode === 'merge') return mode;
  throw invalid([{ path: 'mode', message: 'must be one of: replace, merge' }], 'invalid_request');
}

/**
 * What importing a profile would change, per section, without changing anything. `replace`: the
 * record becomes exactly the file (items not in it are removed, equal items are kept as they are);
 * `merge`: items not already recorded (deep-equal) are added, nothing is removed, and profile
 * fields are only filled in where the record has none (attestations are joined).
 *
 * @example
 * const preview = await previewImport(db, userId, profile, 'merge');
 * preview.sections.ce; // {added: 2, removed: 0, unchanged: 5, addedItems: [...], removedItems: []}
 * await applyImport(db, userId, profile, 'merge', { actor: 'session', at: now, expectedRevision: preview.revision });
 */
export async function previewImport(
  db: Db,
  userId: string,
  profile: Profile,
  mode: ImportMode,
): Promise<ImportPreview> {
  const m = parseMode(mode);
  const incoming = parseProfile(profile);
  const [fields, rows] = await Promise.all([readFields(db, userId), listRecordItems(db, userId)]);
  return planImport(m, incoming, fields, rows, revisionOf(fields, rows)).preview;
}

/**
 * Applies an import all or nothing, in one transaction, with one `record.import` audit event that
 * holds the counts. When `expectedRevision` is given and the record changed since that preview,
 * nothing is written and a 409 `record_changed` is thrown.
 *
 * @example
 * const result = await applyImport(db, userId, profile, 'replace', { actor: 'session', at: now, expectedRevision });
 * result.totals; // {added: 12, removed: 3, unchanged: 4}
 * @throws ConflictError (409 `record_changed`); ValidationError (400) for an invalid profile.
 */
export async function applyImport(
  db: Db,
  userId: string,
  profile: Profile,
  mode: ImportMode,
  opts: ApplyImportOptions,
): Promise<ImportResult> {
  const m = parseMode(mode);
  const incoming = parseProfile(profile);
  return inTransaction(db, async (trx) => {
    await lockRecord(trx, userId, opts.at);
    const [fields, rows] = [await readFields(trx, userId), await listRecordItems(trx, userId)];
    const revision = revisionOf(fields, rows);
    if (opts.expectedRevision !== undefined && opts.expectedRevision !== revision)
      throw new ConflictError(
        'record_changed',
        'Your record has changed since this import was previewed; preview it again.',
      );
    const plan = planImport(m, incoming, fields, rows, revision);
    let written = 0;
    const step = () => opts.hooks?.afterItem?.(++written);
    for (const row of plan.remove) {
      await deleteRecordItem(trx, userId, row.id);
      step();
    }
    for (const { section, item } of plan.add) {
      await insertRecordItem(trx, {
        id: newId(),
        user_id: userId,
        section,
        data: JSON.stringify(item),
        sort_key: sortKeyOf(section, item),
        created_at: opts.at,
        updated_at: opts.at,
      });
      step();
    }
    if (plan.preview.fields.changed.length > 0) {
      await upsertLearnerProfile(trx, {
        user_id: userId,
        data: JSON.stringify(plan.preview.fields.after),
        updated_at: opts.at,
      });
      step();
    }
    const sections = Object.fromEntries(
      RECORD_SECTIONS.map((s) => {
        const c = plan.preview.sections[s];
        return [s, { added: c.added, removed: c.removed, unchanged: c.unchanged }];
      }),
    ) as ImportResult['sections'];
    await recordAudit(
      trx,
      {
        userId,
        action: 'record.import',
        actor: opts.actor,
        entityType: 'record',
        details: { mode: m, ...plan.preview.totals, fields: plan.preview.fields.changed, sections },
      },
      opts.at,
    );
    const after = revisionOf(await readFields(trx, userId), await listRecordItems(trx, userId));
    return { mode: m, revision: after, sections, totals: plan.preview.totals };
  });
}

/* ------------------------------------------------------------------ export */

export interface RecordExport {
  profile: Profile;
  records: RecordSections;
  plannedExams: PlannedExam[];
  /** Newest first. */
  auditEvents: AuditEvent[];
}

/**
 * Everything stored about the user's record, for "download everything": the record as a profile,
 * every item with its id and times, planned exams and the audit log.
 *
 * @example
 * const everything = await exportAll(db, userId);
 * JSON.stringify(everything);
 */
export async function exportAll(db: Db, userId: string): Promise<RecordExport> {
  const profile = await loadProfile(db, userId);
  const records = await listRecords(db, userId);
  const plannedExams = await listPlannedExams(db, userId);
  const auditEvents: AuditEvent[] = [];
  let before: string | undefined;
  do {
    const page = await listAudit(db, userId, { limit: 500, ...(before ? { before } : {}) });
    auditEvents.push(...page.events);
    before = page.nextBefore ?? undefined;
  } while (before);
  return { profile, records, plannedExams, auditEvents };
}

/* ------------------------------------------------------------------ planned exams */

const plannedExamSchema = z.strictObject({
  certificationId: z
    .string()
    .trim()
    .min(1, 'must not be empty')
    .max(64)
    .regex(/^[A-Za-z0-9][A-Za-z0-9_.-]*$/, 'must be a catalog id (letters, digits, _ . -)'),
  date: z.string().refine(isValidDay, 'must be a date (YYYY-MM-DD)'),
  note: z.string().trim().min(1, 'must not be empty').max(300, 'must be at most 300 characters').optional(),
});
export type PlannedExamInput = z.input<typeof plannedExamSchema>;

function toPlannedExam(row: PlannedExamsTable): PlannedExam {
  return {
    id: row.id,
    certificationId: row.certification_id,
    date: row.date,
    note: row.note,
    createdAt: row.created_at,
  };
}

/**
 * Plans an exam on a date (shown in the calendar feed and the plan).
 *
 * @example
 * await addPlannedExam(db, userId, { certificationId: 'CPHQ', date: '2027-05-10' }, ctx);
 * @throws ValidationError (400 `invalid_record`) naming the field, e.g. `plannedExam.date: must be a date (YYYY-MM-DD)`.
 */
export async function addPlannedExam(
  db: Db,
  userId: string,
  input: unknown,
  ctx: WriteContext,
): Promise<PlannedExam> {
  const parsed = plannedExamSchema.safeParse(input, { error: plainMessage });
  if (!parsed.success) throw invalid(issuesOf(parsed.error, 'plannedExam'));
  const row: PlannedExamsTable = {
    id: newId(),
    user_id: userId,
    certification_id: parsed.data.certificationId,
    date: parsed.data.date,
    note: parsed.data.note ?? null,
    created_at: ctx.at,
  };
  return inTransaction(db, async (trx) => {
    await lockRecord(trx, userId, ctx.at);
    await insertPlannedExam(trx, row);
    await recordAudit(
      trx,
      { userId, action: 'record.create', actor: ctx.actor, entityType: 'planned_exam', entityId: row.id },
      ctx.at,
    );
    return toPlannedExam(row);
  });
}

/** The user's planned exams, soonest first. */
export async function listPlannedExams(db: Db, userId: string): Promise<PlannedExam[]> {
  return (await listPlannedExamRows(db, userId)).map(toPlannedExam);
}

/**
 * Removes a planned exam.
 *
 * @throws NotFoundError (404 `planned_exam_not_found`) when the user has none with this id.
 */
export async function deletePlannedExam(
  db: Db,
  userId: string,
  id: string,
  ctx: WriteContext,
): Promise<void> {
  await inTransaction(db, async (trx) => {
    await lockRecord(trx, userId, ctx.at);
    if (!(await deletePlannedExamRow(trx, userId, id)))
      throw new NotFoundError('planned_exam_not_found', 'No such planned exam.');
    await recordAudit(
      trx,
      { userId, action: 'record.delete', actor: ctx.actor, entityType: 'planned_exam', entityId: id },
      ctx.at,
    );
  });
}
