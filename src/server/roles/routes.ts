import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Role, RoleTransition } from '../../catalog/career-schema.js';
import { closestRoleIds } from '../../core/role-match.js';
import { NotFoundError } from '../../services/errors.js';
import type { AppDeps } from '../app.js';
import { errorBodySchema } from '../errors.js';
import { detailResponseSchema, idParamsSchema, listQuerySchema, listResponseSchema } from './schema.js';

/** Roles in the career graph and the typical moves between them. */
export const roleRoutes = (deps: AppDeps): FastifyPluginAsyncZod =>
  async function routes(app) {
    const byId = new Map(deps.catalog.roles.map((r) => [r.id, r]));
    const served = (t: RoleTransition) => ({
      ...t,
      fromTitle: byId.get(t.from)?.title ?? t.from,
      toTitle: byId.get(t.to)?.title ?? t.to,
    });

    app.get(
      '/roles',
      {
        schema: {
          tags: ['career'],
          summary: 'List roles, filtered by family and text',
          querystring: listQuerySchema,
          response: { 200: listResponseSchema, 400: errorBodySchema },
        },
      },
      async (request) => {
        const { family, q } = request.query;
        const needle = q?.trim().toLowerCase();
        const matches = (r: Role) =>
          (!family || r.family === family) &&
          (!needle || [r.id, r.title, r.summary].some((s) => s.toLowerCase().includes(needle)));
        const roles = deps.catalog.roles.filter(matches).map((r) => ({
          id: r.id,
          title: r.title,
          family: r.family,
          level: r.level,
          summary: r.summary,
          basis: r.basis,
          preferredCertifications: [...r.preferredCertifications],
          confidence: r.confidence,
          verifiedAsOf: r.verifiedAsOf,
        }));
        return { catalogVersion: deps.catalog.version, total: roles.length, roles };
      },
    );

    app.get(
      '/roles/:id',
      {
        schema: {
          tags: ['career'],
          summary: 'One role with its targets, facts, sources and the transitions into and out of it',
          params: idParamsSchema,
          response: { 200: detailResponseSchema, 400: errorBodySchema, 404: errorBodySchema },
        },
      },
      async (request) => {
        const { id } = request.params;
        const role = byId.get(id);
        if (!role)
          throw new NotFoundError('role_not_found', `No role with id "${id}"`, {
            id,
            suggestions: closestRoleIds(id, deps.catalog.roles),
          });
        return {
          catalogVersion: deps.catalog.version,
          role,
          transitionsIn: deps.catalog.transitions.filter((t) => t.to === id).map(served),
          transitionsOut: deps.catalog.transitions.filter((t) => t.from === id).map(served),
        };
      },
    );
  };
