/**
 * Accounts and browser sessions: sign up, sign in (throttled), sign out, change password, delete
 * account, and turning a session cookie back into a user. HTTP-free: the server passes the
 * client's IP address and user agent in, and sets the cookie from what these functions return.
 *
 * Policy (docs/security.md):
 * - passwords: 10 to 200 characters, argon2id ({@link createPasswordHasher});
 * - sessions: 32 random bytes in the cookie, SHA-256 stored; 30 days absolute, 7 days idle;
 *   `last_seen_at` written at most once a minute;
 * - throttling: 5 failed sign-ins per email address or 50 per IP address within 15 minutes lock
 *   that key for 15 minutes, shared by every instance through the database.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import {
  clearThrottle,
  countAttempt,
  deleteStaleThrottles,
  findThrottle,
  lockThrottle,
  releaseAttempt,
} from '../storage/throttle-repository.js';
import {
  deleteExpiredSessionsOfUser,
  deleteSession,
  deleteSessionsOfUser,
  findSession,
  insertSession,
  touchSession,
} from '../storage/session-repository.js';
import { deleteAuditEventsOfUser } from '../storage/audit-repository.js';
import { scrubDeletedData } from '../storage/db.js';
import type { Database, UsersTable } from '../storage/tables.js';
import {
  deleteUser,
  findUserByEmail,
  findUserById,
  insertUser,
  updatePasswordHash,
} from '../storage/user-repository.js';
import { recordAudit } from './audit-service.js';
import {
  ConflictError,
  ForbiddenError,
  TooManyRequestsError,
  UnauthorizedError,
  ValidationError,
} from './errors.js';
import { checkNewPassword } from './password-policy.js';
import type { PasswordHasher } from './passwords.js';
import { newSecret, sha256Hex } from './secrets.js';

/** What the account functions need: the database, the password hasher and the clock. */
export interface AuthEnv {
  db: Kysely<Database>;
  passwords: PasswordHasher;
  /** The current time; tests fix it. */
  now: () => Date;
  /** Sign-ups per address per hour; default {@link signUpThrottlePolicy}.limit. */
  signUpsPerHour?: number;
}

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

/** Session lifetime. */
export const sessionPolicy = {
  /** A session ends this long after sign-in, however active. */
  absoluteMs: 30 * DAY,
  /** A session ends after this long without a request. */
  idleMs: 7 * DAY,
  /** `last_seen_at` is written at most this often (not on every request). */
  touchEveryMs: MINUTE,
} as const;

/** Failed sign-in throttling. */
export const throttlePolicy = {
  windowMs: 15 * MINUTE,
  lockMs: 15 * MINUTE,
  /** Failures per email address within the window before it is locked. */
  emailLimit: 5,
  /** Failures per IP address within the window before it is locked (several people may share one). */
  ipLimit: 50,
} as const;

export { checkNewPassword, passwordRules } from './password-policy.js';

/**
 * Sign-up throttling per IP address: at most 20 attempts (accepted or not) per hour. Sign-up
 * answers 409 `email_taken` for a registered address (the app sends no email, so a neutral answer
 * would leave a person who already has an account waiting for a message that never comes); this
 * limit keeps finding out who has an account to 20 addresses an hour per network, where each
 * unregistered address tried also creates an account, and lets a class of 20 sign up together
 * behind one hospital network address.
 */
export const signUpThrottlePolicy = { windowMs: 60 * MINUTE, limit: 20 } as const;

/** An account as the API shows it: never the password hash. */
export interface PublicUser {
  id: string;
  email: string;
  displayName: string;
  /** IANA time zone in which "today" is computed for this person; null = UTC. */
  timeZone: string | null;
  createdAt: string;
}

/** A session just created: `secret` goes into the cookie and is not stored anywhere. */
export interface NewSession {
  secret: string;
  idHash: string;
  csrfToken: string;
  expiresAt: string;
}

