/**
 * Starts the HTTP server: config, catalog, database, migrations, listen, graceful shutdown.
 * Start-up problems print one plain line and exit with code 1.
 */
import { CatalogError } from '../catalog/loader.js';
import { ConfigError, loadConfig, type AppConfig } from '../services/config.js';
import { createContext } from '../services/context.js';
import { appVersion } from '../services/version.js';
import { StorageError } from '../storage/db.js';
import { buildApp } from './app.js';
import { createLogger } from './log.js';

export class StartupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StartupError';
  }
}

/** Turns a start-up failure into the one line a person needs. Unknown errors keep their message only. */
export function startupMessage(e: unknown): string {
  if (e instanceof CatalogError) return e.message;
  if (e instanceof ConfigError || e instanceof StorageError || e instanceof StartupError) return e.message;
  return `could not start: ${(e as Error)?.message ?? String(e)}`;
}

/** A hop count becomes Fastify's function form: trust the nearest `n` proxies. */
function trustProxyOption(value: boolean | number | string[]) {
  return typeof value === 'number' ? (_address: string, hop: number) => hop < value : value;
}

export async function startServer(
  config: AppConfig = loadConfig(),
): Promise<{ close: () => Promise<void>; url: string }> {
  const logger = createLogger(config.logLevel);
  const ctx = await createContext(config);
  if (ctx.report.migrationsRun.length)
    logger.info({ migrations: ctx.report.migrationsRun }, 'database migrated');
  if (ctx.report.catalogLoaded)
    logger.info(
      { version: ctx.catalog.version, certifications: ctx.catalog.certifications.length },
      'built-in catalog loaded',
    );
  const app = await buildApp({
    catalog: ctx.catalog,
    storage: ctx.storage,
    appVersion,
    logger,
    webDir: config.webDir,
    ...(config.publicUrl ? { publicUrl: config.publicUrl } : {}),
    auth: {
      secureCookies: config.secureCookies,
      ...(config.trustProxy !== undefined ? { trustProxy: trustProxyOption(config.trustProxy) } : {}),
    },
  });
  app.addHook('onClose', async () => {
    await ctx.storage.close();
  });
  try {
    await app.listen({ port: config.port, host: config.host });
  } catch (e) {
    await app.close().catch(() => undefined);
    const err = e as NodeJS.ErrnoException;
    if (err.code === 'EADDRINUSE')
      throw new StartupError(
        `port ${config.port} is already in use; stop the other program or set PORT to a free port`,
      );
    if (err.code === 'EACCES')
      throw new StartupError(`not allowed to listen on port ${config.port}; set PORT to a port above 1024`);
    throw e;
  }
  const url = `http://localhost:${config.port}`;
  logger.info(
    { url, database: ctx.storage.describe, catalog: ctx.catalog.version },
    `Healthcare Management Pathways is running at ${url}`,
  );

  let closing: Promise<void> | undefined;
  const close = () => (closing ??= app.close());
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      logger.info({ signal }, 'shutting down: finishing in-flight requests');
      close().then(
        () => process.exit(0),
        () => process.exit(1),
      );
    });
  }
  return { close, url };
}
