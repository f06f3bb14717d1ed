import { copyFile, mkdir, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { catalogDir } from '../../test/support/catalog.js';
import { competencyDomainIds, competencyTopics, programFormats, roleFamilies } from './career-schema.js';
import { CatalogError, formatProblem, loadCatalog } from './loader.js';

const fixtures = path.resolve(import.meta.dirname, '..', '..', 'test', 'fixtures', 'broken-catalogs');

/**
 * A temporary catalog: the real manifest and vocabulary plus the given certification files. A file
 * name with a folder (`roles/x.yaml`) or `competencies.yaml` is a career file: it is written under
 * the catalog root, next to the real certifications, competency framework and roles it refers to.
 */
async function tempCatalog(files: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'catalog-'));
  await mkdir(path.join(dir, 'certifications'));
  await copyFile(path.join(catalogDir, 'catalog.yaml'), path.join(dir, 'catalog.yaml'));
  await copyFile(path.join(catalogDir, 'vocabulary.yaml'), path.join(dir, 'vocabulary.yaml'));
  const career = Object.keys(files).some((name) => name.includes('/') || name === 'competencies.yaml');
  if (career) {
    await copyFile(path.join(catalogDir, 'competencies.yaml'), path.join(dir, 'competencies.yaml'));
    for (const folder of ['certifications', 'roles']) {
      await mkdir(path.join(dir, folder), { recursive: true });
      for (const name of await readdir(path.join(catalogDir, folder)))
        await copyFile(path.join(catalogDir, folder, name), path.join(dir, folder, name));
    }
  }
  for (const [name, text] of Object.entries(files)) {
    const target = career ? path.join(dir, name) : path.join(dir, 'certifications', name);
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, text);
  }
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

