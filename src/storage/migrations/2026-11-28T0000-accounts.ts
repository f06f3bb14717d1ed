/**
 * Accounts and learner records. Frozen history: never edit after release, add a new migration
 * instead. Uses Kysely<any> and imports no app code.
 *
 * Ids are random UUIDs (varchar(36)); times are ISO-8601 UTC strings (varchar(32)) so that both
 * engines store and compare them the same way. Every per-user row cascades on account deletion.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('users')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    // Lower-cased and trimmed; unique.
    .addColumn('email', 'varchar(254)', (c) => c.notNull().unique())
    .addColumn('display_name', 'varchar(300)', (c) => c.notNull())
    // argon2id PHC string.
    .addColumn('password_hash', 'varchar(255)', (c) => c.notNull())
    // SHA-256 (hex) of the secret in the user's calendar-feed URL; null = no feed yet.
    .addColumn('calendar_token_hash', 'varchar(64)', (c) => c.unique())
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
    .execute();

  // Server-side sessions, shared by every instance. The cookie holds a random secret; only its
  // SHA-256 is stored, so a copy of the database cannot be replayed as cookies.
  await db.schema
    .createTable('sessions')
    .addColumn('id_hash', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('user_id', 'varchar(36)', (c) => c.notNull().references('users.id').onDelete('cascade'))
    // Synchronizer token for CSRF protection of cookie-authenticated, state-changing requests.
    .addColumn('csrf_token', 'varchar(64)', (c) => c.notNull())
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('last_seen_at', 'varchar(32)', (c) => c.notNull())
    // Absolute expiry; idle expiry is computed from last_seen_at.
    .addColumn('expires_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('user_agent', 'varchar(300)')
    .execute();
  await db.schema.createIndex('sessions_user_idx').on('sessions').column('user_id').execute();

  // API tokens for scripts: shown once, stored as SHA-256; revoked tokens are kept (revoked_at set)
  // so the list and the audit log can still name them.
  await db.schema
    .createTable('api_tokens')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('user_id', 'varchar(36)', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('name', 'varchar(100)', (c) => c.notNull())
    .addColumn('token_hash', 'varchar(64)', (c) => c.notNull().unique())
    // The first characters of the token, shown in lists so a person can tell tokens apart.
    .addColumn('prefix', 'varchar(16)', (c) => c.notNull())
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('last_used_at', 'varchar(32)')
    .addColumn('expires_at', 'varchar(32)')
    .addColumn('revoked_at', 'varchar(32)')
    .execute();
  await db.schema.createIndex('api_tokens_user_idx').on('api_tokens').column('user_id').execute();

  // Failed sign-ins per key ('email:<address>' and 'ip:<address>'), shared by every instance.
  await db.schema
    .createTable('sign_in_throttle')
    .addColumn('key', 'varchar(300)', (c) => c.primaryKey())
    .addColumn('failures', 'integer', (c) => c.notNull())
    .addColumn('window_started_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('locked_until', 'varchar(32)')
    .execute();

  // Who changed what, when. user_id is the account the event belongs to (null once the account is
  // deleted: only the fact of the deletion is kept). details is JSON without personal data.
  await db.schema
    .createTable('audit_events')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('user_id', 'varchar(36)', (c) => c.references('users.id').onDelete('cascade'))
    .addColumn('at', 'varchar(32)', (c) => c.notNull())
    // e.g. 'record.create', 'record.update', 'record.delete', 'record.import', 'session.sign_in',
    // 'session.sign_in_failed', 'session.sign_out', 'token.create', 'token.revoke', 'token.use',
    // 'password.change', 'account.create', 'account.delete', 'calendar.rotate'.
    .addColumn('action', 'varchar(64)', (c) => c.notNull())
    // 'session' | 'token:<token id>' | 'system'
    .addColumn('actor', 'varchar(64)', (c) => c.notNull())
    .addColumn('entity_type', 'varchar(32)')
    .addColumn('entity_id', 'varchar(36)')
    .addColumn('details', 'text')
    .execute();
  await db.schema
    .createIndex('audit_events_user_at_idx')
    .on('audit_events')
    .columns(['user_id', 'at'])
    .execute();

  // The person's profile-level fields (name, collegeCreditHours, attestations, goals) as profile@1 JSON.
  await db.schema
    .createTable('learner_profiles')
    .addColumn('user_id', 'varchar(36)', (c) => c.primaryKey().references('users.id').onDelete('cascade'))
    .addColumn('data', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
    .execute();

  // One row per item of the learner's record; `data` is the item as profile@1 JSON (validated by
  // the profile schema of its section). `section` is one of: education, positions, credentials,
  // ce, memberships, projects, volunteering, assessments.
  await db.schema
    .createTable('record_items')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('user_id', 'varchar(36)', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('section', 'varchar(32)', (c) => c.notNull())
    .addColumn('data', 'text', (c) => c.notNull())
    // Sort key within a section (the item's main date, ISO), then created_at.
    .addColumn('sort_key', 'varchar(32)', (c) => c.notNull())
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('record_items_user_section_idx')
    .on('record_items')
    .columns(['user_id', 'section'])
    .execute();

  // Exam dates the learner plans (shown in the calendar feed and the plan).
  await db.schema
    .createTable('planned_exams')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('user_id', 'varchar(36)', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('certification_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('date', 'varchar(10)', (c) => c.notNull())
    .addColumn('note', 'varchar(300)')
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('planned_exams_user_idx').on('planned_exams').column('user_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of [
    'planned_exams',
    'record_items',
    'learner_profiles',
    'audit_events',
    'sign_in_throttle',
    'api_tokens',
    'sessions',
    'users',
  ])
    await db.schema.dropTable(t).execute();
}
