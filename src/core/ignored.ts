/**
 * What the engine leaves out of a profile and says so: credentials the catalog does not know
 * (recorded, never refused) and "other credentials" (`id: OTHER`, named by the person). Eligibility
 * and renewal reports list these as `ignored`, each with the profile path it came from.
 */
import type { Catalog } from '../catalog/schema.js';
import type { Profile } from './profile.js';

/** The credential id for anything the catalog does not list: `{id: OTHER, name, issuer?}`. */
export const OTHER_CREDENTIAL = 'OTHER';

export interface IgnoredItem {
  /** Where in the profile, e.g. `credentials[2]`. */
  path: string;
  message: string;
}

/**
 * Credentials no rule can use, in profile order.
 *
 * @example
 * ignoredCredentials(catalog, profile); // [{path: 'credentials[1]', message: '"CPA" is not in the catalog, ...'}]
 */
export function ignoredCredentials(catalog: Catalog, profile: Profile): IgnoredItem[] {
  const known = new Map<string, string>();
  for (const c of catalog.certifications) known.set(c.id.toLowerCase(), c.id);
  for (const c of catalog.vocabulary.credentials) known.set(c.id.toLowerCase(), c.id);
  const out: IgnoredItem[] = [];
  profile.credentials.forEach((held, i) => {
    const path = `credentials[${i}]`;
    if (held.id === OTHER_CREDENTIAL) {
      const name = held.name ?? 'This credential';
      const by = held.issuer ? ` from ${held.issuer}` : '';
      out.push({
        path,
        message: `"${name}"${by} is recorded, but no rule in the catalog uses it, so it does not change any answer here.`,
      });
      return;
    }
    const exact = known.get(held.id.toLowerCase());
    if (exact === held.id) return;
    out.push({
      path: `${path}.id`,
      message: exact
        ? `"${held.id}" was not used: the catalog spells it "${exact}".`
        : `"${held.id}" is not in the catalog, so no rule uses it; record it as another credential (id OTHER with its name) to keep it with your record.`,
    });
  });
  return out;
}
