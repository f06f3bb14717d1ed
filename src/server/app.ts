/**
 * buildApp(deps) assembles the Fastify application without listening, so tests can inject
 * requests. main.ts listens and handles signals.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import fastifySwagger from '@fastify/swagger';
import Fastify, { type FastifyBaseLogger, type FastifyInstance, type FastifyServerOptions } from 'fastify';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { Logger } from 'pino';
import type { Catalog } from '../catalog/schema.js';
import { systemClock, type Clock } from '../services/clock.js';
import { createPasswordHasher, type Argon2Cost } from '../services/passwords.js';
import type { Storage } from '../storage/db.js';
import { accountRoutes } from './account/routes.js';
import { registerApiDocs, withRequestExamples } from './api-docs.js';
import { auditRoutes } from './audit/routes.js';
import { authPlugin, type AuthRuntime } from './auth/plugin.js';
import { authRoutes } from './auth/routes.js';
import { careerRoutes } from './career/routes.js';
import { catalogRoutes } from './catalog/routes.js';
import { certificationRoutes } from './certifications/routes.js';
import { competencyRoutes } from './competencies/routes.js';
import { eligibilityRoutes } from './eligibility/routes.js';
import { frameworkErrors, registerErrorHandling } from './errors.js';
import { healthRoutes } from './health/routes.js';
import { meRoutes } from './me/routes.js';
import { savedPlanRoutes } from './me-plans/routes.js';
import { planRoutes } from './plans/routes.js';
import { programRoutes } from './programs/routes.js';
import { requestGuardsPlugin } from './request-guards.js';
import { roleRoutes } from './roles/routes.js';
import { securityHeadersPlugin } from './security-headers.js';
import { tokenRoutes } from './tokens/routes.js';
import { registerCompression, registerWebApp } from './web-delivery.js';

/** Accounts and sessions (docs/security.md). Every field is optional; the defaults suit production. */
export interface AuthConfig {
  /**
   * argon2id cost: 'standard' (default; OWASP: 19 MiB, 2 passes, 1 lane) or 'fast', which exists
   * only to keep tests quick and must never be used for real accounts.
   */
  argon2Cost?: Argon2Cost;
  /**
   * Trust X-Forwarded-For / -Proto / -Host from a reverse proxy (Fastify's `trustProxy`: true, a
   * hop count, or the proxy's addresses). Needed behind a TLS-terminating proxy so that the
   * session cookie is marked Secure and sign-in throttling counts the client's IP address, not the
   * proxy's. Default false: the headers are ignored.
   */
  trustProxy?: FastifyServerOptions['trustProxy'];
  /** 'auto' (default): the session cookie is Secure when the request came over HTTPS; 'always': always. */
  secureCookies?: 'auto' | 'always';
  /**
   * Sign-ups accepted per client address per hour (default 20, `signUpThrottlePolicy`). Only a
   * test server that signs up many accounts from 127.0.0.1 raises it.
   */
  signUpsPerHour?: number;
}

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
  /** Accounts and sessions; defaults suit production. */
  auth?: AuthConfig;
  /**
   * The one clock: session expiry, throttling, audit times and "today" (in the person's time
   * zone, else UTC). Default: the system clock; tests fix it. `buildApp` always fills it in.
   */
  clock?: Clock;
  /**
   * PUBLIC_URL: the address people reach the app at (`https://pathways.example.org`), used for
   * the calendar-feed address. Unset: the feed address is given relative to the app
   * (`/api/calendar/...`), and the web app completes it with its own origin. The Host header is
   * never used (it is whatever the client sends).
   */
  publicUrl?: string;
}

export async function buildApp(appDeps: AppDeps): Promise<FastifyInstance> {
  const clock = appDeps.clock ?? systemClock;
  const deps: AppDeps = { ...appDeps, clock };
  const app = Fastify({
    ...(deps.logger ? { loggerInstance: deps.logger as FastifyBaseLogger } : { logger: false }),
    bodyLimit: deps.bodyLimit ?? 1024 * 1024,
    return503OnClosing: true,
    forceCloseConnections: 'idle',
    routerOptions: { ignoreTrailingSlash: true },
    trustProxy: deps.auth?.trustProxy ?? false,
    frameworkErrors,
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandling(app);
  await registerCompression(app);
  await app.register(securityHeadersPlugin);
  await app.register(requestGuardsPlugin);

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
          name: 'career',
          description:
            'The competency framework, roles and their transitions, and training programs. Values that are our judgement carry `judgement: true`; facts nobody stated are `unknown`.',
        },
        {
          name: 'eligibility',
          description:
            'Am I eligible, what is missing, and when will I be? (profile format: docs/profile-format.md)',
        },
        {
          name: 'account',
          description:
            'Accounts, sessions, API tokens and the audit log. A signed-in browser sends the `hmp_session` cookie and, on POST/PUT/PATCH/DELETE, the `x-csrf-token` header; scripts send `Authorization: Bearer hmp_...` (docs/security.md)',
        },
        {
          name: 'record',
          description:
            'My record (education, jobs, credentials, CE, ...), profile-file import and export, dashboard, planned exams and the calendar feed. Needs an account.',
        },
        { name: 'operations', description: 'Health and operations' },
      ],
      components: {
        securitySchemes: {
          sessionCookie: { type: 'apiKey', in: 'cookie', name: 'hmp_session' },
          bearerToken: { type: 'http', scheme: 'bearer', description: 'An API token: hmp_...' },
        },
      },
    },
    transform: jsonSchemaTransform,
    transformObject: (document) =>
      withRequestExamples('openapiObject' in document ? document.openapiObject : document.swaggerObject),
  });
  await registerApiDocs(app);

  const auth: AuthRuntime = {
    env: {
      db: deps.storage.db,
      passwords: createPasswordHasher(deps.auth?.argon2Cost ?? 'standard'),
      now: () => clock.now(),
      ...(deps.auth?.signUpsPerHour !== undefined ? { signUpsPerHour: deps.auth.signUpsPerHour } : {}),
    },
    secureCookies: deps.auth?.secureCookies ?? 'auto',
  };
  await app.register(authPlugin, auth);

  await app.register(
    async (api) => {
      api.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());
      await api.register(healthRoutes(deps));
      await api.register(catalogRoutes(deps));
      await api.register(certificationRoutes(deps));
      await api.register(competencyRoutes(deps));
      await api.register(roleRoutes(deps));
      await api.register(programRoutes(deps));
      await api.register(eligibilityRoutes(deps));
      await api.register(careerRoutes(deps));
      await api.register(planRoutes(deps));
      await api.register(authRoutes(auth));
      await api.register(tokenRoutes(auth));
      await api.register(auditRoutes(auth));
      await api.register(accountRoutes(auth));
      await api.register(meRoutes(deps));
      await api.register(savedPlanRoutes(deps));
    },
    { prefix: '/api' },
  );

  const webDir = deps.webDir && existsSync(path.join(deps.webDir, 'index.html')) ? deps.webDir : undefined;
  if (webDir) await registerWebApp(app, webDir);

  app.setNotFoundHandler((request, reply) => {
    const url = request.url.split('?')[0] ?? '';
    // The web app owns every other GET path (client-side routing).
    if (webDir && request.method === 'GET' && !url.startsWith('/api/') && url !== '/api') {
      return reply.sendFile('index.html', webDir);
    }
    return reply.code(404).send({
      error: { code: 'route_not_found', message: `No route ${request.method} ${url}` },
    });
  });

  return app;
}
