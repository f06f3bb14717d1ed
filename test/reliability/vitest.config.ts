import path from 'node:path';
import { defineConfig } from 'vitest/config';

/**
 * `npm run test:reliability`: fuzz from the OpenAPI document, kill -9 during writes on SQLite, two
 * instances on PostgreSQL, and the route × caller matrix (also part of `npm test`). One file at a
 * time: each part wants the whole machine, and its timings are part of what it checks.
 */
export default defineConfig({
  root: path.resolve(import.meta.dirname, '..', '..'),
  test: {
    include: ['test/reliability/**/*.test.ts', 'src/server/route-matrix.test.ts'],
    env: { TZ: 'UTC' },
    fileParallelism: false,
    testTimeout: 600_000,
    hookTimeout: 180_000,
    reporters: ['default', './test/reliability/summary-reporter.ts'],
  },
});
