/**
 * The whole account flow through the API on PostgreSQL (the engine of a multi-instance
 * deployment): sign up, sign in, CSRF, API token, password change, audit log, account deletion.
 */
import { describe, expect, it } from 'vitest';
import {
  authTestApp,
  countUserRows,
  seedLearnerRows,
  sessionCookieOf,
  signIn,
  signUp,
  TEST_PASSWORD,
} from '../../../test/support/auth.js';
import { testDatabases } from '../../../test/support/databases.js';

const postgres = (await testDatabases()).find((d) => d.name === 'postgres')!;

describe.skipIf(Boolean(postgres.skip))(
  `accounts through the API on PostgreSQL${postgres.skip ? ` (skipped: ${postgres.skip})` : ''}`,
  () => {
    it('signs up, signs in, uses a token, changes the password and deletes the account', async () => {
      const { app, storage } = await authTestApp({ storage: await postgres.open() });
      try {
        expect(storage.flags.engine).toBe('postgres');
        const ada = await signUp(app, {
          email: 'ada@example.org',
          displayName: "<b>Ada</b> '); drop table users;--",
        });
        const bob = await signUp(app, { email: 'bob@example.org' });
        expect((await app.inject({ url: '/api/auth/session' })).json().user).toBeNull();

        const wrong = await signIn(app, 'ada@example.org', 'not the password');
        const unknown = await signIn(app, 'nobody@example.org', 'not the password');
        expect([wrong.statusCode, unknown.statusCode]).toEqual([401, 401]);
        expect(wrong.body).toBe(unknown.body);
        const laptop = sessionCookieOf(await signIn(app, 'ada@example.org', TEST_PASSWORD))!;

        const noCsrf = await app.inject({
          method: 'POST',
          url: '/api/tokens',
          headers: { cookie: ada.cookie },
          payload: { name: 'ci' },
        });
        expect(noCsrf.statusCode).toBe(403);
        const created = await app.inject({
          method: 'POST',
          url: '/api/tokens',
          headers: ada.headers,
          payload: { name: 'ci' },
        });
        expect(created.statusCode).toBe(201);
        const { id, token } = created.json();
        const me = await app.inject({
          url: '/api/auth/session',
          headers: { authorization: `Bearer ${token}` },
        });
        expect(me.json().user.displayName).toBe("<b>Ada</b> '); drop table users;--");
        const bobs = await app.inject({ method: 'DELETE', url: `/api/tokens/${id}`, headers: bob.headers });
        expect(bobs.statusCode).toBe(404);

        const changed = await app.inject({
          method: 'POST',
          url: '/api/auth/password',
          headers: ada.headers,
          payload: { currentPassword: TEST_PASSWORD, newPassword: 'a new passphrase' },
        });
        expect(changed.json()).toEqual({ endedSessions: 1 });
        expect(
          (await app.inject({ url: '/api/auth/session', headers: { cookie: laptop } })).json().user,
        ).toBeNull();

        const revoked = await app.inject({
          method: 'DELETE',
          url: `/api/tokens/${id}`,
          headers: ada.headers,
        });
        expect(revoked.statusCode).toBe(204);
        expect(
          (await app.inject({ url: '/api/tokens', headers: { authorization: `Bearer ${token}` } }))
            .statusCode,
        ).toBe(401);

        const audit = (await app.inject({ url: '/api/audit', headers: { cookie: ada.cookie } })).json();
        expect(audit.events.map((e: { action: string }) => e.action).sort()).toEqual([
          'account.create',
          'password.change',
          'session.sign_in',
          'session.sign_in',
          'session.sign_in_failed',
          'token.create',
          'token.revoke',
          'token.use',
        ]);

        await seedLearnerRows(storage.db, ada.userId, '2026-11-28T12:00:00.000Z');
        const deleted = await app.inject({
          method: 'DELETE',
          url: '/api/account',
          headers: ada.headers,
          payload: { password: 'a new passphrase' },
        });
        expect(deleted.statusCode).toBe(204);
        const counts = await countUserRows(storage.db, ada.userId, ada.email);
        expect(
          Object.values(counts).every((n) => n === 0),
          JSON.stringify(counts),
        ).toBe(true);
        expect(Object.keys(counts)).toContain('saved_plans');
        const anonymous = await storage.db
          .selectFrom('audit_events')
          .select(['action', 'actor', 'details'])
          .where('user_id', 'is', null)
          .execute();
        expect(anonymous).toEqual([{ action: 'account.delete', actor: 'system', details: null }]);
        expect((await countUserRows(storage.db, bob.userId, bob.email)).users).toBe(1);
      } finally {
        await app.close();
      }
    });
  },
);
