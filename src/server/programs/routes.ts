import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { comparePrograms } from '../../services/career-service.js';
import { NotFoundError, ValidationError, type Issue } from '../../services/errors.js';
import type { AppDeps } from '../app.js';
import { errorBodySchema } from '../errors.js';
import { gapSummary, recognitionOf } from './compare.js';
import {
  compareBodySchema,
  compareResponseSchema,
  detailResponseSchema,
  idParamsSchema,
  listQuerySchema,
  listResponseSchema,
} from './schema.js';
import { programFacets, searchPrograms } from './search.js';

/** Training programs: search with filters and facet counts, one program with its sources, and a comparison. */
export const programRoutes = (deps: AppDeps): FastifyPluginAsyncZod =>
  async function routes(app) {
    const certIds = new Map(deps.catalog.certifications.map((c) => [c.id.toUpperCase(), c.id]));
    const competencyIds = new Set(deps.catalog.competencies?.competencies.map((c) => c.id));
    const byId = new Map(deps.catalog.programs.map((p) => [p.id, p]));

    app.get(
      '/programs',
      {
        schema: {
          tags: ['career'],
          summary:
            'Search programs by format, modality, accreditation, cost, length, CE, competency and features, with facet counts',
          querystring: listQuerySchema,
          response: { 200: listResponseSchema, 400: errorBodySchema },
        },
      },
      async (request) => {
        const query = request.query;
        const issues: Issue[] = [];
        for (const id of query.ceFor ?? []) {
          if (!certIds.has(id.toUpperCase()))
            issues.push({ path: 'ceFor', message: `unknown certification "${id}"` });
        }
        for (const id of query.competency ?? []) {
          if (!competencyIds.has(id))
            issues.push({ path: 'competency', message: `unknown competency "${id}"` });
        }
        const first = issues[0];
        if (first) {
          throw new ValidationError(`query parameter ${first.path}: ${first.message}`, {
            in: 'querystring',
            issues,
            ...(first.path === 'ceFor' ? { known: [...certIds.values()] } : {}),
          });
        }
        const programs = searchPrograms(deps.catalog.programs, query);
        return {
          catalogVersion: deps.catalog.version,
          total: programs.length,
          programs,
          facets: programFacets(deps.catalog.programs, query),
        };
      },
    );

    app.post(
      '/programs/compare',
      {
        schema: {
          tags: ['career'],
          summary:
            'Compare 2 to 4 programs side by side; with role and ratings, how much of the gap each covers',
          body: compareBodySchema,
          response: { 200: compareResponseSchema, 400: errorBodySchema },
        },
      },
      async (request) => {
        const { ids, role, ratings } = request.body;
        // With a role but no ratings there is no gap to measure: the role is still checked.
        const result = comparePrograms(deps.catalog, {
          ids,
          ...(role !== undefined ? { role } : {}),
          ...(ratings !== undefined || role !== undefined ? { ratings: ratings ?? {} } : {}),
        });
        const measured = ratings !== undefined && result.gaps !== null;
        return {
          catalogVersion: deps.catalog.version,
          programs: result.programs.map((p) => ({
            program: p.program,
            coverage: measured ? p.coverage : null,
            recognition: recognitionOf(p.program),
          })),
          gap: measured && result.gaps ? gapSummary(result.gaps) : null,
        };
      },
    );

    app.get(
      '/programs/:id',
      {
        schema: {
          tags: ['career'],
          summary: 'One program with its cost, length, CE, accreditation, syllabus coverage and sources',
          params: idParamsSchema,
          response: { 200: detailResponseSchema, 400: errorBodySchema, 404: errorBodySchema },
        },
      },
      async (request) => {
        const { id } = request.params;
        const program = byId.get(id);
        if (!program) throw new NotFoundError('program_not_found', `No program with id "${id}"`, { id });
        return { catalogVersion: deps.catalog.version, program };
      },
    );
  };
