/**
 * The ordered list of migrations. Names are timestamp-prefixed; Kysely refuses to run when the
 * database has executed a migration that is missing here (history mismatch).
 */
import type { Migration, MigrationProvider } from 'kysely';
import * as initial from './2026-11-27T0000-initial.js';

export const migrations: Record<string, Migration> = {
  '2026-11-27T0000-initial': initial,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => migrations,
};
