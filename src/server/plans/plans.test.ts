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
      { path: 'to', message: 'unknown role "astronaut"' },
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
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.issues[0].path).toBe('from');
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
