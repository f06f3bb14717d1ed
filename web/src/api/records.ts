/**
 * My record, profile import, the dashboard and planned exams (/api/me): typed calls and TanStack
 * Query hooks. Every change invalidates the record and the dashboard, so eligibility and renewal
 * status follow each edit. State-changing calls go through `sendJson`, which adds the session's
 * CSRF token.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, downloadFile, getJson, sendJson } from './client';
import type {
  Dashboard,
  ImportMode,
  ImportPreview,
  ImportResult,
  MyRecord,
  PlannedExam,
  PlannedExamInput,
  ProfileFields,
  ProfileFieldsPatch,
  RecordIssue,
  RecordItem,
  RecordSection,
} from './recordTypes';

/* ------------------------------------------------------------------ calls */

const enc = encodeURIComponent;

export const recordsApi = {
  getRecord: (signal?: AbortSignal) => getJson<MyRecord>('/api/me/record', signal),
  createItem: (section: RecordSection, data: unknown) =>
    sendJson<RecordItem>('POST', `/api/me/record/${enc(section)}`, data),
  /** `etag`: the item's version when it was read; a change made since gets 412 `item_changed`. */
  updateItem: (section: RecordSection, id: string, data: unknown, etag?: string) =>
    sendJson<RecordItem>(
      'PUT',
      `/api/me/record/${enc(section)}/${enc(id)}`,
      data,
      undefined,
      etag ? { 'if-match': etag } : undefined,
    ),
  deleteItem: (section: RecordSection, id: string, etag?: string) =>
    sendJson<void>(
      'DELETE',
      `/api/me/record/${enc(section)}/${enc(id)}`,
      undefined,
      undefined,
      etag ? { 'if-match': etag } : undefined,
    ),
  updateFields: (patch: ProfileFieldsPatch) =>
    sendJson<ProfileFields>('PATCH', '/api/me/record/fields', patch),
  previewImport: (profile: unknown, mode: ImportMode) =>
    sendJson<ImportPreview>('POST', '/api/me/import/preview', { profile, mode }),
  applyImport: (profile: unknown, mode: ImportMode, revision: string) =>
    sendJson<ImportResult>('POST', '/api/me/import', { profile, mode, revision }),
  getDashboard: (asOf: string | undefined, signal?: AbortSignal) =>
    getJson<Dashboard>(`/api/me/dashboard${asOf ? `?asOf=${enc(asOf)}` : ''}`, signal),
  listPlannedExams: (signal?: AbortSignal) => getJson<PlannedExam[]>('/api/me/planned-exams', signal),
  addPlannedExam: (input: PlannedExamInput) => sendJson<PlannedExam>('POST', '/api/me/planned-exams', input),
  deletePlannedExam: (id: string) => sendJson<void>('DELETE', `/api/me/planned-exams/${enc(id)}`),
};

/** Saves the record as a profile@1 YAML file ("Download profile file"); resolves to the file name. */
export const downloadProfileFile = () => downloadFile('/api/me/profile.yaml', 'profile.yaml');

/** The problems of a 400 (`error.details.issues`), or none. */
export function issuesOf(error: unknown): RecordIssue[] {
  if (!(error instanceof ApiError) || typeof error.details !== 'object' || error.details === null) return [];
  const issues = (error.details as { issues?: unknown }).issues;
  if (!Array.isArray(issues)) return [];
  return issues
    .filter((i): i is Record<string, unknown> => typeof i === 'object' && i !== null)
    .map((i) => ({
      path: Array.isArray(i.path) ? i.path.join('.') : String(i.path ?? ''),
      message: String(i.message ?? ''),
    }));
}

/* ------------------------------------------------------------------ hooks */

export const meKeys = {
  all: ['me'] as const,
  record: ['me', 'record'] as const,
  dashboard: (asOf: string | undefined) => ['me', 'dashboard', asOf ?? 'today'] as const,
  plannedExams: ['me', 'planned-exams'] as const,
};

/** After any change: the record, the dashboard (every as-of date) and planned exams are stale. */
function useInvalidateMe() {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: meKeys.all });
}

/** The version of an item as last read with the record (sent as If-Match with a change). */
function useEtagOf() {
  const client = useQueryClient();
  return (section: RecordSection, id: string) =>
    client.getQueryData<MyRecord>(meKeys.record)?.sections[section]?.find((i) => i.id === id)?.etag;
}

/** After 412 `item_changed` the record is read again, so the next try sees the other change. */
function refreshWhenChanged(invalidate: () => Promise<void>) {
  return (error: Error) => {
    if (error instanceof ApiError && error.code === 'item_changed') void invalidate();
  };
}

export function useMyRecord() {
  return useQuery({
    queryKey: meKeys.record,
    queryFn: ({ signal }) => recordsApi.getRecord(signal),
    staleTime: 0,
  });
}

export function useDashboard(asOf: string | undefined) {
  return useQuery({
    queryKey: meKeys.dashboard(asOf),
    queryFn: ({ signal }) => recordsApi.getDashboard(asOf, signal),
    staleTime: 0,
  });
}

export function usePlannedExams() {
  return useQuery({
    queryKey: meKeys.plannedExams,
    queryFn: ({ signal }) => recordsApi.listPlannedExams(signal),
    staleTime: 0,
  });
}

/** Adds an item (`id` undefined) or replaces one. */
export function useSaveItem() {
  const invalidate = useInvalidateMe();
  const etagOf = useEtagOf();
  return useMutation({
    mutationFn: ({ section, id, data }: { section: RecordSection; id?: string; data: unknown }) =>
      id === undefined
        ? recordsApi.createItem(section, data)
        : recordsApi.updateItem(section, id, data, etagOf(section, id)),
    onSuccess: invalidate,
    onError: refreshWhenChanged(invalidate),
  });
}

export function useDeleteItem() {
  const invalidate = useInvalidateMe();
  const etagOf = useEtagOf();
  return useMutation({
    mutationFn: ({ section, id }: { section: RecordSection; id: string }) =>
      recordsApi.deleteItem(section, id, etagOf(section, id)),
    onSuccess: invalidate,
    onError: refreshWhenChanged(invalidate),
  });
}

export function useUpdateFields() {
  const invalidate = useInvalidateMe();
  return useMutation({
    mutationFn: (patch: ProfileFieldsPatch) => recordsApi.updateFields(patch),
    onSuccess: invalidate,
  });
}

/** What importing would change; writes nothing. */
export function useImportPreview() {
  return useMutation({
    mutationFn: ({ profile, mode }: { profile: unknown; mode: ImportMode }) =>
      recordsApi.previewImport(profile, mode),
  });
}

export function useApplyImport() {
  const invalidate = useInvalidateMe();
  return useMutation({
    mutationFn: ({ profile, mode, revision }: { profile: unknown; mode: ImportMode; revision: string }) =>
      recordsApi.applyImport(profile, mode, revision),
    // A refused import (409) may still mean the record moved on: refresh either way.
    onSettled: invalidate,
  });
}

export function useAddPlannedExam() {
  const invalidate = useInvalidateMe();
  return useMutation({
    mutationFn: (input: PlannedExamInput) => recordsApi.addPlannedExam(input),
    onSuccess: invalidate,
  });
}

export function useDeletePlannedExam() {
  const invalidate = useInvalidateMe();
  return useMutation({
    mutationFn: (id: string) => recordsApi.deletePlannedExam(id),
    onSuccess: invalidate,
  });
}
