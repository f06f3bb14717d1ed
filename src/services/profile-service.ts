/**
 * Reading a profile (docs/profile-format.md) safely from YAML or JSON text, checking it against the
 * profile schema and the catalog's vocabularies, and writing it back out.
 *
 * Every problem is reported at once as `{path, message}` (`positions[1].start: not a date ...`),
 * so a person can fix a file in one pass. Untrusted text is bounded: at most 1 MB, no YAML
 * aliases (an alias bomb is refused before anything is expanded), no duplicate keys.
 */
import {
  isAlias,
  isMap,
  isPair,
  isScalar,
  isSeq,
  LineCounter,
  parseDocument,
  stringify,
  type Document,
} from 'yaml';
import type { Catalog } from '../catalog/schema.js';
import { isValidDay, isValidMonth } from '../core/dates.js';
import { describeValue, plainMessage } from '../core/messages.js';
import { profileSchema, type Profile } from '../core/profile.js';
import { AppError, formatPath, issuesOf, summarizeIssues, ValidationError, type Issue } from './errors.js';

/** Largest profile document accepted, in bytes. */
export const MAX_PROFILE_BYTES = 1024 * 1024;
/** YAML/JSON nesting deeper than this is refused (a profile is at most five levels deep). */
const MAX_DEPTH = 32;
/** At most this many problems are listed; a file with more is summarised. */
const MAX_ISSUES = 100;

export type ProfileSyntax = 'yaml' | 'json';

export interface ProfileSource {
  /** File name; `.json` means JSON, `.yaml` / `.yml` YAML. */
  filename?: string;
  /** HTTP content type; `json` in it means JSON, `yaml` YAML. */
  contentType?: string;
}

/** A profile that could not be read or does not follow the format: every problem, with its path. */
export class ProfileError extends ValidationError {
  constructor(readonly issues: Issue[]) {
    super(summarizeIssues(issues), { issues }, 'invalid_profile');
    this.name = 'ProfileError';
  }

  /** The same problems with paths under `prefix` (`profile` -> `profile.positions[1].start`). */
  prefixed(prefix: string): ProfileError {
    return new ProfileError(
      this.issues.map((i) => ({
        path: i.path ? (i.path.startsWith('[') ? `${prefix}${i.path}` : `${prefix}.${i.path}`) : prefix,
        message: i.message,
      })),
    );
  }
}

/** Which syntax a document is written in, from its file name or content type, else its first character. */
export function profileSyntax(text: string, source: ProfileSource = {}): ProfileSyntax {
  const name = source.filename?.toLowerCase();
  if (name?.endsWith('.json')) return 'json';
  if (name?.endsWith('.yaml') || name?.endsWith('.yml')) return 'yaml';
  const type = source.contentType?.toLowerCase();
  if (type?.includes('json')) return 'json';
  if (type?.includes('yaml')) return 'yaml';
  return text.trimStart().startsWith('{') ? 'json' : 'yaml';
}

/**
 * Reads a profile document without checking its fields: refuses more than 1 MB, YAML aliases,
 * duplicate keys and syntax errors with a {@link ProfileError} (413 {@link AppError} when too large).
 *
 * @example
 * readProfileDocument('format: hm-pathways/profile@1\n', { filename: 'me.yaml' }); // {format: '...'}
 */
export function readProfileDocument(text: string, source: ProfileSource = {}): unknown {
  const bytes = Buffer.byteLength(text, 'utf8');
  if (bytes > MAX_PROFILE_BYTES) {
    throw new AppError(
      413,
      'profile_too_large',
      `The profile is ${bytes.toLocaleString('en-US')} bytes; the limit is 1 MB (${MAX_PROFILE_BYTES.toLocaleString('en-US')} bytes).`,
    );
  }
  if (text.trim() === '') throw new ProfileError([{ path: '', message: 'the profile is empty' }]);
  return profileSyntax(text, source) === 'json' ? readJson(text) : readYaml(text);
}

/**
 * Checks a parsed profile against the format and the catalog: unknown fields, bad dates, FTE out
 * of range, ends before starts, and every id the catalog owns (experience kinds, credentials,
 * organizations, membership types, CE categories, credit units, attestations).
 *
 * @throws ProfileError listing every problem.
 */
