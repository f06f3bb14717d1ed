/** TanStack Query hooks over the API client. */
import { keepPreviousData, QueryClient, useMutation, useQuery } from '@tanstack/react-query';
import { api, ApiError } from './client';
import type { CertificationQuery, EligibilityRequest } from './types';

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 5 * 60_000,
        refetchOnWindowFocus: false,
        // A 4xx will not change by asking again; network trouble and 5xx might.
        retry: (failures, error) =>
          failures < 2 && !(error instanceof ApiError && error.status >= 400 && error.status < 500),
      },
    },
  });
}

export const queryKeys = {
  catalog: ['catalog'] as const,
  certifications: (query: CertificationQuery) => ['certifications', query] as const,
  certification: (id: string) => ['certification', id.toLowerCase()] as const,
};

/** Catalog version and vocabulary (labels for focus areas, issuers, units, ...). */
export function useCatalog() {
  return useQuery({
    queryKey: queryKeys.catalog,
    queryFn: ({ signal }) => api.getCatalog(signal),
    staleTime: Infinity,
  });
}

/** Certifications matching `query`; keeps the previous list on screen while a new search runs. */
export function useCertificationList(query: CertificationQuery) {
  return useQuery({
    queryKey: queryKeys.certifications(query),
    queryFn: ({ signal }) => api.listCertifications(query, signal),
    placeholderData: keepPreviousData,
  });
}

export function useCertification(id: string) {
  return useQuery({
    queryKey: queryKeys.certification(id),
    queryFn: ({ signal }) => api.getCertification(id, signal),
  });
}

/** POST /api/eligibility: who is eligible for what, for a profile kept in the browser. */
export function usePostEligibility() {
  return useMutation({
    mutationFn: (body: EligibilityRequest) => api.postEligibility(body),
  });
}
