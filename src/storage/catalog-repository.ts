/**
 * Catalog entries in the database: the built-in catalog, loaded at start-up, plus entries an
 * organization adds alongside it. Plain functions taking a Kysely instance or transaction.
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Catalog, Certification } from '../catalog/schema.js';
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

/** The built-in catalog version stored in the database, or undefined before the first load. */
export async function storedBuiltinVersion(db: Db): Promise<string | undefined> {
  const row = await db
    .selectFrom('catalog_entries')
    .select('catalog_version')
    .where('scope', '=', BUILTIN_SCOPE)
    .limit(1)
    .executeTakeFirst();
  return row?.catalog_version;
}

/**
 * Replaces the built-in catalog rows with `catalog` in one transaction, unless that version is
 * already stored. Returns whether anything changed.
 */
export async function syncBuiltinCatalog(
  db: Kysely<Database>,
  flags: DialectFlags,
  catalog: Catalog,
  now: string,
): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    if (flags.supportsAdvisoryLocks) {
      // Several instances may start at once behind a load balancer: one syncs, the others wait.
      await sql`select pg_advisory_xact_lock(727274001)`.execute(trx);
    }
    if ((await storedBuiltinVersion(trx)) === catalog.version) return false;
    await trx.deleteFrom('catalog_entries').where('scope', '=', BUILTIN_SCOPE).execute();
    const issuers = new Map(catalog.vocabulary.organizations.map((o) => [o.id, o.label]));
    const rows = catalog.certifications.map((c) =>
      rowOf(c, BUILTIN_SCOPE, null, catalog.version, now, issuers.get(c.issuer) ?? ''),
    );
    // Small batches keep under SQLite's bound-parameter limit.
    for (let i = 0; i < rows.length; i += 50) {
      await trx
        .insertInto('catalog_entries')
        .values(rows.slice(i, i + 50))
        .execute();
    }
    await trx
      .insertInto('catalog_versions')
      .values({ version: catalog.version, loaded_at: now, certification_count: rows.length })
      .onConflict((oc) => oc.column('version').doUpdateSet({ loaded_at: now }))
      .execute();
    return true;
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

export type CertificationSort = 'name' | 'acronym' | 'issuer' | 'verifiedAsOf' | 'confidence';

export interface CertificationQuery {
  /** Case-insensitive text searched in id, acronym, name, issuer, summary and focus areas. */
  q?: string;
  focus?: string[];
  issuer?: string[];
  sort?: CertificationSort;
  order?: 'asc' | 'desc';
  /** Include this organization's own entries beside the built-in ones. */
  organizationId?: string;
}

export interface StoredCertification {
  certification: Certification;
  scope: string;
  catalogVersion: string;
}

function scopes(organizationId?: string): string[] {
  return organizationId ? [BUILTIN_SCOPE, orgScope(organizationId)] : [BUILTIN_SCOPE];
}

function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (m) => `\\${m}`);
}

const sortColumns = {
  name: 'name',
  acronym: 'acronym',
  issuer: 'issuer',
  verifiedAsOf: 'verified_as_of',
  confidence: 'confidence',
} as const;

/** Lists certifications matching `query`, sorted; organization entries come with the built-in ones. */
export async function listCertifications(
  db: Db,
  query: CertificationQuery = {},
): Promise<StoredCertification[]> {
  let qb = db
    .selectFrom('catalog_entries')
    .select(['data', 'scope', 'catalog_version', 'focus_areas'])
    .where('kind', '=', 'certification')
    .where('scope', 'in', scopes(query.organizationId));
  const words = (query.q ?? '').toLowerCase().split(/\s+/).filter(Boolean);
  for (const w of words) qb = qb.where(sql<boolean>`search_text like ${`%${escapeLike(w)}%`} escape '\\'`);
  if (query.issuer?.length) qb = qb.where('issuer', 'in', query.issuer);
  const order = query.order ?? 'asc';
  const sortBy = query.sort ?? 'acronym';
  if (sortBy === 'confidence') {
    // high > medium > low, as a reader expects "most certain first" when ascending.
    qb = qb.orderBy(sql`case confidence when 'high' then 0 when 'medium' then 1 else 2 end`, order);
  } else {
    qb = qb.orderBy(sql`lower(${sql.ref(sortColumns[sortBy])})`, order);
  }
  qb = qb.orderBy('entry_id', 'asc');
  const rows = await qb.execute();
  const focus = query.focus?.length ? new Set(query.focus) : undefined;
  return rows
    .filter((r) => !focus || (JSON.parse(r.focus_areas) as string[]).some((f) => focus.has(f)))
    .map((r) => ({
      certification: JSON.parse(r.data) as Certification,
      scope: r.scope,
      catalogVersion: r.catalog_version,
    }));
}

/** One certification by id (case-insensitive), preferring the organization's own entry. */
export async function findCertification(
  db: Db,
  id: string,
  organizationId?: string,
): Promise<StoredCertification | undefined> {
  const rows = await db
    .selectFrom('catalog_entries')
    .select(['data', 'scope', 'catalog_version'])
    .where('kind', '=', 'certification')
    .where('scope', 'in', scopes(organizationId))
    .where(sql<boolean>`lower(entry_id) = ${id.toLowerCase()}`)
    .execute();
  const row = rows.find((r) => r.scope !== BUILTIN_SCOPE) ?? rows[0];
  return row
    ? {
        certification: JSON.parse(row.data) as Certification,
        scope: row.scope,
        catalogVersion: row.catalog_version,
      }
    : undefined;
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
