/**
 * The storage suite, run on every database engine: SQLite always, PostgreSQL when reachable
 * (required under CI=true). See test/support/databases.ts.
 */
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Catalog, Certification } from '../catalog/schema.js';
import { builtinCatalog } from '../../test/support/catalog.js';
import { testDatabases } from '../../test/support/databases.js';
import {
  BUILTIN_SCOPE,
  findCertification,
  listCertifications,
  storedBuiltinVersion,
  syncBuiltinCatalog,
  upsertOrganizationCertification,
} from './catalog-repository.js';
import { migrateToLatest, StorageError, type Storage } from './db.js';
import { createOrganization, findOrganizationBySlug } from './organization-repository.js';

const NOW = '2026-11-27T12:00:00.000Z';
const catalog = await builtinCatalog();

async function count(storage: Storage, scope = BUILTIN_SCOPE): Promise<number> {
  const row = await storage.db
    .selectFrom('catalog_entries')
    .select((eb) => eb.fn.countAll<string | number>().as('n'))
    .where('scope', '=', scope)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

function withVersion(c: Catalog, version: string, certifications = c.certifications): Catalog {
  return { ...c, version, certifications };
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

    describe('built-in catalog', () => {
      it('loads every certification once and records the version', async () => {
        expect(await storedBuiltinVersion(storage.db)).toBeUndefined();
        expect(await syncBuiltinCatalog(storage.db, storage.flags, catalog, NOW)).toBe(true);
        expect(await count(storage)).toBe(catalog.certifications.length);
        expect(await storedBuiltinVersion(storage.db)).toBe(catalog.version);
        // Same version again: nothing to do.
        expect(await syncBuiltinCatalog(storage.db, storage.flags, catalog, NOW)).toBe(false);
        const versions = await storage.db.selectFrom('catalog_versions').selectAll().execute();
        expect(versions).toEqual([
          { version: catalog.version, loaded_at: NOW, certification_count: catalog.certifications.length },
        ]);
      });

      it('replaces the rows when the catalog version changes', async () => {
        await syncBuiltinCatalog(storage.db, storage.flags, catalog, NOW);
        const smaller = withVersion(catalog, 'next', catalog.certifications.slice(0, 2));
        expect(await syncBuiltinCatalog(storage.db, storage.flags, smaller, NOW)).toBe(true);
        expect(await count(storage)).toBe(2);
        expect(await storedBuiltinVersion(storage.db)).toBe('next');
      });

      it('keeps the stored catalog intact when a load fails half-way', async () => {
        await syncBuiltinCatalog(storage.db, storage.flags, catalog, NOW);
        const first = catalog.certifications[0]!;
        // A duplicate id violates the primary key after the old rows were deleted inside the transaction.
        const broken = withVersion(catalog, 'broken', [first, ...catalog.certifications]);
        await expect(syncBuiltinCatalog(storage.db, storage.flags, broken, NOW)).rejects.toThrow();
        expect(await count(storage)).toBe(catalog.certifications.length);
        expect(await storedBuiltinVersion(storage.db)).toBe(catalog.version);
      });

      it('round-trips a certification exactly', async () => {
        await syncBuiltinCatalog(storage.db, storage.flags, catalog, NOW);
        for (const cert of catalog.certifications) {
          const found = await findCertification(storage.db, cert.id.toLowerCase());
          expect(found?.certification).toEqual(JSON.parse(JSON.stringify(cert)));
          expect(found?.scope).toBe(BUILTIN_SCOPE);
        }
        expect(await findCertification(storage.db, 'NO-SUCH-CERT')).toBeUndefined();
      });
    });

    describe('listing and search', () => {
      beforeEach(async () => {
        await syncBuiltinCatalog(storage.db, storage.flags, catalog, NOW);
      });

      it('searches case-insensitively across words', async () => {
        const found = (await listCertifications(storage.db, { q: 'QUALITY' })).map((r) => r.certification.id);
        const expected = catalog.certifications
          .filter(
            (c) =>
              [c.id, c.acronym, c.name, c.issuer, c.summary, ...c.focusAreas]
                .join(' ')
                .toLowerCase()
                .includes('quality') ||
              catalog.vocabulary.organizations
                .find((o) => o.id === c.issuer)
                ?.label.toLowerCase()
                .includes('quality'),
          )
          .map((c) => c.id);
        expect(found.sort()).toEqual(expected.sort());
        expect(found).toContain('CPHQ');
        const both = await listCertifications(storage.db, { q: 'fellow healthcare' });
        expect(both.map((r) => r.certification.id)).toContain('FACHE');
        expect(await listCertifications(storage.db, { q: 'fellow zzzz' })).toEqual([]);
      });

      it('treats % and _ in the search text literally', async () => {
        const literal = catalog.certifications.filter((c) => c.summary.includes('%') || c.name.includes('%'));
        expect(await listCertifications(storage.db, { q: '%' })).toHaveLength(literal.length);
        const underscore = await listCertifications(storage.db, { q: 'x_y' });
        expect(underscore).toEqual([]);
      });

      it('filters by focus area and issuer', async () => {
        const byFocus = await listCertifications(storage.db, { focus: ['executive_leadership'] });
        expect(byFocus.map((r) => r.certification.id).sort()).toEqual(
          catalog.certifications
            .filter((c) => c.focusAreas.includes('executive_leadership'))
            .map((c) => c.id)
            .sort(),
        );
        const byIssuer = await listCertifications(storage.db, { issuer: ['ACHE'] });
        expect(byIssuer.map((r) => r.certification.id)).toEqual(
          catalog.certifications.filter((c) => c.issuer === 'ACHE').map((c) => c.id),
        );
      });

      it('sorts by the requested column and order', async () => {
        const byName = (await listCertifications(storage.db, { sort: 'name', order: 'desc' })).map(
          (r) => r.certification.name,
        );
        expect(byName).toEqual([...byName].sort((a, b) => b.toLowerCase().localeCompare(a.toLowerCase())));
        const byConfidence = (await listCertifications(storage.db, { sort: 'confidence' })).map(
          (r) => r.certification.confidence,
        );
        const rank = { high: 0, medium: 1, low: 2 };
        expect(byConfidence).toEqual([...byConfidence].sort((a, b) => rank[a] - rank[b]));
      });
    });

    describe('organization entries', () => {
      it('are seen only by their organization, beside the built-in catalog', async () => {
        await syncBuiltinCatalog(storage.db, storage.flags, catalog, NOW);
        const acme = await createOrganization(storage.db, {
          id: '00000000-0000-0000-0000-000000000001',
          slug: 'acme-health',
          name: 'Acme Health',
          created_at: NOW,
        });
        await createOrganization(storage.db, {
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

        const forAcme = await listCertifications(storage.db, { organizationId: acme.id });
        expect(forAcme).toHaveLength(catalog.certifications.length + 1);
        expect(forAcme.find((r) => r.certification.id === 'ACME_LEAD')?.certification.name).toBe(
          'Acme Leadership Certificate',
        );
        expect(
          await listCertifications(storage.db, { organizationId: '00000000-0000-0000-0000-000000000002' }),
        ).toHaveLength(catalog.certifications.length);
        expect(await listCertifications(storage.db)).toHaveLength(catalog.certifications.length);
        expect(await findCertification(storage.db, 'ACME_LEAD')).toBeUndefined();
        expect((await findCertification(storage.db, 'acme_lead', acme.id))?.scope).toBe(`org:${acme.id}`);
        // Reloading the built-in catalog leaves organization entries alone.
        await syncBuiltinCatalog(storage.db, storage.flags, withVersion(catalog, 'next'), NOW);
        expect(await count(storage, `org:${acme.id}`)).toBe(1);
      });

      it('refuses an entry for an organization that does not exist', async () => {
        await expect(
          upsertOrganizationCertification(storage.db, 'missing-org', catalog.certifications[0]!, NOW),
        ).rejects.toThrow();
      });
    });
  });
}