/** The outcome of signing up or in. */
export interface SignedIn {
  user: PublicUser;
  session: NewSession;
}

/** A valid session found from its cookie secret. */
export interface ActiveSession {
  userId: string;
  idHash: string;
  csrfToken: string;
  expiresAt: string;
}

/** The same answer for an unknown email and a wrong password, so accounts cannot be discovered. */
export const INVALID_CREDENTIALS_MESSAGE = 'The email address or password is not correct.';

/**
 * The stored form of an email address: trimmed and lower-cased.
 *
 * @example
 * normalizeEmail('  Ada@Example.ORG '); // 'ada@example.org'
 */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

function iso(ms: number): string {
  return new Date(ms).toISOString();
}

function publicUser(user: UsersTable): PublicUser {
  return {
    id: user.id,
    email: user.email,
    displayName: user.display_name,
    timeZone: user.time_zone ?? null,
    createdAt: user.created_at,
  };
}

function truncate(text: string | undefined, max: number): string | null {
  return text === undefined || text === '' ? null : text.slice(0, max);
}

function newSessionRow(userId: string, nowMs: number, userAgent: string | undefined) {
  const secret = newSecret();
  const session: NewSession = {
    secret,
    idHash: sha256Hex(secret),
    csrfToken: newSecret(),
    expiresAt: iso(nowMs + sessionPolicy.absoluteMs),
  };
  const row = {
    id_hash: session.idHash,
    user_id: userId,
    csrf_token: session.csrfToken,
    created_at: iso(nowMs),
    last_seen_at: iso(nowMs),
    expires_at: session.expiresAt,
    user_agent: truncate(userAgent, 300),
  };
  return { session, row };
}

