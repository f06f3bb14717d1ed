import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { catalogManifestSchema, vocabularySchema, type Catalog, type Condition } from '../../catalog/schema.js';
import type { AppDeps } from '../app.js';

export const catalogResponseSchema = z.object({
  version: z.string(),
  manifest: catalogManifestSchema,
  vocabulary: vocabularySchema,
  certificationCount: z.number().int(),
  attestationUse: z
    .record(
      z.string(),
      z.array(z.object({ certification: z.string(), acronym: z.string(), issuer: z.string(), url: z.string() })),
    )
    .describe(
      "For each attestation id: the certifications that ask for it, with the issuer's page where its wording can be checked",
    ),
});

/** The attestations each certification's rules ask for (references and statements), by attestation id. */
export function attestationUse(catalog: Catalog) {
  const use: Record<string, Array<{ certification: string; acronym: string; issuer: string; url: string }>> = {};
  const visit = (c: Condition, cert: Catalog['certifications'][number]) => {
    if (c.type === 'on_track') c.conditions.forEach((n) => visit(n, cert));
    if (c.type !== 'references' && c.type !== 'attestation') return;
    const list = (use[c.attestation] ??= []);
    if (!list.some((u) => u.certification === cert.id))
      list.push({ certification: cert.id, acronym: cert.acronym, issuer: cert.issuer, url: cert.url });
  };
  for (const cert of catalog.certifications) {
    if (cert.eligibility.status !== 'known') continue;
    for (const rules of cert.eligibility.rules)
      for (const c of [...rules.allPathways, ...rules.pathways.flatMap((p) => p.conditions)]) visit(c, cert);
  }
  return use;
}

/** The catalog's manifest and vocabulary: labels for focus areas, issuers, experience kinds, units. */
export const catalogRoutes = (deps: AppDeps): FastifyPluginAsyncZod =>
  async function routes(app) {
    app.get(
      '/catalog',
      {
        schema: {
          tags: ['catalog'],
          summary: 'Catalog version and vocabulary (focus areas, issuing bodies, experience kinds, CE categories, units)',
          response: { 200: catalogResponseSchema },
        },
      },
      async () => ({
        version: deps.catalog.version,
        manifest: deps.catalog.manifest,
        vocabulary: deps.catalog.vocabulary,
        certificationCount: deps.catalog.certifications.length,
        attestationUse: attestationUse(deps.catalog),
      }),
    );
  };
