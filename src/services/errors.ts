/**
 * Errors with a stable machine code and an HTTP status. The server's one error handler turns them
 * into `{error: {code, message, details}}`; the CLI prints the message and exits 2.
 */
import type { z } from 'zod';

export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export class NotFoundError extends AppError {
  constructor(code: string, message: string, details?: unknown) {
    super(404, code, message, details);
  }
}

export class ValidationError extends AppError {
  constructor(message: string, details?: unknown, code = 'invalid_request') {
    super(400, code, message, details);
  }
}

/** 401: the request carries no valid credential, or the credential given is wrong. */
export class UnauthorizedError extends AppError {
  constructor(code: string, message: string, details?: unknown) {
    super(401, code, message, details);
  }
}

/** 403: the caller is known but may not do this (e.g. a failed CSRF check). */
export class ForbiddenError extends AppError {
  constructor(code: string, message: string, details?: unknown) {
    super(403, code, message, details);
  }
}

/** 409: the request conflicts with what is stored (e.g. an email address already used). */
export class ConflictError extends AppError {
  constructor(code: string, message: string, details?: unknown) {
    super(409, code, message, details);
  }
}

/**
 * 429: too many attempts. `retryAfterSeconds` is sent as the `Retry-After` header by the routes
 * that can throw it, and repeated in `details`.
 */
export class TooManyRequestsError extends AppError {
  constructor(
    code: string,
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super(429, code, message, { retryAfterSeconds });
  }
}

/** One problem with an input: where (`positions[1].start`) and what, in plain words. */
export interface Issue {
  path: string;
  message: string;
}

/** `['positions', 1, 'start']` -> `positions[1].start`, after an optional prefix. */
export function formatPath(p: readonly PropertyKey[], prefix = ''): string {
  let out = prefix;
  for (const key of p) out += typeof key === 'number' ? `[${key}]` : out ? `.${String(key)}` : String(key);
  return out;
}

/** Issues of a zod error as `{path, message}`, with unknown keys named one by one. */
export function issuesOf(error: { issues: z.core.$ZodIssue[] }, prefix = ''): Issue[] {
  return error.issues.flatMap((i) =>
    i.code === 'unrecognized_keys'
      ? i.keys.map((k) => ({
          path: formatPath([...i.path, k], prefix),
          message: 'unknown field (check the spelling)',
        }))
      : [{ path: formatPath(i.path, prefix), message: i.message }],
  );
}

/**
 * `path: message` for the first issue, with a count of the others, for an error's one-line message.
 *
 * @example
 * summarizeIssues([{path: 'positions[1].start', message: 'not a date'}]); // 'positions[1].start: not a date'
 */
export function summarizeIssues(issues: readonly Issue[]): string {
  const first = issues[0];
  if (!first) return 'The input is invalid';
  const head = first.path ? `${first.path}: ${first.message}` : first.message;
  const more = issues.length - 1;
  return more > 0 ? `${head} (and ${more} more ${more === 1 ? 'problem' : 'problems'})` : head;
}
