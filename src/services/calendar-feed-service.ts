/**
 * The per-user calendar feed's secret: created or rotated on request (the old URL stops working at
 * once), shown once, stored only as a SHA-256 digest, and looked up without revealing whether a
 * guess was close.
 */
import type { Kysely } from 'kysely';
import type { Catalog } from '../catalog/schema.js';
import {
  findUserIdByCalendarTokenHash,
  hasCalendarToken,
  setCalendarTokenHash,
} from '../storage/calendar-repository.js';
import type { Storage } from '../storage/db.js';
import { organizationIdsOfUser } from '../storage/organization-repository.js';
import type { Database } from '../storage/tables.js';
import { findUserTimeZone } from '../storage/user-repository.js';
import { recordAudit } from './audit-service.js';
import { catalogFor } from './catalog-service.js';
import { todayFor, type Clock } from './clock.js';
import { userCalendar } from './calendar-service.js';
import { NotFoundError } from './errors.js';
import { newSecret, sha256Hex } from './secrets.js';

const FEED_PREFIX = 'cal_';

/** Whether the user's calendar feed is on. */
export function calendarEnabled(db: Kysely<Database>, userId: string): Promise<boolean> {
  return hasCalendarToken(db, userId);
}

/**
 * Creates or replaces the feed secret and returns it (the only time it is shown).
 *
 * @example
 * const secret = await rotateCalendarFeed(db, userId, { actor: 'session', at: now });
 * `${origin}/api/calendar/${secret}.ics`;
 */
export async function rotateCalendarFeed(
  db: Kysely<Database>,
  userId: string,
  ctx: { actor: string; at: string },
): Promise<string> {
  const secret = `${FEED_PREFIX}${newSecret()}`;
  await db.transaction().execute(async (trx) => {
    const had = await hasCalendarToken(trx, userId);
    await setCalendarTokenHash(trx, userId, sha256Hex(secret), ctx.at);
    await recordAudit(
      trx,
      {
        userId,
        action: had ? 'calendar.rotate' : 'calendar.enable',
        actor: ctx.actor,
        entityType: 'calendar',
      },
      ctx.at,
    );
  });
  return secret;
}

/** Turns the feed off: its URL stops working. */
export async function disableCalendarFeed(
  db: Kysely<Database>,
  userId: string,
  ctx: { actor: string; at: string },
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await setCalendarTokenHash(trx, userId, null, ctx.at);
    await recordAudit(
      trx,
      { userId, action: 'calendar.disable', actor: ctx.actor, entityType: 'calendar' },
      ctx.at,
    );
  });
}

/**
 * The iCalendar text of the feed whose secret is `secret`.
 *
 * @throws NotFoundError (404 `calendar_not_found`) for an unknown, rotated or disabled secret.
 */
export async function calendarBySecret(
  ctx: { catalog: Catalog; storage: Storage },
  secret: string,
  opts: { appUrl: string; clock: Clock },
): Promise<string> {
  const db = ctx.storage.db;
  const userId = secret.startsWith(FEED_PREFIX)
    ? await findUserIdByCalendarTokenHash(db, sha256Hex(secret))
    : undefined;
  if (!userId)
    throw new NotFoundError(
      'calendar_not_found',
      'No calendar feed has this address (it may have been renewed).',
    );
  // The feed's reader is the person it belongs to: their catalog view and their "today".
  const [view, timeZone] = await Promise.all([
    organizationIdsOfUser(db, userId).then((ids) => catalogFor(ctx, ids)),
    findUserTimeZone(db, userId),
  ]);
  return userCalendar(db, view.catalog, userId, {
    appUrl: opts.appUrl,
    asOf: todayFor(opts.clock, timeZone),
  });
}
