/**
 * The one error handler. Every error leaves as `{error: {code, message, details?}}`; a 4xx names
 * the field; anything unexpected is logged and returned as a plain 500 without internals.
 */
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError, type Issue } from '../services/errors.js';
import { isDatabaseUnavailable } from '../storage/db.js';

/** Seconds a client is asked to wait (Retry-After) when the database cannot be reached. */
export const DATABASE_RETRY_AFTER_SECONDS = 5;

export { issuesOf, type Issue } from '../services/errors.js';

export const errorBodySchema = z
  .object({
    error: z.object({
      code: z.string().describe('Stable machine-readable code, e.g. certification_not_found'),
      message: z.string().describe('Plain-language message naming the field at fault'),
      details: z.unknown().optional(),
    }),
  })
  .describe('Error');

const statusCodes: Record<number, string> = {
  400: 'bad_request',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
  405: 'method_not_allowed',
  406: 'not_acceptable',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  429: 'too_many_requests',
  503: 'service_unavailable',
};

/**
 * The router's own errors, which never reach the error handler: an address it cannot decode (a `%`
 * not followed by two hexadecimal digits) and a path parameter over 100 characters. Fastify's
 * `frameworkErrors` option; answered in the one error shape instead of Fastify's default body.
 */
export function frameworkErrors(
  error: FastifyError,
  _request: FastifyRequest,
  reply: FastifyReply,
): FastifyReply {
  if (error.code === 'FST_ERR_MAX_PARAM_LENGTH') {
    return reply.code(414).send({
      error: {
        code: 'path_too_long',
        message: 'A part of the address is too long (at most 100 characters between two slashes).',
      },
    });
  }
  if (error.code === 'FST_ERR_BAD_URL') {
    return reply.code(400).send({
      error: {
        code: 'bad_url',
        message:
          'The address is not valid: a "%" must be followed by two hexadecimal digits (write "%25" for "%" itself).',
      },
    });
  }
  return reply.code(error.statusCode && error.statusCode < 500 ? error.statusCode : 400).send({
    error: { code: 'bad_request', message: 'The request could not be routed.' },
  });
}

export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError, request, reply) => {
    if (hasZodFastifySchemaValidationErrors(err)) {
      const context = err.validationContext ?? 'request';
      const issues: Issue[] = err.validation.flatMap((v) => {
        const p = v.instancePath.replace(/^\//, '').split('/').filter(Boolean).join('.');
        if (v.keyword === 'unrecognized_keys') {
          const keys = (v.params as { keys?: string[] }).keys ?? [];
          const what = context === 'querystring' ? 'unknown query parameter' : 'unknown field';
          return keys.map((k) => ({ path: p ? `${p}.${k}` : k, message: `${what} (check the spelling)` }));
        }
        return [{ path: p, message: v.message ?? 'is invalid' }];
      });
      const first = issues[0];
      const label =
        context === 'querystring' ? 'query parameter' : context === 'params' ? 'path parameter' : 'field';
      return reply.code(400).send({
        error: {
          code: 'invalid_request',
          message: first
            ? `${first.path ? `${label} ${first.path}` : context}: ${first.message}`
            : 'The request is invalid',
          details: { in: context, issues },
        },
      });
    }
    if (err instanceof AppError) {
      return reply
        .code(err.status)
        .send({ error: { code: err.code, message: err.message, details: err.details } });
    }
    if (isDatabaseUnavailable(err)) {
      request.log.warn({ err: { message: err.message, code: err.code } }, 'database unavailable');
      return reply
        .code(503)
        .header('retry-after', String(DATABASE_RETRY_AFTER_SECONDS))
        .send({
          error: {
            code: 'database_unavailable',
            message: `The database cannot be reached right now; nothing was changed. Try again in ${DATABASE_RETRY_AFTER_SECONDS} seconds.`,
          },
        });
    }
    if (isResponseSerializationError(err)) {
      request.log.error({ err, issues: err.cause.issues }, 'response did not match its schema');
    } else if (typeof err.statusCode === 'number' && err.statusCode >= 400 && err.statusCode < 500) {
      const code =
        err.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || err.code === 'FST_ERR_CTP_EMPTY_JSON_BODY'
          ? 'invalid_json'
          : (statusCodes[err.statusCode] ?? 'bad_request');
      return reply.code(err.statusCode).send({ error: { code, message: err.message } });
    } else {
      request.log.error({ err }, 'unexpected error');
    }
    return reply.code(500).send({
      error: {
        code: 'internal_error',
        message: 'Something went wrong on our side. It has been logged; please try again.',
      },
    });
  });
}
