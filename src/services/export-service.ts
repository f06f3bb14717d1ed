/**
 * "Download everything": one JSON document with all a person entered and all that is stored about
 * them, never a secret (no password hash, no token or calendar-feed secret, no session).
 * The shape (`hm-pathways/export@1`) is documented in docs/security.md.
 */
import type { Kysely } from 'kysely';
import type { Catalog } from '../catalog/schema.js';
import { hasCalendarToken } from '../storage/calendar-repository.js';
import type { Database } from '../storage/tables.js';
import { listApiTokensOfUser } from '../storage/token-repository.js';
import { findUserById } from '../storage/user-repository.js';
import { NotFoundError } from './errors.js';
import { exportAll, type RecordExport } from './record-service.js';
import { listPlans, type SavedPlanSummary } from './saved-plan-service.js';

export const EXPORT_FORMAT = 'hm-pathways/export@1';

export interface AccountExport extends RecordExport {
  format: typeof EXPORT_FORMAT;
  /** When the export was made (ISO). */
  exportedAt: string;
  account: { id: string; email: string; displayName: string; createdAt: string; updatedAt: string };
  /** Saved plans: target, constraints, the plan chosen and the steps marked done. */
  savedPlans: SavedPlanSummary[];
  /** API tokens by name and dates; the secrets are never stored, so never exported. */
  apiTokens: {
    id: string;
    name: string;
    createdAt: string;
    lastUsedAt: string | null;
    expiresAt: string | null;
    revokedAt: string | null;
  }[];
  /** Whether the calendar feed is on (its address is a secret shown once). */
  calendarFeed: { enabled: boolean };
}

/**
 * Everything about one account.
 *
 * @example
 * const data = await exportAccount(db, catalog, userId, new Date().toISOString());
 * data.savedPlans[0].done; // ['certification:CPHQ']
 */
export async function exportAccount(
  db: Kysely<Database>,
  catalog: Catalog,
  userId: string,
  at: string,
): Promise<AccountExport> {
  const user = await findUserById(db, userId);
  if (!user) throw new NotFoundError('account_not_found', 'This account no longer exists.');
  const [record, savedPlans, tokens, calendar] = await Promise.all([
    exportAll(db, userId),
    listPlans(db, catalog, userId),
    listApiTokensOfUser(db, userId),
    hasCalendarToken(db, userId),
  ]);
  return {
    format: EXPORT_FORMAT,
    exportedAt: at,
    account: {
      id: user.id,
      email: user.email,
      displayName: user.display_name,
      createdAt: user.created_at,
      updatedAt: user.updated_at,
    },
    ...record,
    savedPlans,
    apiTokens: tokens.map((t) => ({
      id: t.id,
      name: t.name,
      createdAt: t.created_at,
      lastUsedAt: t.last_used_at,
      expiresAt: t.expires_at,
      revokedAt: t.revoked_at,
    })),
    calendarFeed: { enabled: calendar },
  };
}
