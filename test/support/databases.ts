/**
 * The database matrix for storage tests: SQLite always; PostgreSQL when it can be reached
 * (TEST_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/test). Under CI=true an
 * unreachable PostgreSQL fails the run instead of skipping. Each suite gets its own schema.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openStorage, type Storage } from '../../src/storage/db.js';

export const postgresUrl = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

let reachable: Promise<string | undefined> | undefined;

/** Undefined when PostgreSQL answers, else the reason it does not. */
export function postgresUnavailableReason(): Promise<string | undefined> {
  reachable ??= (async () => {
    const client = new pg.Client({ connectionString: postgresUrl, connectionTimeoutMillis: 3000 });
    try {
      await client.connect();
      await client.query('select 1');
      return undefined;
    } catch (e) {
      return `${(e as Error).message || (e as NodeJS.ErrnoException).code}`;
    } finally {
      await client.end().catch(() => undefined);
    }
  })();
  return reachable;
}

export interface TestDatabase {
  name: 'sqlite' | 'postgres';
  /** Why this engine is skipped here, if it is. */
  skip?: string;
  open(): Promise<Storage>;
}

/** Opens a fresh, empty database of each engine. */
export async function testDatabases(): Promise<TestDatabase[]> {
  const reason = await postgresUnavailableReason();
  if (reason && process.env.CI === 'true') {
    throw new Error(`PostgreSQL is required in CI but ${postgresUrl} is unreachable: ${reason}`);
  }
  return [
    { name: 'sqlite', open: () => openStorage({ databaseUrl: ':memory:', dataDir: '.' }) },
    {
      name: 'postgres',
      skip: reason
        ? `PostgreSQL not reachable at ${postgresUrl} (${reason}); set TEST_DATABASE_URL to run these tests`
        : undefined,
      open: async () => {
        const schema = `t_${randomBytes(6).toString('hex')}`;
        const admin = new pg.Client({ connectionString: postgresUrl });
        await admin.connect();
        await admin.query(`create schema ${schema}`);
        await admin.end();
        const url = new URL(postgresUrl);
        url.searchParams.set('options', `-c search_path=${schema}`);
        const storage = await openStorage({ databaseUrl: url.toString(), dataDir: '.' });
        return {
          ...storage,
          close: async () => {
            await storage.close();
            const c = new pg.Client({ connectionString: postgresUrl });
            await c.connect();
            await c.query(`drop schema if exists ${schema} cascade`);
            await c.end();
          },
        };
      },
    },
  ];
}
