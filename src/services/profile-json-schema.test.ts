import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { builtinCatalog } from '../../test/support/catalog.js';
import { PROFILE_SCHEMA_FILE, profileJsonSchema, renderProfileJsonSchema } from './profile-json-schema.js';

describe('docs/profile.schema.json', () => {
  it('is what scripts/generate-profile-schema.ts generates from the zod schema (never stale)', async () => {
    const committed = await readFile(PROFILE_SCHEMA_FILE, 'utf8');
    // If this fails: node bin/run-ts.js scripts/generate-profile-schema.ts
    expect(committed).toBe(await renderProfileJsonSchema());
  });

  it('describes dates, closed objects and the format marker', () => {
    const schema = profileJsonSchema();
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema.additionalProperties).toBe(false);
    expect(schema.required).toEqual(['format']);
    expect(schema.properties.format).toEqual({ type: 'string', const: 'hm-pathways/profile@1' });
    const positions = schema.properties.positions as {
      items: { properties: { start: { pattern: string } } };
    };
    expect(new RegExp(positions.items.properties.start.pattern).test('2020-07')).toBe(true);
    expect(new RegExp(positions.items.properties.start.pattern).test('July 2020')).toBe(false);
  });
});

describe('docs/profile-format.md', () => {
  it('lists every experience kind in the vocabulary with its question', async () => {
    const catalog = await builtinCatalog();
    const doc = await readFile(new URL('../../docs/profile-format.md', import.meta.url), 'utf8');
    for (const kind of catalog.vocabulary.experienceKinds) {
      expect(doc, kind.id).toContain(`| \`${kind.id}\` | ${kind.label} | ${kind.question} |`);
    }
  });
});
