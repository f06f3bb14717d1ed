/**
 * Renewal tracking against the built-in catalog: cycle windows and their edges, CE counting with
 * category minimums, maximums and sub-categories, the pace rule, grace periods, unknown and
 * untracked credentials, and the dated events a calendar is built from.
 */
import { describe, expect, it } from 'vitest';
import { builtinCatalog } from '../../test/support/catalog.js';
import { makeProfile, type ProfileParts } from '../../test/support/profiles.js';
import { tallyCredits } from './credits.js';
import {
  DUE_WITHIN_DAYS,
  evaluateRenewals,
  renewalDeadlines,
  type CredentialRenewal,
  type OptionProgress,
} from './renewal.js';

const catalog = await builtinCatalog();

type Ce = NonNullable<ProfileParts['ce']>[number];
type Held = NonNullable<ProfileParts['credentials']>[number];

/** The renewal of the first credential of a profile with these credentials and CE. */
function renewalOf(held: Held | Held[], ce: Ce[], asOf: string): CredentialRenewal {
  return renewalsOf(held, ce, asOf)[0]!;
}
function renewalsOf(held: Held | Held[], ce: Ce[], asOf: string): CredentialRenewal[] {
  const profile = makeProfile({ credentials: Array.isArray(held) ? held : [held], ce });
  return evaluateRenewals(catalog, profile, asOf).credentials;
}
const option = (r: CredentialRenewal, id = 'ce_route'): OptionProgress => r.options.find((o) => o.id === id)!;
const category = (r: CredentialRenewal, cat: string, id = 'ce_route') =>
  option(r, id).categories.find((c) => c.category === cat)!;

const inPerson = (date: string, hours: number): Ce => ({ date, hours, category: 'ache_in_person' });
const virtual = (date: string, hours: number): Ce => ({ date, hours, category: 'ache_virtual_interactive' });
const qualifying = (date: string, hours: number): Ce => ({ date, hours, category: 'ache_qualifying' });
const pdu = (date: string, amount: number, cat: string): Ce => ({
  date,
  hours: amount,
  credits: [{ unit: 'pmi_pdu', amount, category: cat }],
});

const FACHE = { id: 'FACHE', expires: '2027-12-31' } as const;

describe('cycle windows', () => {
  it('ends on the expiry date and covers exactly cycleMonths before it', () => {
    const r = renewalOf(FACHE, [], '2026-11-27');
    expect(r).toMatchObject({
      certification: 'FACHE',
      cycleMonths: 36,
      window: { start: '2025-01-01', end: '2027-12-31' },
      windowFrom: 'expires',
      daysLeft: 399,
      applicationOpens: '2027-01-01',
      graceEnds: null,
      url: 'https://ache.org/fache/recertification',
    });
  });

  it('reads an expiry month as its first day, as everywhere in profile@1', () => {
    const month = renewalOf({ id: 'CENP', expires: '2028-02' }, [], '2026-11-27');
    expect(month.window).toEqual({ start: '2025-02-02', end: '2028-02-01' });
    const day = renewalOf({ id: 'CENP', expires: '2028-02-29' }, [], '2026-11-27');
    expect(day.window).toEqual({ start: '2025-03-01', end: '2028-02-29' });
    // CENP: applications open 12 months before the end; 30 days' grace after it.
    expect(day.applicationOpens).toBe('2027-03-01');
    expect(day.graceEnds).toBe('2028-03-30');
  });

  it('never counts CE from before the credential was earned', () => {
    const r = renewalOf({ id: 'FACHE', earned: '2025-06-01', expires: '2027-12-31' }, [], '2026-11-27');
    expect(r.window).toEqual({ start: '2025-06-01', end: '2027-12-31' });
  });

  it('rolls cycles forward from the earned date when no expiry is given', () => {
    const held = { id: 'PMP', earned: '2020-03-15' };
    expect(renewalOf(held, [], '2026-11-27')).toMatchObject({
      window: { start: '2026-03-15', end: '2029-03-14' },
      windowFrom: 'earned',
    });
    // The last day of one cycle and the first day of the next.
    expect(renewalOf(held, [], '2026-03-14')).toMatchObject({
      window: { start: '2023-03-15', end: '2026-03-14' },
      daysLeft: 0,
    });
    expect(renewalOf(held, [], '2026-03-15').window).toEqual({ start: '2026-03-15', end: '2029-03-14' });
    // Earned on the as-of date: the first cycle starts that day.
    expect(renewalOf({ id: 'PMP', earned: '2026-11-27' }, [], '2026-11-27').window).toEqual({
      start: '2026-11-27',
      end: '2029-11-26',
    });
  });

  it('clamps month ends when rolling (31 January + 24 months is 31 January; no day is lost or shared)', () => {
    // CHDA's cycle is counted from the earned date.
    const r = renewalOf({ id: 'CHDA', earned: '2024-01-31' }, [], '2026-02-01');
    expect(r.window).toEqual({ start: '2026-01-31', end: '2028-01-30' });
  });
});

