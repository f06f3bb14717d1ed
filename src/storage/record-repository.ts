/**
 * The learner's record: profile-level fields (`learner_profiles`), record items (`record_items`,
 * one row per education entry, job, credential, CE activity, ...) and planned exams
 * (`planned_exams`). Plain functions taking a database or a transaction; every query is scoped to
 * one user, so a row of another account is never read, changed or deleted.
 */
import type { Kysely, Transaction } from 'kysely';
import type {
  Database,
  LearnerProfilesTable,
  PlannedExamsTable,
  RecordItemsTable,
  RecordSection,
} from './tables.js';

type Db = Kysely<Database> | Transaction<Database>;

/**
 * Serialises writes to one user's record until the surrounding transaction ends: PostgreSQL holds
 * a row lock on the user's `learner_profiles` row (created empty when missing); SQLite holds its
 * write lock. Call it first in every transaction that changes a record, so that a check made
 * inside the transaction (e.g. "the record has not changed since the preview") stays true until
 * commit.
 *
 * @example
 * await db.transaction().execute(async (trx) => {
 *   await lockRecord(trx, userId, now);
 *   // read, compare, write
 * });
 */
export async function lockRecord(db: Db, userId: string, at: string): Promise<void> {
  await db
    .insertInto('learner_profiles')
    .values({ user_id: userId, data: '{}', updated_at: at })
    .onConflict((oc) => oc.column('user_id').doNothing())
    .execute();
  // A no-op update: it takes the row lock without changing anything.
  await db
    .updateTable('learner_profiles')
    .set((eb) => ({ data: eb.ref('data') }))
    .where('user_id', '=', userId)
    .execute();
}

/** The user's profile-level fields row, if any. */
export async function findLearnerProfile(db: Db, userId: string): Promise<LearnerProfilesTable | undefined> {
  return db.selectFrom('learner_profiles').selectAll().where('user_id', '=', userId).executeTakeFirst();
}

/** Inserts or replaces the user's profile-level fields. */
export async function upsertLearnerProfile(db: Db, row: LearnerProfilesTable): Promise<void> {
  await db
    .insertInto('learner_profiles')
    .values(row)
    .onConflict((oc) => oc.column('user_id').doUpdateSet({ data: row.data, updated_at: row.updated_at }))
    .execute();
}

/** Every record item of the user, in record order: sort key (the item's date), then creation time, then id. */
export async function listRecordItems(db: Db, userId: string): Promise<RecordItemsTable[]> {
  return db
    .selectFrom('record_items')
    .selectAll()
    .where('user_id', '=', userId)
    .orderBy('sort_key')
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

/** How many items the user has in one section. */
export async function countRecordItems(db: Db, userId: string, section: RecordSection): Promise<number> {
  const row = await db
    .selectFrom('record_items')
    .select((eb) => eb.fn.countAll<string | number>().as('n'))
    .where('user_id', '=', userId)
    .where('section', '=', section)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The user's item with this id; undefined when there is none (including another user's). */
export async function findRecordItem(
  db: Db,
  userId: string,
  id: string,
): Promise<RecordItemsTable | undefined> {
  return db
    .selectFrom('record_items')
    .selectAll()
    .where('user_id', '=', userId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function insertRecordItem(db: Db, row: RecordItemsTable): Promise<void> {
  await db.insertInto('record_items').values(row).execute();
}

/** Replaces an item's data. Returns false when the user has no item with this id. */
export async function updateRecordItem(
  db: Db,
  userId: string,
  id: string,
  change: Pick<RecordItemsTable, 'data' | 'sort_key' | 'updated_at'>,
): Promise<boolean> {
  const result = await db
    .updateTable('record_items')
    .set(change)
    .where('user_id', '=', userId)
    .where('id', '=', id)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** Deletes an item. Returns false when the user has no item with this id. */
export async function deleteRecordItem(db: Db, userId: string, id: string): Promise<boolean> {
  const result = await db
    .deleteFrom('record_items')
    .where('user_id', '=', userId)
    .where('id', '=', id)
    .executeTakeFirst();
  return result.numDeletedRows > 0n;
}

/** The user's planned exams, soonest first. */
export async function listPlannedExams(db: Db, userId: string): Promise<PlannedExamsTable[]> {
  return db
    .selectFrom('planned_exams')
    .selectAll()
    .where('user_id', '=', userId)
    .orderBy('date')
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

export async function insertPlannedExam(db: Db, row: PlannedExamsTable): Promise<void> {
  await db.insertInto('planned_exams').values(row).execute();
}

/** Deletes a planned exam. Returns false when the user has none with this id. */
export async function deletePlannedExam(db: Db, userId: string, id: string): Promise<boolean> {
  const result = await db
    .deleteFrom('planned_exams')
    .where('user_id', '=', userId)
    .where('id', '=', id)
    .executeTakeFirst();
  return result.numDeletedRows > 0n;
}
