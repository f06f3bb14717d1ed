/**
 * buildApp(deps) assembles the Fastify application without listening, so tests can inject
 * requests. main.ts listens and handles signals.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { Logger } from 'pino';
import type { Catalog } from '../catalog/schema.js';
import type { Storage } from '../storage/db.js';
import { catalogRoutes } from './catalog/routes.js';
import { certificationRoutes } from './certifications/routes.js';
import { eligibilityRoutes } from './eligibility/routes.js';
import { registerErrorHandling } from './errors.js';
import { healthRoutes } from './health/routes.js';

export interface AppDeps {
  catalog: Catalog;
  storage: Storage;
  appVersion: string;
  /** A pino logger, or false for none (tests). */
  logger: Logger | false;
  /** Built web app to serve at /; omitted or missing = API only. */
  webDir?: string;
  /** Largest request body accepted, in bytes. */
  bodyLimit?: number;
}

export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const app = Fastify({
    ...(deps.logger ? { loggerInstance: deps.logger as FastifyBaseLogger } : { logger: false }),
    bodyLimit: deps.bodyLimit ?? 1024 * 1024,
    return503OnClosing: true,
    forceCloseConnections: 'idle',
    routerOptions: { ignoreTrailingSlash: true },
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandling(app);

  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Healthcare Management Pathways API',
        version: deps.appVersion,
        description:
          'Certifications, eligibility and career paths for healthcare managers. Every catalog fact carries its source, verified-as-of date and confidence. Errors are `{error: {code, message, details}}`.',
      },
      tags: [
        { name: 'catalog', description: 'The certification catalog' },
        {
          name: 'eligibility',
          description:
            'Am I eligible, what is missing, and when will I be? (profile format: docs/profile-format.md)',
        },
        { name: 'operations', description: 'Health and operations' },
      ],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs' });

  await app.register(
    async (api) => {
      api.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());
      await api.register(healthRoutes(deps));
      await api.register(catalogRoutes(deps));
      await api.register(certificationRoutes(deps));
      await api.register(eligibilityRoutes(deps));
    },
    { prefix: '/api' },
  );

  const webDir = deps.webDir && existsSync(path.join(deps.webDir, 'index.html')) ? deps.webDir : undefined;
  if (webDir) {
    await app.register(fastifyStatic, {
      root: webDir,
      wildcard: false,
      index: ['index.html'],
      maxAge: '1h',
      immutable: false,
    });
  }

  app.setNotFoundHandler((request, reply) => {
    const url = request.url.split('?')[0] ?? '';
    // The web app owns every other GET path (client-side routing).
    if (webDir && request.method === 'GET' && !url.startsWith('/api/') && url !== '/api') {
      return reply.header('cache-control', 'no-cache').sendFile('index.html', webDir);
    }
    return reply.code(404).send({
      error: { code: 'route_not_found', message: `No route ${request.method} ${url}` },
    });
  });

  return app;
}
