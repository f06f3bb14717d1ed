/**
 * Counting continuing-education credits in one body's credit unit, the way the eligibility engine
 * counts them for a `continuing_education` condition:
 *
 * 1. an activity's explicit `credits` in that unit come first (each with its own category, else the
 *    activity's category);
 * 2. otherwise its `hours / contactHoursPerUnit`, when the catalog states the unit's conversion;
 * 3. otherwise its hours are *uncounted*: the unit cannot be guessed, so the person is asked to
 *    record the credits the provider awarded.
 *
 * Category rules then apply: a `max` caps what counts toward the total, a `min` is a requirement,
 * and a category `within` another also counts toward that one's min and max.
 *
 * Pure: no clock, no I/O. Dates are day numbers (see dates.ts).
 */
import type { CeCategoryRule, Vocabulary } from '../catalog/schema.js';
import { startDate, toDay } from './dates.js';
import type { CeActivity } from './profile.js';

export const EPS = 1e-6;

/** Credits in one unit, per category, before any category rule is applied. */
export interface CreditCount {
  unit: string;
  /** Amount per category id (`''` when neither the credit nor the activity names one). */
  byCategory: Map<string, number>;
  /** Contact hours of activities that give no credits in this unit and whose unit has no stated conversion. */
  uncountedHours: number;
  /** How many activities contributed credits. */
  activities: number;
}

/**
 * The credits a list of CE activities gives in `unit`, counting only activities dated from
 * `fromDay` to `toDay` inclusive (a `YYYY-MM` date is its first day).
 *
 * @example
 * const c = countCredits(profile.ce, 'ache_credit', catalog.vocabulary, toDay('2025-01-01'), toDay('2026-11-27'));
 * c.byCategory.get('ache_in_person'); // 12
 */
export function countCredits(
  ce: readonly CeActivity[],
  unit: string,
  vocab: Vocabulary,
  fromDay: number,
  toDayInclusive: number,
): CreditCount {
  const perUnit = vocab.creditUnits.find((u) => u.id === unit)?.contactHoursPerUnit;
  const byCategory = new Map<string, number>();
  const add = (cat: string, amount: number) => byCategory.set(cat, (byCategory.get(cat) ?? 0) + amount);
  let uncountedHours = 0;
  let activities = 0;
  for (const a of ce) {
    const day = toDay(startDate(a.date));
    if (day < fromDay || day > toDayInclusive) continue;
    let explicit = false;
    for (const cr of a.credits ?? [])
      if (cr.unit === unit) {
        explicit = true;
        add(cr.category ?? a.category ?? '', cr.amount);
      }
    if (explicit) activities++;
    else if (perUnit) {
      add(a.category ?? '', a.hours / perUnit);
      activities++;
    } else uncountedHours += a.hours;
  }
  return { unit, byCategory, uncountedHours, activities };
}

/** One category rule applied to a count. */
export interface CategoryTally {
  category: string;
  min?: number;
  max?: number;
  /** The category this one counts within, if any. */
  within?: string;
  /** Credits recorded in this category (for a category others count within, theirs included). */
  earned: number;
  /** What counts toward the total: `earned` capped at `max`. */
  counted: number;
  /** The minimum is reached (always true without a minimum). */
  met: boolean;
}

export interface Tally {
  /** Credits that count toward the total: every category, each capped at its max, none twice. */
  total: number;
  categories: CategoryTally[];
  /** Fewest further credits that would reach every category minimum (0 when all are met). */
  categoryShortfall: number;
}

/**
 * Applies a rule's category limits to a count. Categories the rule does not name count in full.
 *
 * @example
 * // FACHE: 40 qualifying credits and 10 in person count as 12 + 10 = 22, in-person 2 short.
 * tallyCredits(new Map([['ache_qualifying', 40], ['ache_in_person', 10]]), [
 *   { category: 'ache_in_person', min: 12 },
 *   { category: 'ache_qualifying', max: 12 },
 * ]); // {total: 22, categoryShortfall: 2, categories: [...]}
 */
export function tallyCredits(
  byCategory: ReadonlyMap<string, number>,
  rules: readonly CeCategoryRule[],
): Tally {
  const named = new Map(rules.map((r) => [r.category, r]));
  const parentOf = (r: CeCategoryRule) => (r.within && named.has(r.within) ? r.within : undefined);
  const own = (cat: string) => byCategory.get(cat) ?? 0;
  const cap = (x: number, max: number | undefined) => (max === undefined ? x : Math.min(x, max));
  const childrenOf = (cat: string) => rules.filter((r) => parentOf(r) === cat);

  const categories: CategoryTally[] = rules.map((r) => {
    const earned =
      own(r.category) + childrenOf(r.category).reduce((s, c) => s + cap(own(c.category), c.max), 0);
    return {
      category: r.category,
      ...(r.min !== undefined ? { min: r.min } : {}),
      ...(r.max !== undefined ? { max: r.max } : {}),
      ...(parentOf(r) ? { within: parentOf(r) } : {}),
      earned,
      counted: cap(earned, r.max),
      met: r.min === undefined || earned + EPS >= r.min,
    };
  });
  const byId = new Map(categories.map((c) => [c.category, c]));

  let total = 0;
  for (const [cat, amount] of byCategory) if (!named.has(cat)) total += amount;
  let categoryShortfall = 0;
  for (const r of rules) {
    if (parentOf(r)) continue; // counted inside its parent
    const row = byId.get(r.category)!;
    total += row.counted;
    const ownNeed = r.min === undefined ? 0 : Math.max(0, r.min - row.earned);
    const childNeed = childrenOf(r.category).reduce(
      (s, c) => s + (c.min === undefined ? 0 : Math.max(0, c.min - own(c.category))),
      0,
    );
    // Credits added to a sub-category also count toward its parent, so the larger need covers both.
    categoryShortfall += Math.max(ownNeed, childNeed);
  }
  return { total, categories, categoryShortfall };
}
