/**
 * Counting continuing-education credits against a requirement: the one rule book shared by
 * eligibility (a `continuing_education` condition) and renewal (a renewal option's `ce`).
 *
 * - An activity's credits in the requirement's unit count as given (`credits[]`, each with an
 *   optional category, else the activity's category); without such credits its hours count as
 *   `hours / contactHoursPerUnit` when the unit states that ratio, else they are "uncounted".
 * - `otherCategory`: credits in a category the requirement does not name count as that one
 *   (ACHE: education from other organisations is Qualifying Education).
 * - A category rule with `within: X` is part of X: its credits also count toward X's min and max,
 *   and only once toward the total.
 * - `max` caps what a category adds to the total; `min` is a requirement of its own.
 */
import type { CeCategoryRule, Vocabulary } from '../catalog/schema.js';
import { startDay } from './dates.js';
import type { CeActivity } from './profile.js';

/** Tolerance for sums of fractional credits. */
export const EPS = 1e-6;

export interface CreditCount {
  /** Credits per recorded category ('' = no category). */
  byCategory: Map<string, number>;
  /** Hours of activities that give nothing in the unit (no credits recorded, no stated ratio). */
  uncountedHours: number;
}

/**
 * Credits in `unit` of the activities dated from `fromDay` to `toDay`, both inclusive.
 *
 * @example
 * countCredits(profile.ce, 'ache_credit', vocab, toDay('2023-11-28'), toDay('2026-11-27')).byCategory.get('ache_in_person');
 */
export function countCredits(
  activities: readonly CeActivity[],
  unit: string,
  vocab: Vocabulary,
  fromDay: number,
  toDay: number,
): CreditCount {
  const perUnit = vocab.creditUnits.find((u) => u.id === unit)?.contactHoursPerUnit;
  const byCategory = new Map<string, number>();
  const add = (cat: string, amount: number) => byCategory.set(cat, (byCategory.get(cat) ?? 0) + amount);
  let uncountedHours = 0;
  for (const a of activities) {
    const day = startDay(a.date);
    if (day < fromDay || day > toDay) continue;
    let any = false;
    if (a.credits)
      for (const cr of a.credits)
        if (cr.unit === unit) {
          any = true;
          add(cr.category ?? a.category ?? '', cr.amount);
        }
    if (any) continue;
    if (perUnit) add(a.category ?? '', a.hours / perUnit);
    else uncountedHours += a.hours;
  }
  return { byCategory, uncountedHours };
}

export interface CategoryTally {
  category: string;
  min?: number;
  max?: number;
  /** Credits in this category, its sub-categories (`within`) included. */
  earned: number;
  /** What it adds toward its parent or the total: `earned` capped at `max`. */
  counted: number;
  /** Its minimum is reached (true when it has none). */
  met: boolean;
}

export interface CreditTally {
  /** Credits that count toward the total, maximums applied, each credit once. */
  total: number;
  /** One row per category rule, in the rule's order. */
  categories: CategoryTally[];
  /** Fewest further credits that would reach every category minimum. */
  categoryShortfall: number;
}

/**
 * Applies a requirement's category rules to counted credits: maximums cap, sub-categories count
 * once inside their parent, and credits in categories the rules do not name count in full — or
 * as `otherCategory` when the requirement names one.
 *
 * @example
 * tallyCredits(new Map([['a', 10], ['b', 4]]), [{ category: 'a', min: 20 }, { category: 'b', min: 5, within: 'a' }]).categoryShortfall; // 6
 */
export function tallyCredits(
  byCategory: ReadonlyMap<string, number>,
  rules: readonly CeCategoryRule[],
  otherCategory?: string,
): CreditTally {
  const ruleOf = (cat: string) => rules.find((r) => r.category === cat);
  const own = new Map<string, number>();
  for (const [recorded, amount] of byCategory) {
    const cat = otherCategory && !ruleOf(recorded) ? otherCategory : recorded;
    own.set(cat, (own.get(cat) ?? 0) + amount);
  }
  const capped = (cat: string, amount: number) => Math.min(amount, ruleOf(cat)?.max ?? Infinity);
  const earnedOf = (cat: string) => {
    let amount = own.get(cat) ?? 0;
    for (const r of rules) if (r.within === cat) amount += capped(r.category, own.get(r.category) ?? 0);
    return amount;
  };
  const categories = rules.map((r) => {
    const earned = earnedOf(r.category);
    return {
      category: r.category,
      ...(r.min !== undefined ? { min: r.min } : {}),
      ...(r.max !== undefined ? { max: r.max } : {}),
      earned,
      counted: capped(r.category, earned),
      met: r.min === undefined || earned + EPS >= r.min,
    };
  });
  const tops = new Set<string>();
  for (const cat of own.keys()) tops.add(ruleOf(cat)?.within ?? cat);
  let total = 0;
  for (const top of tops) total += capped(top, earnedOf(top));
  let categoryShortfall = 0;
  for (const r of rules) {
    if (r.within !== undefined) continue;
    const gap = (x: CeCategoryRule) => (x.min === undefined ? 0 : Math.max(0, x.min - earnedOf(x.category)));
    let children = 0;
    for (const child of rules) if (child.within === r.category) children += gap(child);
    categoryShortfall += Math.max(gap(r), children);
  }
  return { total, categories, categoryShortfall };
}
