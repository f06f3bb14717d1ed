/**
 * The catalog's part of the database: the history of built-in catalog versions instances have
 * served (`catalog_versions`, only ever moving forward) and the entries organizations add beside
 * the built-in catalog (`catalog_entries`, scope `org:<id>`). The built-in catalog itself is read
 * from memory (services/catalog-service.ts), never from here. Plain functions taking a Kysely
 * instance or transaction.
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Certification } from '../catalog/schema.js';
import type { DialectFlags } from './db.js';
import type { CatalogEntriesTable, Database } from './tables.js';

type Db = Kysely<Database> | Transaction<Database>;

export const BUILTIN_SCOPE = 'builtin';
export const orgScope = (organizationId: string) => `org:${organizationId}`;

export function searchTextOf(cert: Certification, issuerLabel = ''): string {
  return [cert.id, cert.acronym, cert.name, cert.issuer, issuerLabel, cert.summary, ...cert.focusAreas]
    .join(' ')
    .toLowerCase();
}

function rowOf(
  cert: Certification,
  scope: string,
  organizationId: string | null,
  version: string,
  now: string,
  issuerLabel: string,
): CatalogEntriesTable {
  return {
    scope,
    kind: 'certification',
    entry_id: cert.id,
    organization_id: organizationId,
    name: cert.name,
    acronym: cert.acronym,
    issuer: cert.issuer,
    focus_areas: JSON.stringify(cert.focusAreas),
    confidence: cert.confidence,
    verified_as_of: cert.verifiedAsOf,
    search_text: searchTextOf(cert, issuerLabel),
    data: JSON.stringify(cert),
    catalog_version: version,
    updated_at: now,
  };
}

/** One catalog version an instance has served, as recorded in `catalog_versions`. */
export interface StoredCatalogVersion {
  /** The full version (`<manifest version>+<short source hash>`). */
  version: string;
  /** The manifest's version, which orders catalogs (`2026.11.30` < `2026.12.4`). */
  manifestVersion: string;
  /** SHA-256 of the catalog as served; null for rows written before hashes were recorded. */
  contentHash: string | null;
  loadedAt: string;
  certificationCount: number;
}

/** The catalog an instance is about to serve. */
export interface BuiltinCatalogIdentity {
  version: string;
  manifestVersion: string;
  contentHash: string;
  certificationCount: number;
}

const versionOrder = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });

/**
 * Orders manifest versions: numeric parts compare as numbers (`2026.9.1` < `2026.11.30`), other
 * characters as text. Negative when `a` is older.
 */
export function compareManifestVersions(a: string, b: string): number {
  return versionOrder.compare(a, b);
}

function manifestVersionOf(version: string): string {
  return version.split('+', 1)[0] ?? version;
}

/**
 * Every built-in catalog version instances have served, newest first (by manifest version; of two
 * with the same manifest version, the one recorded first: a conflicting later one never wins).
 */
export async function storedCatalogVersions(db: Db): Promise<StoredCatalogVersion[]> {
  const rows = await db.selectFrom('catalog_versions').selectAll().execute();
  return rows
    .map((r) => ({
      version: r.version,
      manifestVersion: r.manifest_version ?? manifestVersionOf(r.version),
      contentHash: r.content_hash,
      loadedAt: r.loaded_at,
      certificationCount: Number(r.certification_count),
    }))
    .sort(
      (a, b) =>
        compareManifestVersions(b.manifestVersion, a.manifestVersion) || a.loadedAt.localeCompare(b.loadedAt),
    );
}

/** The newest built-in catalog any instance has served, or undefined before the first start. */
export async function newestStoredCatalog(db: Db): Promise<StoredCatalogVersion | undefined> {
  return (await storedCatalogVersions(db))[0];
}

/**
 * How this instance's catalog relates to the newest one recorded: 'first' (nothing was stored),
 * 'forward' (it is newer than everything stored: it becomes the newest), 'same' (it is the newest),
 * 'behind' (a newer catalog is stored: an older instance during a rolling deploy or a rollback),
 * 'conflict' (same manifest version as the newest but different content: someone forgot to bump
 * the version).
 */
export type CatalogSyncOutcome = 'first' | 'forward' | 'same' | 'behind' | 'conflict';

export interface CatalogSyncResult {
  outcome: CatalogSyncOutcome;
  /** The newest catalog recorded after the sync. */
  newest: StoredCatalogVersion;
}

