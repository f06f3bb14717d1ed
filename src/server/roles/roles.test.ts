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

describe('GET /api/roles', () => {
  it('lists every role', async () => {
    const res = await app.inject({ url: '/api/roles' });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.total).toBe(catalog.roles.length);
    expect(body.catalogVersion).toBe(catalog.version);
    expect(body.roles.find((r: { id: string }) => r.id === 'nurse-manager')).toMatchObject({
      title: 'Nurse Manager',
      family: 'nursing_leadership',
      preferredCertifications: ['CNML', 'NE-BC'],
    });
  });

  it('filters by family and text', async () => {
    const family = (await app.inject({ url: '/api/roles?family=quality' })).json();
    expect(family.roles.map((r: { id: string }) => r.id).sort()).toEqual(
      catalog.roles
        .filter((r) => r.family === 'quality')
        .map((r) => r.id)
        .sort(),
    );
    const q = (await app.inject({ url: '/api/roles?q=pharmac' })).json();
    expect(q.roles.map((r: { id: string }) => r.id)).toEqual(['pharmacist']);
    const both = (await app.inject({ url: '/api/roles?family=finance&q=nurse' })).json();
    expect(both.total).toBe(0);
  });

  it('answers 400 naming a bad or unknown query parameter', async () => {
    const family = await app.inject({ url: '/api/roles?family=nursing' });
    expect(family.statusCode).toBe(400);
    expect(family.json().error.code).toBe('invalid_request');
    expect(family.json().error.message).toMatch(/^query parameter family: /);

    const typo = await app.inject({ url: '/api/roles?famly=quality' });
    expect(typo.statusCode).toBe(400);
    expect(typo.json().error.message).toBe(
      'query parameter famly: unknown query parameter (check the spelling)',
    );

    const long = await app.inject({ url: `/api/roles?q=${'a'.repeat(201)}` });
    expect(long.json().error.message).toBe('query parameter q: must be at most 200 characters');
  });
});

describe('GET /api/roles/:id', () => {
  it('returns the role with its targets and the transitions into and out of it', async () => {
    const res = await app.inject({ url: '/api/roles/nurse-manager' });
    expect(res.statusCode).toBe(200);
    const { role, transitionsIn, transitionsOut } = res.json();
    expect(role.id).toBe('nurse-manager');
    expect(role.targets['leading-people']).toEqual({ level: 3, judgement: true });
    expect(role.sources.length).toBeGreaterThan(0);
    expect(transitionsIn).toContainEqual(
      expect.objectContaining({
        from: 'charge-nurse',
        to: 'nurse-manager',
        fromTitle: 'Charge Nurse',
        common: true,
      }),
    );
    expect(transitionsOut.map((t: { to: string }) => t.to)).toContain('director-of-nursing');
    for (const t of transitionsOut) expect(t.from).toBe('nurse-manager');
  });

  it('answers 404 with a code for an unknown id', async () => {
    const res = await app.inject({ url: '/api/roles/astronaut' });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toEqual({
      error: {
        code: 'role_not_found',
        message: 'No role with id "astronaut"',
        details: { id: 'astronaut', suggestions: [] },
      },
    });
    const typo = await app.inject({ url: '/api/roles/nurse-manger' });
    expect(typo.json().error.details.suggestions[0]).toBe('nurse-manager');
  });

  it('answers 400 for an id with characters no id has', async () => {
    const res = await app.inject({ url: `/api/roles/${encodeURIComponent('Nurse Manager')}` });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toBe('path parameter id: must be a role id such as nurse-manager');
  });
});
