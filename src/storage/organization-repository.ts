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

/**
 * The organizations a person belongs to, whose catalog entries they see. Memberships do not exist
 * yet (they arrive with the organizations work), so nobody belongs to any: this is the one place
 * that will read them.
 */
export async function organizationIdsOfUser(_db: Db, _userId: string): Promise<string[]> {
  return [];
}
