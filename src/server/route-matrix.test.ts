/**
 * Route × caller matrix: for every route of the server (read from Fastify's route table) and every
 * caller (anonymous, the owner, another user, the owner's API token, a revoked token), the status
 * the caller must get. A route without an entry fails the test, and so does an entry naming a route
 * that no longer exists: adding a route means deciding here who may call it.
 *
 * Besides the status, a 2xx answer to anyone but the owner must not contain the owner's email,
 * the marker string stored in the owner's record, or the ids of the owner's items.
 *
 * To add a caller, see test/support/callers.ts; the presets below then need its column.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authTestApp } from '../../test/support/auth.js';
import { migrateToLatest, openStorage } from '../storage/db.js';
import {
  buildWorld,
  callerHeaders,
  callerUser,
  CALLERS,
  createToken,
  type Caller,
  type World,
} from '../../test/support/callers.js';
import { routeKey, routesWithoutHeadTwins, routeTable } from '../../test/support/routes.js';

type Expectations = Record<Caller, number>;

interface Request {
  url: string;
  payload?: unknown;
}

interface Entry {
  /** The request a caller sends; may prepare what it needs first (e.g. an item to delete). */
  request: (ctx: { app: FastifyInstance; world: World; caller: Caller }) => Request | Promise<Request>;
  expect: Expectations;
  /** The request ends the caller's session or account: each caller gets a world of its own. */
  fresh?: true;
  /** Why a 2xx to someone other than the owner may show the owner's data (skips the leak check). */
  showsOwnerData?: string;
}

// Presets: one column per caller.
/** Open to everyone; a revoked token is refused even on public routes (401 invalid_token). */
const open = (status = 200): Expectations => ({
  anonymous: status,
  owner: status,
  other: status,
  ownerToken: status,
  revokedToken: 401,
});
/** Needs an account and acts on the caller's own data: another user gets their own. */
const mine = (status = 200): Expectations => ({
  anonymous: 401,
  owner: status,
  other: status,
  ownerToken: status,
  revokedToken: 401,
});
/** Acts on one of the owner's things by id: another user gets 404 (never revealing it exists). */
const ownersThing = (status = 200): Expectations => ({
  anonymous: 401,
  owner: status,
  other: 404,
  ownerToken: status,
  revokedToken: 401,
});
/** Only a browser session may do this (an API token cannot manage tokens): 403 for a token. */
const sessionOnly = (status = 200): Expectations => ({ ...mine(status), ownerToken: 403 });

const get = (url: string) => () => ({ url });

/** A CE item of the owner made for this request (so deleting it does not affect other callers). */
async function freshCe(app: FastifyInstance, world: World): Promise<string> {
  const res = await app.inject({
    method: 'POST',
    url: '/api/me/record/ce',
    headers: world.owner.headers,
    payload: { date: '2026-02-01', hours: 1, title: 'to delete' },
  });
  return res.json().id as string;
}

const programIds = ['ache-board-of-governors-exam-prep', 'ache-congress-on-healthcare-leadership'];

