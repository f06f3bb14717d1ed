/**
 * Reading an uploaded profile file (YAML or JSON, docs/profile-format.md) into the quick check's
 * form, with every problem named by its path (`positions[0].start: not a date ...`), the way the
 * server and the command line name them. The page loads this module only when a file is chosen.
 */
import { LineCounter, parseDocument, visit } from 'yaml';
import type { z } from 'zod';
import { plainMessage } from '../../../../src/core/messages';
import { profileSchema } from '../../../../src/core/profile';
import { fromProfile, PROFILE_FORMAT, type ProfileDraft } from './profileMapping';

/** Largest file accepted, in bytes (the server's limit too). */
export const MAX_PROFILE_BYTES = 1024 * 1024;
/** At most this many problems are listed. */
const MAX_ISSUES = 20;

export interface FileIssue {
  /** e.g. `positions[0].start`; empty for the file as a whole. */
  path: string;
  message: string;
}

/** A file that is not a profile, or one with problems: `message` fits an alert, `issues` a list. */
export class ProfileFileError extends Error {
  constructor(
    message: string,
    readonly issues: FileIssue[] = [],
  ) {
    super(message);
    this.name = 'ProfileFileError';
  }
}

/** `positions[0].start: not a date (YYYY-MM-DD or YYYY-MM)`. */
export function issueText(issue: FileIssue): string {
  return issue.path ? `${issue.path}: ${issue.message}` : issue.message;
}

/**
 * The form's draft for a profile file's text: JSON when the name ends `.json` or the text starts
 * with `{`, else YAML.
 *
 * @throws ProfileFileError naming every problem with its path.
 */
export function readProfileFile(text: string, filename = 'profile.json'): ProfileDraft {
  return fromProfile(parseProfileDocument(text, filename));
}

/**
 * The profile document in a file's text, checked against the profile format: JSON when the name
 * ends `.json` or the text starts with `{`, else YAML. Used as it is by the record's import.
 *
 * @throws ProfileFileError naming every problem with its path.
 */
export function parseProfileDocument(text: string, filename = 'profile.json'): Record<string, unknown> {
  const size = new TextEncoder().encode(text).length;
  if (size > MAX_PROFILE_BYTES) {
    throw new ProfileFileError(
      `The file is ${size.toLocaleString('en-US')} bytes; a profile is at most 1 MB (${MAX_PROFILE_BYTES.toLocaleString('en-US')} bytes).`,
    );
  }
  if (text.trim() === '') throw new ProfileFileError('The file is empty.');
  const json = isJson(text, filename);
  const doc = json ? readJson(text) : readYaml(text);
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) {
    throw new ProfileFileError(
      `The file does not hold a profile: it must be a set of fields starting with format: ${PROFILE_FORMAT}.`,
    );
  }
  if ((doc as Record<string, unknown>).format !== PROFILE_FORMAT) {
    throw new ProfileFileError(`The file is not a profile: its "format" must be "${PROFILE_FORMAT}".`, [
      { path: 'format', message: `must be "${PROFILE_FORMAT}"` },
    ]);
  }
  const parsed = profileSchema.safeParse(doc, { error: plainMessage });
  if (!parsed.success) {
    const issues = parsed.error.issues.flatMap((i) => issuesOf(i, doc));
    const shown = issues.slice(0, MAX_ISSUES);
    if (issues.length > shown.length)
      shown.push({ path: '', message: `${issues.length - shown.length} more problems not listed` });
    const first = shown[0];
    throw new ProfileFileError(
      `The profile has ${issues.length === 1 ? 'a problem' : `${issues.length} problems`}${first ? `: ${issueText(first)}` : ''}`,
      shown,
    );
  }
  return doc as Record<string, unknown>;
}

function isJson(text: string, filename: string): boolean {
  const name = filename.toLowerCase();
  if (name.endsWith('.json')) return true;
  if (name.endsWith('.yaml') || name.endsWith('.yml')) return false;
  return text.trimStart().startsWith('{');
}

/* ------------------------------------------------------------------ syntax */