function throttleKeys(email: string, ip: string): { email: string; ip: string } {
  return { email: `email:${email}`, ip: `ip:${ip}` };
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

type ThrottleKind = 'email' | 'ip';

function lockedError(kind: ThrottleKind, waitMs: number): TooManyRequestsError {
  const minutes = Math.ceil(waitMs / MINUTE);
  const who = kind === 'email' ? 'for this account' : 'from this network';
  return new TooManyRequestsError(
    'too_many_attempts',
    `Too many failed sign-ins ${who}. Try again in ${plural(minutes, 'minute')}.`,
    Math.max(1, Math.ceil(waitMs / 1000)),
  );
}

/**
 * Counts this attempt against the email address and the IP address *before* the password is
 * checked (one atomic upsert per key that returns the count), and throws 429 when either key is
 * locked or this attempt is beyond its limit. So N parallel attempts, on any number of instances,
 * evaluate at most 5 passwords per address and 50 per IP address in a window. A refused attempt
 * gives its count back to the other key, so a locked network does not use up an account's budget.
 */
async function reserveAttempt(
  env: AuthEnv,
  keys: { email: string; ip: string },
  nowMs: number,
): Promise<void> {
  const now = iso(nowMs);
  const windowStartedBefore = iso(nowMs - throttlePolicy.windowMs);
  await deleteStaleThrottles(env.db, windowStartedBefore, now);
  const reserved: string[] = [];
  for (const [kind, key, limit] of [
    ['email', keys.email, throttlePolicy.emailLimit],
    ['ip', keys.ip, throttlePolicy.ipLimit],
  ] as const) {
    const row = await countAttempt(env.db, key, { now, windowStartedBefore });
    let lockedUntil = row.locked_until && Date.parse(row.locked_until) > nowMs ? row.locked_until : undefined;
    if (!lockedUntil && row.failures > limit)
      lockedUntil = await lockThrottle(env.db, key, iso(nowMs + throttlePolicy.lockMs), now);
    if (lockedUntil) {
      for (const k of reserved) await releaseAttempt(env.db, k);
      throw lockedError(kind, Date.parse(lockedUntil) - nowMs);
    }
    reserved.push(key);
  }
}

/** After a wrong password: the attempt stays counted, and a key at its limit is locked. */
async function lockIfAtLimit(
  db: Kysely<Database> | Transaction<Database>,
  keys: { email: string; ip: string },
  nowMs: number,
): Promise<void> {
  for (const [key, limit] of [
    [keys.email, throttlePolicy.emailLimit],
    [keys.ip, throttlePolicy.ipLimit],
  ] as const) {
    const row = await findThrottle(db, key);
    if (row && row.failures >= limit)
      await lockThrottle(db, key, iso(nowMs + throttlePolicy.lockMs), iso(nowMs));
  }
}

/** After a right password: the address's counter is forgotten, the IP address's attempt given back. */
async function attemptSucceeded(
  db: Kysely<Database> | Transaction<Database>,
  keys: { email: string; ip: string },
): Promise<void> {
  await clearThrottle(db, keys.email);
  await releaseAttempt(db, keys.ip);
}

/**
 * Checks the password of a signed-in person before a sensitive change (password change, account
 * deletion), with the same throttling as sign-in. Throws 429 when locked, 403 `wrong_password`
 * naming `field` when wrong.
 */
async function reauthenticate(
  env: AuthEnv,
  user: UsersTable,
  password: string,
  ip: string,
  field: string,
): Promise<void> {
  const nowMs = env.now().getTime();
  const keys = throttleKeys(user.email, ip);
  await reserveAttempt(env, keys, nowMs);
  if (!(await env.passwords.verify(user.password_hash, password))) {
    await lockIfAtLimit(env.db, keys, env.now().getTime());
    throw new ForbiddenError('wrong_password', `${field}: the password is not correct`, {
      issues: [{ path: field, message: 'the password is not correct' }],
    });
  }
  await attemptSucceeded(env.db, keys);
}

async function requireAccount(env: AuthEnv, userId: string): Promise<UsersTable> {
  const user = await findUserById(env.db, userId);
  if (!user) throw new UnauthorizedError('unauthenticated', 'Sign in first: this account no longer exists.');
  return user;
}

/**
 * Creates an account and signs it in. The email address is trimmed and lower-cased; the display
 * name is trimmed and otherwise kept exactly as typed (it is text, never markup). Throws 400 for a
 * password outside 10-200 characters, 409 `email_taken` when the address is already used.
 *
 * @example
 * const { user, session } = await signUp(env, { email: 'Ada@Example.org', displayName: 'Ada', password: 'a long passphrase' });
 * user.email; // 'ada@example.org'; session.secret goes into the cookie
 */
export async function signUp(
  env: AuthEnv,
  input: {
    email: string;
    displayName: string;
    password: string;
    userAgent?: string;
    /** The session the request came with, if any: it ends, replaced by the new account's. */
    replaceSessionIdHash?: string;
    /** The client's IP address: sign-ups are throttled per address ({@link signUpThrottlePolicy}). */
    ip?: string;
  },
): Promise<SignedIn> {
  if (input.ip !== undefined) await countSignUp(env, input.ip);
  const email = normalizeEmail(input.email);
  const displayName = input.displayName.trim();
  if (!displayName)
    throw new ValidationError('displayName: must not be empty', {
      issues: [{ path: 'displayName', message: 'must not be empty' }],
    });
  checkNewPassword(input.password, 'password', { email });
  const taken = () =>
    new ConflictError(
      'email_taken',
      'email: an account with this email address already exists; sign in instead',
      {
        issues: [{ path: 'email', message: 'an account with this email address already exists' }],
      },
    );
  if (await findUserByEmail(env.db, email)) throw taken();
  const passwordHash = await env.passwords.hash(input.password);
  const nowMs = env.now().getTime();
  const at = iso(nowMs);
  const user: UsersTable = {
    id: randomUUID(),
    email,
    display_name: displayName,
    password_hash: passwordHash,
    calendar_token_hash: null,
    created_at: at,
    updated_at: at,
  };
  const { session, row } = newSessionRow(user.id, nowMs, input.userAgent);
  await env.db.transaction().execute(async (trx) => {
    // A race with another sign-up for the same address ends here rather than in a 500.
    if (!(await insertUser(trx, user))) throw taken();
    if (input.replaceSessionIdHash) await deleteSession(trx, input.replaceSessionIdHash);
    await insertSession(trx, row);
    await recordAudit(trx, { userId: user.id, action: 'account.create', actor: 'session' }, at);
    await recordAudit(trx, { userId: user.id, action: 'session.sign_in', actor: 'session' }, at);
  });
  return { user: publicUser(user), session };
}

/** Counts a sign-up attempt from `ip`; throws 429 `too_many_signups` beyond the hourly limit. */
async function countSignUp(env: AuthEnv, ip: string): Promise<void> {
  const nowMs = env.now().getTime();
  const windowStartedBefore = iso(nowMs - signUpThrottlePolicy.windowMs);
  await deleteStaleThrottles(env.db, windowStartedBefore, iso(nowMs), 'sign-up');
  const row = await countAttempt(env.db, `signup:${ip}`, { now: iso(nowMs), windowStartedBefore });
  if (row.failures > (env.signUpsPerHour ?? signUpThrottlePolicy.limit)) {
    const waitMs = Date.parse(row.window_started_at) + signUpThrottlePolicy.windowMs - nowMs;
    throw new TooManyRequestsError(
      'too_many_signups',
      `Too many sign-ups from this network. Try again in ${plural(Math.max(1, Math.ceil(waitMs / MINUTE)), 'minute')}.`,
      Math.max(1, Math.ceil(waitMs / 1000)),
    );
  }
}

/**
 * Signs in with email and password. An unknown email and a wrong password get the same 401
 * `invalid_credentials` and take comparable time (a dummy hash is verified). After 5 failures for
 * an address (or 50 from an IP address) within 15 minutes, every attempt for it, even with the
 * right password, gets 429 `too_many_attempts` until 15 minutes have passed. Success resets the
 * address's counter, ends the session being replaced (if any) and the user's expired sessions.
 */
export async function signIn(
  env: AuthEnv,
  input: { email: string; password: string; ip: string; userAgent?: string; replaceSessionIdHash?: string },
): Promise<SignedIn> {
  const email = normalizeEmail(input.email);
  const keys = throttleKeys(email, input.ip);
  await reserveAttempt(env, keys, env.now().getTime());
  const user = await findUserByEmail(env.db, email);
  const ok = user
    ? await env.passwords.verify(user.password_hash, input.password)
    : await env.passwords.verifyDummy(input.password);
  if (!user || !ok) {
    const nowMs = env.now().getTime();
    await env.db.transaction().execute(async (trx) => {
      await lockIfAtLimit(trx, keys, nowMs);
      if (user)
        await recordAudit(
          trx,
          {
            userId: user.id,
            action: 'session.sign_in_failed',
            actor: 'system',
            details: { reason: 'wrong_password' },
          },
          iso(nowMs),
        );
    });
    throw new UnauthorizedError('invalid_credentials', INVALID_CREDENTIALS_MESSAGE);
  }
  const rehash = env.passwords.needsRehash(user.password_hash)
    ? await env.passwords.hash(input.password)
    : undefined;
  const nowMs = env.now().getTime();
  const at = iso(nowMs);
  const { session, row } = newSessionRow(user.id, nowMs, input.userAgent);
  await env.db.transaction().execute(async (trx) => {
    await attemptSucceeded(trx, keys);
    if (rehash) await updatePasswordHash(trx, user.id, rehash, at);
    await deleteExpiredSessionsOfUser(trx, user.id, at, iso(nowMs - sessionPolicy.idleMs));
    if (input.replaceSessionIdHash) await deleteSession(trx, input.replaceSessionIdHash);
    await insertSession(trx, row);
    await recordAudit(trx, { userId: user.id, action: 'session.sign_in', actor: 'session' }, at);
  });
  return { user: publicUser(user), session };
}

/** Ends one session (sign out). */
export async function signOut(env: AuthEnv, who: { userId: string; sessionIdHash: string }): Promise<void> {
  const at = env.now().toISOString();
  await env.db.transaction().execute(async (trx) => {
    await deleteSession(trx, who.sessionIdHash);
    await recordAudit(trx, { userId: who.userId, action: 'session.sign_out', actor: 'session' }, at);
  });
}

/**
 * Finds the live session for a cookie secret. An unknown secret gives null; an expired one
 * (30 days after sign-in, or 7 days idle) is deleted and gives null. Refreshes `last_seen_at` at
 * most once a minute.
 */
export async function resolveSession(env: AuthEnv, secret: string): Promise<ActiveSession | null> {
  if (!/^[A-Za-z0-9_-]{43}$/.test(secret)) return null;
  const idHash = sha256Hex(secret);
  const row = await findSession(env.db, idHash);
  if (!row) return null;
  const nowMs = env.now().getTime();
  const at = iso(nowMs);
  if (row.expires_at <= at || row.last_seen_at <= iso(nowMs - sessionPolicy.idleMs)) {
    await deleteSession(env.db, idHash);
    return null;
  }
  const touchBefore = iso(nowMs - sessionPolicy.touchEveryMs);
  if (row.last_seen_at <= touchBefore) await touchSession(env.db, idHash, at, touchBefore);
  return { userId: row.user_id, idHash, csrfToken: row.csrf_token, expiresAt: row.expires_at };
}

/** The signed-in account as the API shows it. Throws 401 when it no longer exists. */
export async function getAccount(env: AuthEnv, userId: string): Promise<PublicUser> {
  return publicUser(await requireAccount(env, userId));
}

/**
 * Changes the password after checking the current one (throttled like sign-in; 403
 * `wrong_password` when wrong), and ends every other session of the account: all of them when the
 * request did not come from a session. Returns how many sessions were ended.
 */
export async function changePassword(
  env: AuthEnv,
  who: { userId: string; actor: string; sessionIdHash?: string; ip: string },
  input: { currentPassword: string; newPassword: string },
): Promise<{ endedSessions: number }> {
  const user = await requireAccount(env, who.userId);
  checkNewPassword(input.newPassword, 'newPassword', { email: user.email });
  await reauthenticate(env, user, input.currentPassword, who.ip, 'currentPassword');
  const passwordHash = await env.passwords.hash(input.newPassword);
  const at = env.now().toISOString();
  return env.db.transaction().execute(async (trx) => {
    await updatePasswordHash(trx, user.id, passwordHash, at);
    const endedSessions = await deleteSessionsOfUser(trx, user.id, who.sessionIdHash);
    await recordAudit(
      trx,
      { userId: user.id, action: 'password.change', actor: who.actor, details: { endedSessions } },
      at,
    );
    return { endedSessions };
  });
}

/**
 * Deletes the account after checking its password (throttled; 403 `wrong_password` when wrong).
 * In one transaction: the account's audit events, the account itself (sessions, tokens, profile,
 * record items and planned exams go with it by cascade) and its sign-in counter; then one
 * anonymous `account.delete` event (no user, no details) records that an account was deleted.
 */
export async function deleteAccount(
  env: AuthEnv,
  who: { userId: string; ip: string },
  password: string,
): Promise<void> {
  const user = await requireAccount(env, who.userId);
  await reauthenticate(env, user, password, who.ip, 'password');
  const at = env.now().toISOString();
  await env.db.transaction().execute(async (trx) => {
    await deleteAuditEventsOfUser(trx, user.id);
    await deleteUser(trx, user.id);
    await clearThrottle(trx, throttleKeys(user.email, who.ip).email);
    await recordAudit(trx, { userId: null, action: 'account.delete', actor: 'system' }, at);
  });
  await scrubDeletedData(env.db);
}