describe('the built-in career catalog', async () => {
  const catalog = await loadCatalog(catalogDir);
  const framework = catalog.competencies!;
  const competencyIds = new Set(framework.competencies.map((c) => c.id));

  it('has a framework of 40-80 competencies in the five domains with the 1-5 scale', () => {
    expect(framework.competencies.length).toBeGreaterThanOrEqual(40);
    expect(framework.competencies.length).toBeLessThanOrEqual(80);
    expect(framework.domains.map((d) => d.id)).toEqual([...competencyDomainIds]);
    expect(framework.scale.map((s) => [s.level, s.name])).toEqual([
      [1, 'Novice'],
      [2, 'Between novice and competent'],
      [3, 'Competent'],
      [4, 'Between competent and expert'],
      [5, 'Expert'],
    ]);
    // Levels ACHE does not name are marked as our judgement.
    expect(framework.scale.filter((s) => s.judgement).map((s) => s.level)).toEqual([2, 4]);
    for (const d of competencyDomainIds) expect(framework.competencies.some((c) => c.domain === d), d).toBe(true);
    for (const t of competencyTopics) expect(framework.competencies.some((c) => c.topics.includes(t)), t).toBe(true);
  });

  it('stores only names and links for NCHL', () => {
    const nchl = framework.relatedFrameworks.find((f) => f.id === 'nchl');
    expect(nchl?.licence).toBe('names_and_links_only');
    const crosswalked = framework.competencies.flatMap((c) => c.crosswalk ?? []).filter((x) => x.framework === 'nchl');
    expect(crosswalked.length).toBeGreaterThan(0);
    for (const x of crosswalked) expect(Object.keys(x)).toEqual(['framework', 'name']);
  });

  it('has at least 30 roles covering every family, each with existing target competencies', () => {
    expect(catalog.roles.length).toBeGreaterThanOrEqual(30);
    for (const f of roleFamilies) expect(catalog.roles.some((r) => r.family === f), f).toBe(true);
    const clinical = catalog.roles.filter((r) => r.family === 'clinical_entry').map((r) => r.id);
    expect(clinical).toEqual(
      expect.arrayContaining(['staff-nurse', 'pharmacist', 'physical-therapist', 'medical-technologist', 'physician']),
    );
    const certIds = new Set(catalog.certifications.map((c) => c.id));
    for (const role of catalog.roles) {
      expect(Object.keys(role.targets).length, role.id).toBeGreaterThan(0);
      for (const [id, target] of Object.entries(role.targets)) {
        expect(competencyIds.has(id), `${role.id} → ${id}`).toBe(true);
        expect(target.level).toBeGreaterThanOrEqual(1);
        expect(target.level).toBeLessThanOrEqual(5);
      }
      for (const c of role.preferredCertifications) expect(certIds.has(c), `${role.id} → ${c}`).toBe(true);
      expect(role.sources.length, role.id).toBeGreaterThan(0);
    }
    expect(catalog.roles.find((r) => r.id === 'director-of-quality')?.targets['quality-improvement']).toEqual({
      level: 5,
      judgement: true,
    });
  });

  it('names both ends of every transition', () => {
    const roleIds = new Set(catalog.roles.map((r) => r.id));
    expect(catalog.transitions.length).toBeGreaterThanOrEqual(30);
    for (const t of catalog.transitions) {
      expect(roleIds.has(t.from) && roleIds.has(t.to), `${t.from} → ${t.to}`).toBe(true);
    }
    expect(catalog.transitions).toContainEqual(expect.objectContaining({ from: 'staff-nurse', to: 'charge-nurse', common: true }));
  });

  it('has at least 40 programs covering every format, with sources and honest unknowns', () => {
    expect(catalog.programs.length).toBeGreaterThanOrEqual(40);
    for (const f of programFormats) expect(catalog.programs.some((p) => p.format === f), f).toBe(true);
    for (const p of catalog.programs) {
      for (const c of p.competencies) expect(competencyIds.has(c), `${p.id} → ${c}`).toBe(true);
      expect(p.sources.length, p.id).toBeGreaterThan(0);
      if (p.example) expect(p.confidence, p.id).toBe('low');
    }
    // Real offerings outnumber examples, and every example says so.
    expect(catalog.programs.filter((p) => p.example).map((p) => p.format)).toEqual(['university_diploma']);
    expect(catalog.programs.some((p) => p.cost === 'unknown')).toBe(true);
    expect(catalog.programs.find((p) => p.id === 'harvard-chan-emerging-executives')?.cost).toMatchObject({
      usd: 3100,
      asOf: '2025-05',
    });
  });

  it('includes the career files in the version hash', async () => {
    const dir = await tempCatalog({ 'roles/extra-role.yaml': await readFile(path.join(catalogDir, 'roles', 'ceo.yaml'), 'utf8') });
    const problems = await problemsOf(dir);
    expect(problems).toContain('extra-role.yaml:3:5 id: id ceo must live in roles/ceo.yaml');
    const duplicate = problems.find((p) => p.startsWith('extra-role.yaml:3:5 id: duplicate role id ceo (also in '));
    expect(duplicate).toMatch(/roles\/ceo\.yaml\)$/);

    const a = await loadCatalog(await tempCatalog({ 'competencies.yaml': await readFile(path.join(catalogDir, 'competencies.yaml'), 'utf8') }));
    const b = await loadCatalog(await tempCatalog({ 'roles/ceo.yaml': (await readFile(path.join(catalogDir, 'roles', 'ceo.yaml'), 'utf8')).replace('min: 15', 'min: 16') }));
    expect(a.version).not.toBe(b.version);
  });

  it('loads a catalog without the career files (they are optional)', async () => {
    const partial = await loadCatalog(await tempCatalog({ 'fache.yaml': await readFile(path.join(catalogDir, 'certifications', 'fache.yaml'), 'utf8') }));
    expect(partial.competencies).toBeNull();
    expect(partial.roles).toEqual([]);
    expect(partial.transitions).toEqual([]);
    expect(partial.programs).toEqual([]);
  });

  it('refuses roles that refer to competencies when the catalog has no framework', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'catalog-'));
    for (const f of ['catalog.yaml', 'vocabulary.yaml']) await copyFile(path.join(catalogDir, f), path.join(dir, f));
    await mkdir(path.join(dir, 'certifications'));
    await mkdir(path.join(dir, 'roles'));
    for (const name of await readdir(path.join(catalogDir, 'certifications')))
      await copyFile(path.join(catalogDir, 'certifications', name), path.join(dir, 'certifications', name));
    await copyFile(path.join(catalogDir, 'roles', 'physician.yaml'), path.join(dir, 'roles', 'physician.yaml'));
    const problems = await problemsOf(dir);
    expect(problems.some((p) => p.endsWith('unknown competency "budgeting" (this catalog defines none)'))).toBe(true);
    expect(problems.some((p) => p.endsWith('unknown role "cmio" (this catalog defines none)'))).toBe(false);
    expect(problems.some((p) => p.includes('transitions[0].to: unknown role "cmio"'))).toBe(true);
  });
});
