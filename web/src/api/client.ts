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

/** GET a JSON resource from the API. Throws {@link ApiError} with the server's message on failure. */
export async function getJson<T>(path: string, signal?: AbortSignal): Promise<T> {
  return requestJson<T>(path, { headers: { accept: 'application/json' }, signal });
}

/** POST a JSON body to the API. Throws {@link ApiError} with the server's message on failure. */
export async function postJson<T>(path: string, body: unknown, signal?: AbortSignal): Promise<T> {
  return requestJson<T>(path, {
    method: 'POST',
    headers: { accept: 'application/json', 'content-type': 'application/json' },
    body: JSON.stringify(body),
    signal,
  });
}

async function requestJson<T>(path: string, init: RequestInit & { signal?: AbortSignal | null }): Promise<T> {
  const signal = init.signal ?? undefined;
  let response: Response;
  try {
    response = await fetch(path, init);
  } catch (e) {
    if (signal?.aborted) throw e;
    throw new ApiError(
      0,
      'network_error',
      'Could not reach the Pathways server. Check your connection and try again.',
    );
  }
  const body: unknown = await response.json().catch(() => undefined);
  if (!response.ok) {
    if (isErrorBody(body)) {
      throw new ApiError(response.status, body.error.code, body.error.message, body.error.details);
    }
    throw new ApiError(
      response.status,
      'http_error',
      `The server answered ${response.status}${response.statusText ? ` ${response.statusText}` : ''}.`,
    );
  }
  if (body === undefined)
    throw new ApiError(response.status, 'invalid_response', 'The server sent a reply that is not JSON.');
  return body as T;
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
