/**
 * The baseline most teams would reach for: the catalog's eligibility rules translated into
 * json-rules-engine (https://github.com/CacheControl/json-rules-engine) rules — one rule per
 * certification, `any` of its pathways, each pathway `all` of its apply-stage conditions (the
 * rule set's `allPathways` included) — over dynamic facts derived from the profile with the same
 * arithmetic as our engine (src/core/experience.ts and src/core/dates.ts).
 *
 * The baseline answers one question per certification: eligible on the as-of date or not. It
 * produces no explanations and no earliest-eligible dates. json-rules-engine has no notion of
 * projection, so `on_track` (MGMA's early-career route: "the nested conditions will hold within N
 * months") is expressed by evaluating the nested conditions with the facts re-derived N months
 * later (current jobs continuing, degrees completing on their expected date) — a `shift` parameter
 * on every fact.
 */
import type { Almanac, TopLevelCondition } from 'json-rules-engine';
import { Engine } from 'json-rules-engine';
import type { Catalog, Condition, EducationLevel, KindExpression } from '../src/catalog/schema.js';
import { educationLevels } from '../src/catalog/schema.js';
import { addMonths, startDate, toDay, wholeMonthsBetween } from '../src/core/dates.js';
import { fieldMatches, ruleSetOn } from '../src/core/eligibility.js';
import {
  HOURS_PER_FTE_MONTH,
  fteMonths,
  kindsMatch,
  workIntervals,
  type WorkInterval,
} from '../src/core/experience.js';
import type { Profile } from '../src/core/profile.js';

const EPS = 1e-6;
const levelRank = new Map<string, number>(educationLevels.map((l, i) => [l, i + 1]));

/** A json-rules-engine condition as plain JSON (the library's own condition types are not exported). */
export type JreCondition =
  | { all: JreCondition[] }
  | { any: JreCondition[] }
  | { fact: string; operator: string; value: unknown; params?: Record<string, unknown> };

/* ------------------------------------------------------------------ translation */

