import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDeps } from '../app.js';
import { errorBodySchema } from '../errors.js';
import { competenciesResponseSchema, querySchema } from './schema.js';

/** The competency framework: its five domains, the 1–5 proficiency scale and every competency. */
export const competencyRoutes = (deps: AppDeps): FastifyPluginAsyncZod =>
  async function routes(app) {
    app.get(
      '/competencies',
      {
        schema: {
          tags: ['career'],
          summary: 'The competency framework: domains, the 1–5 proficiency scale and competencies',
          querystring: querySchema,
          response: { 200: competenciesResponseSchema, 400: errorBodySchema },
        },
      },
      async () => {
        const f = deps.catalog.competencies;
        return {
          catalogVersion: deps.catalog.version,
          framework: f && {
            id: f.id,
            name: f.name,
            description: f.description,
            verifiedAsOf: f.verifiedAsOf,
            confidence: f.confidence,
            sources: [...f.sources],
            relatedFrameworks: [...f.relatedFrameworks],
          },
          domains: [...(f?.domains ?? [])],
          scale: [...(f?.scale ?? [])],
          competencies: [...(f?.competencies ?? [])],
        };
      },
    );
  };
