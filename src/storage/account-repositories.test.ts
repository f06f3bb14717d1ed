/**
 * The account repositories (users, sessions, API tokens, audit events, sign-in throttle), run on
 * every database engine: SQLite always, PostgreSQL when reachable (required under CI=true).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { countUserRows, seedLearnerRows } from '../../test/support/auth.js';
import { testDatabases } from '../../test/support/databases.js';
import { deleteAuditEventsOfUser, insertAuditEvent, listAuditEventsOfUser } from './audit-repository.js';
import { migrateToLatest, type Storage } from './db.js';
import {
  deleteExpiredSessionsOfUser,
  deleteSession,
  deleteSessionsOfUser,
  findSession,
  insertSession,
  touchSession,
} from './session-repository.js';
import type { ApiTokensTable, SessionsTable, UsersTable } from './tables.js';
import {
  clearThrottle,
  deleteStaleThrottles,
  findThrottle,
  recordThrottleFailure,
} from './throttle-repository.js';
import {
  findApiTokenByHash,
  findApiTokenOfUser,
  insertApiToken,
  listApiTokensOfUser,
  markApiTokenUsed,
  revokeApiToken,
} from './token-repository.js';
import {
  deleteUser,
  findUserByEmail,
  findUserById,
  insertUser,
  updatePasswordHash,
} from './user-repository.js';

const T0 = '2026-11-28T12:00:00.000Z';
const at = (minutes: number) => new Date(Date.parse(T0) + minutes * 60_000).toISOString();

function user(n: number, overrides: Partial<UsersTable> = {}): UsersTable {
  return {
    id: `00000000-0000-4000-8000-00000000000${n}`,
    email: `user${n}@example.org`,
    display_name: `User ${n}`,
    password_hash: '$argon2id$v=19$m=64,t=1,p=1$c2FsdA$aGFzaA',
    calendar_token_hash: null,
    time_zone: null,
    created_at: T0,
    updated_at: T0,
    ...overrides,
  };
}

function session(userId: string, idHash: string, overrides: Partial<SessionsTable> = {}): SessionsTable {
  return {
    id_hash: idHash.padEnd(64, '0'),
    user_id: userId,
    csrf_token: `csrf-${idHash}`,
    created_at: T0,
    last_seen_at: T0,
    expires_at: at(30 * 24 * 60),
    user_agent: null,
    ...overrides,
  };
}

function token(userId: string, id: string, overrides: Partial<ApiTokensTable> = {}): ApiTokensTable {
  return {
    id,
    user_id: userId,
    name: `token ${id}`,
    token_hash: id.padEnd(64, 'f'),
    prefix: 'hmp_abcdefgh',
    created_at: T0,
    last_used_at: null,
    expires_at: null,
    revoked_at: null,
    ...overrides,
  };
}

for (const database of await testDatabases()) {
  const title = database.skip
    ? `account repositories on ${database.name} (skipped: ${database.skip})`
    : `account repositories on ${database.name}`;
  describe.skipIf(Boolean(database.skip))(title, () => {
    let storage: Storage;
    const ada = user(1);
    const bob = user(2);
    beforeEach(async () => {
      storage = await database.open();
      await migrateToLatest(storage.db);
      expect(await insertUser(storage.db, ada)).toBe(true);
      expect(await insertUser(storage.db, bob)).toBe(true);
    });
    afterEach(async () => {
      await storage.close();
    });

    describe('users', () => {
      it('finds an account by email and by id, and refuses a second account with the same email', async () => {
        expect(await findUserByEmail(storage.db, 'user1@example.org')).toEqual(ada);
        expect(await findUserById(storage.db, ada.id)).toEqual(ada);
        expect(await findUserByEmail(storage.db, 'nobody@example.org')).toBeUndefined();
        expect(await insertUser(storage.db, user(3, { email: ada.email }))).toBe(false);
        expect(await findUserById(storage.db, user(3).id)).toBeUndefined();
      });

      it('a refused insert inside a transaction can be turned into an error that rolls it back', async () => {
        await expect(
          storage.db.transaction().execute(async (trx) => {
            await insertSession(trx, session(ada.id, 'aa'));
            if (!(await insertUser(trx, user(3, { email: ada.email })))) throw new Error('email taken');
          }),
        ).rejects.toThrow('email taken');
        expect(await findSession(storage.db, 'aa'.padEnd(64, '0'))).toBeUndefined();
      });

      it('stores text exactly as given, markup and SQL included', async () => {
        const odd = user(3, {
          email: "x');drop.table.users;--@example.org",
          display_name: "<script>alert(1)</script> '); drop table users;--",
        });
        expect(await insertUser(storage.db, odd)).toBe(true);
        expect(await findUserById(storage.db, odd.id)).toEqual(odd);
      });

      it('updates the password hash and the update time', async () => {
        expect(await updatePasswordHash(storage.db, ada.id, 'new-hash', at(5))).toBe(true);
        expect(await findUserById(storage.db, ada.id)).toMatchObject({
          password_hash: 'new-hash',
          updated_at: at(5),
        });
        expect(await updatePasswordHash(storage.db, 'missing', 'x', at(5))).toBe(false);
      });

      it('deleting an account removes its rows in every per-user table and leaves others alone', async () => {
        for (const u of [ada, bob]) {
          await insertSession(storage.db, session(u.id, `s${u.id.slice(-1)}`));
          await insertApiToken(storage.db, token(u.id, `t${u.id.slice(-1)}`));
          await insertAuditEvent(storage.db, {
            id: `e${u.id.slice(-1)}`,
            user_id: u.id,
            at: T0,
            action: 'session.sign_in',
            actor: 'session',
            entity_type: null,
            entity_id: null,
            details: null,
          });
          await seedLearnerRows(storage.db, u.id, T0);
        }
        const before = await countUserRows(storage.db, ada.id, ada.email);
        expect(Object.values(before).slice(0, 7)).toEqual([1, 1, 1, 1, 1, 1, 1]);
        expect(await deleteAuditEventsOfUser(storage.db, ada.id)).toBe(1);
        expect(await deleteUser(storage.db, ada.id)).toBe(true);
        expect(await deleteUser(storage.db, ada.id)).toBe(false);
        expect(await countUserRows(storage.db, ada.id, ada.email)).toEqual({
          users: 0,
          sessions: 0,
          api_tokens: 0,
          audit_events: 0,
          learner_profiles: 0,
          record_items: 0,
          planned_exams: 0,
          saved_plans: 0,
          sign_in_throttle: 0,
        });
        const other = await countUserRows(storage.db, bob.id, bob.email);
        expect(Object.values(other).slice(0, 7)).toEqual([1, 1, 1, 1, 1, 1, 1]);
      });
    });

    describe('sessions', () => {
      it('finds, touches at most once per interval, and deletes a session', async () => {
        const s = session(ada.id, 'a1');
        await insertSession(storage.db, s);
        expect(await findSession(storage.db, s.id_hash)).toEqual(s);
        // Seen at T0: a touch that requires last_seen_at <= T0 - 1 minute does nothing.
        expect(await touchSession(storage.db, s.id_hash, at(0.5), at(-1))).toBe(false);
        expect(await touchSession(storage.db, s.id_hash, at(2), at(1))).toBe(true);
        expect((await findSession(storage.db, s.id_hash))?.last_seen_at).toBe(at(2));
        expect(await deleteSession(storage.db, s.id_hash)).toBe(true);
        expect(await deleteSession(storage.db, s.id_hash)).toBe(false);
        expect(await findSession(storage.db, s.id_hash)).toBeUndefined();
      });

      it('deletes every other session of a user, or all of them', async () => {
        for (const id of ['a1', 'a2', 'a3']) await insertSession(storage.db, session(ada.id, id));
        await insertSession(storage.db, session(bob.id, 'b1'));
        expect(await deleteSessionsOfUser(storage.db, ada.id, 'a2'.padEnd(64, '0'))).toBe(2);
        expect(await findSession(storage.db, 'a2'.padEnd(64, '0'))).toBeDefined();
        expect(await deleteSessionsOfUser(storage.db, ada.id)).toBe(1);
        expect(await findSession(storage.db, 'b1'.padEnd(64, '0'))).toBeDefined();
      });

      it("deletes a user's sessions that are past their absolute or idle expiry", async () => {
        await insertSession(storage.db, session(ada.id, 'live', { last_seen_at: at(60) }));
        await insertSession(storage.db, session(ada.id, 'old', { expires_at: at(10) }));
        await insertSession(storage.db, session(ada.id, 'idle', { last_seen_at: at(-10) }));
        await insertSession(storage.db, session(bob.id, 'bob', { expires_at: at(10) }));
        expect(await deleteExpiredSessionsOfUser(storage.db, ada.id, at(20), at(-5))).toBe(2);
        expect(await findSession(storage.db, 'live'.padEnd(64, '0'))).toBeDefined();
        expect(await findSession(storage.db, 'bob'.padEnd(64, '0'))).toBeDefined();
      });
    });

    describe('API tokens', () => {
      it("finds a token by hash, lists a user's tokens newest first, and never another user's", async () => {
        await insertApiToken(storage.db, token(ada.id, 't1'));
        await insertApiToken(storage.db, token(ada.id, 't2', { created_at: at(5) }));
        await insertApiToken(storage.db, token(bob.id, 't3'));
        expect((await findApiTokenByHash(storage.db, 't3'.padEnd(64, 'f')))?.user_id).toBe(bob.id);
        expect((await listApiTokensOfUser(storage.db, ada.id)).map((t) => t.id)).toEqual(['t2', 't1']);
        expect(await findApiTokenOfUser(storage.db, ada.id, 't3')).toBeUndefined();
        expect((await findApiTokenOfUser(storage.db, bob.id, 't3'))?.name).toBe('token t3');
      });

      it("revokes only the owner's token, once", async () => {
        await insertApiToken(storage.db, token(ada.id, 't1'));
        expect(await revokeApiToken(storage.db, bob.id, 't1', at(1))).toBe(false);
        expect(await revokeApiToken(storage.db, ada.id, 't1', at(1))).toBe(true);
        expect(await revokeApiToken(storage.db, ada.id, 't1', at(2))).toBe(false);
        expect((await findApiTokenOfUser(storage.db, ada.id, 't1'))?.revoked_at).toBe(at(1));
      });

      it('records use when never used or last used before the cut-off only', async () => {
        await insertApiToken(storage.db, token(ada.id, 't1'));
        expect(await markApiTokenUsed(storage.db, 't1', at(0), at(-60))).toBe(true);
        expect(await markApiTokenUsed(storage.db, 't1', at(30), at(-30))).toBe(false);
        expect(await markApiTokenUsed(storage.db, 't1', at(61), at(1))).toBe(true);
        expect((await findApiTokenOfUser(storage.db, ada.id, 't1'))?.last_used_at).toBe(at(61));
      });
    });

    describe('audit events', () => {
      it("lists a user's events newest first, page by page, with ties in time kept in a stable order", async () => {
        const ids = ['e1', 'e2', 'e3', 'e4', 'e5'];
        for (const [i, id] of ids.entries()) {
          await insertAuditEvent(storage.db, {
            id,
            user_id: ada.id,
            at: i < 2 ? at(0) : at(i),
            action: 'session.sign_in',
            actor: 'session',
            entity_type: null,
            entity_id: null,
            details: i === 0 ? '{"reason":"x"}' : null,
          });
        }
        await insertAuditEvent(storage.db, {
          id: 'other',
          user_id: bob.id,
          at: at(10),
          action: 'session.sign_in',
          actor: 'session',
          entity_type: null,
          entity_id: null,
          details: null,
        });
        const first = await listAuditEventsOfUser(storage.db, ada.id, { limit: 3 });
        expect(first.map((e) => e.id)).toEqual(['e5', 'e4', 'e3']);
        const last = first[2]!;
        const second = await listAuditEventsOfUser(storage.db, ada.id, {
          limit: 3,
          before: { at: last.at, id: last.id },
        });
        expect(second.map((e) => e.id)).toEqual(['e2', 'e1']);
        const afterTie = await listAuditEventsOfUser(storage.db, ada.id, {
          limit: 3,
          before: { at: at(0), id: 'e2' },
        });
        expect(afterTie.map((e) => e.id)).toEqual(['e1']);
        expect(afterTie[0]?.details).toBe('{"reason":"x"}');
        expect(await deleteAuditEventsOfUser(storage.db, ada.id)).toBe(5);
        expect(await listAuditEventsOfUser(storage.db, bob.id, { limit: 10 })).toHaveLength(1);
      });
    });

    describe('sign-in throttle', () => {
      const opts = (minutes: number) => ({
        now: at(minutes),
        windowStartedBefore: at(minutes - 15),
        limit: 3,
        lockUntil: at(minutes + 15),
      });

      it('counts failures in a window and locks the key when the limit is reached', async () => {
        expect(await recordThrottleFailure(storage.db, 'email:a', opts(0))).toEqual({
          key: 'email:a',
          failures: 1,
          window_started_at: at(0),
          locked_until: null,
        });
        expect((await recordThrottleFailure(storage.db, 'email:a', opts(1))).failures).toBe(2);
        expect(await recordThrottleFailure(storage.db, 'email:a', opts(2))).toEqual({
          key: 'email:a',
          failures: 3,
          window_started_at: at(0),
          locked_until: at(17),
        });
        // Another failure while locked does not extend the lock.
        expect((await recordThrottleFailure(storage.db, 'email:a', opts(3))).locked_until).toBe(at(17));
        expect(await findThrottle(storage.db, 'email:b')).toBeUndefined();
      });

      it('starts counting again once the window is over', async () => {
        await recordThrottleFailure(storage.db, 'ip:1', opts(0));
        await recordThrottleFailure(storage.db, 'ip:1', opts(1));
        expect(await recordThrottleFailure(storage.db, 'ip:1', opts(16))).toEqual({
          key: 'ip:1',
          failures: 1,
          window_started_at: at(16),
          locked_until: null,
        });
      });

      it('counts every one of many concurrent failures', async () => {
        await Promise.all(
          Array.from({ length: 8 }, () =>
            recordThrottleFailure(storage.db, 'ip:2', { ...opts(0), limit: 100 }),
          ),
        );
        expect((await findThrottle(storage.db, 'ip:2'))?.failures).toBe(8);
      });

      it('clears a key, and drops counters that have run out and are not locked', async () => {
        await recordThrottleFailure(storage.db, 'email:a', opts(0));
        await clearThrottle(storage.db, 'email:a');
        expect(await findThrottle(storage.db, 'email:a')).toBeUndefined();
        await recordThrottleFailure(storage.db, 'email:old', opts(0));
        for (const m of [0, 1, 2]) await recordThrottleFailure(storage.db, 'email:locked', opts(m));
        await recordThrottleFailure(storage.db, 'email:new', opts(14));
        // At minute 16 the windows of 'old' and 'locked' are over, but 'locked' stays locked until 17.
        expect(await deleteStaleThrottles(storage.db, at(1), at(16))).toBe(1);
        expect(await findThrottle(storage.db, 'email:old')).toBeUndefined();
        expect(await findThrottle(storage.db, 'email:locked')).toBeDefined();
        expect(await deleteStaleThrottles(storage.db, at(2), at(18))).toBe(1);
        expect(await findThrottle(storage.db, 'email:new')).toBeDefined();
      });
    });
  });
}