export function validateProfile(catalog: Catalog, value: unknown): Profile {
  if (!isRecord(value)) {
    throw new ProfileError([
      {
        path: '',
        message: `the profile must be a set of fields (format, education, positions, ...), not ${describeValue(value)}`,
      },
    ]);
  }
  const parsed = profileSchema.safeParse(value, { error: plainMessage });
  const schemaIssues = parsed.success ? [] : issuesOf(parsed.error).map((i) => withMissing(i, value));
  const issues = dedupe([...schemaIssues, ...orderIssues(value), ...vocabularyIssues(catalog, value)]);
  if (issues.length || !parsed.success) throw new ProfileError(capped(sortIssues(issues)));
  return parsed.data;
}

/**
 * Reads and checks a profile written as YAML or JSON.
 *
 * @example
 * const profile = parseProfileText(catalog, await readFile('examples/nurse-manager.yaml', 'utf8'), {
 *   filename: 'nurse-manager.yaml',
 * });
 * @throws ProfileError listing every problem with its path; AppError 413 above 1 MB.
 */
export function parseProfileText(catalog: Catalog, text: string, source: ProfileSource = {}): Profile {
  return validateProfile(catalog, readProfileDocument(text, source));
}

/** Writes a profile as YAML or JSON that {@link parseProfileText} reads back to the same profile. */
export function serializeProfile(profile: Profile, syntax: ProfileSyntax): string {
  if (syntax === 'json') return `${JSON.stringify(profile, null, 2)}\n`;
  return stringify(profile, { lineWidth: 0 });
}

/* ------------------------------------------------------------------ syntax */

function readJson(text: string): unknown {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    throw new ProfileError([{ path: '', message: jsonSyntaxMessage(text, (e as Error).message) }]);
  }
  const issues = jsonKeyIssues(text);
  if (issues.length) throw new ProfileError(capped(issues));
  return value;
}

function jsonSyntaxMessage(text: string, raw: string): string {
  const pos = /position (\d+)/.exec(raw);
  const what = raw.replace(/ in JSON at position \d+.*$/s, '').replace(/^JSON\.parse: /, '');
  if (!pos) return `not valid JSON: ${what}`;
  const { line, col } = lineCol(text, Number(pos[1]));
  return `not valid JSON (line ${line}, column ${col}): ${what}`;
}

function lineCol(text: string, offset: number): { line: number; col: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, col: offset - before.lastIndexOf('\n') };
}

type JsonFrame =
  | { kind: 'object'; keys: Map<string, number>; key?: string; expectKey: boolean }
  | { kind: 'array'; index: number };

/**
 * Duplicate keys, `__proto__` keys and excessive nesting in text that JSON.parse accepted
 * (JSON.parse silently keeps the last of two equal keys).
 */
function jsonKeyIssues(text: string): Issue[] {
  const stack: JsonFrame[] = [];
  const issues: Issue[] = [];
  const here = (extra: string | number) => [
    ...stack.slice(0, -1).map((f) => (f.kind === 'object' ? (f.key ?? '') : f.index)),
    extra,
  ];
  let line = 1;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '\n') {
      line++;
    } else if (ch === '"') {
      let j = i + 1;
      while (j < text.length && text[j] !== '"') j += text[j] === '\\' ? 2 : 1;
      const top = stack.at(-1);
      if (top?.kind === 'object' && top.expectKey) {
        const key = JSON.parse(text.slice(i, j + 1)) as string;
        const first = top.keys.get(key);
        if (first !== undefined) {
          issues.push({
            path: formatPath(here(key)),
            message: `given twice (lines ${first} and ${line}); a field may appear only once`,
          });
        } else if (key === '__proto__') {
          issues.push({ path: formatPath(here(key)), message: 'a field named __proto__ is not allowed' });
        }
        top.keys.set(key, first ?? line);
        top.key = key;
        top.expectKey = false;
      }
      i = j;
    } else if (ch === '{' || ch === '[') {
      if (stack.length >= MAX_DEPTH) {
        return [{ path: '', message: `nested more than ${MAX_DEPTH} levels deep; a profile never is` }];
      }
      stack.push(
        ch === '{' ? { kind: 'object', keys: new Map(), expectKey: true } : { kind: 'array', index: 0 },
      );
    } else if (ch === '}' || ch === ']') {
      stack.pop();
    } else if (ch === ',') {
      const top = stack.at(-1);
      if (top?.kind === 'object') top.expectKey = true;
      else if (top) top.index++;
    }
  }
  return issues;
}

