/**
 * The eligibility engine: for each certification and each eligibility pathway, every condition
 * with `met`, `required`, `actual` and a one-sentence explanation; `eligible` when any pathway
 * holds; `earliestEligible` = the as-of date when eligible now, the projected date when only
 * time is missing (current jobs continuing at their FTE, memberships continuing, degrees
 * completing on their expected date), else null.
 *
 * Pure: rules are catalog data, "today" is the `asOf` argument. No certification is special-cased.
 */
import type {
  Catalog,
  Certification,
  Condition,
  EducationLevel,
  RuleSet,
  Vocabulary,
} from '../catalog/schema.js';
import { educationLevels } from '../catalog/schema.js';
import {
  addMonths,
  dayAtOrAfterCoord,
  endDate,
  fromDay,
  monthCoord,
  startDate,
  toDay,
  wholeMonthsBetween,
} from './dates.js';
import {
  accrualRate,
  fteMonths,
  HOURS_PER_FTE_MONTH,
  kindsList,
  workIntervals,
  type WorkInterval,
} from './experience.js';
import type { Profile } from './profile.js';

export type EligibilityStatus = 'eligible' | 'eligible_soon' | 'needs_more_than_time' | 'unknown';

export interface ConditionResult {
  id?: string;
  type: Condition['type'];
  stage: 'apply' | 'certification';
  met: boolean;
  required: number | string | string[] | null;
  actual: number | string | string[] | null;
  unit?: string;
  kinds?: string[];
  /** One sentence: what holds, or what is missing and how to get it. */
  explanation: string;
  /** The catalog's plain-language statement of the rule. */
  summary?: string;
  confidence?: 'high' | 'medium' | 'low';
  /** When this condition alone will hold if things go on as they are; null = not by time alone. */
  projected?: string | null;
}

export interface PathwayResult {
  id: string;
  label: string;
  eligible: boolean;
  earliestEligible: string | null;
  conditions: ConditionResult[];
}

export interface CertificationResult {
  certification: string;
  acronym: string;
  name: string;
  /** null when the catalog does not know the rules. */
  eligible: boolean | null;
  earliestEligible: string | null;
  status: EligibilityStatus;
  /** The rule set applied: the one in force on the as-of date. */
  rules: { effectiveFrom: string | null; effectiveUntil: string | null } | null;
  pathways: PathwayResult[];
  confidence: 'high' | 'medium' | 'low';
  verifiedAsOf: string;
  url: string;
  notice: string;
}

export interface EligibilityReport {
  asOf: string;
  results: CertificationResult[];
}

const levelRank: Record<EducationLevel, number> = Object.fromEntries(
  educationLevels.map((l, i) => [l, i + 1]),
) as Record<EducationLevel, number>;
const levelWords: Record<EducationLevel, string> = {
  high_school: 'a high-school diploma',
  associate: 'an associate degree',
  bachelor: "a bachelor's degree",
  master: "a master's degree",
  doctorate: 'a doctorate',
};

const HORIZON_MONTHS = 40 * 12;
const EPS = 1e-6;

/** Facts derived from a profile once per as-of date and reused by every condition. */
class Facts {
  readonly intervals: WorkInterval[];
  private readonly monthsCache = new Map<string, number>();
  constructor(
    readonly profile: Profile,
    readonly asOfDay: number,
  ) {
    this.intervals = workIntervals(profile.positions, asOfDay);
  }
  months(expr: Condition & { type: 'experience' }, windowMonths?: number): number {
    // Kind expressions come from the frozen catalog, so the object itself identifies them.
    const key = `${kindKey(expr.kinds)}|${windowMonths ?? ''}`;
    let v = this.monthsCache.get(key);
    if (v === undefined) {
      const from = windowMonths ? addMonths(this.asOfDay, -windowMonths) + 1 : -Infinity;
      v = fteMonths(this.intervals, expr.kinds, from, this.asOfDay + 1);
      this.monthsCache.set(key, v);
    }
    return v;
  }
}

