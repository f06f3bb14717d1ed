/**
 * Checks every request body, query and path parameter before any route sees it:
 * - JSON bodies are scanned once, in linear time, before they are parsed: a key given twice in one
 *   object is refused (JSON.parse would silently keep the last one: `{"hours":1,"hours":999}`), and
 *   so is nesting deeper than {@link MAX_JSON_DEPTH} levels (no request of this API nests more than
 *   a dozen), so a hostile body is refused before any recursive code walks it;
 * - the NUL character (U+0000) is refused in every string, on both engines alike: PostgreSQL text
 *   cannot hold it, and no field of this app has a use for it.
 * Both answer 400 naming the field. Registered once in app.ts; a plugin may still add its own JSON
 * parser (the eligibility route reads JSON as a profile document, with the same checks).
 */
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { ValidationError, formatPath, type Issue } from '../services/errors.js';

/** JSON nested deeper than this is refused before it is parsed. */
export const MAX_JSON_DEPTH = 64;

type Frame =
  { kind: 'object'; keys: Set<string>; key?: string; expectKey: boolean } | { kind: 'array'; index: number };

/**
 * The first duplicate key or excess nesting in JSON text, as an issue with its path; undefined when
 * there is none. Does not check the syntax (JSON.parse does, afterwards); one pass, no recursion.
 *
 * @example
 * jsonStructureIssue('{"hours":1,"hours":999}'); // {path: 'hours', message: 'given twice; ...'}
 */
export function jsonStructureIssue(text: string, maxDepth = MAX_JSON_DEPTH): Issue | undefined {
  const stack: Frame[] = [];
  const pathHere = (last?: string | number): (string | number)[] => {
    const p = stack.slice(0, -1).map((f) => (f.kind === 'object' ? (f.key ?? '') : f.index));
    return last === undefined ? p : [...p, last];
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 0x22 /* " */) {
      let j = i + 1;
      while (j < text.length && text.charCodeAt(j) !== 0x22) j += text.charCodeAt(j) === 0x5c ? 2 : 1;
      const top = stack.at(-1);
      if (top?.kind === 'object' && top.expectKey) {
        let key: string;
        try {
          key = JSON.parse(text.slice(i, j + 1)) as string;
        } catch {
          return undefined; // not valid JSON: JSON.parse reports it with its position
        }
        if (top.keys.has(key))
          return {
            path: formatPath(pathHere(key)),
            message: 'given twice; a field may appear only once in an object',
          };
        top.keys.add(key);
        top.key = key;
        top.expectKey = false;
      }
      i = j;
    } else if (ch === 0x7b /* { */ || ch === 0x5b /* [ */) {
      if (stack.length >= maxDepth)
        return {
          path: formatPath(
            pathHere(stack.at(-1)?.kind === 'array' ? (stack.at(-1) as { index: number }).index : undefined),
          ),
          message: `nested more than ${maxDepth} levels deep`,
        };
      stack.push(
        ch === 0x7b ? { kind: 'object', keys: new Set(), expectKey: true } : { kind: 'array', index: 0 },
      );
    } else if (ch === 0x7d /* } */ || ch === 0x5d /* ] */) {
      stack.pop();
    } else if (ch === 0x2c /* , */) {
      const top = stack.at(-1);
      if (top?.kind === 'object') top.expectKey = true;
      else if (top) top.index++;
    }
  }
  return undefined;
}

/** The path of the first string holding U+0000 in a parsed value (breadth-bounded by the body limit). */
export function nulPath(value: unknown, path: (string | number)[] = [], depth = 0): string | undefined {
  if (typeof value === 'string') return value.includes('\u0000') ? formatPath(path) || '(value)' : undefined;
  if (value === null || typeof value !== 'object' || depth > MAX_JSON_DEPTH) return undefined;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const p = nulPath(value[i], [...path, i], depth + 1);
      if (p !== undefined) return p;
    }
    return undefined;
  }
  for (const [k, v] of Object.entries(value)) {
    if (k.includes('\u0000')) return formatPath([...path, k]);
    const p = nulPath(v, [...path, k], depth + 1);
    if (p !== undefined) return p;
  }
  return undefined;
}

function nulError(where: 'body' | 'query' | 'params', path: string): ValidationError {
  const label = where === 'query' ? 'query parameter' : where === 'params' ? 'path parameter' : 'field';
  const message = 'must not contain the NUL character (U+0000)';
  return new ValidationError(`${label} ${path}: ${message}`, { in: where, issues: [{ path, message }] });
}

async function requestGuards(app: FastifyInstance): Promise<void> {
  const defaultJson = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    const text = body as string;
    const issue = text.trim() === '' ? undefined : jsonStructureIssue(text);
    if (issue) {
      done(
        new ValidationError(
          `body.${issue.path}: ${issue.message}`,
          { in: 'body', issues: [issue] },
          'invalid_json',
        ),
        undefined,
      );
      return;
    }
    defaultJson(request, text, done);
  });

  app.addHook('preValidation', async (request) => {
    for (const where of ['params', 'query', 'body'] as const) {
      const value = (request as unknown as Record<string, unknown>)[where];
      const path = nulPath(value);
      if (path !== undefined) throw nulError(where, path);
    }
  });
}

/** Duplicate JSON keys, excess nesting and NUL characters → 400 naming the field, on every route. */
export const requestGuardsPlugin = fp(requestGuards, { name: 'request-guards' });