/**
 * A quick upper bound on how deeply YAML text nests, in one pass without parsing: open flow
 * brackets (`[`, `{` outside quotes and comments), plus the block indentation levels in force,
 * plus compact `- ` / `? ` entries that start a line. It never underestimates, so text it
 * passes cannot make the parser recurse deeper; it stops at the first line over `limit`.
 * Returns the line number of that line, or undefined.
 */
function yamlTooDeepAt(text: string, limit: number): number | undefined {
  const indents: number[] = [];
  let flow = 0;
  let lineNo = 0;
  for (let start = 0; start < text.length;) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    lineNo++;
    let i = start;
    while (i < end && (text[i] === ' ' || text[i] === '\t')) i++;
    if (i < end && text[i] !== '#' && text[i] !== '\r') {
      const indent = i - start;
      while (indents.length && indents[indents.length - 1]! >= indent) indents.pop();
      indents.push(indent);
      let compact = 0;
      while (
        i + 1 < end &&
        (text[i] === '-' || text[i] === '?') &&
        (text[i + 1] === ' ' || text[i + 1] === '\t')
      ) {
        if (indents.length + ++compact + flow > limit) return lineNo;
        i += 2;
        while (i < end && text[i] === ' ') i++;
      }
      let quote: string | undefined;
      let peak = flow;
      for (; i < end; i++) {
        const ch = text[i];
        if (quote) {
          if (ch === '\\' && quote === '"') i++;
          else if (ch === quote) quote = undefined;
        } else if (ch === '"' || ch === "'") quote = ch;
        else if (ch === '#' && (i === start || text[i - 1] === ' ')) break;
        else if (ch === '[' || ch === '{') {
          peak = Math.max(peak, ++flow);
          if (indents.length + compact + peak > limit) return lineNo;
        } else if ((ch === ']' || ch === '}') && flow > 0) flow--;
      }
      if (indents.length + compact + peak > limit) return lineNo;
    }
    start = end + 1;
  }
  return undefined;
}

function readYaml(text: string): unknown {
  // Refused before parsing: the parser's time and stack grow with the nesting (100,000 levels took
  // seconds and blocked every other request meanwhile).
  const deepAt = yamlTooDeepAt(text, 2 * MAX_DEPTH);
  if (deepAt !== undefined)
    throw new ProfileError([
      { path: '', message: `nested more than ${MAX_DEPTH} levels deep (line ${deepAt}); a profile never is` },
    ]);
  const lineCounter = new LineCounter();
  let doc: Document.Parsed;
  try {
    // Duplicate keys are found by the walk below, which knows their paths.
    doc = parseDocument(text, { lineCounter, uniqueKeys: false, prettyErrors: false });
  } catch {
    throw new ProfileError([
      { path: '', message: 'not valid YAML (the parser gave up; is it nested too deeply?)' },
    ]);
  }
  if (doc.errors.length) {
    throw new ProfileError(
      doc.errors.slice(0, 10).map((e) => {
        const at = e.linePos?.[0] ?? lineCounter.linePos(e.pos[0]);
        const what = e.message.replace(/ at line \d+, column \d+:[\s\S]*$/, '').trim();
        return { path: '', message: `not valid YAML (line ${at.line}, column ${at.col}): ${what}` };
      }),
    );
  }
  const issues: Issue[] = [];
  const aliases = { count: 0, first: undefined as Issue | undefined };
  const line = (node: unknown) => {
    const range = (node as { range?: [number, number, number] } | null)?.range;
    return range ? lineCounter.linePos(range[0]).line : undefined;
  };
  const walk = (node: unknown, path: (string | number)[]): void => {
    if (path.length > MAX_DEPTH) {
      issues.push({ path: formatPath(path), message: `nested more than ${MAX_DEPTH} levels deep` });
      return;
    }
    if (isAlias(node)) {
      aliases.count++;
      aliases.first ??= {
        path: formatPath(path),
        message: `uses the YAML alias *${node.source} (line ${line(node)}); aliases are not allowed in a profile, write the value out in full`,
      };
      return;
    }
    if (isMap(node)) {
      const seen = new Map<string, number | undefined>();
      for (const pair of node.items) {
        if (!isPair(pair)) continue;
        if (isAlias(pair.key)) {
          walk(pair.key, path);
          continue;
        }
        if (!isScalar(pair.key)) {
          issues.push({
            path: formatPath(path),
            message: `has a key that is not plain text (line ${line(pair.key)})`,
          });
          continue;
        }
        const key = String(pair.key.value);
        const at = line(pair.key);
        if (seen.has(key)) {
          issues.push({
            path: formatPath([...path, key]),
            message: `given twice (lines ${seen.get(key)} and ${at}); a field may appear only once`,
          });
        } else seen.set(key, at);
        walk(pair.value, [...path, key]);
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, i) => walk(item, [...path, i]));
    }
  };
  walk(doc.contents, []);
  if (aliases.first) {
    issues.push(
      aliases.count > 1
        ? { ...aliases.first, message: `${aliases.first.message} (${aliases.count} aliases found)` }
        : aliases.first,
    );
  }
  if (issues.length) throw new ProfileError(capped(issues));
  // No aliases are left, so nothing can expand; maxAliasCount 0 is a second guard.
  return doc.toJS({ maxAliasCount: 0 });
}