const kindKeys = new WeakMap<object, string>();
function kindKey(k: string | { allOf: string[] } | { anyOf: string[] }): string {
  if (typeof k === 'string') return k;
  let key = kindKeys.get(k);
  if (key === undefined) {
    key = JSON.stringify(k);
    kindKeys.set(k, key);
  }
  return key;
}

interface Labels {
  kind: (id: string) => string;
  credential: (id: string) => string;
  org: (id: string) => string;
  category: (id: string) => string;
  unit: (id: string) => string;
  field: (id: string) => string;
  attestation: (id: string) => string;
}

function labelsOf(vocab: Vocabulary, catalog?: Catalog): Labels {
  const map = (list: { id: string; label: string }[]) => {
    const m = new Map(list.map((x) => [x.id, x.label]));
    return (id: string) => m.get(id) ?? id;
  };
  const certs = new Map((catalog?.certifications ?? []).map((c) => [c.id, `${c.acronym} (${c.name})`]));
  const creds = map(vocab.credentials);
  const orgs = new Map(vocab.organizations.map((o) => [o.id, o.acronym]));
  const atts = new Map(vocab.attestations.map((a) => [a.id, a.statement]));
  return {
    kind: map(vocab.experienceKinds),
    credential: (id) => certs.get(id) ?? creds(id),
    org: (id) => orgs.get(id) ?? id,
    category: map(vocab.ceCategories),
    unit: map(vocab.creditUnits),
    field: map(vocab.degreeFields),
    attestation: (id) => atts.get(id) ?? id,
  };
}

function kindPhrase(
  c: { kinds: Condition extends never ? never : string | { allOf: string[] } | { anyOf: string[] } },
  labels: Labels,
): string {
  const k = c.kinds;
  const lower = (id: string) => {
    const l = labels.kind(id);
    return /^[A-Z]{2}/.test(l) ? l : l.charAt(0).toLowerCase() + l.slice(1);
  };
  if (typeof k === 'string') return lower(k);
  if ('allOf' in k) return k.allOf.map(lower).join(' + ');
  return k.anyOf.map(lower).join(' or ');
}

const round1 = (x: number) => Math.floor(x * 10 + EPS) / 10;
/** A shortfall rounded up to one decimal: 0.05 hours missing is "0.1 more", never "0 more". */
const gap1 = (x: number) => Math.ceil(x * 10 - EPS) / 10;
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
/** "March 2028" for 2028-03-xx (a table, not Intl: this runs for every projected date). */
const monthName = (iso: string) => `${MONTHS[+iso.slice(5, 7) - 1]} ${iso.slice(0, 4)}`;

/** Whether a degree's free-text field satisfies a catalog degree-field id (omitted = any field). */
export function fieldMatches(field: string | undefined, required: string | undefined): boolean {
  if (!required) return true;
  const f = (field ?? '').toLowerCase();
  const nursing = /nurs|\bbsn\b|\bmsn\b|\bdnp\b|\badn\b/.test(f);
  if (required === 'nursing') return nursing;
  if (required === 'non_nursing') return f.length > 0 && !nursing;
  if (required === 'nursing_administration') return nursing && /admin|leader|manag|executive/.test(f);
  return f.replace(/[^a-z0-9]+/g, '_').includes(required.toLowerCase());
}

interface Eval {
  result: ConditionResult;
  /** Day this condition will hold by time alone; null = not by time; undefined = met. */
  earliestDay?: number | null;
}

