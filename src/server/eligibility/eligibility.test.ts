import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { parse } from 'yaml';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { testApp } from '../../../test/support/app.js';
import { builtinCatalog } from '../../../test/support/catalog.js';
import { todayFor, systemClock } from '../../services/clock.js';

let app: FastifyInstance;
const catalog = await builtinCatalog();
const examples = path.resolve(import.meta.dirname, '..', '..', '..', 'examples');
const nurseManagerYaml = await readFile(path.join(examples, 'nurse-manager.yaml'), 'utf8');
const nurseManager = parse(nurseManagerYaml) as Record<string, unknown> & { positions: object[] };

beforeAll(async () => {
  ({ app } = await testApp());
});
afterAll(async () => {
  await app.close();
});
// Whatever a request did, the server keeps serving.
afterEach(async () => {
  expect((await app.inject({ url: '/api/health' })).statusCode).toBe(200);
});

const post = (body: unknown, url = '/api/eligibility') =>
  app.inject({ method: 'POST', url, payload: body as Record<string, unknown> });
const postYaml = (text: string, query = '') =>
  app.inject({
    method: 'POST',
    url: `/api/eligibility${query}`,
    headers: { 'content-type': 'application/yaml' },
    payload: text,
  });

/** The nurse manager with one position replaced or changed. */
function withPosition(index: number, change: Record<string, unknown>, drop: string[] = []) {
  const positions = nurseManager.positions.map((p, i) => {
    if (i !== index) return p;
    const copy: Record<string, unknown> = { ...p, ...change };
    for (const k of drop) delete copy[k];
    return copy;
  });
  return { ...nurseManager, positions };
}

async function issuesOf(body: unknown) {
  const res = await post(body);
  expect(res.statusCode).toBe(400);
  return res.json().error as {
    code: string;
    message: string;
    details: { issues: { path: string; message: string }[] };
  };
}

