import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  authTestApp,
  sessionCookieOf,
  signIn,
  signUp,
  TEST_PASSWORD,
  type TestClock,
} from '../../../test/support/auth.js';
import type { Storage } from '../../storage/db.js';

let app: FastifyInstance;
let storage: Storage;
let clock: TestClock;

beforeEach(async () => {
  ({ app, storage, clock } = await authTestApp());
});
afterEach(async () => {
  await app.close();
});

const DAY = 24 * 60 * 60_000;

describe('POST /api/auth/signup', () => {
  it('creates the account, signs in with a safe cookie and returns the CSRF token', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/auth/signup',
      payload: { email: ' Ada@Example.org ', displayName: 'Ada Lovelace', password: TEST_PASSWORD },
    });
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(body).toEqual({
      user: {
        id: expect.any(String),
        email: 'ada@example.org',
        displayName: 'Ada Lovelace',
        timeZone: null,
        createdAt: '2026-11-28T12:00:00.000Z',
      },
      csrfToken: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
    });
    const cookie = res.cookies.find((c) => c.name === 'hmp_session');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/', maxAge: 30 * 24 * 60 * 60 });
    expect(cookie?.value).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(cookie?.secure).toBeUndefined();
    expect(res.headers['set-cookie']).not.toMatch(/Secure/);
    const me = await app.inject({ url: '/api/auth/session', headers: { cookie: sessionCookieOf(res)! } });
    expect(me.statusCode).toBe(200);
    expect(me.json()).toEqual(body);
  });

  it('answers 400 naming the field for a bad email, password or name', async () => {
    const attempt = async (payload: Record<string, unknown>) => {
      const res = await app.inject({
        method: 'POST',
        url: '/api/auth/signup',
        payload: { email: 'ada@example.org', displayName: 'Ada', password: TEST_PASSWORD, ...payload },
      });
      expect(res.statusCode).toBe(400);
      return res.json().error;
    };
    expect(await attempt({ password: '123456789' })).toMatchObject({
      code: 'invalid_request',
      message: 'field password: must be at least 10 characters',
    });
    expect((await attempt({ password: 'x'.repeat(201) })).message).toBe(
      'field password: must be at most 200 characters',
    );
    expect((await attempt({ email: 'not an email' })).message).toBe(
      'field email: must be an email address such as name@example.org',
    );
    expect((await attempt({ displayName: '   ' })).message).toBe('field displayName: must not be empty');
    expect((await attempt({ role: 'admin' })).message).toBe('field role: unknown field (check the spelling)');
  });

  it('answers 409 email_taken for an address already used', async () => {
    await signUp(app, { email: 'ada@example.org' });
    const res = await app.inject({
      method: 'POST',
      url: '/api/auth/signup',
      payload: { email: 'ADA@example.org', displayName: 'Someone', password: TEST_PASSWORD },
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({
      code: 'email_taken',
      message: 'email: an account with this email address already exists; sign in instead',
    });
  });

  it('stores and returns markup and SQL verbatim, as text', async () => {
    const displayName = "<script>alert(1)</script> '); drop table users;--";
    const email = "x');drop.table.users;--@example.org";
    const ada = await signUp(app, { email, displayName });
    const me = await app.inject({ url: '/api/auth/session', headers: { cookie: ada.cookie } });
    expect(me.headers['content-type']).toMatch(/^application\/json/);
    expect(me.json().user).toMatchObject({ email, displayName });
    const row = await storage.db
      .selectFrom('users')
      .select(['email', 'display_name'])
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ email, display_name: displayName });
    const token = await app.inject({
      method: 'POST',
      url: '/api/tokens',
      headers: ada.headers,
      payload: { name: "'); drop table users;--" },
    });
    expect(token.json().name).toBe("'); drop table users;--");
    expect(await storage.db.selectFrom('users').select('id').execute()).toHaveLength(1);
  });

  it('refuses a sign-up posted from another site (Origin does not match Host) with 403', async () => {
    const payload = { email: 'ada@example.org', displayName: 'Ada', password: TEST_PASSWORD };
    const res = await app.inject({
      method: 'POST',
      url: '/api/auth/signup',
      headers: { origin: 'https://evil.example', host: 'pathways.example' },
      payload,
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().error).toEqual({
      code: 'csrf_failed',
      message:
        'This request came from another site (its Origin does not match this server); open the app at its own address and try again.',
    });
    const same = await app.inject({
      method: 'POST',
      url: '/api/auth/signup',
      headers: { origin: 'http://pathways.example', host: 'pathways.example' },
      payload,
    });
    expect(same.statusCode).toBe(201);
  });
});