function evaluateCondition(c: Condition, facts: Facts, labels: Labels, vocab: Vocabulary): Eval {
  const asOf = facts.asOfDay;
  const base = {
    id: c.id,
    type: c.type,
    stage: c.stage ?? 'apply',
    summary: c.summary,
    ...(c.confidence ? { confidence: c.confidence } : {}),
  } as const;
  const p = facts.profile;
  switch (c.type) {
    case 'education': {
      const rank = levelRank[c.minLevel];
      let best: EducationLevel | undefined;
      let expected: { level: EducationLevel; day: number } | undefined;
      // A `completed` month alone means its first day (profile format v1: only a job's `end`
      // means the month's last day), so a degree completed "2026-11" counts from 2026-11-01.
      const completedDay = (e: Profile['education'][number]) =>
        e.completed ? toDay(startDate(e.completed)) : -Infinity;
      for (const e of p.education) {
        if (!fieldMatches(e.field, c.field)) continue;
        const done = completedDay(e) <= asOf;
        if (done) {
          if (!best || levelRank[e.level] > levelRank[best]) best = e.level;
        } else if (levelRank[e.level] >= rank) {
          const day = completedDay(e);
          if (!expected || day < expected.day) expected = { level: e.level, day };
        }
      }
      const credits =
        c.orCollegeCreditHours !== undefined && (p.collegeCreditHours ?? 0) >= c.orCollegeCreditHours;
      const highest = p.education
        .filter((e) => completedDay(e) <= asOf)
        .reduce<EducationLevel | undefined>(
          (a, e) => (!a || levelRank[e.level] > levelRank[a] ? e.level : a),
          undefined,
        );
      const met = (best !== undefined && levelRank[best] >= rank) || credits;
      const fieldWords = c.field ? ` in ${labels.field(c.field).toLowerCase()}` : '';
      const need = `${levelWords[c.minLevel]} or higher${fieldWords}${c.orCollegeCreditHours ? ` (or ${c.orCollegeCreditHours} college credit hours)` : ''}`;
      let explanation: string;
      if (met)
        explanation =
          credits && !(best && levelRank[best] >= rank)
            ? `Your ${p.collegeCreditHours} college credit hours count instead of ${levelWords[c.minLevel]}.`
            : `You have ${levelWords[best!]}${fieldWords}; ${need} is needed.`;
      else if (expected)
        explanation = `You need ${need}; yours is expected in ${monthName(fromDay(expected.day))}.`;
      else
        explanation = `You need ${need}${highest ? `; your highest is ${levelWords[highest]}${c.field && best !== highest ? ' (or its field does not count)' : ''}` : '; no degree is recorded'}.`;
      return {
        result: {
          ...base,
          met,
          required: c.field ? `${c.minLevel} (${c.field})` : c.minLevel,
          actual: highest ?? null,
          explanation,
        },
        earliestDay: met ? undefined : expected ? expected.day : null,
      };
    }
    case 'experience': {
      const phrase = kindPhrase(c, labels);
      // "patient experience" is already an experience: no "patient experience experience".
      const what = /experience$/.test(phrase) ? phrase : `${phrase} experience`;
      const kinds = kindsList(c.kinds);
      const months = facts.months(c, c.windowMonths);
      const within = c.windowMonths ? ` in the last ${plural(c.windowMonths, 'month')}` : '';
      if (c.anyAmount) {
        const met = months > EPS;
        return {
          result: {
            ...base,
            met,
            required: 'any',
            actual: round1(months),
            unit: 'months',
            kinds,
            explanation: met
              ? `You have ${round1(months)} months of ${what}${within}; the issuer asks for documented experience (no minimum stated).`
              : `You need documented ${what}${within} (the issuer states no minimum).`,
          },
          earliestDay: met ? undefined : accrualRate(facts.intervals, c.kinds) > 0 ? asOf + 1 : null,
        };
      }
      const hours = c.minHours !== undefined;
      const required = hours ? c.minHours! : c.minMonths!;
      const actualRaw = hours ? months * HOURS_PER_FTE_MONTH : months;
      const actual = hours ? Math.floor(actualRaw + EPS) : round1(actualRaw);
      const unit = hours ? 'hours' : 'months';
      const num = (n: number) => n.toLocaleString('en-US');
      const met = actualRaw + EPS >= required;
      if (met) {
        return {
          result: {
            ...base,
            met,
            required,
            actual,
            unit,
            kinds,
            explanation: `You have ${num(actual)} ${unit} of ${what}${within} (${num(required)} needed).`,
          },
        };
      }
      const rate = accrualRate(facts.intervals, c.kinds);
      const missing = required - actualRaw;
      const missingText = hours
        ? `${Math.ceil(missing - EPS).toLocaleString('en-US')} more hours`
        : `${Math.ceil(missing - EPS)} more ${Math.ceil(missing - EPS) === 1 ? 'month' : 'months'}`;
      let earliestDay: number | null = null;
      if (rate > 0) {
        const needMonths = (hours ? missing / HOURS_PER_FTE_MONTH : missing) / rate;
        earliestDay = dayAtOrAfterCoord(monthCoord(asOf + 1) + needMonths - EPS) - 1;
      }
      const pace =
        earliestDay !== null
          ? `; at your current job${rate < 1 ? ` (FTE ${rate})` : ''} that is ${monthName(fromDay(earliestDay))}`
          : '; you have no current job that counts';
      return {
        result: {
          ...base,
          met,
          required,
          actual,
          unit,
          kinds,
          // The person's own figure as well as the gap, so the sentence can be checked against the profile.
          explanation: `You need ${missingText} of ${what}${within} (you have ${num(actual)} of ${num(required)} ${unit})${pace}.`,
        },
        earliestDay,
      };
    }
    case 'current_position': {
      const current = facts.intervals.filter((iv) => iv.current);
      const met = current.some((iv) => kindsListMatch(iv.kinds, c.kinds));
      const what = kindPhrase(c, labels);
      return {
        result: {
          ...base,
          met,
          required: kindsList(c.kinds),
          actual: current.length ? [...new Set(current.flatMap((iv) => [...iv.kinds]))] : [],
          kinds: kindsList(c.kinds),
          explanation: met
            ? `Your current job counts as ${what}.`
            : current.length
              ? `You need to hold a ${what} position now; your current job is not recorded as one.`
              : `You need to hold a ${what} position now; no current job is recorded.`,
        },
        earliestDay: met ? undefined : null,
      };
    }
    case 'license':
    case 'credential': {
      const ids = c.type === 'license' ? [c.credential] : c.anyOf;
      const held = p.credentials.filter((cr) => ids.includes(cr.id));
      const valid = held.filter(
        (cr) =>
          (c.type === 'license' ? cr.status === 'active' : cr.status !== 'lapsed') &&
          (!cr.expires || toDay(endDate(cr.expires)) >= asOf) &&
          (!cr.earned || toDay(startDate(cr.earned)) <= asOf),
      );
      const met = valid.length > 0;
      const names = ids.map(labels.credential).join(' or ');
      const why =
        held.length && !met
          ? ` (yours is ${held[0]!.status !== 'active' ? held[0]!.status : 'expired or not yet earned'})`
          : '';
      return {
        result: {
          ...base,
          met,
          required: ids,
          actual: held.map((h) => h.id),
          explanation: met
            ? `You hold ${labels.credential(valid[0]!.id)}.`
            : `You need ${c.type === 'license' ? 'a current, unrestricted ' : ''}${names}${why}.`,
        },
        earliestDay: met ? undefined : null,
      };
    }
    case 'membership': {
      const org = labels.org(c.organization);
      const held = p.memberships.filter(
        (x) => x.id === c.organization && (!x.until || toDay(endDate(x.until)) >= asOf),
      );
      if (held.length === 0)
        return {
          result: {
            ...base,
            met: false,
            required: c.minTenureMonths,
            actual: null,
            unit: 'months',
            explanation: `You need to be a member of ${org}${c.minTenureMonths ? ` for at least ${plural(c.minTenureMonths, 'month')}` : ''}.`,
          },
          earliestDay: null,
        };
      // A person may list several memberships of one body (a student one, then a full one):
      // judge each and keep the best, so that listing another can never make things worse.
      return held
        .map((m) => evaluateMembership(c, m, org, base, asOf))
        .reduce((best, e) => (rankEval(e) < rankEval(best) ? e : best));
    }
    case 'continuing_education': {
      const from = c.windowMonths ? addMonths(asOf, -c.windowMonths) : -Infinity;
      const perUnit = vocab.creditUnits.find((u) => u.id === c.unit)?.contactHoursPerUnit;
      const byCategory = new Map<string, number>();
      let uncounted = 0;
      for (const a of p.ce) {
        const day = toDay(startDate(a.date));
        if (day <= from || day > asOf) continue;
        const credits = a.credits?.filter((cr) => cr.unit === c.unit) ?? [];
        if (credits.length) {
          for (const cr of credits)
            byCategory.set(
              cr.category ?? a.category ?? '',
              (byCategory.get(cr.category ?? a.category ?? '') ?? 0) + cr.amount,
            );
        } else if (perUnit) {
          byCategory.set(a.category ?? '', (byCategory.get(a.category ?? '') ?? 0) + a.hours / perUnit);
        } else uncounted += a.hours;
      }
      let total = 0;
      const caps = new Map((c.categories ?? []).map((r) => [r.category, r]));
      for (const [cat, amount] of byCategory) total += Math.min(amount, caps.get(cat)?.max ?? Infinity);
      const short = (c.categories ?? []).filter(
        (r) => r.min !== undefined && (byCategory.get(r.category) ?? 0) + EPS < r.min,
      );
      const met = total + EPS >= c.total && short.length === 0;
      const unit = labels.unit(c.unit);
      const within = c.windowMonths ? ` in the last ${plural(c.windowMonths, 'month')}` : '';
      let explanation: string;
      if (met)
        explanation = `You have ${round1(total)} ${unit}s of continuing education${within} (${c.total} needed).`;
      else {
        const parts: string[] = [];
        if (total + EPS < c.total) parts.push(`${gap1(c.total - total)} more ${unit}s${within}`);
        for (const r of short)
          parts.push(
            `${gap1(r.min! - (byCategory.get(r.category) ?? 0))} more in ${labels.category(r.category)}`,
          );
        explanation = `You need ${parts.join(' and ')} (you have ${round1(total)})${uncounted > 0 ? `; ${round1(uncounted)} of your hours are not in ${unit}s: record the credits the provider awarded` : ''}.`;
      }
      return {
        result: { ...base, met, required: c.total, actual: round1(total), unit: c.unit, explanation },
        earliestDay: met ? undefined : null,
      };
    }
    case 'training': {
      const hours = p.ce
        .filter((a) => a.category === c.category && toDay(startDate(a.date)) <= asOf)
        .reduce((s, a) => s + a.hours, 0);
      const cred = c.orCredentials?.find((id) =>
        p.credentials.some((h) => h.id === id && h.status !== 'lapsed'),
      );
      const met = hours + EPS >= c.hours || cred !== undefined;
      const topic = labels.category(c.category).toLowerCase();
      const alt = c.orCredentials?.length
        ? ` (or hold ${c.orCredentials.map(labels.credential).join(' or ')})`
        : '';
      return {
        result: {
          ...base,
          met,
          required: c.hours,
          actual: round1(hours),
          unit: 'hours',
          explanation: met
            ? cred && hours + EPS < c.hours
              ? `Your ${labels.credential(cred)} counts instead of ${c.hours} hours of ${topic}.`
              : `You have ${round1(hours)} hours of ${topic} (${c.hours} needed).`
            : `You need ${plural(gap1(c.hours - hours), 'more hour', 'more hours')} of ${topic} (you have ${round1(hours)} of ${c.hours})${alt}.`,
        },
        earliestDay: met ? undefined : null,
      };
    }
    case 'projects': {
      const n = p.projects.filter(
        (x) =>
          // As for degrees, a `completed` month alone means its first day.
          (!x.completed || toDay(startDate(x.completed)) <= asOf) &&
          (!c.kinds || c.kinds.includes(x.kind)) &&
          (!c.role || x.role === c.role),
      ).length;
      const met = n >= c.count;
      const what = `${c.kinds ? c.kinds.map((k) => k.replace(/_/g, ' ')).join(' or ') + ' ' : ''}project`;
      return {
        result: {
          ...base,
          met,
          required: c.count,
          actual: n,
          unit: 'projects',
          explanation: met
            ? `You have completed ${plural(n, what)} (${c.count} needed).`
            : `You need ${plural(c.count - n, `more completed ${what}`, `more completed ${what}s`)}.`,
        },
        earliestDay: met ? undefined : null,
      };
    }
    case 'references':
    case 'attestation': {
      const met = p.attestations.includes(c.attestation);
      const statement = labels.attestation(c.attestation);
      return {
        result: {
          ...base,
          met,
          required: c.attestation,
          actual: met ? c.attestation : null,
          explanation: met ? `You confirmed: ${statement}` : `Only you can confirm this: ${statement}`,
        },
        earliestDay: met ? undefined : null,
      };
    }
    case 'volunteering': {
      const from = addMonths(asOf, -c.windowMonths);
      const inWindow = p.volunteering.filter((v) => {
        const d = toDay(startDate(v.date));
        return d > from && d <= asOf;
      });
      const hc = inWindow.filter((v) => v.kind === 'healthcare').length;
      const co = inWindow.filter((v) => v.kind === 'community').length;
      const met = hc >= c.healthcare && co >= c.community;
      const missing = [
        c.healthcare > hc
          ? plural(c.healthcare - hc, 'more healthcare activity', 'more healthcare activities')
          : '',
        c.community > co
          ? plural(c.community - co, 'more community activity', 'more community activities')
          : '',
      ].filter(Boolean);
      return {
        result: {
          ...base,
          met,
          required: `${c.healthcare} healthcare + ${c.community} community`,
          actual: `${hc} healthcare + ${co} community`,
          explanation: met
            ? `You have ${hc} healthcare and ${co} community volunteer activities in the last ${c.windowMonths} months.`
            : `You need ${missing.join(' and ')} of volunteer work in the last ${c.windowMonths} months.`,
        },
        earliestDay: met ? undefined : null,
      };
    }
    case 'exam':
      return {
        result: { ...base, met: false, required: c.name, actual: null, explanation: `Pass the ${c.name}.` },
        earliestDay: null,
      };
    case 'on_track': {
      const nested = evaluateConditions(c.conditions, facts, labels, vocab);
      const limit = addMonths(asOf, c.withinMonths);
      const met = nested.earliestDay !== null && nested.earliestDay <= limit;
      // Not on track yet, but heading there: the route opens by time alone on the first day
      // from which the nested date is within reach (withinMonths before it). Without this the
      // route read as "not by time" and earliestEligible could come years too late.
      let earliestDay: number | null | undefined = met ? undefined : null;
      if (!met && nested.earliestDay !== null) {
        let d = addMonths(nested.earliestDay, -c.withinMonths);
        while (addMonths(d, c.withinMonths) < nested.earliestDay) d++; // month-end clamping
        earliestDay = Math.max(d, asOf + 1);
      }
      return {
        result: {
          ...base,
          met,
          required: c.withinMonths,
          actual: nested.earliestDay !== null ? fromDay(nested.earliestDay) : null,
          unit: 'months',
          explanation: met
            ? `You are on track to meet the standard route by ${fromDay(nested.earliestDay!)}, within ${c.withinMonths} months.`
            : `You need to be within ${c.withinMonths} months of meeting the standard route${nested.earliestDay !== null ? `; at your pace that is ${fromDay(nested.earliestDay)}` : ''}.`,
        },
        earliestDay,
      };
    }
  }
}

