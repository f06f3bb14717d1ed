import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError, fileNameOf, postJson, sendJson, setCsrfToken } from './client';

interface Call {
  url: string;
  method: string;
  headers: Record<string, string>;
  body: unknown;
  credentials: RequestCredentials | undefined;
}

/** A fetch that records calls and answers from `respond`. */
function fakeFetch(respond: (call: Call) => Response) {
  const calls: Call[] = [];
  const fn = vi.fn(async (url: string, init: RequestInit = {}) => {
    const call: Call = {
      url,
      method: init.method ?? 'GET',
      headers: { ...(init.headers as Record<string, string>) },
      body: typeof init.body === 'string' ? JSON.parse(init.body) : undefined,
      credentials: init.credentials,
    };
    calls.push(call);
    return respond(call);
  });
  vi.stubGlobal('fetch', fn);
  return calls;
}

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
const session = (csrfToken: string) => json(200, { user: { id: 'u1' }, csrfToken });
const csrfFailed = () =>
  json(403, { error: { code: 'csrf_failed', message: 'The x-csrf-token header does not match' } });

beforeEach(() => setCsrfToken(undefined));
afterEach(() => vi.unstubAllGlobals());

describe('sendJson', () => {
  it('looks the CSRF token up once, then sends it with every state-changing request', async () => {
    const calls = fakeFetch((c) => (c.url === '/api/auth/session' ? session('t1') : json(201, { ok: true })));
    expect(await sendJson('POST', '/api/tokens', { name: 'x' })).toEqual({ ok: true });
    await sendJson('DELETE', '/api/tokens/1');
    expect(calls.map((c) => `${c.method} ${c.url}`)).toEqual([
      'GET /api/auth/session',
      'POST /api/tokens',
      'DELETE /api/tokens/1',
    ]);
    expect(calls[1]).toMatchObject({
      headers: { 'x-csrf-token': 't1', 'content-type': 'application/json' },
      body: { name: 'x' },
      credentials: 'same-origin',
    });
    expect(calls[2]!.headers['x-csrf-token']).toBe('t1');
    expect(calls[2]!.headers['content-type']).toBeUndefined();
  });

  it('sends no token when signed out, and postJson goes through it', async () => {
    const calls = fakeFetch((c) =>
      c.url === '/api/auth/session'
        ? json(401, { error: { code: 'unauthenticated', message: 'Sign in first' } })
        : json(200, { results: [] }),
    );
    await postJson('/api/eligibility', { profile: {} });
    expect(calls[1]!.headers['x-csrf-token']).toBeUndefined();
  });

  it('uses a token it was given without asking', async () => {
    setCsrfToken('given');
    const calls = fakeFetch(() => json(200, {}));
    await sendJson('PATCH', '/api/me/record/fields', {});
    expect(calls).toHaveLength(1);
    expect(calls[0]!.headers['x-csrf-token']).toBe('given');
  });

  it('reads the token again and retries once when it no longer matches (another tab signed in)', async () => {
    setCsrfToken('stale');
    const calls = fakeFetch((c) => {
      if (c.url === '/api/auth/session') return session('fresh');
      return c.headers['x-csrf-token'] === 'fresh' ? json(200, { ok: 1 }) : csrfFailed();
    });
    expect(await sendJson('POST', '/api/tokens', { name: 'x' })).toEqual({ ok: 1 });
    expect(calls.map((c) => c.headers['x-csrf-token'] ?? '-')).toEqual(['stale', '-', 'fresh']);
  });

  it('does not retry when the token read again is the same', async () => {
    setCsrfToken('same');
    const calls = fakeFetch((c) => (c.url === '/api/auth/session' ? session('same') : csrfFailed()));
    await expect(sendJson('POST', '/api/tokens', {})).rejects.toMatchObject({
      status: 403,
      code: 'csrf_failed',
    });
    expect(calls).toHaveLength(2);
  });

  it('resolves a 204 to undefined and throws the server message otherwise', async () => {
    setCsrfToken('t');
    fakeFetch((c) =>
      c.method === 'DELETE'
        ? new Response(null, { status: 204 })
        : json(409, {
            error: {
              code: 'email_taken',
              message: 'email: taken',
              details: { issues: [{ path: 'email', message: 'taken' }] },
            },
          }),
    );
    expect(await sendJson('DELETE', '/api/account', { password: 'x' })).toBeUndefined();
    const error = await sendJson('POST', '/api/auth/signup', {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 409, code: 'email_taken', message: 'email: taken' });
  });

  it('reports an unreachable server in plain words', async () => {
    setCsrfToken(null);
    vi.stubGlobal('fetch', () => Promise.reject(new TypeError('Failed to fetch')));
    await expect(sendJson('POST', '/api/x')).rejects.toMatchObject({ code: 'network_error' });
  });
});

describe('fileNameOf', () => {
  it('reads the name from content-disposition', () => {
    expect(fileNameOf('attachment; filename="pathways-export.json"', 'x')).toBe('pathways-export.json');
    expect(fileNameOf("attachment; filename*=UTF-8''my%20profile.yaml", 'x')).toBe('my profile.yaml');
    expect(fileNameOf(null, 'profile.yaml')).toBe('profile.yaml');
  });
});
