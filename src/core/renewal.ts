/**
 * Renewal tracking: for each credential a person holds, the current renewal cycle, the CE earned in
 * it per credit unit and category, what is left, and a status (on track, at risk, due, lapsed, ...)
 * with one sentence that uses the person's own numbers. docs/renewal.md explains the rules.
 *
 * Pure: "today" is the `asOf` argument (`YYYY-MM-DD`); every rule comes from the catalog (cycle
 * length, options, credit units and their conversions, category limits, grace period, when the
 * application opens). No certification is special-cased.
 *
 * A CE activity counts toward every credential whose renewal accepts it: each credential counts
 * the activity in its own credit unit (explicit credits in that unit, else hours converted by the
 * unit's stated contact hours), so one conference can count for the FACHE and the CPHQ at once.
 */
import type {
  Catalog,
  CeCategoryRule,
  Certification,
  RenewalAlignment,
  RenewalOption,
  Vocabulary,
} from '../catalog/schema.js';
import { countCredits, EPS, tallyCredits } from './credits.js';
import {
  addMonths,
  daysInMonth,
  fromDay,
  monthCoord,
  startDate,
  toDay,
  wholeMonthsBetween,
} from './dates.js';
import { ignoredCredentials, type IgnoredItem, OTHER_CREDENTIAL } from './ignored.js';
import type { Profile } from './profile.js';

/**
 * - `complete`: the CE of some renewal option is done for this cycle;
 * - `on_track`: not done, but at the pace so far it will be done in time;
 * - `at_risk`: at the pace so far it will not be done in time;
 * - `due`: the cycle ends within {@link DUE_WITHIN_DAYS} days and the CE is not done, or the cycle
 *   has ended and the issuer's grace period is running;
 * - `lapsed`: expired beyond any grace period, or marked lapsed in the profile;
 * - `not_required`: a lifetime credential;
 * - `credits_not_entered`: at the pace so far it would not be done in time, but CE hours in the
 *   cycle give nothing in the body's unit because their credits were not entered (and the unit has
 *   no stated conversion): the person is asked for the credits, not told they are at risk;
 * - `unknown`: the cycle, the requirement or the person's dates are not known (`reason` says which);
 * - `untracked`: not a certification in the catalog (e.g. a nursing licence).
 */
export type RenewalStatus =
  | 'complete'
  | 'on_track'
  | 'at_risk'
  | 'credits_not_entered'
  | 'due'
  | 'lapsed'
  | 'not_required'
  | 'unknown'
  | 'untracked';

/** A cycle ending within this many days (and not complete) is `due`. */
export const DUE_WITHIN_DAYS = 90;
/** The pace so far is measured over at least this many months, so a few days in it is not wild. */
export const MIN_ELAPSED_MONTHS = 1;

export interface CategoryProgress {
  category: string;
  label: string;
  min?: number;
  max?: number;
  /** This category's credits also count toward this one (e.g. Power Skills within Education). */
  within?: string;
  /** Credits recorded in the category in this cycle. */
  earned: number;
  /** What counts toward the total (`earned` capped at `max`). */
  counted: number;
  met: boolean;
}

/** Progress on one renewal option that asks for CE. */
export interface OptionProgress {
  id: string;
  label: string;
  unit: string;
  unitLabel: string;
  /** Total the option asks for; null when the catalog does not state it. */
  required: number | null;
  /** Credits that count toward the total in this cycle (category maximums applied). */
  earned: number;
  /** Fewest further credits that meet the option (total and every category minimum); null when unknown. */
  remaining: number | null;
  met: boolean | null;
  categories: CategoryProgress[];
  /** Hours of activities in the cycle that give nothing in this unit because it has no stated conversion. */
  uncountedHours: number;
  /** The issuer's further rules, in plain words (not checked). */
  rules: string[];
  /** This option's own status in the current cycle; null when its total is not known or the cycle has ended. */
  status: 'complete' | 'on_track' | 'at_risk' | 'due' | null;
  /** Credits a month so far (over at least {@link MIN_ELAPSED_MONTHS}); null before the cycle starts. */
  pacePerMonth: number | null;
  /** Credits a month needed from the as-of date to finish in time; null when met or unknown. */
  neededPerMonth: number | null;
}

