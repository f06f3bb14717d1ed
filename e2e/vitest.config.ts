import path from 'node:path';
import { defineConfig } from 'vitest/config';

/** Browser tests: the real server in-process, driven by playwright-core and /usr/bin/chromium. */
export default defineConfig({
  root: path.resolve(import.meta.dirname, '..'),
  test: {
    include: ['e2e/**/*.e2e.test.ts'],
    env: { TZ: 'UTC' },
    // One browser and one server at a time; the first file may also build the web app.
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 180_000,
    reporters: ['default'],
  },
});