describe('counting CE in the window', () => {
  it('counts an activity on the first and on the last day, not the day before the start', () => {
    const ce = [inPerson('2024-12-31', 5), inPerson('2025-01-01', 12), virtual('2027-12-31', 1)];
    const lastDay = renewalOf(FACHE, ce, '2027-12-31');
    expect(option(lastDay).earned).toBe(13);
    expect(category(lastDay, 'ache_in_person').earned).toBe(12);
    // The day before: the last-day activity has not happened yet.
    expect(option(renewalOf(FACHE, ce, '2027-12-30')).earned).toBe(12);
  });

  it('reads an activity dated by month alone as that month’s first day', () => {
    const r = renewalOf(FACHE, [inPerson('2025-01', 12), inPerson('2024-12', 3)], '2026-11-27');
    expect(option(r).earned).toBe(12);
  });

  it('is complete with exactly enough, and one credit short is not', () => {
    const exact = [inPerson('2025-02-01', 12), virtual('2025-03-01', 24)];
    const done = renewalOf(FACHE, exact, '2026-11-27');
    expect(done.status).toBe('complete');
    expect(option(done)).toMatchObject({ required: 36, earned: 36, remaining: 0, met: true });
    expect(done.explanation).toBe(
      'You have 36 of 36 ACHE credits (12 of 12 ACHE In-Person Education): the CE for this cycle is complete; renew by 2027-12-31. Applications open on 2027-01-01. Check the other requirements too.',
    );
    const short = renewalOf(FACHE, [inPerson('2025-02-01', 12), virtual('2025-03-01', 23)], '2026-11-27');
    expect(short.status).not.toBe('complete');
    expect(option(short)).toMatchObject({ earned: 35, remaining: 1, met: false });
  });

  it('applies FACHE’s in-person minimum and its maximums, and counts other education as Qualifying', () => {
    const r = renewalOf(FACHE, [qualifying('2025-05-01', 30), inPerson('2025-06-01', 6)], '2026-11-27');
    expect(option(r).categories.map((c) => [c.category, c.min, c.max, c.earned, c.counted, c.met])).toEqual([
      ['ache_in_person', 12, undefined, 6, 6, false],
      ['ache_virtual_interactive', undefined, 24, 0, 0, true],
      ['ache_qualifying', undefined, 12, 30, 12, true],
    ]);
    expect(category(r, 'ache_in_person').label).toBe('ACHE In-Person Education');
    // 18 count toward 36; the 6 more in person are part of the 18 still needed.
    expect(option(r)).toMatchObject({ earned: 18, remaining: 18, met: false });
    // Plenty of credits, but the in-person minimum is not met: 6 in-person missing.
    const lots = renewalOf(FACHE, [virtual('2025-05-01', 40), inPerson('2025-06-01', 6)], '2026-11-27');
    expect(option(lots)).toMatchObject({ earned: 30, remaining: 6, met: false });
    // Education from other organisations (any other category, or none) is Qualifying Education.
    const other = renewalOf(
      FACHE,
      [
        inPerson('2025-06-01', 12),
        { date: '2025-07-01', hours: 20, category: 'quality_improvement' },
        { date: '2025-08-01', hours: 4 },
      ],
      '2026-11-27',
    );
    expect(category(other, 'ache_qualifying')).toMatchObject({ earned: 24, counted: 12 });
    expect(option(other)).toMatchObject({ earned: 24, remaining: 12 });
  });

  it('counts PMP Talent Triangle PDUs within Education and caps Giving Back', () => {
    const held = { id: 'PMP', expires: '2028-06-30' };
    const ce = [
      pdu('2026-01-10', 8, 'pmi_ways_of_working'),
      pdu('2026-02-10', 8, 'pmi_power_skills'),
      pdu('2026-03-10', 8, 'pmi_business_acumen'),
      pdu('2026-04-10', 11, 'pmi_education'),
      pdu('2026-05-10', 30, 'pmi_giving_back'),
    ];
    const r = renewalOf(held, ce, '2026-11-27');
    expect(category(r, 'pmi_education')).toMatchObject({ earned: 35, counted: 35, met: true });
    expect(category(r, 'pmi_power_skills')).toMatchObject({ within: 'pmi_education', earned: 8, met: true });
    expect(category(r, 'pmi_giving_back')).toMatchObject({ earned: 30, counted: 25, met: true });
    expect(option(r)).toMatchObject({ required: 60, earned: 60, remaining: 0 });
    expect(r.status).toBe('complete');

    // One Power Skills PDU short: 1 more needed, although the total is reached.
    const short = renewalOf(
      held,
      [...ce.slice(0, 1), pdu('2026-02-10', 7, 'pmi_power_skills'), ...ce.slice(2)],
      '2026-11-27',
    );
    expect(category(short, 'pmi_power_skills')).toMatchObject({ earned: 7, met: false });
    expect(option(short)).toMatchObject({ earned: 59, remaining: 1, met: false });
  });

  it('needs Education PDUs beyond the Talent Triangle minimums', () => {
    // 24 Talent Triangle PDUs count as Education; 11 more Education are needed, and 36 in all.
    const r = renewalOf(
      { id: 'PMP', expires: '2028-06-30' },
      [
        pdu('2026-01-10', 8, 'pmi_ways_of_working'),
        pdu('2026-02-10', 8, 'pmi_power_skills'),
        pdu('2026-03-10', 8, 'pmi_business_acumen'),
      ],
      '2026-11-27',
    );
    expect(category(r, 'pmi_education')).toMatchObject({ earned: 24, met: false });
    expect(option(r)).toMatchObject({ earned: 24, remaining: 36 });
  });

  it('takes explicit credits in the unit first, else converts hours, else reports them uncounted', () => {
    const ce: Ce[] = [
      // Explicit: 2 NAHQ credits for a 3-hour session.
      { date: '2026-02-01', hours: 3, credits: [{ unit: 'nahq_ce', amount: 2, category: 'nahq_approved' }] },
      // One NAHQ CE per hour: 5 hours in the category are 5 credits there.
      { date: '2026-03-01', hours: 5, category: 'nahq_approved' },
    ];
    const r = renewalOf({ id: 'CPHQ', expires: '2027-12-31' }, ce, '2026-11-27');
    expect(option(r)).toMatchObject({ earned: 7, uncountedHours: 0 });
    expect(category(r, 'nahq_approved')).toMatchObject({ earned: 7 });
    // PMI states no conversion from hours to PDUs: uncounted, and said so.
    const pmp = renewalOf(
      { id: 'PMP', expires: '2026-12-31' },
      [{ date: '2026-03-01', hours: 5, category: 'pmi_education' }],
      '2026-11-27',
    );
    expect(option(pmp)).toMatchObject({ earned: 0, uncountedHours: 5 });
    expect(pmp.explanation).toContain(
      '5 hours of CE in this cycle give no PMI professional development units (PDUs); if any were awarded, record them with the activity.',
    );
  });

  it('counts one activity for every credential that accepts it, each in its own unit', () => {
    const ce: Ce[] = [
      {
        date: '2026-04-20',
        hours: 10,
        category: 'ache_in_person',
        credits: [{ unit: 'nahq_ce', amount: 10, category: 'nahq_approved' }],
      },
    ];
    const [fache, cnml, cphq, pmp] = renewalsOf(
      [
        FACHE,
        { id: 'CNML', expires: '2028-03-31' },
        { id: 'CPHQ', expires: '2027-12-31' },
        { id: 'PMP', expires: '2028-03-31' },
      ],
      ce,
      '2026-11-27',
    );
    expect(category(fache!, 'ache_in_person').earned).toBe(10); // ACHE credit = 1 contact hour
    expect(option(cnml!).earned).toBe(10); // contact hours
    expect(category(cphq!, 'nahq_approved').earned).toBe(10); // explicit NAHQ credits
    expect(option(pmp!)).toMatchObject({ earned: 0, uncountedHours: 10 }); // PDUs are never guessed
  });
});

