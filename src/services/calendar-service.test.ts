/**
 * The iCalendar feed, read back with a small RFC 5545 parser: all-day dates, stable UIDs, text
 * escaping, alarms; and the feed of a stored record on SQLite.
 */
import { describe, expect, it } from 'vitest';
import { builtinCatalog } from '../../test/support/catalog.js';
import { makeProfile } from '../../test/support/profiles.js';
import { evaluateRenewals } from '../core/renewal.js';
import { migrateToLatest, openStorage } from '../storage/db.js';
import { ALARM_DAYS_BEFORE, buildCalendar, userCalendar } from './calendar-service.js';
import { addPlannedExam, applyImport, type PlannedExam } from './record-service.js';

const catalog = await builtinCatalog();
const APP = 'https://pathways.example.org/';

interface Component {
  name: string;
  props: { name: string; params: string; value: string }[];
  children: Component[];
}

/** Unfolds lines (CRLF + space) and nests BEGIN/END components. */
function parseIcs(text: string): Component {
  expect(text).toMatch(/\r\n$/);
  // Folded: no line longer than 75 octets.
  for (const raw of text.split('\r\n')) expect(Buffer.byteLength(raw)).toBeLessThanOrEqual(75);
  const lines = text
    .replace(/\r\n[ \t]/g, '')
    .split('\r\n')
    .filter(Boolean);
  const root: Component = { name: 'ROOT', props: [], children: [] };
  const stack = [root];
  for (const line of lines) {
    const colon = line.indexOf(':');
    const head = line.slice(0, colon);
    const value = line.slice(colon + 1);
    const [name, ...params] = head.split(';');
    if (name === 'BEGIN') {
      const c: Component = { name: value, props: [], children: [] };
      stack.at(-1)!.children.push(c);
      stack.push(c);
    } else if (name === 'END') {
      expect(stack.pop()!.name).toBe(value);
    } else stack.at(-1)!.props.push({ name: name!, params: params.join(';'), value });
  }
  expect(stack).toHaveLength(1);
  return root.children[0]!;
}

const prop = (c: Component, name: string) => c.props.find((p) => p.name === name);
const value = (c: Component, name: string) => prop(c, name)?.value;
/** RFC 5545 TEXT unescaping. */
const unescape = (s: string | undefined) =>
  (s ?? '').replace(/\\([\\;,nN])/g, (_m, ch: string) => (ch === 'n' || ch === 'N' ? '\n' : ch));

function events(ics: string): Component[] {
  const cal = parseIcs(ics);
  expect(cal.name).toBe('VCALENDAR');
  expect(value(cal, 'VERSION')).toBe('2.0');
  return cal.children.filter((c) => c.name === 'VEVENT');
}

const profile = makeProfile({
  credentials: [
    { id: 'FACHE', expires: '2027-12-31' },
    { id: 'RN_LICENSE', earned: '2014-06' },
  ],
  ce: [{ date: '2025-03-18', hours: 12, category: 'ache_in_person' }],
});
const exam: PlannedExam = {
  id: '0193f3a0-0000-7000-8000-000000000001',
  certificationId: 'CPHQ',
  date: '2027-05-10',
  note: 'Bring ID, two pencils; arrive early\\ on time',
  createdAt: '2026-11-28T12:00:00.000Z',
};

function build(asOf = '2026-11-27', p = profile, owner = 'user-1'): string {
  return buildCalendar({
    renewals: evaluateRenewals(catalog, p, asOf),
    plannedExams: [exam],
    appUrl: APP,
    asOf,
    catalog,
    owner,
  });
}