const MATRIX: Record<string, Entry> = {
  // Documentation and operations
  'GET /api/docs': { request: get('/api/docs'), expect: open(200) },
  'GET /api/docs/*': { request: get('/api/docs/static/swagger-ui.css'), expect: open(200) },
  'GET /api/docs/json': { request: get('/api/docs/json'), expect: open(200) },
  'GET /api/docs/yaml': { request: get('/api/docs/yaml'), expect: open(200) },
  // Redirects to /api/docs.
  'GET /api/docs/static/index.html': { request: get('/api/docs/static/index.html'), expect: open(302) },
  'GET /api/docs/static/swagger-initializer.js': {
    request: get('/api/docs/static/swagger-initializer.js'),
    expect: open(200),
  },
  // The API docs' accessibility fixes (labels script and styles, served from the app itself).
  'GET /api/docs/static/theme/a11y.css': {
    request: get('/api/docs/static/theme/a11y.css'),
    expect: open(200),
  },
  'GET /api/docs/static/theme/a11y.js': { request: get('/api/docs/static/theme/a11y.js'), expect: open(200) },
  'GET /api/openapi.json': { request: get('/api/openapi.json'), expect: open(200) },
  'GET /api/health': { request: get('/api/health'), expect: open(200) },

  // Catalog and career (public)
  'GET /api/catalog': { request: get('/api/catalog'), expect: open(200) },
  'GET /api/certifications': { request: get('/api/certifications?q=quality'), expect: open(200) },
  'GET /api/certifications/:id': { request: get('/api/certifications/CPHQ'), expect: open(200) },
  'GET /api/competencies': { request: get('/api/competencies'), expect: open(200) },
  'GET /api/competencies/case': { request: get('/api/competencies/case'), expect: open(200) },
  'POST /api/competencies/case/check': {
    request: async ({ app }) => ({
      url: '/api/competencies/case/check',
      payload: (await app.inject({ url: '/api/competencies/case' })).json(),
    }),
    expect: open(200),
  },
  'GET /api/roles': { request: get('/api/roles'), expect: open(200) },
  'GET /api/roles/:id': { request: get('/api/roles/director-of-quality'), expect: open(200) },
  'GET /api/programs': { request: get('/api/programs'), expect: open(200) },
  'GET /api/programs/:id': { request: get(`/api/programs/${programIds[0]}`), expect: open(200) },
  'POST /api/programs/compare': {
    request: () => ({ url: '/api/programs/compare', payload: { ids: programIds } }),
    expect: open(200),
  },
  'POST /api/eligibility': {
    request: () => ({
      url: '/api/eligibility?asOf=2026-11-28',
      payload: { profile: { format: 'hm-pathways/profile@1', ce: [{ date: '2026-01-10', hours: 2 }] } },
    }),
    expect: open(200),
  },
  'POST /api/gaps': {
    request: () => ({
      url: '/api/gaps',
      payload: { role: 'director-of-quality', ratings: { 'patient-safety': 2 } },
    }),
    expect: open(200),
  },
  'POST /api/recommendations': {
    request: () => ({
      url: '/api/recommendations',
      payload: { role: 'director-of-quality', ratings: { 'patient-safety': 2 }, asOf: '2026-11-28' },
    }),
    expect: open(200),
  },
  'POST /api/plan': {
    request: () => ({
      url: '/api/plan',
      payload: { to: 'practice-administrator', from: 'practice-manager' },
    }),
    expect: open(200),
  },

  // Accounts
  'POST /api/auth/signup': {
    request: ({ caller }) => ({
      url: '/api/auth/signup',
      payload: {
        email: `matrix-${caller}-${Math.random().toString(36).slice(2)}@example.org`,
        displayName: 'New',
        password: 'correct horse battery staple',
      },
    }),
    expect: open(201),
    // Signing up over a session replaces that session.
    fresh: true,
  },
  'POST /api/auth/signin': {
    // Everyone may sign in with the owner's password: the password is the credential.
    request: ({ world }) => ({
      url: '/api/auth/signin',
      payload: { email: world.owner.email, password: world.owner.password },
    }),
    expect: open(200),
    // Signing in over a session replaces that session (no fixation).
    fresh: true,
    showsOwnerData: 'signing in with the owner password is being the owner',
  },
  'POST /api/auth/signout': {
    request: get('/api/auth/signout'),
    // A token is not a session: 400 not_a_session (revoke a token with DELETE /api/tokens/:id).
    expect: { ...mine(204), ownerToken: 400 },
    fresh: true,
  },
  // Signed out, the session probe answers 200 {user: null} (no console error on every page load);
  // a revoked token is still refused.
  'GET /api/auth/session': { request: get('/api/auth/session'), expect: { ...mine(200), anonymous: 200 } },
  'PATCH /api/account': {
    request: () => ({ url: '/api/account', payload: { timeZone: 'America/Chicago' } }),
    expect: mine(200),
  },
  'POST /api/auth/password': {
    request: ({ world, caller }) => ({
      url: '/api/auth/password',
      payload: {
        currentPassword: callerUser(world, caller)?.password ?? 'correct horse battery staple',
        newPassword: 'another correct horse battery',
      },
    }),
    // The current password is the credential here, so a token may do it too.
    expect: mine(200),
    fresh: true,
  },
  'DELETE /api/account': {
    request: ({ world, caller }) => ({
      url: '/api/account',
      payload: { password: callerUser(world, caller)?.password ?? 'correct horse battery staple' },
    }),
    expect: mine(204),
    fresh: true,
  },
  'POST /api/tokens': {
    request: () => ({ url: '/api/tokens', payload: { name: 'x' } }),
    expect: sessionOnly(201),
  },
  'GET /api/tokens': { request: get('/api/tokens'), expect: mine(200) },
  'DELETE /api/tokens/:id': {
    request: async ({ app, world }) => ({ url: `/api/tokens/${(await createToken(app, world.owner)).id}` }),
    expect: ownersThing(204),
  },
  'GET /api/audit': { request: get('/api/audit'), expect: mine(200) },

  // My record
  'GET /api/me/record': { request: get('/api/me/record'), expect: mine(200) },
  'POST /api/me/record/:section': {
    request: () => ({ url: '/api/me/record/ce', payload: { date: '2026-03-01', hours: 1 } }),
    expect: mine(201),
  },
  'PUT /api/me/record/:section/:id': {
    request: ({ world }) => ({
      url: `/api/me/record/ce/${world.ce.id}`,
      payload: { date: '2026-01-10', hours: 3, title: world.marker },
    }),
    expect: ownersThing(200),
  },
  'DELETE /api/me/record/:section/:id': {
    request: async ({ app, world }) => ({ url: `/api/me/record/ce/${await freshCe(app, world)}` }),
    expect: ownersThing(204),
  },
  'PATCH /api/me/record/fields': {
    request: () => ({ url: '/api/me/record/fields', payload: { collegeCreditHours: 60 } }),
    expect: mine(200),
  },
  'POST /api/me/import/preview': {
    request: () => ({
      url: '/api/me/import/preview',
      payload: { profile: { format: 'hm-pathways/profile@1' }, mode: 'merge' },
    }),
    expect: mine(200),
  },
  'POST /api/me/import': {
    request: () => ({
      url: '/api/me/import',
      payload: { profile: { format: 'hm-pathways/profile@1' }, mode: 'merge' },
    }),
    expect: mine(200),
  },
  'GET /api/me/profile.yaml': { request: get('/api/me/profile.yaml'), expect: mine(200) },
  'GET /api/me/export': { request: get('/api/me/export'), expect: mine(200) },
  'GET /api/me/dashboard': { request: get('/api/me/dashboard?asOf=2026-11-28'), expect: mine(200) },
  'GET /api/me/planned-exams': { request: get('/api/me/planned-exams'), expect: mine(200) },
  'POST /api/me/planned-exams': {
    request: () => ({
      url: '/api/me/planned-exams',
      payload: { certificationId: 'CPHQ', date: '2027-06-01' },
    }),
    expect: mine(201),
  },
  'DELETE /api/me/planned-exams/:id': {
    request: async ({ app, world }) => {
      const res = await app.inject({
        method: 'POST',
        url: '/api/me/planned-exams',
        headers: world.owner.headers,
        payload: { certificationId: 'CPHQ', date: '2027-07-01' },
      });
      return { url: `/api/me/planned-exams/${res.json().id}` };
    },
    expect: ownersThing(204),
  },
  'GET /api/me/calendar': { request: get('/api/me/calendar'), expect: mine(200) },
  'POST /api/me/calendar': { request: get('/api/me/calendar'), expect: mine(201), fresh: true },
  'DELETE /api/me/calendar': { request: get('/api/me/calendar'), expect: mine(204), fresh: true },
  'GET /api/calendar/:file': {
    request: ({ world }) => ({ url: `/api/calendar/${world.calendarFile}` }),
    expect: open(200),
    showsOwnerData: 'the secret feed address is itself the credential (calendar apps cannot sign in)',
  },

  // Saved plans
  'GET /api/me/plans': { request: get('/api/me/plans'), expect: mine(200) },
  'POST /api/me/plans': {
    request: () => ({
      url: '/api/me/plans',
      payload: { to: 'practice-administrator', from: 'practice-manager' },
    }),
    expect: mine(201),
  },
  'GET /api/me/plans/:id': {
    request: ({ world }) => ({ url: `/api/me/plans/${world.plan.id}` }),
    expect: ownersThing(200),
  },
  'PUT /api/me/plans/:id/steps/:stepId': {
    request: ({ world }) => ({
      url: `/api/me/plans/${world.plan.id}/steps/${encodeURIComponent(world.plan.stepId)}`,
      payload: { done: true },
    }),
    expect: ownersThing(200),
  },
  'DELETE /api/me/plans/:id': {
    request: async ({ app, world }) => {
      const res = await app.inject({
        method: 'POST',
        url: '/api/me/plans',
        headers: world.owner.headers,
        payload: { to: 'practice-administrator' },
      });
      return { url: `/api/me/plans/${res.json().id}` };
    },
    expect: ownersThing(204),
  },
};

