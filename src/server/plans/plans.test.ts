import type { FastifyInstance } from 'fastify';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authTestApp, signUp } from '../../../test/support/auth.js';

let app: FastifyInstance;
const analyst = parse(
  await readFile(
    path.resolve(import.meta.dirname, '..', '..', '..', 'examples', 'quality-analyst.yaml'),
    'utf8',
  ),
) as Record<string, unknown>;

beforeAll(async () => {
  ({ app } = await authTestApp());
});
afterAll(async () => {
  await app.close();
});

const post = (payload: unknown, headers: Record<string, string> = {}) =>
  app.inject({ method: 'POST', url: '/api/plan', payload: payload as object, headers });

describe('POST /api/plan', () => {
  it('plans a quality analyst to Director of Quality from a profile in the body', async () => {
    const res = await post({ to: 'director-of-quality', profile: analyst, asOf: '2026-11-28' });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.from).toEqual({ id: 'qi-specialist', title: expect.any(String) });
    expect(body.plans[0].path).toEqual(['qi-specialist', 'quality-manager', 'director-of-quality']);
    expect(body.plans[0].steps[0].kind).toBe('start');
    // The profile's goals give the deadline.
    expect(body.constraints.finishBy).toBe('2031-12-31');
  });

  it('names bad input: unknown target, a deadline in the past', async () => {
    const unknown = await post({ to: 'astronaut', profile: analyst });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.details.issues).toEqual([
      { path: 'to', message: 'unknown role "astronaut" (every role: GET /api/roles, pathways roles list)' },
    ]);
    const past = await post({
      to: 'cno',
      from: 'staff-nurse',
      constraints: { finishBy: '2001-01-01' },
      asOf: '2026-11-28',
    });
    expect(past.statusCode).toBe(400);
    expect(past.json().error.details.issues[0].path).toBe('constraints.finishBy');
  });

  it('anonymous without a profile needs a current role', async () => {
    const res = await post({ to: 'cno' });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.code).toBe('current_role_unknown');
    expect(res.json().error.details.issues[0].path).toBe('from');
    expect(res.json().error.details.jobs).toEqual([]);
  });

  it('a current job without a role: 422 with the job and roles suggested from its title', async () => {
    const profile = {
      format: 'hm-pathways/profile@1',
      positions: [{ title: 'Charge Nurse, Medical ICU', start: '2021-03', kinds: ['healthcare'] }],
    };
    const res = await post({ to: 'nurse-manager', profile, asOf: '2026-12-02' });
    expect(res.statusCode).toBe(422);
    const { error } = res.json();
    expect(error.code).toBe('current_role_unknown');
    expect(error.details.jobs).toHaveLength(1);
    expect(error.details.jobs[0]).toMatchObject({ index: 0, title: 'Charge Nurse, Medical ICU' });
    expect(error.details.jobs[0].suggestions[0]).toMatchObject({ id: 'charge-nurse', title: 'Charge Nurse' });
    // Answering with `from` plans.
    const ok = await post({ to: 'nurse-manager', from: 'charge-nurse', profile, asOf: '2026-12-02' });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().plans[0].label).toBe('fastest');
  });

  it('signed in without a profile: plans from the record', async () => {
    const user = await signUp(app);
    const add = await app.inject({
      method: 'POST',
      url: '/api/me/record/positions',
      headers: user.headers,
      payload: {
        title: 'Practice Manager',
        role: 'practice-manager',
        start: '2024-09',
        kinds: ['healthcare', 'practice_management'],
      },
    });
    expect(add.statusCode, add.body).toBe(201);
    const res = await post({ to: 'practice-administrator', asOf: '2026-11-28' }, user.headers);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().plans[0].path).toEqual(['practice-manager', 'practice-administrator']);
  });
});
