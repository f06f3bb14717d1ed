/**
 * Sign-in and sign-up attempt counters (`sign_in_throttle`), shared by every instance. Keys are
 * `email:<address>` and `ip:<address>` (sign-in) and `signup:<ip address>` (sign-up). The policy (window, limits, lock length) belongs to the
 * auth service; these functions only count atomically.
 */
import type { Kysely, Transaction } from 'kysely';
import type { Database, SignInThrottleTable } from './tables.js';

type Db = Kysely<Database> | Transaction<Database>;

/** The counter for `key`, if any. */
export async function findThrottle(db: Db, key: string): Promise<SignInThrottleTable | undefined> {
  return db.selectFrom('sign_in_throttle').selectAll().where('key', '=', key).executeTakeFirst();
}

export interface FailureOptions {
  /** The time of this failure (ISO). */
  now: string;
  /** A counting window that started at or before this time is over: counting restarts at 1. */
  windowStartedBefore: string;
  /** Lock the key when the count reaches this many failures. */
  limit: number;
  /** The end of the lock, when this failure reaches the limit. */
  lockUntil: string;
}

/**
 * Counts one failure for `key` in a single atomic upsert (so concurrent failures on several
 * instances all count), then locks the key when the count reaches the limit. Returns the counter.
 *
 * @example
 * const row = await recordThrottleFailure(db, 'email:a@b.org', { now, windowStartedBefore, limit: 5, lockUntil });
 * row.locked_until; // set once 5 failures fall in one window
 */
export async function recordThrottleFailure(
  db: Db,
  key: string,
  opts: FailureOptions,
): Promise<SignInThrottleTable> {
  await db
    .insertInto('sign_in_throttle')
    .values({ key, failures: 1, window_started_at: opts.now, locked_until: null })
    .onConflict((oc) =>
      oc.column('key').doUpdateSet((eb) => {
        const windowOver = eb('sign_in_throttle.window_started_at', '<=', opts.windowStartedBefore);
        return {
          failures: eb
            .case()
            .when(windowOver)
            .then(eb.val(1))
            .else(eb('sign_in_throttle.failures', '+', eb.val(1)))
            .end(),
          window_started_at: eb
            .case()
            .when(windowOver)
            .then(eb.val(opts.now))
            .else(eb.ref('sign_in_throttle.window_started_at'))
            .end(),
          locked_until: eb
            .case()
            .when(windowOver)
            .then(eb.val<string | null>(null))
            .else(eb.ref('sign_in_throttle.locked_until'))
            .end(),
        };
      }),
    )
    .execute();
  await db
    .updateTable('sign_in_throttle')
    .set({ locked_until: opts.lockUntil })
    .where('key', '=', key)
    .where('failures', '>=', opts.limit)
    .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<=', opts.now)]))
    .execute();
  return db.selectFrom('sign_in_throttle').selectAll().where('key', '=', key).executeTakeFirstOrThrow();
}

/** Forgets the counter for `key` (after a successful sign-in, or when the account is deleted). */
export async function clearThrottle(db: Db, key: string): Promise<void> {
  await db.deleteFrom('sign_in_throttle').where('key', '=', key).execute();
}

/**
 * Deletes counters whose window started at or before `windowStartedBefore` and that are not locked
 * at `now`: they would restart at 1 anyway, and dropping them keeps addresses no longer than needed.
 * Returns how many were deleted.
 */
export async function deleteStaleThrottles(
  db: Db,
  windowStartedBefore: string,
  now: string,
  /** Which counters: sign-in (`email:`, `ip:`, the default) or sign-up (`signup:`), whose windows differ. */
  kind: 'sign-in' | 'sign-up' = 'sign-in',
): Promise<number> {
  const result = await db
    .deleteFrom('sign_in_throttle')
    .where((eb) =>
      kind === 'sign-up'
        ? eb('key', 'like', 'signup:%')
        : eb.or([eb('key', 'like', 'email:%'), eb('key', 'like', 'ip:%')]),
    )
    .where('window_started_at', '<=', windowStartedBefore)
    .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<=', now)]))
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

export interface AttemptOptions {
  /** The time of this attempt (ISO). */
  now: string;
  /** A counting window that started at or before this time, and is not locked, restarts at 1. */
  windowStartedBefore: string;
}

/**
 * Counts one attempt for `key` before it is evaluated, in one atomic upsert that returns the new
 * count, so that N parallel attempts (on any number of instances) get the counts 1..N and the
 * caller can refuse every one above its limit before checking anything. A key that is locked keeps
 * counting (the lock is not extended); an expired, unlocked window restarts at 1.
 *
 * @example
 * const row = await countAttempt(db, 'email:a@b.org', { now, windowStartedBefore });
 * if (row.failures > 5) refuse();
 */
export async function countAttempt(db: Db, key: string, opts: AttemptOptions): Promise<SignInThrottleTable> {
  return db
    .insertInto('sign_in_throttle')
    .values({ key, failures: 1, window_started_at: opts.now, locked_until: null })
    .onConflict((oc) =>
      oc.column('key').doUpdateSet((eb) => {
        const restart = eb.and([
          eb('sign_in_throttle.window_started_at', '<=', opts.windowStartedBefore),
          eb.or([
            eb('sign_in_throttle.locked_until', 'is', null),
            eb('sign_in_throttle.locked_until', '<=', opts.now),
          ]),
        ]);
        return {
          failures: eb
            .case()
            .when(restart)
            .then(eb.val(1))
            .else(eb('sign_in_throttle.failures', '+', eb.val(1)))
            .end(),
          window_started_at: eb
            .case()
            .when(restart)
            .then(eb.val(opts.now))
            .else(eb.ref('sign_in_throttle.window_started_at'))
            .end(),
          locked_until: eb
            .case()
            .when(restart)
            .then(eb.val<string | null>(null))
            .else(eb.ref('sign_in_throttle.locked_until'))
            .end(),
        };
      }),
    )
    .returningAll()
    .executeTakeFirstOrThrow();
}

/**
 * Locks `key` until `lockUntil` unless it is already locked at `now`; returns the lock in force
 * (the existing one when there was one).
 */
export async function lockThrottle(db: Db, key: string, lockUntil: string, now: string): Promise<string> {
  await db
    .updateTable('sign_in_throttle')
    .set({ locked_until: lockUntil })
    .where('key', '=', key)
    .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<=', now)]))
    .execute();
  const row = await findThrottle(db, key);
  return row?.locked_until ?? lockUntil;
}

/** Gives back one counted attempt (it was not evaluated, or it succeeded). */
export async function releaseAttempt(db: Db, key: string): Promise<void> {
  await db
    .updateTable('sign_in_throttle')
    .set((eb) => ({ failures: eb('failures', '-', eb.val(1)) }))
    .where('key', '=', key)
    .where('failures', '>', 0)
    .execute();
}
