import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { getCertification, searchCertifications } from '../../services/catalog-service.js';
import { ValidationError } from '../../services/errors.js';
import type { AppDeps } from '../app.js';
import { callerCatalog } from '../caller.js';
import { errorBodySchema } from '../errors.js';
import { detailResponseSchema, idParamsSchema, listQuerySchema, listResponseSchema } from './schema.js';

export const certificationRoutes = (deps: AppDeps): FastifyPluginAsyncZod =>
  async function routes(app) {
    const focusIds = new Set(deps.catalog.vocabulary.focusAreas.map((f) => f.id));
    const issuerIds = new Set(deps.catalog.vocabulary.organizations.map((o) => o.id));

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
        const badFocus = focus?.find((f) => !focusIds.has(f));
        if (badFocus) {
          throw new ValidationError(`query parameter focus: unknown focus area "${badFocus}"`, {
            in: 'querystring',
            issues: [{ path: 'focus', message: `unknown focus area "${badFocus}"` }],
            known: [...focusIds],
          });
        }
        const badIssuer = issuer?.find((i) => !issuerIds.has(i));
        if (badIssuer) {
          throw new ValidationError(`query parameter issuer: unknown issuing body "${badIssuer}"`, {
            in: 'querystring',
            issues: [{ path: 'issuer', message: `unknown issuing body "${badIssuer}"` }],
            known: [...issuerIds],
          });
        }
        const view = await callerCatalog(deps, request);
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
