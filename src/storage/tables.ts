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

/** Every built-in catalog version an instance has served (the newest by manifest version). */
export interface CatalogVersionsTable {
  version: string;
  /** Null on rows written before 2026-12-02 (then it is the part of `version` before '+'). */
  manifest_version: string | null;
  /** SHA-256 of the served catalog; null on rows written before 2026-12-02. */
  content_hash: string | null;
  loaded_at: string;
  certification_count: number;
}

export interface UsersTable {
  id: string;
  /** Lower-cased, trimmed. */
  email: string;
  display_name: string;
  /** argon2id PHC string. */
  password_hash: string;
  /** SHA-256 hex of the calendar-feed secret; null = no feed yet. */
  calendar_token_hash: string | null;
  /** IANA time zone in which "today" is computed for this person; null = UTC. Optional on insert. */
  time_zone?: string | null;
  created_at: string;
  updated_at: string;
}

export interface SessionsTable {
  /** SHA-256 hex of the cookie's secret. */
  id_hash: string;
  user_id: string;
  csrf_token: string;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
  user_agent: string | null;
}

export interface ApiTokensTable {
  id: string;
  user_id: string;
  name: string;
  token_hash: string;
  prefix: string;
  created_at: string;
  last_used_at: string | null;
  expires_at: string | null;
  revoked_at: string | null;
}

export interface SignInThrottleTable {
  /** 'email:<address>' or 'ip:<address>'. */
  key: string;
  failures: number;
  window_started_at: string;
  locked_until: string | null;
}

export interface AuditEventsTable {
  id: string;
  /** Null only for the event that records an account's deletion. */
  user_id: string | null;
  at: string;
  action: string;
  /** 'session' | 'token:<id>' | 'system'. */
  actor: string;
  entity_type: string | null;
  entity_id: string | null;
  /** JSON without personal data. */
  details: string | null;
}

export interface LearnerProfilesTable {
  user_id: string;
  /** profile@1 top-level fields (name, collegeCreditHours, attestations, goals) as JSON. */
  data: string;
  updated_at: string;
}

export type RecordSection =
  | 'education'
  | 'positions'
  | 'credentials'
  | 'ce'
  | 'memberships'
  | 'projects'
  | 'volunteering'
  | 'assessments';

export interface RecordItemsTable {
  id: string;
  user_id: string;
  section: RecordSection;
  /** The item as profile@1 JSON. */
  data: string;
  sort_key: string;
  created_at: string;
  updated_at: string;
}

export interface PlannedExamsTable {
  id: string;
  user_id: string;
  certification_id: string;
  date: string;
  note: string | null;
  created_at: string;
}

/** A saved career plan (the plan is recomputed from the record when opened). */
export interface SavedPlansTable {
  id: string;
  user_id: string;
  target_role: string;
  from_role: string | null;
  /** JSON of the plan constraints. */
  constraints: string;
  /** Which of the (up to three) alternative plans the person follows. */
  choice: number;
  /** JSON array of step ids marked done. */
  done: string;
  /** SHA-256 of the plan last shown, to say when re-planning changed it. */
  last_digest: string | null;
  created_at: string;
  updated_at: string;
}

export interface Database {
  organizations: OrganizationsTable;
  catalog_entries: CatalogEntriesTable;
  catalog_versions: CatalogVersionsTable;
  users: UsersTable;
  sessions: SessionsTable;
  api_tokens: ApiTokensTable;
  sign_in_throttle: SignInThrottleTable;
  audit_events: AuditEventsTable;
  learner_profiles: LearnerProfilesTable;
  record_items: RecordItemsTable;
  planned_exams: PlannedExamsTable;
  saved_plans: SavedPlansTable;
}
