import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { createApiToken, listApiTokens, revokeApiToken } from '../../services/token-service.js';
import { authenticated } from '../auth/routes.js';
import { noContentSchema } from '../auth/schema.js';
import {
  currentActor,
  currentUserId,
  requireSession,
  requireUser,
  type AuthRuntime,
} from '../auth/plugin.js';
import { errorBodySchema } from '../errors.js';
import { createTokenBodySchema, createdTokenSchema, tokenIdParamsSchema, tokenListSchema } from './schema.js';

/** API tokens: create (shown once), list, revoke. */
export const tokenRoutes = (runtime: AuthRuntime): FastifyPluginAsyncZod =>
  async function routes(app) {
    app.post(
      '/tokens',
      {
        preHandler: requireSession,
        schema: {
          tags: ['account'],
          summary: 'Create an API token (shown once)',
          description:
            'Needs a browser session (an API token cannot create tokens). The response holds the token itself; it is stored only as a SHA-256 digest and cannot be shown again.',
          security: [{ sessionCookie: [] }],
          body: createTokenBodySchema,
          response: {
            201: createdTokenSchema,
            400: errorBodySchema,
            401: errorBodySchema,
            403: errorBodySchema,
          },
        },
      },
      async (request, reply) => {
        const { token, apiToken } = await createApiToken(
          runtime.env,
          { userId: currentUserId(request), actor: currentActor(request) },
          request.body,
        );
        return reply.code(201).send({ ...apiToken, token });
      },
    );

    app.get(
      '/tokens',
      {
        preHandler: requireUser,
        schema: {
          tags: ['account'],
          summary: 'My API tokens, revoked and expired ones included, newest first',
          security: authenticated,
          response: { 200: tokenListSchema, 401: errorBodySchema },
        },
      },
      async (request) => ({ tokens: await listApiTokens(runtime.env, currentUserId(request)) }),
    );

    app.delete(
      '/tokens/:id',
      {
        preHandler: requireUser,
        schema: {
          tags: ['account'],
          summary: 'Revoke an API token',
          description:
            'The token stops working at once; it stays in the list as revoked. 404 for an id that is not one of mine.',
          security: authenticated,
          params: tokenIdParamsSchema,
          response: {
            204: noContentSchema,
            401: errorBodySchema,
            403: errorBodySchema,
            404: errorBodySchema,
          },
        },
      },
      async (request, reply) => {
        await revokeApiToken(
          runtime.env,
          { userId: currentUserId(request), actor: currentActor(request) },
          request.params.id,
        );
        return reply.code(204).send(null);
      },
    );
  };
