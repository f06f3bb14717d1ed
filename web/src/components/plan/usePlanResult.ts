/**
 * The plan a /plan URL asks for, shared by the plan page and its print view: a saved plan (signed
 * in, re-planned from the record) or a plan worked out from the form's parameters (with the quick
 * check's profile when the person chose to use it).
 */
import { useMemo } from 'react';
import { useSession } from '../../api/auth';
import { useRoles } from '../../api/career';
import { usePlan, useSavedPlan, type PlanRequest, type PlanResult } from '../../api/plans';
import { browserProfile } from './browserProfile';
import { constraintsOf, type PlanParams } from './planParams';

/** The request for POST /api/plan from the form, or null while no target is chosen. */
export function planRequestOf(p: PlanParams, profile: Record<string, unknown> | null): PlanRequest | null {
  if (!p.to) return null;
  const constraints = constraintsOf(p);
  return {
    to: p.to,
    ...(p.from ? { from: p.from } : {}),
    ...(profile && p.useQuickCheck ? { profile } : {}),
    ...(Object.keys(constraints).length ? { constraints } : {}),
  };
}

export function usePlanResult(params: PlanParams) {
  const session = useSession();
  const signedIn = (session.data?.user ?? null) !== null;
  const sessionKnown = !session.isPending;
  const roles = useRoles();
  const browser = useMemo(
    () => (sessionKnown && !signedIn ? browserProfile() : null),
    [sessionKnown, signedIn],
  );
  const saved = useSavedPlan(sessionKnown && signedIn ? params.saved : null);
  const planQuery = usePlan(
    sessionKnown && !params.saved ? planRequestOf(params, browser?.profile ?? null) : null,
  );
  const result: PlanResult | undefined = params.saved ? saved.data?.result : planQuery.data;
  /** The chosen alternative, within the plans there are. */
  const index = Math.min(params.plan, Math.max(0, (result?.plans.length ?? 1) - 1));
  return {
    signedIn,
    sessionKnown,
    roles,
    browser,
    saved,
    planQuery,
    result,
    index,
    plan: result?.plans[index],
    error: params.saved ? saved.error : planQuery.error,
  };
}
