/**
 * /api/me: status codes first (401, 403, 404, 400 with the field), then what a person does: add
 * items, import a profile file with a preview, read the dashboard, plan exams, subscribe to the
 * calendar feed.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authTestApp, signUp, type TestUser } from '../../../test/support/auth.js';

const AS_OF = '2026-11-27';
const examples = path.resolve(import.meta.dirname, '..', '..', '..', 'examples');
const example = async (name: string) =>
  parse(await readFile(path.join(examples, name), 'utf8')) as Record<string, unknown>;

let app: FastifyInstance;
let ada: TestUser;
let bob: TestUser;

beforeAll(async () => {
  ({ app } = await authTestApp());
  ada = await signUp(app, { displayName: 'Ada' });
  bob = await signUp(app, { displayName: 'Bob' });
});
afterAll(async () => {
  await app.close();
});

const job = { title: 'Nurse Manager', start: '2020-01', kinds: ['healthcare', 'nurse_manager'] };

async function add(user: TestUser, section: string, item: Record<string, unknown>) {
  return app.inject({
    method: 'POST',
    url: `/api/me/record/${section}`,
    headers: user.headers,
    payload: item,
  });
}

describe('who may do what', () => {
  it('answers 401 without a session', async () => {
    for (const url of [
      '/api/me/record',
      `/api/me/dashboard?asOf=${AS_OF}`,
      '/api/me/export',
      '/api/me/calendar',
    ]) {
      const res = await app.inject({ url });
      expect(res.statusCode, url).toBe(401);
      expect(res.json().error.code).toBe('unauthenticated');
    }
    expect(
      (await app.inject({ method: 'POST', url: '/api/me/record/positions', payload: job })).statusCode,
    ).toBe(401);
  });

  it('answers 403 to a state-changing request made with the cookie but without the CSRF token', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/me/record/positions',
      headers: { cookie: ada.cookie },
      payload: job,
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('csrf_failed');
    expect(
      (await app.inject({ url: '/api/me/record', headers: ada.headers })).json().sections.positions,
    ).toEqual([]);
  });

  it("answers 404 for another person's item, and never changes it", async () => {
    const created = (await add(bob, 'positions', job)).json();
    for (const method of ['PUT', 'DELETE'] as const) {
      const res = await app.inject({
        method,
        url: `/api/me/record/positions/${created.id}`,
        headers: ada.headers,
        ...(method === 'PUT' ? { payload: { ...job, title: 'Hacked' } } : {}),
      });
      expect(res.statusCode, method).toBe(404);
      expect(res.json().error.code).toBe('record_not_found');
    }
    const bobs = (await app.inject({ url: '/api/me/record', headers: bob.headers })).json();
    expect(bobs.sections.positions).toEqual([
      expect.objectContaining({ id: created.id, data: expect.objectContaining({ title: 'Nurse Manager' }) }),
    ]);
    // The section in the URL must be the item's own.
    const wrong = await app.inject({
      method: 'DELETE',
      url: `/api/me/record/education/${created.id}`,
      headers: bob.headers,
    });
    expect(wrong.statusCode).toBe(404);
  });

  it('lets an API token read and write without a CSRF token', async () => {
    const token = (
      await app.inject({
        method: 'POST',
        url: '/api/tokens',
        headers: ada.headers,
        payload: { name: 'script' },
      })
    ).json().token as string;
    const auth = { authorization: `Bearer ${token}` };
    const res = await app.inject({
      method: 'POST',
      url: '/api/me/record/memberships',
      headers: auth,
      payload: { id: 'ACHE', since: '2020-01' },
    });
    expect(res.statusCode).toBe(201);
    expect(
      (
        await app.inject({
          method: 'DELETE',
          url: `/api/me/record/memberships/${res.json().id}`,
          headers: auth,
        })
      ).statusCode,
    ).toBe(204);
  });
});

describe('my record', () => {
  it('adds, changes and deletes items, with the field named when something is wrong', async () => {
    const user = await signUp(app);
    const created = await add(user, 'positions', job);
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ section: 'positions', data: { ...job, fte: 1 } });

    const bad = await add(user, 'positions', { ...job, end: '2019-12' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error).toMatchObject({
      code: 'invalid_record',
      message: 'end: must not be before start',
    });
    expect(bad.json().error.details.issues).toEqual([{ path: 'end', message: 'must not be before start' }]);

    const kind = await add(user, 'positions', { ...job, kinds: ['wizardry'] });
    expect(kind.statusCode).toBe(400);
    expect(kind.json().error.details.issues[0]).toMatchObject({
      path: 'kinds[0]',
      message: expect.stringMatching(/^unknown experience kind "wizardry"/),
    });

    const unknownSection = await app.inject({
      method: 'POST',
      url: '/api/me/record/hobbies',
      headers: user.headers,
      payload: {},
    });
    expect(unknownSection.statusCode).toBe(400);
    expect(unknownSection.json().error.message).toMatch(
      /^path parameter section: must be one of: education, positions/,
    );

    const id = created.json().id as string;
    const changed = await app.inject({
      method: 'PUT',
      url: `/api/me/record/positions/${id}`,
      headers: user.headers,
      payload: { ...job, end: '2024-06' },
    });
    expect(changed.statusCode).toBe(200);
    expect(changed.json().data.end).toBe('2024-06');
    expect(
      (await app.inject({ method: 'DELETE', url: `/api/me/record/positions/${id}`, headers: user.headers }))
        .statusCode,
    ).toBe(204);
    expect(
      (await app.inject({ url: '/api/me/record', headers: user.headers })).json().sections.positions,
    ).toEqual([]);
  });

  it('stores HTML- and SQL-looking text as text', async () => {
    const user = await signUp(app);
    const title = `<script>alert(1)</script>'); drop table record_items;--`;
    expect((await add(user, 'positions', { ...job, title })).statusCode).toBe(201);
    const record = (await app.inject({ url: '/api/me/record', headers: user.headers })).json();
    expect(record.sections.positions[0].data.title).toBe(title);
  });

  it('changes the profile fields', async () => {
    const user = await signUp(app);
    const res = await app.inject({
      method: 'PATCH',
      url: '/api/me/record/fields',
      headers: user.headers,
      payload: { name: 'Ada L.', collegeCreditHours: 60 },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ name: 'Ada L.', collegeCreditHours: 60 });
  });
});

describe('import and export', () => {
  it('previews, applies all of it, refuses a stale preview, and exports what was imported', async () => {
    const user = await signUp(app);
    const profile = await example('quality-director.yaml');
    const preview = await app.inject({
      method: 'POST',
      url: '/api/me/import/preview',
      headers: user.headers,
      payload: { profile, mode: 'replace' },
    });
    expect(preview.statusCode).toBe(200);
    expect(preview.json().sections.positions).toMatchObject({ added: 3, removed: 0, unchanged: 0 });
    expect(preview.json().sections.ce.added).toBe(3);
    expect(
      (await app.inject({ url: '/api/me/record', headers: user.headers })).json().sections.positions,
    ).toEqual([]);

    // Someone adds a job between preview and import: the import is refused and nothing is written.
    await add(user, 'positions', job);
    const stale = await app.inject({
      method: 'POST',
      url: '/api/me/import',
      headers: user.headers,
      payload: { profile, mode: 'replace', revision: preview.json().revision },
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('record_changed');
    expect((await app.inject({ url: '/api/me/record', headers: user.headers })).json().sections.ce).toEqual(
      [],
    );

    const again = (
      await app.inject({
        method: 'POST',
        url: '/api/me/import/preview',
        headers: user.headers,
        payload: { profile, mode: 'replace' },
      })
    ).json();
    expect(again.sections.positions).toMatchObject({ added: 3, removed: 1 });
    const applied = await app.inject({
      method: 'POST',
      url: '/api/me/import',
      headers: user.headers,
      payload: { profile, mode: 'replace', revision: again.revision },
    });
    expect(applied.statusCode).toBe(200);
    expect(applied.json().totals).toMatchObject({ added: 11, removed: 1 });

    const file = await app.inject({ url: '/api/me/profile.yaml', headers: user.headers });
    expect(file.headers['content-type']).toMatch(/^application\/yaml/);
    expect(file.headers['content-disposition']).toBe('attachment; filename="profile.yaml"');
    const back = parse(file.body) as { name: string; credentials: { id: string }[] };
    expect(back.name).toBe('Dana Okafor');
    expect(back.credentials.map((c) => c.id)).toEqual(['RN_LICENSE', 'CPHQ']);

    const all = await app.inject({ url: '/api/me/export', headers: user.headers });
    expect(all.headers['content-disposition']).toBe('attachment; filename="pathways-export.json"');
    const data = all.json();
    expect(data.profile.positions).toHaveLength(3);
    expect(data.auditEvents.map((e: { action: string }) => e.action)).toContain('record.import');
  });

  it('lists every problem of an invalid profile under profile.', async () => {
    const user = await signUp(app);
    const res = await app.inject({
      method: 'POST',
      url: '/api/me/import/preview',
      headers: user.headers,
      payload: {
        profile: { format: 'hm-pathways/profile@1', positions: [{ title: 'x', start: 'soon' }] },
        mode: 'merge',
      },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.issues).toEqual([
      { path: 'profile.positions[0].start', message: 'not a date (YYYY-MM-DD or YYYY-MM)' },
    ]);
  });
});

describe('dashboard', () => {
  it('shows eligibility, renewal progress and deadlines, and moves as the record changes', async () => {
    const user = await signUp(app);
    const empty = (
      await app.inject({ url: `/api/me/dashboard?asOf=${AS_OF}`, headers: user.headers })
    ).json();
    expect(empty.nextSteps.map((s: { title: string }) => s.title)).toEqual([
      'Add your jobs',
      'Add your degrees',
    ]);
    expect(empty.counts).toEqual({ positions: 0, education: 0, credentials: 0, ce: 0 });

    await app.inject({
      method: 'POST',
      url: '/api/me/import',
      headers: user.headers,
      payload: { profile: await example('quality-director.yaml'), mode: 'replace' },
    });
    const dash = async () =>
      (await app.inject({ url: `/api/me/dashboard?asOf=${AS_OF}`, headers: user.headers })).json();
    let d = await dash();
    const cphq = () => d.renewals.credentials.find((c: { credential: string }) => c.credential === 'CPHQ');
    expect(cphq()).toMatchObject({ status: 'on_track', window: { start: '2026-01-01', end: '2027-12-31' } });
    expect(cphq().options[0].earned).toBe(16);
    expect(d.deadlines).toContainEqual(
      expect.objectContaining({ kind: 'renewal_deadline', date: '2027-12-31', certification: 'CPHQ' }),
    );
    const status = (id: string) =>
      d.eligibility.results.find((r: { certification: string }) => r.certification === id).status;
    expect(status('CPPS')).toBe('eligible');
    expect(status('CNML')).not.toBe('eligible');

    // A CE activity moves the renewal bar.
    await add(user, 'ce', {
      date: '2026-10-01',
      hours: 4,
      credits: [{ unit: 'nahq_ce', amount: 4, category: 'nahq_approved' }],
    });
    d = await dash();
    expect(cphq().options[0].earned).toBe(20);

    // A nurse-manager job changes CNML's verdict (with AONL's self-description confirmed).
    await app.inject({
      method: 'PATCH',
      url: '/api/me/record/fields',
      headers: user.headers,
      payload: { attestations: ['CNML_TARGET_PRACTITIONER'] },
    });
    d = await dash();
    expect(status('CNML')).toBe('needs_more_than_time');
    await add(user, 'positions', {
      title: 'Nurse Manager, Cardiac',
      start: '2014-07',
      end: '2019-12',
      kinds: ['healthcare', 'registered_nurse', 'nurse_manager'],
    });
    d = await dash();
    expect(status('CNML')).toBe('eligible');
  });

  it('opens with the goals: the target certification first, and generic suggestions only for targets', async () => {
    const user = await signUp(app);
    await app.inject({
      method: 'POST',
      url: '/api/me/import',
      headers: user.headers,
      payload: { profile: await example('healthcare-executive.yaml'), mode: 'replace' },
    });
    const d = (await app.inject({ url: `/api/me/dashboard?asOf=${AS_OF}`, headers: user.headers })).json();
    expect(d.goals.set).toBe(true);
    expect(d.goals.certifications).toHaveLength(1);
    expect(d.goals.certifications[0]).toMatchObject({
      certification: 'FACHE',
      state: 'eligible',
      missing: [],
      nextStep: { title: 'Apply now', external: { url: 'https://ache.org/fache' } },
    });
    // Eligible for other certifications too, but the person asked for FACHE only.
    const others = d.eligibility.results.filter(
      (r: { status: string; certification: string }) =>
        r.status === 'eligible' && r.certification !== 'FACHE',
    );
    expect(others.length).toBeGreaterThan(0);
    expect(d.nextSteps.map((s: { title: string }) => s.title)).toEqual(['You can apply for FACHE']);

    // Goals changed through the fields route are what the dashboard reads.
    const patched = await app.inject({
      method: 'PATCH',
      url: '/api/me/record/fields',
      headers: user.headers,
      payload: { goals: { certifications: ['CHFP', 'FACHE'] } },
    });
    expect(patched.statusCode).toBe(200);
    expect(patched.json().goals).toEqual({ certifications: ['CHFP', 'FACHE'] });
    const again = (
      await app.inject({ url: `/api/me/dashboard?asOf=${AS_OF}`, headers: user.headers })
    ).json();
    expect(again.goals.certifications.map((c: { acronym: string }) => c.acronym)).toEqual(['CHFP', 'FACHE']);
    expect(again.goals.role).toBeNull();
  });

  it('refuses a bad as-of date with the field named', async () => {
    const res = await app.inject({ url: '/api/me/dashboard?asOf=2026-02-30', headers: ada.headers });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toBe('asOf: not a date (YYYY-MM-DD)');
  });
});

describe('planned exams and the calendar feed', () => {
  it('plans exams (known certifications only) and deletes only my own', async () => {
    const user = await signUp(app);
    const unknown = await app.inject({
      method: 'POST',
      url: '/api/me/planned-exams',
      headers: user.headers,
      payload: { certificationId: 'NOPE', date: '2027-03-01' },
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.message).toBe('certificationId: unknown certification "NOPE"');
    const created = await app.inject({
      method: 'POST',
      url: '/api/me/planned-exams',
      headers: user.headers,
      payload: { certificationId: 'cphq', date: '2027-03-01' },
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ certificationId: 'CPHQ', date: '2027-03-01' });
    const other = await app.inject({
      method: 'DELETE',
      url: `/api/me/planned-exams/${created.json().id}`,
      headers: ada.headers,
    });
    expect(other.statusCode).toBe(404);
    expect((await app.inject({ url: '/api/me/planned-exams', headers: user.headers })).json()).toHaveLength(
      1,
    );
  });

  it('serves the feed at a secret address that rotation and switching off invalidate', async () => {
    const user = await signUp(app);
    await app.inject({
      method: 'POST',
      url: '/api/me/import',
      headers: user.headers,
      payload: { profile: await example('quality-director.yaml'), mode: 'replace' },
    });
    await app.inject({
      method: 'POST',
      url: '/api/me/planned-exams',
      headers: user.headers,
      payload: { certificationId: 'CPPS', date: '2027-04-15' },
    });
    expect((await app.inject({ url: '/api/me/calendar', headers: user.headers })).json()).toEqual({
      enabled: false,
    });

    const first = await app.inject({ method: 'POST', url: '/api/me/calendar', headers: user.headers });
    expect(first.statusCode).toBe(201);
    // Relative without PUBLIC_URL (the Host header is never used).
    expect(first.json().url).toMatch(/^\/api\/calendar\//);
    const url = new URL(first.json().url as string, 'http://localhost');
    expect(url.pathname).toMatch(/^\/api\/calendar\/cal_[A-Za-z0-9_-]{43}\.ics$/);
    const feed = await app.inject({ url: url.pathname });
    expect(feed.statusCode).toBe(200);
    expect(feed.headers['content-type']).toBe('text/calendar; charset=utf-8');
    expect(feed.body).toMatch(/^BEGIN:VCALENDAR/);
    expect(feed.body).toContain('CPHQ renewal due');
    expect(feed.body).toContain('DTSTART;VALUE=DATE:20270415');
    expect((await app.inject({ url: '/api/me/calendar', headers: user.headers })).json()).toEqual({
      enabled: true,
    });

    const second = new URL(
      (await app.inject({ method: 'POST', url: '/api/me/calendar', headers: user.headers })).json()
        .url as string,
      'http://localhost',
    );
    expect((await app.inject({ url: url.pathname })).statusCode).toBe(404);
    expect((await app.inject({ url: second.pathname })).statusCode).toBe(200);
    expect(
      (await app.inject({ method: 'DELETE', url: '/api/me/calendar', headers: user.headers })).statusCode,
    ).toBe(204);
    const gone = await app.inject({ url: second.pathname });
    expect(gone.statusCode).toBe(404);
    expect(gone.json().error.code).toBe('calendar_not_found');
    expect((await app.inject({ url: '/api/calendar/guess.ics' })).statusCode).toBe(404);
  });
});
