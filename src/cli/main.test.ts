import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildProgram, commands, run } from './main.js';

describe('the lazy command table', () => {
  it('names every top-level command with the description its module gives it', async () => {
    const program = await buildProgram();
    const registered = Object.fromEntries(program.commands.map((c) => [c.name(), c.description()]));
    const table = Object.assign({}, ...commands.map((e) => e.commands)) as Record<string, string>;
    expect(table).toEqual(registered);
  });

  it('loads only the module of the command asked for', async () => {
    const program = await buildProgram(['db', 'migrate']);
    const db = program.commands.find((c) => c.name() === 'db')!;
    expect(db.commands.map((c) => c.name())).toEqual(['migrate']);
    // The others are listed by name only, without their options or subcommands.
    const catalog = program.commands.find((c) => c.name() === 'catalog')!;
    expect(catalog.commands).toEqual([]);
    const eligibility = program.commands.find((c) => c.name() === 'eligibility')!;
    expect(eligibility.options).toEqual([]);
  });
});

describe('errors the API answers with a 4xx', () => {
  let dataDir: string;
  const previous = process.env.DATA_DIR;
  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'pathways-cli-'));
    process.env.DATA_DIR = dataDir;
  });
  afterAll(async () => {
    if (previous === undefined) delete process.env.DATA_DIR;
    else process.env.DATA_DIR = previous;
    await rm(dataDir, { recursive: true, force: true });
  });

  it('exit 2 with the message naming the option, through the same check as GET /api/certifications', async () => {
    let err = '';
    const code = await run(
      ['catalog', 'list', '--issuer', 'NOPE'],
      () => undefined,
      (s) => (err += s),
    );
    expect(code).toBe(2);
    expect(err).toMatch(/^--issuer: unknown issuing body "NOPE" \(known: .*ANCC/);
    expect(err).not.toMatch(/could not start/);
  });

  it('catalog list answers with the same search as the API (the one catalog, in memory)', async () => {
    let out = '';
    const code = await run(['catalog', 'list', '--search', 'quality', '--json'], (s) => (out += s));
    expect(code).toBe(0);
    const body = JSON.parse(out) as { total: number; certifications: { id: string; scope: string }[] };
    expect(body.certifications.map((c) => c.id)).toContain('CPHQ');
    expect(body.certifications.every((c) => c.scope === 'builtin')).toBe(true);
  });
});
