/**
 * POST /api/gaps and POST /api/recommendations: gap analysis and program / certification
 * recommendations for a target role. Anyone may call them (the quick-check spirit: a profile kept
 * in the browser); a signed-in caller who sends no profile gets their record used.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { gapsFor, recommendFor } from '../../services/career-service.js';
import { callerCatalog, callerToday } from '../caller.js';
import type { AppDeps } from '../app.js';
import { errorBodySchema } from '../errors.js';
import { profileOfRequest } from './profile.js';
import { gapReportSchema, gapsBodySchema, recommendationSchema, recommendBodySchema } from './schema.js';

export const careerRoutes = (deps: AppDeps): FastifyPluginAsyncZod =>
  async function routes(app) {
    const tags = ['career'];

    app.post(
      '/gaps',
      {
        schema: {
          tags,
          summary: 'My competency gaps for a target role',
          description:
            'Ranks the competencies the role needs by gap × importance (importance from the target level). Unrated competencies are listed as unrated, never as 0. A 400 names every bad field (`role`, `ratings.<id>`).',
          body: gapsBodySchema,
          response: { 200: gapReportSchema, 400: errorBodySchema },
        },
      },
      async (request) => gapsFor(deps.catalog, request.body),
    );

    app.post(
      '/recommendations',
      {
        schema: {
          tags,
          summary: 'Programs and certifications that close my gaps within my constraints',
          description:
            'A weighted set-cover over the catalog: exact for up to 18 candidate options, greedy with a stated bound beyond. Every pick says which gaps it closes and why it beat the alternatives. See docs/recommendations.md.',
          body: recommendBodySchema,
          response: { 200: recommendationSchema, 400: errorBodySchema },
        },
      },
      async (request) => {
        const { profile: raw, ...rest } = request.body;
        const profile = await profileOfRequest(deps, request, raw);
        const { catalog } = await callerCatalog(deps, request);
        return recommendFor(catalog, profile, rest, await callerToday(deps, request));
      },
    );
  };
