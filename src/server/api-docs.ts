/**
 * /api/docs (Swagger UI) in one place: its configuration, the request interceptor that makes
 * "Try it out" work for a signed-in browser (the CSRF header), and valid example bodies for every
 * request body in the OpenAPI document, so that "Try it out" with the example succeeds signed out
 * too. A test sends each example (src/server/api-docs.test.ts).
 *
 * What the page needs from a Content-Security-Policy: scripts and styles from 'self' only (Swagger
 * UI's bundle, its initializer and `theme/a11y.css` are files under /api/docs/static; nothing
 * inline is added here), images from 'self' and data: (its icons), and connect-src 'self' (the
 * OpenAPI document, GET /api/auth/session and the calls made by "Try it out").
 */
import fastifySwaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';

type SwaggerRequest = Parameters<
  NonNullable<NonNullable<Parameters<typeof fastifySwaggerUi>[1]['uiConfig']>['requestInterceptor']>
>[0];

const executive = {
  format: 'hm-pathways/profile@1',
  name: 'Alicia Moreno',
  education: [{ level: 'master', field: 'health administration (MHA)', completed: '2007-05' }],
  positions: [
    {
      title: 'Director of Operations, Surgical Services',
      start: '2013-01',
      end: '2019-06',
      kinds: ['healthcare', 'healthcare_management', 'healthcare_executive', 'supervisory'],
    },
    {
      title: 'Vice-President of Operations',
      role: 'ops-vp',
      start: '2019-07',
      kinds: ['healthcare', 'healthcare_management', 'healthcare_executive', 'supervisory'],
    },
  ],
  memberships: [{ id: 'ACHE', since: '2009-03' }],
  ce: [
    { date: '2025-03-24', hours: 12, provider: 'ACHE', title: 'Congress', category: 'ache_in_person' },
    {
      date: '2025-10-08',
      hours: 12,
      provider: 'ACHE',
      title: 'Capital planning',
      category: 'ache_qualifying',
    },
    {
      date: '2026-02-05',
      hours: 12,
      provider: 'ACHE',
      title: 'Webinars',
      category: 'ache_virtual_interactive',
    },
  ],
  volunteering: [
    { kind: 'healthcare', date: '2025-05', title: 'Free clinic board' },
    { kind: 'healthcare', date: '2025-09', title: 'Foundation gala committee' },
    { kind: 'community', date: '2025-10', title: 'Food bank' },
    { kind: 'community', date: '2026-04', title: 'Habitat build' },
  ],
  attestations: ['FACHE_REFERENCES'],
  goals: { targetRole: 'coo', certifications: ['FACHE'] },
};

const ratings = { budgeting: 2, 'quality-improvement': 3, 'leading-people': 3, 'patient-safety': 3 };
const password = 'correct horse battery staple';

/**
 * A valid example body for each "METHOD /path" of the OpenAPI document that takes a JSON body.
 * Bodies whose route has other conditions (a signed-in caller, an existing id) are valid bodies all
 * the same: the route may answer 401, 403 or 404, never 400.
 */
export const requestExamples: Record<string, unknown> = {
  'POST /api/eligibility': { profile: executive, asOf: '2026-12-02' },
  'POST /api/gaps': { role: 'director-of-quality', ratings, assessedOn: '2026-12-02' },
  'POST /api/recommendations': {
    role: 'director-of-quality',
    ratings,
    constraints: { budget: 6000, hoursPerWeek: 6, onlineOnly: true },
  },
  'POST /api/plan': {
    to: 'director-of-nursing',
    from: 'charge-nurse',
    constraints: { budgetPerYear: 3000, hoursPerWeek: 5, onlineOnly: true },
  },
  'POST /api/programs/compare': {
    ids: [
      'gwu-graduate-certificate-health-care-quality',
      'jefferson-graduate-certificate-healthcare-quality-safety',
    ],
    role: 'director-of-quality',
  },
  'POST /api/auth/signup': { email: 'alicia@example.org', displayName: 'Alicia Moreno', password },
  'POST /api/auth/signin': { email: 'alicia@example.org', password },
  'POST /api/auth/password': { currentPassword: password, newPassword: 'a different long passphrase' },
  'PATCH /api/account': { timeZone: 'America/Chicago' },
  'POST /api/tokens': { name: 'HR import script', expiresInDays: 90 },
  'DELETE /api/account': { password },
  'POST /api/me/record/{section}': {
    title: 'Vice-President of Operations',
    role: 'ops-vp',
    start: '2019-07',
    kinds: ['healthcare', 'healthcare_management', 'healthcare_executive'],
  },
  'PUT /api/me/record/{section}/{id}': {
    title: 'Vice-President of Operations',
    role: 'ops-vp',
    start: '2019-07',
    kinds: ['healthcare', 'healthcare_management', 'healthcare_executive'],
  },
  'PATCH /api/me/record/fields': { goals: { targetRole: 'coo', certifications: ['FACHE'], by: '2028-06' } },
  'POST /api/me/import/preview': { profile: executive, mode: 'merge' },
  'POST /api/me/import': { profile: executive, mode: 'merge' },
  'POST /api/me/planned-exams': {
    certificationId: 'FACHE',
    date: '2027-03-15',
    note: 'Board of Governors exam',
  },
  'POST /api/me/plans': {
    to: 'director-of-nursing',
    from: 'charge-nurse',
    constraints: { budgetPerYear: 3000 },
  },
  'PUT /api/me/plans/{id}/steps/{stepId}': { done: true },
};

