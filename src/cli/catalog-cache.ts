/**
 * The catalog for CLI commands, loaded once per process. Parsing and validating the YAML files
 * takes most of a short command's time (measured: about three quarters of `pathways eligibility`),
 * so the compiled CLI keeps the validated catalog as JSON in dist/catalog-cache.json and reads
 * that while it is current: same catalog folder, no file in it added, removed or changed since,
 * and the same build of the CLI. Anything else loads (and validates) the YAML as before.
 * Under tsx (tests, `npm run dev`) there is no cache.
 */
import { existsSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Catalog } from '../catalog/schema.js';
import { loadConfig, projectRoot } from '../services/config.js';

interface CacheFile {
  key: string;
  catalog: Catalog;
}

const cacheFile = path.join(projectRoot, 'dist', 'catalog-cache.json');
const buildStamp = path.join(projectRoot, 'dist', 'cli', 'main.js');

/** Every file under `dir` with its size and modification time. */
function stampOf(dir: string): string {
  const parts: string[] = [];
  const walk = (d: string) => {
    for (const entry of readdirSync(d, { withFileTypes: true }).sort((a, b) =>
      a.name.localeCompare(b.name),
    )) {
      const full = path.join(d, entry.name);
      if (entry.isDirectory()) walk(full);
      else {
        const s = statSync(full);
        parts.push(`${path.relative(dir, full)}:${s.size}:${s.mtimeMs}`);
      }
    }
  };
  walk(dir);
  return parts.join('|');
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

let loaded: Promise<Catalog> | undefined;

/** The configured catalog (CATALOG_DIR or the built-in one), validated; the same object on every call. */
export function cliCatalog(dir: string = loadConfig().catalogDir): Promise<Catalog> {
  loaded ??= load(path.resolve(dir));
  return loaded;
}

async function loadCatalog(dir: string): Promise<Catalog> {
  // Imported here: on a cache hit the YAML parser is not loaded at all.
  return (await import('../catalog/loader.js')).loadCatalog(dir);
}

async function load(dir: string): Promise<Catalog> {
  const compiled = !import.meta.url.endsWith('.ts') && existsSync(buildStamp);
  if (!compiled) return loadCatalog(dir);
  let key: string;
  try {
    key = `${dir}\n${statSync(buildStamp).mtimeMs}\n${stampOf(dir)}`;
  } catch {
    return loadCatalog(dir); // a missing folder: the loader says so in its own words
  }
  try {
    const cached = JSON.parse(readFileSync(cacheFile, 'utf8')) as CacheFile;
    if (cached.key === key) return deepFreeze(cached.catalog);
  } catch {
    /* no cache yet, or unreadable: load the YAML */
  }
  const catalog = await loadCatalog(dir);
  try {
    const tmp = `${cacheFile}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify({ key, catalog } satisfies CacheFile));
    renameSync(tmp, cacheFile);
  } catch {
    /* a read-only install: run without the cache */
  }
  return catalog;
}