/** `shift` = months after the as-of date at which the facts are derived (on_track); 0 = as of. */
function translate(c: Condition, shift: number): JreCondition {
  const at = shift ? { shift } : {};
  switch (c.type) {
    case 'education': {
      const degree: JreCondition = {
        fact: 'educationRank',
        params: { field: c.field ?? null, ...at },
        operator: 'greaterThanInclusive',
        value: levelRank.get(c.minLevel)!,
      };
      if (c.orCollegeCreditHours === undefined) return degree;
      return {
        any: [
          degree,
          {
            fact: 'collegeCreditHours',
            operator: 'greaterThanInclusive',
            value: c.orCollegeCreditHours,
          },
        ],
      };
    }
    case 'experience': {
      const params = { kinds: c.kinds, window: c.windowMonths ?? 0, ...at };
      if (c.anyAmount) return { fact: 'experienceMonths', params, operator: 'greaterThan', value: EPS };
      if (c.minHours !== undefined)
        return { fact: 'experienceHours', params, operator: 'atLeast', value: c.minHours };
      return { fact: 'experienceMonths', params, operator: 'atLeast', value: c.minMonths! };
    }
    case 'current_position':
      return {
        fact: 'holdsCurrentPosition',
        params: { kinds: c.kinds, ...at },
        operator: 'equal',
        value: true,
      };
    case 'license':
      return {
        fact: 'holdsCredential',
        params: { ids: [c.credential], license: true, ...at },
        operator: 'equal',
        value: true,
      };
    case 'credential':
      return {
        fact: 'holdsCredential',
        params: { ids: c.anyOf, license: false, ...at },
        operator: 'equal',
        value: true,
      };
    case 'membership':
      return {
        fact: 'membershipTenureMonths',
        params: { organization: c.organization, memberTypes: c.memberTypes ?? null, ...at },
        operator: 'greaterThanInclusive',
        value: c.minTenureMonths,
      };
    case 'continuing_education': {
      const params = { unit: c.unit, window: c.windowMonths ?? 0, ...at };
      const caps = Object.fromEntries(
        (c.categories ?? []).filter((r) => r.max !== undefined).map((r) => [r.category, r.max!]),
      );
      return {
        all: [
          { fact: 'ceTotal', params: { ...params, caps }, operator: 'atLeast', value: c.total },
          ...(c.categories ?? [])
            .filter((r) => r.min !== undefined)
            .map((r): JreCondition => ({
              fact: 'ceCategoryAmount',
              params: { ...params, category: r.category },
              operator: 'atLeast',
              value: r.min!,
            })),
        ],
      };
    }
    case 'training': {
      const hours: JreCondition = {
        fact: 'trainingHours',
        params: { category: c.category, ...at },
        operator: 'atLeast',
        value: c.hours,
      };
      if (!c.orCredentials?.length) return hours;
      return {
        any: [
          hours,
          {
            fact: 'holdsUnlapsedCredential',
            params: { ids: c.orCredentials },
            operator: 'equal',
            value: true,
          },
        ],
      };
    }
    case 'projects':
      return {
        fact: 'completedProjects',
        params: { kinds: c.kinds ?? null, role: c.role ?? null, ...at },
        operator: 'greaterThanInclusive',
        value: c.count,
      };
    case 'references':
    case 'attestation':
      return { fact: 'attestations', operator: 'contains', value: c.attestation };
    case 'volunteering':
      return {
        all: [
          {
            fact: 'volunteerActivities',
            params: { kind: 'healthcare', window: c.windowMonths, ...at },
            operator: 'greaterThanInclusive',
            value: c.healthcare,
          },
          {
            fact: 'volunteerActivities',
            params: { kind: 'community', window: c.windowMonths, ...at },
            operator: 'greaterThanInclusive',
            value: c.community,
          },
        ],
      };
    case 'exam':
      // Never passed before applying (our engine: always unmet; catalog exams are certification-stage).
      return { fact: 'examsPassed', operator: 'contains', value: c.name };
    case 'on_track':
      return { all: gating(c.conditions).map((n) => translate(n, shift + c.withinMonths)) };
  }
}

const gating = (cs: readonly Condition[]) => cs.filter((c) => (c.stage ?? 'apply') === 'apply');

export interface JreRuleSpec {
  certification: string;
  conditions: JreCondition;
}

/** One json-rules-engine rule per certification whose rules are known on `asOf`. */
export function translateCatalog(catalog: Catalog, asOf: string): JreRuleSpec[] {
  const out: JreRuleSpec[] = [];
  for (const cert of catalog.certifications) {
    const rules = cert.eligibility.status === 'known' ? ruleSetOn(cert, asOf) : undefined;
    if (!rules) continue;
    out.push({
      certification: cert.id,
      conditions: {
        any: rules.pathways.map((pw) => ({
          all: gating([...rules.allPathways, ...pw.conditions]).map((c) => translate(c, 0)),
        })),
      },
    });
  }
  return out;
}

/* ------------------------------------------------------------------ facts */

interface Context {
  day: number;
  intervals: WorkInterval[];
}

type Params = Record<string, unknown>;

async function context(almanac: Almanac, params: Params): Promise<Context> {
  return almanac.factValue<Context>('context', { shift: (params.shift as number | undefined) ?? 0 });
}

async function ceByCategory(almanac: Almanac, params: Params): Promise<Map<string, number>> {
  return almanac.factValue<Map<string, number>>('ceByCategory', {
    unit: params.unit,
    window: params.window,
    shift: params.shift ?? 0,
  });
}

