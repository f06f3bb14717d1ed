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

/**
 * PostgreSQL test databases take turns across test files (which run in parallel workers): Kysely's
 * migrator looks for its own tables in every schema of the database, so a suite migrating its new
 * schema while another suite's schema exists skips creating them, and fails outright when another
 * schema is dropped during that look-up. A session-level advisory lock, held from `open()` to
 * `close()`, keeps one test schema at a time. Opens within one process share the turn (counted), so
 * a test that opens two databases does not wait for itself.
 */
const TURN_LOCK = 4_202_611;
let turn: { client: pg.Client; holders: number } | undefined;
let turnTaken: Promise<pg.Client> | undefined;

async function takeTurn(): Promise<pg.Client> {
  if (turn) {
    turn.holders += 1;
    return turn.client;
  }
  turnTaken ??= (async () => {
    const client = new pg.Client({ connectionString: postgresUrl });
    await client.connect();
    await client.query('select pg_advisory_lock($1)', [TURN_LOCK]);
    turn = { client, holders: 0 };
    return client;
  })().finally(() => {
    turnTaken = undefined;
  });
  const client = await turnTaken;
  turn!.holders += 1;
  return client;
}

async function endTurn(): Promise<void> {
  if (!turn) return;
  turn.holders -= 1;
  if (turn.holders > 0) return;
  const { client } = turn;
  turn = undefined;
  await client.query('select pg_advisory_unlock($1)', [TURN_LOCK]).catch(() => undefined);
  await client.end().catch(() => undefined);
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
        const lock = await takeTurn();
        try {
          await lock.query(`create schema ${schema}`);
          const url = new URL(postgresUrl);
          url.searchParams.set('options', `-c search_path=${schema}`);
          const storage = await openStorage({ databaseUrl: url.toString(), dataDir: '.' });
          return {
            ...storage,
            close: async () => {
              try {
                await storage.close();
                await lock.query(`drop schema if exists ${schema} cascade`);
              } finally {
                await endTurn();
              }
            },
          };
        } catch (e) {
          await lock.query(`drop schema if exists ${schema} cascade`).catch(() => undefined);
          await endTurn();
          throw e;
        }
      },
    },
  ];
}

/**
 * A fresh PostgreSQL schema that several storages (several app instances) can open at once: `url`
 * has its search_path. Holds the test turn (see above) until `drop()`.
 */
export async function sharedPostgresSchema(): Promise<{ url: string; drop(): Promise<void> }> {
  const schema = `t_${randomBytes(6).toString('hex')}`;
  const lock = await takeTurn();
  try {
    await lock.query(`create schema ${schema}`);
  } catch (e) {
    await endTurn();
    throw e;
  }
  const url = new URL(postgresUrl);
  url.searchParams.set('options', `-c search_path=${schema}`);
  return {
    url: url.toString(),
    async drop() {
      try {
        await lock.query(`drop schema if exists ${schema} cascade`);
      } finally {
        await endTurn();
      }
    },
  };
}