describe('status', () => {
  it('is on track or at risk by pace: credits a month so far against credits a month needed', () => {
    // 12 months elapsed (2025-01-01 to 2025-12-31), 24 left.
    const even = renewalOf(FACHE, [inPerson('2025-02-01', 12)], '2025-12-31');
    expect(even.status).toBe('on_track'); // 1 a month so far, 1 a month needed
    expect(option(even)).toMatchObject({ pacePerMonth: 1, neededPerMonth: 1 });
    expect(even.explanation).toBe(
      'You have 12 of 36 ACHE credits (12 of 12 ACHE In-Person Education) with 24 months left; at your pace you will finish in time.',
    );
    const behind = renewalOf(FACHE, [inPerson('2025-02-01', 11)], '2025-12-31');
    expect(behind.status).toBe('at_risk');
    expect(behind.explanation).toBe(
      'You have 11 of 36 ACHE credits (11 of 12 ACHE In-Person Education) with 24 months left; at your pace (0.9 a month) you will not finish in time: you need about 1.1 a month from now.',
    );
  });

  it('measures the pace over at least one month early in a cycle', () => {
    // Day one of the cycle: nothing earned is behind; 2 credits count as 2 a month, not 60.
    expect(renewalOf(FACHE, [], '2025-01-01').status).toBe('at_risk');
    const started = renewalOf(FACHE, [inPerson('2025-01-01', 2)], '2025-01-01');
    expect(started.status).toBe('on_track');
    expect(option(started).pacePerMonth).toBe(2);
  });

  it('is due within 90 days of the end when not complete, and complete wins', () => {
    const ce = [inPerson('2025-02-01', 12), virtual('2026-02-01', 20)];
    const before = renewalOf(FACHE, ce, '2027-10-01'); // 91 days left
    expect(before.daysLeft).toBe(DUE_WITHIN_DAYS + 1);
    expect(before.status).not.toBe('due');
    const due = renewalOf(FACHE, ce, '2027-10-02');
    expect(due.daysLeft).toBe(DUE_WITHIN_DAYS);
    expect(due.status).toBe('due');
    expect(due.explanation).toBe(
      'You have 32 of 36 ACHE credits (12 of 12 ACHE In-Person Education) with 2 months left: 4 more ACHE credits needed by 2027-12-31. Or: retake the Board of Governors Examination.',
    );
    expect(renewalOf(FACHE, [...ce, virtual('2027-10-01', 4)], '2027-10-02').status).toBe('complete');
  });

  it('shows progress toward a category minimum, not past it', () => {
    const r = renewalOf(FACHE, [inPerson('2025-02-01', 15)], '2025-12-31');
    expect(category(r, 'ache_in_person')).toMatchObject({ earned: 15, counted: 15 });
    expect(r.explanation).toMatch(/^You have 15 of 36 ACHE credits \(12 of 12 ACHE In-Person Education\)/);
  });

  it('says "days" in the last month', () => {
    expect(renewalOf(FACHE, [], '2027-12-20').explanation).toContain('with 12 days left');
  });

  it('is lapsed after the end, or marked lapsed; due during a grace period', () => {
    expect(renewalOf(FACHE, [], '2028-01-01')).toMatchObject({
      status: 'lapsed',
      daysLeft: -1,
      explanation:
        'Your FACHE expired on 2027-12-31. If you renewed it, add the new expiry date. Or: retake the Board of Governors Examination.',
    });
    expect(renewalOf({ ...FACHE, status: 'lapsed' }, [], '2026-11-27').status).toBe('lapsed');
    // CENP: 30 days' grace after the end of the expiry month.
    const cenp = { id: 'CENP', expires: '2026-10-31' };
    expect(renewalOf(cenp, [], '2026-11-30')).toMatchObject({ status: 'due', graceEnds: '2026-11-30' });
    expect(renewalOf(cenp, [], '2026-12-01').status).toBe('lapsed');
    // ASQ Black Belt: six months' grace.
    const bb = { id: 'ASQ_CSSBB', expires: '2026-06-30' };
    expect(renewalOf(bb, [], '2026-12-30').status).toBe('due');
    expect(renewalOf(bb, [], '2026-12-31').status).toBe('lapsed');
  });

  it('waits for a cycle that starts after the as-of date (CPHQ: from 1 January after certifying)', () => {
    const r = renewalOf({ id: 'CPHQ', earned: '2025-03-01', expires: '2027-12-31' }, [], '2025-11-27');
    expect(r).toMatchObject({ status: 'on_track', window: { start: '2026-01-01', end: '2027-12-31' } });
    expect(r.explanation).toBe(
      'Your current CPHQ cycle starts on 2026-01-01 and ends on 2027-12-31; CE earned from then counts toward the 30 NAHQ CE credits needed.',
    );
  });

  it('is not required for a lifetime credential', () => {
    expect(renewalOf({ id: 'ASQ_CSSGB', earned: '2020-01-01' }, [], '2026-11-27')).toMatchObject({
      status: 'not_required',
      window: null,
      explanation: 'CSSGB is a lifetime credential: ASQ asks for no renewal.',
    });
  });

  it('is unknown, with what to add, when dates are missing, and never guessed when the catalog does not know', () => {
    expect(renewalOf({ id: 'FACHE' }, [], '2026-11-27')).toMatchObject({
      status: 'unknown',
      window: null,
      reason:
        'Add the date you earned it or its expiry date: FACHE renews every 36 months, counted from then.',
    });
    expect(renewalOf({ id: 'CHCIO', earned: '2020-01-01' }, [], '2026-11-27')).toMatchObject({
      status: 'unknown',
      cycleMonths: null,
      window: null,
    });
    // The cycle is known but not how many credits: the deadline is still given.
    const cpxp = renewalOf({ id: 'CPXP', earned: '2025-01-01' }, [], '2026-11-27');
    expect(cpxp).toMatchObject({ status: 'unknown', window: { end: '2027-12-31' } });
    expect(cpxp.reason).toMatch(/does not state how many Beryl PXE credits CPXP needs/);
    const iassc = renewalOf({ id: 'IASSC_LSSBB', earned: '2025-01-01' }, [], '2026-11-27');
    expect(iassc).toMatchObject({ status: 'unknown', options: [], window: { end: '2027-12-31' } });
    // Earned after the as-of date.
    expect(renewalOf({ id: 'PMP', earned: '2027-01-01' }, [], '2026-11-27').status).toBe('unknown');
  });

  it('reports a credential the catalog does not track (a licence) as untracked, with the reason', () => {
    const [rn, other] = renewalsOf(
      [{ id: 'RN_LICENSE', earned: '2014-06' }, { id: 'STATE_ADMIN_LICENCE' }],
      [],
      '2026-11-27',
    );
    expect(rn).toMatchObject({
      status: 'untracked',
      certification: null,
      name: 'Registered nurse licence',
      reason:
        'Registered nurse licence is not a certification in the catalog, so its renewal is not tracked here; check with the body that issued it.',
    });
    expect(other).toMatchObject({ status: 'untracked', certification: null });
  });

  it('matches catalog ids case-insensitively and keeps the id as written', () => {
    const r = renewalOf({ id: 'fache', expires: '2027-12-31' }, [], '2026-11-27');
    expect(r).toMatchObject({ credential: 'fache', certification: 'FACHE', acronym: 'FACHE' });
  });

  it('lists the exam as the alternative route', () => {
    const r = renewalOf({ id: 'CNML', expires: '2028-03-31' }, [], '2026-11-27');
    expect(r.examRoutes).toEqual([{ id: 'exam_route', label: 'Retake the CNML exam' }]);
    expect(r.options.map((o) => o.id)).toEqual(['ce_route']);
  });
});

