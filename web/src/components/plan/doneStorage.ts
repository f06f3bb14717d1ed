/**
 * Done marks of people without an account, kept in this browser:
 * `localStorage['hmp.planDone.v1']` = `{[targetRoleId]: stepId[]}` (step ids are stable across
 * re-plans: `kind:ref`). Also the progress line shared by the plan and print pages.
 */
import type { PlanStep } from '../../../../src/core/plan';

export const PLAN_DONE_KEY = 'hmp.planDone.v1';

function browserStorage(): Storage | null {
  try {
    return typeof window === 'undefined' ? null : window.localStorage;
  } catch {
    return null;
  }
}

function readAll(storage: Storage | null): Record<string, string[]> {
  try {
    const value: unknown = JSON.parse(storage?.getItem(PLAN_DONE_KEY) ?? '{}');
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return {};
    const out: Record<string, string[]> = {};
    for (const [role, ids] of Object.entries(value)) {
      if (Array.isArray(ids)) out[role] = ids.filter((id): id is string => typeof id === 'string');
    }
    return out;
  } catch {
    return {};
  }
}

/** The step ids marked done for a target role. */
export function loadDone(targetRole: string, storage: Storage | null = browserStorage()): string[] {
  return readAll(storage)[targetRole] ?? [];
}

/** Marks a step done or not; returns the new list (also when the browser would not keep it). */
export function saveDone(
  targetRole: string,
  stepId: string,
  done: boolean,
  storage: Storage | null = browserStorage(),
): string[] {
  const all = readAll(storage);
  const set = new Set(all[targetRole] ?? []);
  if (done) set.add(stepId);
  else set.delete(stepId);
  const list = [...set].sort();
  if (list.length) all[targetRole] = list;
  else delete all[targetRole];
  try {
    storage?.setItem(PLAN_DONE_KEY, JSON.stringify(all));
  } catch {
    // Storage full or switched off: the marks last for this visit only.
  }
  return list;
}

/** Steps a person can tick: everything but "now: your current role". */
export function checkableSteps<T extends Pick<PlanStep, 'kind'>>(steps: readonly T[]): T[] {
  return steps.filter((s) => s.kind !== 'start');
}

/** "3 of 9 steps done" (only the plan's own steps count). */
export function progressOf(
  steps: ReadonlyArray<Pick<PlanStep, 'id' | 'kind'>>,
  done: readonly string[],
): { done: number; total: number; text: string } {
  const list = checkableSteps(steps);
  const marked = new Set(done);
  const count = list.filter((s) => marked.has(s.id)).length;
  return {
    done: count,
    total: list.length,
    text: `${count} of ${list.length} step${list.length === 1 ? '' : 's'} done`,
  };
}