describe('POST /api/eligibility', () => {
  it('answers with the documented JSON for the nurse manager', async () => {
    const res = await post({ profile: nurseManager, asOf: '2026-11-27' });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.asOf).toBe('2026-11-27');
    expect(body.results).toHaveLength(catalog.certifications.length);

    const fache = body.results.find((r: { certification: string }) => r.certification === 'FACHE');
    expect(fache).toMatchObject({ certification: 'FACHE', eligible: false, earliestEligible: null });
    const education = fache.pathways[0].conditions.find((c: { type: string }) => c.type === 'education');
    expect(education).toMatchObject({
      type: 'education',
      met: false,
      required: 'master',
      actual: 'bachelor',
    });
    expect(education.explanation).toMatch(/master's degree/);
    expect(fache.notice).toMatch(/confirm with ACHE/);

    const cphq = body.results.find((r: { certification: string }) => r.certification === 'CPHQ');
    expect(cphq).toMatchObject({ eligible: true, earliestEligible: '2026-11-27', status: 'eligible' });

    // Every condition carries the documented fields.
    for (const result of body.results) {
      for (const pathway of result.pathways) {
        expect(pathway).toEqual(
          expect.objectContaining({ id: expect.any(String), eligible: expect.any(Boolean) }),
        );
        for (const c of pathway.conditions) {
          expect(c).toEqual(
            expect.objectContaining({
              type: expect.any(String),
              met: expect.any(Boolean),
              explanation: expect.any(String),
            }),
          );
        }
      }
    }
  });

  it('narrows to the certifications asked for, in any case, and defaults asOf to today', async () => {
    const res = await post({ profile: nurseManager, certifications: ['cphq', 'FACHE'] });
    expect(res.statusCode).toBe(200);
    expect(res.json().asOf).toBe(todayFor(systemClock));
    const charset = await app.inject({
      method: 'POST',
      url: '/api/eligibility',
      headers: { 'content-type': 'application/json; charset=utf-8' },
      payload: JSON.stringify({ profile: nurseManager, certifications: ['CPHQ'] }),
    });
    expect(charset.statusCode).toBe(200);
    expect(
      res
        .json()
        .results.map((r: { certification: string }) => r.certification)
        .sort(),
    ).toEqual(['CPHQ', 'FACHE']);
  });

  it('accepts the profile document itself as YAML, with options as query parameters', async () => {
    const res = await postYaml(nurseManagerYaml, '?asOf=2026-11-27&certifications=CPHQ,FACHE');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.asOf).toBe('2026-11-27');
    expect(body.results.map((r: { certification: string }) => r.certification)).toEqual(['CPHQ', 'FACHE']);
    const text = await app.inject({
      method: 'POST',
      url: '/api/eligibility?certifications=CPHQ',
      headers: { 'content-type': 'text/yaml; charset=utf-8' },
      payload: nurseManagerYaml,
    });
    expect(text.statusCode).toBe(200);
  });

  it('answers 400 naming a missing date', async () => {
    const error = await issuesOf({ profile: withPosition(1, {}, ['start']), asOf: '2026-11-27' });
    expect(error.code).toBe('invalid_profile');
    expect(error.message).toBe('profile.positions[1].start: is required: a date (YYYY-MM-DD or YYYY-MM)');
    expect(error.details.issues).toEqual([
      { path: 'profile.positions[1].start', message: 'is required: a date (YYYY-MM-DD or YYYY-MM)' },
    ]);
  });

  it('answers 400 for a date that is not one, and for an end before the start', async () => {
    const bad = await issuesOf({ profile: withPosition(1, { start: '2020-13' }) });
    expect(bad.details.issues).toEqual([
      { path: 'profile.positions[1].start', message: 'not a date (YYYY-MM-DD or YYYY-MM)' },
    ]);
    const backwards = await issuesOf({ profile: withPosition(0, { end: '2013-12' }) });
    expect(backwards.message).toBe('profile.positions[0].end: must not be before start');
  });

  it('answers 400 for an FTE of 0 or 3', async () => {
    const zero = await issuesOf({ profile: withPosition(0, { fte: 0 }) });
    expect(zero.details.issues).toEqual([
      { path: 'profile.positions[0].fte', message: 'must be at least 0.05 (full time is 1.0)' },
    ]);
    const three = await issuesOf({ profile: withPosition(0, { fte: 3 }) });
    expect(three.details.issues).toEqual([
      {
        path: 'profile.positions[0].fte',
        message: 'must be at most 1.0 (full time is 1.0; overlapping jobs are separate positions)',
      },
    ]);
  });

  it('answers 400 for an unknown experience kind, listing the known ones', async () => {
    const error = await issuesOf({ profile: withPosition(1, { kinds: ['healthcare', 'helicopter'] }) });
    expect(error.details.issues).toHaveLength(1);
    expect(error.details.issues[0]!.path).toBe('profile.positions[1].kinds[1]');
    expect(error.details.issues[0]!.message).toMatch(
      /^unknown experience kind "helicopter" \(known: healthcare, clinical, /,
    );
  });

  it('lists every problem at once, in file order', async () => {
    const profile = {
      ...withPosition(0, { fte: 3, kinds: ['helicopter'] }),
      credentials: [{ id: 'cphq' }],
      colour: 'blue',
    };
    const error = await issuesOf({ profile, asOf: '2026-02-30', certifications: ['XYZ'] });
    expect(error.code).toBe('invalid_profile');
    expect(error.details.issues.map((i) => i.path)).toEqual([
      'profile.colour',
      'profile.positions[0].fte',
      'profile.positions[0].kinds[0]',
      'asOf',
      'certifications',
    ]);
    expect(error.message).toBe('profile.colour: unknown field (check the spelling) (and 4 more problems)');
  });

  it('keeps credentials the catalog does not know and lists them as ignored; OTHER needs a name', async () => {
    const profile = {
      ...nurseManager,
      credentials: [
        ...((nurseManager as { credentials?: unknown[] }).credentials ?? []),
        { id: 'PHARMACIST_LICENSE', earned: '2015-06' },
        { id: 'CPA' },
        { id: 'OTHER', name: 'Certified Public Accountant', issuer: 'AICPA', earned: '2012-05' },
      ],
    };
    const res = await post({ profile, asOf: '2026-11-27', certifications: ['CNML'] });
    expect(res.statusCode).toBe(200);
    const n = profile.credentials.length;
    expect(res.json().ignored).toEqual([
      {
        path: `credentials[${n - 2}].id`,
        message:
          '"CPA" is not in the catalog, so no rule uses it; record it as another credential (id OTHER with its name) to keep it with your record.',
      },
      {
        path: `credentials[${n - 1}]`,
        message:
          '"Certified Public Accountant" from AICPA is recorded, but no rule in the catalog uses it, so it does not change any answer here.',
      },
    ]);
    // The verdict is the same as without them.
    const plain = await post({ profile: nurseManager, asOf: '2026-11-27', certifications: ['CNML'] });
    expect(res.json().results).toEqual(plain.json().results);
    const unnamed = await issuesOf({ profile: { ...nurseManager, credentials: [{ id: 'OTHER' }] } });
    expect(unnamed.details.issues.map((i) => `${i.path}: ${i.message}`)).toEqual([
      'profile.credentials[0].name: is required (the name of another credential (id OTHER), e.g. "Certified Public Accountant")',
    ]);
  });

  it('answers 400 for an unknown certification and a bad asOf', async () => {
    const cert = await issuesOf({ profile: nurseManager, certifications: ['CPHQ', 'XYZ'] });
    expect(cert.code).toBe('invalid_request');
    expect(cert.message).toBe('certifications: unknown certification "XYZ"');
    const asOf = await issuesOf({ profile: nurseManager, asOf: '27/11/2026' });
    expect(asOf.message).toBe('asOf: not a date (YYYY-MM-DD)');
    const impossible = await issuesOf({ profile: nurseManager, asOf: '2026-02-30' });
    expect(impossible.details.issues).toEqual([{ path: 'asOf', message: 'not a date (YYYY-MM-DD)' }]);
    const query = await postYaml(nurseManagerYaml, '?asOf=tomorrow');
    expect(query.statusCode).toBe(400);
    expect(query.json().error.message).toBe('asOf: not a date (YYYY-MM-DD)');
    const both = await post(
      { profile: nurseManager, asOf: '2026-11-27' },
      '/api/eligibility?asOf=2026-11-27',
    );
    expect(both.json().error.message).toBe('asOf: give it in the body or as a query parameter, not both');
  });

  it('answers 400 for a missing profile, an unknown body field, a duplicate key and broken JSON', async () => {
    const missing = await issuesOf({ asOf: '2026-11-27' });
    expect(missing.message).toBe(
      'field profile: is required: the profile (format hm-pathways/profile@1, docs/profile-format.md)',
    );
    const list = await issuesOf({ profile: [] });
    expect(list.details.issues).toEqual([
      {
        path: 'profile',
        message: 'the profile must be a set of fields (format, education, positions, ...), not a list',
      },
    ]);
    const typo = await issuesOf({ profile: nurseManager, asof: '2026-11-27' });
    expect(typo.message).toBe('field asof: unknown field (check the spelling)');

    const dup = await app.inject({
      method: 'POST',
      url: '/api/eligibility',
      headers: { 'content-type': 'application/json' },
      payload: '{"profile": {"format": "hm-pathways/profile@1", "name": "A", "name": "B"}}',
    });
    expect(dup.statusCode).toBe(400);
    expect(dup.json().error.message).toBe(
      'profile.name: given twice (lines 1 and 1); a field may appear only once',
    );

    const broken = await app.inject({
      method: 'POST',
      url: '/api/eligibility',
      headers: { 'content-type': 'application/json' },
      payload: '{"profile": ',
    });
    expect(broken.statusCode).toBe(400);
    expect(broken.json().error.code).toBe('invalid_json');
    expect(broken.json().error.message).toMatch(/^body: not valid JSON/);
  });

  it('answers 400 for broken YAML with its line', async () => {
    const res = await postYaml('format: hm-pathways/profile@1\npositions: [\n');
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('invalid_profile');
    expect(res.json().error.message).toMatch(/^profile: not valid YAML \(line \d+, column \d+\)/);
  });

  it('answers 400, quickly, for a YAML alias bomb', async () => {
    const lines = [
      'format: hm-pathways/profile@1',
      'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]',
    ];
    const names = 'abcdefghij';
    for (let i = 1; i < names.length; i++) {
      const prev = names[i - 1]!;
      lines.push(`${names[i]}: &${names[i]} [${Array(9).fill(`*${prev}`).join(',')}]`);
    }
    const started = Date.now();
    const res = await postYaml(`${lines.join('\n')}\n`);
    expect(Date.now() - started).toBeLessThan(2000);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toBe(
      'profile.b[0]: uses the YAML alias *a (line 3); aliases are not allowed in a profile, write the value out in full (81 aliases found)',
    );
  });

  it('answers 413 for a 10 MB body', async () => {
    const big = await post({ profile: { ...nurseManager, name: 'x'.repeat(10 * 1024 * 1024) } });
    expect(big.statusCode).toBe(413);
    expect(big.json().error.code).toBe('payload_too_large');
    const yaml = await postYaml(`${nurseManagerYaml}# ${'x'.repeat(10 * 1024 * 1024)}\n`);
    expect(yaml.statusCode).toBe(413);
  });

  it('answers 415 for a body it cannot read', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/eligibility',
      headers: { 'content-type': 'text/csv' },
      payload: 'a,b\n',
    });
    expect(res.statusCode).toBe(415);
    expect(res.json().error.code).toBe('unsupported_media_type');
  });

  it('is documented in the OpenAPI document under the eligibility tag', async () => {
    const doc = (await app.inject({ url: '/api/openapi.json' })).json();
    const op = doc.paths['/api/eligibility'].post;
    expect(op.tags).toEqual(['eligibility']);
    expect(Object.keys(op.requestBody.content)).toEqual(
      expect.arrayContaining(['application/json', 'application/yaml']),
    );
    const body = op.requestBody.content['application/json'].schema;
    expect(body.properties.profile.properties.positions.type).toBe('array');
    expect(op.responses['200'].content['application/json'].schema.properties.results.type).toBe('array');
  });
});

