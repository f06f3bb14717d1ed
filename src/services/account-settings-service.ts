/** Account settings a person changes themselves: today, the time zone "today" is computed in. */
import { recordAudit } from './audit-service.js';
import { getAccount, type AuthEnv, type PublicUser } from './auth-service.js';
import { canonicalTimeZone } from './clock.js';
import { UnauthorizedError, ValidationError } from './errors.js';
import { updateUserTimeZone } from '../storage/user-repository.js';

export interface AccountSettingsInput {
  /** An IANA time zone (`America/Chicago`), or null for UTC. */
  timeZone?: string | null;
}

/**
 * Changes the account's settings and returns the account. The time zone is checked with Intl and
 * stored in its canonical spelling; 400 `invalid_settings` naming `timeZone` otherwise.
 */
export async function updateAccountSettings(
  env: AuthEnv,
  who: { userId: string; actor: string },
  input: AccountSettingsInput,
): Promise<PublicUser> {
  const changed: string[] = [];
  let timeZone: string | null | undefined;
  if (input.timeZone !== undefined) {
    if (input.timeZone === null || input.timeZone.trim() === '') timeZone = null;
    else {
      timeZone = canonicalTimeZone(input.timeZone.trim());
      if (!timeZone) {
        const message = `"${input.timeZone.slice(0, 80)}" is not an IANA time zone (e.g. America/Chicago, Europe/Berlin, UTC)`;
        throw new ValidationError(
          `timeZone: ${message}`,
          { issues: [{ path: 'timeZone', message }] },
          'invalid_settings',
        );
      }
    }
    changed.push('timeZone');
  }
  if (changed.length) {
    const at = env.now().toISOString();
    await env.db.transaction().execute(async (trx) => {
      if (timeZone !== undefined && !(await updateUserTimeZone(trx, who.userId, timeZone, at)))
        throw new UnauthorizedError('unauthenticated', 'Sign in first: this account no longer exists.');
      await recordAudit(
        trx,
        {
          userId: who.userId,
          action: 'account.settings_change',
          actor: who.actor,
          details: { fields: changed },
        },
        at,
      );
    });
  }
  return getAccount(env, who.userId);
}
