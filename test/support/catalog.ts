import path from 'node:path';
import { loadCatalog } from '../../src/catalog/loader.js';
import type { Catalog } from '../../src/catalog/schema.js';

export const catalogDir = path.resolve(import.meta.dirname, '..', '..', 'catalog');

let cached: Promise<Catalog> | undefined;
/** The built-in catalog, loaded once per test file. */
export const builtinCatalog = (): Promise<Catalog> => (cached ??= loadCatalog(catalogDir));
