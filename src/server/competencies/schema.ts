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

/* ------------------------------------------------------------------ 1EdTech CASE (docs/case.md) */

const caseLink = z.object({
  title: z.string().optional(),
  identifier: z.string(),
  uri: z.string().optional(),
});

/** A CASE 1.0 package as the export writes it (readers accept any further CASE fields). */
export const casePackageSchema = z
  .looseObject({
    CFDocument: z.looseObject({
      identifier: z.string(),
      uri: z.string(),
      creator: z.string(),
      title: z.string(),
      lastChangeDateTime: z.string(),
      version: z.string().optional(),
      description: z.string().optional(),
      language: z.string().optional(),
      CFPackageURI: caseLink,
    }),
    CFItems: z.array(
      z.looseObject({
        identifier: z.string(),
        uri: z.string(),
        fullStatement: z.string(),
        abbreviatedStatement: z.string().optional(),
        humanCodingScheme: z.string().optional(),
        CFItemType: z.string().optional(),
        conceptKeywords: z.array(z.string()).optional(),
        notes: z.string().optional(),
      }),
    ),
    CFAssociations: z.array(
      z.looseObject({
        identifier: z.string(),
        associationType: z.string(),
        sequenceNumber: z.number().optional(),
        originNodeURI: caseLink,
        destinationNodeURI: caseLink,
      }),
    ),
    CFDefinitions: z.record(z.string(), z.unknown()).optional(),
    CFRubrics: z.array(z.looseObject({ identifier: z.string() })).optional(),
  })
  .describe('A 1EdTech CASE 1.0 package: CFDocument, CFItems, CFAssociations, CFDefinitions, CFRubrics');

const problemSchema = z.object({
  path: z.string().describe('Where, e.g. CFItems[3].identifier ("" for the whole file)'),
  message: z.string(),
});

/** POST /api/competencies/case/check: the body is the CASE package itself. */
export const caseCheckBodySchema = z
  .unknown()
  .describe('A CASE 1.0 package (JSON, at most 2 MB): {CFDocument, CFItems, CFAssociations, CFRubrics?}');

export const caseCheckResponseSchema = z.object({
  framework: z.object({
    id: z.string(),
    name: z.string(),
    creator: z.string().optional(),
    verifiedAsOf: z
      .string()
      .describe('The date in the CFDocument notes ("Verified as of …"), else its lastChangeDateTime'),
    domains: z.array(
      z.object({
        id: z.string(),
        name: z.string(),
        hla: z.string().nullable().describe('The HLA domain it matches, or null for an own domain'),
        competencies: z.number().int(),
      }),
    ),
    competencies: z.number().int(),
    scaleLevels: z.array(z.object({ level: z.number().int(), name: z.string() })),
    relatedFrameworks: z.number().int(),
  }),
  warnings: z.array(problemSchema),
  catalogFormat: z
    .object({ ok: z.boolean(), problems: z.array(problemSchema) })
    .describe('Whether it can be written as the catalog file competencies.yaml, and why not'),
});

/** 400 invalid_case: `details` lists every problem with its path. */
export const caseErrorBodySchema = z
  .object({
    error: z.object({
      code: z.string().describe('invalid_case, or invalid_json when the body is not JSON'),
      message: z.string(),
      details: z.unknown().optional().describe('For invalid_case: [{path, message}], every problem'),
    }),
  })
  .describe('Error');
