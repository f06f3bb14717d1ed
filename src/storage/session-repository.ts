/**
 * Server-side sessions. Rows are keyed by the SHA-256 (hex) of the cookie's secret; the secret
 * itself is never stored. Times are ISO strings, compared as text (same format everywhere).
 */
import type { Kysely, Transaction } from 'kysely';
import type { Database, SessionsTable } from './tables.js';

type Db = Kysely<Database> | Transaction<Database>;

/** Stores a new session. */
export async function insertSession(db: Db, session: SessionsTable): Promise<void> {
  await db.insertInto('sessions').values(session).execute();
}

/** The session whose secret hashes to `idHash`, whether or not it has expired. */
export async function findSession(db: Db, idHash: string): Promise<SessionsTable | undefined> {
  return db.selectFrom('sessions').selectAll().where('id_hash', '=', idHash).executeTakeFirst();
}

/**
 * Sets `last_seen_at` to `at` unless it was already refreshed after `notBefore`, so that a burst of
 * requests (from any number of instances) writes once. Returns true when the row was updated.
 */
export async function touchSession(db: Db, idHash: string, at: string, notBefore: string): Promise<boolean> {
  const result = await db
    .updateTable('sessions')
    .set({ last_seen_at: at })
    .where('id_hash', '=', idHash)
    .where('last_seen_at', '<=', notBefore)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** Deletes one session. Returns false when it did not exist. */
export async function deleteSession(db: Db, idHash: string): Promise<boolean> {
  const result = await db.deleteFrom('sessions').where('id_hash', '=', idHash).executeTakeFirst();
  return result.numDeletedRows > 0n;
}

/**
 * Deletes every session of the user except `keepIdHash` (all of them when it is undefined).
 * Returns how many were deleted.
 */
export async function deleteSessionsOfUser(db: Db, userId: string, keepIdHash?: string): Promise<number> {
  let query = db.deleteFrom('sessions').where('user_id', '=', userId);
  if (keepIdHash !== undefined) query = query.where('id_hash', '!=', keepIdHash);
  const result = await query.executeTakeFirst();
  return Number(result.numDeletedRows);
}

/**
 * Deletes the user's sessions that are past their absolute expiry (`expires_at <= now`) or idle
 * since `idleSince` (`last_seen_at <= idleSince`). Returns how many were deleted.
 */
export async function deleteExpiredSessionsOfUser(
  db: Db,
  userId: string,
  now: string,
  idleSince: string,
): Promise<number> {
  const result = await db
    .deleteFrom('sessions')
    .where('user_id', '=', userId)
    .where((eb) => eb.or([eb('expires_at', '<=', now), eb('last_seen_at', '<=', idleSince)]))
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