describe('the worked example in docs/renewal.md', () => {
  it('gives the numbers and the sentence the page shows', () => {
    const r = renewalOf(
      FACHE,
      [
        inPerson('2024-11-05', 8),
        inPerson('2025-03-18', 12),
        qualifying('2025-06-12', 6),
        virtual('2026-02-05', 3),
        { date: '2026-05-10', hours: 10, category: 'quality_improvement' },
      ],
      '2026-11-27',
    );
    expect(r).toMatchObject({
      status: 'on_track',
      window: { start: '2025-01-01', end: '2027-12-31' },
      daysLeft: 399,
      applicationOpens: '2027-01-01',
    });
    expect(option(r)).toMatchObject({
      earned: 27,
      remaining: 9,
      pacePerMonth: 1.17,
      neededPerMonth: 0.69,
    });
    expect(category(r, 'ache_qualifying')).toMatchObject({ earned: 16, counted: 12 });
    expect(r.explanation).toBe(
      'You have 27 of 36 ACHE credits (12 of 12 ACHE In-Person Education) with 13 months left; at your pace you will finish in time.',
    );
  });
});

describe('renewalDeadlines', () => {
  it('gives the deadline, the day applications open and the end of the grace period, by date', () => {
    const profile = makeProfile({
      credentials: [
        FACHE,
        { id: 'CPHQ', expires: '2027-12-31' },
        { id: 'RN_LICENSE', earned: '2014-06' },
        { id: 'ASQ_CSSGB' },
        { id: 'PMP', expires: '2025-01-31' }, // lapsed: no events
      ],
    });
    const events = renewalDeadlines(evaluateRenewals(catalog, profile, '2026-11-27'));
    expect(events.map((e) => [e.date, e.kind, e.title])).toEqual([
      ['2027-01-01', 'application_opens', 'FACHE renewal applications open'],
      ['2027-07-01', 'application_opens', 'CPHQ renewal applications open'],
      ['2027-12-31', 'renewal_deadline', 'CPHQ renewal due'],
      ['2027-12-31', 'renewal_deadline', 'FACHE renewal due'],
      ['2028-01-30', 'grace_ends', 'CPHQ late renewal ends'],
    ]);
    const fache = events.find((e) => e.kind === 'renewal_deadline' && e.certification === 'FACHE')!;
    expect(fache).toMatchObject({ url: 'https://ache.org/fache/recertification', status: 'at_risk' });
    expect(fache.detail).toBe(
      '36 more ACHE credits needed, including 12 more ACHE In-Person Education (on 2026-11-27 you had 0 of 36 ACHE credits (0 of 12 ACHE In-Person Education)).',
    );
  });
});

