import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { catalogManifestSchema, vocabularySchema } from '../../catalog/schema.js';
import type { AppDeps } from '../app.js';

export const catalogResponseSchema = z.object({
  version: z.string(),
  manifest: catalogManifestSchema,
  vocabulary: vocabularySchema,
  certificationCount: z.number().int(),
});

/** The catalog's manifest and vocabulary: labels for focus areas, issuers, experience kinds, units. */
export const catalogRoutes = (deps: AppDeps): FastifyPluginAsyncZod =>
  async function routes(app) {
    app.get(
      '/catalog',
      {
        schema: {
          tags: ['catalog'],
          summary: 'Catalog version and vocabulary (focus areas, issuing bodies, experience kinds, CE categories, units)',
          response: { 200: catalogResponseSchema },
        },
      },
      async () => ({
        version: deps.catalog.version,
        manifest: deps.catalog.manifest,
        vocabulary: deps.catalog.vocabulary,
        certificationCount: deps.catalog.certifications.length,
      }),
    );
  };
