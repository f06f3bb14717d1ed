/**
 * Saved career plans: a person's target role and constraints, the plan they chose and the steps
 * they have marked done. The plan itself is recomputed from the record each time it is opened;
 * `last_digest` remembers the last one shown so a change can be pointed out. Frozen history:
 * never edit after release. Uses Kysely<any> and imports no app code.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('saved_plans')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('user_id', 'varchar(36)', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('target_role', 'varchar(100)', (c) => c.notNull())
    .addColumn('from_role', 'varchar(100)')
    .addColumn('constraints', 'text', (c) => c.notNull())
    .addColumn('choice', 'integer', (c) => c.notNull())
    .addColumn('done', 'text', (c) => c.notNull())
    .addColumn('last_digest', 'varchar(64)')
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('saved_plans_user_idx').on('saved_plans').column('user_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('saved_plans').execute();
}
