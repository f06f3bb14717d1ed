/**
 * API tokens for scripts and integrations: `hmp_` followed by 32 random bytes in base64url. A token
 * is shown once, when created; only its SHA-256 is stored. Bearer-token requests need no CSRF
 * token (the browser never sends them on its own). A token's use updates `last_used_at` and writes a
 * `token.use` audit event at most once an hour.
 */
import { randomUUID } from 'node:crypto';
import { recordAudit } from './audit-service.js';
import type { AuthEnv } from './auth-service.js';
import { NotFoundError, ValidationError } from './errors.js';
import { newSecret, sha256Hex } from './secrets.js';
import {
  findApiTokenByHash,
  findApiTokenOfUser,
  insertApiToken,
  listApiTokensOfUser,
  markApiTokenUsed,
  revokeApiToken as revokeStoredToken,
} from '../storage/token-repository.js';
import type { ApiTokensTable } from '../storage/tables.js';

const HOUR = 60 * 60_000;

/** Token format and limits. */
export const tokenPolicy = {
  /** Every token starts with this, so secret scanners and people can recognise it. */
  prefix: 'hmp_',
  /** How many leading characters are stored and listed to tell tokens apart (`hmp_` + 8). */
  shownLength: 12,
  maxNameLength: 100,
  maxExpiresInDays: 3650,
  /** `last_used_at` and the `token.use` audit event are written at most this often per token. */
  useRecordEveryMs: HOUR,
} as const;

const tokenPattern = /^hmp_[A-Za-z0-9_-]{43}$/;

/** A token as listed: never the secret. */
export interface ApiTokenView {
  id: string;
  name: string;
  /** The first characters of the token, e.g. `hmp_x7Yq2LmA`. */
  prefix: string;
  createdAt: string;
  /** Accurate to the hour (see {@link tokenPolicy}). */
  lastUsedAt: string | null;
  expiresAt: string | null;
  revokedAt: string | null;
  status: 'active' | 'expired' | 'revoked';
}

/** The identity behind a valid bearer token. */
export interface TokenIdentity {
  userId: string;
  tokenId: string;
}

function view(row: ApiTokensTable, nowIso: string): ApiTokenView {
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    createdAt: row.created_at,
    lastUsedAt: row.last_used_at,
    expiresAt: row.expires_at,
    revokedAt: row.revoked_at,
    status: row.revoked_at
      ? 'revoked'
      : row.expires_at !== null && row.expires_at <= nowIso
        ? 'expired'
        : 'active',
  };
}

/**
 * Creates a token for the user. Returns the token itself (shown once, never again) and its listing.
 * `expiresInDays` omitted = no expiry. Throws 400 for an empty name.
 *
 * @example
 * const { token } = await createApiToken(env, { userId, actor: 'session' }, { name: 'HR import', expiresInDays: 90 });
 * // token: 'hmp_...' (47 characters)
 */
export async function createApiToken(
  env: AuthEnv,
  who: { userId: string; actor: string },
  input: { name: string; expiresInDays?: number },
): Promise<{ token: string; apiToken: ApiTokenView }> {
  const name = input.name.trim();
  if (!name || name.length > tokenPolicy.maxNameLength) {
    const message = name ? `must be at most ${tokenPolicy.maxNameLength} characters` : 'must not be empty';
    throw new ValidationError(`name: ${message}`, { issues: [{ path: 'name', message }] });
  }
  const days = input.expiresInDays;
  if (days !== undefined && (!Number.isInteger(days) || days < 1 || days > tokenPolicy.maxExpiresInDays)) {
    const message = `must be a whole number of days from 1 to ${tokenPolicy.maxExpiresInDays}`;
    throw new ValidationError(`expiresInDays: ${message}`, { issues: [{ path: 'expiresInDays', message }] });
  }
  const nowMs = env.now().getTime();
  const at = new Date(nowMs).toISOString();
  const token = `${tokenPolicy.prefix}${newSecret()}`;
  const row: ApiTokensTable = {
    id: randomUUID(),
    user_id: who.userId,
    name,
    token_hash: sha256Hex(token),
    prefix: token.slice(0, tokenPolicy.shownLength),
    created_at: at,
    last_used_at: null,
    expires_at: days === undefined ? null : new Date(nowMs + days * 24 * HOUR).toISOString(),
    revoked_at: null,
  };
  await env.db.transaction().execute(async (trx) => {
    await insertApiToken(trx, row);
    await recordAudit(
      trx,
      {
        userId: who.userId,
        action: 'token.create',
        actor: who.actor,
        entityType: 'api_token',
        entityId: row.id,
        details: { expiresInDays: days ?? null },
      },
      at,
    );
  });
  return { token, apiToken: view(row, at) };
}

/** The user's tokens, revoked and expired ones included, newest first. */
export async function listApiTokens(env: AuthEnv, userId: string): Promise<ApiTokenView[]> {
  const nowIso = env.now().toISOString();
  return (await listApiTokensOfUser(env.db, userId)).map((row) => view(row, nowIso));
}

/**
 * Revokes one of the user's tokens. 404 `token_not_found` for an id the user does not own, whether
 * or not it exists for someone else. Revoking a revoked token again changes nothing.
 */
export async function revokeApiToken(
  env: AuthEnv,
  who: { userId: string; actor: string },
  id: string,
): Promise<void> {
  const at = env.now().toISOString();
  await env.db.transaction().execute(async (trx) => {
    const row = await findApiTokenOfUser(trx, who.userId, id);
    if (!row) throw new NotFoundError('token_not_found', `No API token with id "${id}"`);
    if (!(await revokeStoredToken(trx, who.userId, id, at))) return;
    await recordAudit(
      trx,
      { userId: who.userId, action: 'token.revoke', actor: who.actor, entityType: 'api_token', entityId: id },
      at,
    );
  });
}

/**
 * The identity behind a bearer token, or null when it is malformed, unknown, revoked or expired.
 * Records the use (`last_used_at`, `token.use` event) at most once an hour per token, with one
 * conditional update so that concurrent requests on several instances record it once.
 */
export async function resolveApiToken(env: AuthEnv, token: string): Promise<TokenIdentity | null> {
  if (!tokenPattern.test(token)) return null;
  const row = await findApiTokenByHash(env.db, sha256Hex(token));
  if (!row) return null;
  const nowMs = env.now().getTime();
  const at = new Date(nowMs).toISOString();
  if (row.revoked_at !== null || (row.expires_at !== null && row.expires_at <= at)) return null;
  const recordBefore = new Date(nowMs - tokenPolicy.useRecordEveryMs).toISOString();
  if (row.last_used_at === null || row.last_used_at <= recordBefore) {
    await env.db.transaction().execute(async (trx) => {
      if (await markApiTokenUsed(trx, row.id, at, recordBefore)) {
        await recordAudit(
          trx,
          {
            userId: row.user_id,
            action: 'token.use',
            actor: `token:${row.id}`,
            entityType: 'api_token',
            entityId: row.id,
          },
          at,
        );
      }
    });
  }
  return { userId: row.user_id, tokenId: row.id };
}
