import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import type { AppDeps } from '../app.js';
import { CASE_FILE_NAME, checkCase, exportCase, MAX_CASE_BYTES } from '../../services/framework-service.js';
import { errorBodySchema } from '../errors.js';
import {
  caseCheckBodySchema,
  caseCheckResponseSchema,
  caseErrorBodySchema,
  casePackageSchema,
  competenciesResponseSchema,
  querySchema,
} from './schema.js';

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

    app.get(
      '/competencies/case',
      {
        schema: {
          tags: ['career'],
          summary: 'The competency framework as a 1EdTech CASE 1.0 package (JSON download)',
          description:
            'Domains and competencies as CFItems, isChildOf and crosswalk (isRelatedTo) CFAssociations, the 1–5 scale as a CFRubric. Identifiers are stable (UUID v5). Mapping: docs/case.md.',
          querystring: querySchema,
          response: { 200: casePackageSchema, 400: errorBodySchema, 404: errorBodySchema },
        },
      },
      async (request, reply) => {
        const f = deps.catalog.competencies;
        const pkg = exportCase(deps.catalog, {
          now: `${f?.verifiedAsOf ?? '1970-01-01'}T00:00:00Z`,
          baseUrl: `${request.protocol}://${request.host}`,
        });
        reply.header('content-disposition', `attachment; filename="${CASE_FILE_NAME}"`);
        // The response schema checks the package on the way out.
        return pkg as z.infer<typeof casePackageSchema>;
      },
    );

    app.post(
      '/competencies/case/check',
      {
        bodyLimit: MAX_CASE_BYTES,
        schema: {
          tags: ['career'],
          summary: 'Check a CASE 1.0 competency framework and summarise it',
          description:
            'Send the CASE package itself as the JSON body (at most 2 MB). 200: its domains with competency counts, the scale, warnings, and whether it can be written as the catalog file competencies.yaml. 400 `invalid_case`: `error.details` lists every problem with its path (e.g. `CFItems[3].identifier: missing`). Nothing is stored.',
          body: caseCheckBodySchema,
          response: { 200: caseCheckResponseSchema, 400: caseErrorBodySchema, 413: errorBodySchema },
        },
      },
      async (request) => checkCase(request.body, deps.catalog.competencies),
    );
  };
