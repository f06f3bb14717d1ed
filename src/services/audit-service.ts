/**
 * The audit log: who changed what, when. Every account and record change writes one event, inside
 * the same transaction as the change when there is one. Events belong to an account (`userId`) and
 * are deleted with it; details are small JSON objects that never hold passwords, tokens or personal
 * data (names, email addresses, IP addresses, free text typed by the person).
 */
import { randomUUID } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import { insertAuditEvent, listAuditEventsOfUser, type AuditPosition } from '../storage/audit-repository.js';
import type { Database } from '../storage/tables.js';
import { ValidationError } from './errors.js';

type Db = Kysely<Database> | Transaction<Database>;

/** One event to record. */
export interface AuditEventInput {
  /** The account the event belongs to; null only for the anonymous record of an account's deletion. */
  userId: string | null;
  /** e.g. 'record.create', 'session.sign_in', 'token.revoke'. */
  action: string;
  /** 'session' | 'token:<token id>' | 'system'. */
  actor: string;
  entityType?: string;
  entityId?: string;
  /** JSON-serialisable facts without personal data, e.g. `{section: 'positions'}`. */
  details?: Record<string, unknown>;
}

/** A stored event as the API shows it. */
export interface AuditEvent {
  id: string;
  at: string;
  action: string;
  actor: string;
  entityType: string | null;
  entityId: string | null;
  details: Record<string, unknown> | null;
}

/** Keys refused in `details` (compared lower-case, without `_` or `-`): secrets and personal data. */
const forbiddenKeys = new Set([
  'password',
  'currentpassword',
  'newpassword',
  'passwordhash',
  'token',
  'secret',
  'csrftoken',
  'cookie',
  'email',
  'displayname',
  'ip',
  'ipaddress',
  'useragent',
]);

function assertNoPersonalData(value: unknown, path: string): void {
  if (Array.isArray(value)) {
    value.forEach((v, i) => assertNoPersonalData(v, `${path}[${i}]`));
  } else if (value !== null && typeof value === 'object') {
    for (const [key, v] of Object.entries(value)) {
      if (forbiddenKeys.has(key.toLowerCase().replace(/[_-]/g, ''))) {
        throw new Error(
          `audit details must not hold secrets or personal data: ${path}.${key} is not allowed`,
        );
      }
      assertNoPersonalData(v, `${path}.${key}`);
    }
  }
}

/**
 * Records one event at `at` (ISO time). Pass the transaction that makes the change, so the event is
 * stored if and only if the change is. Throws (a programming error) when `details` has a key that
 * names a secret or personal data (password, token, email, ip, userAgent, displayName, ...).
 *
 * @example
 * await db.transaction().execute(async (trx) => {
 *   await insertRecordItem(trx, item);
 *   await recordAudit(trx, { userId, action: 'record.create', actor: 'session',
 *     entityType: 'record_item', entityId: item.id, details: { section: 'positions' } }, now);
 * });
 */
export async function recordAudit(db: Db, event: AuditEventInput, at: string): Promise<void> {
  if (event.details) assertNoPersonalData(event.details, 'details');
  await insertAuditEvent(db, {
    id: randomUUID(),
    user_id: event.userId,
    at,
    action: event.action,
    actor: event.actor,
    entity_type: event.entityType ?? null,
    entity_id: event.entityId ?? null,
    details: event.details ? JSON.stringify(event.details) : null,
  });
}

function encodeCursor(position: AuditPosition): string {
  return Buffer.from(`${position.at}|${position.id}`, 'utf8').toString('base64url');
}

function decodeCursor(cursor: string): AuditPosition {
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  const [at, id, ...rest] = text.split('|');
  if (
    !at ||
    !id ||
    rest.length > 0 ||
    !/^\d{4}-\d{2}-\d{2}T/.test(at) ||
    encodeCursor({ at, id }) !== cursor
  ) {
    throw new ValidationError('query parameter before: must be the nextBefore value of a previous page', {
      in: 'querystring',
      issues: [{ path: 'before', message: 'must be the nextBefore value of a previous page' }],
    });
  }
  return { at, id };
}

/**
 * The user's own events, newest first, `limit` at a time. `before` is the `nextBefore` of the
 * previous page (an opaque cursor); `nextBefore` is null on the last page. Throws
 * {@link ValidationError} for a cursor that did not come from a previous page.
 *
 * @example
 * const first = await listAudit(db, userId, { limit: 50 });
 * const second = first.nextBefore ? await listAudit(db, userId, { limit: 50, before: first.nextBefore }) : undefined;
 */
export async function listAudit(
  db: Db,
  userId: string,
  opts: { limit: number; before?: string },
): Promise<{ events: AuditEvent[]; nextBefore: string | null }> {
  const before = opts.before === undefined ? undefined : decodeCursor(opts.before);
  // One more than asked tells whether there is a next page.
  const rows = await listAuditEventsOfUser(db, userId, { limit: opts.limit + 1, before });
  const page = rows.slice(0, opts.limit);
  const last = page[page.length - 1];
  return {
    events: page.map((r) => ({
      id: r.id,
      at: r.at,
      action: r.action,
      actor: r.actor,
      entityType: r.entity_type,
      entityId: r.entity_id,
      details: r.details === null ? null : (JSON.parse(r.details) as Record<string, unknown>),
    })),
    nextBefore: rows.length > opts.limit && last ? encodeCursor({ at: last.at, id: last.id }) : null,
  };
}
