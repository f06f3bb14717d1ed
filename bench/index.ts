/**
 * `npm run bench`: hot paths measured against named baselines in the same run.
 */
import path from 'node:path';
import { loadCatalog } from '../src/catalog/loader.js';
import { buildApp } from '../src/server/app.js';
import { catalogFor, findCertifications } from '../src/services/catalog-service.js';
import { migrateToLatest, openStorage } from '../src/storage/db.js';
import { compare } from './harness.js';

const catalogDir = path.resolve(import.meta.dirname, '..', 'catalog');
const catalog = await loadCatalog(catalogDir);
const storage = await openStorage({ databaseUrl: ':memory:', dataDir: '.' });
await migrateToLatest(storage.db);
const app = await buildApp({ catalog, storage, appVersion: 'bench', logger: false });
await app.ready();

console.log(
  `Catalog ${catalog.version}: ${catalog.certifications.length} certifications. Node ${process.version}.`,
);

await compare(
  'Catalog search "quality" (baseline: filter the in-memory catalog)',
  {
    name: 'in-memory filter (baseline)',
    fn: () =>
      catalog.certifications.filter((c) =>
        `${c.acronym} ${c.name} ${c.summary}`.toLowerCase().includes('quality'),
      ),
  },
  [
    {
      name: 'catalogFor + findCertifications(q) (the service)',
      fn: async () => findCertifications(await catalogFor({ catalog, storage }), { q: 'quality' }),
    },
    {
      name: 'GET /api/certifications?q=quality (inject)',
      fn: () => app.inject({ url: '/api/certifications?q=quality' }),
    },
    {
      name: 'GET /api/certifications/CPHQ (inject)',
      fn: () => app.inject({ url: '/api/certifications/CPHQ' }),
    },
  ],
);

await compare(
  'Catalog load and validation (baseline: parse the YAML only)',
  {
    name: 'YAML parse of every file (baseline)',
    fn: async () => {
      const { readdir, readFile } = await import('node:fs/promises');
      const { parse } = await import('yaml');
      for (const f of await readdir(path.join(catalogDir, 'certifications')))
        parse(await readFile(path.join(catalogDir, 'certifications', f), 'utf8'));
    },
  },
  [{ name: 'loadCatalog (parse + zod + cross-checks)', fn: () => loadCatalog(catalogDir) }],
  1500,
);

await (await import('./dashboard.js')).benchDashboard(catalog, storage);
await (await import('./recommend.js')).benchRecommend(catalog);
await (await import('./plan.js')).benchPlan(catalog);
await app.close();
await (await import('./eligibility.js')).benchEligibility(catalog);
const startup = await import('./cli-startup.js');
await startup.benchCliStartup();
await startup.benchServerStart();
