/** Response schema for /api/competencies: the types, the validation and the OpenAPI document. */
import { z } from 'zod';
import {
  competencyDomainSchema,
  competencySchema,
  relatedFrameworkSchema,
  scaleLevelSchema,
} from '../../catalog/career-schema.js';
import { sourceSchema } from '../../catalog/schema.js';

/** The endpoint takes no query parameters; any given is refused by name. */
export const querySchema = z.strictObject({});

export const competenciesResponseSchema = z.object({
  catalogVersion: z.string(),
  framework: z
    .object({
      id: z.string(),
      name: z.string(),
      description: z.string(),
      verifiedAsOf: z.string(),
      confidence: z.enum(['high', 'medium', 'low']),
      sources: z.array(sourceSchema),
      relatedFrameworks: z.array(relatedFrameworkSchema),
    })
    .nullable()
    .describe('null when the catalog has no competency framework'),
  domains: z.array(competencyDomainSchema),
  scale: z.array(scaleLevelSchema),
  competencies: z.array(competencySchema),
});