/** Path parameters' examples, so that "Try it out" starts from values that exist. */
const parameterExamples: Record<string, string> = {
  section: 'positions',
};

interface OpenApiDocument {
  paths?: Record<
    string,
    Record<
      string,
      {
        parameters?: Array<{ name: string; in: string; example?: unknown }>;
        requestBody?: { content?: Record<string, { schema?: Record<string, unknown>; example?: unknown }> };
      }
    >
  >;
}

/**
 * Adds {@link requestExamples} to the document's request bodies (as the media type's `example`, which
 * Swagger UI fills in) and path-parameter examples. Used as @fastify/swagger's `transformObject`.
 */
export function withRequestExamples<T>(document: T): T {
  const doc = document as OpenApiDocument;
  for (const [path, operations] of Object.entries(doc.paths ?? {}))
    for (const [method, op] of Object.entries(operations)) {
      const media = op.requestBody?.content?.['application/json'];
      const example = requestExamples[`${method.toUpperCase()} ${path}`];
      if (media && example !== undefined) media.example = example;
      for (const p of op.parameters ?? [])
        if (p.in === 'path' && parameterExamples[p.name] !== undefined) p.example = parameterExamples[p.name];
    }
  return document;
}

/**
 * Swagger UI's request interceptor, run in the browser (serialised into its initializer script):
 * a state-changing call made with the session cookie gets the session's CSRF token, read from
 * GET /api/auth/session (null when signed out: nothing is added). Written as source text so that
 * what the browser runs is exactly this, whatever compiles the server.
 */
export const requestInterceptorSource = `function (request) {
  var method = String(request.method || 'GET').toUpperCase();
  var headers = request.headers || (request.headers = {});
  var bearer = Object.keys(headers).some(function (k) { return k.toLowerCase() === 'authorization'; });
  if (method === 'GET' || method === 'HEAD' || method === 'OPTIONS' || bearer) return request;
  return fetch('/api/auth/session', { credentials: 'same-origin', headers: { accept: 'application/json' } })
    .then(function (r) { return r.ok ? r.json() : null; })
    .then(function (session) {
      if (session && session.csrfToken) headers['x-csrf-token'] = session.csrfToken;
      return request;
    })
    .catch(function () { return request; });
}`;

/** A function whose source, as @fastify/swagger-ui serialises it, is {@link requestInterceptorSource}. */
function browserFunction<A>(source: string): (a: A) => A {
  const fn = (a: A) => a;
  fn.toString = () => source;
  return fn;
}

/**
 * Axe finds two critical problems in Swagger UI's own markup (form fields without a label: the
 * servers and response content-type selects). Labels cannot be added from outside, so each select
 * is named by a script in the theme; contrast of the method badges is raised by the stylesheet.
 */
const a11yScript = `(function () {
  function name() {
    document.querySelectorAll('select:not([aria-label])').forEach(function (el) {
      var label = el.closest('.servers') ? 'Server' : el.closest('.response-control-media-type') ? 'Response content type'
        : el.closest('.content-type-wrapper, .body-param-content-type') ? 'Request content type' : 'Choose a value';
      el.setAttribute('aria-label', label);
    });
    document.querySelectorAll('input:not([aria-label]):not([id])').forEach(function (el) {
      var row = el.closest('tr');
      var n = row && row.querySelector('.parameter__name');
      if (n) el.setAttribute('aria-label', n.textContent.replace(/\\*/g, '').trim());
    });
  }
  new MutationObserver(name).observe(document.documentElement, { childList: true, subtree: true });
  document.addEventListener('DOMContentLoaded', name);
})();`;

const a11yCss = `
.swagger-ui .info .title small pre { color: #fff; }
.swagger-ui .opblock .opblock-summary-description, .swagger-ui .opblock-tag small { color: #3b4151; }
`;

/** Registers Swagger UI at /api/docs. */
export async function registerApiDocs(app: FastifyInstance): Promise<void> {
  await app.register(fastifySwaggerUi, {
    routePrefix: '/api/docs',
    theme: {
      title: 'API documentation · Healthcare Management Pathways',
      js: [{ filename: 'a11y.js', content: a11yScript }],
      css: [{ filename: 'a11y.css', content: a11yCss }],
    },
    uiConfig: {
      requestInterceptor: browserFunction<SwaggerRequest>(requestInterceptorSource),
      // Sends the session cookie on "Try it out" (same origin).
      withCredentials: true,
    },
  });
}
