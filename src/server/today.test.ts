/**
 * "Today" on every route that needs it: the date in the person's time zone (an account setting),
 * else UTC; never the server's. Instants are chosen so that the server's own zone gives another
 * date: 23:30 UTC is already tomorrow in Pacific/Kiritimati (UTC+14), 03:00 UTC is still
 * yesterday in America/Los_Angeles. `npm run test:tz` runs this file under both zones.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authTestApp, signUp, testClock, type TestClock, type TestUser } from '../../test/support/auth.js';
import { builtinCatalog } from '../../test/support/catalog.js';

const dq = (await builtinCatalog()).roles.find((r) => r.id === 'director-of-quality')!;
const lowRatings = Object.fromEntries(Object.keys(dq.targets).map((id) => [id, 2]));

// Two instants per test: late in the UTC day and early in it.
const LATE = '2026-11-28T23:30:00.000Z';
const EARLY = '2026-11-29T03:00:00.000Z';
const HOUR = 3_600_000;

let app: FastifyInstance;
let clock: TestClock & { set(iso: string): void };
let ada: TestUser;

beforeAll(async () => {
  let offset = 0;
  const base = testClock(LATE);
  clock = {
    now: () => new Date(base.now().getTime() + offset),
    advance: (ms) => base.advance(ms),
    set: (iso) => {
      offset = Date.parse(iso) - base.now().getTime();
    },
  };
  ({ app } = await authTestApp({ clock }));
  ada = await signUp(app);
  // A job, so that plans and recommendations have a current role.
  const job = await app.inject({
    method: 'POST',
    url: '/api/me/record/positions',
    headers: ada.headers,
    payload: {
      title: 'Practice manager',
      role: 'practice-manager',
      start: '2019-01',
      kinds: ['healthcare', 'practice_management'],
    },
  });
  if (job.statusCode !== 201) throw new Error(`job: ${job.statusCode} ${job.body}`);
  // A planned exam, so that the calendar feed has an event (stamped with "today").
  const exam = await app.inject({
    method: 'POST',
    url: '/api/me/planned-exams',
    headers: ada.headers,
    payload: { certificationId: 'CPPS', date: '2027-04-15' },
  });
  if (exam.statusCode !== 201) throw new Error(`exam: ${exam.statusCode} ${exam.body}`);
});

afterAll(async () => {
  await app.close();
});

const utcDate = (iso: string) => iso.slice(0, 10);

async function setZone(timeZone: string | null): Promise<void> {
  const res = await app.inject({
    method: 'PATCH',
    url: '/api/account',
    headers: ada.headers,
    payload: { timeZone },
  });
  expect(res.statusCode, res.body).toBe(200);
}

/** asOf of every date-sensitive answer for `who` (undefined: anonymous), at the clock's instant. */
async function asOfEverywhere(who?: TestUser): Promise<Record<string, string>> {
  const headers = who?.headers ?? {};
  const out: Record<string, string> = {};
  const eligibility = await app.inject({
    method: 'POST',
    url: '/api/eligibility',
    headers,
    payload: { profile: { format: 'hm-pathways/profile@1' } },
  });
  expect(eligibility.statusCode, eligibility.body).toBe(200);
  out.eligibility = eligibility.json().asOf;
  const plan = await app.inject({
    method: 'POST',
    url: '/api/plan',
    headers,
    payload: { to: 'practice-administrator', from: 'practice-manager' },
  });
  expect(plan.statusCode, plan.body).toBe(200);
  out.plan = plan.json().asOf;
  const rec = await app.inject({
    method: 'POST',
    url: '/api/recommendations',
    headers,
    payload: { role: 'director-of-quality', ratings: lowRatings },
  });
  expect(rec.statusCode, rec.body).toBe(200);
  out.recommendations = rec.json().asOf;
  if (!who) return out;
  const dashboard = await app.inject({ url: '/api/me/dashboard', headers });
  expect(dashboard.statusCode, dashboard.body).toBe(200);
  out.dashboard = dashboard.json().asOf;
  const saved = await app.inject({
    method: 'POST',
    url: '/api/me/plans',
    headers,
    payload: { to: 'practice-administrator' },
  });
  expect(saved.statusCode, saved.body).toBe(201);
  out.savedPlan = saved.json().result.asOf;
  const feed = await app.inject({ method: 'POST', url: '/api/me/calendar', headers });
  // Without PUBLIC_URL the feed address is relative to the app.
  const ics = await app.inject({ url: new URL(feed.json().url as string, 'http://localhost').pathname });
  expect(ics.statusCode).toBe(200);
  const stamp = /DTSTAMP:(\d{4})(\d{2})(\d{2})T/.exec(ics.body);
  out.calendar = stamp ? `${stamp[1]}-${stamp[2]}-${stamp[3]}` : 'no DTSTAMP';
  return out;
}

