import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/server/app.js';
import { syncBuiltinCatalog } from '../../src/storage/catalog-repository.js';
import { migrateToLatest, openStorage, type Storage } from '../../src/storage/db.js';
import { builtinCatalog } from './catalog.js';

/** The API over an in-memory SQLite database holding the built-in catalog. */
export async function testApp(): Promise<{ app: FastifyInstance; storage: Storage }> {
  const catalog = await builtinCatalog();
  const storage = await openStorage({ databaseUrl: ':memory:', dataDir: '.' });
  await migrateToLatest(storage.db);
  await syncBuiltinCatalog(storage.db, storage.flags, catalog, '2026-11-27T00:00:00.000Z');
  const app = await buildApp({ catalog, storage, appVersion: '0.0.0-test', logger: false });
  return { app, storage };
}
