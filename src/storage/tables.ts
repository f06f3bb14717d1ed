/** Table types for Kysely. Dates are ISO strings so both engines store them the same way. */
export interface OrganizationsTable {
  id: string;
  slug: string;
  name: string;
  created_at: string;
}

export interface CatalogEntriesTable {
  scope: string;
  kind: 'certification';
  entry_id: string;
  organization_id: string | null;
  name: string;
  acronym: string;
  issuer: string;
  /** JSON array of focus-area ids. */
  focus_areas: string;
  confidence: string;
  verified_as_of: string;
  /** Lower-cased text searched by `q`. */
  search_text: string;
  /** The validated catalog entry as JSON. */
  data: string;
  catalog_version: string;
  updated_at: string;
}

export interface CatalogVersionsTable {
  version: string;
  loaded_at: string;
  certification_count: number;
}

export interface Database {
  organizations: OrganizationsTable;
  catalog_entries: CatalogEntriesTable;
  catalog_versions: CatalogVersionsTable;
}
