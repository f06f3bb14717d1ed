/** The calendar-feed secret of a user: stored as SHA-256 only, looked up by that digest. */
import type { Kysely, Transaction } from 'kysely';
import type { Database } from './tables.js';

type Db = Kysely<Database> | Transaction<Database>;

/** Sets (or clears, with null) the digest of a user's calendar-feed secret. */
export async function setCalendarTokenHash(
  db: Db,
  userId: string,
  hash: string | null,
  at: string,
): Promise<void> {
  await db
    .updateTable('users')
    .set({ calendar_token_hash: hash, updated_at: at })
    .where('id', '=', userId)
    .execute();
}

/** Whether the user has a calendar feed. */
export async function hasCalendarToken(db: Db, userId: string): Promise<boolean> {
  const row = await db
    .selectFrom('users')
    .select('calendar_token_hash')
    .where('id', '=', userId)
    .executeTakeFirst();
  return Boolean(row?.calendar_token_hash);
}

/** The user whose calendar-feed secret has this digest. */
export async function findUserIdByCalendarTokenHash(db: Db, hash: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('users')
    .select('id')
    .where('calendar_token_hash', '=', hash)
    .executeTakeFirst();
  return row?.id;
}