describe('tallyCredits', () => {
  it('counts categories the rule does not name in full, and each sub-category once', () => {
    const t = tallyCredits(
      new Map([
        ['', 5],
        ['a', 10],
        ['b', 4],
        ['c', 9],
      ]),
      [
        { category: 'a', min: 20 },
        { category: 'b', min: 5, within: 'a' },
        { category: 'c', max: 6 },
      ],
    );
    expect(t.total).toBe(5 + 14 + 6);
    expect(t.categories.map((c) => [c.category, c.earned, c.counted, c.met])).toEqual([
      ['a', 14, 14, false],
      ['b', 4, 4, false],
      ['c', 9, 6, true],
    ]);
    // a needs 6 more; b's 1 more is part of them.
    expect(t.categoryShortfall).toBe(6);
  });
});

describe("cycles as each body aligns them (the bodies' own examples)", () => {
  it('CPHQ: from 1 January of the year after certifying to 31 December of the next year (NAHQ)', () => {
    // NAHQ's table: exam in 2019, cycle 1 January 2020 to 31 December 2021, recertify by then.
    expect(renewalOf({ id: 'CPHQ', earned: '2019-06-15' }, [], '2020-05-01')).toMatchObject({
      window: { start: '2020-01-01', end: '2021-12-31' },
      windowFrom: 'earned',
      alignment: 'next_january',
      renewalQuestion: null,
    });
    // The example: earned in May 2024, first recertification due 31 December 2026.
    const r = renewalOf({ id: 'CPHQ', earned: '2024-05-15' }, [], '2026-12-02');
    expect(r).toMatchObject({ window: { start: '2025-01-01', end: '2026-12-31' }, daysLeft: 29 });
    // Before the first cycle starts, CE does not count yet and the dates are still shown.
    const before = renewalOf(
      { id: 'CPHQ', earned: '2024-05-15' },
      [{ date: '2024-09-01', hours: 6, category: 'nahq_approved' }],
      '2024-10-01',
    );
    expect(before).toMatchObject({ window: { start: '2025-01-01', end: '2026-12-31' }, status: 'on_track' });
    expect(option(before).earned).toBe(0);
  });

  it('CENP, CPHRM, CPPS, CNML, CAHIMS and CPHIMS: three years, ending on the last day of the month', () => {
    for (const id of ['CENP', 'CPHRM', 'CPPS', 'CNML', 'CAHIMS', 'CPHIMS'])
      expect(renewalOf({ id, earned: '2024-05-15' }, [], '2026-12-02'), id).toMatchObject({
        window: { start: '2024-05-15', end: '2027-05-31' },
        alignment: 'month_end',
      });
    // The next cycle starts on the first of the next month.
    expect(renewalOf({ id: 'CENP', earned: '2024-05-15' }, [], '2027-06-01').window).toEqual({
      start: '2027-06-01',
      end: '2030-05-31',
    });
  });

  it('FACHE: renewed in the calendar year the Fellow status expires (31 December)', () => {
    expect(renewalOf({ id: 'FACHE', earned: '2024-06-10' }, [], '2026-12-02')).toMatchObject({
      window: { start: '2024-06-10', end: '2027-12-31' },
      applicationOpens: '2027-01-01',
      alignment: 'year_month_end',
    });
  });

  it('CHFP: the reporting period ends on 31 May of the good-through year', () => {
    expect(renewalOf({ id: 'CHFP', earned: '2024-08-10' }, [], '2026-12-02')).toMatchObject({
      window: { start: '2024-08-10', end: '2027-05-31' },
    });
    // The good-through date recorded from the certificate wins.
    expect(
      renewalOf({ id: 'CHFP', earned: '2024-08-10', expires: '2028-05-31' }, [], '2026-12-02'),
    ).toMatchObject({ window: { end: '2028-05-31' }, windowFrom: 'expires' });
  });

  it('CMPE: one shared calendar cycle (2022-2024, 2025-2027); a part cycle owes its share of the CE', () => {
    const full = renewalOf({ id: 'CMPE', earned: '2021-03-01' }, [], '2026-12-02');
    expect(full).toMatchObject({ window: { start: '2025-01-01', end: '2027-12-31' }, share: 1 });
    expect(option(full).required).toBe(50);
    // Certified in June 2026: 19 of the cycle's 36 months are left, so 27 of the 50 hours are owed.
    const part = renewalOf({ id: 'CMPE', earned: '2026-06-15' }, [], '2026-12-02');
    expect(part).toMatchObject({ window: { start: '2026-06-15', end: '2027-12-31' }, share: 0.528 });
    expect(option(part).required).toBe(27);
  });

  it('PMP and the others without a stated alignment: counted from the earned date', () => {
    expect(renewalOf({ id: 'PMP', earned: '2023-03-15' }, [], '2026-01-02')).toMatchObject({
      window: { start: '2023-03-15', end: '2026-03-14' },
      alignment: 'earned',
    });
  });

  it('every certification with a cycle says how it lines up with the calendar', () => {
    for (const c of catalog.certifications)
      if (c.renewal.cycleMonths !== undefined) expect(c.renewal.alignment, c.id).toBeDefined();
  });
});

