import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { checkProfileEligibility } from '../../services/eligibility-service.js';
import { callerCatalog, callerToday } from '../caller.js';
import { ValidationError } from '../../services/errors.js';
import { ProfileError, readProfileDocument } from '../../services/profile-service.js';
import type { AppDeps } from '../app.js';
import { errorBodySchema } from '../errors.js';
import { eligibilityBodySchema, eligibilityQuerySchema, eligibilityReportSchema } from './schema.js';

const yamlTypes = ['application/yaml', 'text/yaml', 'application/x-yaml', 'text/x-yaml'];

export const eligibilityRoutes = (deps: AppDeps): FastifyPluginAsyncZod =>
  async function routes(app) {
    // These parsers apply to this plugin's routes only (Fastify encapsulation).
    // A raw YAML profile: read safely (no aliases, no duplicate keys) and checked like a JSON one.
    app.addContentTypeParser(yamlTypes, { parseAs: 'string' }, (_request, body, done) => {
      try {
        done(null, { profile: readProfileDocument(body as string, { contentType: 'application/yaml' }) });
      } catch (e) {
        done(e instanceof ProfileError ? e.prefixed('profile') : (e as Error), undefined);
      }
    });
    // JSON that repeats a key is refused rather than silently keeping the last value.
    app.removeContentTypeParser('application/json');
    app.addContentTypeParser('application/json', { parseAs: 'string' }, (_request, body, done) => {
      if ((body as string).trim() === '') {
        done(
          new ValidationError(
            'The request body is empty; send {"profile": {...}}',
            undefined,
            'invalid_json',
          ),
        );
        return;
      }
      try {
        done(null, readProfileDocument(body as string, { contentType: 'application/json' }));
      } catch (e) {
        const problem = e instanceof ProfileError ? e : undefined;
        done(
          problem && problem.issues[0]?.path === ''
            ? new ValidationError(
                `body: ${problem.issues[0].message}`,
                { issues: problem.issues },
                'invalid_json',
              )
            : (e as Error),
          undefined,
        );
      }
    });

    app.post(
      '/eligibility',
      {
        schema: {
          tags: ['eligibility'],
          summary: 'Am I eligible, what is missing, and when will I be?',
          description:
            'Evaluates a profile against every certification (or the ones asked for) on the as-of date. Send `{"profile": {...}, "asOf": "YYYY-MM-DD", "certifications": ["CPHQ"]}` as JSON, or the profile document itself as YAML (`Content-Type: application/yaml`) with `asOf` and `certifications` as query parameters. A 400 lists every problem of the profile in `error.details.issues`, paths under `profile.`. Guidance, not a ruling: confirm with the issuing body before paying a fee.',
          consumes: ['application/json', ...yamlTypes],
          querystring: eligibilityQuerySchema,
          body: eligibilityBodySchema,
          response: {
            200: eligibilityReportSchema,
            400: errorBodySchema,
            413: errorBodySchema,
            415: errorBodySchema,
          },
        },
      },
      async (request) => {
        const { body, query } = request;
        for (const key of ['asOf', 'certifications'] as const) {
          if (body[key] !== undefined && query[key] !== undefined) {
            throw new ValidationError(`${key}: give it in the body or as a query parameter, not both`, {
              issues: [{ path: key, message: 'give it in the body or as a query parameter, not both' }],
            });
          }
        }
        return checkProfileEligibility(
          (await callerCatalog(deps, request)).catalog,
          {
            profile: body.profile,
            asOf: body.asOf ?? query.asOf,
            certifications: body.certifications ?? query.certifications,
            ...(body.notAsked ? { notAsked: body.notAsked } : {}),
          },
          await callerToday(deps, request),
        );
      },
    );
  };