describe('POST /api/auth/signin', () => {
  it('signs in and sets a new session cookie', async () => {
    const ada = await signUp(app, { email: 'ada@example.org' });
    const res = await signIn(app, 'ADA@example.org', TEST_PASSWORD);
    expect(res.statusCode).toBe(200);
    expect(res.json().user.id).toBe(ada.userId);
    const cookie = sessionCookieOf(res);
    expect(cookie).toBeDefined();
    expect(cookie).not.toBe(ada.cookie);
    expect((await app.inject({ url: '/api/auth/session', headers: { cookie: cookie! } })).statusCode).toBe(
      200,
    );
  });

  it('gives identical answers for an unknown email and a wrong password', async () => {
    await signUp(app, { email: 'ada@example.org' });
    const unknown = await signIn(app, 'nobody@example.org', TEST_PASSWORD);
    const wrong = await signIn(app, 'ada@example.org', 'not the password');
    expect(unknown.statusCode).toBe(401);
    expect(wrong.statusCode).toBe(401);
    expect(unknown.body).toBe(wrong.body);
    expect(wrong.json()).toEqual({
      error: { code: 'invalid_credentials', message: 'The email address or password is not correct.' },
    });
    expect(sessionCookieOf(wrong)).toBeUndefined();
  });

  it('after 10 wrong passwords answers 429 with Retry-After, even for the right password', async () => {
    await signUp(app, { email: 'ada@example.org' });
    const statuses: number[] = [];
    let last;
    for (let i = 0; i < 10; i++) {
      last = await signIn(app, 'ada@example.org', `wrong password ${i}`);
      statuses.push(last.statusCode);
    }
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429, 429, 429, 429, 429]);
    expect(last!.headers['retry-after']).toBe('900');
    expect(last!.json()).toEqual({
      error: {
        code: 'too_many_attempts',
        message: 'Too many failed sign-ins for this account. Try again in 15 minutes.',
        details: { retryAfterSeconds: 900 },
      },
    });
    const right = await signIn(app, 'ada@example.org', TEST_PASSWORD);
    expect(right.statusCode).toBe(429);
    expect(right.headers['retry-after']).toBe('900');
    expect(sessionCookieOf(right)).toBeUndefined();
    clock.advance(15 * 60_000);
    expect((await signIn(app, 'ada@example.org', TEST_PASSWORD)).statusCode).toBe(200);
  });

  it('counts failures per client IP address across accounts', async () => {
    await signUp(app, { email: 'ada@example.org' });
    for (let i = 0; i < 50; i++) {
      const res = await signIn(app, `guess${i}@example.org`, 'not the password', {
        remoteAddress: '203.0.113.9',
      });
      expect(res.statusCode).toBe(401);
    }
    const blocked = await signIn(app, 'ada@example.org', TEST_PASSWORD, { remoteAddress: '203.0.113.9' });
    expect(blocked.statusCode).toBe(429);
    expect(blocked.json().error.message).toBe(
      'Too many failed sign-ins from this network. Try again in 15 minutes.',
    );
    expect(
      (await signIn(app, 'ada@example.org', TEST_PASSWORD, { remoteAddress: '203.0.113.10' })).statusCode,
    ).toBe(200);
  });

  it('refuses a sign-in posted from another site with 403 (login CSRF)', async () => {
    await signUp(app, { email: 'ada@example.org' });
    const res = await signIn(app, 'ada@example.org', TEST_PASSWORD, {
      headers: { origin: 'null', host: 'localhost:80' },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('csrf_failed');
  });

  it('answers 400 for a missing field', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/auth/signin',
      payload: { email: 'ada@example.org' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toMatch(/^field password: /);
  });
});

describe('GET /api/auth/session', () => {
  // Behaviour change (2026-12-02): signed out is an answer, not an error, so that every anonymous
  // page load of the web app does not log a 401. Routes that need an account still answer 401.
  it('answers 200 with user null without a session, and other account routes still 401', async () => {
    const res = await app.inject({ url: '/api/auth/session' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ user: null, csrfToken: null });
    const forged = await app.inject({
      url: '/api/auth/session',
      headers: { cookie: `hmp_session=${'A'.repeat(43)}` },
    });
    expect(forged.statusCode).toBe(200);
    expect(forged.json()).toEqual({ user: null, csrfToken: null });
    const tokens = await app.inject({ url: '/api/tokens' });
    expect(tokens.statusCode).toBe(401);
    expect(tokens.json()).toEqual({
      error: {
        code: 'unauthenticated',
        message:
          'Sign in first: this needs an account (a session, or an API token sent as "Authorization: Bearer hmp_...").',
      },
    });
  });

  it('answers user null for an expired session, and deletes it', async () => {
    const ada = await signUp(app);
    await storage.db.updateTable('sessions').set({ expires_at: '2026-11-28T11:59:59.000Z' }).execute();
    const res = await app.inject({ url: '/api/auth/session', headers: { cookie: ada.cookie } });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ user: null, csrfToken: null });
    expect(await storage.db.selectFrom('sessions').select('id_hash').execute()).toEqual([]);
  });

  it('signs out after 7 days without a request', async () => {
    const ada = await signUp(app);
    clock.advance(6 * DAY);
    expect((await app.inject({ url: '/api/auth/session', headers: { cookie: ada.cookie } })).statusCode).toBe(
      200,
    );
    clock.advance(7 * DAY);
    expect(
      (await app.inject({ url: '/api/auth/session', headers: { cookie: ada.cookie } })).json().user,
    ).toBeNull();
  });
});

