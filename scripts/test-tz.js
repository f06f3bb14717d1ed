#!/usr/bin/env node
// `npm run test:tz`: the date-sensitive tests under time zones far from UTC, so that any use of the
// server's local date ("today" from the machine's zone) fails: Pacific/Kiritimati (UTC+14, already
// tomorrow) and America/Los_Angeles (UTC-8/-7, still yesterday). Extra vitest arguments pass through.
import { spawnSync } from 'node:child_process';

export const dateSensitiveTests = [
  'src/services/clock.test.ts',
  'src/server/today.test.ts',
  'src/core/dates.test.ts',
  'src/core/renewal.test.ts',
  'src/services/calendar-service.test.ts',
  'src/services/plan-service.test.ts',
  'src/services/saved-plan-service.test.ts',
  'src/server/eligibility/eligibility.test.ts',
  'src/server/me/me.test.ts',
  'src/server/me-plans/me-plans.test.ts',
  'src/server/plans/plans.test.ts',
];

const zones = ['Pacific/Kiritimati', 'America/Los_Angeles'];
for (const zone of zones) {
  console.log(`\n== date-sensitive tests with TZ=${zone}`);
  const run = spawnSync('npx', ['vitest', 'run', ...dateSensitiveTests, ...process.argv.slice(2)], {
    stdio: 'inherit',
    env: { ...process.env, TZ: zone },
  });
  if (run.status !== 0) {
    console.error(`date-sensitive tests failed with TZ=${zone}`);
    process.exit(run.status ?? 1);
  }
}