export interface CredentialRenewal {
  /** The id as written in the profile. */
  credential: string;
  /** The catalog certification id; null when untracked. */
  certification: string | null;
  acronym: string;
  name: string;
  /** The issuer's page where the person should confirm. */
  url: string | null;
  status: RenewalStatus;
  /** One sentence with the person's numbers. */
  explanation: string;
  /** For `unknown` and `untracked`: why, and what to add when the person can fix it. */
  reason?: string;
  cycleMonths: number | null;
  /** The current cycle, both days inclusive. */
  window: { start: string; end: string } | null;
  /** Where the window comes from: the profile's expiry date, or cycles rolled forward from the earned date. */
  windowFrom: 'expires' | 'earned' | null;
  /** How the issuer lines the cycle up with the calendar (catalog `renewal.alignment.kind`). */
  alignment: RenewalAlignment['kind'] | null;
  /**
   * Share of the CE owed in this cycle: below 1 for a prorated first cycle of a shared calendar
   * (the totals in `options` are already scaled).
   */
  share: number;
  /**
   * Asked when a cycle could already have been renewed and nothing in the record says so: the
   * cycle ended (the engine assumed a renewal to roll forward from the earned date, or the recorded
   * expiry is past). The answer is kept as the credential's `expires` (and `status`).
   */
  renewalQuestion: RenewalQuestion | null;
  /** Last day a late renewal is accepted, when the catalog states a grace period. */
  graceEnds: string | null;
  /** First day of the renewal application, when the catalog states it. */
  applicationOpens: string | null;
  /** Days from the as-of date to the window's end (0 on the last day, negative after it). */
  daysLeft: number | null;
  /** CE options, in catalog order. */
  options: OptionProgress[];
  /** The option the status is judged on: a met one, else the one with the least left. */
  bestOption: string | null;
  /** Options that renew by passing the exam again. */
  examRoutes: { id: string; label: string }[];
  alsoRequired: string[];
  confidence: 'high' | 'medium' | 'low' | null;
  verifiedAsOf: string | null;
}

export interface RenewalQuestion {
  /** The cycle end the question is about. */
  cycleEnd: string;
  /** e.g. "Did you renew your CPHQ by 31 Dec 2026?" */
  question: string;
  /** What to store on the credential for "yes": renewed through the end of the next cycle. */
  ifYes: { expires: string; status: 'active' };
  /** What to store for "no"; null while a late renewal is still possible (nothing to record yet). */
  ifNo: { expires: string; status: 'active' | 'lapsed' } | null;
}

export interface RenewalReport {
  asOf: string;
  /** Parts of the profile no rule used (unknown or "other" credentials), with their paths. */
  ignored: IgnoredItem[];
  /** One entry per credential in the profile, in profile order. */
  credentials: CredentialRenewal[];
}

/** A dated event from a renewal report, for a calendar. */
export interface RenewalEvent {
  kind: 'renewal_deadline' | 'application_opens' | 'grace_ends';
  date: string;
  credential: string;
  certification: string;
  acronym: string;
  name: string;
  url: string | null;
  status: RenewalStatus;
  /** e.g. "FACHE renewal due". */
  title: string;
  /** What is left, in one sentence. */
  detail: string;
}

const round1 = (x: number) => Math.floor(x * 10 + EPS) / 10;
/** A shortfall rounded up to one decimal: 0.05 missing is "0.1 more", never "0 more". */
const gap1 = (x: number) => Math.ceil(x * 10 - EPS) / 10;
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
/** "Retake the CENP exam" → "retake the CENP exam"; "PDUs" stays. */
const lowerFirst = (s: string) => (/^[A-Z][a-z]/.test(s) ? s.charAt(0).toLowerCase() + s.slice(1) : s);

/** "ACHE credit" → "ACHE credits"; "PMI professional development unit (PDU)" → "... units (PDUs)". */
function unitWords(label: string, n: number): string {
  if (n === 1) return label;
  const m = /^(.*?)\s*\(([^()]+)\)$/.exec(label);
  if (m) return `${m[1]}s (${m[2]}s)`;
  return `${label}s`;
}

interface Labels {
  category: (id: string) => string;
  unit: (id: string) => string;
  credential: (id: string) => string | undefined;
  org: (id: string) => string;
}

