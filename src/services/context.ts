/**
 * Start-up shared by the server and the CLI: load and validate the catalog, open the database,
 * migrate it and record which built-in catalog this instance serves.
 */
import { loadCatalog } from '../catalog/loader.js';
import type { Catalog } from '../catalog/schema.js';
import { recordBuiltinCatalog, type CatalogSyncResult } from '../storage/catalog-repository.js';
import { migrateToLatest, openStorage, type Storage } from '../storage/db.js';
import { catalogIdentity } from './catalog-service.js';
import { systemClock, type Clock } from './clock.js';
import type { AppConfig } from './config.js';

export interface AppContext {
  catalog: Catalog;
  storage: Storage;
  clock: Clock;
}

export interface StartupReport {
  migrationsRun: string[];
  /** Where this instance's catalog stands against the newest one any instance has served. */
  catalog: CatalogSyncResult;
}

export async function createContext(
  config: Pick<AppConfig, 'catalogDir' | 'databaseUrl' | 'dataDir'>,
  clock: Clock = systemClock,
  /** The catalog of `config.catalogDir` when the caller has it loaded already (the CLI's cache). */
  loaded?: Catalog,
): Promise<AppContext & { report: StartupReport }> {
  // The catalog first: a broken catalog must stop start-up before anything is written.
  const catalog = loaded ?? (await loadCatalog(config.catalogDir));
  const storage = await openStorage({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    const results = await migrateToLatest(storage.db);
    const sync = await recordBuiltinCatalog(
      storage.db,
      storage.flags,
      catalogIdentity(catalog),
      clock.now().toISOString(),
    );
    return {
      catalog,
      storage,
      clock,
      report: {
        migrationsRun: results.filter((r) => r.status === 'Success').map((r) => r.migrationName),
        catalog: sync,
      },
    };
  } catch (e) {
    await storage.close();
    throw e;
  }
}

/** `pathways db migrate`: opens the database, runs the pending migrations and closes it again. */
export async function migrateDatabase(
  config: Pick<AppConfig, 'databaseUrl' | 'dataDir'>,
): Promise<{ describe: string; migrationsRun: string[] }> {
  const storage = await openStorage({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    const results = await migrateToLatest(storage.db);
    return {
      describe: storage.describe,
      migrationsRun: results.filter((r) => r.status === 'Success').map((r) => r.migrationName),
    };
  } finally {
    await storage.close();
  }
}