describe('"did you renew?"', () => {
  it('asks about the last cycle end the engine rolled past, and says what each answer stores', () => {
    // CPHQ earned in 2019: cycles 2020-2021, 2022-2023, 2024-2025 ended; 2026-2027 is current.
    const r = renewalOf({ id: 'CPHQ', earned: '2019-06-15' }, [], '2026-12-02');
    expect(r.window).toEqual({ start: '2026-01-01', end: '2027-12-31' });
    expect(r.renewalQuestion).toEqual({
      cycleEnd: '2025-12-31',
      question: 'Did you renew your CPHQ by 31 Dec 2025?',
      ifYes: { expires: '2027-12-31', status: 'active' },
      // The 30-day late period is over: "no" means lapsed.
      ifNo: { expires: '2025-12-31', status: 'lapsed' },
    });
    // Answered yes: the expiry is recorded and the question is not asked again.
    const yes = renewalOf({ id: 'CPHQ', earned: '2019-06-15', expires: '2027-12-31' }, [], '2026-12-02');
    expect(yes).toMatchObject({ windowFrom: 'expires', renewalQuestion: null });
    // Answered no: lapsed, and not asked again.
    const no = renewalOf(
      { id: 'CPHQ', earned: '2019-06-15', expires: '2025-12-31', status: 'lapsed' },
      [],
      '2026-12-02',
    );
    expect(no).toMatchObject({ status: 'lapsed', renewalQuestion: null });
  });

  it('asks when a recorded expiry is past; during the late period "no" stores nothing yet', () => {
    const lapsed = renewalOf(FACHE, [], '2028-03-01');
    expect(lapsed.status).toBe('lapsed');
    expect(lapsed.renewalQuestion).toEqual({
      cycleEnd: '2027-12-31',
      question: 'Did you renew your FACHE by 31 Dec 2027?',
      ifYes: { expires: '2030-12-31', status: 'active' },
      ifNo: { expires: '2027-12-31', status: 'lapsed' },
    });
    const late = renewalOf({ id: 'CPHQ', expires: '2026-12-31' }, [], '2027-01-15');
    expect(late.status).toBe('due');
    expect(late.renewalQuestion).toMatchObject({ cycleEnd: '2026-12-31', ifNo: null });
    // A cycle that has not ended: nothing to ask.
    expect(renewalOf(FACHE, [], '2026-11-27').renewalQuestion).toBeNull();
  });
});

