/**
 * /api/me/plans: saved career plans. Every route needs an account and only ever touches the
 * caller's own plans (another person's plan id answers 404).
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { localToday } from '../../services/eligibility-service.js';
import {
  createPlan,
  getPlan,
  listPlans,
  removePlan,
  setStepDone,
} from '../../services/saved-plan-service.js';
import type { AppDeps } from '../app.js';
import { currentActor, currentUserId, requireUser } from '../auth/plugin.js';
import { authenticated } from '../auth/routes.js';
import { noContentSchema } from '../auth/schema.js';
import { errorBodySchema } from '../errors.js';
import {
  createSavedPlanSchema,
  planIdParamsSchema,
  savedPlanSchema,
  savedPlanSummarySchema,
  stepBodySchema,
  stepParamsSchema,
} from './schema.js';

export const savedPlanRoutes = (deps: AppDeps): FastifyPluginAsyncZod =>
  async function routes(app) {
    const db = deps.storage.db;
    const now = deps.auth?.now ?? (() => new Date());
    const common = { tags: ['career'], security: authenticated };
    const errors = { 400: errorBodySchema, 401: errorBodySchema, 403: errorBodySchema, 404: errorBodySchema };
    const ctx = (request: Parameters<typeof currentActor>[0]) => {
      const at = now();
      return { actor: currentActor(request), at: at.toISOString(), today: localToday(at) };
    };

    app.get(
      '/me/plans',
      {
        preHandler: requireUser,
        schema: {
          ...common,
          summary: 'My saved plans',
          response: { 200: z.object({ plans: z.array(savedPlanSummarySchema) }), 401: errorBodySchema },
        },
      },
      async (request) => ({ plans: await listPlans(db, deps.catalog, currentUserId(request)) }),
    );

    app.post(
      '/me/plans',
      {
        preHandler: requireUser,
        schema: {
          ...common,
          summary: 'Save a plan to a target role (planned from my record)',
          description: 'At most 50 saved plans per account: then 409 `plan_limit_reached`.',
          body: createSavedPlanSchema,
          response: { 201: savedPlanSchema, 409: errorBodySchema, ...errors },
        },
      },
      async (request, reply) =>
        reply
          .code(201)
          .send(await createPlan(db, deps.catalog, currentUserId(request), request.body, ctx(request))),
    );

    app.get(
      '/me/plans/:id',
      {
        preHandler: requireUser,
        schema: {
          ...common,
          summary: 'A saved plan, re-planned from my current record',
          params: planIdParamsSchema,
          response: { 200: savedPlanSchema, ...errors },
        },
      },
      async (request) => getPlan(db, deps.catalog, currentUserId(request), request.params.id, ctx(request)),
    );

    app.put(
      '/me/plans/:id/steps/:stepId',
      {
        preHandler: requireUser,
        schema: {
          ...common,
          summary: 'Mark a step of a saved plan done or not done',
          description:
            'Marking a step done needs a step of the plan followed (400 otherwise); unmarking always works.',
          params: stepParamsSchema,
          body: stepBodySchema,
          response: { 200: savedPlanSchema, ...errors },
        },
      },
      async (request) =>
        setStepDone(
          db,
          deps.catalog,
          currentUserId(request),
          request.params.id,
          request.params.stepId,
          request.body.done,
          ctx(request),
        ),
    );

    app.delete(
      '/me/plans/:id',
      {
        preHandler: requireUser,
        schema: {
          ...common,
          summary: 'Delete a saved plan',
          params: planIdParamsSchema,
          response: { 204: noContentSchema, ...errors },
        },
      },
      async (request, reply) => {
        await removePlan(db, currentUserId(request), request.params.id, ctx(request));
        return reply.code(204).send(null);
      },
    );
  };
