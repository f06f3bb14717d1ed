import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  authTestApp,
  countUserRows,
  seedLearnerRows,
  signIn,
  signUp,
  TEST_PASSWORD,
  type TestUser,
} from '../../../test/support/auth.js';
import type { Storage } from '../../storage/db.js';

let app: FastifyInstance;
let storage: Storage;
let ada: TestUser;

beforeEach(async () => {
  ({ app, storage } = await authTestApp());
  ada = await signUp(app, { email: 'ada@example.org' });
});
afterEach(async () => {
  await app.close();
});

const remove = (headers: Record<string, string>, password: string) =>
  app.inject({ method: 'DELETE', url: '/api/account', headers, payload: { password } });

describe('DELETE /api/account', () => {
  it('answers 401 without a session', async () => {
    const res = await remove({}, TEST_PASSWORD);
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('unauthenticated');
  });

  it('answers 403 with the cookie but without the CSRF token', async () => {
    const res = await remove({ cookie: ada.cookie }, TEST_PASSWORD);
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('csrf_failed');
    expect((await countUserRows(storage.db, ada.userId, ada.email)).users).toBe(1);
  });

  it('answers 403 wrong_password for a wrong password and deletes nothing', async () => {
    const res = await remove(ada.headers, 'not the password');
    expect(res.statusCode).toBe(403);
    expect(res.json().error).toEqual({
      code: 'wrong_password',
      message: 'password: the password is not correct',
      details: { issues: [{ path: 'password', message: 'the password is not correct' }] },
    });
    expect((await countUserRows(storage.db, ada.userId, ada.email)).users).toBe(1);
  });

  it('answers 429 with Retry-After after 5 wrong passwords', async () => {
    for (let i = 0; i < 5; i++) expect((await remove(ada.headers, 'not the password')).statusCode).toBe(403);
    const res = await remove(ada.headers, TEST_PASSWORD);
    expect(res.statusCode).toBe(429);
    expect(res.headers['retry-after']).toBe('900');
  });

  it('deletes every row of the account, clears the cookie and keeps one anonymous event', async () => {
    const bob = await signUp(app, { email: 'bob@example.org' });
    await signIn(app, 'ada@example.org', 'not the password');
    await app.inject({ method: 'POST', url: '/api/tokens', headers: ada.headers, payload: { name: 'ci' } });
    await seedLearnerRows(storage.db, ada.userId, '2026-11-28T12:00:00.000Z');
    await seedLearnerRows(storage.db, bob.userId, '2026-11-28T12:00:00.000Z');
    const before = await countUserRows(storage.db, ada.userId, ada.email);
    expect(Object.values(before).every((n) => n > 0)).toBe(true);

    const res = await remove(ada.headers, TEST_PASSWORD);
    expect(res.statusCode).toBe(204);
    expect(res.headers['set-cookie']).toMatch(/^hmp_session=; Max-Age=0;/);
    expect(await countUserRows(storage.db, ada.userId, ada.email)).toEqual({
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
        at: '2026-11-28T12:00:00.000Z',
        action: 'account.delete',
        actor: 'system',
        entity_type: null,
        entity_id: null,
        details: null,
      },
    ]);
    expect(
      (await app.inject({ url: '/api/auth/session', headers: { cookie: ada.cookie } })).json().user,
    ).toBeNull();
    expect((await signIn(app, 'ada@example.org', TEST_PASSWORD)).statusCode).toBe(401);
    expect((await countUserRows(storage.db, bob.userId, bob.email)).users).toBe(1);
    // The address is free again.
    expect((await signUp(app, { email: 'ada@example.org' })).userId).not.toBe(ada.userId);
  });
});