/** Registers the dynamic facts: each derives one number or flag from the `profile` and `asOfDay` facts. */
function addFacts(engine: Engine, catalog: Catalog): void {
  const perUnitOf = new Map(catalog.vocabulary.creditUnits.map((u) => [u.id, u.contactHoursPerUnit]));
  const profileOf = (a: Almanac) => a.factValue<Profile>('profile');

  engine.addFact<Promise<Context>>('context', async (params, almanac) => {
    const asOfDay = await almanac.factValue<number>('asOfDay');
    const shift = (params.shift as number) ?? 0;
    const day = shift ? addMonths(asOfDay, shift) : asOfDay;
    return { day, intervals: workIntervals((await profileOf(almanac)).positions, day) };
  });
  engine.addFact<Promise<number>>('experienceMonths', async (params, almanac) => {
    const { day, intervals } = await context(almanac, params);
    const window = params.window as number;
    const from = window ? addMonths(day, -window) + 1 : -Infinity;
    return fteMonths(intervals, params.kinds as KindExpression, from, day + 1);
  });
  engine.addFact<Promise<number>>('experienceHours', async (params, almanac) => {
    const months = await almanac.factValue<number>('experienceMonths', params);
    return months * HOURS_PER_FTE_MONTH;
  });
  engine.addFact<Promise<boolean>>('holdsCurrentPosition', async (params, almanac) => {
    const { intervals } = await context(almanac, params);
    return intervals.some((iv) => iv.current && kindsMatch(iv.kinds, params.kinds as KindExpression));
  });
  engine.addFact<Promise<number>>('educationRank', async (params, almanac) => {
    const [{ day }, p] = await Promise.all([context(almanac, params), profileOf(almanac)]);
    let best = 0;
    for (const e of p.education) {
      if (!fieldMatches(e.field, (params.field as string | null) ?? undefined, catalog.vocabulary)) continue;
      if (e.completed && toDay(startDate(e.completed)) > day) continue;
      best = Math.max(best, levelRank.get(e.level as EducationLevel)!);
    }
    return best;
  });
  engine.addFact<Promise<number>>(
    'collegeCreditHours',
    async (_params, almanac) => (await profileOf(almanac)).collegeCreditHours ?? 0,
  );
  engine.addFact<Promise<boolean>>('holdsCredential', async (params, almanac) => {
    const [{ day }, p] = await Promise.all([context(almanac, params), profileOf(almanac)]);
    const ids = params.ids as string[];
    return p.credentials.some(
      (cr) =>
        ids.includes(cr.id) &&
        (params.license ? cr.status === 'active' : cr.status !== 'lapsed') &&
        (!cr.expires || toDay(startDate(cr.expires)) >= day) &&
        (!cr.earned || toDay(startDate(cr.earned)) <= day),
    );
  });
  engine.addFact<Promise<boolean>>('holdsUnlapsedCredential', async (params, almanac) => {
    const ids = params.ids as string[];
    return (await profileOf(almanac)).credentials.some((h) => ids.includes(h.id) && h.status !== 'lapsed');
  });
  /** Whole months of membership; -1 when not a (counting) member; 0 when the join date is missing. */
  engine.addFact<Promise<number>>('membershipTenureMonths', async (params, almanac) => {
    const [{ day }, p] = await Promise.all([context(almanac, params), profileOf(almanac)]);
    const m = p.memberships.find(
      (x) => x.id === params.organization && (!x.until || toDay(startDate(x.until)) >= day),
    );
    const types = params.memberTypes as string[] | null;
    if (!m || (types && !types.includes(m.type))) return -1;
    return m.since ? wholeMonthsBetween(toDay(startDate(m.since)), day) : 0;
  });
  engine.addFact<Promise<Map<string, number>>>('ceByCategory', async (params, almanac) => {
    const [{ day }, p] = await Promise.all([context(almanac, params), profileOf(almanac)]);
    const window = params.window as number;
    const unit = params.unit as string;
    const from = window ? addMonths(day, -window) : -Infinity;
    const perUnit = perUnitOf.get(unit);
    const byCategory = new Map<string, number>();
    for (const a of p.ce) {
      const d = toDay(startDate(a.date));
      if (d <= from || d > day) continue;
      const credits = a.credits?.filter((cr) => cr.unit === unit) ?? [];
      if (credits.length) {
        for (const cr of credits) {
          const cat = cr.category ?? a.category ?? '';
          byCategory.set(cat, (byCategory.get(cat) ?? 0) + cr.amount);
        }
      } else if (perUnit) {
        const cat = a.category ?? '';
        byCategory.set(cat, (byCategory.get(cat) ?? 0) + a.hours / perUnit);
      }
    }
    return byCategory;
  });
  engine.addFact<Promise<number>>('ceTotal', async (params, almanac) => {
    const byCategory = await ceByCategory(almanac, params);
    const caps = params.caps as Record<string, number>;
    let total = 0;
    for (const [cat, amount] of byCategory) total += Math.min(amount, caps[cat] ?? Infinity);
    return total;
  });
  engine.addFact<Promise<number>>(
    'ceCategoryAmount',
    async (params, almanac) => (await ceByCategory(almanac, params)).get(params.category as string) ?? 0,
  );
  engine.addFact<Promise<number>>('trainingHours', async (params, almanac) => {
    const [{ day }, p] = await Promise.all([context(almanac, params), profileOf(almanac)]);
    let hours = 0;
    for (const a of p.ce)
      if (a.category === params.category && toDay(startDate(a.date)) <= day) hours += a.hours;
    return hours;
  });
  engine.addFact<Promise<number>>('completedProjects', async (params, almanac) => {
    const [{ day }, p] = await Promise.all([context(almanac, params), profileOf(almanac)]);
    const kinds = params.kinds as string[] | null;
    return p.projects.filter(
      (x) =>
        (!x.completed || toDay(startDate(x.completed)) <= day) &&
        (!kinds || kinds.includes(x.kind)) &&
        (!params.role || x.role === params.role),
    ).length;
  });
  engine.addFact<Promise<number>>('volunteerActivities', async (params, almanac) => {
    const [{ day }, p] = await Promise.all([context(almanac, params), profileOf(almanac)]);
    const from = addMonths(day, -(params.window as number));
    let n = 0;
    for (const v of p.volunteering) {
      const d = toDay(startDate(v.date));
      if (v.kind === params.kind && d > from && d <= day) n++;
    }
    return n;
  });
  engine.addFact<Promise<string[]>>(
    'attestations',
    async (_params, almanac) => (await profileOf(almanac)).attestations,
  );
  engine.addFact<string[]>('examsPassed', []);
}