describe('buildCalendar', () => {
  it('gives all-day events for renewal dates and planned exams', () => {
    const list = events(build());
    expect(list.map((e) => [value(e, 'SUMMARY'), prop(e, 'DTSTART')?.params, value(e, 'DTSTART')])).toEqual([
      ['FACHE renewal applications open', 'VALUE=DATE', '20270101'],
      ['FACHE renewal due', 'VALUE=DATE', '20271231'],
      ['CPHQ exam', 'VALUE=DATE', '20270510'],
    ]);
    const due = list[1]!;
    // DTEND is exclusive: the next day.
    expect(prop(due, 'DTEND')).toEqual({ name: 'DTEND', params: 'VALUE=DATE', value: '20280101' });
    expect(value(due, 'DTSTAMP')).toBe('20261127T000000Z');
    expect(value(due, 'URL')).toBe('https://ache.org/fache/recertification');
    expect(unescape(value(due, 'DESCRIPTION'))).toBe(
      [
        '24 more ACHE credits needed (on 2026-11-27 you had 12 of 36 ACHE credits (12 of 12 ACHE In-Person Education)).',
        'Confirm the rules with the issuer before paying a fee: https://ache.org/fache/recertification',
        'About FACHE: https://pathways.example.org/certifications/FACHE',
      ].join('\n'),
    );
  });

  it('sets a display alarm 30 days before deadlines and exams', () => {
    const list = events(build());
    const alarms = list.map((e) => e.children.filter((c) => c.name === 'VALARM'));
    expect(alarms.map((a) => a.length)).toEqual([0, 1, 1]);
    expect(ALARM_DAYS_BEFORE).toBe(30);
    for (const [a] of alarms.slice(1)) {
      expect(value(a!, 'ACTION')).toBe('DISPLAY');
      expect(value(a!, 'TRIGGER')).toBe('-P30D');
    }
  });

  it('escapes commas, semicolons, backslashes and line breaks in text', () => {
    const cpqh = events(build()).find((e) => value(e, 'SUMMARY') === 'CPHQ exam')!;
    const raw = value(cpqh, 'DESCRIPTION')!;
    expect(raw).toContain('Bring ID\\, two pencils\\; arrive early\\\\ on time\\n');
    expect(unescape(raw)).toBe(
      [
        'Certified Professional in Healthcare Quality (CPHQ): the exam date you planned.',
        'Bring ID, two pencils; arrive early\\ on time',
        'Check your eligibility before the exam: https://pathways.example.org/certifications/CPHQ',
        "The issuer's page: https://nahq.org/individuals/cphq-certification/apply/",
      ].join('\n'),
    );
    // No raw (unescaped) comma or semicolon is left in a TEXT value.
    for (const e of events(build()))
      for (const name of ['SUMMARY', 'DESCRIPTION'])
        expect(value(e, name)!.replace(/\\[\\;,nN]/g, '')).not.toMatch(/[;,]/);
  });

  it('keeps UIDs stable when dates and progress change, and distinct per person', () => {
    const uids = (ics: string) => events(ics).map((e) => value(e, 'UID'));
    const now = uids(build());
    expect(new Set(now).size).toBe(now.length);
    expect(now).toEqual([
      expect.stringMatching(/^renewal-opens-fache-[0-9a-f]{12}@hm-pathways$/),
      expect.stringMatching(/^renewal-deadline-fache-[0-9a-f]{12}@hm-pathways$/),
      `exam-${exam.id}@hm-pathways`,
    ]);
    // A year later, more CE and a new expiry date: same events, updated.
    const later = makeProfile({
      credentials: [{ id: 'FACHE', expires: '2030-12-31' }],
      ce: [...profile.ce, { date: '2027-03-18', hours: 12, category: 'ache_in_person' }],
    });
    expect(uids(build('2027-11-27', later))).toEqual(now);
    expect(build()).toBe(build());
    // Someone else's FACHE deadline is another event.
    expect(uids(build('2026-11-27', profile, 'user-2')).slice(0, 2)).not.toEqual(now.slice(0, 2));
  });

  it('numbers the UID of a credential listed twice', () => {
    const twice = makeProfile({
      credentials: [
        { id: 'PMP', expires: '2027-06-30' },
        { id: 'PMP', expires: '2028-06-30' },
      ],
    });
    const uids = events(build('2026-11-27', twice)).map((e) => value(e, 'UID')!);
    expect(uids.filter((u) => u.startsWith('renewal-deadline-pmp'))).toEqual([
      expect.stringMatching(/^renewal-deadline-pmp-[0-9a-f]{12}@/),
      expect.stringMatching(/^renewal-deadline-pmp-2-[0-9a-f]{12}@/),
    ]);
  });

  it('gives an empty calendar when there is nothing dated', () => {
    const ics = buildCalendar({
      renewals: evaluateRenewals(catalog, makeProfile({}), '2026-11-27'),
      plannedExams: [],
      appUrl: APP,
      asOf: '2026-11-27',
    });
    expect(events(ics)).toEqual([]);
  });
});

describe('userCalendar', () => {
  it('builds the feed of a stored record', async () => {
    const storage = await openStorage({ databaseUrl: ':memory:', dataDir: '.' });
    try {
      await migrateToLatest(storage.db);
      const userId = '00000000-0000-4000-8000-0000000000c1';
      const at = '2026-11-28T12:00:00.000Z';
      await storage.db
        .insertInto('users')
        .values({
          id: userId,
          email: 'cal@example.org',
          display_name: 'Cal',
          password_hash: 'x',
          calendar_token_hash: null,
          created_at: at,
          updated_at: at,
        })
        .execute();
      await applyImport(storage.db, userId, profile, 'replace', { actor: 'session', at });
      await addPlannedExam(
        storage.db,
        userId,
        { certificationId: 'cphq', date: '2027-05-10' },
        { actor: 'session', at },
      );
      const ics = await userCalendar(storage.db, catalog, userId, { appUrl: APP, asOf: '2026-11-27' });
      expect(events(ics).map((e) => value(e, 'SUMMARY'))).toEqual([
        'FACHE renewal applications open',
        'FACHE renewal due',
        'CPHQ exam',
      ]);
    } finally {
      await storage.close();
    }
  });
});
