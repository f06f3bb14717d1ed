/** Saved career plans: one row per plan a person keeps (the plan itself is recomputed when read). */
import type { Kysely, Selectable, Transaction } from 'kysely';
import type { Database, SavedPlansTable } from './tables.js';

type Db = Kysely<Database> | Transaction<Database>;
export type SavedPlanRow = Selectable<SavedPlansTable>;

export async function insertSavedPlan(db: Db, row: SavedPlanRow): Promise<void> {
  await db.insertInto('saved_plans').values(row).execute();
}

/** The user's saved plans, newest first. */
export async function listSavedPlans(db: Db, userId: string): Promise<SavedPlanRow[]> {
  return db
    .selectFrom('saved_plans')
    .selectAll()
    .where('user_id', '=', userId)
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .execute();
}

/** One plan of this user; undefined when it does not exist or belongs to someone else. */
export async function findSavedPlan(db: Db, userId: string, id: string): Promise<SavedPlanRow | undefined> {
  return db
    .selectFrom('saved_plans')
    .selectAll()
    .where('id', '=', id)
    .where('user_id', '=', userId)
    .executeTakeFirst();
}

export async function updateSavedPlan(
  db: Db,
  userId: string,
  id: string,
  patch: Partial<Pick<SavedPlanRow, 'done' | 'last_digest' | 'updated_at'>>,
): Promise<void> {
  await db.updateTable('saved_plans').set(patch).where('id', '=', id).where('user_id', '=', userId).execute();
}

/** Deletes a plan of this user; false when there was none. */
export async function deleteSavedPlan(db: Db, userId: string, id: string): Promise<boolean> {
  const r = await db
    .deleteFrom('saved_plans')
    .where('id', '=', id)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}

/**
 * Reads one plan of this user inside a transaction and holds it until commit: PostgreSQL takes the
 * row lock (a no-op update), SQLite holds its write lock for the whole transaction. A
 * read-modify-write of `done` made after this cannot lose a parallel one.
 */
export async function lockSavedPlan(
  trx: Transaction<Database>,
  userId: string,
  id: string,
): Promise<SavedPlanRow | undefined> {
  await trx
    .updateTable('saved_plans')
    .set((eb) => ({ done: eb.ref('done') }))
    .where('id', '=', id)
    .where('user_id', '=', userId)
    .execute();
  return findSavedPlan(trx, userId, id);
}

/**
 * Serialises plan creation for one user until the transaction ends (a no-op update of the user's
 * row), so that counting the plans and inserting one cannot be overtaken by a parallel insert.
 */
export async function lockPlansOfUser(trx: Transaction<Database>, userId: string): Promise<void> {
  await trx
    .updateTable('users')
    .set((eb) => ({ updated_at: eb.ref('updated_at') }))
    .where('id', '=', userId)
    .execute();
}

/** How many plans the user has saved. */
export async function countSavedPlans(db: Db, userId: string): Promise<number> {
  const row = await db
    .selectFrom('saved_plans')
    .select((eb) => eb.fn.countAll<string | number>().as('n'))
    .where('user_id', '=', userId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
