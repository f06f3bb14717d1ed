/**
 * The competency framework in 1EdTech CASE: download the built-in framework as CASE JSON
 * (GET /api/competencies/case) and check a CASE file (POST /api/competencies/case/check). Types come
 * from the server's schemas (type-only import). Mapping: docs/case.md.
 */
import { useMutation } from '@tanstack/react-query';
import type { z } from 'zod';
import type { caseCheckResponseSchema } from '../../../src/server/competencies/schema';
import { ApiError, downloadFile, postJson } from './client';

export type CaseCheck = z.infer<typeof caseCheckResponseSchema>;
export interface CaseProblem {
  path: string;
  message: string;
}

/** The download's file name (the server names it the same). */
export const caseFileName = 'hmp-competencies.case.json';
/** The largest CASE file the server checks, in bytes. */
export const maxCaseBytes = 2 * 1024 * 1024;

/** A CASE file that cannot be sent: not JSON, too large, unreadable. Carries its problems. */
export class CaseFileProblem extends Error {
  constructor(readonly problems: CaseProblem[]) {
    super(problems[0]?.message ?? 'The file cannot be read');
    this.name = 'CaseFileProblem';
  }
}

/** Reads a chosen file as JSON (at most {@link maxCaseBytes}). Throws {@link CaseFileProblem}. */
export async function readCaseFile(file: File): Promise<unknown> {
  if (file.size > maxCaseBytes)
    throw new CaseFileProblem([
      {
        path: '',
        message: `The file is ${file.size.toLocaleString('en-GB')} bytes; the limit is 2 MB.`,
      },
    ]);
  let text: string;
  try {
    text = await file.text();
  } catch {
    throw new CaseFileProblem([{ path: '', message: 'The file could not be read.' }]);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (e) {
    throw new CaseFileProblem([{ path: '', message: `The file is not JSON: ${(e as Error).message}` }]);
  }
}

export const frameworkApi = {
  downloadCase: () => downloadFile('/api/competencies/case', caseFileName),
  checkCase: (pkg: unknown, signal?: AbortSignal) =>
    postJson<CaseCheck>('/api/competencies/case/check', pkg, signal),
};

/** Reads the chosen file and has the server check it. */
export function useCaseCheck() {
  return useMutation({
    mutationFn: async (file: File) => frameworkApi.checkCase(await readCaseFile(file)),
  });
}

export function useCaseDownload() {
  return useMutation({ mutationFn: () => frameworkApi.downloadCase() });
}

/** Every problem an error names: the server's `invalid_case` details, or the file's own problems. */
export function caseProblemsOf(error: unknown): CaseProblem[] {
  if (error instanceof CaseFileProblem) return error.problems;
  if (error instanceof ApiError && Array.isArray(error.details))
    return (error.details as unknown[]).filter(
      (p): p is CaseProblem =>
        typeof p === 'object' &&
        p !== null &&
        typeof (p as CaseProblem).path === 'string' &&
        typeof (p as CaseProblem).message === 'string',
    );
  return [];
}
