/** The audit log (`audit_events`): who changed what, when. Details are JSON text without personal data. */
import type { Kysely, Transaction } from 'kysely';
import type { AuditEventsTable, Database } from './tables.js';

type Db = Kysely<Database> | Transaction<Database>;

/** Stores one event. */
export async function insertAuditEvent(db: Db, event: AuditEventsTable): Promise<void> {
  await db.insertInto('audit_events').values(event).execute();
}

/** Where a page of events starts: strictly older than this event (`at`, then `id`, descending). */
export interface AuditPosition {
  at: string;
  id: string;
}

/**
 * The user's events, newest first (`at` then `id`, both descending, so ties are stable),
 * at most `limit`, starting after `before` when given.
 */
export async function listAuditEventsOfUser(
  db: Db,
  userId: string,
  opts: { limit: number; before?: AuditPosition },
): Promise<AuditEventsTable[]> {
  let query = db.selectFrom('audit_events').selectAll().where('user_id', '=', userId);
  const before = opts.before;
  if (before) {
    query = query.where((eb) =>
      eb.or([eb('at', '<', before.at), eb.and([eb('at', '=', before.at), eb('id', '<', before.id)])]),
    );
  }
  return query.orderBy('at', 'desc').orderBy('id', 'desc').limit(opts.limit).execute();
}

/** Deletes every event of the user. Returns how many were deleted. */
export async function deleteAuditEventsOfUser(db: Db, userId: string): Promise<number> {
  const result = await db.deleteFrom('audit_events').where('user_id', '=', userId).executeTakeFirst();
  return Number(result.numDeletedRows);
}