/* ------------------------------------------------------------------ messages */

/** A missing or empty field is "required", whatever the schema's message for a wrong value. */
function withMissing(issue: Issue, root: unknown): Issue {
  const value = valueAt(root, issue.path);
  if (value.found && value.value !== undefined && value.value !== null) return issue;
  if (issue.message === 'is required' || issue.message.startsWith('has no value')) return issue;
  const head = value.found ? 'has no value' : 'is required';
  const hint = issue.message.startsWith('not ')
    ? `: ${issue.message.slice(4)}`
    : issue.message.startsWith('must be ')
      ? ` and ${issue.message}`
      : ` (${issue.message})`;
  return { ...issue, message: `${head}${hint}` };
}

function valueAt(root: unknown, path: string): { found: boolean; value?: unknown } {
  let cur: unknown = root;
  for (const m of path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)) {
    if (cur === null || typeof cur !== 'object') return { found: false };
    const key = m[2] !== undefined ? Number(m[2]) : m[1]!;
    if (!Object.hasOwn(cur, key)) return { found: false };
    cur = (cur as Record<string | number, unknown>)[key];
  }
  return { found: true, value: cur };
}

/** The first {@link MAX_ISSUES} problems, and how many more there are. */
function capped(issues: Issue[]): Issue[] {
  if (issues.length <= MAX_ISSUES) return issues;
  const rest = issues.length - MAX_ISSUES;
  return [...issues.slice(0, MAX_ISSUES), { path: '', message: `${rest} more problems not listed` }];
}

