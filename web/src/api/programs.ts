/**
 * Programs (/api/programs: search with facets, detail, compare), roles and the competency framework
 * as the program pages use them, and the person's latest self-ratings (browser or record).
 * Types come from the server's own zod schemas with type-only imports.
 */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useMemo, useSyncExternalStore } from 'react';
import type { z } from 'zod';
import type {
  compareBodySchema,
  compareResponseSchema,
  detailResponseSchema,
  listResponseSchema,
  ProgramFeature,
} from '../../../src/server/programs/schema';
import { latestRatings } from '../../../src/core/gaps';
import { parseStoredAssessment, SELF_ASSESSMENT_KEY } from '../components/assessment/storage';
import { useCurrentUser } from './auth';
import { getJson, postJson } from './client';
import { meKeys, recordsApi } from './records';

/** Roles and the competency framework: shared with the self-assessment page (one cache). */
export { useCompetencies, useRoles } from './career';

export type { Accreditor, Modality, Program, ProgramFormat } from '../../../src/catalog/career-schema';
export type { ProgramFeature };

export type ProgramList = z.infer<typeof listResponseSchema>;
export type ProgramFacets = ProgramList['facets'];
export type ProgramDetail = z.infer<typeof detailResponseSchema>;
export type CompareRequest = z.input<typeof compareBodySchema>;
export type CompareResult = z.infer<typeof compareResponseSchema>;
export type ComparedProgram = CompareResult['programs'][number];
export type Coverage = NonNullable<ComparedProgram['coverage']>;

export type ProgramSort = 'name' | 'cost' | 'duration';

/** Query of GET /api/programs; lists are sent comma-separated. */
export interface ProgramQuery {
  q?: string;
  format?: string[];
  modality?: string[];
  online?: boolean;
  accreditation?: string[];
  accredited?: boolean;
  maxCost?: number;
  maxMonths?: number;
  ceFor?: string[];
  competency?: string[];
  features?: string[];
  includeExamples?: boolean;
  sort?: ProgramSort;
}

/** Lists keep readable commas: ?format=mha,mph */
const value = (v: string) => encodeURIComponent(v).replace(/%2C/g, ',').replace(/%20/g, '+');

/** "?q=...&format=mha,mph&online=true", leaving out empty values and defaults; the page URL uses it too. */
export function programQueryString(query: ProgramQuery): string {
  const parts: string[] = [];
  if (query.q?.trim()) parts.push(`q=${value(query.q.trim())}`);
  for (const key of ['format', 'modality', 'accreditation', 'ceFor', 'competency', 'features'] as const) {
    const list = query[key];
    if (list?.length) parts.push(`${key}=${list.map(value).join(',')}`);
  }
  if (query.online) parts.push('online=true');
  if (query.accredited) parts.push('accredited=true');
  if (query.maxCost !== undefined) parts.push(`maxCost=${query.maxCost}`);
  if (query.maxMonths !== undefined) parts.push(`maxMonths=${query.maxMonths}`);
  if (query.includeExamples === false) parts.push('includeExamples=false');
  if (query.sort && query.sort !== 'name') parts.push(`sort=${query.sort}`);
  return parts.length ? `?${parts.join('&')}` : '';
}

