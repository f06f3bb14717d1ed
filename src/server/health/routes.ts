import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ping } from '../../storage/catalog-repository.js';
import type { AppDeps } from '../app.js';

export const healthResponseSchema = z.object({
  status: z.enum(['ok', 'unavailable']),
  app: z.object({ version: z.string() }),
  database: z.object({ engine: z.enum(['sqlite', 'postgres']), reachable: z.boolean() }),
  catalog: z.object({ version: z.string(), certifications: z.number().int() }),
});

export const healthRoutes = (deps: AppDeps): FastifyPluginAsyncZod =>
  async function routes(app) {
    app.get(
      '/health',
      {
        schema: {
          tags: ['operations'],
          summary: 'Liveness and readiness: database reachable, catalog version, app version',
          response: { 200: healthResponseSchema, 503: healthResponseSchema },
        },
      },
      async (_request, reply) => {
        const reachable = await ping(deps.storage.db);
        const body = {
          status: reachable ? ('ok' as const) : ('unavailable' as const),
          app: { version: deps.appVersion },
          database: { engine: deps.storage.flags.engine, reachable },
          catalog: { version: deps.catalog.version, certifications: deps.catalog.certifications.length },
        };
        return reply.code(reachable ? 200 : 503).send(body);
      },
    );
  };
