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

describe('GET /api/competencies', () => {
  it('returns the domains, the 1-5 scale and every competency with its provenance', async () => {
    const res = await app.inject({ url: '/api/competencies' });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.catalogVersion).toBe(catalog.version);
    expect(body.framework.id).toBe('hmp-core');
    expect(body.domains.map((d: { id: string }) => d.id)).toEqual([
      'communication_relationships',
      'leadership',
      'professionalism',
      'healthcare_environment',
      'business_skills',
    ]);
    expect(body.scale.map((s: { level: number; name: string }) => `${s.level} ${s.name}`)).toEqual([
      '1 Novice',
      '2 Between novice and competent',
      '3 Competent',
      '4 Between competent and expert',
      '5 Expert',
    ]);
    expect(body.competencies).toHaveLength(catalog.competencies!.competencies.length);
    expect(body.competencies.find((c: { id: string }) => c.id === 'patient-safety')).toMatchObject({
      label: 'Patient safety',
      domain: 'business_skills',
      confidence: 'high',
    });
    const nchl = body.framework.relatedFrameworks.find((f: { id: string }) => f.id === 'nchl');
    expect(nchl).toMatchObject({ licence: 'names_and_links_only', url: 'https://nchl.org/' });
  });

  it('refuses a query parameter it does not take', async () => {
    const res = await app.inject({ url: '/api/competencies?domain=leadership' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toBe(
      'query parameter domain: unknown query parameter (check the spelling)',
    );
  });
});
