import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { listAudit } from '../../services/audit-service.js';
import { authenticated } from '../auth/routes.js';
import { currentUserId, requireUser, type AuthRuntime } from '../auth/plugin.js';
import { errorBodySchema } from '../errors.js';
import { auditPageSchema, auditQuerySchema } from './schema.js';

/** The signed-in person's own audit log. */
export const auditRoutes = (runtime: AuthRuntime): FastifyPluginAsyncZod =>
  async function routes(app) {
    app.get(
      '/audit',
      {
        preHandler: requireUser,
        schema: {
          tags: ['account'],
          summary: 'My audit log: sign-ins, token and record changes, newest first',
          security: authenticated,
          querystring: auditQuerySchema,
          response: { 200: auditPageSchema, 400: errorBodySchema, 401: errorBodySchema },
        },
      },
      async (request) => listAudit(runtime.env.db, currentUserId(request), request.query),
    );
  };
