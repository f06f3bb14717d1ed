/**
 * Frozen history: never edit after release, add a new migration instead. Uses Kysely<any> and
 * imports no app code, so it means the same thing forever.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  // Employers (health systems, hospitals); people will belong to them through memberships later.
  await db.schema
    .createTable('organizations')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('slug', 'varchar(100)', (c) => c.notNull().unique())
    .addColumn('name', 'varchar(300)', (c) => c.notNull())
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .execute();

  // Catalog entries: the built-in catalog (scope 'builtin') and entries an organization adds
  // alongside it (scope 'org:<id>', organization_id set). `data` is the validated JSON entry;
  // the other columns are copies for filtering and sorting.
  await db.schema
    .createTable('catalog_entries')
    .addColumn('scope', 'varchar(64)', (c) => c.notNull())
    .addColumn('kind', 'varchar(32)', (c) => c.notNull())
    .addColumn('entry_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('organization_id', 'varchar(36)', (c) => c.references('organizations.id').onDelete('cascade'))
    .addColumn('name', 'varchar(300)', (c) => c.notNull())
    .addColumn('acronym', 'varchar(64)', (c) => c.notNull())
    .addColumn('issuer', 'varchar(64)', (c) => c.notNull())
    .addColumn('focus_areas', 'text', (c) => c.notNull())
    .addColumn('confidence', 'varchar(16)', (c) => c.notNull())
    .addColumn('verified_as_of', 'varchar(10)', (c) => c.notNull())
    .addColumn('search_text', 'text', (c) => c.notNull())
    .addColumn('data', 'text', (c) => c.notNull())
    .addColumn('catalog_version', 'varchar(64)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
    .addPrimaryKeyConstraint('catalog_entries_pk', ['scope', 'kind', 'entry_id'])
    .execute();
  await db.schema
    .createIndex('catalog_entries_org_idx')
    .on('catalog_entries')
    .column('organization_id')
    .execute();

  // Every catalog version ever loaded, newest by loaded_at.
  await db.schema
    .createTable('catalog_versions')
    .addColumn('version', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('loaded_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('certification_count', 'integer', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('catalog_versions').execute();
  await db.schema.dropTable('catalog_entries').execute();
  await db.schema.dropTable('organizations').execute();
}
