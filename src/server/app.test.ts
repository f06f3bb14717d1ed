import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { testApp } from '../../test/support/app.js';
import type { Storage } from '../storage/db.js';

let app: FastifyInstance;
let storage: Storage;

beforeEach(async () => {
  ({ app, storage } = await testApp());
});
afterEach(async () => {
  await app.close();
});

describe('health', () => {
  it('reports the database, catalog and app versions', async () => {
    const res = await app.inject({ url: '/api/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      status: 'ok',
      app: { version: '0.0.0-test' },
      database: { engine: 'sqlite', reachable: true },
    });
    expect(res.json().catalog.certifications).toBeGreaterThan(0);
  });

  it('answers 503 when the database is gone', async () => {
    await storage.close();
    const res = await app.inject({ url: '/api/health' });
    expect(res.statusCode).toBe(503);
    expect(res.json()).toMatchObject({ status: 'unavailable', database: { reachable: false } });
  });
});

describe('OpenAPI', () => {
  it('publishes an OpenAPI 3.1 document describing every route', async () => {
    const doc = (await app.inject({ url: '/api/openapi.json' })).json();
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/health',
        '/api/catalog',
        '/api/certifications',
        '/api/certifications/{id}',
      ]),
    );
    const params = doc.paths['/api/certifications'].get.parameters.map((p: { name: string }) => p.name);
    expect(params).toEqual(expect.arrayContaining(['q', 'focus', 'issuer', 'sort', 'order']));
  });

  it('serves interactive docs', async () => {
    const res = await app.inject({ url: '/api/docs/' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/text\/html/);
  });
});

describe('errors', () => {
  it('answers unknown API routes with the error shape', async () => {
    const res = await app.inject({ url: '/api/nothing-here' });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toEqual({
      error: { code: 'route_not_found', message: 'No route GET /api/nothing-here' },
    });
  });

  it('answers an address the router cannot read in the error shape (found by the fuzz)', async () => {
    const badUrl = await app.inject({ url: '/api/me/plans/%zz' });
    expect(badUrl.statusCode).toBe(400);
    expect(badUrl.json()).toEqual({ error: { code: 'bad_url', message: expect.stringContaining('"%"') } });
    const long = await app.inject({ url: `/api/certifications/${'A'.repeat(101)}` });
    expect(long.statusCode).toBe(414);
    expect(long.json().error.code).toBe('path_too_long');
  });

  it('hides internals of unexpected errors', async () => {
    const { app: local } = await testApp();
    local.get('/api/boom', async () => {
      throw new Error('secret connection string postgres://admin:hunter2@db');
    });
    const res = await local.inject({ url: '/api/boom' });
    expect(res.statusCode).toBe(500);
    expect(res.json()).toEqual({
      error: {
        code: 'internal_error',
        message: 'Something went wrong on our side. It has been logged; please try again.',
      },
    });
    expect(res.body).not.toContain('hunter2');
    await local.close();
  });

  it('answers a malformed JSON body with 400 invalid_json', async () => {
    const { app: local } = await testApp();
    local.post('/api/echo', async (req) => req.body);
    const res = await local.inject({
      method: 'POST',
      url: '/api/echo',
      headers: { 'content-type': 'application/json' },
      payload: '{"a":',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('invalid_json');
    await local.close();
  });

  it('refuses a body over the size limit with 413', async () => {
    const { app: local } = await testApp();
    local.post('/api/echo', async () => ({ ok: true }));
    const res = await local.inject({
      method: 'POST',
      url: '/api/echo',
      headers: { 'content-type': 'application/json' },
      payload: `"${'x'.repeat(1024 * 1024 + 10)}"`,
    });
    expect(res.statusCode).toBe(413);
    expect(res.json().error.code).toBe('payload_too_large');
    await local.close();
  });
});