const executive = parse(await readFile(path.join(examples, 'healthcare-executive.yaml'), 'utf8')) as Record<
  string,
  unknown
>;

describe('POST /api/eligibility with notAsked', () => {
  // The executive as a quick check sees her before she answers the CE and volunteering sections.
  const { ce: _ce, volunteering: _volunteering, ...unasked } = executive;
  type Condition = { type: string; met: boolean; explanation: string; notAsked?: true; section?: string };
  type Result = { certification: string; notAsked?: string[]; pathways: { conditions: Condition[] }[] };
  const facheOf = (body: { results: Result[] }) => body.results.find((r) => r.certification === 'FACHE')!;
  const conditionOf = (result: Result, type: string) =>
    result.pathways[0]!.conditions.find((c) => c.type === type)!;

  it('reads a condition whose data was not asked as "not asked yet", never "you have 0"', async () => {
    const res = await post({ profile: unasked, asOf: '2026-12-02', notAsked: ['ce', 'volunteering'] });
    expect(res.statusCode).toBe(200);
    const fache = facheOf(res.json());
    const ce = conditionOf(fache, 'continuing_education');
    expect(ce).toMatchObject({
      met: false,
      notAsked: true,
      section: 'ce',
      explanation: 'Not asked yet — add your continuing education.',
    });
    expect(conditionOf(fache, 'volunteering')).toMatchObject({
      notAsked: true,
      section: 'volunteering',
      explanation: 'Not asked yet — add your volunteer work.',
    });
    expect(fache.notAsked?.sort()).toEqual(['ce', 'volunteering']);
    // What was asked is answered as before: her membership and degree are facts.
    expect(conditionOf(fache, 'membership').notAsked).toBeUndefined();
    expect(conditionOf(fache, 'education')).toMatchObject({ met: true });
    expect(JSON.stringify(fache)).not.toMatch(/you have 0/);
  });

  it('without notAsked, an empty section is an answer: "you have 0"', async () => {
    const res = await post({ profile: unasked, asOf: '2026-12-02' });
    const ce = conditionOf(facheOf(res.json()), 'continuing_education');
    expect(ce.notAsked).toBeUndefined();
    expect(ce.explanation).toMatch(/\(you have 0\)/);
    expect(facheOf(res.json()).notAsked).toBeUndefined();
  });

  it('leaves a met condition as it is even when its section is named', async () => {
    const res = await post({ profile: executive, asOf: '2026-12-02', notAsked: ['memberships'] });
    const membership = conditionOf(facheOf(res.json()), 'membership');
    expect(membership.met).toBe(true);
    expect(membership.notAsked).toBeUndefined();
  });

  it('refuses a section that does not exist, naming the field', async () => {
    const error = await issuesOf({ profile: unasked, notAsked: ['cpe'] });
    expect(error.code).toBe('invalid_request');
    expect(error.message).toMatch(/^notAsked\[0\]|notAsked\.0/);
    expect(error.message).toContain('must be one of: education, positions, credentials, ce');
  });
});
