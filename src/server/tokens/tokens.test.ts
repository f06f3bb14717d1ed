import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { authTestApp, signUp, type TestClock, type TestUser } from '../../../test/support/auth.js';
import type { Storage } from '../../storage/db.js';

let app: FastifyInstance;
let storage: Storage;
let clock: TestClock;
let ada: TestUser;

beforeEach(async () => {
  ({ app, storage, clock } = await authTestApp());
  ada = await signUp(app);
});
afterEach(async () => {
  await app.close();
});

const create = (user: TestUser, payload: Record<string, unknown> = { name: 'HR import' }) =>
  app.inject({ method: 'POST', url: '/api/tokens', headers: user.headers, payload });
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
const invalidToken = {
  error: {
    code: 'invalid_token',
    message:
      'The API token is not valid: it is unknown, revoked or expired. Create a new one under API tokens.',
  },
};

describe('POST /api/tokens', () => {
  it('answers 401 without a session and 403 without the CSRF token', async () => {
    const anonymous = await app.inject({ method: 'POST', url: '/api/tokens', payload: { name: 'x' } });
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.json().error.code).toBe('unauthenticated');
    const noCsrf = await app.inject({
      method: 'POST',
      url: '/api/tokens',
      headers: { cookie: ada.cookie },
      payload: { name: 'x' },
    });
    expect(noCsrf.statusCode).toBe(403);
    expect(noCsrf.json().error.code).toBe('csrf_failed');
  });

  it('answers 400 naming the field', async () => {
    const empty = await create(ada, { name: '  ' });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.message).toBe('field name: must not be empty');
    const days = await create(ada, { name: 'x', expiresInDays: 0 });
    expect(days.json().error.message).toBe('field expiresInDays: must be at least 1');
    const fraction = await create(ada, { name: 'x', expiresInDays: 1.5 });
    expect(fraction.json().error.message).toBe('field expiresInDays: must be a whole number of days');
  });

  it('returns the token once; the list never shows it', async () => {
    const res = await create(ada, { name: 'HR import', expiresInDays: 30 });
    expect(res.statusCode).toBe(201);
    const created = res.json();
    expect(created).toEqual({
      id: expect.any(String),
      name: 'HR import',
      prefix: created.token.slice(0, 12),
      createdAt: '2026-11-28T12:00:00.000Z',
      lastUsedAt: null,
      expiresAt: '2026-12-28T12:00:00.000Z',
      revokedAt: null,
      status: 'active',
      token: expect.stringMatching(/^hmp_[A-Za-z0-9_-]{43}$/),
    });
    const list = await app.inject({ url: '/api/tokens', headers: { cookie: ada.cookie } });
    expect(list.statusCode).toBe(200);
    const { token: _shownOnce, ...listed } = created;
    expect(list.json()).toEqual({ tokens: [listed] });
    expect(list.body).not.toContain(created.token);
  });

  it('a token cannot create tokens (403 session_required)', async () => {
    const { token } = (await create(ada)).json();
    const res = await app.inject({
      method: 'POST',
      url: '/api/tokens',
      headers: bearer(token),
      payload: { name: 'x' },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().error).toEqual({
      code: 'session_required',
      message: 'Sign in to the web app to do this: API tokens cannot manage API tokens.',
    });
  });
});

describe('Bearer tokens', () => {
  it('authenticate without a CSRF token and record their use at most once an hour', async () => {
    const { id, token } = (await create(ada)).json();
    const me = await app.inject({ url: '/api/auth/session', headers: bearer(token) });
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({ user: { id: ada.userId }, csrfToken: null });
    clock.advance(30 * 60_000);
    await app.inject({ url: '/api/tokens', headers: bearer(token) });
    clock.advance(30 * 60_000);
    const list = await app.inject({ url: '/api/tokens', headers: bearer(token) });
    expect(list.json().tokens[0].lastUsedAt).toBe('2026-11-28T13:00:00.000Z');
    const uses = await storage.db
      .selectFrom('audit_events')
      .select(['at', 'actor'])
      .where('action', '=', 'token.use')
      .orderBy('at')
      .execute();
    expect(uses).toEqual([
      { at: '2026-11-28T12:00:00.000Z', actor: `token:${id}` },
      { at: '2026-11-28T13:00:00.000Z', actor: `token:${id}` },
    ]);
    // State-changing requests need no CSRF token with a bearer token.
    const revoke = await app.inject({ method: 'DELETE', url: `/api/tokens/${id}`, headers: bearer(token) });
    expect(revoke.statusCode).toBe(204);
  });

  it('answer 401 invalid_token for an unknown token, even on a public route', async () => {
    const res = await app.inject({ url: '/api/health', headers: bearer(`hmp_${'A'.repeat(43)}`) });
    expect(res.statusCode).toBe(401);
    expect(res.json()).toEqual(invalidToken);
    const garbage = await app.inject({ url: '/api/tokens', headers: bearer('garbage') });
    expect(garbage.statusCode).toBe(401);
  });

  it('answer 401 once revoked', async () => {
    const { id, token } = (await create(ada)).json();
    expect((await app.inject({ url: '/api/tokens', headers: bearer(token) })).statusCode).toBe(200);
    const revoke = await app.inject({ method: 'DELETE', url: `/api/tokens/${id}`, headers: ada.headers });
    expect(revoke.statusCode).toBe(204);
    const res = await app.inject({ url: '/api/tokens', headers: bearer(token) });
    expect(res.statusCode).toBe(401);
    expect(res.json()).toEqual(invalidToken);
    const list = await app.inject({ url: '/api/tokens', headers: { cookie: ada.cookie } });
    expect(list.json().tokens[0]).toMatchObject({
      id,
      status: 'revoked',
      revokedAt: '2026-11-28T12:00:00.000Z',
    });
  });

  it('answer 401 once expired', async () => {
    const { token } = (await create(ada, { name: 'short-lived', expiresInDays: 1 })).json();
    clock.advance(24 * 60 * 60_000);
    expect((await app.inject({ url: '/api/tokens', headers: bearer(token) })).statusCode).toBe(401);
  });
});

describe('DELETE /api/tokens/:id', () => {
  it('answers 401 without a session', async () => {
    const { id } = (await create(ada)).json();
    expect((await app.inject({ method: 'DELETE', url: `/api/tokens/${id}` })).statusCode).toBe(401);
  });

  it("answers 404 for another user's token, exactly as for one that does not exist", async () => {
    const bob = await signUp(app);
    const { id, token } = (await create(bob)).json();
    const theirs = await app.inject({ method: 'DELETE', url: `/api/tokens/${id}`, headers: ada.headers });
    expect(theirs.statusCode).toBe(404);
    expect(theirs.json()).toEqual({
      error: { code: 'token_not_found', message: `No API token with id "${id}"` },
    });
    const missing = await app.inject({
      method: 'DELETE',
      url: '/api/tokens/00000000-0000-4000-8000-000000000000',
      headers: ada.headers,
    });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error.code).toBe('token_not_found');
    expect((await app.inject({ url: '/api/tokens', headers: bearer(token) })).statusCode).toBe(200);
    expect((await app.inject({ url: '/api/tokens', headers: { cookie: ada.cookie } })).json()).toEqual({
      tokens: [],
    });
  });
});
