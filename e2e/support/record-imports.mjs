/* global process */
// Preloaded with `node --import` by e2e/build.e2e.test.ts: appends every module URL the process
// resolves to the file named by RECORD_IMPORTS, so the test can see what really ran.
import { register } from 'node:module';

register(
  `data:text/javascript,${encodeURIComponent(`
import { appendFileSync } from 'node:fs';
export async function resolve(specifier, context, next) {
  const result = await next(specifier, context);
  appendFileSync(${JSON.stringify(process.env.RECORD_IMPORTS)}, result.url + '\\n');
  return result;
}`)}`,
);
