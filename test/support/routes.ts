/**
 * The server's route table, read from Fastify's own `printRoutes()` (the router's tree), so that tests
 * can check that every route is covered by a table of expectations (the route × caller matrix, the
 * OpenAPI fuzz). HEAD routes that Fastify adds for every GET are listed separately.
 */
import type { FastifyInstance } from 'fastify';

export interface RouteEntry {
  method: string;
  /** Fastify's path: `/api/me/plans/:id`, `/api/docs/*`. */
  path: string;
}

/** One line of the tree: `│   ├── /static/index.html (GET, HEAD)`. */
const LINE = /^((?:[│ ] {3})*)[├└]── (.+?)(?: \(([A-Z, ]+)\))?$/u;

/**
 * Every method × path the router knows, sorted, parsed from `printRoutes({commonPrefix: false})`.
 * Throws on a line it cannot read (so a change of Fastify's format fails loudly, not silently).
 */
export function routeTable(app: FastifyInstance): RouteEntry[] {
  const tree = app.printRoutes({ commonPrefix: false });
  const stack: string[] = [];
  const routes: RouteEntry[] = [];
  for (const line of tree.split('\n')) {
    if (line.trim() === '') continue;
    const m = LINE.exec(line);
    if (!m) throw new Error(`cannot read this line of printRoutes(): ${JSON.stringify(line)}`);
    const depth = m[1]!.length / 4;
    const segment = m[2]!;
    const parent = stack[depth - 1] ?? '';
    const path = segment.startsWith('/') || parent === '' ? parent + segment : `${parent}/${segment}`;
    stack[depth] = path;
    stack.length = depth + 1;
    for (const method of (m[3] ?? '').split(',').map((s) => s.trim())) {
      if (method) routes.push({ method, path });
    }
  }
  return routes.sort((a, b) => a.path.localeCompare(b.path) || a.method.localeCompare(b.method));
}

/** `GET /api/me/plans/:id`: the key of a route in expectation tables. */
export const routeKey = (r: RouteEntry): string => `${r.method} ${r.path}`;

/** The routes without the HEAD twins Fastify adds for each GET. */
export function routesWithoutHeadTwins(routes: RouteEntry[]): RouteEntry[] {
  const gets = new Set(routes.filter((r) => r.method === 'GET').map((r) => r.path));
  return routes.filter((r) => !(r.method === 'HEAD' && gets.has(r.path)));
}
