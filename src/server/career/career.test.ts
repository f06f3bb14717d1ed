import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authTestApp, signUp } from '../../../test/support/auth.js';
import { builtinCatalog } from '../../../test/support/catalog.js';

let app: FastifyInstance;
const catalog = await builtinCatalog();
const dq = catalog.roles.find((r) => r.id === 'director-of-quality')!;
/** Everything Director of Quality targets rated 2: a big gap everywhere. */
const lowRatings = Object.fromEntries(Object.keys(dq.targets).map((id) => [id, 2]));

beforeAll(async () => {
  ({ app } = await authTestApp());
});
afterAll(async () => {
  await app.close();
});

const post = (url: string, payload: unknown, headers: Record<string, string> = {}) =>
  app.inject({ method: 'POST', url, payload: payload as object, headers });

type Issues = {
  error: { code: string; message: string; details: { issues: Array<{ path: string; message: string }> } };
};
const paths = (body: Issues) => body.error.details.issues.map((i) => i.path);

describe('POST /api/gaps', () => {
  it('ranks the gaps for Director of Quality with the ratings given', async () => {
    const res = await post('/api/gaps', {
      role: 'director-of-quality',
      ratings: { 'patient-safety': 1, 'written-communication': 3 },
    });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.role.title).toBe('Director of Quality');
    expect(body.items[0]).toMatchObject({
      competency: 'patient-safety',
      rating: 1,
      gap: 4,
      importance: 3,
      score: 12,
    });
    expect(body.totals).toMatchObject({ rated: 2, withGap: 2, unrated: Object.keys(dq.targets).length - 2 });
    expect(body.domains).toHaveLength(5);
  });

  it('names every bad field: unknown role, ratings off the scale, unknown competency', async () => {
    const res = await post('/api/gaps', { role: 'astronaut', ratings: { 'patient-safety': 7, nonsense: 2 } });
    expect(res.statusCode).toBe(400);
    const body = res.json() as Issues;
    expect(body.error.code).toBe('invalid_request');
    expect(body.error.details.issues).toEqual([
      { path: 'role', message: 'unknown role "astronaut" (every role: GET /api/roles, pathways roles list)' },
      { path: 'ratings.patient-safety', message: 'must be a whole number from 1 to 5 (got 7)' },
      { path: 'ratings.nonsense', message: 'unknown competency "nonsense"' },
    ]);
    expect(body.error.message).toBe(
      'role: unknown role "astronaut" (every role: GET /api/roles, pathways roles list) (and 2 more problems)',
    );
  });

  it('refuses a missing role with a field error, not a stack trace', async () => {
    const res = await post('/api/gaps', { ratings: {} });
    expect(res.statusCode).toBe(400);
    expect(res.body).not.toContain('at ');
    expect(res.json().error.message).toContain('role');
  });
});

describe('POST /api/recommendations', () => {
  it('stays within the budget and explains every pick', async () => {
    const res = await post('/api/recommendations', {
      role: 'director-of-quality',
      ratings: lowRatings,
      constraints: { budget: 5000 },
      asOf: '2026-11-28',
    });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.picks.length).toBeGreaterThan(0);
    expect(body.totals.costUsd).toBeLessThanOrEqual(5000);
    for (const pick of body.picks) {
      expect(pick.costUsd).toBeLessThanOrEqual(5000);
      expect(pick.closes.length).toBeGreaterThan(0);
      expect(pick.why[0]).toMatch(/^Closes \d+ levels? of your gap/);
    }
    expect(body.method).toBe('exact');
    expect(body.excluded.over_budget).toBeGreaterThan(0);
    // An anonymous caller has no clinical record: the medical-literacy modules are offered.
    expect(body.medicalLiteracy?.options.length).toBeGreaterThan(0);
  });

  it('online only: every program pick is online', async () => {
    const res = await post('/api/recommendations', {
      role: 'director-of-quality',
      ratings: lowRatings,
      constraints: { onlineOnly: true, include: ['programs'] },
      asOf: '2026-11-28',
    });
    const body = res.json();
    expect(body.picks.length).toBeGreaterThan(0);
    for (const pick of body.picks) {
      expect(pick.kind).toBe('program');
      expect(catalog.programs.find((p) => p.id === pick.id)!.modality).toBe('online');
    }
  });

  it('names bad constraints: negative budget, zero hours, a finish date in the past', async () => {
    const res = await post('/api/recommendations', {
      role: 'director-of-quality',
      ratings: lowRatings,
      constraints: { budget: -1, hoursPerWeek: 0, finishBy: '2020-01-01' },
      asOf: '2026-11-28',
    });
    expect(res.statusCode).toBe(400);
    expect(paths(res.json())).toEqual([
      'constraints.budget',
      'constraints.hoursPerWeek',
      'constraints.finishBy',
    ]);
  });

  it('reports profile problems under profile.', async () => {
    const res = await post('/api/recommendations', {
      role: 'director-of-quality',
      ratings: {},
      profile: { format: 'hm-pathways/profile@1', positions: [{ title: 'x', start: 'soon' }] },
    });
    expect(res.statusCode).toBe(400);
    expect(paths(res.json()).every((p) => p.startsWith('profile.'))).toBe(true);
  });

  it('signed in without a profile: uses the record (a held CPHQ is not recommended again)', async () => {
    const user = await signUp(app);
    const add = await app.inject({
      method: 'POST',
      url: '/api/me/record/credentials',
      headers: user.headers,
      payload: { id: 'CPHQ', earned: '2025-01-01' },
    });
    expect(add.statusCode, add.body).toBe(201);
    const body = {
      role: 'director-of-quality',
      ratings: lowRatings,
      constraints: { budget: 5000 },
      asOf: '2026-11-28',
    };
    const anonymous = (await post('/api/recommendations', body)).json();
    expect(anonymous.picks.map((p: { id: string }) => p.id)).toContain('CPHQ');
    const mine = (await post('/api/recommendations', body, user.headers)).json();
    expect(mine.picks.map((p: { id: string }) => p.id)).not.toContain('CPHQ');
    expect(mine.excluded.held).toBe(1);
  });
});
