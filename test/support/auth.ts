/**
 * Accounts in API tests: an app with fast password hashing and a settable clock, and `signUp`
 * returning what a browser would hold (the session cookie and the CSRF token).
 *
 * @example
 * const { app } = await authTestApp();
 * const ada = await signUp(app);
 * await app.inject({ method: 'POST', url: '/api/tokens', headers: ada.headers, payload: { name: 'ci' } });
 */
import { randomUUID } from 'node:crypto';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { sql, type Kysely } from 'kysely';
import { buildApp, type AuthConfig } from '../../src/server/app.js';
import { migrateToLatest, openStorage, type Storage } from '../../src/storage/db.js';
import type { Database } from '../../src/storage/tables.js';
import { builtinCatalog } from './catalog.js';

/** A password that passes the rules (10-200 characters). */
export const TEST_PASSWORD = 'correct horse battery staple';

/** A clock tests move by hand. Starts at 2026-11-28T12:00:00Z. */
export interface TestClock {
  now: () => Date;
  /** Moves the clock forward by `ms` milliseconds. */
  advance(ms: number): void;
}

/** A clock starting at `start`. */
export function testClock(start = '2026-11-28T12:00:00.000Z'): TestClock {
  let current = Date.parse(start);
  return {
    now: () => new Date(current),
    advance(ms) {
      current += ms;
    },
  };
}

/**
 * The API over `storage` (default: a fresh, migrated in-memory SQLite database), with argon2's
 * 'fast' cost and a test clock. The caller closes the app; the storage is closed with it.
 */
export async function authTestApp(
  opts: { storage?: Storage; clock?: TestClock; auth?: AuthConfig; publicUrl?: string } = {},
): Promise<{ app: FastifyInstance; storage: Storage; clock: TestClock }> {
  const storage = opts.storage ?? (await openStorage({ databaseUrl: ':memory:', dataDir: '.' }));
  await migrateToLatest(storage.db);
  const clock = opts.clock ?? testClock();
  const app = await buildApp({
    catalog: await builtinCatalog(),
    storage,
    appVersion: '0.0.0-test',
    logger: false,
    clock,
    auth: { argon2Cost: 'fast', ...opts.auth },
    ...(opts.publicUrl ? { publicUrl: opts.publicUrl } : {}),
  });
  app.addHook('onClose', async () => {
    await storage.close();
  });
  return { app, storage, clock };
}

/** The `name=value` of the session cookie a response sets, if it sets one. */
export function sessionCookieOf(res: LightMyRequestResponse): string | undefined {
  const cookie = res.cookies.find((c) => c.name === 'hmp_session');
  return cookie && cookie.value ? `hmp_session=${cookie.value}` : undefined;
}

/** A signed-in test user. */
export interface TestUser {
  userId: string;
  email: string;
  password: string;
  /** `hmp_session=...`, for the Cookie header. */
  cookie: string;
  csrfToken: string;
  /** Cookie and x-csrf-token headers, for any request. */
  headers: { cookie: string; 'x-csrf-token': string };
}

let counter = 0;

/**
 * Signs up a new user through the API (a unique email unless given) and returns its session.
 * Throws when sign-up does not answer 201.
 */
export async function signUp(
  app: FastifyInstance,
  input: { email?: string; displayName?: string; password?: string } = {},
): Promise<TestUser> {
  counter += 1;
  const email = input.email ?? `user${counter}-${Date.now()}@example.org`;
  const password = input.password ?? TEST_PASSWORD;
  const res = await app.inject({
    method: 'POST',
    url: '/api/auth/signup',
    payload: { email, displayName: input.displayName ?? `Test User ${counter}`, password },
    // Each test account signs up from its own address: sign-ups are throttled per address.
    remoteAddress: `10.${(counter >> 16) & 255}.${(counter >> 8) & 255}.${counter & 255}`,
  });
  if (res.statusCode !== 201) throw new Error(`sign-up answered ${res.statusCode}: ${res.body}`);
  const cookie = sessionCookieOf(res);
  if (!cookie) throw new Error('sign-up set no session cookie');
  const body = res.json() as { user: { id: string; email: string }; csrfToken: string };
  return {
    userId: body.user.id,
    email: body.user.email,
    password,
    cookie,
    csrfToken: body.csrfToken,
    headers: { cookie, 'x-csrf-token': body.csrfToken },
  };
}

/** Signs in through the API; returns the response (the caller checks the status). */
export function signIn(
  app: FastifyInstance,
  email: string,
  password: string,
  extra: { remoteAddress?: string; headers?: Record<string, string> } = {},
): Promise<LightMyRequestResponse> {
  return app.inject({
    method: 'POST',
    url: '/api/auth/signin',
    payload: { email, password },
    ...extra,
  });
}

/** Every per-user table, for checks that an account's deletion leaves nothing behind. */
export const perUserTables = [
  'users',
  'sessions',
  'api_tokens',
  'audit_events',
  'learner_profiles',
  'record_items',
  'planned_exams',
  'saved_plans',
  'sign_in_throttle',
] as const;

/**
 * How many rows of each per-user table belong to the user (`sign_in_throttle`: the row keyed by
 * the email address).
 */
export async function countUserRows(
  db: Kysely<Database>,
  userId: string,
  email: string,
): Promise<Record<(typeof perUserTables)[number], number>> {
  const counts = {} as Record<(typeof perUserTables)[number], number>;
  for (const table of perUserTables) {
    const column = table === 'users' ? 'id' : table === 'sign_in_throttle' ? 'key' : 'user_id';
    const value = table === 'sign_in_throttle' ? `email:${email}` : userId;
    const { rows } = await sql<{
      n: string | number;
    }>`select count(*) as n from ${sql.table(table)} where ${sql.ref(column)} = ${value}`.execute(db);
    counts[table] = Number(rows[0]?.n ?? 0);
  }
  return counts;
}

/**
 * Stores a learner profile, one record item and one planned exam for the user, straight into the
 * tables (as the record services will), so deletion tests cover every per-user table.
 */
export async function seedLearnerRows(db: Kysely<Database>, userId: string, at: string): Promise<void> {
  await db
    .insertInto('learner_profiles')
    .values({ user_id: userId, data: '{"name":"x"}', updated_at: at })
    .execute();
  await db
    .insertInto('record_items')
    .values({
      id: randomUUID(),
      user_id: userId,
      section: 'positions',
      data: '{"title":"Nurse manager"}',
      sort_key: '2020-01-01',
      created_at: at,
      updated_at: at,
    })
    .execute();
  await db
    .insertInto('planned_exams')
    .values({
      id: randomUUID(),
      user_id: userId,
      certification_id: 'CPHQ',
      date: '2027-05-01',
      note: null,
      created_at: at,
    })
    .execute();
  await db
    .insertInto('saved_plans')
    .values({
      id: randomUUID(),
      user_id: userId,
      target_role: 'cno',
      from_role: null,
      constraints: '{}',
      choice: 0,
      done: '[]',
      last_digest: null,
      created_at: at,
      updated_at: at,
    })
    .execute();
}
