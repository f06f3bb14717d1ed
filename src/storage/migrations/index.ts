/**
 * The ordered list of migrations. Names are timestamp-prefixed; Kysely refuses to run when the
 * database has executed a migration that is missing here (history mismatch).
 */
import type { Migration, MigrationProvider } from 'kysely';
import * as initial from './2026-11-27T0000-initial.js';
import * as accounts from './2026-11-28T0000-accounts.js';
import * as savedPlans from './2026-11-28T0100-saved-plans.js';
import * as catalogIdentityAndTimeZone from './2026-12-02T1000-catalog-identity-and-time-zone.js';

export const migrations: Record<string, Migration> = {
  '2026-11-27T0000-initial': initial,
  '2026-11-28T0000-accounts': accounts,
  '2026-11-28T0100-saved-plans': savedPlans,
  '2026-12-02T1000-catalog-identity-and-time-zone': catalogIdentityAndTimeZone,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => migrations,
};
