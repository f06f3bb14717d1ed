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
  /**
   * TRUST_PROXY: trust X-Forwarded-* from a reverse proxy: "true", a hop count ("1"), or a
   * comma-separated list of proxy addresses. Unset: ignored (docs/security.md).
   */
  trustProxy?: boolean | number | string[];
  /** SECURE_COOKIES: "auto" (default: Secure over HTTPS) or "always". */
  secureCookies: 'auto' | 'always';
  /**
   * PUBLIC_URL: the address people reach the app at (`https://pathways.example.org`), without a
   * trailing slash; used for the calendar-feed address. Unset: that address is relative.
   */
  publicUrl?: string;
}

/**
 * DATABASE_URL names PostgreSQL (`postgres://` or `postgresql://`) or, explicitly, a SQLite file
 * (`sqlite:/path/to/file.db`). Anything else is refused: a typo must not quietly become a new,
 * empty SQLite file named after it.
 */
function parseDatabaseUrl(text: string | undefined): string | undefined {
  const t = text?.trim();
  if (!t) return undefined;
  if (/^sqlite:./i.test(t)) return t;
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(t)?.[1];
  if (scheme && /^postgres(ql)?$/i.test(scheme)) {
    let url: URL | undefined;
    try {
      url = new URL(t);
    } catch {
      url = undefined;
    }
    if (!url || !url.hostname)
      throw new ConfigError(
        'DATABASE_URL is not a valid PostgreSQL URL (expected postgres://user:password@host:5432/database)',
      );
    return t;
  }
  const shown = scheme ? `${scheme}:` : t.length > 40 ? `${t.slice(0, 40)}...` : t;
  throw new ConfigError(
    `DATABASE_URL must start with postgres:// or postgresql:// (or sqlite:/path/to/file.db); got "${shown}"`,
  );
}

function parsePublicUrl(text: string | undefined): string | undefined {
  const t = text?.trim();
  if (!t) return undefined;
  let url: URL | undefined;
  try {
    url = new URL(t);
  } catch {
    url = undefined;
  }
  if (
    !url ||
    (url.protocol !== 'https:' && url.protocol !== 'http:') ||
    url.search ||
    url.hash ||
    url.username
  )
    throw new ConfigError(
      `PUBLIC_URL must be the address people open the app at, like https://pathways.example.org; got "${t}"`,
    );
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}

function parseTrustProxy(text: string | undefined): AppConfig['trustProxy'] {
  const t = text?.trim();
  if (!t || t === 'false') return undefined;
  if (t === 'true') return true;
  if (/^\d+$/.test(t)) return Number(t);
  const list = t
    .split(',')
    .map((x) => x.trim())
    .filter(Boolean);
  if (list.some((x) => !/^[0-9a-fA-F.:/]+$/.test(x)))
    throw new ConfigError(
      `TRUST_PROXY must be true, a hop count, or proxy IP addresses/CIDRs separated by commas; got "${t}"`,
    );
  return list;
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
  const secureCookies = (env.SECURE_COOKIES ?? 'auto').toLowerCase();
  if (secureCookies !== 'auto' && secureCookies !== 'always')
    throw new ConfigError(`SECURE_COOKIES must be "auto" or "always"; got "${env.SECURE_COOKIES}"`);
  const trustProxy = parseTrustProxy(env.TRUST_PROXY);
  const databaseUrl = parseDatabaseUrl(env.DATABASE_URL);
  const publicUrl = parsePublicUrl(env.PUBLIC_URL);
  return {
    port,
    ...(trustProxy !== undefined ? { trustProxy } : {}),
    secureCookies,
    host: env.HOST ?? '0.0.0.0',
    ...(databaseUrl ? { databaseUrl } : {}),
    ...(publicUrl ? { publicUrl } : {}),
    dataDir: path.resolve(env.DATA_DIR ?? path.join(projectRoot, 'data')),
    logLevel: logLevel as AppConfig['logLevel'],
    catalogDir: path.resolve(env.CATALOG_DIR ?? path.join(projectRoot, 'catalog')),
    webDir: path.join(projectRoot, 'web', 'dist'),
    ...overrides,
  };
}
