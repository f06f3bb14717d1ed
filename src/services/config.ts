/**
 * Settings from the environment, checked once at start-up. A bad value is a one-line
 * {@link ConfigError}, never a stack trace.
 */
import path from 'node:path';

export interface AppConfig {
  port: number;
  host: string;
  databaseUrl?: string;
  dataDir: string;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  catalogDir: string;
  webDir: string;
}

export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

const levels = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/** The project's root folder (where package.json lives), whatever the working directory. */
export const projectRoot = path.resolve(import.meta.dirname, '..', '..');

export function loadConfig(
  env: NodeJS.ProcessEnv = process.env,
  overrides: Partial<AppConfig> = {},
): AppConfig {
  const portText = env.PORT ?? '3000';
  const port = Number(portText);
  if (!/^\d+$/.test(portText) || port < 1 || port > 65535) {
    throw new ConfigError(`PORT must be a whole number from 1 to 65535; got "${portText}"`);
  }
  const logLevel = (env.LOG_LEVEL ?? 'info').toLowerCase();
  if (!(levels as readonly string[]).includes(logLevel)) {
    throw new ConfigError(`LOG_LEVEL must be one of ${levels.join(', ')}; got "${env.LOG_LEVEL}"`);
  }
  return {
    port,
    host: env.HOST ?? '0.0.0.0',
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: path.resolve(env.DATA_DIR ?? path.join(projectRoot, 'data')),
    logLevel: logLevel as AppConfig['logLevel'],
    catalogDir: path.resolve(env.CATALOG_DIR ?? path.join(projectRoot, 'catalog')),
    webDir: path.join(projectRoot, 'web', 'dist'),
    ...overrides,
  };
}
