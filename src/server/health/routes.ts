import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { catalogContentHash } from '../../services/catalog-service.js';
import { compareWithNewest, newestStoredCatalog, ping } from '../../storage/catalog-repository.js';
import type { AppDeps } from '../app.js';

export const healthResponseSchema = z.object({
  status: z.enum(['ok', 'unavailable']),
  app: z.object({ version: z.string() }),
  database: z.object({ engine: z.enum(['sqlite', 'postgres']), reachable: z.boolean() }),
  catalog: z.object({
    version: z
      .string()
      .describe('The built-in catalog this instance serves (manifest version + source hash)'),
    contentHash: z.string().describe('SHA-256 of the catalog as this instance serves it'),
    certifications: z.number().int(),
    newest: z
      .object({ version: z.string(), contentHash: z.string().nullable() })
      .nullable()
      .describe('The newest built-in catalog any instance has served (from the database); null when unknown'),
    standing: z
      .enum(['newest', 'behind', 'conflict', 'unknown'])
      .describe(
        '`behind`: another instance serves a newer catalog (a rolling deploy in progress, or a rollback); `conflict`: same version, different content',
      ),
  }),
});

export const healthRoutes = (deps: AppDeps): FastifyPluginAsyncZod =>
  async function routes(app) {
    const contentHash = catalogContentHash(deps.catalog);
    const mine = {
      version: deps.catalog.version,
      manifestVersion: deps.catalog.manifest.version,
      contentHash,
    };
    app.get(
      '/health',
      {
        schema: {
          tags: ['operations'],
          summary:
            'Liveness and readiness: database reachable, the catalog this instance serves (version and content hash) and the newest one served, app version',
          response: { 200: healthResponseSchema, 503: healthResponseSchema },
        },
      },
      async (_request, reply) => {
        const reachable = await ping(deps.storage.db);
        const newest = reachable
          ? await newestStoredCatalog(deps.storage.db).catch(() => undefined)
          : undefined;
        const outcome = newest ? compareWithNewest(mine, newest) : undefined;
        const body = {
          status: reachable ? ('ok' as const) : ('unavailable' as const),
          app: { version: deps.appVersion },
          database: { engine: deps.storage.flags.engine, reachable },
          catalog: {
            version: deps.catalog.version,
            contentHash,
            certifications: deps.catalog.certifications.length,
            newest: newest ? { version: newest.version, contentHash: newest.contentHash } : null,
            standing:
              outcome === undefined
                ? ('unknown' as const)
                : outcome === 'behind' || outcome === 'conflict'
                  ? outcome
                  : ('newest' as const),
          },
        };
        return reply.code(reachable ? 200 : 503).send(body);
      },
    );
  };