type MembershipCondition = Extract<Condition, { type: 'membership' }>;

/** One membership against a membership condition. */
function evaluateMembership(
  c: MembershipCondition,
  m: Profile['memberships'][number],
  org: string,
  base: Pick<ConditionResult, 'id' | 'type' | 'stage' | 'summary' | 'confidence'>,
  asOf: number,
): Eval {
  const common = { ...base, required: c.minTenureMonths, unit: 'months' };
  if (c.memberTypes && !c.memberTypes.includes(m.type))
    return {
      result: {
        ...common,
        met: false,
        actual: null,
        explanation: `Your ${org} membership type (${m.type}) does not count; ${c.memberTypes.join(', ')} do.`,
      },
      earliestDay: null,
    };
  // A membership that starts after the as-of date is not held yet (even when no tenure is
  // asked); it holds from its start plus the tenure, by time alone.
  const joined = m.since ? toDay(startDate(m.since)) : undefined;
  if (joined !== undefined && joined > asOf) {
    const on = addMonths(joined, c.minTenureMonths);
    return {
      result: {
        ...common,
        met: false,
        actual: 0,
        explanation: `Your ${org} membership starts in ${monthName(fromDay(joined))}${c.minTenureMonths ? `; with the ${plural(c.minTenureMonths, 'month')} needed, that is ${monthName(fromDay(on))}` : ''}.`,
      },
      earliestDay: on,
    };
  }
  if (c.minTenureMonths === 0)
    return { result: { ...common, met: true, actual: null, explanation: `You are a member of ${org}.` } };
  if (joined === undefined)
    return {
      result: {
        ...common,
        met: false,
        actual: null,
        explanation: `Add the date you joined ${org}: ${plural(c.minTenureMonths, 'month')} of membership are needed.`,
      },
      earliestDay: null,
    };
  const tenure = wholeMonthsBetween(joined, asOf);
  const met = tenure >= c.minTenureMonths;
  const on = addMonths(joined, c.minTenureMonths);
  return {
    result: {
      ...common,
      met,
      actual: tenure,
      explanation: met
        ? `You have been a member of ${org} for ${plural(tenure, 'month')} (${c.minTenureMonths} needed).`
        : `You need ${plural(c.minTenureMonths - tenure, 'more month')} of ${org} membership (you have ${tenure} of ${c.minTenureMonths}); that is ${monthName(fromDay(on))}.`,
    },
    earliestDay: met ? undefined : on,
  };
}

