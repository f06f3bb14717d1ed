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

const check = (payload: unknown) =>
  app.inject({
    method: 'POST',
    url: '/api/competencies/case/check',
    headers: { 'content-type': 'application/json' },
    payload: typeof payload === 'string' ? payload : JSON.stringify(payload),
  });

describe('GET /api/competencies/case', () => {
  it('downloads the framework as a CASE package with stable identifiers', async () => {
    const res = await app.inject({ url: '/api/competencies/case', headers: { host: 'pathways.example' } });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-disposition']).toBe('attachment; filename="hmp-competencies.case.json"');
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    const pkg = res.json();
    const f = catalog.competencies!;
    expect(pkg.CFDocument).toMatchObject({ title: f.name, version: catalog.version });
    expect(pkg.CFDocument.uri).toMatch(/^http:\/\/pathways\.example\/api\/competencies\/case#/);
    expect(pkg.CFItems).toHaveLength(f.domains.length + f.competencies.length);
    expect(pkg.CFRubrics[0].CFRubricCriteria[0].CFRubricCriterionLevels).toHaveLength(5);
    const again = await app.inject({ url: '/api/competencies/case', headers: { host: 'pathways.example' } });
    expect(again.body).toBe(res.body);
  });

  it('appears in the OpenAPI document with the check endpoint', async () => {
    const doc = (await app.inject({ url: '/api/openapi.json' })).json();
    expect(doc.paths['/api/competencies/case'].get.tags).toEqual(['career']);
    const post = doc.paths['/api/competencies/case/check'].post;
    expect(Object.keys(post.responses)).toEqual(expect.arrayContaining(['200', '400', '413']));
  });
});

describe('POST /api/competencies/case/check', () => {
  it('summarises the exported framework: domains with counts, scale, no warnings', async () => {
    const pkg = (await app.inject({ url: '/api/competencies/case' })).json();
    const res = await check(pkg);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    const f = catalog.competencies!;
    expect(body.framework.competencies).toBe(f.competencies.length);
    expect(body.framework.domains).toEqual(
      f.domains.map((d) => ({
        id: d.id,
        name: d.name,
        hla: d.id,
        competencies: f.competencies.filter((c) => c.domain === d.id).length,
      })),
    );
    expect(body.framework.scaleLevels.map((s: { name: string }) => s.name)).toEqual(
      f.scale.map((s) => s.name),
    );
    expect(body.warnings).toEqual([]);
    expect(body.catalogFormat).toEqual({ ok: true, problems: [] });
  });

  it('lists every problem with its path as 400 invalid_case', async () => {
    const pkg = (await app.inject({ url: '/api/competencies/case' })).json();
    const [d1, d2] = pkg.CFItems;
    // Make two domains each other's parent: a cycle; and break one item's identifier.
    const a1 = pkg.CFAssociations.find(
      (a: { originNodeURI: { identifier: string } }) => a.originNodeURI.identifier === d1.identifier,
    );
    const a2 = pkg.CFAssociations.find(
      (a: { originNodeURI: { identifier: string } }) => a.originNodeURI.identifier === d2.identifier,
    );
    a1.destinationNodeURI = { identifier: d2.identifier };
    a2.destinationNodeURI = { identifier: d1.identifier };
    delete pkg.CFItems[10].identifier;
    const res = await check(pkg);
    expect(res.statusCode).toBe(400);
    const { error } = res.json();
    expect(error.code).toBe('invalid_case');
    expect(error.message).toMatch(/^The CASE package has \d+ problems: CFItems\[10\]\.identifier: missing/);
    const lines = error.details.map((p: { path: string; message: string }) => `${p.path}: ${p.message}`);
    expect(lines).toContain('CFItems[10].identifier: missing');
    expect(lines).toContain(
      'CFAssociations: isChildOf cycle: communication_relationships → leadership → communication_relationships (CFAssociations[0], [1])',
    );
  });

  it('says which domains do not fit the catalog format without failing the check', async () => {
    const pkg = (await app.inject({ url: '/api/competencies/case' })).json();
    pkg.CFItems[0].humanCodingScheme = 'COMM';
    pkg.CFItems[0].abbreviatedStatement = 'Talking to people';
    const res = await check(pkg);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.framework.domains[0]).toMatchObject({ id: 'comm', hla: null });
    expect(body.catalogFormat.ok).toBe(false);
    expect(body.catalogFormat.problems[0].path).toBe('domains[0]');
  });

  it('refuses a body that is not JSON, not a package, or over 2 MB', async () => {
    const notJson = await check('{"CFDocument": ');
    expect(notJson.statusCode).toBe(400);
    expect(notJson.json().error.code).toBe('invalid_json');

    const list = await check([1, 2]);
    expect(list.statusCode).toBe(400);
    expect(list.json().error).toMatchObject({
      code: 'invalid_case',
      details: [{ path: '', message: expect.stringContaining('must be a JSON object') }],
    });

    const big = await check({ CFDocument: {}, padding: 'x'.repeat(2 * 1024 * 1024) });
    expect(big.statusCode).toBe(413);
    expect(big.json().error.code).toBe('payload_too_large');
  });
});