function dedupe(issues: Issue[]): Issue[] {
  const seen = new Set<string>();
  return issues.filter((i) => {
    const k = `${i.path}\u0000${i.message}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

const fieldOrder = Object.keys(profileSchema.shape);

/** In the order of the file: top-level field order of the format, then entry number. */
function sortIssues(issues: Issue[]): Issue[] {
  const key = (i: Issue) => {
    const m = /^([^.[]*)(?:\[(\d+)\])?/.exec(i.path);
    const top = fieldOrder.indexOf(m?.[1] ?? '');
    return [top === -1 ? -1 : top, m?.[2] ? Number(m[2]) : -1] as const;
  };
  return issues
    .map((issue, n) => ({ issue, n, k: key(issue) }))
    .sort((a, b) => a.k[0] - b.k[0] || a.k[1] - b.k[1] || a.n - b.n)
    .map((x) => x.issue);
}

/* ------------------------------------------------------------------ cross-field and catalog checks */

type Raw = Record<string, unknown>;
const isRecord = (v: unknown): v is Raw => v !== null && typeof v === 'object' && !Array.isArray(v);
const entries = (v: unknown): [number, Raw][] =>
  Array.isArray(v) ? v.flatMap((x, i) => (isRecord(x) ? [[i, x] as [number, Raw]] : [])) : [];
const isDate = (d: unknown): d is string =>
  typeof d === 'string' &&
  (/^\d{4}-\d{2}$/.test(d) ? isValidMonth(d) : /^\d{4}-\d{2}-\d{2}$/.test(d) && isValidDay(d));
const ID = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/;
/** First and last day a profile date covers, as comparable strings. */
const firstDay = (d: string) => (d.length === 7 ? `${d}-01` : d);
const lastDay = (d: string) => (d.length === 7 ? `${d}-31` : d);

/** "end before start" and its kin, checked even when other fields of the entry are wrong. */
function orderIssues(profile: Raw): Issue[] {
  const issues: Issue[] = [];
  const check = (list: string, from: string, to: string) => {
    for (const [i, e] of entries(profile[list])) {
      const a = e[from];
      const b = e[to];
      if (isDate(a) && isDate(b)) {
        if (lastDay(b) < firstDay(a))
          issues.push({ path: `${list}[${i}].${to}`, message: `must not be before ${from}` });
      }
    }
  };
  check('positions', 'start', 'end');
  check('credentials', 'earned', 'expires');
  check('memberships', 'since', 'until');
  return issues;
}

interface Vocab {
  what: string;
  ids: Map<string, string>;
}

function vocab(what: string, ids: Iterable<string>): Vocab {
  return { what, ids: new Map([...ids].map((id) => [id.toLowerCase(), id])) };
}

function unknownId(v: Vocab, id: string): string | undefined {
  const exact = v.ids.get(id.toLowerCase());
  if (exact === id) return undefined;
  if (exact) return `unknown ${v.what} "${id}" (did you mean "${exact}"?)`;
  return `unknown ${v.what} "${id}" (known: ${[...v.ids.values()].join(', ')})`;
}

const vocabCache = new WeakMap<Catalog, Record<string, Vocab>>();

function vocabularies(catalog: Catalog): Record<string, Vocab> {
  let v = vocabCache.get(catalog);
  if (!v) {
    const voc = catalog.vocabulary;
    v = {
      kind: vocab(
        'experience kind',
        voc.experienceKinds.map((k) => k.id),
      ),
      credential: vocab('credential', [
        ...catalog.certifications.map((c) => c.id),
        ...voc.credentials.map((c) => c.id),
      ]),
      organization: vocab(
        'organization',
        voc.organizations.map((o) => o.id),
      ),
      membershipType: vocab(
        'membership type',
        voc.membershipTypes.map((m) => m.id),
      ),
      category: vocab(
        'CE category',
        voc.ceCategories.map((c) => c.id),
      ),
      unit: vocab(
        'credit unit',
        voc.creditUnits.map((u) => u.id),
      ),
      attestation: vocab(
        'attestation',
        voc.attestations.map((a) => a.id),
      ),
    };
    vocabCache.set(catalog, v);
  }
  return v;
}

/** Every catalog id the profile uses, checked against the catalog (on the raw value, so all are listed). */
function vocabularyIssues(catalog: Catalog, profile: Raw): Issue[] {
  const v = vocabularies(catalog);
  const issues: Issue[] = [];
  const check = (path: string, value: unknown, voc: Vocab) => {
    if (typeof value !== 'string' || !ID.test(value)) return;
    const message = unknownId(voc, value);
    if (message) issues.push({ path, message });
  };
  for (const [i, p] of entries(profile.positions)) {
    if (Array.isArray(p.kinds)) p.kinds.forEach((k, j) => check(`positions[${i}].kinds[${j}]`, k, v.kind!));
  }
  for (const [i, c] of entries(profile.credentials)) check(`credentials[${i}].id`, c.id, v.credential!);
  for (const [i, a] of entries(profile.ce)) {
    check(`ce[${i}].category`, a.category, v.category!);
    for (const [k, cr] of entries(a.credits)) {
      check(`ce[${i}].credits[${k}].unit`, cr.unit, v.unit!);
      check(`ce[${i}].credits[${k}].category`, cr.category, v.category!);
    }
  }
  for (const [i, m] of entries(profile.memberships)) {
    check(`memberships[${i}].id`, m.id, v.organization!);
    check(`memberships[${i}].type`, m.type, v.membershipType!);
  }
  if (Array.isArray(profile.attestations)) {
    profile.attestations.forEach((a, i) => check(`attestations[${i}]`, a, v.attestation!));
  }
  return issues;
}
