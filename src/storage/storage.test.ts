/**
 * The storage suite, run on every database engine: SQLite always, PostgreSQL when reachable
 * (required under CI=true). See test/support/databases.ts.
 */
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Certification } from '../catalog/schema.js';
import { builtinCatalog } from '../../test/support/catalog.js';
import { testDatabases } from '../../test/support/databases.js';
import {
  catalogContentHash,
  catalogFor,
  catalogIdentity,
  getCertification,
  searchCertifications,
} from '../services/catalog-service.js';
import {
  BUILTIN_SCOPE,
  compareManifestVersions,
  listOrganizationCertifications,
  newestStoredCatalog,
  recordBuiltinCatalog,
  storedCatalogVersions,
  upsertOrganizationCertification,
} from './catalog-repository.js';
import { migrateToLatest, StorageError, type Storage } from './db.js';
import { createOrganization, findOrganizationBySlug } from './organization-repository.js';

const NOW = '2026-11-27T12:00:00.000Z';
const LATER = '2026-11-28T12:00:00.000Z';
const catalog = await builtinCatalog();

async function count(storage: Storage, scope = BUILTIN_SCOPE): Promise<number> {
  const row = await storage.db
    .selectFrom('catalog_entries')
    .select((eb) => eb.fn.countAll<string | number>().as('n'))
    .where('scope', '=', scope)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

for (const database of await testDatabases()) {
  const title = database.skip
    ? `storage on ${database.name} (skipped: ${database.skip})`
    : `storage on ${database.name}`;
  describe.skipIf(Boolean(database.skip))(title, () => {
    let storage: Storage;
    beforeEach(async () => {
      storage = await database.open();
      await migrateToLatest(storage.db);
    });
    afterEach(async () => {
      await storage.close();
    });

    describe('migrations', () => {
      it('creates the tables, and a second run has nothing to do', async () => {
        const again = await migrateToLatest(storage.db);
        expect(again).toEqual([]);
        const tables = (await storage.db.introspection.getTables()).map((t) => t.name);
        expect(tables).toEqual(
          expect.arrayContaining(['organizations', 'catalog_entries', 'catalog_versions']),
        );
      });

      it('refuses a database whose history holds a migration this version does not know', async () => {
        await sql`insert into kysely_migration (name, timestamp) values ('2099-01-01T0000-from-the-future', '2099-01-01T00:00:00.000Z')`.execute(
          storage.db,
        );
        await expect(migrateToLatest(storage.db)).rejects.toThrow(StorageError);
        await expect(migrateToLatest(storage.db)).rejects.toThrow(/history does not match/);
      });
    });

    describe('built-in catalog versions', () => {
      const identity = (manifestVersion: string, contentHash: string, certificationCount = 10) => ({
        version: `${manifestVersion}+${contentHash.slice(0, 8)}`,
        manifestVersion,
        contentHash,
        certificationCount,
      });
      const N = identity('2026.11.30', 'a'.repeat(64));
      const N1 = identity('2026.12.4', 'b'.repeat(64), 11);

      it('records the first catalog, and the same one again changes nothing', async () => {
        expect(await newestStoredCatalog(storage.db)).toBeUndefined();
        const first = await recordBuiltinCatalog(storage.db, storage.flags, N, NOW);
        expect(first.outcome).toBe('first');
        expect(first.newest).toMatchObject({
          version: N.version,
          contentHash: N.contentHash,
          certificationCount: 10,
        });
        const again = await recordBuiltinCatalog(storage.db, storage.flags, N, LATER);
        expect(again.outcome).toBe('same');
        expect(await storedCatalogVersions(storage.db)).toEqual([
          {
            version: N.version,
            manifestVersion: N.manifestVersion,
            contentHash: N.contentHash,
            loadedAt: NOW,
            certificationCount: 10,
          },
        ]);
      });

      it('moves forward to a newer catalog and never back to an older one', async () => {
        await recordBuiltinCatalog(storage.db, storage.flags, N, NOW);
        const forward = await recordBuiltinCatalog(storage.db, storage.flags, N1, NOW);
        expect(forward.outcome).toBe('forward');
        expect(forward.newest.version).toBe(N1.version);
        // An older instance starting later (rolling deploy): recorded in the history, not the newest.
        const older = await recordBuiltinCatalog(storage.db, storage.flags, N, LATER);
        expect(older.outcome).toBe('behind');
        expect(older.newest.version).toBe(N1.version);
        expect((await newestStoredCatalog(storage.db))?.contentHash).toBe(N1.contentHash);
        expect((await storedCatalogVersions(storage.db)).map((v) => v.version)).toEqual([
          N1.version,
          N.version,
        ]);
      });

      it('orders manifest versions by their numbers, not as text', async () => {
        await recordBuiltinCatalog(storage.db, storage.flags, identity('2026.12.10', 'c'.repeat(64)), NOW);
        const result = await recordBuiltinCatalog(
          storage.db,
          storage.flags,
          identity('2026.12.9', 'd'.repeat(64)),
          LATER,
        );
        expect(result.outcome).toBe('behind');
        expect(result.newest.manifestVersion).toBe('2026.12.10');
        expect(compareManifestVersions('2026.9.1', '2026.11.30')).toBeLessThan(0);
        expect(compareManifestVersions('2026.11.30', '2026.11.30')).toBe(0);
      });

      it('flags the same version with different content and keeps the first', async () => {
        await recordBuiltinCatalog(storage.db, storage.flags, N, NOW);
        const other = { ...N, version: `${N.manifestVersion}+ffffffff`, contentHash: 'f'.repeat(64) };
        const result = await recordBuiltinCatalog(storage.db, storage.flags, other, LATER);
        expect(result.outcome).toBe('conflict');
        expect(result.newest.contentHash).toBe(N.contentHash);
      });

      it('fills in the hash of a row written before hashes were recorded', async () => {
        await storage.db
          .insertInto('catalog_versions')
          .values({
            version: N.version,
            loaded_at: NOW,
            certification_count: 10,
            manifest_version: null,
            content_hash: null,
          })
          .execute();
        expect((await newestStoredCatalog(storage.db))?.manifestVersion).toBe(N.manifestVersion);
        expect((await recordBuiltinCatalog(storage.db, storage.flags, N, LATER)).outcome).toBe('same');
        expect((await newestStoredCatalog(storage.db))?.contentHash).toBe(N.contentHash);
      });

      it('records the real catalog under its own version and hash', async () => {
        const result = await recordBuiltinCatalog(storage.db, storage.flags, catalogIdentity(catalog), NOW);
        expect(result.newest).toMatchObject({
          version: catalog.version,
          manifestVersion: catalog.manifest.version,
          contentHash: catalogContentHash(catalog),
          certificationCount: catalog.certifications.length,
        });
        // The built-in certifications are served from memory: no built-in rows are written.
        expect(await count(storage)).toBe(0);
      });
    });

    describe('organization entries', () => {
      it('are seen only by members of their organization, beside the built-in catalog, in every read', async () => {
        const acme = await createOrganization(storage.db, {
          id: '00000000-0000-0000-0000-000000000001',
          slug: 'acme-health',
          name: 'Acme Health',
          created_at: NOW,
        });
        const other = await createOrganization(storage.db, {
          id: '00000000-0000-0000-0000-000000000002',
          slug: 'other',
          name: 'Other',
          created_at: NOW,
        });
        expect(await findOrganizationBySlug(storage.db, 'acme-health')).toEqual(acme);
        const base = catalog.certifications[0]!;
        const own: Certification = {
          ...base,
          id: 'ACME_LEAD',
          acronym: 'ALP',
          name: 'Acme Leadership Programme Certificate',
        };
        await upsertOrganizationCertification(storage.db, acme.id, own, NOW);
        await upsertOrganizationCertification(
          storage.db,
          acme.id,
          { ...own, name: 'Acme Leadership Certificate' },
          NOW,
        );
        expect(await listOrganizationCertifications(storage.db, [acme.id])).toHaveLength(1);
        expect(await listOrganizationCertifications(storage.db, [])).toEqual([]);

        const ctx = { catalog, storage };
        // A member of Acme (membership faked: organizations do not have members yet).
        const member = await catalogFor(ctx, [acme.id]);
        expect(member.catalog.certifications).toHaveLength(catalog.certifications.length + 1);
        const listed = searchCertifications(member, { q: 'acme' });
        expect(listed.map((c) => [c.id, c.name, c.scope])).toEqual([
          ['ACME_LEAD', 'Acme Leadership Certificate', `org:${acme.id}`],
        ]);
        expect(getCertification(member, 'acme_lead').scope).toBe(`org:${acme.id}`);
        // Eligibility, plans and renewals take the view's catalog: the entry is there for them too.
        expect(member.catalog.certifications.some((c) => c.id === 'ACME_LEAD')).toBe(true);
        expect(member.catalog.version).toBe(catalog.version);

        // Someone else: a member of another organization, or of none.
        for (const outsider of [await catalogFor(ctx, [other.id]), await catalogFor(ctx, [])]) {
          expect(outsider.catalog).toBe(catalog);
          expect(searchCertifications(outsider, { q: 'acme' })).toEqual([]);
          expect(() => getCertification(outsider, 'ACME_LEAD')).toThrow(/No certification/);
        }

        // An organization's entry with a built-in id replaces the built-in one for its members only.
        await upsertOrganizationCertification(storage.db, acme.id, { ...base, name: 'Acme edition' }, NOW);
        const shadowed = await catalogFor(ctx, [acme.id]);
        expect(shadowed.catalog.certifications).toHaveLength(catalog.certifications.length + 1);
        expect(getCertification(shadowed, base.id)).toMatchObject({ scope: `org:${acme.id}` });
        expect(getCertification(shadowed, base.id).certification.name).toBe('Acme edition');
        expect(getCertification(await catalogFor(ctx), base.id).certification.name).toBe(base.name);

        // Recording a new built-in catalog leaves organization entries alone.
        await recordBuiltinCatalog(
          storage.db,
          storage.flags,
          { ...catalogIdentity(catalog), version: 'next', manifestVersion: '9999' },
          NOW,
        );
        expect(await count(storage, `org:${acme.id}`)).toBe(2);
      });

      it('refuses an entry for an organization that does not exist', async () => {
        await expect(
          upsertOrganizationCertification(storage.db, 'missing-org', catalog.certifications[0]!, NOW),
        ).rejects.toThrow();
      });
    });
  });
}
