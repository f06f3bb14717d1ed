import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builtinCatalog } from '../../../test/support/catalog.js';
import { testApp } from '../../../test/support/app.js';

let app: FastifyInstance;
const catalog = await builtinCatalog();

beforeAll(async () => {
  ({ app } = await testApp());
});
afterAll(async () => {
  await app.close();
});

describe('GET /api/certifications', () => {
  it('lists every certification with its issuer, confidence and checked date', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/certifications' });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.total).toBe(catalog.certifications.length);
    expect(body.catalogVersion).toBe(catalog.version);
    const fache = body.certifications.find((c: { id: string }) => c.id === 'FACHE');
    expect(fache).toMatchObject({
      acronym: 'FACHE',
      issuer: { id: 'ACHE', label: 'American College of Healthcare Executives' },
      confidence: 'high',
      verifiedAsOf: '2026-12-02',
      renewal: { cycleMonths: 36, lifetime: false },
    });
    expect(fache.sourceCount).toBeGreaterThan(0);
  });

  it('searches, filters by focus area and issuer, and sorts', async () => {
    const q = (await app.inject({ url: '/api/certifications?q=quality' })).json();
    expect(q.certifications.map((c: { id: string }) => c.id)).toContain('CPHQ');
    expect(q.total).toBeLessThan(catalog.certifications.length);

    const focus = (
      await app.inject({ url: '/api/certifications?focus=executive_leadership,quality' })
    ).json();
    const expected = catalog.certifications.filter((c) =>
      c.focusAreas.some((f) => f === 'executive_leadership' || f === 'quality'),
    );
    expect(focus.total).toBe(expected.length);

    const issuer = (await app.inject({ url: '/api/certifications?issuer=ACHE' })).json();
    expect(issuer.certifications.map((c: { id: string }) => c.id)).toEqual(['FACHE']);

    const sorted = (await app.inject({ url: '/api/certifications?sort=name&order=desc' })).json();
    const names = sorted.certifications.map((c: { name: string }) => c.name.toLowerCase());
    expect(names).toEqual([...names].sort().reverse());
  });

  it('answers 400 naming a malformed query parameter', async () => {
    const bad = await app.inject({ url: '/api/certifications?sort=popularity' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('invalid_request');
    expect(bad.json().error.message).toMatch(/^query parameter sort: /);
    expect(bad.json().error.details.issues[0].path).toBe('sort');

    const order = await app.inject({ url: '/api/certifications?order=sideways' });
    expect(order.json().error.message).toMatch(/^query parameter order: /);

    const typo = await app.inject({ url: '/api/certifications?foucs=quality' });
    expect(typo.statusCode).toBe(400);
    expect(typo.json().error.message).toBe(
      'query parameter foucs: unknown query parameter (check the spelling)',
    );

    const focus = await app.inject({ url: '/api/certifications?focus=quality,astrology' });
    expect(focus.statusCode).toBe(400);
    expect(focus.json().error.message).toBe('query parameter focus: unknown focus area "astrology"');

    const issuer = await app.inject({ url: '/api/certifications?issuer=NOPE' });
    expect(issuer.json().error.message).toBe('query parameter issuer: unknown issuing body "NOPE"');

    const long = await app.inject({ url: `/api/certifications?q=${'a'.repeat(201)}` });
    expect(long.statusCode).toBe(400);
    expect(long.json().error.message).toBe('query parameter q: must be at most 200 characters');
  });
});

describe('GET /api/certifications/:id', () => {
  it('returns the full entry with pathways, exam, renewal and sources', async () => {
    const res = await app.inject({ url: '/api/certifications/cphq' });
    expect(res.statusCode).toBe(200);
    const { certification, issuer } = res.json();
    expect(certification.id).toBe('CPHQ');
    expect(issuer.acronym).toBe('NAHQ');
    expect(certification.renewal.cycleMonths).toBe(24);
    expect(certification.sources.length).toBeGreaterThan(0);
    for (const s of certification.sources) expect(s.url).toMatch(/^https?:\/\//);
    expect(certification.eligibility.rules.at(-1).pathways.length).toBeGreaterThan(0);
  });

  it('answers 404 with a code for an unknown id', async () => {
    const res = await app.inject({ url: '/api/certifications/NOT-A-CERT' });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toEqual({
      error: {
        code: 'certification_not_found',
        message: 'No certification with id "NOT-A-CERT"',
        details: { id: 'NOT-A-CERT' },
      },
    });
  });

  it('answers 400 for an id with characters no id has', async () => {
    const res = await app.inject({ url: `/api/certifications/${encodeURIComponent('x;drop table')}` });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toMatch(/^path parameter id: must be a certification id/);
  });
});

describe('GET /api/catalog', () => {
  it('returns the vocabulary the web app needs for labels', async () => {
    const body = (await app.inject({ url: '/api/catalog' })).json();
    expect(body.version).toBe(catalog.version);
    expect(body.certificationCount).toBe(catalog.certifications.length);
    expect(body.vocabulary.focusAreas.map((f: { id: string }) => f.id)).toContain('quality');
    expect(body.vocabulary.organizations.map((o: { id: string }) => o.id)).toContain('ACHE');
  });

  it("names, for each statement a person confirms, the certifications that ask for it and the issuer's page", async () => {
    const body = (await app.inject({ url: '/api/catalog' })).json();
    const fache = catalog.certifications.find((c) => c.id === 'FACHE')!;
    expect(body.attestationUse.FACHE_REFERENCES).toEqual([
      { certification: 'FACHE', acronym: 'FACHE', issuer: 'ACHE', url: fache.url },
    ]);
    expect(body.attestationUse.CNML_TARGET_PRACTITIONER.map((u: { acronym: string }) => u.acronym)).toEqual([
      'CNML',
    ]);
    // Every statement of the vocabulary that a rule asks for is listed; none is invented.
    const known = new Set(catalog.vocabulary.attestations.map((a) => a.id));
    for (const id of Object.keys(body.attestationUse)) expect(known.has(id)).toBe(true);
  });
});
