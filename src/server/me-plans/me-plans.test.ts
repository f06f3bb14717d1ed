import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authTestApp, signUp, type TestUser } from '../../../test/support/auth.js';

let app: FastifyInstance;
let ada: TestUser;
let ben: TestUser;

beforeAll(async () => {
  ({ app } = await authTestApp());
  ada = await signUp(app);
  ben = await signUp(app);
  for (const [section, payload] of [
    [
      'positions',
      { title: 'Practice Manager', role: 'practice-manager', start: '2021-09', kinds: ['healthcare'] },
    ],
    ['education', { level: 'bachelor', completed: '2015-05' }],
  ] as const) {
    const res = await app.inject({
      method: 'POST',
      url: `/api/me/record/${section}`,
      headers: ada.headers,
      payload,
    });
    expect(res.statusCode, res.body).toBe(201);
  }
});
afterAll(async () => {
  await app.close();
});

describe('/api/me/plans', () => {
  it('saves, lists, opens, marks a step done and deletes a plan', async () => {
    const created = await app.inject({
      method: 'POST',
      url: '/api/me/plans',
      headers: ada.headers,
      payload: { to: 'practice-administrator' },
    });
    expect(created.statusCode, created.body).toBe(201);
    const plan = created.json();
    expect(plan.plan.path).toEqual(['practice-manager', 'practice-administrator']);
    const list = await app.inject({ url: '/api/me/plans', headers: ada.headers });
    expect(list.json().plans.map((p: { id: string }) => p.id)).toEqual([plan.id]);
    const step = encodeURIComponent('role:practice-administrator');
    const marked = await app.inject({
      method: 'PUT',
      url: `/api/me/plans/${plan.id}/steps/${step}`,
      headers: ada.headers,
      payload: { done: true },
    });
    expect(marked.statusCode, marked.body).toBe(200);
    expect(marked.json().done).toEqual(['role:practice-administrator']);
    const opened = await app.inject({ url: `/api/me/plans/${plan.id}`, headers: ada.headers });
    expect(opened.json().done).toEqual(['role:practice-administrator']);
    const removed = await app.inject({
      method: 'DELETE',
      url: `/api/me/plans/${plan.id}`,
      headers: ada.headers,
    });
    expect(removed.statusCode).toBe(204);
  });

  it('who must not see what: anonymous 401, without CSRF 403, another person 404', async () => {
    const created = (
      await app.inject({
        method: 'POST',
        url: '/api/me/plans',
        headers: ada.headers,
        payload: { to: 'practice-administrator' },
      })
    ).json();
    expect((await app.inject({ url: '/api/me/plans' })).statusCode).toBe(401);
    const noCsrf = await app.inject({
      method: 'POST',
      url: '/api/me/plans',
      headers: { cookie: ada.cookie },
      payload: { to: 'practice-administrator' },
    });
    expect(noCsrf.statusCode).toBe(403);
    expect((await app.inject({ url: `/api/me/plans/${created.id}`, headers: ben.headers })).statusCode).toBe(
      404,
    );
    const put = await app.inject({
      method: 'PUT',
      url: `/api/me/plans/${created.id}/steps/role%3Apractice-administrator`,
      headers: ben.headers,
      payload: { done: true },
    });
    expect(put.statusCode).toBe(404);
    expect(
      (await app.inject({ method: 'DELETE', url: `/api/me/plans/${created.id}`, headers: ben.headers }))
        .statusCode,
    ).toBe(404);
    expect((await app.inject({ url: '/api/me/plans', headers: ben.headers })).json().plans).toEqual([]);
  });

  it('names bad input: unknown role, a bad step id, a bad plan id', async () => {
    const bad = await app.inject({
      method: 'POST',
      url: '/api/me/plans',
      headers: ada.headers,
      payload: { to: 'astronaut' },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.issues[0]).toEqual({
      path: 'to',
      message: 'unknown role "astronaut" (every role: GET /api/roles, pathways roles list)',
    });
    const created = (
      await app.inject({
        method: 'POST',
        url: '/api/me/plans',
        headers: ada.headers,
        payload: { to: 'practice-administrator' },
      })
    ).json();
    const step = await app.inject({
      method: 'PUT',
      url: `/api/me/plans/${created.id}/steps/nonsense`,
      headers: ada.headers,
      payload: { done: true },
    });
    expect(step.statusCode).toBe(400);
    expect(step.json().error.details.issues[0].path).toBe('stepId');
    expect((await app.inject({ url: '/api/me/plans/not-a-uuid', headers: ada.headers })).statusCode).toBe(
      400,
    );
  });
});
