import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { changePassword, getAccount, signIn, signOut, signUp } from '../../services/auth-service.js';
import { ValidationError } from '../../services/errors.js';
import { errorBodySchema } from '../errors.js';
import {
  clearSessionCookie,
  currentActor,
  currentUserId,
  requireUser,
  setSessionCookie,
  withRetryAfter,
  type AuthRuntime,
} from './plugin.js';
import {
  changePasswordBodySchema,
  changePasswordResponseSchema,
  noContentSchema,
  sessionResponseSchema,
  signInBodySchema,
  signUpBodySchema,
} from './schema.js';

/** Both ways of calling an account route, for the OpenAPI document. */
export const authenticated: { [scheme: string]: string[] }[] = [{ sessionCookie: [] }, { bearerToken: [] }];

/** Sign up, sign in, sign out, the current session and password change. */
export const authRoutes = (runtime: AuthRuntime): FastifyPluginAsyncZod =>
  async function routes(app) {
    app.post(
      '/auth/signup',
      {
        config: { csrf: 'origin-only' },
        schema: {
          tags: ['account'],
          summary: 'Create an account and sign in',
          description:
            'Sets the `hmp_session` cookie (HttpOnly, SameSite=Lax) and returns the CSRF token to send as `x-csrf-token` on later state-changing requests. 409 `email_taken` when the address already has an account. At most 20 sign-ups per hour from one network: then 429 `too_many_signups` with `Retry-After`. The password must have 10 characters (not counting spaces at the ends) and not be a common one.',
          body: signUpBodySchema,
          response: {
            201: sessionResponseSchema,
            400: errorBodySchema,
            403: errorBodySchema,
            409: errorBodySchema,
            429: errorBodySchema,
          },
        },
      },
      async (request, reply) => {
        const { user, session } = await withRetryAfter(reply, () =>
          signUp(runtime.env, {
            ...request.body,
            ip: request.ip,
            userAgent: request.headers['user-agent'],
            replaceSessionIdHash: request.auth?.sessionIdHash,
          }),
        );
        setSessionCookie(reply, request, runtime, session);
        return reply.code(201).send({ user, csrfToken: session.csrfToken });
      },
    );

    app.post(
      '/auth/signin',
      {
        config: { csrf: 'origin-only' },
        schema: {
          tags: ['account'],
          summary: 'Sign in with email and password',
          description:
            'Sets the `hmp_session` cookie. An unknown email and a wrong password get the same 401. After 5 failed attempts for an address (or 50 from a network) within 15 minutes, sign-in for it is refused with 429 and `Retry-After` for 15 minutes.',
          body: signInBodySchema,
          response: {
            200: sessionResponseSchema,
            400: errorBodySchema,
            401: errorBodySchema,
            403: errorBodySchema,
            429: errorBodySchema,
          },
        },
      },
      async (request, reply) => {
        const { user, session } = await withRetryAfter(reply, () =>
          signIn(runtime.env, {
            ...request.body,
            ip: request.ip,
            userAgent: request.headers['user-agent'],
            replaceSessionIdHash: request.auth?.sessionIdHash,
          }),
        );
        setSessionCookie(reply, request, runtime, session);
        return { user, csrfToken: session.csrfToken };
      },
    );

    app.post(
      '/auth/signout',
      {
        preHandler: requireUser,
        schema: {
          tags: ['account'],
          summary: 'Sign out: end this session and clear the cookie',
          security: [{ sessionCookie: [] }],
          response: {
            204: noContentSchema,
            400: errorBodySchema,
            401: errorBodySchema,
            403: errorBodySchema,
          },
        },
      },
      async (request, reply) => {
        const auth = request.auth;
        if (auth?.via !== 'session' || !auth.sessionIdHash) {
          throw new ValidationError(
            'Sign-out ends a browser session; to stop an API token, revoke it with DELETE /api/tokens/{id}',
            undefined,
            'not_a_session',
          );
        }
        await signOut(runtime.env, { userId: auth.userId, sessionIdHash: auth.sessionIdHash });
        clearSessionCookie(reply, request, runtime);
        return reply.code(204).send(null);
      },
    );

    app.get(
      '/auth/session',
      {
        preHandler: requireUser,
        schema: {
          tags: ['account'],
          summary: 'Who am I: the signed-in user and the CSRF token of this session',
          security: authenticated,
          response: { 200: sessionResponseSchema, 401: errorBodySchema },
        },
      },
      async (request) => ({
        user: await getAccount(runtime.env, currentUserId(request)),
        csrfToken: request.auth?.csrfToken ?? null,
      }),
    );

    app.post(
      '/auth/password',
      {
        preHandler: requireUser,
        schema: {
          tags: ['account'],
          summary: 'Change the password and sign out every other session',
          description:
            '403 `wrong_password` when `currentPassword` is not correct (throttled like sign-in). Every other session of the account ends; API tokens keep working.',
          security: authenticated,
          body: changePasswordBodySchema,
          response: {
            200: changePasswordResponseSchema,
            400: errorBodySchema,
            401: errorBodySchema,
            403: errorBodySchema,
            429: errorBodySchema,
          },
        },
      },
      async (request, reply) =>
        withRetryAfter(reply, () =>
          changePassword(
            runtime.env,
            {
              userId: currentUserId(request),
              actor: currentActor(request),
              sessionIdHash: request.auth?.sessionIdHash,
              ip: request.ip,
            },
            request.body,
          ),
        ),
    );
  };