describe("CE in the body's own unit", () => {
  it('a 6-hour NAHQ-approved course counts toward CPHQ without credits typed', () => {
    const r = renewalOf(
      { id: 'CPHQ', earned: '2024-05-15' },
      [{ date: '2025-03-01', hours: 6, category: 'nahq_approved' }],
      '2025-06-01',
    );
    expect(category(r, 'nahq_approved')).toMatchObject({ earned: 6, met: false });
    expect(option(r)).toMatchObject({ earned: 6, uncountedHours: 0 });
  });

  it('the NAHQ Professional Assessment counts within the 8 NAHQ-approved credits', () => {
    const r = renewalOf(
      { id: 'CPHQ', earned: '2024-05-15' },
      [
        { date: '2025-03-01', hours: 6, category: 'nahq_approved' },
        { date: '2025-04-01', hours: 2, category: 'nahq_professional_assessment' },
      ],
      '2025-06-01',
    );
    expect(category(r, 'nahq_approved')).toMatchObject({ earned: 8, met: true });
    expect(option(r).earned).toBe(8);
  });

  it('never "at risk" for a unit the person was not asked for: "credits not entered" instead', () => {
    // 30 hours of PMI education without PDUs, half-way through the cycle.
    const ce: Ce[] = [{ date: '2025-03-01', hours: 30, category: 'pmi_education' }];
    const r = renewalOf({ id: 'PMP', earned: '2024-03-15' }, ce, '2025-09-15');
    expect(r.status).toBe('credits_not_entered');
    expect(r.explanation).toMatch(
      /^30 hours of CE in this cycle have no PMI professional development units \(PDUs\) entered, and PMI counts/,
    );
    expect(r.explanation).toContain("PMI's Continuing Certification Requirements system");
    // With no CE at all the pace verdict stands.
    expect(renewalOf({ id: 'PMP', earned: '2024-03-15' }, [], '2025-09-15').status).toBe('at_risk');
  });
});
