/**
 * Starts the real server in-process for browser tests: builds the web app when stale, opens a
 * fresh SQLite database in a temporary DATA_DIR and listens on a free port.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { ensureWebBuilt } from '../../src/cli/web-build.js';
import { buildApp } from '../../src/server/app.js';
import { projectRoot } from '../../src/services/config.js';
import { createContext } from '../../src/services/context.js';
import { appVersion } from '../../src/services/version.js';

export interface TestServer {
  /** e.g. http://127.0.0.1:41234 (no trailing slash). */
  baseUrl: string;
  close(): Promise<void>;
}

/** Vitest sets NODE_ENV=test; the web app must be built as it ships, in production mode. */
async function buildWebForProduction(): Promise<void> {
  const previous = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await ensureWebBuilt((line) => process.stderr.write(`[e2e] ${line}\n`));
  } finally {
    if (previous === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = previous;
  }
}

export async function startTestServer(): Promise<TestServer> {
  await buildWebForProduction();
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'pathways-e2e-'));
  const ctx = await createContext({
    catalogDir: path.join(projectRoot, 'catalog'),
    databaseUrl: undefined,
    dataDir,
  });
  const app = await buildApp({
    catalog: ctx.catalog,
    storage: ctx.storage,
    appVersion,
    logger: false,
    webDir: path.join(projectRoot, 'web', 'dist'),
    // Every spec signs its people up from 127.0.0.1; the per-address limit is tested in src/server/safety.test.ts.
    auth: { signUpsPerHour: 100_000 },
  });
  try {
    await app.listen({ port: 0, host: '127.0.0.1' });
  } catch (e) {
    await app.close().catch(() => undefined);
    await ctx.storage.close().catch(() => undefined);
    throw e;
  }
  const { port } = app.server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    async close() {
      await app.close();
      await ctx.storage.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
