/** Accounts, sessions and sign-in throttling, on every database engine. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { countUserRows, seedLearnerRows, testClock, type TestClock } from '../../test/support/auth.js';
import { testDatabases } from '../../test/support/databases.js';
import { migrateToLatest, type Storage } from '../storage/db.js';
import { findSession } from '../storage/session-repository.js';
import { findThrottle } from '../storage/throttle-repository.js';
import { findUserById } from '../storage/user-repository.js';
import {
  changePassword,
  deleteAccount,
  getAccount,
  INVALID_CREDENTIALS_MESSAGE,
  resolveSession,
  signIn,
  signOut,
  signUp,
  type AuthEnv,
} from './auth-service.js';
import { createPasswordHasher, type PasswordHasher } from './passwords.js';
import { sha256Hex } from './secrets.js';
import { createApiToken } from './token-service.js';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
const PASSWORD = 'correct horse battery staple';

/** The fast hasher, counting how often each check runs. */
function countingHasher(): PasswordHasher & { calls: { verify: number; dummy: number } } {
  const inner = createPasswordHasher('fast');
  const calls = { verify: 0, dummy: 0 };
  return {
    ...inner,
    calls,
    verify: (h, p) => {
      calls.verify += 1;
      return inner.verify(h, p);
    },
    verifyDummy: (p) => {
      calls.dummy += 1;
      return inner.verifyDummy(p);
    },
  };
}

async function auditActions(storage: Storage, userId: string | null): Promise<string[]> {
  let query = storage.db.selectFrom('audit_events').select('action').orderBy('at').orderBy('action');
  query = userId === null ? query.where('user_id', 'is', null) : query.where('user_id', '=', userId);
  return (await query.execute()).map((r) => r.action);
}