function readJson(text: string): unknown {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    const raw = e instanceof Error ? e.message : String(e);
    const pos = /position (\d+)/.exec(raw);
    const at = pos ? lineCol(text, Number(pos[1])) : undefined;
    throw new ProfileFileError(
      `The file is not valid JSON${at ? ` (line ${at.line}, column ${at.col})` : ''}. Choose a profile downloaded from this page, or a YAML or JSON profile.`,
    );
  }
  // JSON.parse keeps the last of two equal keys; the YAML reader (JSON is YAML) names them.
  duplicateKeys(text);
  return value;
}

function readYaml(text: string): unknown {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, uniqueKeys: false, prettyErrors: false });
  if (doc.errors.length) {
    const issues = doc.errors.slice(0, 5).map((e) => {
      const at = lines.linePos(e.pos[0]);
      const what = e.message.replace(/ at line \d+, column \d+:[\s\S]*$/, '').trim();
      return { path: '', message: `line ${at.line}, column ${at.col}: ${what}` };
    });
    throw new ProfileFileError(
      'The file is not valid YAML or JSON. Choose a profile downloaded from this page, or a YAML or JSON profile.',
      issues,
    );
  }
  let alias: string | undefined;
  visit(doc, {
    Alias(_key, node) {
      alias = node.source;
      return visit.BREAK;
    },
  });
  if (alias !== undefined) {
    throw new ProfileFileError(
      `The file uses the YAML alias *${alias}; aliases are not allowed in a profile. Write the value out in full.`,
    );
  }
  duplicateKeys(text);
  return doc.toJS();
}

/** Throws when a key is given twice in one object (in YAML or JSON). */
function duplicateKeys(text: string): void {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, uniqueKeys: true, prettyErrors: false });
  const duplicates = doc.errors.filter((e) => e.code === 'DUPLICATE_KEY');
  if (duplicates.length) {
    throw new ProfileFileError(
      'A field is given twice in the file; a field may appear only once.',
      duplicates.slice(0, MAX_ISSUES).map((e) => ({
        path: '',
        message: `line ${lines.linePos(e.pos[0]).line}: a field given twice`,
      })),
    );
  }
}

function lineCol(text: string, offset: number): { line: number; col: number } {
  const before = text.slice(0, offset);
  return { line: before.split('\n').length, col: offset - before.lastIndexOf('\n') };
}

/* ------------------------------------------------------------------ messages */

/** `['positions', 0, 'start']` -> `positions[0].start`. */
function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) out += typeof key === 'number' ? `[${key}]` : out ? `.${String(key)}` : String(key);
  return out;
}

function issuesOf(issue: z.core.$ZodIssue, root: unknown): FileIssue[] {
  if (issue.code === 'unrecognized_keys') {
    return issue.keys.map((k) => ({
      path: formatPath([...issue.path, k]),
      message: 'unknown field (check the spelling)',
    }));
  }
  return [withMissing({ path: formatPath(issue.path), message: issue.message }, valueAt(root, issue.path))];
}

/** A missing field is "required", whatever the schema says of a wrong value. */
function withMissing(issue: FileIssue, value: { found: boolean; value?: unknown }): FileIssue {
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

function valueAt(root: unknown, path: readonly PropertyKey[]): { found: boolean; value?: unknown } {
  let cur: unknown = root;
  for (const key of path) {
    if (cur === null || typeof cur !== 'object' || !Object.hasOwn(cur, key)) return { found: false };
    cur = (cur as Record<PropertyKey, unknown>)[key];
  }
  return { found: true, value: cur };
}

/** What loading a file gives the page: the draft, or what is wrong in words fit to show. */
export type LoadResult = { draft: ProfileDraft } | { error: { message: string; issues: string[] } };

/** {@link parseProfileDocument} without throwing, for the record's import page. */
export function loadProfileDocument(
  text: string,
  filename: string,
): { profile: Record<string, unknown> } | { error: { message: string; issues: string[] } } {
  try {
    return { profile: parseProfileDocument(text, filename) };
  } catch (e) {
    return { error: errorOf(e) };
  }
}

function errorOf(e: unknown): { message: string; issues: string[] } {
  if (e instanceof ProfileFileError) return { message: e.message, issues: e.issues.map(issueText) };
  return { message: e instanceof Error ? e.message : String(e), issues: [] };
}

/** {@link readProfileFile} without throwing, for the page (which loads this module on demand). */
export function loadProfileFile(text: string, filename: string): LoadResult {
  try {
    return { draft: readProfileFile(text, filename) };
  } catch (e) {
    return { error: errorOf(e) };
  }
}
