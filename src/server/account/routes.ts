import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { deleteAccount } from '../../services/auth-service.js';
import { authenticated } from '../auth/routes.js';
import { noContentSchema } from '../auth/schema.js';
import {
  clearSessionCookie,
  currentUserId,
  requireUser,
  withRetryAfter,
  type AuthRuntime,
} from '../auth/plugin.js';
import { errorBodySchema } from '../errors.js';
import { deleteAccountBodySchema } from './schema.js';

/** Deleting the account. */
export const accountRoutes = (runtime: AuthRuntime): FastifyPluginAsyncZod =>
  async function routes(app) {
    app.delete(
      '/account',
      {
        preHandler: requireUser,
        schema: {
          tags: ['account'],
          summary: 'Delete my account and everything stored about me',
          description:
            'Asks for the password again (403 `wrong_password`, throttled like sign-in). Deletes the account, its sessions, API tokens, profile, record, planned exams and audit events in one transaction; only an anonymous "an account was deleted" event remains.',
          security: authenticated,
          body: deleteAccountBodySchema,
          response: {
            204: noContentSchema,
            400: errorBodySchema,
            401: errorBodySchema,
            403: errorBodySchema,
            429: errorBodySchema,
          },
        },
      },
      async (request, reply) => {
        await withRetryAfter(reply, () =>
          deleteAccount(
            runtime.env,
            { userId: currentUserId(request), ip: request.ip },
            request.body.password,
          ),
        );
        clearSessionCookie(reply, request, runtime);
        return reply.code(204).send(null);
      },
    );
  };
