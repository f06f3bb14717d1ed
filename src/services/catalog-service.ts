/** Catalog use cases shared by the API and the CLI. */
import type { Catalog, Certification, Organization } from '../catalog/schema.js';
import {
  findCertification,
  listCertifications,
  type CertificationQuery,
} from '../storage/catalog-repository.js';
import type { Storage } from '../storage/db.js';
import { NotFoundError, ValidationError } from './errors.js';

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

export async function searchCertifications(
  ctx: { catalog: Catalog; storage: Storage },
  query: CertificationQuery,
): Promise<CertificationSummary[]> {
  const rows = await listCertifications(ctx.storage.db, query);
  return rows.map((r) => summarize(ctx.catalog, r.certification, r.scope));
}

export interface CertificationDetail {
  certification: Certification;
  issuer: CertificationSummary['issuer'];
  scope: string;
  catalogVersion: string;
}

export async function getCertification(
  ctx: { catalog: Catalog; storage: Storage },
  id: string,
  organizationId?: string,
): Promise<CertificationDetail> {
  const found = await findCertification(ctx.storage.db, id, organizationId);
  if (!found) throw new NotFoundError('certification_not_found', `No certification with id "${id}"`, { id });
  return {
    certification: found.certification,
    issuer: issuerOf(ctx.catalog, found.certification.issuer),
    scope: found.scope,
    catalogVersion: found.catalogVersion,
  };
}
