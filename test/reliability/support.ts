/**
 * Shared by the reliability suite: an app over a migrated database holding the built-in catalog
 * (SQLite in memory unless a storage is given), and the summary line each part reports.
 */
import type { FastifyInstance } from 'fastify';
import { migrateToLatest, openStorage, type Storage } from '../../src/storage/db.js';
import { authTestApp, type TestClock } from '../support/auth.js';

/** An app with fast password hashing over `storage` (default: SQLite in memory), catalog synced. */
export async function reliabilityApp(
  opts: { storage?: Storage; clock?: TestClock } = {},
): Promise<{ app: FastifyInstance; storage: Storage }> {
  const storage = opts.storage ?? (await openStorage({ databaseUrl: ':memory:', dataDir: '.' }));
  await migrateToLatest(storage.db);
  const { app } = await authTestApp({ storage, ...(opts.clock ? { clock: opts.clock } : {}) });
  return { app, storage };
}

/** Milliseconds as a short text: 840 ms, 12.3 s. */
export function duration(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`;
}
