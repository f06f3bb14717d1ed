/**
 * The planner (POST /api/plan) and saved plans (/api/me/plans): typed calls and TanStack Query
 * hooks. Types come from the pure core (type-only imports). Contract: docs/career-api.md,
 * "POST /api/plan" and "Saved plans".
 */
import { keepPreviousData, useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { PlanConstraints, PlanResult } from '../../../src/core/plan';
import type { savedPlanSchema, savedPlanSummarySchema } from '../../../src/server/me-plans/schema';
import { careerApi, careerKeys, type RoleDetail } from './career';
import { getJson, postJson, sendJson } from './client';

export type {
  Blocker,
  CareerPlan,
  PlanConstraints,
  PlanResult,
  PlanStep,
  StepKind,
} from '../../../src/core/plan';

export interface PlanRequest {
  to: string;
  from?: string;
  /** A profile@1 document (the quick check's, kept in this browser); signed in and omitted: the record. */
  profile?: unknown;
  constraints?: PlanConstraints;
  asOf?: string;
}

/** A plan a signed-in person keeps, as listed: `{id, to: {id, title}, from, constraints, choice, done, ...}`. */
export type SavedPlanSummary = z.infer<typeof savedPlanSummarySchema>;
/** A saved plan re-planned from the record now, with `changed` when it differs from the last one seen. */
export type SavedPlan = z.infer<typeof savedPlanSchema>;

export interface SavePlanRequest {
  to: string;
  from?: string;
  constraints?: PlanConstraints;
  choice?: number;
}

const enc = encodeURIComponent;

export const plansApi = {
  postPlan: (body: PlanRequest, signal?: AbortSignal) => postJson<PlanResult>('/api/plan', body, signal),
  listSaved: (signal?: AbortSignal) => getJson<{ plans: SavedPlanSummary[] }>('/api/me/plans', signal),
  getSaved: (id: string, signal?: AbortSignal) => getJson<SavedPlan>(`/api/me/plans/${enc(id)}`, signal),
  save: (body: SavePlanRequest) => sendJson<SavedPlan>('POST', '/api/me/plans', body),
  markStep: (id: string, stepId: string, done: boolean) =>
    sendJson<SavedPlan>('PUT', `/api/me/plans/${enc(id)}/steps/${enc(stepId)}`, { done }),
  remove: (id: string) => sendJson<void>('DELETE', `/api/me/plans/${enc(id)}`),
};

export const planKeys = {
  plan: (body: PlanRequest) => ['plan', body] as const,
  saved: ['me', 'plans'] as const,
  savedOne: (id: string) => ['me', 'plans', id] as const,
};

/** The plans for a request; idle without one; keeps the last result on screen while a new one loads. */
export function usePlan(body: PlanRequest | null) {
  return useQuery({
    queryKey: planKeys.plan(body ?? { to: '' }),
    queryFn: ({ signal }) => plansApi.postPlan(body as PlanRequest, signal),
    enabled: body !== null,
    placeholderData: keepPreviousData,
    staleTime: 60_000,
    retry: false,
  });
}

export function useSavedPlans(enabled: boolean) {
  return useQuery({
    queryKey: planKeys.saved,
    queryFn: ({ signal }) => plansApi.listSaved(signal),
    enabled,
    retry: false,
  });
}

/** One saved plan, re-planned from the record now; idle while no id. */
export function useSavedPlan(id: string | null) {
  return useQuery({
    queryKey: planKeys.savedOne(id ?? ''),
    queryFn: ({ signal }) => plansApi.getSaved(id ?? '', signal),
    enabled: id !== null,
    retry: false,
    // Reading a saved plan records it as seen: do not read it again behind the person's back.
    staleTime: Infinity,
    refetchOnWindowFocus: false,
  });
}

export function useSavePlan() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: SavePlanRequest) => plansApi.save(body),
    onSuccess: (saved) => {
      client.setQueryData(planKeys.savedOne(saved.id), saved);
      return client.invalidateQueries({ queryKey: planKeys.saved, exact: true });
    },
  });
}

export function useMarkStep() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, stepId, done }: { id: string; stepId: string; done: boolean }) =>
      plansApi.markStep(id, stepId, done),
    onSuccess: (saved) => {
      client.setQueryData(planKeys.savedOne(saved.id), (old: SavedPlan | undefined) =>
        // The PUT may answer without the re-planned result: keep what is on screen.
        old ? { ...old, ...saved, result: saved.result ?? old.result, plan: saved.plan ?? old.plan } : saved,
      );
      return client.invalidateQueries({ queryKey: planKeys.saved, exact: true });
    },
  });
}

export function useDeletePlan() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => plansApi.remove(id),
    onSuccess: () => client.invalidateQueries({ queryKey: planKeys.saved, exact: true }),
  });
}

/**
 * Every transition of the career graph, from each role's detail (GET /api/roles/:id, shared with the
 * role pages' cache): `null` until all have arrived.
 */
export function useAllTransitions(roleIds: readonly string[]): RoleDetail['transitionsOut'] | null {
  return useQueries({
    queries: roleIds.map((id) => ({
      queryKey: careerKeys.role(id),
      queryFn: ({ signal }: { signal: AbortSignal }) => careerApi.getRole(id, signal),
      staleTime: Infinity,
    })),
    combine: (results) =>
      results.length > 0 && results.every((r) => r.data)
        ? results.flatMap((r) => r.data?.transitionsOut ?? [])
        : null,
  });
}
