/**
 * POST /api/plan: a dated plan from the caller's current role to a target role. Open to everyone
 * (a profile kept in the browser); a signed-in caller without a profile gets their record used.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { callerCatalog, callerToday } from '../caller.js';
import { planFor } from '../../services/plan-service.js';
import type { AppDeps } from '../app.js';
import { profileOfRequest } from '../career/profile.js';
import { errorBodySchema } from '../errors.js';
import { planBodySchema, planResultSchema } from './schema.js';

export const planRoutes = (deps: AppDeps): FastifyPluginAsyncZod =>
  async function routes(app) {
    app.post(
      '/plan',
      {
        schema: {
          tags: ['career'],
          summary: 'My dated path to a target role',
          description:
            'Up to three labelled plans (the fastest; the cheapest; one without a new degree; another path): role moves (not before the typical years), a degree when a role needs one, certifications dated on or after the eligibility engine’s date, programs from the recommender, renewals. When no plan meets the constraints, `blocked` says which constraint blocks and what relaxing it would give. 422 `current_role_unknown` when no `from` is given and no current job names a role: `details.jobs` lists the current jobs with suggested roles from their titles. See docs/planner.md.',
          body: planBodySchema,
          response: { 200: planResultSchema, 400: errorBodySchema, 422: errorBodySchema },
        },
      },
      async (request) => {
        const { profile: raw, ...rest } = request.body;
        const profile = await profileOfRequest(deps, request, raw);
        const { catalog } = await callerCatalog(deps, request);
        return planFor(catalog, profile, rest, await callerToday(deps, request));
      },
    );
  };
