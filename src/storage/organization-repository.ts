/** Organizations (employers). Teams and memberships arrive with the accounts work. */
import type { Kysely, Transaction } from 'kysely';
import type { Database, OrganizationsTable } from './tables.js';

type Db = Kysely<Database> | Transaction<Database>;

export async function createOrganization(db: Db, org: OrganizationsTable): Promise<OrganizationsTable> {
  await db.insertInto('organizations').values(org).execute();
  return org;
}

export async function findOrganizationBySlug(db: Db, slug: string): Promise<OrganizationsTable | undefined> {
  return db.selectFrom('organizations').selectAll().where('slug', '=', slug).executeTakeFirst();
}
