/**
 * The holes found by probing (issue 12, items 1-16), each with the request that showed it. Races
 * run in parallel; on PostgreSQL they run on two app instances over one schema, as deployed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { sql } from 'kysely';
import {
  authTestApp,
  signIn,
  signUp,
  testClock,
  TEST_PASSWORD,
  type TestUser,
} from '../../test/support/auth.js';
import { testDatabases } from '../../test/support/databases.js';
import { openStorage, type Storage } from '../storage/db.js';

const databases = await testDatabases();

/** A second app instance on the same database (PostgreSQL: same schema; SQLite: the same app). */
async function secondInstance(app: FastifyInstance, storage: Storage, clock: ReturnType<typeof testClock>) {
  if (storage.flags.engine !== 'postgres') return { app, close: async () => undefined };
  const schema = (await sql<{ s: string }>`select current_schema() as s`.execute(storage.db)).rows[0]!.s;
  const url = new URL(process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test');
  url.searchParams.set('options', `-c search_path=${schema}`);
  const other = await authTestApp({
    storage: await openStorage({ databaseUrl: url.toString(), dataDir: '.' }),
    clock,
  });
  return { app: other.app, close: () => other.app.close() };
}

const count = (rs: LightMyRequestResponse[], status: number) =>
  rs.filter((r) => r.statusCode === status).length;

describe.each(databases)('safety on $name', (database) => {
  describe.skipIf(Boolean(database.skip))('', () => {
    let app: FastifyInstance;
    let twin: FastifyInstance;
    let closeTwin: () => Promise<unknown>;
    let storage: Storage;
    const clock = testClock();
    beforeAll(async () => {
      ({ app, storage } = await authTestApp({ storage: await database.open(), clock }));
      ({ app: twin, close: closeTwin } = await secondInstance(app, storage, clock));
    });
    afterAll(async () => {
      await closeTwin?.();
      await app?.close();
    });
    const either = (i: number) => (i % 2 ? twin : app);

    it('1. parallel sign-ins evaluate at most 5 passwords per account and 50 per address', async () => {
      const ada = await signUp(app);
      const attempts = await Promise.all(
        Array.from({ length: 50 }, (_, i) =>
          signIn(either(i), ada.email, i === 25 ? TEST_PASSWORD : `wrong password ${i}`, {
            remoteAddress: '198.51.100.1',
          }),
        ),
      );
      const evaluated = count(attempts, 401) + count(attempts, 200);
      expect(evaluated).toBeLessThanOrEqual(5);
      expect(count(attempts, 429)).toBe(50 - evaluated);

      const ben = await signUp(app);
      const twenty = await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          signIn(either(i), ben.email, `wrong ${i}`, { remoteAddress: `198.51.100.${10 + i}` }),
        ),
      );
      expect(count(twenty, 401)).toBe(5);
      expect(count(twenty, 429)).toBe(15);

      const guesses = await Promise.all(
        Array.from({ length: 80 }, (_, i) =>
          signIn(either(i), `guess${i}@example.org`, 'not the password', { remoteAddress: '203.0.113.77' }),
        ),
      );
      expect(count(guesses, 401)).toBe(50);
      expect(count(guesses, 429)).toBe(30);
    });

    it('3. a NUL character is a 400 naming the field, signed in or not', async () => {
      const user = await signUp(app);
      const cases = [
        {
          url: '/api/auth/signin',
          payload: { email: 'a\u0000@example.org', password: 'x'.repeat(12) },
          field: 'email',
        },
        {
          url: '/api/auth/signup',
          payload: { email: 'nul@example.org', displayName: 'A\u0000', password: TEST_PASSWORD },
          field: 'displayName',
        },
        {
          url: '/api/me/planned-exams',
          payload: { certificationId: 'CPHQ', date: '2027-05-10', note: 'x\u0000' },
          field: 'note',
          headers: user.headers,
        },
        { url: '/api/tokens', payload: { name: 'ci\u0000' }, field: 'name', headers: user.headers },
      ];
      for (const c of cases) {
        const res = await app.inject({
          method: 'POST',
          url: c.url,
          payload: c.payload,
          headers: c.headers ?? {},
        });
        expect(res.statusCode, res.body).toBe(400);
        expect(res.json().error.message).toBe(
          `field ${c.field}: must not contain the NUL character (U+0000)`,
        );
      }
      const query = await app.inject({ url: '/api/certifications?q=a%00b' });
      expect(query.statusCode).toBe(400);
      expect(query.json().error.message).toMatch(/^query parameter q: must not contain the NUL/);
    });

    it('4 and 13. parallel step marks are all kept; steps not in the plan and plans beyond 50 are refused', async () => {
      const nurse = await signUp(app);
      for (const [section, payload] of [
        ['positions', { title: 'Staff Nurse', role: 'staff-nurse', start: '2016-09', kinds: ['healthcare'] }],
        ['education', { level: 'bachelor', completed: '2015-05' }],
      ] as const)
        expect(
          (
            await app.inject({
              method: 'POST',
              url: `/api/me/record/${section}`,
              headers: nurse.headers,
              payload,
            })
          ).statusCode,
        ).toBe(201);
      const created = await app.inject({
        method: 'POST',
        url: '/api/me/plans',
        headers: nurse.headers,
        payload: { to: 'cqo' },
      });
      expect(created.statusCode, created.body).toBe(201);
      const plan = created.json() as { id: string; plan: { steps: { id: string }[] } };
      const steps = plan.plan.steps.map((s) => s.id);
      expect(steps.length).toBeGreaterThanOrEqual(10);
      // Every step marked twice, all at once, half of them through the other instance.
      const marks = await Promise.all(
        [...steps, ...steps].map((step, i) =>
          either(i).inject({
            method: 'PUT',
            url: `/api/me/plans/${plan.id}/steps/${encodeURIComponent(step)}`,
            headers: nurse.headers,
            payload: { done: true },
          }),
        ),
      );
      expect(count(marks, 200)).toBe(steps.length * 2);
      const opened = await app.inject({ url: `/api/me/plans/${plan.id}`, headers: nurse.headers });
      expect(opened.json().done).toEqual([...steps].sort());

      const foreign = await app.inject({
        method: 'PUT',
        url: `/api/me/plans/${plan.id}/steps/${encodeURIComponent('certification:NOT-IN-PLAN')}`,
        headers: nurse.headers,
        payload: { done: true },
      });
      expect(foreign.statusCode).toBe(400);
      expect(foreign.json().error.message).toBe(
        'stepId: certification:NOT-IN-PLAN is not a step of this plan',
      );

      const more = await Promise.all(
        Array.from({ length: 55 }, (_, i) =>
          either(i).inject({
            method: 'POST',
            url: '/api/me/plans',
            headers: nurse.headers,
            payload: { to: 'nurse-manager' },
          }),
        ),
      );
      expect(count(more, 201)).toBe(49);
      expect(count(more, 409)).toBe(6);
      expect(more.find((r) => r.statusCode === 409)!.json().error.code).toBe('plan_limit_reached');
    });

    it('15. a stale If-Match gets 412: of 20 parallel edits from one version, one wins', async () => {
      const user = await signUp(app);
      const added = await app.inject({
        method: 'POST',
        url: '/api/me/record/ce',
        headers: user.headers,
        payload: { title: 'Course', date: '2026-01-10', hours: 1 },
      });
      expect(added.statusCode, added.body).toBe(201);
      const item = added.json() as { id: string; etag: string };
      const edits = await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          either(i).inject({
            method: 'PUT',
            url: `/api/me/record/ce/${item.id}`,
            headers: { ...user.headers, 'if-match': item.etag },
            payload: { title: `Course edit ${i}`, date: '2026-01-10', hours: i + 1 },
          }),
        ),
      );
      expect(count(edits, 200)).toBe(1);
      expect(count(edits, 412)).toBe(19);
      const stale = edits.find((r) => r.statusCode === 412)!.json();
      expect(stale.error.code).toBe('item_changed');
      const winner = edits.find((r) => r.statusCode === 200)!;
      expect(winner.headers.etag).toBe(winner.json().etag);
      const del = await app.inject({
        method: 'DELETE',
        url: `/api/me/record/ce/${item.id}`,
        headers: { ...user.headers, 'if-match': item.etag },
      });
      expect(del.statusCode).toBe(412);
      const ok = await app.inject({
        method: 'DELETE',
        url: `/api/me/record/ce/${item.id}`,
        headers: { ...user.headers, 'if-match': winner.json().etag },
      });
      expect(ok.statusCode).toBe(204);
    });
  });
});

