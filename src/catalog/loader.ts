/**
 * The one loader that reads `catalog/` from disk and returns a validated, frozen {@link Catalog}.
 * Every problem is reported with its file, line and field path so that a curator can fix it
 * without reading code, e.g.
 * `catalog/certifications/cphq.yaml:14:9 eligibility.rules[0].pathways[0].label: must not be empty`.
 */
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { LineCounter, isMap, isSeq, parseDocument, type Document } from 'yaml';
import type { z } from 'zod';
import {
  catalogManifestSchema,
  certificationSchema,
  conditionTypes,
  vocabularySchema,
  type Catalog,
  type Certification,
  type Vocabulary,
} from './schema.js';
import {
  certificationPrepSchema,
  competencyFrameworkSchema,
  programSchema,
  roleSchema,
  type CertificationPrep,
  type CompetencyFramework,
  type Program,
  type Role,
  type RoleTransition,
} from './career-schema.js';
import {
  crossCheckCertification,
  crossCheckCertificationPrep,
  crossCheckFramework,
  crossCheckProgram,
  crossCheckRole,
  type CareerIds,
  type Problem,
} from './validate.js';

export interface CatalogProblem {
  file: string;
  line?: number;
  column?: number;
  path: string;
  message: string;
}

/** Thrown when a catalog cannot be loaded; `problems` lists every problem found, not just the first. */
export class CatalogError extends Error {
  readonly problems: CatalogProblem[];
  constructor(problems: CatalogProblem[]) {
    super(
      `The catalog has ${problems.length} problem${problems.length === 1 ? '' : 's'}:\n` +
        problems.map((p) => `  ${formatProblem(p)}`).join('\n'),
    );
    this.name = 'CatalogError';
    this.problems = problems;
  }
}

export function formatProblem(p: CatalogProblem): string {
  const where = p.line ? `${p.file}:${p.line}:${p.column ?? 1}` : p.file;
  return `${where} ${p.path ? `${p.path}: ` : ''}${p.message}`;
}

/** File-system reads the loader needs; tests may pass an in-memory implementation. */
export interface CatalogFs {
  readFile(file: string): Promise<string>;
  listYaml(dir: string): Promise<string[]>;
}

export const nodeCatalogFs: CatalogFs = {
  readFile: (file) => readFile(file, 'utf8'),
  listYaml: async (dir) => {
    const entries = await readdir(dir, { withFileTypes: true });
    return entries
      .filter((e) => e.isFile() && /\.ya?ml$/.test(e.name))
      .map((e) => e.name)
      .sort();
  },
};

interface ParsedFile<T> {
  file: string;
  value?: T;
  doc?: Document.Parsed;
  lineCounter: LineCounter;
}

/** Turns a zod issue path into `a.b[0].c`. */
export function formatPath(p: readonly PropertyKey[]): string {
  let out = '';
  for (const key of p) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out ? `.${String(key)}` : String(key);
  }
  return out;
}

function locate(parsed: ParsedFile<unknown>, p: readonly PropertyKey[]): { line?: number; column?: number } {
  const doc = parsed.doc;
  if (!doc) return {};
  // Walk down as far as the path exists; a missing key points at its parent.
  let node: unknown = doc.contents;
  let found: unknown = node;
  for (const key of p) {
    if (isMap(node)) {
      const pair = node.items.find((it) => {
        const k = it.key as { value?: unknown } | null;
        return k !== null && typeof k === 'object' && k.value === key;
      });
      if (!pair) break;
      // Point at the key for scalar values so the line is the one a curator looks for.
      node = pair.value;
      found = pair.value ?? pair.key;
    } else if (isSeq(node) && typeof key === 'number') {
      node = node.items[key];
      if (node === undefined) break;
      found = node;
    } else break;
  }
  const range = (found as { range?: [number, number, number] } | undefined)?.range;
  if (!range) return {};
  const pos = parsed.lineCounter.linePos(range[0]);
  return { line: pos.line, column: pos.col };
}

