/**
 * One catalog, one clock: `catalog_versions` records the manifest version and the content hash of
 * every built-in catalog an instance served (the newest is the highest manifest version, so an
 * older instance never moves it back), and an account may name its IANA time zone ("today" for the
 * person; null = UTC). The built-in rows of `catalog_entries` are no longer read or written; they
 * stay for instances of earlier versions still running during a rolling deploy. Frozen history:
 * never edit after release. Uses Kysely<any> and imports no app code.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('catalog_versions').addColumn('manifest_version', 'varchar(64)').execute();
  await db.schema.alterTable('catalog_versions').addColumn('content_hash', 'varchar(64)').execute();
  await db.schema.alterTable('users').addColumn('time_zone', 'varchar(64)').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('users').dropColumn('time_zone').execute();
  await db.schema.alterTable('catalog_versions').dropColumn('content_hash').execute();
  await db.schema.alterTable('catalog_versions').dropColumn('manifest_version').execute();
}
