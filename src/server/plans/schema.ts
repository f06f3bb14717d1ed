/** Request and response schemas for POST /api/plan: the types, the validation and the OpenAPI document. */
import { z } from 'zod';
import { optionalProfileField } from '../career/profile.js';

const roleId = (what: string) => z.string({ message: 'must be a role id' }).max(100).describe(what);
const date = (what: string) =>
  z.string({ message: 'not a date (YYYY-MM-DD)' }).max(10, 'not a date (YYYY-MM-DD)').describe(what);

export const planConstraintsSchema = z
  .strictObject({
    finishBy: date('Reach the target role by this date').optional(),
    budgetPerYear: z
      .number({ message: 'must be a number' })
      .optional()
      .describe('US dollars a year, 0 or more'),
    hoursPerWeek: z
      .number({ message: 'must be a number' })
      .optional()
      .describe('Study hours a week, more than 0'),
    noNewDegree: z.boolean({ message: 'must be true or false' }).optional(),
    onlineOnly: z.boolean({ message: 'must be true or false' }).optional(),
  })
  .describe('PlanConstraints');

export const planBodySchema = z
  .strictObject({
    to: roleId('The target role id (GET /api/roles)'),
    from: roleId('Your current role id; default: the role of your current job in the profile').optional(),
    profile: optionalProfileField(
      'Optional profile (hm-pathways/profile@1). Signed in and omitted: your record is used. Its `goals` give default constraints.',
    ),
    constraints: planConstraintsSchema.optional(),
    asOf: date('Plan from this date; default today').optional(),
  })
  .describe('PlanRequest');

const stepSchema = z.object({
  id: z.string(),
  kind: z.enum(['start', 'degree', 'program', 'certification', 'role', 'renewal']),
  ref: z.string(),
  title: z.string(),
  start: z.string(),
  end: z.string(),
  costUsd: z.number().nullable(),
  why: z.string(),
  judgement: z.boolean().optional(),
  confirmWhenHeld: z
    .object({ role: z.string(), statements: z.array(z.string()) })
    .optional()
    .describe('Dated only because a planned role brings a statement you confirm when you hold the role'),
});

export const planResultSchema = z
  .object({
    asOf: z.string(),
    from: z.object({ id: z.string(), title: z.string() }),
    to: z.object({ id: z.string(), title: z.string() }),
    constraints: planConstraintsSchema,
    plans: z.array(
      z.object({
        label: z
          .enum(['fastest', 'cheapest', 'no_new_degree', 'another_path'])
          .describe('What sets this plan apart from the others'),
        labelText: z.string(),
        path: z.array(z.string()),
        reached: z.string(),
        steps: z.array(stepSchema),
        totals: z.object({
          costUsd: z.number(),
          unknownCosts: z.number().int(),
          years: z.number(),
          perYear: z.array(z.object({ year: z.number().int(), usd: z.number() })),
        }),
        notes: z.array(z.string()),
        targetCertifications: z
          .array(
            z.object({
              id: z.string(),
              name: z.string(),
              date: z.string().optional(),
              held: z.boolean().optional(),
              reason: z.string().optional(),
            }),
          )
          .describe('The target role’s preferred certifications: dated on this plan, held, or why not'),
      }),
    ),
    blocked: z.array(
      z.object({
        constraint: z.enum([
          'finishBy',
          'budgetPerYear',
          'hoursPerWeek',
          'noNewDegree',
          'onlineOnly',
          'path',
        ]),
        message: z.string(),
        relaxed: z.object({ reached: z.string(), costUsd: z.number(), detail: z.string() }).optional(),
      }),
    ),
    single: z.string().optional().describe('Why only one plan is offered'),
  })
  .describe('PlanResult');