function parseYamlFile(file: string, source: string, problems: CatalogProblem[]): ParsedFile<unknown> {
  const lineCounter = new LineCounter();
  const doc = parseDocument(source, { lineCounter, uniqueKeys: true, prettyErrors: false });
  const parsed: ParsedFile<unknown> = { file, doc, lineCounter };
  if (doc.errors.length > 0) {
    for (const err of doc.errors) {
      const pos = lineCounter.linePos(err.pos[0]);
      problems.push({
        file,
        line: pos?.line,
        column: pos?.col,
        path: '',
        message: `not valid YAML: ${err.message.split('\n')[0]}`,
      });
    }
    return parsed;
  }
  try {
    parsed.value = doc.toJS({ maxAliasCount: 50 });
  } catch (e) {
    problems.push({ file, path: '', message: `not valid YAML: ${(e as Error).message}` });
  }
  return parsed;
}

/**
 * A value that is either `unknown` or an object fails both branches of the union; the object
 * branch's own issues say what is wrong, so report those (career files only).
 */
function flattenUnions(issues: readonly z.core.$ZodIssue[]): z.core.$ZodIssue[] {
  const out: z.core.$ZodIssue[] = [];
  for (const issue of issues) {
    if (issue.code !== 'invalid_union' || issue.errors.length === 0) {
      out.push(issue);
      continue;
    }
    // The branch that got furthest: its issues point inside the value rather than at it.
    const branches = issue.errors.map((errs) => errs.filter((e) => e.path.length > 0));
    const best = branches.filter((b) => b.length > 0).sort((a, b) => a.length - b.length)[0];
    if (!best) {
      out.push(issue);
      continue;
    }
    out.push(...flattenUnions(best.map((e) => ({ ...e, path: [...issue.path, ...e.path] }) as z.core.$ZodIssue)));
  }
  return out;
}

function validate<T>(
  parsed: ParsedFile<unknown>,
  schema: z.ZodType<T>,
  problems: CatalogProblem[],
  options: { flattenUnions?: boolean } = {},
): T | undefined {
  if (parsed.value === undefined) return undefined;
  const result = schema.safeParse(parsed.value);
  if (result.success) return result.data;
  const issues = options.flattenUnions ? flattenUnions(result.error.issues) : result.error.issues;
  for (const issue of issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        const p = [...issue.path, key];
        problems.push({ file: parsed.file, ...locate(parsed, p), path: formatPath(p), message: 'unknown field (check the spelling)' });
      }
      continue;
    }
    problems.push({ file: parsed.file, ...locate(parsed, issue.path), path: formatPath(issue.path), message: plainMessage(issue, parsed.value) });
  }
  return undefined;
}

function valueAt(root: unknown, p: readonly PropertyKey[]): unknown {
  let v: unknown = root;
  for (const key of p) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<PropertyKey, unknown>)[key];
  }
  return v;
}

