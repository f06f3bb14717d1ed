/**
 * Who is calling: resolves `request.auth` for every /api request from a bearer API token
 * (`Authorization: Bearer hmp_...`) or the session cookie (`hmp_session`), and enforces CSRF
 * protection for cookie-authenticated, state-changing requests. Wrapped in fastify-plugin so the
 * decorator and hooks apply to the whole app.
 *
 * Route files use {@link requireUser} as a preHandler and {@link currentUserId} in handlers:
 *
 * @example
 * app.get('/things', { preHandler: requireUser, schema }, async (request) =>
 *   listThings(deps.storage.db, currentUserId(request)));
 */
import fastifyCookie from '@fastify/cookie';
import type { FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { resolveSession, type AuthEnv, type NewSession } from '../../services/auth-service.js';
import { ForbiddenError, TooManyRequestsError, UnauthorizedError } from '../../services/errors.js';
import { safeEqual } from '../../services/secrets.js';
import { resolveApiToken } from '../../services/token-service.js';

/** The identity behind a request, or null for an anonymous one. */
export interface RequestAuth {
  userId: string;
  via: 'session' | 'token';
  /** Set when `via` is 'token'. */
  tokenId?: string;
  /** Set when `via` is 'session': the stored SHA-256 of the cookie's secret. */
  sessionIdHash?: string;
  /** Set when `via` is 'session': the value the `x-csrf-token` header must carry. */
  csrfToken?: string;
}

declare module 'fastify' {
  interface FastifyRequest {
    /** Resolved by the auth plugin for /api routes; null when anonymous. */
    auth: RequestAuth | null;
  }
  interface FastifyContextConfig {
    /**
     * 'origin-only' for routes used before there is a session (sign-up, sign-in): no CSRF token is
     * asked for, but an Origin header, when sent, must match the Host (against login CSRF).
     */
    csrf?: 'origin-only';
  }
}

/** The session cookie's name. */
export const SESSION_COOKIE = 'hmp_session';
/** The request header that must carry the session's CSRF token. */
export const CSRF_HEADER = 'x-csrf-token';

/** What the auth plugin and the account routes share, made once per app by `buildApp`. */
export interface AuthRuntime {
  env: AuthEnv;
  /** 'auto': the cookie is Secure when the request came over HTTPS; 'always': always Secure. */
  secureCookies: 'auto' | 'always';
}

const stateChanging = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

function isApiPath(url: string): boolean {
  const path = url.split('?', 1)[0] ?? '';
  return path === '/api' || path.startsWith('/api/');
}

function checkOrigin(request: FastifyRequest): void {
  const origin = request.headers.origin;
  if (origin === undefined) return;
  let same: boolean;
  try {
    same = new URL(origin).host === new URL(`${request.protocol}://${request.host}`).host;
  } catch {
    same = false;
  }
  if (!same) {
    throw new ForbiddenError(
      'csrf_failed',
      'This request came from another site (its Origin does not match this server); open the app at its own address and try again.',
    );
  }
}

function checkCsrfToken(request: FastifyRequest, expected: string): void {
  const sent = request.headers[CSRF_HEADER];
  if (typeof sent !== 'string' || sent === '') {
    throw new ForbiddenError(
      'csrf_failed',
      `Send the ${CSRF_HEADER} header with this request: the csrfToken from GET /api/auth/session.`,
    );
  }
  if (!safeEqual(sent, expected)) {
    throw new ForbiddenError(
      'csrf_failed',
      `The ${CSRF_HEADER} header does not match this session; reload the page and try again.`,
    );
  }
}

/**
 * Registers cookie parsing, decorates `request.auth` and resolves it in an onRequest hook for /api
 * routes:
 * - `Authorization: Bearer <token>`: a valid API token, else 401 `invalid_token` (even on public
 *   routes: a client that sends a token wants to know it is not accepted). No CSRF token needed.
 * - otherwise the `hmp_session` cookie: a live session, else anonymous.
 * - POST, PUT, PATCH and DELETE with a session must carry `x-csrf-token` equal to the session's
 *   token, else 403 `csrf_failed`; routes marked `config: {csrf: 'origin-only'}` instead check that
 *   an Origin header, when present, matches the Host.
 */
export const authPlugin = fp<AuthRuntime>(
  async (app, runtime) => {
    await app.register(fastifyCookie);
    app.decorateRequest('auth', null);
    app.addHook('onRequest', async (request) => {
      request.auth = null;
      if (!isApiPath(request.url)) return;
      const authorization = request.headers.authorization;
      const bearer = authorization ? /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(authorization) : null;
      if (bearer?.[1]) {
        const identity = await resolveApiToken(runtime.env, bearer[1]);
        if (!identity) {
          throw new UnauthorizedError(
            'invalid_token',
            'The API token is not valid: it is unknown, revoked or expired. Create a new one under API tokens.',
          );
        }
        request.auth = { userId: identity.userId, via: 'token', tokenId: identity.tokenId };
        return;
      }
      const secret = request.cookies[SESSION_COOKIE];
      const session = secret ? await resolveSession(runtime.env, secret) : null;
      if (session) {
        request.auth = {
          userId: session.userId,
          via: 'session',
          sessionIdHash: session.idHash,
          csrfToken: session.csrfToken,
        };
      }
      if (!stateChanging.has(request.method)) return;
      if (request.routeOptions.config.csrf === 'origin-only') checkOrigin(request);
      else if (session) checkCsrfToken(request, session.csrfToken);
    });
  },
  { name: 'pathways-auth' },
);

/**
 * preHandler for routes that need an account: 401 `unauthenticated` when the request has neither a
 * live session nor a valid API token.
 */
export async function requireUser(request: FastifyRequest): Promise<void> {
  if (!request.auth) {
    throw new UnauthorizedError(
      'unauthenticated',
      'Sign in first: this needs an account (a session, or an API token sent as "Authorization: Bearer hmp_...").',
    );
  }
}

/**
 * preHandler for routes that only a browser session may use (creating API tokens, so that a leaked
 * token cannot mint others): 401 when anonymous, 403 `session_required` for an API token.
 */
export async function requireSession(request: FastifyRequest): Promise<void> {
  await requireUser(request);
  if (request.auth?.via !== 'session') {
    throw new ForbiddenError(
      'session_required',
      'Sign in to the web app to do this: API tokens cannot manage API tokens.',
    );
  }
}

/** The signed-in user's id, for handlers behind {@link requireUser}. Throws 401 when anonymous. */
export function currentUserId(request: FastifyRequest): string {
  if (!request.auth) {
    throw new UnauthorizedError('unauthenticated', 'Sign in first: this needs an account.');
  }
  return request.auth.userId;
}

/**
 * The `actor` of audit events for this request: 'session' or 'token:<token id>'.
 *
 * @example
 * await recordAudit(trx, { userId, action: 'record.create', actor: currentActor(request) }, now);
 */
export function currentActor(request: FastifyRequest): string {
  const auth = request.auth;
  if (!auth) throw new UnauthorizedError('unauthenticated', 'Sign in first: this needs an account.');
  return auth.via === 'token' ? `token:${auth.tokenId ?? ''}` : 'session';
}

function secure(request: FastifyRequest, runtime: AuthRuntime): boolean {
  return runtime.secureCookies === 'always' || request.protocol === 'https';
}

/**
 * Sets the session cookie: HttpOnly (scripts cannot read it), SameSite=Lax (not sent on cross-site
 * POSTs), Path=/, Secure over HTTPS, and a Max-Age ending with the session's absolute expiry.
 */
export function setSessionCookie(
  reply: FastifyReply,
  request: FastifyRequest,
  runtime: AuthRuntime,
  session: NewSession,
): void {
  const maxAge = Math.max(
    0,
    Math.floor((Date.parse(session.expiresAt) - runtime.env.now().getTime()) / 1000),
  );
  reply.setCookie(SESSION_COOKIE, session.secret, {
    httpOnly: true,
    sameSite: 'lax',
    path: '/',
    secure: secure(request, runtime),
    maxAge,
  });
}

/** Tells the browser to forget the session cookie. */
export function clearSessionCookie(reply: FastifyReply, request: FastifyRequest, runtime: AuthRuntime): void {
  reply.clearCookie(SESSION_COOKIE, {
    httpOnly: true,
    sameSite: 'lax',
    path: '/',
    secure: secure(request, runtime),
  });
}

/**
 * Runs `work` and, when it fails with 429, sets the `Retry-After` header (seconds) before the error
 * handler answers.
 */
export async function withRetryAfter<T>(reply: FastifyReply, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (e) {
    if (e instanceof TooManyRequestsError) reply.header('retry-after', String(e.retryAfterSeconds));
    throw e;
  }
}
