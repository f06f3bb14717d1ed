/**
 * The one catalog and its queries, shared by the API and the CLI.
 *
 * Every read (certification list, detail and search, eligibility, programs, roles, plans,
 * renewals, the calendar) goes through {@link catalogFor}: the built-in catalog this instance
 * loaded at start-up, plus the certifications of the caller's organizations (scope `org:<id>`,
 * from the database). Search and sorting run in memory over that view, so a list and an
 * eligibility check can never disagree about which catalog they used.
 */
import { createHash } from 'node:crypto';
import type { Catalog, Certification, Organization } from '../catalog/schema.js';
import {
  BUILTIN_SCOPE,
  listOrganizationCertifications,
  searchTextOf,
} from '../storage/catalog-repository.js';
import type { Storage } from '../storage/db.js';
import { NotFoundError, ValidationError } from './errors.js';

/** The catalog one caller sees: the built-in catalog plus their organizations' entries. */
export interface CatalogView {
  /** Built-in certifications with the organizations' added (an organization's entry shadows a built-in one of the same id). */
  catalog: Catalog;
  /** Scope of each certification by id: `builtin` or `org:<id>`. */
  scopes: ReadonlyMap<string, string>;
}

const builtinViews = new WeakMap<Catalog, CatalogView>();

/** The built-in catalog as a view (no organizations: what the CLI and anonymous callers see). */
export function builtinView(catalog: Catalog): CatalogView {
  let view = builtinViews.get(catalog);
  if (!view) {
    view = { catalog, scopes: new Map(catalog.certifications.map((c) => [c.id, BUILTIN_SCOPE])) };
    builtinViews.set(catalog, view);
  }
  return view;
}

/**
 * The catalog view for a caller who belongs to `organizationIds` (none: the built-in catalog,
 * with no database query). The one place organization-scoped entries enter a read.
 */
export async function catalogFor(
  ctx: { catalog: Catalog; storage: Storage },
  organizationIds: readonly string[] = [],
): Promise<CatalogView> {
  if (organizationIds.length === 0) return builtinView(ctx.catalog);
  const own = await listOrganizationCertifications(ctx.storage.db, [...new Set(organizationIds)].sort());
  if (own.length === 0) return builtinView(ctx.catalog);
  const byId = new Map<string, { certification: Certification; scope: string }>();
  for (const c of ctx.catalog.certifications)
    byId.set(c.id.toLowerCase(), { certification: c, scope: BUILTIN_SCOPE });
  const ownIds = new Set<string>();
  for (const o of own) {
    const key = o.certification.id.toLowerCase();
    // The first organization (by id) wins when two define the same id.
    if (ownIds.has(key)) continue;
    ownIds.add(key);
    byId.set(key, { certification: o.certification, scope: o.scope });
  }
  const entries = [...byId.values()];
  return {
    catalog: { ...ctx.catalog, certifications: entries.map((e) => e.certification) },
    scopes: new Map(entries.map((e) => [e.certification.id, e.scope])),
  };
}

const fingerprints = new WeakMap<Catalog, string>();

/** SHA-256 (hex) of the catalog as served: two instances with the same hash serve the same facts. */
export function catalogContentHash(catalog: Catalog): string {
  let hash = fingerprints.get(catalog);
  if (!hash) {
    hash = createHash('sha256').update(JSON.stringify(catalog)).digest('hex');
    fingerprints.set(catalog, hash);
  }
  return hash;
}

/** What identifies the catalog an instance serves. */
export function catalogIdentity(catalog: Catalog) {
  return {
    version: catalog.version,
    manifestVersion: catalog.manifest.version,
    contentHash: catalogContentHash(catalog),
    certificationCount: catalog.certifications.length,
  };
}

export type CertificationSort = 'name' | 'acronym' | 'issuer' | 'verifiedAsOf' | 'confidence';

export interface CertificationQuery {
  /** Case-insensitive text searched in id, acronym, name, issuer (id and label), summary and focus areas; every word must match. */
  q?: string;
  /** Any of these focus areas. */
  focus?: string[];
  /** Any of these issuing bodies. */
  issuer?: string[];
  sort?: CertificationSort;
  order?: 'asc' | 'desc';
}

const confidenceRank = { high: 0, medium: 1, low: 2 } as const;

function sortKey(cert: Certification, sort: CertificationSort): string | number {
  switch (sort) {
    case 'confidence':
      // high > medium > low, as a reader expects "most certain first" when ascending.
      return confidenceRank[cert.confidence];
    case 'verifiedAsOf':
      return cert.verifiedAsOf;
    default:
      return cert[sort].toLowerCase();
  }
}

const searchTexts = new WeakMap<Certification, string>();