/** Rewrites zod's generic messages into ones a curator understands. */
function plainMessage(issue: z.core.$ZodIssue, root: unknown): string {
  const value = valueAt(root, issue.path);
  const options = issue.code === 'invalid_value' ? ` (one of: ${issue.values.map(String).join(', ')})` : '';
  if (value === undefined && issue.path.length > 0 && (issue.code === 'invalid_type' || issue.code === 'invalid_value')) {
    return `is required${options}`;
  }
  if (issue.code === 'invalid_union' && issue.path.at(-1) !== 'type' && issue.message.includes('discriminator')) {
    return issue.message;
  }
  if (issue.message.startsWith('Invalid discriminator') || (issue.code === 'invalid_union' && issue.path.at(-1) === 'type')) {
    return `unknown condition type "${String(value)}" (known: ${conditionTypes.join(', ')})`;
  }
  if (issue.code === 'too_small' && typeof issue.minimum !== 'bigint' && issue.origin === 'number') {
    return `must be ${issue.inclusive ? 'at least' : 'greater than'} ${issue.minimum}; got ${String(value)}`;
  }
  if (issue.code === 'too_big' && typeof issue.maximum !== 'bigint' && issue.origin === 'number') {
    const got = value === undefined ? '' : `; got ${String(value)}`;
    return `must be ${issue.inclusive ? 'at most' : 'less than'} ${issue.maximum}${got}`;
  }
  if (issue.code === 'invalid_value') return `"${String(value)}" is not allowed${options}`;
  return issue.message;
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

/** The file name a certification must live in: its id, lower-cased. */
export function certificationFileName(id: string): string {
  return `${id.toLowerCase()}.yaml`;
}

/**
 * Reads and validates the catalog in `dir`. Throws {@link CatalogError} listing every problem.
 *
 * @example
 * const catalog = await loadCatalog('catalog');
 * catalog.certifications.find((c) => c.id === 'CPHQ')?.renewal.cycleMonths; // 24
 */
export async function loadCatalog(dir: string, fs: CatalogFs = nodeCatalogFs): Promise<Catalog> {
  const problems: CatalogProblem[] = [];
  const rel = (f: string) => path.relative(process.cwd(), path.join(dir, f)) || f;
  const read = async (f: string): Promise<string | undefined> => {
    try {
      return await fs.readFile(path.join(dir, f));
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      problems.push({ file: rel(f), path: '', message: code === 'ENOENT' ? 'file is missing' : `cannot be read (${code ?? (e as Error).message})` });
      return undefined;
    }
  };

  const hash = createHash('sha256');
  const manifestSrc = await read('catalog.yaml');
  const vocabSrc = await read('vocabulary.yaml');
  let certFiles: string[] = [];
  try {
    certFiles = await fs.listYaml(path.join(dir, 'certifications'));
  } catch {
    problems.push({ file: rel('certifications'), path: '', message: 'folder is missing' });
  }
  if (problems.length > 0) throw new CatalogError(problems);

  const manifest = validate(parseYamlFile(rel('catalog.yaml'), manifestSrc!, problems), catalogManifestSchema, problems);
  const vocabulary: Vocabulary | undefined = validate(
    parseYamlFile(rel('vocabulary.yaml'), vocabSrc!, problems),
    vocabularySchema,
    problems,
  );
  hash.update(manifestSrc!).update(vocabSrc!);

  const certifications: Certification[] = [];
  const pending: { cert: Certification; push: (p: Problem) => void }[] = [];
  const seen = new Map<string, string>();
  for (const name of certFiles) {
    const file = rel(path.join('certifications', name));
    const src = await read(path.join('certifications', name));
    if (src === undefined) continue;
    hash.update(name).update(src);
    const parsed = parseYamlFile(file, src, problems);
    const cert = validate(parsed, certificationSchema, problems);
    if (!cert) continue;
    const push = (p: Problem) =>
      problems.push({ file, ...locate(parsed, p.path), path: formatPath(p.path), message: p.message });
    if (name !== certificationFileName(cert.id)) {
      push({ path: ['id'], message: `id ${cert.id} must live in certifications/${certificationFileName(cert.id)}` });
    }
    const other = seen.get(cert.id);
    if (other) push({ path: ['id'], message: `duplicate certification id ${cert.id} (also in ${other})` });
    seen.set(cert.id, file);
    certifications.push(cert);
    pending.push({ cert, push });
  }
  if (vocabulary) {
    // A condition may name a licence from the vocabulary or any certification in the catalog.
    const credentialIds = new Set([...vocabulary.credentials.map((c) => c.id), ...seen.keys()]);
    for (const { cert, push } of pending) crossCheckCertification(cert, vocabulary, credentialIds).forEach(push);
  }
  if (certFiles.length === 0) problems.push({ file: rel('certifications'), path: '', message: 'holds no certification files' });

  const career = await loadCareer(dir, fs, rel, hash, problems, {
    certifications: new Set(seen.keys()),
    creditUnits: new Set(vocabulary?.creditUnits.map((u) => u.id)),
    ceCategories: new Set(vocabulary?.ceCategories.map((c) => c.id)),
  });
  if (problems.length > 0 || !manifest || !vocabulary) throw new CatalogError(problems);

  certifications.sort((a, b) => a.id.localeCompare(b.id));
  return deepFreeze({
    manifest,
    version: `${manifest.version}+${hash.digest('hex').slice(0, 8)}`,
    vocabulary,
    certifications,
    ...career,
  });
}

/** The file a role or program must live in: its id. */
export function entryFileName(id: string): string {
  return `${id}.yaml`;
}

/**
 * Runs a read of an optional part of the catalog: a missing file or folder gives `absent`; any other
 * failure is reported as a problem of that file (and also gives `absent`).
 */
async function readOptional<T>(
  read: () => Promise<T>,
  absent: T,
  file: string,
  problems: CatalogProblem[],
): Promise<T> {
  try {
    return await read();
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code !== 'ENOENT') problems.push({ file, path: '', message: `cannot be read (${code ?? (e as Error).message})` });
    return absent;
  }
}

interface Career {
  competencies: CompetencyFramework | null;
  roles: Role[];
  transitions: RoleTransition[];
  programs: Program[];
  certificationPrep: CertificationPrep | null;
}

