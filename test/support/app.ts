import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/server/app.js';
import { catalogIdentity } from '../../src/services/catalog-service.js';
import { recordBuiltinCatalog } from '../../src/storage/catalog-repository.js';
import { migrateToLatest, openStorage, type Storage } from '../../src/storage/db.js';
import { builtinCatalog } from './catalog.js';

/** The API over an in-memory SQLite database that has recorded the built-in catalog. */
export async function testApp(): Promise<{ app: FastifyInstance; storage: Storage }> {
  const catalog = await builtinCatalog();
  const storage = await openStorage({ databaseUrl: ':memory:', dataDir: '.' });
  await migrateToLatest(storage.db);
  await recordBuiltinCatalog(storage.db, storage.flags, catalogIdentity(catalog), '2026-11-27T00:00:00.000Z');
  const app = await buildApp({ catalog, storage, appVersion: '0.0.0-test', logger: false });
  return { app, storage };
}
