/**
 * /api/docs: every request body in the OpenAPI document has an example, and each example is a valid
 * body (never a 400), signed in and signed out; "Try it out" sends the CSRF header when signed in.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authTestApp, signUp, type TestUser } from '../../test/support/auth.js';
import { requestExamples, requestInterceptorSource } from './api-docs.js';

/** Bodies without an example, and why. */
const NO_EXAMPLE: Record<string, string> = {
  'POST /api/competencies/case/check':
    'a CASE package is a whole file: GET /api/competencies/case gives one to send back',
};

let app: FastifyInstance;
let ada: TestUser;
interface Operation {
  key: string;
  method: string;
  path: string;
  example: unknown;
}
let operations: Operation[];

beforeAll(async () => {
  ({ app } = await authTestApp());
  ada = await signUp(app, { displayName: 'Ada' });
  const doc = (await app.inject({ url: '/api/openapi.json' })).json();
  operations = [];
  for (const [path, ops] of Object.entries<
    Record<string, { requestBody?: { content?: Record<string, { example?: unknown }> } }>
  >(doc.paths))
    for (const [method, op] of Object.entries(ops)) {
      const media = op.requestBody?.content?.['application/json'];
      if (media)
        operations.push({ key: `${method.toUpperCase()} ${path}`, method, path, example: media.example });
    }
});
afterAll(async () => {
  await app.close();
});

const url = (path: string) =>
  path
    .replace('{section}', 'positions')
    .replace('{id}', '00000000-0000-4000-8000-000000000000')
    .replace('{stepId}', 'step-1');

describe('example request bodies', () => {
  it('every JSON request body has an example, except those listed with a reason', () => {
    expect(operations.length).toBeGreaterThanOrEqual(15);
    const missing = operations.filter((o) => o.example === undefined).map((o) => o.key);
    expect(missing.sort()).toEqual(Object.keys(NO_EXAMPLE).sort());
    // No example for a route that does not exist.
    for (const key of Object.keys(requestExamples))
      expect(
        operations.map((o) => o.key),
        key,
      ).toContain(key);
  });

  it('the open routes answer their example with success when signed out (first: the account does not exist yet)', async () => {
    for (const key of [
      'POST /api/eligibility',
      'POST /api/gaps',
      'POST /api/recommendations',
      'POST /api/plan',
      'POST /api/programs/compare',
      'POST /api/auth/signup',
      'POST /api/auth/signin',
    ]) {
      const o = operations.find((x) => x.key === key)!;
      const res = await app.inject({ method: 'POST', url: o.path, payload: o.example as object });
      expect(res.statusCode, `${key}: ${res.body.slice(0, 300)}`).toBeLessThan(300);
    }
    const eligibility = await app.inject({
      method: 'POST',
      url: '/api/eligibility',
      payload: requestExamples['POST /api/eligibility'] as object,
    });
    const fache = eligibility
      .json()
      .results.find((r: { certification: string }) => r.certification === 'FACHE');
    expect(fache.status).toBe('eligible');
  });

  it('each example is a valid body for a signed-in caller (never 400)', async () => {
    // Deleting the account last: its example is the password of the test account.
    const ordered = [...operations.filter((o) => o.key !== 'DELETE /api/account')].concat(
      operations.filter((o) => o.key === 'DELETE /api/account'),
    );
    for (const o of ordered) {
      if (o.example === undefined) continue;
      const res = await app.inject({
        method: o.method.toUpperCase() as 'POST',
        url: url(o.path),
        headers: ada.headers,
        payload: o.example as object,
      });
      expect(res.statusCode, `${o.key}: ${res.body.slice(0, 300)}`).not.toBe(400);
      expect(res.statusCode, o.key).toBeLessThan(500);
    }
  });
});

describe('the Swagger UI page', () => {
  it('sends the CSRF header from the session on state-changing calls, and names the page', async () => {
    const html = await app.inject({ url: '/api/docs/' });
    expect(html.statusCode).toBe(200);
    expect(html.body).toContain('<title>API documentation · Healthcare Management Pathways</title>');
    const init = await app.inject({ url: '/api/docs/static/swagger-initializer.js' });
    expect(init.statusCode).toBe(200);
    expect(init.body).toContain(requestInterceptorSource);
    expect(init.body).toContain("headers['x-csrf-token'] = session.csrfToken");
  });

  it('the interceptor adds the token to a POST, leaves GET and bearer calls alone', async () => {
    const calls: string[] = [];
    const fakeFetch = async (input: string) => {
      calls.push(input);
      return { ok: true, json: async () => ({ user: { id: 'u' }, csrfToken: 'tok' }) };
    };
    const interceptor = new Function('fetch', `return (${requestInterceptorSource});`)(fakeFetch) as (
      r: Record<string, unknown>,
    ) => Promise<{ headers: Record<string, string> }> | { headers: Record<string, string> };
    const post = await interceptor({ method: 'POST', url: '/api/plan', headers: {} });
    expect(post.headers['x-csrf-token']).toBe('tok');
    const get = await interceptor({ method: 'GET', url: '/api/roles', headers: {} });
    expect(get.headers['x-csrf-token']).toBeUndefined();
    const bearer = await interceptor({
      method: 'POST',
      url: '/api/plan',
      headers: { Authorization: 'Bearer x' },
    });
    expect(bearer.headers['x-csrf-token']).toBeUndefined();
    expect(calls).toEqual(['/api/auth/session']);
  });
});