function labelsOf(vocab: Vocabulary): Labels {
  const map = (list: readonly { id: string; label: string }[]) => new Map(list.map((x) => [x.id, x.label]));
  const cats = map(vocab.ceCategories);
  const units = map(vocab.creditUnits);
  const creds = new Map(vocab.credentials.map((c) => [c.id.toLowerCase(), c.label]));
  const orgs = new Map(vocab.organizations.map((o) => [o.id, o.acronym]));
  return {
    category: (id) => cats.get(id) ?? id,
    unit: (id) => units.get(id) ?? id,
    credential: (id) => creds.get(id.toLowerCase()),
    org: (id) => orgs.get(id) ?? id,
  };
}

type Held = Profile['credentials'][number];

interface Window {
  start: number;
  end: number;
  from: 'expires' | 'earned';
  /** Ends of earlier cycles that rolling forward from the earned date assumed were renewed. */
  assumed: number[];
  /** Share of the CE owed (prorated first cycle of a shared calendar). */
  share: number;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
/** "31 Dec 2026". */
function dayWords(day: number): string {
  const [y, m, d] = fromDay(day).split('-').map(Number);
  return `${d} ${MONTHS[m! - 1]} ${y}`;
}
const yearOf = (day: number) => Number(fromDay(day).slice(0, 4));
const monthIndex = (day: number) => yearOf(day) * 12 + Number(fromDay(day).slice(5, 7));
const ymd = (y: number, m: number, d: number) =>
  toDay(`${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`);
const monthEnd = (y: number, m: number) => ymd(y, m, daysInMonth(y, m));
function lastOfMonth(day: number): number {
  const [y, m] = fromDay(day).split('-').map(Number);
  return monthEnd(y!, m!);
}

/** The first cycle after earning the credential, as the issuer aligns it. */
function firstCycle(al: RenewalAlignment, months: number, earned: number): { start: number; end: number } {
  switch (al.kind) {
    case 'earned':
      return { start: earned, end: addMonths(earned, months) - 1 };
    case 'month_end':
      return { start: earned, end: lastOfMonth(addMonths(earned, months)) };
    case 'year_month_end':
      return { start: earned, end: monthEnd(yearOf(earned) + Math.floor(months / 12), al.month) };
    case 'next_january': {
      const start = ymd(yearOf(earned) + 1, 1, 1);
      return { start, end: addMonths(start, months) - 1 };
    }
    case 'shared_calendar': {
      const origin = toDay(al.firstCycleStart);
      const k = Math.floor((monthCoord(earned) - monthCoord(origin)) / months);
      const start = addMonths(origin, k * months);
      return { start: earned, end: addMonths(start, months) - 1 };
    }
  }
}

/**
 * The cycle to judge: ending on `expires`, else the one containing `asOf` rolled forward from the
 * first cycle after `earned` (or the first one when it has not started yet).
 */
function cycleWindow(
  held: Held,
  cycleMonths: number,
  alignment: RenewalAlignment,
  asOf: number,
): Window | undefined {
  const earned = held.earned ? toDay(startDate(held.earned)) : undefined;
  let w: Window;
  if (held.expires) {
    // As everywhere in profile@1 (and in eligibility), a month alone means its first day: the
    // deadline is never later than the person wrote. The full date gives the exact day.
    const end = toDay(startDate(held.expires));
    // The cycleMonths ending on `end`: from the day after the same date cycleMonths before, so that
    // consecutive cycles never share a day. CE from before the credential was earned never counts.
    const start = Math.max(addMonths(end, -cycleMonths) + 1, earned ?? -Infinity);
    w = { start: Math.min(start, end), end, from: 'expires', assumed: [], share: 1 };
  } else {
    if (earned === undefined || earned > asOf) return undefined;
    const first = firstCycle(alignment, cycleMonths, earned);
    const assumed: number[] = [];
    let { start, end } = first;
    if (alignment.kind === 'earned') {
      // Whole cycles from the earned date (the same day each time, clamped to short months).
      let k = 0;
      while (end < asOf && k < 2000) {
        assumed.push(end);
        k++;
        start = addMonths(earned, k * cycleMonths);
        end = addMonths(earned, (k + 1) * cycleMonths) - 1;
      }
    } else {
      // Aligned cycles start on the first of a month, so whole months keep them aligned.
      while (end < asOf && assumed.length < 2000) {
        assumed.push(end);
        start = end + 1;
        end = addMonths(start, cycleMonths) - 1;
      }
    }
    w = { start, end, from: 'earned', assumed, share: 1 };
  }
  if (alignment.kind === 'shared_calendar' && alignment.prorated && earned !== undefined) {
    const nominalStart = addMonths(w.end + 1, -cycleMonths);
    if (earned > nominalStart)
      // Whole calendar months left, the month of certifying included.
      w.share = Math.min(1, Math.max(0, monthIndex(w.end + 1) - monthIndex(earned)) / cycleMonths);
  }
  return w;
}

/** The end of the cycle that follows the one ending on `end`. */
const nextCycleEnd = (cycleMonths: number, end: number) => addMonths(end + 1, cycleMonths) - 1;

function applicationOpensOn(cert: Certification, end: number): number | undefined {
  const rule = cert.renewal.applicationOpens;
  if (!rule) return undefined;
  if ('monthsBefore' in rule) return addMonths(end, -rule.monthsBefore) + 1;
  return toDay(`${fromDay(end).slice(0, 4)}-01-01`);
}

function graceEndsOn(cert: Certification, end: number): number | undefined {
  const grace = cert.renewal.grace;
  if (!grace) return undefined;
  return 'days' in grace ? end + grace.days : addMonths(end, grace.months);
}

function optionProgress(
  option: RenewalOption & { ce: NonNullable<RenewalOption['ce']> },
  profile: Profile,
  vocab: Vocabulary,
  labels: Labels,
  from: number,
  to: number,
  share: number,
): OptionProgress {
  // A prorated cycle owes its share of the total and of each minimum, rounded up to whole credits.
  const scale = (x: number) => (share < 1 ? Math.ceil(x * share - EPS) : x);
  const rules: CeCategoryRule[] = (option.ce.categories ?? []).map((r) =>
    r.min === undefined ? r : { ...r, min: scale(r.min) },
  );
  const count = countCredits(profile.ce, option.ce.unit, vocab, from, to);
  const tally = tallyCredits(count.byCategory, rules, option.ce.otherCategory);
  const required = option.ce.total === undefined ? null : scale(option.ce.total);
  const remaining = required === null ? null : Math.max(required - tally.total, tally.categoryShortfall, 0);
  return {
    id: option.id,
    label: option.label,
    unit: option.ce.unit,
    unitLabel: labels.unit(option.ce.unit),
    required,
    earned: tally.total,
    remaining,
    met: remaining === null ? null : remaining <= EPS,
    categories: tally.categories.map((c, i) => {
      const within = rules[i]?.within;
      return { ...c, label: labels.category(c.category), ...(within ? { within } : {}) };
    }),
    uncountedHours: count.uncountedHours,
    rules: [...(option.ce.rules ?? [])],
    status: null,
    pacePerMonth: null,
    neededPerMonth: null,
  };
}

const down2 = (x: number) => Math.floor(x * 100 + EPS) / 100;
const up2 = (x: number) => Math.max(0, Math.ceil(x * 100 - EPS) / 100);

/**
 * Figures to two decimals once the status is decided (hours / contactHoursPerUnit can be 0.333...):
 * what was earned rounded down, what remains rounded up, so that neither is overstated.
 */
function rounded(o: OptionProgress): OptionProgress {
  const opt = (x: number | null, f: (x: number) => number) => (x === null ? null : f(x));
  return {
    ...o,
    earned: down2(o.earned),
    remaining: opt(o.remaining, up2),
    uncountedHours: down2(o.uncountedHours),
    pacePerMonth: opt(o.pacePerMonth, down2),
    neededPerMonth: opt(o.neededPerMonth, up2),
    categories: o.categories.map((c) => ({ ...c, earned: down2(c.earned), counted: down2(c.counted) })),
  };
}

type OptionStatus = NonNullable<OptionProgress['status']>;
const optionRank: Record<OptionStatus, number> = { complete: 0, on_track: 1, at_risk: 2, due: 3 };

/**
 * An option's status in a cycle that has not ended: complete; due when the end is near; on track
 * before the cycle starts; else by pace (credits a month so far against credits a month needed).
 */
function judgeOption(o: OptionProgress, w: Window, asOf: number): OptionProgress {
  if (o.required === null || o.remaining === null || asOf > w.end) return o;
  if (o.met) return { ...o, status: 'complete' };
  const monthsLeft = monthCoord(w.end + 1) - monthCoord(asOf + 1);
  const neededPerMonth = o.remaining / monthsLeft;
  if (asOf < w.start)
    return { ...o, status: w.end - asOf <= DUE_WITHIN_DAYS ? 'due' : 'on_track', neededPerMonth };
  const elapsed = Math.max(MIN_ELAPSED_MONTHS, monthCoord(asOf + 1) - monthCoord(w.start));
  const pacePerMonth = o.earned / elapsed;
  const status =
    w.end - asOf <= DUE_WITHIN_DAYS ? 'due' : neededPerMonth > pacePerMonth + EPS ? 'at_risk' : 'on_track';
  return { ...o, status, pacePerMonth, neededPerMonth };
}

/**
 * The option to judge the credential by: the best status, then the smallest share left. Judging
 * each option alone and keeping the best means more CE can never make the verdict worse.
 */
function pickBest(options: OptionProgress[]): OptionProgress | undefined {
  const share = (o: OptionProgress) => (o.met ? 0 : (o.remaining ?? Infinity) / (o.required ?? 1));
  const rank = (o: OptionProgress) => (o.status ? optionRank[o.status] : Infinity);
  return options
    .filter((o) => o.required !== null)
    .reduce<OptionProgress | undefined>(
      (best, o) =>
        best === undefined || rank(o) < rank(best) || (rank(o) === rank(best) && share(o) < share(best) - EPS)
          ? o
          : best,
      undefined,
    );
}

/** "12 of 36 ACHE credits (4 of 12 ACHE In-Person Education)". */
function progressWords(o: OptionProgress): string {
  const mins = o.categories
    .filter((c) => c.min !== undefined)
    // Progress toward a minimum: 14 credits against a minimum of 12 read "12 of 12".
    .map((c) => `${round1(Math.min(c.earned, c.min!))} of ${c.min} ${c.label}`);
  return `${round1(o.earned)} of ${o.required} ${unitWords(o.unitLabel, o.required ?? 2)}${mins.length ? ` (${mins.join(', ')})` : ''}`;
}

function uncountedWords(o: OptionProgress): string {
  return o.uncountedHours > EPS
    ? ` ${plural(round1(o.uncountedHours), 'hour')} of CE in this cycle give no ${unitWords(o.unitLabel, 2)}; if any were awarded, record them with the activity.`
    : '';
}

/** "14 months" (whole months from the as-of date to the end of the window), or "45 days" under a month. */
function timeLeftWords(asOf: number, end: number): string {
  const months = wholeMonthsBetween(asOf, end + 1);
  return months >= 1 ? plural(months, 'month') : plural(end - asOf + 1, 'day');
}

/**
 * Renewal status of every credential in a profile on `asOf`.
 *
 * @example
 * // FACHE expiring 2027-12-31, with 12 ACHE In-Person credits earned in 2025:
 * const report = evaluateRenewals(catalog, profile, '2025-12-31');
 * report.credentials[0]; // {credential: 'FACHE', status: 'on_track', daysLeft: 730,
 * //   explanation: 'You have 12 of 36 ACHE credits (12 of 12 ACHE In-Person Education) with 24 months
 * //   left; at your pace you will finish in time.', ...}
 */
export function evaluateRenewals(catalog: Catalog, profile: Profile, asOf: string): RenewalReport {
  const labels = labelsOf(catalog.vocabulary);
  const certs = new Map(catalog.certifications.map((c) => [c.id.toLowerCase(), c]));
  const asOfDay = toDay(asOf);
  return {
    asOf,
    ignored: ignoredCredentials(catalog, profile).filter(
      // Renewal matches ids in any case; only unknown and "other" credentials are ignored here.
      (i) => !i.message.includes('the catalog spells it'),
    ),
    credentials: profile.credentials.map((held) =>
      evaluateCredential(
        held,
        certs.get(held.id.toLowerCase()),
        profile,
        catalog.vocabulary,
        labels,
        asOfDay,
      ),
    ),
  };
}

function evaluateCredential(
  held: Held,
  cert: Certification | undefined,
  profile: Profile,
  vocab: Vocabulary,
  labels: Labels,
  asOf: number,
): CredentialRenewal {
  if (!cert) {
    const other = held.id === OTHER_CREDENTIAL;
    const label = other ? (held.name ?? 'This credential') : labels.credential(held.id);
    const what = other
      ? `${label}${held.issuer ? ` (${held.issuer})` : ''} is not a certification in the catalog`
      : label
        ? `${label} is not a certification in the catalog`
        : `"${held.id}" is not in the catalog`;
    const reason = `${what}, so its renewal is not tracked here; check with the body that issued it.`;
    return {
      credential: held.id,
      certification: null,
      acronym: other ? label! : held.id,
      name: label ?? held.id,
      url: null,
      status: 'untracked',
      explanation: reason,
      reason,
      cycleMonths: null,
      window: null,
      windowFrom: null,
      alignment: null,
      share: 1,
      renewalQuestion: null,
      graceEnds: null,
      applicationOpens: null,
      daysLeft: null,
      options: [],
      bestOption: null,
      examRoutes: [],
      alsoRequired: [],
      confidence: null,
      verifiedAsOf: null,
    };
  }
  const renewal = cert.renewal;
  const acr = cert.acronym;
  const issuer = labels.org(cert.issuer);
  const examRoutes = renewal.options.filter((o) => o.exam).map((o) => ({ id: o.id, label: o.label }));
  const base = {
    credential: held.id,
    certification: cert.id,
    acronym: acr,
    name: cert.name,
    url: renewal.url ?? cert.url,
    cycleMonths: renewal.cycleMonths ?? null,
    window: null,
    windowFrom: null,
    alignment: renewal.alignment?.kind ?? null,
    share: 1,
    renewalQuestion: null,
    graceEnds: null,
    applicationOpens: null,
    daysLeft: null,
    options: [],
    bestOption: null,
    examRoutes,
    alsoRequired: [...(renewal.alsoRequired ?? [])],
    confidence: renewal.confidence,
    verifiedAsOf: cert.verifiedAsOf,
  } satisfies Omit<CredentialRenewal, 'status' | 'explanation'>;
  const unknown = (reason: string): CredentialRenewal => ({
    ...base,
    status: 'unknown',
    explanation: reason,
    reason,
  });

  if (held.status === 'lapsed')
    return {
      ...base,
      status: 'lapsed',
      explanation: `You marked your ${acr} as lapsed${examRoutes.length ? `; to hold it again, ${lowerFirst(examRoutes[0]!.label)} or ask ${issuer}` : `; ask ${issuer} how to reinstate it`}.`,
    };
  if (renewal.lifetime)
    return {
      ...base,
      status: 'not_required',
      explanation: `${acr} is a lifetime credential: ${issuer} asks for no renewal.`,
    };
  if (renewal.cycleMonths === undefined)
    return unknown(
      `The catalog does not know how often ${acr} must be renewed; confirm with ${issuer} (${cert.url}).`,
    );
  const cycleMonths = renewal.cycleMonths;
  const alignment = renewal.alignment ?? { kind: 'earned' as const };
  if (!held.earned && !held.expires)
    return unknown(
      `Add the date you earned it or its expiry date: ${acr} renews every ${plural(cycleMonths, 'month')}, counted from then.`,
    );
  const w = cycleWindow(held, cycleMonths, alignment, asOf);
  if (!w)
    return unknown(
      `You earned ${acr} on ${held.earned}, after ${fromDay(asOf)}; its first cycle has not started yet.`,
    );

  const graceEnd = graceEndsOn(cert, w.end);
  const opens = applicationOpensOn(cert, w.end);
  const daysLeft = w.end - asOf;
  const ceOptions = renewal.options.filter(
    (o): o is RenewalOption & { ce: NonNullable<RenewalOption['ce']> } => o.ce !== undefined,
  );
  // CE dated after the as-of date has not happened yet.
  const options = ceOptions.map((o) =>
    rounded(
      judgeOption(
        optionProgress(o, profile, vocab, labels, w.start, Math.min(w.end, asOf), w.share),
        w,
        asOf,
      ),
    ),
  );
  const best = pickBest(options);
  const windowed = {
    ...base,
    window: { start: fromDay(w.start), end: fromDay(w.end) },
    windowFrom: w.from,
    share: Math.round(w.share * 1000) / 1000,
    renewalQuestion: renewalQuestionFor(cert, acr, w, cycleMonths, asOf),
    graceEnds: graceEnd === undefined ? null : fromDay(graceEnd),
    applicationOpens: opens === undefined ? null : fromDay(opens),
    daysLeft,
    options,
    bestOption: best?.id ?? null,
  };
  const end = fromDay(w.end);
  const examAlt = examRoutes.length ? ` Or: ${lowerFirst(examRoutes[0]!.label)}.` : '';
  const applyWords =
    opens === undefined
      ? ''
      : opens <= asOf
        ? ` Applications opened on ${fromDay(opens)}.`
        : ` Applications open on ${fromDay(opens)}.`;

  // Past the end of the cycle (only possible with an expiry date).
  if (asOf > w.end) {
    if (graceEnd !== undefined && asOf <= graceEnd) {
      const ce = best
        ? best.met
          ? `your ${lowerFirst(best.label)} requirement is complete`
          : `you had ${progressWords(best)} by then, and CE must be earned inside the cycle`
        : '';
      return {
        ...windowed,
        status: 'due',
        explanation: `Your ${acr} cycle ended on ${end}; ${issuer} accepts a late renewal until ${fromDay(graceEnd)}${ce ? `: ${ce}` : ''}.${examAlt}`,
      };
    }
    return {
      ...windowed,
      status: 'lapsed',
      explanation: `Your ${acr} expired on ${end}${graceEnd !== undefined ? ` (the late-renewal period ended on ${fromDay(graceEnd)})` : ''}. If you renewed it, add the new expiry date.${examAlt}`,
    };
  }

  const left = timeLeftWords(asOf, w.end);
  if (!best) {
    if (ceOptions.length > 0) {
      const reason = `The catalog does not state how many ${unitWords(labels.unit(ceOptions[0]!.ce.unit), 2)} ${acr} needs; your cycle ends on ${end}. Confirm with ${issuer} (${cert.url}).`;
      return { ...windowed, status: 'unknown', explanation: reason, reason };
    }
    if (examRoutes.length > 0)
      return {
        ...windowed,
        status: daysLeft <= DUE_WITHIN_DAYS ? 'due' : 'on_track',
        explanation: `${acr} is renewed by exam: ${lowerFirst(examRoutes[0]!.label)} by ${end} (${left} left).${applyWords}`,
      };
    const reason = `The catalog does not say how ${acr} is renewed; your cycle ends on ${end}. Confirm with ${issuer} (${cert.url}).`;
    return { ...windowed, status: 'unknown', explanation: reason, reason };
  }

  const uncounted = uncountedWords(best);
  const status = best.status!;
  const more = `${gap1(best.remaining!)} more ${unitWords(best.unitLabel, gap1(best.remaining!))}`;
  let explanation: string;
  if (status === 'complete')
    explanation = `You have ${progressWords(best)}: the CE for this cycle is complete; renew by ${end}.${applyWords}${renewal.alsoRequired?.length ? ' Check the other requirements too.' : ''}`;
  else if (status === 'due')
    explanation = `You have ${progressWords(best)} with ${left} left: ${more} needed by ${end}.${examAlt}${uncounted}`;
  else if (asOf < w.start)
    explanation = `Your current ${acr} cycle starts on ${fromDay(w.start)} and ends on ${end}; CE earned from then counts toward the ${best.required} ${unitWords(best.unitLabel, best.required ?? 2)} needed.`;
  else if (status === 'at_risk' && best.uncountedHours > EPS) {
    // The shortfall may only be credits the person was never asked for: ask, do not alarm.
    const unitRule = vocab.creditUnits.find((u) => u.id === best.unit)?.rule;
    return {
      ...windowed,
      status: 'credits_not_entered',
      explanation: `${plural(round1(best.uncountedHours), 'hour')} of CE in this cycle ${best.uncountedHours === 1 ? 'has' : 'have'} no ${unitWords(best.unitLabel, 2)} entered, and ${issuer} counts ${unitWords(best.unitLabel, 2)}, not hours: add the ${unitWords(best.unitLabel, 2)} each activity earned to see whether you are on track (${progressWords(best)} counted so far, ${left} left).${unitRule ? ` ${unitRule}` : ''}`,
    };
  } else if (status === 'at_risk')
    explanation = `You have ${progressWords(best)} with ${left} left; at your pace (${round1(best.pacePerMonth!)} a month) you will not finish in time: you need about ${gap1(best.neededPerMonth!)} a month from now.${uncounted}`;
  else
    explanation = `You have ${progressWords(best)} with ${left} left; at your pace you will finish in time.${uncounted}`;
  return { ...windowed, status, explanation };
}

/**
 * The dated events of a report: each cycle's end (the renewal deadline), and when the catalog
 * states them, the day renewal applications open and the last day of the late-renewal period.
 * Credentials without a known window, lapsed or lifetime ones give none. Sorted by date.
 *
 * @example
 * renewalDeadlines(evaluateRenewals(catalog, profile, '2026-11-27'));
 * // [{kind: 'application_opens', date: '2027-01-01', title: 'FACHE renewal applications open', ...},
 * //  {kind: 'renewal_deadline', date: '2027-12-31', title: 'FACHE renewal due', ...}]
 */
export function renewalDeadlines(report: RenewalReport): RenewalEvent[] {
  const events: RenewalEvent[] = [];
  for (const r of report.credentials) {
    if (!r.window || r.certification === null || r.status === 'lapsed' || r.status === 'not_required')
      continue;
    const common = {
      credential: r.credential,
      certification: r.certification,
      acronym: r.acronym,
      name: r.name,
      url: r.url,
      status: r.status,
    };
    const detail = deadlineDetail(r, report.asOf);
    if (r.applicationOpens && r.applicationOpens <= r.window.end)
      events.push({
        ...common,
        kind: 'application_opens',
        date: r.applicationOpens,
        title: `${r.acronym} renewal applications open`,
        detail,
      });
    events.push({
      ...common,
      kind: 'renewal_deadline',
      date: r.window.end,
      title: `${r.acronym} renewal due`,
      detail,
    });
    if (r.graceEnds)
      events.push({
        ...common,
        kind: 'grace_ends',
        date: r.graceEnds,
        title: `${r.acronym} late renewal ends`,
        detail: `Last day ${r.acronym} can be renewed late (usually with a late fee). ${detail}`,
      });
  }
  return events.sort(
    (a, b) =>
      a.date.localeCompare(b.date) || a.credential.localeCompare(b.credential) || kindOrder(a) - kindOrder(b),
  );
}

const kindOrder = (e: RenewalEvent) =>
  ['application_opens', 'renewal_deadline', 'grace_ends'].indexOf(e.kind);

/** What is left, for a calendar event. */
function deadlineDetail(r: CredentialRenewal, asOf: string): string {
  const best = r.options.find((o) => o.id === r.bestOption);
  if (!best) return r.reason ?? r.explanation;
  if (best.met) return `CE complete (${progressWords(best)}); apply and pay by ${r.window!.end}.`;
  const short = best.categories
    .filter((c) => !c.met && c.min !== undefined)
    .map((c) => `${gap1(c.min! - c.earned)} more ${c.label}`);
  return `${gap1(best.remaining!)} more ${unitWords(best.unitLabel, gap1(best.remaining!))} needed${short.length ? `, including ${short.join(', ')}` : ''} (on ${asOf} you had ${progressWords(best)}).`;
}

/**
 * The "did you renew?" question for a cycle that could already have been renewed: the last cycle
 * end that rolling forward from the earned date assumed was renewed, or a recorded expiry that is
 * past. "Yes" stores the end of the next cycle as the expiry; "no" stores the missed end (and
 * `lapsed` once no late renewal is possible).
 */
function renewalQuestionFor(
  cert: Certification,
  acr: string,
  w: Window,
  cycleMonths: number,
  asOf: number,
): RenewalQuestion | null {
  let asked: number;
  let yes: number;
  if (w.from === 'earned' && w.assumed.length > 0) {
    asked = w.assumed[w.assumed.length - 1]!;
    yes = w.end;
  } else if (w.from === 'expires' && asOf > w.end) {
    asked = w.end;
    yes = nextCycleEnd(cycleMonths, w.end);
    // A renewal that was due long ago: roll on to the cycle containing the as-of date.
    while (yes < asOf) yes = nextCycleEnd(cycleMonths, yes);
  } else return null;
  const graceEnd = graceEndsOn(cert, asked);
  const late = graceEnd !== undefined && asOf <= graceEnd;
  return {
    cycleEnd: fromDay(asked),
    question: `Did you renew your ${acr} by ${dayWords(asked)}?`,
    ifYes: { expires: fromDay(yes), status: 'active' },
    ifNo:
      w.from === 'expires' && late
        ? null
        : { expires: fromDay(asked), status: late || asOf <= asked ? 'active' : 'lapsed' },
  };
}
