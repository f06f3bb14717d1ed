import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  checkCertificationQuery,
  getCertification,
  searchCertifications,
} from '../../services/catalog-service.js';
import type { AppDeps } from '../app.js';
import { callerCatalog } from '../caller.js';
import { errorBodySchema } from '../errors.js';
import { detailResponseSchema, idParamsSchema, listQuerySchema, listResponseSchema } from './schema.js';

export const certificationRoutes = (deps: AppDeps): FastifyPluginAsyncZod =>
  async function routes(app) {
    app.get(
      '/certifications',
      {
        schema: {
          tags: ['catalog'],
          summary: 'List and search certifications',
          querystring: listQuerySchema,
          response: { 200: listResponseSchema, 400: errorBodySchema },
        },
      },
      async (request) => {
        const { q, focus, issuer, sort, order } = request.query;
        const view = await callerCatalog(deps, request);
        checkCertificationQuery(view.catalog, { focus, issuer });
        const certifications = searchCertifications(view, { q, focus, issuer, sort, order });
        return { catalogVersion: view.catalog.version, total: certifications.length, certifications };
      },
    );

    app.get(
      '/certifications/:id',
      {
        schema: {
          tags: ['catalog'],
          summary: 'One certification with its eligibility pathways, exam, renewal rules and sources',
          params: idParamsSchema,
          response: { 200: detailResponseSchema, 400: errorBodySchema, 404: errorBodySchema },
        },
      },
      async (request) => {
        return { ...getCertification(await callerCatalog(deps, request), request.params.id) };
      },
    );
  };
