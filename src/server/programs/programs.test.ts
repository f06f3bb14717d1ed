import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builtinCatalog } from '../../../test/support/catalog.js';
import { testApp } from '../../../test/support/app.js';
import { costOf, monthsOf } from './search.js';

let app: FastifyInstance;
const catalog = await builtinCatalog();

beforeAll(async () => {
  ({ app } = await testApp());
});
afterAll(async () => {
  await app.close();
});

type Listed = { id: string; name: string };
const ids = (body: { programs: Listed[] }) => body.programs.map((p) => p.id);
const list = async (query: string) => {
  const res = await app.inject({ url: `/api/programs${query}` });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { total: number; programs: Listed[] };
};

describe('GET /api/programs', () => {
  it('lists every program sorted by name', async () => {
    const body = await list('');
    expect(body.total).toBe(catalog.programs.length);
    const names = body.programs.map((p) => p.name);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));
  });

  it('filters by format, modality, accreditation, competency and text', async () => {
    const mha = await list('?format=mha&accreditation=CAHME');
    expect(mha.total).toBeGreaterThan(0);
    for (const id of ids(mha)) {
      const p = catalog.programs.find((x) => x.id === id)!;
      expect(p.format).toBe('mha');
      expect(p.accreditation).toContain('CAHME');
    }
    const online = await list('?modality=online&format=mph');
    for (const id of ids(online)) expect(catalog.programs.find((x) => x.id === id)!.modality).toBe('online');
    const covers = await list('?competency=patient-safety');
    expect(ids(covers)).toContain('ihi-open-school-basic-certificate');
    const text = await list('?q=lean');
    expect(ids(text)).toEqual(expect.arrayContaining(['ncsu-ies-lean-healthcare-certificate']));
  });

  it('filters by the certification that accepts the CE, case-insensitively', async () => {
    const pmp = await list('?ceFor=pmp');
    expect(ids(pmp).sort()).toEqual([
      'cprime-pmp-exam-prep',
      'smartpath-pmp-certification-exam-prep',
      'uofl-project-management-certification',
    ]);
    const fache = await list('?ceFor=FACHE');
    expect(ids(fache).sort()).toEqual([
      'ache-board-of-governors-exam-prep',
      'ache-congress-on-healthcare-leadership',
    ]);
  });

  it('leaves out unknown costs and lengths under a limit, and sorts them last', async () => {
    const cheap = await list('?maxCost=500');
    expect(cheap.total).toBeGreaterThan(0);
    for (const id of ids(cheap)) {
      const cost = costOf(catalog.programs.find((x) => x.id === id)!);
      expect(cost).toBeDefined();
      expect(cost!).toBeLessThanOrEqual(500);
    }
    const short = await list('?maxMonths=3');
    for (const id of ids(short))
      expect(monthsOf(catalog.programs.find((x) => x.id === id)!)!).toBeLessThanOrEqual(3);

    const byCost = await list('?sort=cost');
    const costs = byCost.programs.map((p) => costOf(catalog.programs.find((x) => x.id === p.id)!));
    const known = costs.filter((c) => c !== undefined);
    expect(known).toEqual([...known].sort((a, b) => a! - b!));
    expect(costs.slice(known.length).every((c) => c === undefined)).toBe(true);

    const byLength = await list('?sort=duration&format=mha');
    const months = byLength.programs.map((p) => monthsOf(catalog.programs.find((x) => x.id === p.id)!));
    const knownMonths = months.filter((m) => m !== undefined);
    expect(knownMonths).toEqual([...knownMonths].sort((a, b) => a! - b!));
  });

  it('answers 400 naming a bad or unknown query parameter', async () => {
    const cases: [string, string][] = [
      ['?ceFor=PMPP', 'query parameter ceFor: unknown certification "PMPP"'],
      ['?competency=astrology', 'query parameter competency: unknown competency "astrology"'],
      ['?maxCost=cheap', 'query parameter maxCost: must be a number'],
      ['?maxMonths=-1', 'query parameter maxMonths: must be a number, 0 or more'],
      ['?budget=100', 'query parameter budget: unknown query parameter (check the spelling)'],
      [`?q=${'a'.repeat(201)}`, 'query parameter q: must be at most 200 characters'],
    ];
    for (const [query, message] of cases) {
      const res = await app.inject({ url: `/api/programs${query}` });
      expect(res.statusCode, query).toBe(400);
      expect(res.json().error.code, query).toBe('invalid_request');
      expect(res.json().error.message, query).toBe(message);
    }
    for (const query of ['?format=bootcamp', '?modality=hybrid', '?accreditation=ABET', '?sort=popularity']) {
      const res = await app.inject({ url: `/api/programs${query}` });
      expect(res.statusCode, query).toBe(400);
      const param = query.slice(1, query.indexOf('='));
      expect(res.json().error.message, query).toMatch(new RegExp(`^query parameter ${param}: `));
    }
  });
});

describe('GET /api/programs/:id', () => {
  it('returns the program with its facts, unknowns and sources', async () => {
    const res = await app.inject({ url: '/api/programs/harvard-chan-emerging-executives' });
    expect(res.statusCode).toBe(200);
    const { program } = res.json();
    expect(program).toMatchObject({
      format: 'executive_education',
      modality: 'in_person',
      cost: { usd: 3100, asOf: '2025-05' },
      ce: 'unknown',
    });
    expect(program.sources[0].url).toMatch(/^https?:\/\//);

    const example = (
      await app.inject({ url: '/api/programs/example-postgraduate-diploma-health-management' })
    ).json();
    expect(example.program).toMatchObject({ example: true, confidence: 'low', cost: 'unknown' });
  });

  it('answers 404 with a code for an unknown id', async () => {
    const res = await app.inject({ url: '/api/programs/hogwarts-mha' });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toEqual({
      error: {
        code: 'program_not_found',
        message: 'No program with id "hogwarts-mha"',
        details: { id: 'hogwarts-mha' },
      },
    });
  });

  it('answers 400 for an id with characters no id has', async () => {
    const res = await app.inject({ url: `/api/programs/${encodeURIComponent('MHA;drop')}` });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toBe(
      'path parameter id: must be a program id such as ihi-improvement-advisor',
    );
  });

  it('is described in the OpenAPI document under the career tag', async () => {
    const doc = (await app.inject({ url: '/api/openapi.json' })).json();
    expect(doc.paths['/api/programs'].get.tags).toEqual(['career']);
    expect(doc.paths['/api/roles/{id}'].get.tags).toEqual(['career']);
    expect(doc.paths['/api/competencies'].get.tags).toEqual(['career']);
    expect(doc.tags.map((t: { name: string }) => t.name)).toContain('career');
  });
});