let app: FastifyInstance;
let world: World;
let routes: ReturnType<typeof routeTable>;

beforeAll(async () => {
  // The certification routes read the catalog from the database.
  const storage = await openStorage({ databaseUrl: ':memory:', dataDir: '.' });
  await migrateToLatest(storage.db);
  ({ app } = await authTestApp({ storage }));
  world = await buildWorld(app);
  routes = routeTable(app);
});
afterAll(async () => {
  await app.close();
});

/** Routes without an entry in the matrix, and entries whose route does not exist. */
function coverage(keys: string[]) {
  return {
    withoutEntry: keys.filter((k) => !(k in MATRIX)),
    entryWithoutRoute: Object.keys(MATRIX).filter((k) => !keys.includes(k)),
  };
}

/** What must never appear in a 2xx answer to someone other than the owner. */
function ownerSecrets(w: World): string[] {
  return [w.owner.email, w.marker, w.ce.id, w.plannedExam.id, w.plan.id].filter(Boolean);
}

async function send(entry: Entry, method: string, caller: Caller, w: World) {
  const req = await entry.request({ app, world: w, caller });
  return app.inject({
    method: method as 'GET',
    url: req.url,
    headers: callerHeaders(w, caller),
    ...(req.payload !== undefined ? { payload: req.payload as object } : {}),
  });
}

