/**
 * The profile format's JSON Schema, generated from the zod schema (src/core/profile.ts) so the two
 * never disagree. Written to docs/profile.schema.json by scripts/generate-profile-schema.ts; a test
 * checks that the committed file is current.
 */
import path from 'node:path';
import { z } from 'zod';
import { PROFILE_FORMAT, profileDateSchema, profileSchema } from '../core/profile.js';
import { projectRoot } from './config.js';

/** Where the generated schema is kept. */
export const PROFILE_SCHEMA_FILE = path.join(projectRoot, 'docs', 'profile.schema.json');
export const PROFILE_SCHEMA_ID = 'urn:hm-pathways:profile:1';

/**
 * The JSON Schema (draft 2020-12) of a profile as written in a file (defaults are optional).
 *
 * @example
 * profileJsonSchema().properties.format; // {type: 'string', const: 'hm-pathways/profile@1'}
 */
export function profileJsonSchema(): Record<string, unknown> & { properties: Record<string, unknown> } {
  const schema = z.toJSONSchema(profileSchema, {
    io: 'input',
    target: 'draft-2020-12',
    override: (ctx) => {
      if (ctx.zodSchema === profileDateSchema) {
        ctx.jsonSchema.pattern = '^\\d{4}-\\d{2}(-\\d{2})?$';
        ctx.jsonSchema.description =
          'A date, YYYY-MM-DD, or a month, YYYY-MM (its first day; for a job end, its last day)';
      }
    },
  });
  const { $schema, ...rest } = schema;
  return {
    $schema,
    $id: PROFILE_SCHEMA_ID,
    title: 'Healthcare Management Pathways profile',
    description: `Who a person is, for eligibility checks and plans (format "${PROFILE_FORMAT}"). See docs/profile-format.md. Catalog ids (experience kinds, credentials, organizations, CE categories, credit units, attestations) are checked against catalog/vocabulary.yaml when the profile is read.`,
    ...rest,
  } as Record<string, unknown> & { properties: Record<string, unknown> };
}

/** The JSON Schema as docs/profile.schema.json holds it: formatted as `npm run format` would (needs prettier, a dev dependency). */
export async function renderProfileJsonSchema(): Promise<string> {
  const { format, resolveConfig } = await import('prettier');
  const options = await resolveConfig(PROFILE_SCHEMA_FILE);
  return format(JSON.stringify(profileJsonSchema(), null, 2), { ...options, filepath: PROFILE_SCHEMA_FILE });
}
