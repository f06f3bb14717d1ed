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

type Listed = { id: string; name: string; example?: boolean };
const ids = (body: { programs: Listed[] }) => body.programs.map((p) => p.id);
const list = async (query: string) => {
  const res = await app.inject({ url: `/api/programs${query}` });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { total: number; programs: Listed[]; facets: Facets };
};
type Facets = {
  format: Record<string, number>;
  modality: Record<string, number>;
  accreditation: Record<string, number>;
  features: Record<string, number>;
  accredited: number;
  online: number;
  examples: number;
};
const program = (id: string) => catalog.programs.find((x) => x.id === id)!;
const accredited = ['CAHME', 'CEPH', 'CCNE', 'AACSB', 'institutional'];

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

  it('takes several formats, modalities and accreditations, any of each', async () => {
    const degrees = await list('?format=mha,mph');
    expect(degrees.total).toBe(
      catalog.programs.filter((p) => p.format === 'mha' || p.format === 'mph').length,
    );
    const mixed = await list('?modality=online,blended&accreditation=CEPH,CAHME');
    expect(mixed.total).toBeGreaterThan(0);
    for (const id of ids(mixed)) {
      const p = program(id);
      expect(['online', 'blended']).toContain(p.modality);
      expect((p.accreditation as string[]).some((a) => a === 'CEPH' || a === 'CAHME')).toBe(true);
    }
  });

  it('online=true and accredited=true leave fully online programs with a recognised accreditation', async () => {
    const body = await list('?online=true&accredited=true');
    expect(ids(body).sort()).toEqual([
      'gwu-graduate-certificate-health-care-quality',
      'jhu-mph-part-time-online',
      'unc-mph-leadership-in-practice',
    ]);
    const expected = catalog.programs.filter(
      (p) => Array.isArray(p.accreditation) && p.accreditation.some((a) => accredited.includes(a)),
    );
    expect((await list('?accredited=true')).total).toBe(expected.length);
    // Unknown modality or accreditation never matches.
    for (const id of ids(await list('?online=true'))) expect(program(id).modality).toBe('online');
    for (const id of ids(await list('?accredited=true')))
      expect(program(id).accreditation).not.toBe('unknown');
  });

  it('filters by features stated as included, all of them, and by several competencies', async () => {
    const both = await list('?features=capstone,cohort');
    expect(both.total).toBeGreaterThan(0);
    for (const id of ids(both)) {
      expect(program(id).capstone).toBe(true);
      expect(program(id).cohort).toBe(true);
    }
    const covers = await list('?competency=patient-safety,quality-improvement');
    expect(covers.total).toBeGreaterThan(0);
    for (const id of ids(covers)) {
      expect(program(id).competencies).toEqual(
        expect.arrayContaining(['patient-safety', 'quality-improvement']),
      );
    }
    const ce = await list('?ceFor=PMP,cphims');
    expect(ids(ce)).toEqual(
      expect.arrayContaining(['cprime-pmp-exam-prep', 'himss-global-health-conference']),
    );
  });

  it('lists illustrative examples (flagged) unless includeExamples=false', async () => {
    const all = await list('');
    const examples = all.programs.filter((p) => p.example === true);
    expect(examples.map((p) => p.id)).toContain('example-postgraduate-diploma-health-management');
    expect(all.facets.examples).toBe(examples.length);
    const real = await list('?includeExamples=false');
    expect(real.total).toBe(all.total - examples.length);
    expect(real.programs.some((p) => p.example)).toBe(false);
    expect(real.facets.examples).toBe(examples.length);
  });

  it('counts each choice of a group with every other filter applied', async () => {
    const all = await list('');
    expect(Object.values(all.facets.format).reduce((a, b) => a + b, 0)).toBe(all.total);
    expect(Object.values(all.facets.modality).reduce((a, b) => a + b, 0)).toBe(all.total);
    expect(all.facets.modality.unknown).toBe(0);
    expect(all.facets.accreditation.unknown).toBe(
      catalog.programs.filter((p) => p.accreditation === 'unknown').length,
    );
    // Choosing a format keeps the other formats' counts (so a second one can be added) ...
    const mha = await list('?format=mha');
    expect(mha.facets.format).toEqual(all.facets.format);
    // ... while the modality counts follow the chosen format.
    expect(Object.values(mha.facets.modality).reduce((a, b) => a + b, 0)).toBe(mha.total);
    expect(mha.facets.online).toBe(mha.facets.modality.online);
    const online = await list('?online=true');
    expect(online.facets.online).toBe(online.total);
    expect(mha.facets.accredited).toBe((await list('?format=mha&accredited=true')).total);
    expect(all.facets.features.capstone).toBe((await list('?features=capstone')).total);
    const cap = await list('?features=capstone');
    expect(cap.facets.features.cohort).toBe((await list('?features=capstone,cohort')).total);
  });

  it('answers 400 naming a bad or unknown query parameter', async () => {
    const cases: [string, string][] = [
      ['?ceFor=PMPP', 'query parameter ceFor: unknown certification "PMPP"'],
      ['?competency=astrology', 'query parameter competency: unknown competency "astrology"'],
      ['?maxCost=cheap', 'query parameter maxCost: must be a number'],
      ['?maxMonths=-1', 'query parameter maxMonths: must be a number, 0 or more'],
      ['?budget=100', 'query parameter budget: unknown query parameter (check the spelling)'],
      [`?q=${'a'.repeat(201)}`, 'query parameter q: must be at most 200 characters'],
      ['?ceFor=PMP,NOPE', 'query parameter ceFor: unknown certification "NOPE"'],
      [
        '?format=mha,bootcamp',
        'query parameter format: unknown value "bootcamp" (one of: ' +
          'workshop, professional_certificate, graduate_certificate, university_diploma, online_microcredential, mha, mba_healthcare, mph, msn_leadership, doctorate, executive_education, fellowship_residency, practicum)',
      ],
      [
        '?features=capstone,gym',
        'query parameter features: unknown value "gym" (one of: capstone, practicum, mentorship, cohort)',
      ],
      ['?online=yes', 'query parameter online: must be true or false'],
      ['?includeExamples=0', 'query parameter includeExamples: must be true or false'],
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

describe('POST /api/programs/compare', () => {
  const compare = (body: unknown) =>
    app.inject({ method: 'POST', url: '/api/programs/compare', payload: body as object });
  const trio = ['jhu-mph-part-time-online', 'ihi-improvement-advisor', 'umn-executive-mha'];

  it('returns the programs in the order asked, with recognition signals and no coverage without ratings', async () => {
    const res = await compare({ ids: trio });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.programs.map((p: { program: { id: string } }) => p.program.id)).toEqual(trio);
    expect(body.gap).toBeNull();
    for (const p of body.programs) expect(p.coverage).toBeNull();
    expect(body.programs[0].recognition).toMatchObject({
      accreditation: ['CEPH'],
      ceAcceptedFor: 'unknown',
      host: null,
      employerSurvey: 'unknown',
    });
    expect(body.programs[0].recognition.note).toMatch(/unknown/);
    // "none" is not an accreditation to show; CE accepted for certifications is listed.
    const pmp = (
      await compare({ ids: ['cprime-pmp-exam-prep', 'mayo-clinic-administrative-fellowship'] })
    ).json();
    expect(pmp.programs[0].recognition).toMatchObject({
      accreditation: [],
      ceAcceptedFor: ['PMP', 'CAPM'],
      host: null,
    });
    expect(pmp.programs[1].recognition.host).toBe(program('mayo-clinic-administrative-fellowship').provider);
  });

  it('measures how much of the gap for a role each program covers', async () => {
    const ratings = {
      'patient-safety': 2,
      'quality-improvement': 2,
      'data-analytics': 3,
      budgeting: 4,
      'leading-people': 2,
    };
    const res = await compare({ ids: trio, role: 'director-of-quality', ratings });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.gap.role).toEqual({ id: 'director-of-quality', title: expect.any(String) });
    expect(body.gap.competencies.map((c: { competency: string }) => c.competency).sort()).toEqual([
      'data-analytics',
      'leading-people',
      'patient-safety',
      'quality-improvement',
    ]);
    expect(body.gap.gapPoints).toBeGreaterThan(0);
    const advisor = body.programs[1].coverage;
    expect(advisor.gapPoints).toBe(body.gap.gapPoints);
    expect(advisor.competencies.map((c: { competency: string }) => c.competency).sort()).toEqual([
      'data-analytics',
      'leading-people',
      'quality-improvement',
    ]);
    expect(advisor.percent).toBe(Math.round((advisor.points / advisor.gapPoints) * 100));
    for (const p of body.programs) {
      for (const c of p.coverage.competencies)
        expect(program(p.program.id).competencies).toContain(c.competency);
    }
  });

  it('checks a role given without ratings, and measures nothing', async () => {
    const res = await compare({ ids: trio.slice(0, 2), role: 'director-of-quality' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().gap).toBeNull();
    expect(res.json().programs[0].coverage).toBeNull();
  });

  it('answers 400 naming the field at fault', async () => {
    const cases: Array<[unknown, string, string]> = [
      [{ ids: ['jhu-mph-part-time-online', 'hogwarts-mha'] }, 'ids[1]', 'unknown program "hogwarts-mha"'],
      [{ ids: ['jhu-mph-part-time-online'] }, 'ids', 'give 2 to 4 program ids'],
      [{ ids: [...trio, 'cornell-sloan-mha', 'tulane-mha'] }, 'ids', 'give 2 to 4 program ids'],
      [{ ids: [trio[0], trio[0]] }, 'ids', 'lists a program more than once'],
      [
        { ids: trio, role: 'astronaut', ratings: {} },
        'role',
        'unknown role "astronaut" (every role: GET /api/roles, pathways roles list)',
      ],
      [
        { ids: trio, role: 'director-of-quality', ratings: { budgeting: 6 } },
        'ratings.budgeting',
        'must be a whole number from 1 to 5 (got 6)',
      ],
      [
        { ids: trio, role: 'director-of-quality', ratings: { budgeting: 2.5 } },
        'ratings.budgeting',
        'must be a whole number from 1 to 5 (got 2.5)',
      ],
      [
        { ids: trio, role: 'director-of-quality', ratings: { astrology: 3 } },
        'ratings.astrology',
        'unknown competency "astrology"',
      ],
      [{ ids: trio, ratings: { budgeting: 3 } }, 'role', 'required: a role id such as director-of-quality'],
      [{ ids: trio, colour: 'red' }, 'colour', 'unknown field (check the spelling)'],
    ];
    for (const [body, path, message] of cases) {
      const res = await compare(body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      const error = res.json().error;
      expect(error.code).toBe('invalid_request');
      expect(error.details.issues, JSON.stringify(body)).toContainEqual({ path, message });
      expect(error.message).toContain(path);
    }
  });

  it('is described in the OpenAPI document', async () => {
    const doc = (await app.inject({ url: '/api/openapi.json' })).json();
    expect(doc.paths['/api/programs/compare'].post.tags).toEqual(['career']);
  });
});
