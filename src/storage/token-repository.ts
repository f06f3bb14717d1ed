/**
 * API tokens. Only the SHA-256 (hex) of a token is stored; revoked tokens are kept with
 * `revoked_at` set so the list and the audit log can still name them.
 */
import type { Kysely, Transaction } from 'kysely';
import type { ApiTokensTable, Database } from './tables.js';

type Db = Kysely<Database> | Transaction<Database>;

/** Stores a new token. */
export async function insertApiToken(db: Db, token: ApiTokensTable): Promise<void> {
  await db.insertInto('api_tokens').values(token).execute();
}

/** The token whose secret hashes to `tokenHash`, whatever its state (revoked, expired). */
export async function findApiTokenByHash(db: Db, tokenHash: string): Promise<ApiTokensTable | undefined> {
  return db.selectFrom('api_tokens').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();
}

/** The user's token with this id; undefined for another user's token, so its existence is never revealed. */
export async function findApiTokenOfUser(
  db: Db,
  userId: string,
  id: string,
): Promise<ApiTokensTable | undefined> {
  return db
    .selectFrom('api_tokens')
    .selectAll()
    .where('user_id', '=', userId)
    .where('id', '=', id)
    .executeTakeFirst();
}

/** Every token of the user, revoked ones included, newest first. */
export async function listApiTokensOfUser(db: Db, userId: string): Promise<ApiTokensTable[]> {
  return db
    .selectFrom('api_tokens')
    .selectAll()
    .where('user_id', '=', userId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
}

/**
 * Marks the user's token revoked at `at`. Returns false when the user has no such token or it was
 * already revoked (the first revocation time is kept).
 */
export async function revokeApiToken(db: Db, userId: string, id: string, at: string): Promise<boolean> {
  const result = await db
    .updateTable('api_tokens')
    .set({ revoked_at: at })
    .where('user_id', '=', userId)
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/**
 * Sets `last_used_at` to `at` unless it was already set after `notBefore`. Conditional so that
 * concurrent requests on several instances update (and audit) once. Returns true when updated.
 */
export async function markApiTokenUsed(db: Db, id: string, at: string, notBefore: string): Promise<boolean> {
  const result = await db
    .updateTable('api_tokens')
    .set({ last_used_at: at })
    .where('id', '=', id)
    .where((eb) => eb.or([eb('last_used_at', 'is', null), eb('last_used_at', '<=', notBefore)]))
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}
