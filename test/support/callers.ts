/**
 * The callers every authorization test speaks as, and the "world" they act in: an owner with a
 * record item, a planned exam, a saved plan, a calendar feed and API tokens (one live, one revoked),
 * and another user. Used by the route × caller matrix (src/server/route-matrix.test.ts) and the
 * OpenAPI fuzz (test/reliability/fuzz.test.ts).
 *
 * To add a caller (e.g. an organisation admin): add its name to {@link CALLERS}, its headers to
 * {@link callerHeaders}, and its column to the presets of the matrix; TypeScript then names every
 * table entry that still lacks it.
 */
import { randomBytes } from 'node:crypto';
import type { FastifyInstance, InjectOptions } from 'fastify';
import { sessionCookieOf, TEST_PASSWORD, type TestUser } from './auth.js';

export const CALLERS = ['anonymous', 'owner', 'other', 'ownerToken', 'revokedToken'] as const;
export type Caller = (typeof CALLERS)[number];

export interface World {
  owner: TestUser;
  other: TestUser;
  /** A live API token of the owner (`hmp_...`). */
  ownerToken: string;
  /** An API token of the owner that has been revoked. */
  revokedToken: string;
  /** A string stored in the owner's record (a CE title) that no one else may ever be shown. */
  marker: string;
  ce: { id: string };
  plannedExam: { id: string };
  plan: { id: string; stepId: string };
  /** The owner's calendar-feed file name (`cal_<secret>.ics`). */
  calendarFile: string;
}

async function ok(app: FastifyInstance, opts: InjectOptions, want: number) {
  const res = await app.inject(opts);
  if (res.statusCode !== want) {
    throw new Error(`${JSON.stringify(opts).slice(0, 200)} answered ${res.statusCode}: ${res.body}`);
  }
  return (res.body ? res.json() : {}) as Record<string, unknown>;
}

let addresses = 0;

/**
 * Signs up a new account from an address of its own (sign-ups are throttled per address, and these
 * tests make many): what a browser would hold afterwards.
 */
export async function signUpFresh(app: FastifyInstance, displayName: string): Promise<TestUser> {
  addresses += 1;
  const email = `${displayName.toLowerCase().replace(/\W+/g, '-')}-${addresses}-${randomBytes(4).toString('hex')}@example.org`;
  const res = await app.inject({
    method: 'POST',
    url: '/api/auth/signup',
    remoteAddress: `10.${(addresses >> 16) & 255}.${(addresses >> 8) & 255}.${addresses & 255}`,
    payload: { email, displayName, password: TEST_PASSWORD },
  });
  const cookie = sessionCookieOf(res);
  if (res.statusCode !== 201 || !cookie) throw new Error(`sign-up answered ${res.statusCode}: ${res.body}`);
  const body = res.json() as { user: { id: string }; csrfToken: string };
  return {
    userId: body.user.id,
    email,
    password: TEST_PASSWORD,
    cookie,
    csrfToken: body.csrfToken,
    headers: { cookie, 'x-csrf-token': body.csrfToken },
  };
}

/** Creates an API token for the user; returns it and its id. */
export async function createToken(app: FastifyInstance, user: TestUser, name = 'matrix') {
  const body = await ok(
    app,
    { method: 'POST', url: '/api/tokens', headers: user.headers, payload: { name } },
    201,
  );
  return { token: body.token as string, id: body.id as string };
}

/**
 * A fresh owner with one of everything, and another user. `light`: only the two accounts and the
 * owner's tokens (the item ids are empty), for requests that end a session or an account.
 */
export async function buildWorld(app: FastifyInstance, opts: { light?: boolean } = {}): Promise<World> {
  const owner = await signUpFresh(app, 'Owner');
  const other = await signUpFresh(app, 'Other');
  const marker = `owner-marker-${randomBytes(6).toString('hex')}`;
  const ownerToken = (await createToken(app, owner, 'live')).token;
  const revoked = await createToken(app, owner, 'revoked');
  await ok(app, { method: 'DELETE', url: `/api/tokens/${revoked.id}`, headers: owner.headers }, 204);
  if (opts.light) {
    const none = { id: '' };
    const plan = { id: '', stepId: '' };
    return {
      owner,
      other,
      ownerToken,
      revokedToken: revoked.token,
      marker,
      ce: none,
      plannedExam: none,
      plan,
      calendarFile: '',
    };
  }
  await ok(
    app,
    {
      method: 'POST',
      url: '/api/me/record/positions',
      headers: owner.headers,
      payload: {
        title: 'Practice Manager',
        role: 'practice-manager',
        start: '2021-09',
        kinds: ['healthcare'],
      },
    },
    201,
  );
  const ce = await ok(
    app,
    {
      method: 'POST',
      url: '/api/me/record/ce',
      headers: owner.headers,
      payload: { date: '2026-01-10', hours: 2, title: marker },
    },
    201,
  );
  const exam = await ok(
    app,
    {
      method: 'POST',
      url: '/api/me/planned-exams',
      headers: owner.headers,
      payload: { certificationId: 'CPHQ', date: '2027-05-01', note: marker },
    },
    201,
  );
  const plan = await ok(
    app,
    {
      method: 'POST',
      url: '/api/me/plans',
      headers: owner.headers,
      payload: { to: 'practice-administrator' },
    },
    201,
  );
  const calendar = await ok(app, { method: 'POST', url: '/api/me/calendar', headers: owner.headers }, 201);
  const calendarFile = String(calendar.url).split('/').pop()!;
  return {
    owner,
    other,
    ownerToken,
    revokedToken: revoked.token,
    marker,
    ce: { id: ce.id as string },
    plannedExam: { id: exam.id as string },
    plan: { id: plan.id as string, stepId: 'role:practice-administrator' },
    calendarFile,
  };
}

/** The headers a caller sends (session callers include the CSRF token). */
export function callerHeaders(world: World, caller: Caller): Record<string, string> {
  switch (caller) {
    case 'anonymous':
      return {};
    case 'owner':
      return world.owner.headers;
    case 'other':
      return world.other.headers;
    case 'ownerToken':
      return { authorization: `Bearer ${world.ownerToken}` };
    case 'revokedToken':
      return { authorization: `Bearer ${world.revokedToken}` };
  }
}

/** The account behind a caller, if any. */
export function callerUser(world: World, caller: Caller): TestUser | undefined {
  return caller === 'owner' || caller === 'ownerToken' || caller === 'revokedToken'
    ? world.owner
    : caller === 'other'
      ? world.other
      : undefined;
}
