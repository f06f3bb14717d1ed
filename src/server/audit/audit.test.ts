import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { authTestApp, signIn, signUp, TEST_PASSWORD, type TestClock } from '../../../test/support/auth.js';

let app: FastifyInstance;
let clock: TestClock;

beforeEach(async () => {
  ({ app, clock } = await authTestApp());
});
afterEach(async () => {
  await app.close();
});

interface Event {
  id: string;
  at: string;
  action: string;
}

/** `hh:mm:ss action`, sorted: events of one instant (sign-up writes two) have no set order. */
const summary = (events: Event[]) => events.map((e) => `${e.at.slice(11, 19)} ${e.action}`).sort();

describe('GET /api/audit', () => {
  it('answers 401 without a session', async () => {
    const res = await app.inject({ url: '/api/audit' });
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('unauthenticated');
  });

  it('lists only my own events, newest first, without personal data', async () => {
    const ada = await signUp(app, { email: 'ada@example.org' });
    const bob = await signUp(app, { email: 'bob@example.org' });
    clock.advance(1000);
    await signIn(app, 'ada@example.org', 'not the password');
    clock.advance(1000);
    const created = await app.inject({
      method: 'POST',
      url: '/api/tokens',
      headers: ada.headers,
      payload: { name: 'Ada’s script' },
    });
    clock.advance(1000);
    await app.inject({ method: 'DELETE', url: `/api/tokens/${created.json().id}`, headers: ada.headers });
    await app.inject({ method: 'POST', url: '/api/tokens', headers: bob.headers, payload: { name: 'bob' } });

    const res = await app.inject({ url: '/api/audit', headers: { cookie: ada.cookie } });
    expect(res.statusCode).toBe(200);
    const { events, nextBefore } = res.json() as { events: Event[]; nextBefore: string | null };
    expect(nextBefore).toBeNull();
    const times = events.map((e) => e.at);
    expect(times).toEqual([...times].sort().reverse());
    expect(events[0]?.action).toBe('token.revoke');
    expect(summary(events)).toEqual([
      '12:00:00 account.create',
      '12:00:00 session.sign_in',
      '12:00:01 session.sign_in_failed',
      '12:00:02 token.create',
      '12:00:03 token.revoke',
    ]);
    expect(events.find((e) => e.action === 'token.create')).toMatchObject({
      actor: 'session',
      entityType: 'api_token',
      entityId: created.json().id,
    });
    expect(res.body).not.toContain('ada@example.org');
    expect(res.body).not.toContain('script');
    expect(res.body).not.toContain('bob');
    const bobs = (await app.inject({ url: '/api/audit', headers: { cookie: bob.cookie } })).json();
    expect(summary(bobs.events)).toEqual([
      '12:00:00 account.create',
      '12:00:00 session.sign_in',
      '12:00:03 token.create',
    ]);
  });

  it('pages with limit and before, and answers 400 for a bad cursor or limit', async () => {
    const ada = await signUp(app, { email: 'ada@example.org' });
    for (let i = 0; i < 3; i++) {
      clock.advance(1000);
      await signIn(app, 'ada@example.org', TEST_PASSWORD);
    }
    const page = async (query: string) =>
      (await app.inject({ url: `/api/audit?${query}`, headers: { cookie: ada.cookie } })).json() as {
        events: Event[];
        nextBefore: string | null;
      };
    const first = await page('limit=2');
    expect(first.events).toHaveLength(2);
    expect(first.nextBefore).toEqual(expect.any(String));
    const second = await page(`limit=2&before=${first.nextBefore}`);
    const third = await page(`limit=2&before=${second.nextBefore}`);
    expect(third.nextBefore).toBeNull();
    const all = [...first.events, ...second.events, ...third.events];
    expect(new Set(all.map((e) => e.id)).size).toBe(5);
    expect(all.map((e) => e.at.slice(11, 19))).toEqual([
      '12:00:03',
      '12:00:02',
      '12:00:01',
      '12:00:00',
      '12:00:00',
    ]);
    expect(summary(all)).toEqual([
      '12:00:00 account.create',
      '12:00:00 session.sign_in',
      '12:00:01 session.sign_in',
      '12:00:02 session.sign_in',
      '12:00:03 session.sign_in',
    ]);

    const badCursor = await app.inject({
      url: '/api/audit?before=nonsense',
      headers: { cookie: ada.cookie },
    });
    expect(badCursor.statusCode).toBe(400);
    expect(badCursor.json().error.message).toBe(
      'query parameter before: must be the nextBefore value of a previous page',
    );
    const badLimit = await app.inject({ url: '/api/audit?limit=0', headers: { cookie: ada.cookie } });
    expect(badLimit.statusCode).toBe(400);
    expect(badLimit.json().error.message).toBe('query parameter limit: must be at least 1');
  });
});
