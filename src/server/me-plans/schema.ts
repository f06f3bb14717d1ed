/** Request and response schemas for /api/me/plans: saved career plans of the signed-in person. */
import { z } from 'zod';
import { planConstraintsSchema, planResultSchema } from '../plans/schema.js';

export const savedPlanSummarySchema = z.object({
  id: z.string(),
  to: z.object({ id: z.string(), title: z.string() }),
  from: z.string().nullable(),
  constraints: planConstraintsSchema,
  choice: z.number().int(),
  done: z.array(z.string()).describe('Step ids marked done; they follow the steps across re-plans'),
  createdAt: z.string(),
  updatedAt: z.string(),
});

const planSchema = planResultSchema.shape.plans.element;

export const savedPlanSchema = savedPlanSummarySchema
  .extend({
    result: planResultSchema,
    plan: planSchema
      .nullable()
      .describe('The plan followed (`choice`, or the best when fewer exist now); null when blocked'),
    changed: z
      .boolean()
      .describe('True when re-planning from the current record changed the plan since it was last shown'),
  })
  .describe('SavedPlan');

export const createSavedPlanSchema = z
  .strictObject({
    to: z.string({ message: 'must be a role id' }).max(100),
    from: z.string({ message: 'must be a role id' }).max(100).optional(),
    constraints: planConstraintsSchema.optional(),
    choice: z
      .number()
      .int('must be 0, 1 or 2')
      .min(0, 'must be 0, 1 or 2')
      .max(2, 'must be 0, 1 or 2')
      .optional(),
  })
  .describe('SavedPlanRequest');

export const planIdParamsSchema = z.strictObject({
  id: z.string().uuid('must be a plan id'),
});

export const stepParamsSchema = z.strictObject({
  id: z.string().uuid('must be a plan id'),
  stepId: z.string().max(200),
});

export const stepBodySchema = z.strictObject({ done: z.boolean({ message: 'must be true or false' }) });