/** Where `mine` stands against `newest` (see {@link CatalogSyncOutcome}). */
export function compareWithNewest(
  mine: Pick<BuiltinCatalogIdentity, 'version' | 'manifestVersion' | 'contentHash'>,
  newest: Pick<StoredCatalogVersion, 'version' | 'manifestVersion' | 'contentHash'> | undefined,
): CatalogSyncOutcome {
  if (!newest) return 'first';
  const order = compareManifestVersions(mine.manifestVersion, newest.manifestVersion);
  if (order > 0) return 'forward';
  if (order < 0) return 'behind';
  const sameContent =
    newest.contentHash === null ? newest.version === mine.version : newest.contentHash === mine.contentHash;
  return sameContent ? 'same' : 'conflict';
}

/**
 * Records that this instance serves `catalog`, in one transaction (PostgreSQL: under an advisory
 * lock, so instances starting together see each other's rows). The record only ever moves
 * forward: an older catalog is added to the history but never becomes the newest, and nothing an
 * instance serves is read back from here (every instance serves the catalog it loaded itself).
 */
export async function recordBuiltinCatalog(
  db: Kysely<Database>,
  flags: DialectFlags,
  catalog: BuiltinCatalogIdentity,
  now: string,
): Promise<CatalogSyncResult> {
  return db.transaction().execute(async (trx) => {
    if (flags.supportsAdvisoryLocks) {
      // Several instances may start at once behind a load balancer: one records, the others wait.
      await sql`select pg_advisory_xact_lock(727274001)`.execute(trx);
    }
    const before = await newestStoredCatalog(trx);
    const outcome = compareWithNewest(catalog, before);
    const existing = await trx
      .selectFrom('catalog_versions')
      .select(['version', 'content_hash'])
      .where('version', '=', catalog.version)
      .executeTakeFirst();
    if (!existing) {
      await trx
        .insertInto('catalog_versions')
        .values({
          version: catalog.version,
          manifest_version: catalog.manifestVersion,
          content_hash: catalog.contentHash,
          loaded_at: now,
          certification_count: catalog.certificationCount,
        })
        .execute();
    } else if (existing.content_hash === null) {
      // A row from before hashes were recorded: the full version (with its source hash) matched.
      await trx
        .updateTable('catalog_versions')
        .set({ manifest_version: catalog.manifestVersion, content_hash: catalog.contentHash })
        .where('version', '=', catalog.version)
        .execute();
    }
    const newest = (await newestStoredCatalog(trx))!;
    return { outcome, newest };
  });
}

/** Adds or replaces a certification that an organization keeps alongside the built-in catalog. */
export async function upsertOrganizationCertification(
  db: Db,
  organizationId: string,
  cert: Certification,
  now: string,
  issuerLabel = '',
): Promise<void> {
  const row = rowOf(cert, orgScope(organizationId), organizationId, 'organization', now, issuerLabel);
  await db
    .insertInto('catalog_entries')
    .values(row)
    .onConflict((oc) =>
      oc.columns(['scope', 'kind', 'entry_id']).doUpdateSet({
        name: row.name,
        acronym: row.acronym,
        issuer: row.issuer,
        focus_areas: row.focus_areas,
        confidence: row.confidence,
        verified_as_of: row.verified_as_of,
        search_text: row.search_text,
        data: row.data,
        updated_at: now,
      }),
    )
    .execute();
}

/** An organization's own certification, as stored. */
export interface OrganizationCertification {
  certification: Certification;
  organizationId: string;
  scope: string;
}

/**
 * The certifications that the given organizations keep alongside the built-in catalog, ordered by
 * organization and id. Empty input, empty answer (no query).
 */
export async function listOrganizationCertifications(
  db: Db,
  organizationIds: readonly string[],
): Promise<OrganizationCertification[]> {
  if (organizationIds.length === 0) return [];
  const rows = await db
    .selectFrom('catalog_entries')
    .select(['data', 'scope', 'organization_id'])
    .where('kind', '=', 'certification')
    .where('scope', 'in', organizationIds.map(orgScope))
    .orderBy('organization_id')
    .orderBy('entry_id')
    .execute();
  return rows.map((r) => ({
    certification: JSON.parse(r.data) as Certification,
    organizationId: r.organization_id ?? '',
    scope: r.scope,
  }));
}

/** Whether the database answers a trivial query. */
export async function ping(db: Db): Promise<boolean> {
  try {
    await sql`select 1`.execute(db);
    return true;
  } catch {
    return false;
  }
}
