/** Renewal status of the credentials in a profile, for the CLI (`pathways renewal`) and the API. */
import type { Catalog } from '../catalog/schema.js';
import { isValidDay } from '../core/dates.js';
import type { Profile } from '../core/profile.js';
import { evaluateRenewals, type RenewalReport } from '../core/renewal.js';
import { ValidationError } from './errors.js';

/**
 * The renewal report as of `asOf` (default `today`). A malformed date is a ValidationError naming
 * `asOf` (a 400 in the API, exit 2 in the CLI).
 */
export function renewalReport(
  catalog: Catalog,
  profile: Profile,
  asOf: string | undefined,
  today: string,
): { asOf: string; report: RenewalReport } {
  if (asOf !== undefined && !isValidDay(asOf))
    throw new ValidationError('asOf: not a date (YYYY-MM-DD)', {
      issues: [{ path: 'asOf', message: 'not a date (YYYY-MM-DD)' }],
    });
  const day = asOf ?? today;
  return { asOf: day, report: evaluateRenewals(catalog, profile, day) };
}