describe('safety (one instance, SQLite)', () => {
  let app: FastifyInstance;
  let user: TestUser;
  beforeAll(async () => {
    ({ app } = await authTestApp());
    user = await signUp(app);
  });
  afterAll(async () => {
    await app.close();
  });

  it('2. a YAML profile nested 500,000 deep is refused at once, and health keeps answering', async () => {
    const deep = '['.repeat(500_000);
    const started = Date.now();
    const requests = Array.from({ length: 4 }, () =>
      app.inject({
        method: 'POST',
        url: '/api/eligibility',
        headers: { 'content-type': 'application/yaml' },
        payload: deep,
      }),
    );
    const healthStarted = Date.now();
    const health = await app.inject({ url: '/api/health' });
    const healthMs = Date.now() - healthStarted;
    const answers = await Promise.all(requests);
    const totalMs = Date.now() - started;
    expect(health.statusCode).toBe(200);
    for (const a of answers) {
      expect(a.statusCode).toBe(400);
      expect(a.json().error.details.issues[0].message).toBe(
        'nested more than 32 levels deep (line 1); a profile never is',
      );
    }
    // Four 500 KB bodies: well under a second each even on a busy machine (was 6-14 s each).
    expect(totalMs).toBeLessThan(4000);
    expect(healthMs).toBeLessThan(4000);
    const json = await app.inject({
      method: 'POST',
      url: '/api/me/plans',
      headers: { ...user.headers, 'content-type': 'application/json' },
      payload: `{"to":${'['.repeat(100_000)}`,
    });
    expect(json.statusCode).toBe(400);
    expect(json.json().error.message).toMatch(/nested more than 64 levels deep/);
  });

  it('7. sign-up is throttled per address: 20 an hour, then 429 with Retry-After', async () => {
    const answers: number[] = [];
    for (let i = 0; i < 22; i++) {
      const res = await app.inject({
        method: 'POST',
        url: '/api/auth/signup',
        remoteAddress: '192.0.2.200',
        payload: { email: `class${i}@example.org`, displayName: `Nurse ${i}`, password: TEST_PASSWORD },
      });
      answers.push(res.statusCode);
      if (i === 21) {
        expect(res.json().error.code).toBe('too_many_signups');
        expect(Number(res.headers['retry-after'])).toBe(3600);
      }
    }
    expect(answers).toEqual([...Array(20).fill(201), 429, 429]);
    const other = await app.inject({
      method: 'POST',
      url: '/api/auth/signup',
      remoteAddress: '192.0.2.201',
      payload: { email: 'class0@example.org', displayName: 'Nurse', password: TEST_PASSWORD },
    });
    expect(other.statusCode).toBe(409);
  });

  it('8. common passwords, all-space and NUL passwords are refused naming the field', async () => {
    const cases: [string, string][] = [
      ['1234567890', 'password: is one of the most common passwords; choose another'],
      [' '.repeat(10), 'password: must not be only spaces'],
      ['   short   ', 'password: must be at least 10 characters, not counting spaces at the start and end'],
      ['\u0000'.repeat(10), 'field password: must not contain the NUL character (U+0000)'],
    ];
    for (const [password, message] of cases) {
      const res = await app.inject({
        method: 'POST',
        url: '/api/auth/signup',
        remoteAddress: '192.0.2.210',
        payload: { email: 'pw@example.org', displayName: 'Pat', password },
      });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.message).toBe(message);
    }
  });

  it('12. a duplicate JSON key is a 400 naming it, on every route', async () => {
    const item = await app.inject({
      method: 'POST',
      url: '/api/me/record/ce',
      headers: { ...user.headers, 'content-type': 'application/json' },
      payload: '{"title":"Course","date":"2026-01-10","hours":1,"hours":999}',
    });
    expect(item.statusCode).toBe(400);
    expect(item.json().error).toMatchObject({
      code: 'invalid_json',
      message: 'body.hours: given twice; a field may appear only once in an object',
    });
    const nested = await app.inject({
      method: 'POST',
      url: '/api/auth/signin',
      headers: { 'content-type': 'application/json' },
      payload: '{"email":"a@example.org","password":"x","password":"y"}',
    });
    expect(nested.json().error.message).toBe(
      'body.password: given twice; a field may appear only once in an object',
    );
  });

  it('14. the Host header is never reflected into the calendar address or its links', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/me/calendar',
      headers: { ...user.headers, host: 'evil.example' },
    });
    expect(res.statusCode).toBe(201);
    const url = res.json().url as string;
    expect(url).toMatch(/^\/api\/calendar\/cal_[A-Za-z0-9_-]+\.ics$/);
    const feed = await app.inject({ url, headers: { host: 'evil.example' } });
    expect(feed.statusCode).toBe(200);
    expect(feed.body).not.toContain('evil.example');

    const { app: configured } = await authTestApp({ publicUrl: 'https://pathways.example.org' });
    try {
      const ada = await signUp(configured);
      const made = await configured.inject({
        method: 'POST',
        url: '/api/me/calendar',
        headers: { ...ada.headers, host: 'evil.example' },
      });
      expect(made.json().url).toMatch(/^https:\/\/pathways\.example\.org\/api\/calendar\/cal_/);
    } finally {
      await configured.close();
    }
  });

  it('5. security headers on the app, the API and /api/docs; HSTS only over TLS', async () => {
    for (const url of ['/api/health', '/api/docs', '/no-such-page']) {
      const res = await app.inject({ url });
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['x-frame-options']).toBe('DENY');
      expect(res.headers['referrer-policy']).toBe('same-origin');
      const csp = String(res.headers['content-security-policy']);
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("script-src 'self'");
      expect(csp).not.toMatch(/script-src[^;]*unsafe/);
      expect(res.headers['strict-transport-security']).toBeUndefined();
    }
    const { app: proxied } = await authTestApp({ auth: { trustProxy: true } });
    try {
      const tls = await proxied.inject({ url: '/api/health', headers: { 'x-forwarded-proto': 'https' } });
      expect(tls.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
      const plain = await proxied.inject({ url: '/api/health' });
      expect(plain.headers['strict-transport-security']).toBeUndefined();
    } finally {
      await proxied.close();
    }
    // Without TRUST_PROXY the header is the client's word and is ignored.
    const spoofed = await app.inject({ url: '/api/health', headers: { 'x-forwarded-proto': 'https' } });
    expect(spoofed.headers['strict-transport-security']).toBeUndefined();
  });

  it('6. the export holds the account, saved plans, token names (no secrets) and the calendar switch', async () => {
    const person = await signUp(app, { displayName: 'Dana Okafor' });
    await app.inject({
      method: 'POST',
      url: '/api/me/record/positions',
      headers: person.headers,
      payload: {
        title: 'Practice Manager',
        role: 'practice-manager',
        start: '2021-09',
        kinds: ['healthcare'],
      },
    });
    await app.inject({
      method: 'POST',
      url: '/api/me/record/education',
      headers: person.headers,
      payload: { level: 'bachelor', completed: '2015-05' },
    });
    const plan = (
      await app.inject({
        method: 'POST',
        url: '/api/me/plans',
        headers: person.headers,
        payload: { to: 'practice-administrator', constraints: { budgetPerYear: 3000 } },
      })
    ).json();
    await app.inject({
      method: 'PUT',
      url: `/api/me/plans/${plan.id}/steps/${encodeURIComponent('role:practice-administrator')}`,
      headers: person.headers,
      payload: { done: true },
    });
    const token = (
      await app.inject({
        method: 'POST',
        url: '/api/tokens',
        headers: person.headers,
        payload: { name: 'HR import' },
      })
    ).json();
    await app.inject({ method: 'POST', url: '/api/me/calendar', headers: person.headers });
    const res = await app.inject({ url: '/api/me/export', headers: person.headers });
    const data = res.json();
    expect(data.format).toBe('hm-pathways/export@1');
    expect(data.account).toMatchObject({ email: person.email, displayName: 'Dana Okafor' });
    expect(data.savedPlans).toHaveLength(1);
    expect(data.savedPlans[0]).toMatchObject({
      to: { id: 'practice-administrator' },
      constraints: { budgetPerYear: 3000 },
      done: ['role:practice-administrator'],
    });
    expect(data.apiTokens.map((t: { name: string }) => t.name)).toEqual(['HR import']);
    expect(data.calendarFeed).toEqual({ enabled: true });
    const text = res.body;
    expect(text).not.toContain(token.token);
    expect(text).not.toMatch(/\$argon2id|cal_[A-Za-z0-9_-]{20}|token_hash|password/);
  });
});