/* ------------------------------------------------------------------ engine */

export interface JreBaseline {
  engine: Engine;
  /** Certifications with a rule (the rest have unknown rules: our engine answers null for them). */
  certifications: string[];
  /** Eligible-or-not per certification with a rule. */
  evaluate: (profile: Profile) => Promise<Map<string, boolean>>;
}

/** A json-rules-engine Engine holding every certification's rule, bound to an as-of date. */
export function createJreBaseline(catalog: Catalog, asOf: string): JreBaseline {
  const engine = new Engine([], { allowUndefinedFacts: false });
  // Our engine's comparison: `actual + EPS >= required`.
  engine.addOperator<number, number>('atLeast', (fact, value) => fact + EPS >= value);
  addFacts(engine, catalog);
  const specs = translateCatalog(catalog, asOf);
  for (const s of specs)
    engine.addRule({
      name: s.certification,
      conditions: s.conditions as TopLevelCondition,
      event: { type: 'eligible', params: { certification: s.certification } },
    });
  const asOfDay = toDay(asOf);
  const certifications = specs.map((s) => s.certification);
  return {
    engine,
    certifications,
    evaluate: async (profile) => {
      const { results, failureResults } = await engine.run({ profile, asOfDay });
      const out = new Map<string, boolean>();
      for (const r of results) out.set(r.name, true);
      for (const r of failureResults) out.set(r.name, false);
      return out;
    },
  };
}
