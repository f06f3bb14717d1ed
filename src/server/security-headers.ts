/**
 * Security headers on every response (@fastify/helmet), registered in app.ts with one line.
 *
 * - Content-Security-Policy: scripts only from this origin (no inline script, no eval), no plugins,
 *   no framing by anyone (`frame-ancestors 'none'`), forms and fetches to this origin only. Styles
 *   allow `'unsafe-inline'`: Mantine writes style attributes and a `<style>` element for its CSS
 *   variables at run time, and inline style cannot run code. Images may be `data:` URLs (icons).
 *   The API explorer at /api/docs (Swagger UI) works under the same policy: it loads its scripts
 *   from this origin and only needs inline styles too; its routes get {@link docsCsp} so that a
 *   change to one policy is a decision for that page alone.
 * - X-Content-Type-Options: nosniff; X-Frame-Options: DENY (older browsers); Referrer-Policy:
 *   `same-origin`: a link out to an issuing body sends no Referer, so the app's URLs (which can hold
 *   a person's plan, e.g. `/plan?to=cno&by=2030-01-01`) never leave the site.
 * - Strict-Transport-Security only on a request that came over TLS (directly, or through a proxy
 *   trusted with TRUST_PROXY that says so in X-Forwarded-Proto): on plain HTTP it would be ignored
 *   by browsers and would make a local `http://localhost` install unreachable after a TLS test.
 * Numbers and reasons: docs/security.md.
 */
import helmet from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';

/** The web app's policy (every route that is not /api/docs). */
export const appCsp = {
  defaultSrc: ["'self'"],
  baseUri: ["'self'"],
  scriptSrc: ["'self'"],
  scriptSrcAttr: ["'none'"],
  styleSrc: ["'self'", "'unsafe-inline'"],
  imgSrc: ["'self'", 'data:'],
  fontSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"],
  objectSrc: ["'none'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
  upgradeInsecureRequests: null,
} as const;

/** Swagger UI at /api/docs: its own scripts from this origin, inline styles, data: images (its icons). */
export const docsCsp = { ...appCsp } as const;

/** HSTS sent over TLS: one year, subdomains included (no preload: that is an owner's decision). */
export const HSTS_VALUE = 'max-age=31536000; includeSubDomains';

function cspHeader(policy: Record<string, readonly string[] | null>): string {
  return Object.entries(policy)
    .filter((e): e is [string, readonly string[]] => e[1] !== null)
    .map(([k, v]) => `${k.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)} ${v.join(' ')}`)
    .join('; ');
}

async function securityHeaders(app: FastifyInstance): Promise<void> {
  await app.register(helmet, {
    global: true,
    contentSecurityPolicy: { useDefaults: false, directives: { ...appCsp } },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'same-origin' },
    // Sent below, over TLS only.
    hsts: false,
    // Cross-origin isolation headers would stop calendar apps and other sites from linking the feed.
    crossOriginEmbedderPolicy: false,
    crossOriginResourcePolicy: { policy: 'same-site' },
  });
  const docs = cspHeader(docsCsp);
  app.addHook('onSend', async (request, reply, payload) => {
    if (request.protocol === 'https') reply.header('strict-transport-security', HSTS_VALUE);
    const url = request.url;
    if (url === '/api/docs' || url.startsWith('/api/docs/') || url.startsWith('/api/docs?'))
      reply.header('content-security-policy', docs);
    return payload;
  });
}

/** Helmet with the app's CSP, HSTS over TLS only, and Swagger UI's own policy on /api/docs. */
export const securityHeadersPlugin = fp(securityHeaders, { name: 'security-headers' });
