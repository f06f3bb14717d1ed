/**
 * The plan form in the URL (pure), so a plan can be reloaded, shared and printed:
 * `?to=&from=&by=&budget=&hours=&noDegree=1&online=1&quick=0&plan=1&saved=ID`.
 */
import type { PlanConstraints } from '../../../../src/core/plan';

export interface PlanParams {
  to: string;
  from: string;
  finishBy: string;
  budgetPerYear: number | null;
  hoursPerWeek: number | null;
  noNewDegree: boolean;
  onlineOnly: boolean;
  /** Send the quick check's profile (anonymous only); default yes when there is one. */
  useQuickCheck: boolean;
  /** The chosen plan, 0-based. */
  plan: number;
  /** A saved plan's id (signed in). */
  saved: string | null;
}

export const emptyParams: PlanParams = {
  to: '',
  from: '',
  finishBy: '',
  budgetPerYear: null,
  hoursPerWeek: null,
  noNewDegree: false,
  onlineOnly: false,
  useQuickCheck: true,
  plan: 0,
  saved: null,
};

const ID = /^[a-z0-9][a-z0-9_-]*$/;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

function num(value: string | null): number | null {
  if (value === null || value.trim() === '') return null;
  const n = Number(value);
  return Number.isFinite(n) ? n : null;
}

export function readParams(search: URLSearchParams): PlanParams {
  const id = (key: string) => {
    const v = search.get(key) ?? '';
    return ID.test(v) ? v : '';
  };
  const plan = Number(search.get('plan') ?? '0');
  const saved = search.get('saved');
  return {
    to: id('to'),
    from: id('from'),
    finishBy: DAY.test(search.get('by') ?? '') ? (search.get('by') as string) : '',
    budgetPerYear: num(search.get('budget')),
    hoursPerWeek: num(search.get('hours')),
    noNewDegree: search.get('noDegree') === '1',
    onlineOnly: search.get('online') === '1',
    useQuickCheck: search.get('quick') !== '0',
    plan: Number.isInteger(plan) && plan >= 0 && plan <= 2 ? plan : 0,
    saved: saved && /^[\w-]{1,100}$/.test(saved) ? saved : null,
  };
}

export function writeParams(p: PlanParams): URLSearchParams {
  const s = new URLSearchParams();
  if (p.saved) s.set('saved', p.saved);
  if (p.to) s.set('to', p.to);
  if (p.from) s.set('from', p.from);
  if (p.finishBy) s.set('by', p.finishBy);
  if (p.budgetPerYear !== null) s.set('budget', String(p.budgetPerYear));
  if (p.hoursPerWeek !== null) s.set('hours', String(p.hoursPerWeek));
  if (p.noNewDegree) s.set('noDegree', '1');
  if (p.onlineOnly) s.set('online', '1');
  if (!p.useQuickCheck) s.set('quick', '0');
  if (p.plan) s.set('plan', String(p.plan));
  return s;
}

/** The constraints to send: only what is set. */
export function constraintsOf(p: PlanParams): PlanConstraints {
  const c: PlanConstraints = {};
  if (p.finishBy) c.finishBy = p.finishBy;
  if (p.budgetPerYear !== null) c.budgetPerYear = p.budgetPerYear;
  if (p.hoursPerWeek !== null) c.hoursPerWeek = p.hoursPerWeek;
  if (p.noNewDegree) c.noNewDegree = true;
  if (p.onlineOnly) c.onlineOnly = true;
  return c;
}

/** The form state of a saved plan's request. */
export function paramsOfSaved(saved: {
  id: string;
  to: { id: string };
  from?: string | null;
  constraints?: PlanConstraints;
  choice?: number;
}): PlanParams {
  const c = saved.constraints ?? {};
  return {
    ...emptyParams,
    saved: saved.id,
    to: saved.to.id,
    from: saved.from ?? '',
    finishBy: c.finishBy ?? '',
    budgetPerYear: c.budgetPerYear ?? null,
    hoursPerWeek: c.hoursPerWeek ?? null,
    noNewDegree: c.noNewDegree ?? false,
    onlineOnly: c.onlineOnly ?? false,
    plan: saved.choice ?? 0,
  };
}

/** The params without one constraint ("relax it"), back to a fresh (unsaved) plan. */
export function relax(p: PlanParams, constraint: keyof PlanConstraints): PlanParams {
  const next: PlanParams = { ...p, saved: null, plan: 0 };
  if (constraint === 'finishBy') next.finishBy = '';
  if (constraint === 'budgetPerYear') next.budgetPerYear = null;
  if (constraint === 'hoursPerWeek') next.hoursPerWeek = null;
  if (constraint === 'noNewDegree') next.noNewDegree = false;
  if (constraint === 'onlineOnly') next.onlineOnly = false;
  return next;
}

export const constraintLabels: Record<keyof PlanConstraints, string> = {
  finishBy: 'the finish-by date',
  budgetPerYear: 'the budget per year',
  hoursPerWeek: 'the hours per week',
  noNewDegree: '"no new degree"',
  onlineOnly: '"online only"',
};