describe('CSRF protection', () => {
  it('refuses a state-changing request with the cookie but without the CSRF token (403)', async () => {
    const ada = await signUp(app);
    const res = await app.inject({
      method: 'POST',
      url: '/api/auth/signout',
      headers: { cookie: ada.cookie },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json()).toEqual({
      error: {
        code: 'csrf_failed',
        message: 'Send the x-csrf-token header with this request: the csrfToken from GET /api/auth/session.',
      },
    });
  });

  it("refuses a wrong CSRF token (403), including another session's", async () => {
    const ada = await signUp(app);
    const bob = await signUp(app);
    for (const token of ['wrong', bob.csrfToken]) {
      const res = await app.inject({
        method: 'POST',
        url: '/api/tokens',
        headers: { cookie: ada.cookie, 'x-csrf-token': token },
        payload: { name: 'x' },
      });
      expect(res.statusCode).toBe(403);
      expect(res.json().error).toEqual({
        code: 'csrf_failed',
        message: 'The x-csrf-token header does not match this session; reload the page and try again.',
      });
    }
    expect(await storage.db.selectFrom('api_tokens').select('id').execute()).toEqual([]);
  });

  it('applies to every state-changing /api route while signed in, and not to anonymous requests', async () => {
    const ada = await signUp(app);
    const payload = { profile: { profileVersion: 1 } };
    const anonymous = await app.inject({ method: 'POST', url: '/api/eligibility', payload });
    expect(anonymous.statusCode).not.toBe(403);
    const noToken = await app.inject({
      method: 'POST',
      url: '/api/eligibility',
      headers: { cookie: ada.cookie },
      payload,
    });
    expect(noToken.statusCode).toBe(403);
    expect(noToken.json().error.code).toBe('csrf_failed');
    const withToken = await app.inject({
      method: 'POST',
      url: '/api/eligibility',
      headers: ada.headers,
      payload,
    });
    expect(withToken.statusCode).toBe(anonymous.statusCode);
  });

  it('ends the current session when another account signs up from the same browser', async () => {
    const ada = await signUp(app);
    const res = await app.inject({
      method: 'POST',
      url: '/api/auth/signup',
      headers: { cookie: ada.cookie },
      payload: { email: 'second@example.org', displayName: 'Second', password: TEST_PASSWORD },
    });
    expect(res.statusCode).toBe(201);
    expect(
      (await app.inject({ url: '/api/auth/session', headers: { cookie: ada.cookie } })).json().user,
    ).toBeNull();
  });

  it('does not ask for the token on reads', async () => {
    const ada = await signUp(app);
    expect((await app.inject({ url: '/api/tokens', headers: { cookie: ada.cookie } })).statusCode).toBe(200);
  });
});

describe('POST /api/auth/signout', () => {
  it('answers 401 without a session', async () => {
    const res = await app.inject({ method: 'POST', url: '/api/auth/signout' });
    expect(res.statusCode).toBe(401);
  });

  it('ends the session and clears the cookie', async () => {
    const ada = await signUp(app);
    const res = await app.inject({ method: 'POST', url: '/api/auth/signout', headers: ada.headers });
    expect(res.statusCode).toBe(204);
    expect(res.body).toBe('');
    expect(res.headers['set-cookie']).toMatch(
      /^hmp_session=; Max-Age=0; Path=\/; Expires=Thu, 01 Jan 1970 00:00:00 GMT; HttpOnly; SameSite=Lax$/,
    );
    expect(
      (await app.inject({ url: '/api/auth/session', headers: { cookie: ada.cookie } })).json().user,
    ).toBeNull();
  });

  it('answers 400 not_a_session for an API token', async () => {
    const ada = await signUp(app);
    const { token } = (
      await app.inject({ method: 'POST', url: '/api/tokens', headers: ada.headers, payload: { name: 'ci' } })
    ).json();
    const res = await app.inject({
      method: 'POST',
      url: '/api/auth/signout',
      headers: { authorization: `Bearer ${token}` },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('not_a_session');
  });
});

describe('POST /api/auth/password', () => {
  const change = (headers: Record<string, string>, currentPassword: string, newPassword: string) =>
    app.inject({
      method: 'POST',
      url: '/api/auth/password',
      headers,
      payload: { currentPassword, newPassword },
    });

  it('walks 401, 403 (CSRF), 400, 403 (wrong password), then changes it and signs out other sessions', async () => {
    const ada = await signUp(app, { email: 'ada@example.org' });
    const other = sessionCookieOf(await signIn(app, 'ada@example.org', TEST_PASSWORD))!;
    expect((await change({}, TEST_PASSWORD, 'a new passphrase')).statusCode).toBe(401);
    expect((await change({ cookie: ada.cookie }, TEST_PASSWORD, 'a new passphrase')).statusCode).toBe(403);
    const short = await change(ada.headers, TEST_PASSWORD, 'short');
    expect(short.statusCode).toBe(400);
    expect(short.json().error.message).toBe('field newPassword: must be at least 10 characters');
    const wrong = await change(ada.headers, 'not the password', 'a new passphrase');
    expect(wrong.statusCode).toBe(403);
    expect(wrong.json().error).toMatchObject({
      code: 'wrong_password',
      message: 'currentPassword: the password is not correct',
    });
    const ok = await change(ada.headers, TEST_PASSWORD, 'a new passphrase');
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toEqual({ endedSessions: 1 });
    expect((await app.inject({ url: '/api/auth/session', headers: { cookie: ada.cookie } })).statusCode).toBe(
      200,
    );
    expect(
      (await app.inject({ url: '/api/auth/session', headers: { cookie: other } })).json().user,
    ).toBeNull();
    expect((await signIn(app, 'ada@example.org', TEST_PASSWORD)).statusCode).toBe(401);
    expect((await signIn(app, 'ada@example.org', 'a new passphrase')).statusCode).toBe(200);
  });
});

describe('cookies over HTTPS', () => {
  it('marks the cookie Secure when a trusted proxy says the request came over HTTPS', async () => {
    const proxied = await authTestApp({ auth: { trustProxy: true } });
    try {
      const payload = { email: 'ada@example.org', displayName: 'Ada', password: TEST_PASSWORD };
      const https = await proxied.app.inject({
        method: 'POST',
        url: '/api/auth/signup',
        headers: { 'x-forwarded-proto': 'https' },
        payload,
      });
      expect(https.statusCode).toBe(201);
      expect(https.cookies.find((c) => c.name === 'hmp_session')).toMatchObject({
        secure: true,
        httpOnly: true,
        sameSite: 'Lax',
      });
      const http = await proxied.app.inject({
        method: 'POST',
        url: '/api/auth/signin',
        payload: { email: 'ada@example.org', password: TEST_PASSWORD },
      });
      expect(http.headers['set-cookie']).not.toMatch(/Secure/);
    } finally {
      await proxied.app.close();
    }
    // Without trustProxy the header is ignored: anyone could send it.
    const res = await app.inject({
      method: 'POST',
      url: '/api/auth/signup',
      headers: { 'x-forwarded-proto': 'https' },
      payload: { email: 'bob@example.org', displayName: 'Bob', password: TEST_PASSWORD },
    });
    expect(res.headers['set-cookie']).not.toMatch(/Secure/);
  });

  it('marks the cookie Secure always when configured so', async () => {
    const always = await authTestApp({ auth: { secureCookies: 'always' } });
    try {
      const ada = await always.app.inject({
        method: 'POST',
        url: '/api/auth/signup',
        payload: { email: 'ada@example.org', displayName: 'Ada', password: TEST_PASSWORD },
      });
      expect(ada.headers['set-cookie']).toMatch(/; Secure/);
    } finally {
      await always.app.close();
    }
  });
});

describe('OpenAPI', () => {
  it('documents the account routes under the account tag with both ways to authenticate', async () => {
    const doc = (await app.inject({ url: '/api/openapi.json' })).json();
    expect(doc.tags.map((t: { name: string }) => t.name)).toContain('account');
    expect(Object.keys(doc.components.securitySchemes)).toEqual(['sessionCookie', 'bearerToken']);
    for (const [path, method] of [
      ['/api/auth/signup', 'post'],
      ['/api/auth/signin', 'post'],
      ['/api/auth/signout', 'post'],
      ['/api/auth/session', 'get'],
      ['/api/auth/password', 'post'],
      ['/api/tokens', 'post'],
      ['/api/tokens', 'get'],
      ['/api/tokens/{id}', 'delete'],
      ['/api/audit', 'get'],
      ['/api/account', 'delete'],
    ] as const) {
      expect(doc.paths[path]?.[method]?.tags, `${method} ${path}`).toEqual(['account']);
    }
    // Signed out is an answer (user: null), so no scheme is required.
    expect(doc.paths['/api/auth/session'].get.security).toEqual([
      {},
      { sessionCookie: [] },
      { bearerToken: [] },
    ]);
    expect(doc.paths['/api/tokens'].get.security).toEqual([{ sessionCookie: [] }, { bearerToken: [] }]);
  });
});