for (const database of await testDatabases()) {
  describe.skipIf(Boolean(database.skip))(`auth service on ${database.name}`, () => {
    let storage: Storage;
    let clock: TestClock;
    let passwords: ReturnType<typeof countingHasher>;
    let env: AuthEnv;
    beforeEach(async () => {
      storage = await database.open();
      await migrateToLatest(storage.db);
      clock = testClock();
      passwords = countingHasher();
      env = { db: storage.db, passwords, now: clock.now };
    });
    afterEach(async () => {
      await storage.close();
    });

    const ada = () =>
      signUp(env, { email: '  Ada@Example.ORG ', displayName: '  Ada Lovelace ', password: PASSWORD });
    const wrong = (email = 'ada@example.org', ip = '10.0.0.1') =>
      signIn(env, { email, password: 'not the password', ip });

    describe('sign up', () => {
      it('normalises the email, keeps the name, hashes the password and opens a session', async () => {
        const { user, session } = await ada();
        expect(user).toEqual({
          id: expect.any(String),
          email: 'ada@example.org',
          displayName: 'Ada Lovelace',
          timeZone: null,
          createdAt: clock.now().toISOString(),
        });
        const stored = await findUserById(storage.db, user.id);
        expect(stored?.password_hash).toMatch(/^\$argon2id\$/);
        expect(stored?.password_hash).not.toContain(PASSWORD);
        expect(session.secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
        expect(session.idHash).toBe(sha256Hex(session.secret));
        const row = await findSession(storage.db, session.idHash);
        expect(row).toMatchObject({ user_id: user.id, csrf_token: session.csrfToken });
        expect(Date.parse(row!.expires_at) - clock.now().getTime()).toBe(30 * DAY);
        expect(await findSession(storage.db, session.secret)).toBeUndefined();
        expect(await auditActions(storage, user.id)).toEqual(['account.create', 'session.sign_in']);
      });

      it('refuses an email already used, whatever its case, with 409 email_taken', async () => {
        await ada();
        await expect(
          signUp(env, { email: 'ADA@example.org', displayName: 'Other', password: PASSWORD }),
        ).rejects.toMatchObject({
          status: 409,
          code: 'email_taken',
          message: 'email: an account with this email address already exists; sign in instead',
        });
      });

      it('refuses passwords shorter than 10 or longer than 200 characters, and an empty name', async () => {
        const attempt = (password: string, displayName = 'Ada') =>
          signUp(env, { email: 'x@example.org', displayName, password });
        await expect(attempt('123456789')).rejects.toMatchObject({
          status: 400,
          message: 'password: must be at least 10 characters',
        });
        await expect(attempt('x'.repeat(201))).rejects.toMatchObject({
          status: 400,
          message: 'password: must be at most 200 characters',
        });
        await expect(attempt(PASSWORD, '   ')).rejects.toMatchObject({
          status: 400,
          message: 'displayName: must not be empty',
        });
        await expect(attempt('x'.repeat(10))).resolves.toBeDefined();
      });
    });

    describe('sign in', () => {
      it('opens a new session with the right password and records it', async () => {
        const { user } = await ada();
        const { session } = await signIn(env, {
          email: ' ADA@example.org',
          password: PASSWORD,
          ip: '10.0.0.1',
        });
        expect((await findSession(storage.db, session.idHash))?.user_id).toBe(user.id);
        expect(await auditActions(storage, user.id)).toEqual([
          'account.create',
          'session.sign_in',
          'session.sign_in',
        ]);
      });

      it('gives the same error for an unknown email and a wrong password, checking a hash either way', async () => {
        const { user } = await ada();
        const a = await wrong('nobody@example.org').catch((e: unknown) => e);
        const b = await wrong().catch((e: unknown) => e);
        for (const e of [a, b])
          expect(e).toMatchObject({
            status: 401,
            code: 'invalid_credentials',
            message: INVALID_CREDENTIALS_MESSAGE,
          });
        expect(passwords.calls).toEqual({ verify: 1, dummy: 1 });
        // The failure is recorded on the account that exists, never for an unknown address.
        expect(await auditActions(storage, user.id)).toContain('session.sign_in_failed');
        const failed = await storage.db
          .selectFrom('audit_events')
          .selectAll()
          .where('action', '=', 'session.sign_in_failed')
          .execute();
        expect(failed).toHaveLength(1);
        expect(failed[0]).toMatchObject({
          user_id: user.id,
          actor: 'system',
          details: '{"reason":"wrong_password"}',
        });
      });

      it('locks an address for 15 minutes after 5 failures, even for the right password', async () => {
        await ada();
        for (let i = 0; i < 5; i++) await expect(wrong()).rejects.toMatchObject({ status: 401 });
        const locked = { status: 429, code: 'too_many_attempts' };
        await expect(wrong()).rejects.toMatchObject({
          ...locked,
          message: 'Too many failed sign-ins for this account. Try again in 15 minutes.',
          retryAfterSeconds: 900,
        });
        const verifiesBefore = passwords.calls.verify;
        await expect(
          signIn(env, { email: 'ada@example.org', password: PASSWORD, ip: '10.0.0.2' }),
        ).rejects.toMatchObject(locked);
        // A locked attempt is refused before any password is checked.
        expect(passwords.calls.verify).toBe(verifiesBefore);
        clock.advance(14 * MINUTE + 1000);
        await expect(wrong()).rejects.toMatchObject({
          message: 'Too many failed sign-ins for this account. Try again in 1 minute.',
          retryAfterSeconds: 59,
        });
        clock.advance(MINUTE);
        await expect(
          signIn(env, { email: 'ada@example.org', password: PASSWORD, ip: '10.0.0.1' }),
        ).resolves.toBeDefined();
        // Success resets the address's counter but not the IP address's.
        expect(await findThrottle(storage.db, 'email:ada@example.org')).toBeUndefined();
        expect(await findThrottle(storage.db, 'ip:10.0.0.1')).toBeDefined();
      });

      it('locks an unknown address the same way, so a lock reveals nothing', async () => {
        for (let i = 0; i < 5; i++)
          await expect(wrong('ghost@example.org')).rejects.toMatchObject({ status: 401 });
        await expect(wrong('ghost@example.org')).rejects.toMatchObject({
          status: 429,
          message: 'Too many failed sign-ins for this account. Try again in 15 minutes.',
        });
      });

      it('forgets failures older than the 15-minute window', async () => {
        await ada();
        for (let i = 0; i < 4; i++) await expect(wrong()).rejects.toMatchObject({ status: 401 });
        clock.advance(15 * MINUTE);
        for (let i = 0; i < 4; i++) await expect(wrong()).rejects.toMatchObject({ status: 401 });
        expect((await findThrottle(storage.db, 'email:ada@example.org'))?.failures).toBe(4);
      });

      it('locks an IP address after 50 failures, whatever the addresses tried', async () => {
        await ada();
        for (let i = 0; i < 50; i++)
          await expect(wrong(`guess${i}@example.org`, '192.0.2.7')).rejects.toMatchObject({ status: 401 });
        await expect(
          signIn(env, { email: 'ada@example.org', password: PASSWORD, ip: '192.0.2.7' }),
        ).rejects.toMatchObject({
          status: 429,
          message: 'Too many failed sign-ins from this network. Try again in 15 minutes.',
        });
        await expect(
          signIn(env, { email: 'ada@example.org', password: PASSWORD, ip: '192.0.2.8' }),
        ).resolves.toBeDefined();
      });

      it("replaces the session it was called from and clears the user's expired sessions", async () => {
        const first = await ada();
        const old = await signIn(env, { email: 'ada@example.org', password: PASSWORD, ip: '1' });
        const replacing = await signIn(env, {
          email: 'ada@example.org',
          password: PASSWORD,
          ip: '1',
          replaceSessionIdHash: first.session.idHash,
        });
        expect(await findSession(storage.db, first.session.idHash)).toBeUndefined();
        expect(await findSession(storage.db, old.session.idHash)).toBeDefined();
        clock.advance(8 * DAY); // both idle for more than 7 days
        const again = await signIn(env, { email: 'ada@example.org', password: PASSWORD, ip: '1' });
        expect(await findSession(storage.db, old.session.idHash)).toBeUndefined();
        expect(await findSession(storage.db, replacing.session.idHash)).toBeUndefined();
        expect(await findSession(storage.db, again.session.idHash)).toBeDefined();
      });

      it('rehashes a password stored with other parameters', async () => {
        const { user } = await ada();
        const standard = { ...env, passwords: createPasswordHasher('standard') };
        await signIn(standard, { email: 'ada@example.org', password: PASSWORD, ip: '1' });
        expect((await findUserById(storage.db, user.id))?.password_hash).toMatch(
          /^\$argon2id\$v=19\$m=19456,t=2,p=1\$/,
        );
      });
    });

    describe('sessions', () => {
      it('resolves a live session and refreshes last_seen_at at most once a minute', async () => {
        const { user, session } = await ada();
        const live = await resolveSession(env, session.secret);
        expect(live).toEqual({
          userId: user.id,
          idHash: session.idHash,
          csrfToken: session.csrfToken,
          expiresAt: session.expiresAt,
        });
        clock.advance(30_000);
        await resolveSession(env, session.secret);
        expect((await findSession(storage.db, session.idHash))?.last_seen_at).toBe(
          '2026-11-28T12:00:00.000Z',
        );
        clock.advance(31_000);
        await resolveSession(env, session.secret);
        expect((await findSession(storage.db, session.idHash))?.last_seen_at).toBe(
          '2026-11-28T12:01:01.000Z',
        );
      });

      it('refuses and deletes a session idle for 7 days', async () => {
        const { session } = await ada();
        clock.advance(7 * DAY - 1000);
        expect(await resolveSession(env, session.secret)).not.toBeNull();
        clock.advance(7 * DAY);
        expect(await resolveSession(env, session.secret)).toBeNull();
        expect(await findSession(storage.db, session.idHash)).toBeUndefined();
      });

      it('refuses and deletes a session 30 days after sign-in, however active', async () => {
        const { session } = await ada();
        for (let day = 0; day < 29; day++) {
          clock.advance(DAY);
          expect(await resolveSession(env, session.secret)).not.toBeNull();
        }
        clock.advance(DAY);
        expect(await resolveSession(env, session.secret)).toBeNull();
        expect(await findSession(storage.db, session.idHash)).toBeUndefined();
      });

      it('gives null for a malformed or unknown secret', async () => {
        await ada();
        expect(await resolveSession(env, 'short')).toBeNull();
        expect(await resolveSession(env, 'A'.repeat(43))).toBeNull();
      });

      it('signs out one session only', async () => {
        const { user, session } = await ada();
        const other = await signIn(env, { email: 'ada@example.org', password: PASSWORD, ip: '1' });
        await signOut(env, { userId: user.id, sessionIdHash: session.idHash });
        expect(await resolveSession(env, session.secret)).toBeNull();
        expect(await resolveSession(env, other.session.secret)).not.toBeNull();
        expect(await auditActions(storage, user.id)).toContain('session.sign_out');
      });
    });

    describe('password change', () => {
      it('needs the current password, then ends every other session', async () => {
        const { user, session } = await ada();
        const laptop = await signIn(env, { email: 'ada@example.org', password: PASSWORD, ip: '1' });
        const phone = await signIn(env, { email: 'ada@example.org', password: PASSWORD, ip: '1' });
        const who = { userId: user.id, actor: 'session', sessionIdHash: session.idHash, ip: '1' };
        await expect(
          changePassword(env, who, { currentPassword: 'wrong password', newPassword: 'a new passphrase' }),
        ).rejects.toMatchObject({
          status: 403,
          code: 'wrong_password',
          message: 'currentPassword: the password is not correct',
        });
        await expect(
          changePassword(env, who, { currentPassword: PASSWORD, newPassword: 'short' }),
        ).rejects.toMatchObject({ status: 400, message: 'newPassword: must be at least 10 characters' });
        expect(
          await changePassword(env, who, { currentPassword: PASSWORD, newPassword: 'a new passphrase' }),
        ).toEqual({ endedSessions: 2 });
        expect(await resolveSession(env, session.secret)).not.toBeNull();
        expect(await resolveSession(env, laptop.session.secret)).toBeNull();
        expect(await resolveSession(env, phone.session.secret)).toBeNull();
        await expect(wrong()).rejects.toMatchObject({ status: 401 });
        await expect(
          signIn(env, { email: 'ada@example.org', password: 'a new passphrase', ip: '1' }),
        ).resolves.toBeDefined();
        const event = await storage.db
          .selectFrom('audit_events')
          .selectAll()
          .where('action', '=', 'password.change')
          .executeTakeFirstOrThrow();
        expect(event).toMatchObject({ user_id: user.id, actor: 'session', details: '{"endedSessions":2}' });
      });

      it('throttles wrong current passwords like sign-in', async () => {
        const { user, session } = await ada();
        const who = { userId: user.id, actor: 'session', sessionIdHash: session.idHash, ip: '1' };
        const attempt = (currentPassword: string) =>
          changePassword(env, who, { currentPassword, newPassword: 'a new passphrase' });
        for (let i = 0; i < 5; i++)
          await expect(attempt('wrong password')).rejects.toMatchObject({ status: 403 });
        await expect(attempt(PASSWORD)).rejects.toMatchObject({ status: 429, code: 'too_many_attempts' });
      });
    });

    describe('account deletion', () => {
      it('removes every row of the account in one go and leaves one anonymous event', async () => {
        const { user } = await ada();
        const bob = await signUp(env, { email: 'bob@example.org', displayName: 'Bob', password: PASSWORD });
        await signIn(env, { email: 'ada@example.org', password: PASSWORD, ip: '1' });
        await expect(wrong()).rejects.toMatchObject({ status: 401 });
        await createApiToken(env, { userId: user.id, actor: 'session' }, { name: 'script' });
        await seedLearnerRows(storage.db, user.id, clock.now().toISOString());
        await seedLearnerRows(storage.db, bob.user.id, clock.now().toISOString());
        const before = await countUserRows(storage.db, user.id, user.email);
        expect(Object.values(before).every((n) => n > 0)).toBe(true);

        await expect(
          deleteAccount(env, { userId: user.id, ip: '1' }, 'wrong password'),
        ).rejects.toMatchObject({
          status: 403,
          code: 'wrong_password',
          message: 'password: the password is not correct',
        });
        expect((await countUserRows(storage.db, user.id, user.email)).users).toBe(1);

        await deleteAccount(env, { userId: user.id, ip: '1' }, PASSWORD);
        expect(await countUserRows(storage.db, user.id, user.email)).toEqual({
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
        const anonymous = await storage.db
          .selectFrom('audit_events')
          .selectAll()
          .where('user_id', 'is', null)
          .execute();
        expect(anonymous).toEqual([
          {
            id: expect.any(String),
            user_id: null,
            at: clock.now().toISOString(),
            action: 'account.delete',
            actor: 'system',
            entity_type: null,
            entity_id: null,
            details: null,
          },
        ]);
        // Bob is untouched.
        const bobRows = await countUserRows(storage.db, bob.user.id, bob.user.email);
        expect(bobRows).toMatchObject({
          users: 1,
          sessions: 1,
          audit_events: 2,
          learner_profiles: 1,
          record_items: 1,
        });
        await expect(getAccount(env, user.id)).rejects.toMatchObject({
          status: 401,
          code: 'unauthenticated',
        });
      });
    });
  });
}
