import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { NotFoundError, ValidationError } from '../../services/errors.js';
import type { AppDeps } from '../app.js';
import { errorBodySchema } from '../errors.js';
import { detailResponseSchema, idParamsSchema, listQuerySchema, listResponseSchema } from './schema.js';
import { searchPrograms } from './search.js';

/** Training programs: search with filters, and one program with its sources. */
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
          summary: 'Search programs by format, modality, accreditation, cost, length, CE and competency',
          querystring: listQuerySchema,
          response: { 200: listResponseSchema, 400: errorBodySchema },
        },
      },
      async (request) => {
        const query = request.query;
        if (query.ceFor !== undefined && !certIds.has(query.ceFor.toUpperCase())) {
          throw new ValidationError(`query parameter ceFor: unknown certification "${query.ceFor}"`, {
            in: 'querystring',
            issues: [{ path: 'ceFor', message: `unknown certification "${query.ceFor}"` }],
            known: [...certIds.values()],
          });
        }
        if (query.competency !== undefined && !competencyIds.has(query.competency)) {
          throw new ValidationError(`query parameter competency: unknown competency "${query.competency}"`, {
            in: 'querystring',
            issues: [{ path: 'competency', message: `unknown competency "${query.competency}"` }],
          });
        }
        const programs = searchPrograms(deps.catalog.programs, query);
        return { catalogVersion: deps.catalog.version, total: programs.length, programs };
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
