/**
 * Search, sorting and detail over the one in-memory catalog (moved here from the storage suite
 * when the built-in catalog stopped being read from the database; the assertions are the same).
 */
import { describe, expect, it } from 'vitest';
import { builtinCatalog } from '../../test/support/catalog.js';
import type { Storage } from '../storage/db.js';
import { catalogContentHash, catalogFor, findCertifications, getCertification } from './catalog-service.js';

const catalog = await builtinCatalog();
// The built-in view needs no database: none is touched without organizations.
const view = await catalogFor({ catalog, storage: undefined as unknown as Storage });
const ids = (q: Parameters<typeof findCertifications>[1]) => findCertifications(view, q).map((c) => c.id);

describe('the one catalog', () => {
  it('searches case-insensitively across words', () => {
    const found = ids({ q: 'QUALITY' });
    const expected = catalog.certifications
      .filter(
        (c) =>
          [c.id, c.acronym, c.name, c.issuer, c.summary, ...c.focusAreas]
            .join(' ')
            .toLowerCase()
            .includes('quality') ||
          catalog.vocabulary.organizations
            .find((o) => o.id === c.issuer)
            ?.label.toLowerCase()
            .includes('quality'),
      )
      .map((c) => c.id);
    expect([...found].sort()).toEqual(expected.sort());
    expect(found).toContain('CPHQ');
    expect(ids({ q: 'fellow healthcare' })).toContain('FACHE');
    expect(ids({ q: 'fellow zzzz' })).toEqual([]);
  });

  it('treats % and _ in the search text literally', () => {
    const literal = catalog.certifications.filter((c) => c.summary.includes('%') || c.name.includes('%'));
    expect(ids({ q: '%' })).toHaveLength(literal.length);
    expect(ids({ q: 'x_y' })).toEqual([]);
  });

  it('filters by focus area and issuer', () => {
    expect([...ids({ focus: ['executive_leadership'] })].sort()).toEqual(
      catalog.certifications
        .filter((c) => c.focusAreas.includes('executive_leadership'))
        .map((c) => c.id)
        .sort(),
    );
    expect(ids({ issuer: ['ACHE'] })).toEqual(
      catalog.certifications.filter((c) => c.issuer === 'ACHE').map((c) => c.id),
    );
  });

  it('sorts by the requested column and order, ties by id', () => {
    const byName = findCertifications(view, { sort: 'name', order: 'desc' }).map((c) => c.name);
    expect(byName).toEqual([...byName].sort((a, b) => b.toLowerCase().localeCompare(a.toLowerCase())));
    const byConfidence = findCertifications(view, { sort: 'confidence' });
    const rank = { high: 0, medium: 1, low: 2 };
    expect(byConfidence.map((c) => c.confidence)).toEqual(
      byConfidence.map((c) => c.confidence).sort((a, b) => rank[a] - rank[b]),
    );
    for (let i = 1; i < byConfidence.length; i++) {
      const [a, b] = [byConfidence[i - 1]!, byConfidence[i]!];
      if (a.confidence === b.confidence) expect(a.id < b.id).toBe(true);
    }
    expect(ids({})).toEqual(
      [...catalog.certifications]
        .sort(
          (a, b) => a.acronym.toLowerCase().localeCompare(b.acronym.toLowerCase()) || (a.id < b.id ? -1 : 1),
        )
        .map((c) => c.id),
    );
  });

  it('finds one certification by id in any case, with the catalog version', () => {
    for (const cert of catalog.certifications) {
      const found = getCertification(view, cert.id.toLowerCase());
      expect(found.certification).toBe(cert);
      expect(found.scope).toBe('builtin');
      expect(found.catalogVersion).toBe(catalog.version);
    }
    expect(() => getCertification(view, 'NO-SUCH-CERT')).toThrow(/No certification with id "NO-SUCH-CERT"/);
  });

  it('hashes the catalog content: same content same hash, any change a different one', () => {
    const hash = catalogContentHash(catalog);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(catalogContentHash({ ...catalog })).toBe(hash);
    const changed = { ...catalog, certifications: catalog.certifications.slice(1) };
    expect(catalogContentHash(changed)).not.toBe(hash);
  });
});
