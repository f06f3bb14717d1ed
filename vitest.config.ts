import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts', 'web/**/*.test.ts'],
    // The reliability suite has its own config and script (npm run test:reliability).
    exclude: ['**/node_modules/**', 'test/reliability/**'],
    // UTC unless a zone is named (npm run test:tz runs the date-sensitive files under others).
    env: { TZ: process.env.TZ || 'UTC' },
    testTimeout: 30_000,
    hookTimeout: 60_000,
    reporters: ['default'],
  },
});
