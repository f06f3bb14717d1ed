/** Request and response schemas for /api/programs: the types, the validation and the OpenAPI document. */
import { z } from 'zod';
import { accreditors, modalities, programFormats, programSchema } from '../../catalog/career-schema.js';

const positiveNumber = z.coerce
  .number({ message: 'must be a number' })
  .refine((n) => Number.isFinite(n) && n >= 0, 'must be a number, 0 or more');

/** The program features a filter can ask for (each must be stated as true). */
export const programFeatures = ['capstone', 'practicum', 'mentorship', 'cohort'] as const;
export type ProgramFeature = (typeof programFeatures)[number];

/**
 * A comma-separated list whose every value must be one of `values`, e.g. `format=mha,mph`.
 * The message names the value that is not known and the ones that are.
 */
function enumList<const T extends readonly string[]>(values: T) {
  return z
    .string()
    .max(500, 'must be at most 500 characters')
    .transform((s, ctx) => {
      const items = [
        ...new Set(
          s
            .split(',')
            .map((x) => x.trim())
            .filter(Boolean),
        ),
      ];
      for (const item of items) {
        if (!values.includes(item)) {
          ctx.addIssue({
            code: 'custom',
            message: `unknown value "${item}" (one of: ${values.join(', ')})`,
          });
          return z.NEVER;
        }
      }
      return items as Array<T[number]>;
    });
}

/** A comma-separated list of ids, checked against the catalog by the route. */
const idList = z
  .string()
  .max(500, 'must be at most 500 characters')
  .transform((s) => [
    ...new Set(
      s
        .split(',')
        .map((x) => x.trim())
        .filter(Boolean),
    ),
  ]);

const flag = z.enum(['true', 'false'], { message: 'must be true or false' }).transform((v) => v === 'true');

export const listQuerySchema = z.strictObject({
  q: z
    .string()
    .max(200, 'must be at most 200 characters')
    .optional()
    .describe('Text to search in name, provider, summary and syllabus'),
  format: enumList(programFormats)
    .optional()
    .describe('Comma-separated formats; a program matches any of them (e.g. mha,mph)'),
  modality: enumList(modalities)
    .optional()
    .describe('Comma-separated modalities; a program matches any of them'),
  online: flag.optional().describe('true: only programs stated to be fully online (modality online)'),
  accreditation: enumList(accreditors)
    .optional()
    .describe('Comma-separated accreditations; a program matches when it holds any of them'),
  accredited: flag
    .optional()
    .describe('true: only programs with CAHME, CEPH, CCNE, AACSB or institutional accreditation'),
  maxCost: positiveNumber
    .optional()
    .describe('Only programs with a known cost of at most this many US dollars'),
  maxMonths: positiveNumber
    .optional()
    .describe(
      'Only programs with a known length of at most this many months (hours count as their share of a month)',
    ),
  ceFor: idList
    .optional()
    .describe('Comma-separated certification ids: only programs whose CE one of them accepts'),
  competency: idList
    .optional()
    .describe('Comma-separated competency ids: only programs whose syllabus covers all of them'),
  features: enumList(programFeatures)
    .optional()
    .describe('Comma-separated features (capstone, practicum, mentorship, cohort) each stated as included'),
  includeExamples: flag
    .default(true)
    .describe('false: leave out illustrative example entries (they carry `example: true`); default true'),
  sort: z.enum(['name', 'cost', 'duration']).default('name').describe('Unknown costs and lengths sort last'),
});
export type ListQuery = z.infer<typeof listQuerySchema>;

export const idParamsSchema = z.strictObject({
  id: z
    .string()
    .min(1)
    .max(100)
    .regex(/^[a-z0-9][a-z0-9_-]*$/, 'must be a program id such as ihi-improvement-advisor'),
});

const counts = z.record(z.string(), z.number().int());

export const facetsSchema = z
  .object({
    format: counts,
    modality: counts.describe('Includes `unknown`'),
    accreditation: counts.describe('Includes `unknown`; a program with two accreditations counts in both'),
    features: counts,
    accredited: z.number().int(),
    online: z.number().int(),
    examples: z.number().int(),
  })
  .describe(
    'ProgramFacets: how many programs each choice would give. Each count applies every other filter of the request but not its own group (so choosing a second format shows what it adds).',
  );

export const listResponseSchema = z.object({
  catalogVersion: z.string(),
  total: z.number().int(),
  programs: z.array(programSchema),
  facets: facetsSchema,
});

export const detailResponseSchema = z.object({
  catalogVersion: z.string(),
  program: programSchema,
});

/* ------------------------------------------------------------------ compare */

export const compareBodySchema = z
  .strictObject({
    ids: z
      .array(z.string().max(100, 'must be at most 100 characters'), {
        message: 'must be a list of 2 to 4 program ids',
      })
      .min(2, 'give 2 to 4 program ids')
      .max(4, 'give 2 to 4 program ids')
      .refine((ids) => new Set(ids).size === ids.length, 'lists a program more than once')
      .describe('2 to 4 program ids, in the order to show them'),
    role: z
      .string()
      .max(64, 'must be at most 64 characters')
      .optional()
      .describe('A role id: with ratings, how much of the gap for this role each program covers'),
    ratings: z
      .record(z.string().max(64), z.unknown())
      .optional()
      .describe('Self-ratings {competencyId: 1..5}; needs role'),
  })
  .describe('CompareRequest');

const coverageSchema = z
  .object({
    points: z.number().describe('Weighted gap levels the program closes on its own'),
    gapPoints: z.number().describe('Weighted gap levels of the whole gap'),
    percent: z.number().int(),
    competencies: z.array(
      z.object({ competency: z.string(), label: z.string(), gap: z.number(), levels: z.number() }),
    ),
  })
  .describe('ProgramCoverage');

export const recognitionSchema = z
  .object({
    accreditation: z
      .union([z.array(z.string()), z.literal('unknown')])
      .describe('Program or institutional accreditations (none listed = the provider states none)'),
    ceAcceptedFor: z
      .union([z.array(z.string()), z.literal('none'), z.literal('unknown')])
      .describe('Certifications whose renewal or eligibility accepts the CE it earns'),
    host: z
      .string()
      .nullable()
      .describe('For a fellowship, residency or practicum: the organization that hosts it'),
    employerSurvey: z
      .literal('unknown')
      .describe('How employers rate the program: we hold no survey data, so it is always unknown'),
    note: z.string(),
  })
  .describe('RecognitionSignals: what the catalog can say about how the program is recognised');

export const compareResponseSchema = z.object({
  catalogVersion: z.string(),
  programs: z.array(
    z.object({
      program: programSchema,
      coverage: coverageSchema.nullable().describe('null without role and ratings'),
      recognition: recognitionSchema,
    }),
  ),
  gap: z
    .object({
      role: z.object({ id: z.string(), title: z.string() }),
      gapPoints: z.number(),
      withGap: z.number().int(),
      unrated: z.number().int(),
      competencies: z.array(
        z.object({ competency: z.string(), label: z.string(), gap: z.number(), importance: z.number() }),
      ),
    })
    .nullable()
    .describe("The person's gap for the role (competencies below target), null without role and ratings"),
});
