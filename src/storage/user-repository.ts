/** Accounts (`users`). Emails arrive already normalised (trimmed, lower-cased) from the service. */
import type { Kysely, Transaction } from 'kysely';
import type { Database, UsersTable } from './tables.js';

type Db = Kysely<Database> | Transaction<Database>;

/** True when `e` is a unique-constraint violation, on either engine. */
export function isUniqueViolation(e: unknown): boolean {
  const code = (e as { code?: unknown } | null)?.code;
  // SQLite: SQLITE_CONSTRAINT_UNIQUE / SQLITE_CONSTRAINT_PRIMARYKEY; PostgreSQL: 23505.
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}

/**
 * Inserts an account. Returns false (and writes nothing) when the email address is already used,
 * so the caller can answer 409 even when two sign-ups race. On PostgreSQL a refused insert aborts
 * the surrounding transaction: the caller must throw after a false.
 *
 * @example
 * if (!(await insertUser(trx, row))) throw new ConflictError('email_taken', '...');
 */
export async function insertUser(db: Db, user: UsersTable): Promise<boolean> {
  try {
    await db.insertInto('users').values(user).execute();
    return true;
  } catch (e) {
    if (isUniqueViolation(e)) return false;
    throw e;
  }
}

/** The account with this (normalised) email address, if any. */
export async function findUserByEmail(db: Db, email: string): Promise<UsersTable | undefined> {
  return db.selectFrom('users').selectAll().where('email', '=', email).executeTakeFirst();
}

/** The account with this id, if any. */
export async function findUserById(db: Db, id: string): Promise<UsersTable | undefined> {
  return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Replaces the stored password hash. Returns false when the account does not exist. */
export async function updatePasswordHash(
  db: Db,
  id: string,
  passwordHash: string,
  at: string,
): Promise<boolean> {
  const result = await db
    .updateTable('users')
    .set({ password_hash: passwordHash, updated_at: at })
    .where('id', '=', id)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/**
 * Deletes the account; its sessions, tokens, profile, record items and planned exams go with it
 * (ON DELETE CASCADE). Returns false when there was no such account.
 */
export async function deleteUser(db: Db, id: string): Promise<boolean> {
  const result = await db.deleteFrom('users').where('id', '=', id).executeTakeFirst();
  return result.numDeletedRows > 0n;
}

/** The account's time zone (IANA), or null when it has none or does not exist. */
export async function findUserTimeZone(db: Db, id: string): Promise<string | null> {
  const row = await db.selectFrom('users').select('time_zone').where('id', '=', id).executeTakeFirst();
  return row?.time_zone ?? null;
}

/** Sets the account's time zone (null: UTC). Returns false when the account does not exist. */
export async function updateUserTimeZone(
  db: Db,
  id: string,
  timeZone: string | null,
  at: string,
): Promise<boolean> {
  const result = await db
    .updateTable('users')
    .set({ time_zone: timeZone, updated_at: at })
    .where('id', '=', id)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}
