/** A small typed client for the Pathways API. Errors carry the server's own message. */
import type {
  ApiErrorBody,
  CatalogInfo,
  CertificationDetail,
  CertificationList,
  CertificationQuery,
  EligibilityReport,
  EligibilityRequest,
} from './types';

/** An error from the API (or from reaching it); `message` is fit to show to a person. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  get isNotFound(): boolean {
    return this.status === 404;
  }
}

function isErrorBody(body: unknown): body is ApiErrorBody {
  if (typeof body !== 'object' || body === null || !('error' in body)) return false;
  const error = (body as { error: unknown }).error;
  return (
    typeof error === 'object' &&
    error !== null &&
    typeof (error as { message?: unknown }).message === 'string'
  );
}

/** The header that carries the session's CSRF token on state-changing requests (docs/security.md). */
export const CSRF_HEADER = 'x-csrf-token';

/**
 * The CSRF token of this browser's session: `undefined` while not known yet (it is then read from
 * GET /api/auth/session before the first state-changing request), `null` when signed out.
 */
let csrfToken: string | null | undefined;

/** Remembers the session's CSRF token (from sign-in, sign-up or GET /api/auth/session); null when signed out. */
export function setCsrfToken(token: string | null | undefined): void {
  csrfToken = token;
}

async function currentCsrfToken(): Promise<string | null> {
  if (csrfToken !== undefined) return csrfToken;
  try {
    const response = await fetch('/api/auth/session', {
      headers: { accept: 'application/json' },
      credentials: 'same-origin',
    });
    const body: unknown = response.ok ? await response.json() : undefined;
    const token = (body as { csrfToken?: unknown } | undefined)?.csrfToken;
    csrfToken = typeof token === 'string' ? token : null;
  } catch {
    // Unreachable server: the request itself will report it.
    return null;
  }
  return csrfToken;
}

/** GET a JSON resource from the API. Throws {@link ApiError} with the server's message on failure. */
export async function getJson<T>(path: string, signal?: AbortSignal): Promise<T> {
  return requestJson<T>(path, {
    headers: { accept: 'application/json' },
    credentials: 'same-origin',
    signal,
  });
}

/** POST a JSON body to the API (with the CSRF token when signed in). Throws {@link ApiError} on failure. */
export async function postJson<T>(path: string, body: unknown, signal?: AbortSignal): Promise<T> {
  return sendJson<T>('POST', path, body, signal);
}

export type SendMethod = 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/**
 * Sends a state-changing request with an optional JSON body. Adds the session's `x-csrf-token`
 * automatically (looked up once when not known) and sends the session cookie; when the server
 * says the token does not match (another tab signed in or out), the token is read again and the
 * request is sent once more. A 204 resolves to `undefined`. Throws {@link ApiError} on failure.
 *
 * @example
 * await sendJson('DELETE', `/api/tokens/${id}`);
 * const created = await sendJson<CreatedApiToken>('POST', '/api/tokens', { name: 'HR import' });
 */
export async function sendJson<T = void>(
  method: SendMethod,
  path: string,
  body?: unknown,
  signal?: AbortSignal,
  /** More request headers, e.g. `if-match`. */
  extraHeaders?: Record<string, string>,
): Promise<T> {
  const attempt = async () => {
    const headers: Record<string, string> = { accept: 'application/json', ...extraHeaders };
    if (body !== undefined) headers['content-type'] = 'application/json';
    const token = await currentCsrfToken();
    if (token) headers[CSRF_HEADER] = token;
    return requestJson<T>(path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'same-origin',
      signal,
    });
  };
  try {
    return await attempt();
  } catch (e) {
    if (!(e instanceof ApiError && e.code === 'csrf_failed')) throw e;
    const before = csrfToken;
    csrfToken = undefined;
    if ((await currentCsrfToken()) === before) throw e;
    return attempt();
  }
}

async function fetchOrThrow(path: string, init: RequestInit & { signal?: AbortSignal | null }) {
  const signal = init.signal ?? undefined;
  try {
    return await fetch(path, init);
  } catch (e) {
    if (signal?.aborted) throw e;
    throw new ApiError(
      0,
      'network_error',
      'Could not reach the Pathways server. Check your connection and try again.',
    );
  }
}

async function errorOf(response: Response): Promise<ApiError> {
  const body: unknown = await response.json().catch(() => undefined);
  if (isErrorBody(body)) {
    return new ApiError(response.status, body.error.code, body.error.message, body.error.details);
  }
  return new ApiError(
    response.status,
    'http_error',
    `The server answered ${response.status}${response.statusText ? ` ${response.statusText}` : ''}.`,
  );
}

async function requestJson<T>(path: string, init: RequestInit & { signal?: AbortSignal | null }): Promise<T> {
  const response = await fetchOrThrow(path, init);
  if (!response.ok) throw await errorOf(response);
  if (response.status === 204) return undefined as T;
  const body: unknown = await response.json().catch(() => undefined);
  if (body === undefined)
    throw new ApiError(response.status, 'invalid_response', 'The server sent a reply that is not JSON.');
  return body as T;
}

/** The file name of a `content-disposition: attachment; filename="..."` header, if it has one. */
export function fileNameOf(contentDisposition: string | null, fallback: string): string {
  const match = /filename\*?=(?:UTF-8'')?"?([^";]+)"?/i.exec(contentDisposition ?? '');
  if (!match?.[1]) return fallback;
  try {
    return decodeURIComponent(match[1]);
  } catch {
    return match[1];
  }
}

/**
 * Downloads an API resource (sent with the session cookie) as a file, named as the server names it.
 * Throws {@link ApiError} with the server's message instead of saving an error page. Resolves to
 * the file name.
 */
export async function downloadFile(path: string, fallbackName: string): Promise<string> {
  const response = await fetchOrThrow(path, { credentials: 'same-origin' });
  if (!response.ok) throw await errorOf(response);
  const name = fileNameOf(response.headers.get('content-disposition'), fallbackName);
  const url = URL.createObjectURL(await response.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
  return name;
}

/** The query string of GET /api/certifications, leaving out empty values. */
export function certificationQueryString(query: CertificationQuery): string {
  const params = new URLSearchParams();
  if (query.q?.trim()) params.set('q', query.q.trim());
  if (query.focus?.length) params.set('focus', query.focus.join(','));
  if (query.issuer?.length) params.set('issuer', query.issuer.join(','));
  if (query.sort) params.set('sort', query.sort);
  if (query.order) params.set('order', query.order);
  const s = params.toString();
  return s ? `?${s}` : '';
}

export const api = {
  listCertifications: (query: CertificationQuery, signal?: AbortSignal) =>
    getJson<CertificationList>(`/api/certifications${certificationQueryString(query)}`, signal),
  getCertification: (id: string, signal?: AbortSignal) =>
    getJson<CertificationDetail>(`/api/certifications/${encodeURIComponent(id)}`, signal),
  getCatalog: (signal?: AbortSignal) => getJson<CatalogInfo>('/api/catalog', signal),
  postEligibility: (body: EligibilityRequest, signal?: AbortSignal) =>
    postJson<EligibilityReport>('/api/eligibility', body, signal),
};