describe('route × caller matrix', () => {
  it('reads the route table (the parse matches the OpenAPI document)', async () => {
    const doc = (await app.inject({ url: '/api/openapi.json' })).json() as {
      paths: Record<string, Record<string, unknown>>;
    };
    const documented = Object.entries(doc.paths).flatMap(([p, ops]) =>
      Object.keys(ops).map((m) => `${m.toUpperCase()} ${p.replace(/\{(\w+)\}/g, ':$1')}`),
    );
    const keys = new Set(routes.map(routeKey));
    expect(documented.filter((k) => !keys.has(k))).toEqual([]);
    expect(routes.length).toBeGreaterThan(documented.length);
  });

  it('has an entry for every route, and no entry for a route that does not exist', () => {
    const keys = routesWithoutHeadTwins(routes).map(routeKey);
    expect(coverage(keys)).toEqual({ withoutEntry: [], entryWithoutRoute: [] });
  });

  it('notices a route added without an entry', async () => {
    const { app: grown } = await authTestApp();
    grown.get('/api/unlisted/:id', async () => ({}));
    await grown.ready();
    const keys = routesWithoutHeadTwins(routeTable(grown)).map(routeKey);
    await grown.close();
    expect(coverage(keys).withoutEntry).toEqual(['GET /api/unlisted/:id']);
    expect(coverage(keys.filter((k) => k !== 'GET /api/health')).entryWithoutRoute).toEqual([
      'GET /api/health',
    ]);
  });

  it('every caller gets what the table says on every route, and no one else sees the owner’s data', async () => {
    const failures: string[] = [];
    let checked = 0;
    for (const [key, entry] of Object.entries(MATRIX)) {
      const method = key.split(' ')[0]!;
      for (const caller of CALLERS) {
        const w = entry.fresh ? await buildWorld(app, { light: true }) : world;
        const res = await send(entry, method, caller, w);
        checked += 1;
        const want = entry.expect[caller];
        if (res.statusCode !== want) {
          failures.push(`${key} as ${caller}: ${res.statusCode} (want ${want}) ${res.body.slice(0, 160)}`);
          continue;
        }
        if (res.statusCode >= 200 && res.statusCode < 300 && caller !== 'owner' && caller !== 'ownerToken') {
          if (!entry.showsOwnerData) {
            const leaked = ownerSecrets(w).filter((s) => res.body.includes(s));
            if (leaked.length) failures.push(`${key} as ${caller}: shows the owner's ${leaked.join(', ')}`);
          }
        }
        if (method === 'GET') {
          const head = await send(entry, 'HEAD', caller, w);
          checked += 1;
          if (head.statusCode !== want)
            failures.push(`HEAD ${key.slice(4)} as ${caller}: ${head.statusCode} (want ${want})`);
        }
      }
    }
    expect(failures).toEqual([]);
    expect(checked).toBeGreaterThan(Object.keys(MATRIX).length * CALLERS.length);
  });
});
