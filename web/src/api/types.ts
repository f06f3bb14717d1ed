/**
 * Response types of the API, inferred from the server's own zod schemas (type-only imports, so
 * nothing from the server ends up in the browser bundle).
 */
import type { z } from 'zod';
import type { catalogResponseSchema } from '../../../src/server/catalog/routes';
import type {
  certificationSummarySchema,
  detailResponseSchema,
  listResponseSchema,
} from '../../../src/server/certifications/schema';
import type { eligibilityBodySchema, eligibilityReportSchema } from '../../../src/server/eligibility/schema';

export type {
  CeCategoryRule,
  Certification,
  Condition,
  Confidence,
  Conflict,
  EligibilityPathway,
  RenewalOption,
  RuleSet,
  Source,
  Vocabulary,
} from '../../../src/catalog/schema';

export type CertificationSummary = z.infer<typeof certificationSummarySchema>;
export type CertificationList = z.infer<typeof listResponseSchema>;
export type CertificationDetail = z.infer<typeof detailResponseSchema>;
export type CatalogInfo = z.infer<typeof catalogResponseSchema>;
export type Issuer = CertificationDetail['issuer'];

export type SortKey = 'name' | 'acronym' | 'issuer' | 'verifiedAsOf' | 'confidence';
export type SortOrder = 'asc' | 'desc';

/** Query of GET /api/certifications. */
export interface CertificationQuery {
  q?: string;
  focus?: string[];
  issuer?: string[];
  sort?: SortKey;
  order?: SortOrder;
}

/** The body of every error the API returns. */
export interface ApiErrorBody {
  error: { code: string; message: string; details?: unknown };
}

export type EligibilityRequest = z.input<typeof eligibilityBodySchema>;
export type EligibilityReport = z.infer<typeof eligibilityReportSchema>;
export type CertificationResult = EligibilityReport['results'][number];
export type PathwayResult = CertificationResult['pathways'][number];
export type ConditionResult = PathwayResult['conditions'][number];
/** One problem the server found in a request body, e.g. { path: 'profile.positions.0.start', ... }. */
export interface ValidationIssue {
  path: string;
  message: string;
}