/** Orders outcomes of one condition, best first: met, then the earliest projected day, then not by time. */
function rankEval(e: Eval): number {
  if (e.result.met) return -Infinity;
  return e.earliestDay ?? Infinity;
}

function kindsListMatch(
  kinds: ReadonlySet<string>,
  expr: string | { allOf: string[] } | { anyOf: string[] },
): boolean {
  if (typeof expr === 'string') return kinds.has(expr);
  return 'allOf' in expr ? expr.allOf.every((k) => kinds.has(k)) : expr.anyOf.some((k) => kinds.has(k));
}

/** Evaluates a set of conditions; `earliestDay` is when all apply-stage ones hold (null = not by time). */
function evaluateConditions(
  conditions: readonly Condition[],
  facts: Facts,
  labels: Labels,
  vocab: Vocabulary,
): { results: ConditionResult[]; met: boolean; earliestDay: number | null } {
  const evals = conditions.map((c) => evaluateCondition(c, facts, labels, vocab));
  const gating = evals.filter((e) => e.result.stage === 'apply');
  const met = gating.every((e) => e.result.met);
  if (met) return { results: evals.map((e) => e.result), met, earliestDay: facts.asOfDay };
  let earliest = facts.asOfDay;
  for (const e of gating) {
    if (e.result.met) continue;
    if (e.earliestDay === null || e.earliestDay === undefined)
      return { results: withProjection(evals), met, earliestDay: null };
    earliest = Math.max(earliest, e.earliestDay);
  }
  // Re-check on that date: look-back windows and expiring credentials may move it on.
  const horizon = addMonths(facts.asOfDay, HORIZON_MONTHS);
  let day = earliest;
  for (let i = 0; i < 24 && day <= horizon; i++) {
    const future = new Facts(facts.profile, day);
    const again = conditions
      .map((c) => evaluateCondition(c, future, labels, vocab))
      .filter((e) => e.result.stage === 'apply');
    if (again.every((e) => e.result.met)) return { results: withProjection(evals), met, earliestDay: day };
    let next = day;
    for (const e of again) {
      if (e.result.met) continue;
      if (e.earliestDay === null || e.earliestDay === undefined)
        return { results: withProjection(evals), met, earliestDay: null };
      next = Math.max(next, e.earliestDay);
    }
    day = next > day ? next : addMonths(day, 1);
  }
  return { results: withProjection(evals), met, earliestDay: null };
}

