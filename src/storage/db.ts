/**
 * The database factory: embedded SQLite by default, PostgreSQL when DATABASE_URL=postgres://...
 * Engine differences are few and named in {@link DialectFlags}; everything else is one code path.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import {
  Kysely,
  Migrator,
  PostgresAdapter,
  PostgresDialect,
  SqliteAdapter,
  SqliteDialect,
  sql,
  type MigrationResult,
} from 'kysely';
import pg from 'pg';
import { migrationProvider } from './migrations/index.js';
import type { Database } from './tables.js';

export type Engine = 'sqlite' | 'postgres';

/** The only places where SQLite and PostgreSQL behave differently for us. */
export interface DialectFlags {
  engine: Engine;
  /** PostgreSQL needs a lock so that several instances starting at once sync the catalog once. */
  supportsAdvisoryLocks: boolean;
}

export interface Storage {
  db: Kysely<Database>;
  flags: DialectFlags;
  /** Human description without credentials, for logs and /api/health. */
  describe: string;
  close(): Promise<void>;
}

/** A configuration or connection problem with a one-line message meant for the person starting the app. */
export class StorageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StorageError';
  }
}

export interface StorageOptions {
  /** postgres://user@host:5432/db, sqlite:/path/file.db, a file path, or undefined for DATA_DIR/pathways.db. */
  databaseUrl?: string;
  dataDir: string;
}

function redact(url: URL): string {
  const copy = new URL(url.toString());
  if (copy.password) copy.password = '***';
  return copy.toString();
}

/**
 * Opens the database named by `databaseUrl` (or the SQLite file in `dataDir`) and checks that it
 * answers. Throws {@link StorageError} with a plain message when it cannot.
 *
 * @example
 * const storage = await openStorage({ dataDir: './data' });
 * await migrateToLatest(storage.db);
 */
export async function openStorage(opts: StorageOptions): Promise<Storage> {
  const raw = opts.databaseUrl?.trim();
  if (raw && /^postgres(ql)?:/i.test(raw)) {
    let url: URL;
    try {
      url = new URL(raw);
    } catch {
      throw new StorageError(`DATABASE_URL is not a valid URL: ${raw.replace(/:[^:@/]*@/, ':***@')}`);
    }
    if (!url.hostname)
      throw new StorageError('DATABASE_URL has no host name (expected postgres://user@host:5432/database)');
    const pool = new pg.Pool({ connectionString: raw, max: 10, connectionTimeoutMillis: 5000 });
    pool.on('error', () => {
      /* idle client errors surface on the next query */
    });
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    const describe = redact(url);
    try {
      await sql`select 1`.execute(db);
    } catch (e) {
      await db.destroy().catch(() => undefined);
      const err = e as NodeJS.ErrnoException;
      throw new StorageError(
        `cannot reach the PostgreSQL database at ${describe}: ${err.code ?? ''} ${err.message}`
          .replace(/\s+/g, ' ')
          .trim(),
      );
    }
    return {
      db,
      flags: { engine: 'postgres', supportsAdvisoryLocks: true },
      describe,
      close: () => db.destroy(),
    };
  }
  if (raw && /^[a-z][a-z0-9+.-]*:\/\//i.test(raw) && !/^sqlite:/i.test(raw) && !/^file:/i.test(raw)) {
    throw new StorageError(
      `DATABASE_URL must start with postgres:// or postgresql:// (or sqlite:/path/to/file.db); got "${raw.split(':')[0]}:"`,
    );
  }
  const file = raw
    ? raw.replace(/^sqlite:(\/\/)?/i, '').replace(/^file:(\/\/)?/i, '')
    : path.join(opts.dataDir, 'pathways.db');
  let database: SqliteDatabase.Database;
  try {
    if (file !== ':memory:') mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
    database = new SqliteDatabase(file);
    database.pragma('journal_mode = WAL');
    database.pragma('foreign_keys = ON');
    database.pragma('busy_timeout = 5000');
    // Deleted rows are overwritten with zeros, so a deleted account's data does not linger in free pages.
    database.pragma('secure_delete = ON');
  } catch (e) {
    throw new StorageError(`cannot open the SQLite database at ${file}: ${(e as Error).message}`);
  }
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database }) });
  return {
    db,
    flags: { engine: 'sqlite', supportsAdvisoryLocks: false },
    describe: `sqlite:${file}`,
    close: () => db.destroy(),
  };
}

/**
 * Runs every pending migration. Refuses (throws) when the database's history does not match the
 * migrations this version of the app knows, e.g. after a downgrade.
 */
export async function migrateToLatest(db: Kysely<Database>): Promise<MigrationResult[]> {
  // On PostgreSQL, Kysely looks for its history tables in every schema unless told which one: name
  // the schema in use, so that another schema's history (another app, another test) is never read.
  const schema =
    db.getExecutor().adapter instanceof PostgresAdapter
      ? (await sql<{ s: string }>`select current_schema() as s`.execute(db)).rows[0]?.s
      : undefined;
  const migrator = new Migrator({
    db,
    provider: migrationProvider,
    ...(schema ? { migrationTableSchema: schema } : {}),
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error');
    const detail = error instanceof Error ? error.message : String(error);
    throw new StorageError(
      failed
        ? `migration ${failed.migrationName} failed: ${detail}`
        : `the database's migration history does not match this version of the app: ${detail}`,
    );
  }
  return results ?? [];
}

const unavailableCodes = new Set([
  // Node sockets
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EPIPE',
  // PostgreSQL: connection exceptions (08xxx), shutting down (57P01-3), too many connections, out of disk
  '08000',
  '08001',
  '08003',
  '08004',
  '08006',
  '57P01',
  '57P02',
  '57P03',
  '53300',
  '53100',
  // SQLite: another process holds the lock past busy_timeout, I/O errors, file gone or full
  'SQLITE_BUSY',
  'SQLITE_LOCKED',
  'SQLITE_CANTOPEN',
  'SQLITE_FULL',
  'SQLITE_PROTOCOL',
]);

const unavailableMessages = [
  /connection terminated/i,
  /timeout exceeded when trying to connect/i,
  /connection (?:is )?not open/i,
  /database connection is not open/i,
  /driver has already been destroyed/i,
  /Client has encountered a connection error/i,
  /Cannot use a pool after calling end/i,
];

/**
 * True when an error means the database cannot be reached or used right now (network, server
 * shutting down, SQLite file locked or failing), as opposed to a bug or bad data: the API answers
 * 503 `database_unavailable` with Retry-After instead of 500, and the next request tries again.
 */
export function isDatabaseUnavailable(e: unknown): boolean {
  for (let err = e, depth = 0; err && typeof err === 'object' && depth < 5; depth++) {
    const code = (err as { code?: unknown }).code;
    if (typeof code === 'string' && (unavailableCodes.has(code) || code.startsWith('SQLITE_IOERR')))
      return true;
    const message = (err as { message?: unknown }).message;
    if (typeof message === 'string' && unavailableMessages.some((r) => r.test(message))) return true;
    err = (err as { cause?: unknown }).cause;
  }
  return false;
}

/**
 * After deleting a person's data: on SQLite, copies the zeroed pages (secure_delete) from the
 * write-ahead log into the database file and empties the log, so that no earlier copy of the rows
 * stays on disk in either file. On PostgreSQL nothing is done here (its VACUUM reclaims the space).
 */
export async function scrubDeletedData(db: Kysely<Database>): Promise<void> {
  if (!(db.getExecutor().adapter instanceof SqliteAdapter)) return;
  await sql`pragma wal_checkpoint(TRUNCATE)`.execute(db);
}