/** The certifications of `view` matching `query`, sorted (ties by id). */
export function findCertifications(view: CatalogView, query: CertificationQuery = {}): Certification[] {
  const issuers = new Map(view.catalog.vocabulary.organizations.map((o) => [o.id, o.label]));
  const words = (query.q ?? '').toLowerCase().split(/\s+/).filter(Boolean);
  const focus = query.focus?.length ? new Set(query.focus) : undefined;
  const issuer = query.issuer?.length ? new Set(query.issuer) : undefined;
  const textOf = (c: Certification) => {
    let text = searchTexts.get(c);
    if (text === undefined) {
      text = searchTextOf(c, issuers.get(c.issuer) ?? '');
      searchTexts.set(c, text);
    }
    return text;
  };
  const sort = query.sort ?? 'acronym';
  const sign = query.order === 'desc' ? -1 : 1;
  return view.catalog.certifications
    .filter(
      (c) =>
        (!issuer || issuer.has(c.issuer)) &&
        (!focus || c.focusAreas.some((f) => focus.has(f))) &&
        words.every((w) => textOf(c).includes(w)),
    )
    .map((c) => ({ c, key: sortKey(c, sort) }))
    .sort((a, b) => {
      const primary = a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
      return primary * sign || (a.c.id < b.c.id ? -1 : a.c.id > b.c.id ? 1 : 0);
    })
    .map(({ c }) => c);
}

export interface CertificationSummary {
  id: string;
  acronym: string;
  name: string;
  issuer: Pick<Organization, 'id' | 'acronym' | 'label' | 'url'>;
  focusAreas: string[];
  summary: string;
  url: string;
  confidence: Certification['confidence'];
  verifiedAsOf: string;
  eligibilityStatus: Certification['eligibility']['status'];
  eligibilityConfidence: Certification['confidence'];
  pathwayCount: number;
  renewal: { cycleMonths: number | null; lifetime: boolean };
  sourceCount: number;
  scope: string;
}

function issuerOf(catalog: Catalog, id: string): CertificationSummary['issuer'] {
  const org = catalog.vocabulary.organizations.find((o) => o.id === id);
  return org
    ? { id: org.id, acronym: org.acronym, label: org.label, url: org.url }
    : { id, acronym: id, label: id, url: '' };
}

export function summarize(catalog: Catalog, cert: Certification, scope = 'builtin'): CertificationSummary {
  const current = cert.eligibility.rules.at(-1);
  return {
    id: cert.id,
    acronym: cert.acronym,
    name: cert.name,
    issuer: issuerOf(catalog, cert.issuer),
    focusAreas: [...cert.focusAreas],
    summary: cert.summary,
    url: cert.url,
    confidence: cert.confidence,
    verifiedAsOf: cert.verifiedAsOf,
    eligibilityStatus: cert.eligibility.status,
    eligibilityConfidence: cert.eligibility.confidence,
    pathwayCount: current?.pathways.length ?? 0,
    renewal: { cycleMonths: cert.renewal.cycleMonths ?? null, lifetime: cert.renewal.lifetime ?? false },
    sourceCount: cert.sources.length,
    scope,
  };
}

/** The summaries of `view`'s certifications matching `query`. */
export function searchCertifications(
  view: CatalogView,
  query: CertificationQuery = {},
): CertificationSummary[] {
  return findCertifications(view, query).map((c) =>
    summarize(view.catalog, c, view.scopes.get(c.id) ?? BUILTIN_SCOPE),
  );
}

/**
 * Checks the focus areas and issuers of a search against the catalog's vocabulary: a 400 naming
 * the parameter (API) or exit 2 with the message (CLI).
 */
export function checkCertificationQuery(
  catalog: Catalog,
  query: Pick<CertificationQuery, 'focus' | 'issuer'>,
): void {
  const focusIds = catalog.vocabulary.focusAreas.map((f) => f.id);
  const badFocus = query.focus?.find((f) => !focusIds.includes(f));
  if (badFocus) {
    throw new ValidationError(`query parameter focus: unknown focus area "${badFocus}"`, {
      in: 'querystring',
      issues: [{ path: 'focus', message: `unknown focus area "${badFocus}"` }],
      known: focusIds,
    });
  }
  const issuerIds = catalog.vocabulary.organizations.map((o) => o.id);
  const badIssuer = query.issuer?.find((i) => !issuerIds.includes(i));
  if (badIssuer) {
    throw new ValidationError(`query parameter issuer: unknown issuing body "${badIssuer}"`, {
      in: 'querystring',
      issues: [{ path: 'issuer', message: `unknown issuing body "${badIssuer}"` }],
      known: issuerIds,
    });
  }
}

export interface CertificationDetail {
  certification: Certification;
  issuer: CertificationSummary['issuer'];
  scope: string;
  catalogVersion: string;
}

/** One certification of `view` by id (case-insensitive); 404 `certification_not_found` when absent. */
export function getCertification(view: CatalogView, id: string): CertificationDetail {
  const key = id.toLowerCase();
  const found = view.catalog.certifications.find((c) => c.id.toLowerCase() === key);
  if (!found) throw new NotFoundError('certification_not_found', `No certification with id "${id}"`, { id });
  return {
    certification: found,
    issuer: issuerOf(view.catalog, found.issuer),
    scope: view.scopes.get(found.id) ?? BUILTIN_SCOPE,
    catalogVersion: view.catalog.version,
  };
}