function withProjection(evals: Eval[]): ConditionResult[] {
  return evals.map((e) =>
    e.result.met
      ? e.result
      : {
          ...e.result,
          projected: e.earliestDay === null || e.earliestDay === undefined ? null : fromDay(e.earliestDay),
        },
  );
}

/** The rule set in force on `asOf`, or undefined when none is. */
export function ruleSetOn(cert: Certification, asOf: string): RuleSet | undefined {
  return cert.eligibility.rules.find(
    (r) => (!r.effectiveFrom || r.effectiveFrom <= asOf) && (!r.effectiveUntil || r.effectiveUntil >= asOf),
  );
}

export interface EvaluateOptions {
  /** Only these certifications (ids, case-insensitive); default all. */
  certifications?: string[];
}

/**
 * An evaluator bound to a catalog: label lookups are built once, so evaluating many profiles is cheap.
 *
 * @example
 * const evaluate = createEvaluator(catalog);
 * evaluate(profile, '2026-11-27').results.find((r) => r.certification === 'CPHQ')?.eligible; // true
 */
export function createEvaluator(
  catalog: Catalog,
): (profile: Profile, asOf: string, options?: EvaluateOptions) => EligibilityReport {
  const labels = labelsOf(catalog.vocabulary, catalog);
  const vocab = catalog.vocabulary;
  return (profile, asOf, options = {}) => {
    const wanted = options.certifications?.map((id) => id.toLowerCase());
    const facts = new Facts(profile, toDay(asOf));
    const results = catalog.certifications
      .filter((c) => !wanted || wanted.includes(c.id.toLowerCase()))
      .map((cert) => evaluateCertification(cert, facts, asOf, labels, vocab));
    return { asOf, results };
  };
}

