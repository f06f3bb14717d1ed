/**
 * Writes docs/profile.schema.json from the zod profile schema:
 * `node bin/run-ts.js scripts/generate-profile-schema.ts`. With `--check` it only compares and
 * exits 1 when the file is stale (src/services/profile-json-schema.test.ts checks the same).
 */
import { readFile, writeFile } from 'node:fs/promises';
import {
  PROFILE_SCHEMA_FILE as schemaFile,
  renderProfileJsonSchema,
} from '../src/services/profile-json-schema.js';

const text = await renderProfileJsonSchema();
if (process.argv.includes('--check')) {
  const current = await readFile(schemaFile, 'utf8').catch(() => '');
  if (current !== text) {
    console.error(`${schemaFile} is out of date: run node bin/run-ts.js scripts/generate-profile-schema.ts`);
    process.exitCode = 1;
  } else console.log(`${schemaFile} is up to date`);
} else {
  await writeFile(schemaFile, text);
  console.log(`wrote ${schemaFile}`);
}
