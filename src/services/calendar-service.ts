/**
 * The learner's calendar (iCalendar, RFC 5545): renewal deadlines, the days renewal applications
 * open and late-renewal periods end, and planned exams, as all-day events a calendar app can
 * subscribe to.
 *
 * UIDs are stable: a renewal event is identified by the person, the credential and the kind of
 * event (not its date), and a planned exam by its id, so when a date or the progress changes a
 * calendar app updates the event instead of adding a second one.
 */
import { createHash } from 'node:crypto';
import ical, { ICalAlarmType } from 'ical-generator';
import type { Kysely, Transaction } from 'kysely';
import type { Catalog } from '../catalog/schema.js';
import { fromDay, toDay } from '../core/dates.js';
import {
  evaluateRenewals,
  renewalDeadlines,
  type RenewalEvent,
  type RenewalReport,
} from '../core/renewal.js';
import type { Database } from '../storage/tables.js';
import { listPlannedExams, loadProfile, type PlannedExam } from './record-service.js';

type Db = Kysely<Database> | Transaction<Database>;

/** Reminders fire this many days before a deadline or an exam. */
export const ALARM_DAYS_BEFORE = 30;
const UID_DOMAIN = 'hm-pathways';

export interface CalendarInput {
  renewals: RenewalReport;
  plannedExams: readonly PlannedExam[];
  /**
   * The app's public URL (PUBLIC_URL), e.g. `https://pathways.example.org`, for links in
   * descriptions; empty: no links to the app (a calendar app cannot follow a relative one).
   */
  appUrl: string;
  /** The day the calendar is built (`YYYY-MM-DD`): its DTSTAMP, so the output is reproducible. */
  asOf: string;
  /** Names and issuer pages for planned exams; without it the certification id is shown. */
  catalog?: Catalog;
  /**
   * Whose calendar this is (e.g. the user id): hashed into renewal UIDs so that two people's
   * FACHE deadlines stay two events in a manager's calendar app. Never shown.
   */
  owner?: string;
}

const kindSlug: Record<RenewalEvent['kind'], string> = {
  renewal_deadline: 'deadline',
  application_opens: 'opens',
  grace_ends: 'grace',
};

const slug = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

/** The day after `iso` (DTEND of an all-day event is exclusive). */
const nextDay = (iso: string) => fromDay(toDay(iso) + 1);

/**
 * Builds the iCalendar text. All-day events; a display alarm {@link ALARM_DAYS_BEFORE} days before
 * each renewal deadline and each planned exam.
 *
 * @example
 * const ics = buildCalendar({
 *   renewals: evaluateRenewals(catalog, profile, '2026-11-27'),
 *   plannedExams: [{ id, certificationId: 'CPHQ', date: '2027-05-10', note: null, createdAt }],
 *   appUrl: 'https://pathways.example.org',
 *   asOf: '2026-11-27',
 *   catalog,
 *   owner: userId,
 * });
 * // BEGIN:VCALENDAR ... SUMMARY:FACHE renewal due ... DTSTART;VALUE=DATE:20271231 ...
 */
export function buildCalendar(input: CalendarInput): string {
  const appUrl = input.appUrl.replace(/\/+$/, '');
  const stamp = `${input.asOf}T00:00:00.000Z`;
  const owner = input.owner ? `-${createHash('sha256').update(input.owner).digest('hex').slice(0, 12)}` : '';
  const certs = new Map((input.catalog?.certifications ?? []).map((c) => [c.id.toLowerCase(), c]));
  const calendar = ical({
    name: 'Healthcare Management Pathways: renewals and exams',
    prodId: { company: 'Healthcare Management Pathways', product: 'pathways', language: 'EN' },
  });
  const alarm = (summary: string) => ({
    type: ICalAlarmType.display,
    trigger: ALARM_DAYS_BEFORE * 86_400,
    description: summary,
  });

  // A credential listed twice in the profile gets a numbered UID the second time.
  const seen = new Map<string, number>();
  for (const e of renewalDeadlines(input.renewals)) {
    const base = `renewal-${kindSlug[e.kind]}-${slug(e.credential)}`;
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    const page = appUrl ? `${appUrl}/certifications/${encodeURIComponent(e.certification)}` : undefined;
    calendar.createEvent({
      id: `${base}${n > 1 ? `-${n}` : ''}${owner}@${UID_DOMAIN}`,
      allDay: true,
      start: e.date,
      end: nextDay(e.date),
      stamp,
      summary: e.title,
      description: [
        e.detail,
        e.url ? `Confirm the rules with the issuer before paying a fee: ${e.url}` : '',
        page ? `About ${e.acronym}: ${page}` : '',
      ]
        .filter(Boolean)
        .join('\n'),
      url: e.url ?? page ?? null,
      alarms: e.kind === 'renewal_deadline' ? [alarm(e.title)] : [],
    });
  }

  for (const exam of input.plannedExams) {
    const cert = certs.get(exam.certificationId.toLowerCase());
    const acronym = cert?.acronym ?? exam.certificationId;
    const page = appUrl
      ? `${appUrl}/certifications/${encodeURIComponent(cert?.id ?? exam.certificationId)}`
      : undefined;
    const summary = `${acronym} exam`;
    calendar.createEvent({
      id: `exam-${exam.id}@${UID_DOMAIN}`,
      allDay: true,
      start: exam.date,
      end: nextDay(exam.date),
      stamp,
      summary,
      description: [
        cert
          ? `${cert.name} (${acronym}): the exam date you planned.`
          : `${acronym}: the exam date you planned.`,
        exam.note ?? '',
        page ? `Check your eligibility before the exam: ${page}` : '',
        cert ? `The issuer's page: ${cert.url}` : '',
      ]
        .filter(Boolean)
        .join('\n'),
      url: cert?.url ?? page ?? null,
      alarms: [alarm(summary)],
    });
  }
  // RFC 5545 ends every content line, the last one included, with CRLF; ical-generator omits the last.
  const text = calendar.toString();
  return text.endsWith('\r\n') ? text : `${text}\r\n`;
}

/**
 * The calendar of one user: renewals of the credentials in their record on `asOf` and their
 * planned exams.
 *
 * @example
 * reply.type('text/calendar; charset=utf-8').send(
 *   await userCalendar(db, catalog, userId, { appUrl: config.publicUrl, asOf: today }),
 * );
 */
export async function userCalendar(
  db: Db,
  catalog: Catalog,
  userId: string,
  opts: { appUrl: string; asOf: string },
): Promise<string> {
  const profile = await loadProfile(db, userId);
  const plannedExams = await listPlannedExams(db, userId);
  return buildCalendar({
    renewals: evaluateRenewals(catalog, profile, opts.asOf),
    plannedExams,
    appUrl: opts.appUrl,
    asOf: opts.asOf,
    catalog,
    owner: userId,
  });
}