function evaluateCertification(
  cert: Certification,
  facts: Facts,
  asOf: string,
  labels: Labels,
  vocab: Vocabulary,
): CertificationResult {
  const common = {
    certification: cert.id,
    acronym: cert.acronym,
    name: cert.name,
    confidence: cert.eligibility.confidence,
    verifiedAsOf: cert.verifiedAsOf,
    url: cert.url,
    notice: `Guidance, not a ruling: rules checked ${cert.verifiedAsOf}; confirm with ${labels.org(cert.issuer)} (${cert.url}) before paying a fee.`,
  };
  const rules = cert.eligibility.status === 'known' ? ruleSetOn(cert, asOf) : undefined;
  if (!rules) {
    return {
      ...common,
      eligible: null,
      earliestEligible: null,
      status: 'unknown',
      rules: null,
      pathways: [],
    };
  }
  const pathways: PathwayResult[] = rules.pathways.map((pw) => {
    const r = evaluateConditions([...rules.allPathways, ...pw.conditions], facts, labels, vocab);
    return {
      id: pw.id,
      label: pw.label,
      eligible: r.met,
      earliestEligible: r.earliestDay === null ? null : fromDay(r.earliestDay),
      conditions: r.results,
    };
  });
  const eligible = pathways.some((p) => p.eligible);
  const dates = pathways
    .map((p) => p.earliestEligible)
    .filter((d): d is string => d !== null)
    .sort();
  const earliestEligible = eligible ? asOf : (dates[0] ?? null);
  return {
    ...common,
    eligible,
    earliestEligible,
    status: eligible ? 'eligible' : earliestEligible ? 'eligible_soon' : 'needs_more_than_time',
    rules: { effectiveFrom: rules.effectiveFrom ?? null, effectiveUntil: rules.effectiveUntil ?? null },
    pathways,
  };
}
