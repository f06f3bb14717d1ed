/**
 * A rolling deploy on PostgreSQL: instance A starts with catalog version N+1 and records it;
 * instance B, still on version N, starts afterwards. B must not move the recorded catalog back,
 * and each instance serves (and says in /api/health) its own version.
 */
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catalogDir } from '../../../test/support/catalog.js';
import { postgresUrl, testDatabases } from '../../../test/support/databases.js';
import { catalogContentHash } from '../../services/catalog-service.js';
import { fixedClock } from '../../services/clock.js';
import { createContext } from '../../services/context.js';
import type { Storage } from '../../storage/db.js';
import { buildApp } from '../app.js';

const postgres = (await testDatabases()).find((d) => d.name === 'postgres')!;

/** A copy of the built-in catalog whose manifest says `version`. */
async function catalogCopy(root: string, name: string, version: string): Promise<string> {
  const dir = path.join(root, name);
  await cp(catalogDir, dir, { recursive: true });
  const manifest = path.join(dir, 'catalog.yaml');
  const text = await readFile(manifest, 'utf8');
  await writeFile(manifest, text.replace(/^version: .*$/m, `version: "${version}"`));
  return dir;
}

describe.skipIf(Boolean(postgres.skip))(
  `two instances in a rolling deploy on PostgreSQL${postgres.skip ? ` (skipped: ${postgres.skip})` : ''}`,
  () => {
    let root: string;
    let holder: Storage;
    let url: string;

    beforeAll(async () => {
      root = await mkdtemp(path.join(tmpdir(), 'hmp-rolling-'));
      // Holds this file's turn and a fresh schema; the instances connect to the same schema.
      holder = await postgres.open();
      const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(holder.db);
      const u = new URL(postgresUrl);
      u.searchParams.set('options', `-c search_path=${rows[0]!.schema}`);
      url = u.toString();
    });

    afterAll(async () => {
      await holder?.close();
      await rm(root, { recursive: true, force: true });
    });

    it('the older instance starting later neither overwrites nor hides the newer catalog', async () => {
      const [dirN, dirN1] = await Promise.all([
        catalogCopy(root, 'n', '2026.11.30'),
        catalogCopy(root, 'n1', '2026.12.2'),
      ]);
      const config = (catalogDir: string) => ({ catalogDir, databaseUrl: url, dataDir: root });

      const a = await createContext(config(dirN1), fixedClock('2026-12-02T10:00:00.000Z'));
      expect(a.report.catalog.outcome).toBe('first');
      const b = await createContext(config(dirN), fixedClock('2026-12-02T10:05:00.000Z'));
      expect(b.report.catalog.outcome).toBe('behind');
      expect(b.report.catalog.newest.version).toBe(a.catalog.version);
      expect(a.catalog.version).not.toBe(b.catalog.version);

      const appA = await buildApp({ ...a, appVersion: 'A', logger: false });
      const appB = await buildApp({ ...b, appVersion: 'B', logger: false });
      try {
        const healthA = (await appA.inject({ url: '/api/health' })).json();
        const healthB = (await appB.inject({ url: '/api/health' })).json();
        expect(healthA.catalog).toEqual({
          version: a.catalog.version,
          contentHash: catalogContentHash(a.catalog),
          certifications: a.catalog.certifications.length,
          newest: { version: a.catalog.version, contentHash: catalogContentHash(a.catalog) },
          standing: 'newest',
        });
        expect(healthB.catalog).toEqual({
          version: b.catalog.version,
          contentHash: catalogContentHash(b.catalog),
          certifications: b.catalog.certifications.length,
          newest: { version: a.catalog.version, contentHash: catalogContentHash(a.catalog) },
          standing: 'behind',
        });
        expect(healthA.catalog.contentHash).not.toBe(healthB.catalog.contentHash);
        // Every read on an instance comes from that instance's own catalog.
        for (const [app, ctx] of [
          [appA, a],
          [appB, b],
        ] as const) {
          expect((await app.inject({ url: '/api/certifications' })).json().catalogVersion).toBe(
            ctx.catalog.version,
          );
          expect((await app.inject({ url: '/api/certifications/CPHQ' })).json().catalogVersion).toBe(
            ctx.catalog.version,
          );
          expect((await app.inject({ url: '/api/roles' })).json().catalogVersion).toBe(ctx.catalog.version);
          expect((await app.inject({ url: '/api/programs' })).json().catalogVersion).toBe(
            ctx.catalog.version,
          );
          expect((await app.inject({ url: '/api/catalog' })).json().version).toBe(ctx.catalog.version);
        }

        // Restarting B (still old) changes nothing; A restarting finds its own version.
        const b2 = await createContext(config(dirN), fixedClock('2026-12-02T10:10:00.000Z'));
        expect(b2.report.catalog.outcome).toBe('behind');
        await b2.storage.close();
        const a2 = await createContext(config(dirN1), fixedClock('2026-12-02T10:15:00.000Z'));
        expect(a2.report.catalog.outcome).toBe('same');
        expect(a2.report.catalog.newest.version).toBe(a.catalog.version);
        await a2.storage.close();
      } finally {
        await appA.close();
        await appB.close();
        await a.storage.close();
        await b.storage.close();
      }
    });
  },
);