function list(params: URLSearchParams, name: string): string[] | undefined {
  const items = (params.get(name) ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  return items.length ? [...new Set(items)] : undefined;
}

function number(params: URLSearchParams, name: string): number | undefined {
  const raw = params.get(name);
  if (raw === null || raw.trim() === '') return undefined;
  const n = Number(raw);
  return Number.isFinite(n) && n >= 0 ? n : undefined;
}

/** The page URL's filters (the API's own parameter names). */
export function programQueryFromParams(params: URLSearchParams): ProgramQuery {
  const query: ProgramQuery = {};
  const q = params.get('q')?.trim();
  if (q) query.q = q;
  for (const key of ['format', 'modality', 'accreditation', 'ceFor', 'competency', 'features'] as const) {
    const items = list(params, key);
    if (items) query[key] = items;
  }
  if (params.get('online') === 'true') query.online = true;
  if (params.get('accredited') === 'true') query.accredited = true;
  const maxCost = number(params, 'maxCost');
  if (maxCost !== undefined) query.maxCost = maxCost;
  const maxMonths = number(params, 'maxMonths');
  if (maxMonths !== undefined) query.maxMonths = maxMonths;
  if (params.get('includeExamples') === 'false') query.includeExamples = false;
  const sort = params.get('sort');
  if (sort === 'cost' || sort === 'duration') query.sort = sort;
  return query;
}

const enc = encodeURIComponent;

export const programsApi = {
  list: (query: ProgramQuery, signal?: AbortSignal) =>
    getJson<ProgramList>(`/api/programs${programQueryString(query)}`, signal),
  get: (id: string, signal?: AbortSignal) => getJson<ProgramDetail>(`/api/programs/${enc(id)}`, signal),
  compare: (body: CompareRequest, signal?: AbortSignal) =>
    postJson<CompareResult>('/api/programs/compare', body, signal),
};

export const programKeys = {
  list: (query: ProgramQuery) => ['programs', 'list', programQueryString(query)] as const,
  detail: (id: string) => ['programs', 'detail', id] as const,
  compare: (body: CompareRequest) => ['programs', 'compare', body] as const,
};

/** Programs matching `query`, with facet counts; keeps the previous list on screen while a new one loads. */
export function useProgramList(query: ProgramQuery) {
  return useQuery({
    queryKey: programKeys.list(query),
    queryFn: ({ signal }) => programsApi.list(query, signal),
    placeholderData: keepPreviousData,
  });
}

export function useProgram(id: string) {
  return useQuery({
    queryKey: programKeys.detail(id),
    queryFn: ({ signal }) => programsApi.get(id, signal),
  });
}

/** POST /api/programs/compare as a query: the same body gives the same answer. */
export function useProgramComparison(body: CompareRequest | null) {
  return useQuery({
    queryKey: programKeys.compare(body ?? { ids: [] }),
    queryFn: ({ signal }) => programsApi.compare(body!, signal),
    enabled: body !== null,
    placeholderData: keepPreviousData,
  });
}

/* ------------------------------------------------------------------ my ratings */

function subscribeStorage(onChange: () => void): () => void {
  window.addEventListener('storage', onChange);
  return () => window.removeEventListener('storage', onChange);
}

function readStorage(): string | null {
  try {
    return window.localStorage.getItem(SELF_ASSESSMENT_KEY);
  } catch {
    return null;
  }
}

export interface MyRatings {
  ratings: Record<string, number>;
  date: string | null;
  targetRole: string | null;
  /** Where the ratings came from; null when there are none. */
  from: 'browser' | 'record' | null;
  /** Still reading the record of a signed-in person. */
  loading: boolean;
}

/**
 * The person's latest self-ratings: from this browser (`hmp.selfAssessment.v1`) or, when signed
 * in, from the record's newest assessments, whichever is newer (the record on a tie).
 */
export function useMyRatings(): MyRatings {
  const raw = useSyncExternalStore(subscribeStorage, readStorage, () => null);
  const stored = useMemo(() => parseStoredAssessment(raw), [raw]);
  const signedIn = useCurrentUser() !== null;
  const record = useMyRecordIf(signedIn);
  return useMemo(() => {
    const items = record.data?.sections.assessments ?? [];
    const fromRecord = items.length
      ? latestRatings(items.map((i) => ({ date: i.data.date, ratings: i.data.ratings })))
      : null;
    const recordRole = record.data?.fields.goals?.targetRole ?? null;
    const hasStored = stored !== null && Object.keys(stored.ratings).length > 0;
    const storedDate = stored?.date || null;
    const useRecord =
      fromRecord !== null &&
      Object.keys(fromRecord.ratings).length > 0 &&
      (!hasStored || (fromRecord.date ?? '') >= (storedDate ?? ''));
    if (useRecord) {
      return {
        ratings: fromRecord.ratings,
        date: fromRecord.date,
        targetRole: stored?.targetRole ?? recordRole,
        from: 'record',
        loading: false,
      };
    }
    return {
      ratings: hasStored ? stored.ratings : {},
      date: hasStored ? storedDate : null,
      targetRole: stored?.targetRole ?? recordRole,
      from: hasStored ? 'browser' : null,
      loading: signedIn && record.isPending,
    };
  }, [stored, record.data, record.isPending, signedIn]);
}

/** The record, only asked for when signed in (shares the cache of My record). */
function useMyRecordIf(signedIn: boolean) {
  const record = useQuery({
    queryKey: meKeys.record,
    queryFn: ({ signal }) => recordsApi.getRecord(signal),
    enabled: signedIn,
  });
  return signedIn ? record : { data: undefined, isPending: false };
}