const everyPath = (date: string, signedIn: boolean) =>
  Object.fromEntries(
    [
      'eligibility',
      'plan',
      'recommendations',
      ...(signedIn ? ['dashboard', 'savedPlan', 'calendar'] : []),
    ].map((k) => [k, date]),
  );

describe('today', () => {
  it('is the UTC date for an anonymous caller, whatever the server zone', async () => {
    for (const instant of [LATE, EARLY]) {
      clock.set(instant);
      expect(await asOfEverywhere(), instant).toEqual(everyPath(utcDate(instant), false));
    }
  });

  it('is the UTC date for a person without a time zone', async () => {
    await setZone(null);
    for (const instant of [LATE, EARLY]) {
      clock.set(instant);
      expect(await asOfEverywhere(ada), instant).toEqual(everyPath(utcDate(instant), true));
    }
  });

  it("is the date in the person's own time zone on every path", async () => {
    clock.set(LATE);
    await setZone('Pacific/Kiritimati');
    expect(await asOfEverywhere(ada)).toEqual(everyPath('2026-11-29', true));
    clock.set(EARLY);
    await setZone('America/Los_Angeles');
    expect(await asOfEverywhere(ada)).toEqual(everyPath('2026-11-28', true));
    // An hour later than 03:00 UTC is still the 28th in Los Angeles: the zone holds, not the offset of the moment.
    clock.set(new Date(Date.parse(EARLY) + HOUR).toISOString());
    expect((await asOfEverywhere(ada)).dashboard).toBe('2026-11-28');
    await setZone(null);
  });
});

describe('the time-zone setting', () => {
  it('is stored canonically, shown with the session, and cleared with null or ""', async () => {
    // Later than every event so far, so that the newest audit event is this change.
    clock.set('2026-12-01T12:00:00.000Z');
    const set = await app.inject({
      method: 'PATCH',
      url: '/api/account',
      headers: ada.headers,
      payload: { timeZone: 'europe/berlin' },
    });
    expect(set.statusCode, set.body).toBe(200);
    expect(set.json().timeZone).toBe('Europe/Berlin');
    const session = await app.inject({ url: '/api/auth/session', headers: ada.headers });
    expect(session.json().user.timeZone).toBe('Europe/Berlin');
    const audit = await app.inject({ url: '/api/audit', headers: ada.headers });
    expect(audit.json().events[0]).toMatchObject({
      action: 'account.settings_change',
      details: { fields: ['timeZone'] },
    });
    for (const cleared of [null, '']) {
      await setZone('Asia/Tokyo');
      const res = await app.inject({
        method: 'PATCH',
        url: '/api/account',
        headers: ada.headers,
        payload: { timeZone: cleared },
      });
      expect(res.json().timeZone).toBeNull();
    }
  });

  it('refuses what is not an IANA time zone with 400 naming the field, and keeps the old one', async () => {
    await setZone('Asia/Tokyo');
    for (const timeZone of ['Mars/Olympus_Mons', '+02:00', 'EST5EDT5', 'x'.repeat(65), '../../etc']) {
      const res = await app.inject({
        method: 'PATCH',
        url: '/api/account',
        headers: ada.headers,
        payload: { timeZone },
      });
      expect(res.statusCode, timeZone).toBe(400);
      const body = res.json();
      expect(body.error.message, timeZone).toMatch(/timeZone/);
      expect(JSON.stringify(body.error.details), timeZone).toMatch(/timeZone/);
    }
    const wrongType = await app.inject({
      method: 'PATCH',
      url: '/api/account',
      headers: ada.headers,
      payload: { timeZone: 5 },
    });
    expect(wrongType.statusCode).toBe(400);
    const session = await app.inject({ url: '/api/auth/session', headers: ada.headers });
    expect(session.json().user.timeZone).toBe('Asia/Tokyo');
    await setZone(null);
  });

  it('who may change it: anonymous 401, without the CSRF token 403, each person only their own', async () => {
    expect(
      (await app.inject({ method: 'PATCH', url: '/api/account', payload: { timeZone: 'UTC' } })).statusCode,
    ).toBe(401);
    expect(
      (
        await app.inject({
          method: 'PATCH',
          url: '/api/account',
          headers: { cookie: ada.cookie },
          payload: { timeZone: 'Asia/Tokyo' },
        })
      ).statusCode,
    ).toBe(403);
    const bob = await signUp(app);
    await app.inject({
      method: 'PATCH',
      url: '/api/account',
      headers: bob.headers,
      payload: { timeZone: 'Asia/Tokyo' },
    });
    const adaSession = await app.inject({ url: '/api/auth/session', headers: ada.headers });
    expect(adaSession.json().user.timeZone).toBeNull();
  });
});
