/**
 * The career part of the API: the competency framework, roles, gap analysis (POST /api/gaps) and
 * recommendations (POST /api/recommendations), as typed calls and TanStack Query hooks. Types come
 * from the server's schemas and the pure core (type-only imports: nothing from the server ends up
 * in the browser bundle). The contract is docs/career-api.md.
 */
import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { ScaleLevel } from '../../../src/catalog/career-schema';
import type { GapItem, GapReport } from '../../../src/core/gaps';
import type { Pick, RecommendConstraints, Recommendation } from '../../../src/core/recommend';
import type { competenciesResponseSchema } from '../../../src/server/competencies/schema';
import type { detailResponseSchema, listResponseSchema } from '../../../src/server/roles/schema';
import { ApiError, getJson, postJson } from './client';

export type { CompetencyDomainId, ScaleLevel } from '../../../src/catalog/career-schema';
export type { DomainSummary, GapItem, GapStatus } from '../../../src/core/gaps';
export type {
  ExclusionReason,
  Pick,
  RecommendConstraints,
  Recommendation,
} from '../../../src/core/recommend';

export type CompetencyFramework = z.infer<typeof competenciesResponseSchema>;
export type FrameworkCompetency = CompetencyFramework['competencies'][number];
export type RoleList = z.infer<typeof listResponseSchema>;
export type RoleSummary = RoleList['roles'][number];
export type RoleDetail = z.infer<typeof detailResponseSchema>;

/** Ratings per competency id, 1–5; a competency left out is not rated (unknown, never 0). */
export type Ratings = Record<string, number>;

/** POST /api/gaps: the report, with the framework's scale. */
export type GapReportResponse = GapReport & { scale?: ScaleLevel[] };
export type GapReportItem = GapItem;

export interface GapsRequest {
  role: string;
  ratings: Ratings;
  assessedOn?: string;
}

export interface RecommendationsRequest {
  role: string;
  ratings: Ratings;
  constraints: RecommendConstraints;
  /** A profile@1 document (the quick check's, kept in this browser); signed in and omitted: the record. */
  profile?: unknown;
  asOf?: string;
}

export type RecommendationPick = Pick;

const enc = encodeURIComponent;

export const careerApi = {
  getCompetencies: (signal?: AbortSignal) => getJson<CompetencyFramework>('/api/competencies', signal),
  listRoles: (signal?: AbortSignal) => getJson<RoleList>('/api/roles', signal),
  getRole: (id: string, signal?: AbortSignal) => getJson<RoleDetail>(`/api/roles/${enc(id)}`, signal),
  postGaps: (body: GapsRequest, signal?: AbortSignal) =>
    postJson<GapReportResponse>('/api/gaps', body, signal),
  postRecommendations: (body: RecommendationsRequest, signal?: AbortSignal) =>
    postJson<Recommendation>('/api/recommendations', body, signal),
};

export const careerKeys = {
  competencies: ['competencies'] as const,
  roles: ['roles'] as const,
  role: (id: string) => ['role', id] as const,
  gaps: (body: GapsRequest) => ['gaps', body] as const,
};

export function useCompetencies() {
  return useQuery({
    queryKey: careerKeys.competencies,
    queryFn: ({ signal }) => careerApi.getCompetencies(signal),
    staleTime: Infinity,
  });
}

export function useRoles() {
  return useQuery({
    queryKey: careerKeys.roles,
    queryFn: ({ signal }) => careerApi.listRoles(signal),
    staleTime: Infinity,
  });
}

/** A role with its targets; idle while no role is chosen. */
export function useRole(id: string | null) {
  return useQuery({
    queryKey: careerKeys.role(id ?? ''),
    queryFn: ({ signal }) => careerApi.getRole(id ?? '', signal),
    enabled: id !== null,
    staleTime: Infinity,
  });
}

/** The gap report for a role and ratings; keeps the last report on screen while a new one loads. */
export function useGapReport(body: GapsRequest | null) {
  return useQuery({
    queryKey: careerKeys.gaps(body ?? { role: '', ratings: {} }),
    queryFn: ({ signal }) => careerApi.postGaps(body as GapsRequest, signal),
    enabled: body !== null,
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
}

export function useRecommendations() {
  return useMutation({
    mutationFn: (body: RecommendationsRequest) => careerApi.postRecommendations(body),
  });
}

/**
 * The field problems of a 400, by path (`constraints.budget`, `ratings.budgeting`). The API sends
 * them as `details.issues` (the error handler's shape) or as `details` itself (an array).
 */
export function fieldErrorsOf(error: unknown): Record<string, string> {
  if (!(error instanceof ApiError)) return {};
  const details = error.details;
  const list: unknown = Array.isArray(details)
    ? details
    : typeof details === 'object' && details !== null
      ? (details as { issues?: unknown }).issues
      : undefined;
  if (!Array.isArray(list)) return {};
  const out: Record<string, string> = {};
  for (const issue of list) {
    if (typeof issue !== 'object' || issue === null) continue;
    const { path, message } = issue as { path?: unknown; message?: unknown };
    const key = Array.isArray(path) ? path.join('.') : typeof path === 'string' ? path : '';
    if (typeof message === 'string' && !(key in out)) out[key] = message;
  }
  return out;
}