/**
 * The career part: `competencies.yaml`, `roles/` and `programs/`. Each is optional, so that an
 * organisation's partial catalog (say, certifications only) still loads; but whatever is present
 * must be valid, and every id it refers to must exist in the catalog being loaded.
 */
async function loadCareer(
  dir: string,
  fs: CatalogFs,
  rel: (f: string) => string,
  hash: ReturnType<typeof createHash>,
  problems: CatalogProblem[],
  known: Pick<CareerIds, 'certifications' | 'creditUnits' | 'ceCategories'>,
): Promise<Career> {
  let competencies: CompetencyFramework | null = null;
  const frameworkSrc = await readOptional<string | undefined>(
    () => fs.readFile(path.join(dir, 'competencies.yaml')),
    undefined,
    rel('competencies.yaml'),
    problems,
  );
  if (frameworkSrc !== undefined) {
    hash.update('competencies.yaml').update(frameworkSrc);
    const parsed = parseYamlFile(rel('competencies.yaml'), frameworkSrc, problems);
    const framework = validate(parsed, competencyFrameworkSchema, problems, { flattenUnions: true });
    if (framework) {
      crossCheckFramework(framework).forEach((p) =>
        problems.push({ file: parsed.file, ...locate(parsed, p.path), path: formatPath(p.path), message: p.message }),
      );
      competencies = framework;
    }
  }

  /** Reads every file of a folder with one schema; checks file names and duplicate ids. */
  const readFolder = async <T extends { id: string }>(folder: string, schema: z.ZodType<T>, what: string) => {
    const entries: { value: T; push: (p: Problem) => void }[] = [];
    const seen = new Map<string, string>();
    const names = await readOptional(() => fs.listYaml(path.join(dir, folder)), [] as string[], rel(folder), problems);
    for (const name of names) {
      const file = rel(path.join(folder, name));
      const src = await readOptional<string | undefined>(
        () => fs.readFile(path.join(dir, folder, name)),
        undefined,
        file,
        problems,
      );
      if (src === undefined) continue;
      hash.update(`${folder}/${name}`).update(src);
      const parsed = parseYamlFile(file, src, problems);
      const value = validate(parsed, schema, problems, { flattenUnions: true });
      if (!value) continue;
      const push = (p: Problem) =>
        problems.push({ file, ...locate(parsed, p.path), path: formatPath(p.path), message: p.message });
      if (name !== entryFileName(value.id)) push({ path: ['id'], message: `id ${value.id} must live in ${folder}/${entryFileName(value.id)}` });
      const other = seen.get(value.id);
      if (other) push({ path: ['id'], message: `duplicate ${what} id ${value.id} (also in ${other})` });
      seen.set(value.id, file);
      entries.push({ value, push });
    }
    return entries;
  };

  const roleEntries = await readFolder('roles', roleSchema, 'role');
  const programEntries = await readFolder('programs', programSchema, 'program');
  const ids: CareerIds = {
    ...known,
    competencies: new Set(competencies?.competencies.map((c) => c.id)),
    roles: new Set(roleEntries.map((r) => r.value.id)),
  };
  for (const { value, push } of roleEntries) crossCheckRole(value, ids).forEach(push);
  for (const { value, push } of programEntries) crossCheckProgram(value, ids).forEach(push);

  let certificationPrep: CertificationPrep | null = null;
  const prepSrc = await readOptional<string | undefined>(
    () => fs.readFile(path.join(dir, 'certification-prep.yaml')),
    undefined,
    rel('certification-prep.yaml'),
    problems,
  );
  if (prepSrc !== undefined) {
    hash.update('certification-prep.yaml').update(prepSrc);
    const parsed = parseYamlFile(rel('certification-prep.yaml'), prepSrc, problems);
    const prep = validate(parsed, certificationPrepSchema, problems, { flattenUnions: true });
    if (prep) {
      crossCheckCertificationPrep(prep, ids).forEach((p) =>
        problems.push({ file: parsed.file, ...locate(parsed, p.path), path: formatPath(p.path), message: p.message }),
      );
      certificationPrep = prep;
    }
  }

  const roles = roleEntries.map((r) => r.value).sort((a, b) => a.id.localeCompare(b.id));
  const transitions: RoleTransition[] = roles.flatMap((r) => r.transitions.map((t) => ({ from: r.id, ...t })));
  const programs = programEntries.map((p) => p.value).sort((a, b) => a.id.localeCompare(b.id));
  return { competencies, roles, transitions, programs, certificationPrep };
}
