import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { updateAccountSettings } from '../../services/account-settings-service.js';
import { deleteAccount } from '../../services/auth-service.js';
import { authenticated } from '../auth/routes.js';
import { noContentSchema, userSchema } from '../auth/schema.js';
import {
  clearSessionCookie,
  currentActor,
  currentUserId,
  requireUser,
  withRetryAfter,
  type AuthRuntime,
} from '../auth/plugin.js';
import { errorBodySchema } from '../errors.js';
import { accountSettingsBodySchema, deleteAccountBodySchema } from './schema.js';

/** Account settings and deleting the account. */
export const accountRoutes = (runtime: AuthRuntime): FastifyPluginAsyncZod =>
  async function routes(app) {
    app.patch(
      '/account',
      {
        preHandler: requireUser,
        schema: {
          tags: ['account'],
          summary: 'Change my account settings (time zone)',
          description:
            '`timeZone`: the IANA time zone in which "today" is computed for you (renewal deadlines, eligibility dates, the calendar feed); null or "" = UTC. 400 `invalid_settings` naming the field when it is not a time zone.',
          security: authenticated,
          body: accountSettingsBodySchema,
          response: { 200: userSchema, 400: errorBodySchema, 401: errorBodySchema, 403: errorBodySchema },
        },
      },
      async (request) =>
        updateAccountSettings(
          runtime.env,
          { userId: currentUserId(request), actor: currentActor(request) },
          request.body,
        ),
    );

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
