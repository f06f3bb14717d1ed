import { copyFile, mkdir, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { catalogDir } from '../../test/support/catalog.js';
import { CatalogError, formatProblem, loadCatalog } from './loader.js';

const fixtures = path.resolve(import.meta.dirname, '..', '..', 'test', 'fixtures', 'broken-catalogs');

/** A temporary catalog: the real manifest and vocabulary plus the given certification files. */
async function tempCatalog(files: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'catalog-'));
  await mkdir(path.join(dir, 'certifications'));
  await copyFile(path.join(catalogDir, 'catalog.yaml'), path.join(dir, 'catalog.yaml'));
  await copyFile(path.join(catalogDir, 'vocabulary.yaml'), path.join(dir, 'vocabulary.yaml'));
  for (const [name, text] of Object.entries(files)) await writeFile(path.join(dir, 'certifications', name), text);
  return dir;
}

async function problemsOf(dir: string): Promise<string[]> {
  try {
    await loadCatalog(dir);
  } catch (e) {
    if (e instanceof CatalogError) return e.problems.map((p) => formatProblem({ ...p, file: path.basename(p.file) }));
    throw e;
  }
  return [];
}

describe('the built-in catalog', () => {
  it('loads every certification file, sorted by id, frozen and versioned', async () => {
    const catalog = await loadCatalog(catalogDir);
    const files = (await readdir(path.join(catalogDir, 'certifications'))).filter((f) => f.endsWith('.yaml'));
    expect(catalog.certifications).toHaveLength(files.length);
    const ids = catalog.certifications.map((c) => c.id);
    expect(ids).toEqual([...ids].sort((a, b) => a.localeCompare(b)));
    expect(catalog.version).toMatch(/^\d{4}\.\d{2}\.\d{2}\+[0-9a-f]{8}$/);
    expect(Object.isFrozen(catalog.certifications[0]!.eligibility)).toBe(true);
  });

  it('gives every certification a source, a verified-as-of date and a confidence', async () => {
    const catalog = await loadCatalog(catalogDir);
    for (const cert of catalog.certifications) {
      expect(cert.sources.length, cert.id).toBeGreaterThan(0);
      expect(cert.verifiedAsOf, cert.id).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(['high', 'medium', 'low'], cert.id).toContain(cert.eligibility.confidence);
      expect(['high', 'medium', 'low'], cert.id).toContain(cert.renewal.confidence);
    }
  });

  it('changes version when any file changes', async () => {
    const original = await readFile(path.join(catalogDir, 'certifications', 'fache.yaml'), 'utf8');
    const a = await loadCatalog(await tempCatalog({ 'fache.yaml': original }));
    const b = await loadCatalog(await tempCatalog({ 'fache.yaml': original.replace('questions: 230', 'questions: 231') }));
    expect(a.version).not.toBe(b.version);
  });
});

describe('broken catalog files', async () => {
  const cases = (await readdir(fixtures)).filter((f) => f.endsWith('.yaml')).sort();

  it('has a folder of broken examples', () => {
    expect(cases.length).toBeGreaterThanOrEqual(10);
  });

  for (const name of cases) {
    it(`${name} is refused with its exact problem`, async () => {
      const text = await readFile(path.join(fixtures, name), 'utf8');
      const file = /^# file: (.+)$/m.exec(text)?.[1];
      const expected = /^# expect: (.+)$/m.exec(text)?.[1];
      expect(file, 'fixture needs a "# file:" line').toBeTruthy();
      expect(expected, 'fixture needs an "# expect:" line').toBeTruthy();
      const problems = await problemsOf(await tempCatalog({ [file!]: text }));
      // A line ending in "(known:" is matched up to there: the list of known ids grows with the catalog.
      const match = problems.find((p) => (expected!.endsWith("(known:") ? p.startsWith(expected!) : p === expected));
      expect(match, `problems were:\n${problems.join("\n")}`).toBeDefined();
    });
  }
});

describe('missing pieces', () => {
  it('names a missing vocabulary file', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'catalog-'));
    await mkdir(path.join(dir, 'certifications'));
    await copyFile(path.join(catalogDir, 'catalog.yaml'), path.join(dir, 'catalog.yaml'));
    const problems = await problemsOf(dir);
    expect(problems).toContain('vocabulary.yaml file is missing');
  });

  it('refuses a catalog without certifications', async () => {
    expect(await problemsOf(await tempCatalog({}))).toContain('certifications holds no certification files');
  });

  it('lists problems of several files at once', async () => {
    const fixture = await readFile(path.join(fixtures, 'bad-date.yaml'), 'utf8');
    const other = fixture.replace('id: BROKEN', 'id: BROKEN2');
    const problems = await problemsOf(await tempCatalog({ 'broken.yaml': fixture, 'broken2.yaml': other }));
    expect(problems.filter((p) => p.includes('verifiedAsOf'))).toHaveLength(2);
  });
});
