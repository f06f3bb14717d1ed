/**
 * Every command shown in README.md, run as written, must succeed: a README change that no longer
 * works fails here. README is read when the test runs, so commands added later are covered.
 *
 * How a command is read (from ```bash blocks): `\` continues a line, `# ...` is a comment, and an
 * indented line that starts with `[` continues the synopsis above it. Synopsis notation is made
 * concrete, never dropped: `[...]` optional parts are all included (so every option shown is
 * exercised), `a | b` alternatives are run one by one, `...` (repeatable) is removed, and each
 * placeholder (`<profile-file>`, `ID`, `ROLE`, `N`, `YYYY-MM-DD`, `FILE`, `{...}`) gets a real value
 * from `examples/` or the catalog. A placeholder without a value fails the test by name.
 *
 * Against what: `pathways` is this checkout's bin (as `npm install` provides it), with its own
 * DATA_DIR; `curl localhost:3000` goes to a test server on a free port, and `--fail-with-body` is
 * added so an HTTP error fails the command. Long-running commands are skipped, each with its reason.
 */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { chmod, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { startTestServer, type TestServer } from './support/server';

const root = path.resolve(import.meta.dirname, '..');

/** Commands not run, by their first words, and why. */
export const SKIPPED: Array<{ prefix: string; why: string }> = [
  {
    prefix: 'npm install && npm start',
    why: 'installs and then serves until stopped (serving is tested in cli.e2e)',
  },
  { prefix: 'npm start', why: 'serves until stopped' },
  { prefix: 'pathways serve', why: 'serves until stopped; cli.e2e.test.ts starts and stops it' },
  { prefix: 'npm run dev', why: 'watches and serves until stopped' },
  { prefix: 'npm test', why: 'the whole suite, including this test' },
  { prefix: 'npm run test', why: 'a whole test suite, including this test, run by CI itself' },
  { prefix: 'npm run check', why: 'format, lint and typecheck of the whole tree: minutes; CI runs it first' },
  { prefix: 'npm run bench', why: 'benchmarks run for minutes and print ratios, not a pass/fail' },
  { prefix: 'npm run build', why: 'builds the web app (every browser test does this first)' },
];

export interface ReadmeCommand {
  /** As it appears in README (continuations joined, comment removed). */
  text: string;
  line: number;
}

/** The commands of README's ```bash blocks. */
export function readmeCommands(markdown: string): ReadmeCommand[] {
  const out: ReadmeCommand[] = [];
  const lines = markdown.split('\n');
  let inBash = false;
  let pending: ReadmeCommand | null = null;
  lines.forEach((raw, i) => {
    if (/^```/.test(raw)) {
      if (pending) out.push(pending);
      pending = null;
      inBash = !inBash && /^```(bash|sh|shell)\s*$/.test(raw);
      return;
    }
    if (!inBash) return;
    const line = raw.replace(/\s+#(?![^']*'[^']*$).*$/, '').replace(/^#.*$/, '');
    if (!line.trim()) return;
    const continues = pending && (/\\$/.test(pending.text) || /^\s+\[/.test(line));
    if (continues && pending) {
      pending.text = `${pending.text.replace(/\\$/, '').trimEnd()} ${line.trim()}`;
      return;
    }
    if (pending) out.push(pending);
    pending = { text: line.trim(), line: i + 1 };
  });
  if (pending) out.push(pending);
  return out;
}

/** `a [b [c]] | d` → the alternatives, each with every optional part included. */
export function concreteForms(command: string): string[] {
  const alternatives = splitTopLevel(command, '|');
  if (alternatives.length === 1) return [clean(command)];
  // `pathways framework export [--out FILE] | import FILE`: the second alternative shares the words
  // before the first alternative's verb.
  const first = clean(alternatives[0]!).split(' ');
  const flag = first.findIndex((w) => w.startsWith('-'));
  const prefix = first.slice(0, Math.max(1, (flag === -1 ? first.length : flag) - 1)).join(' ');
  return alternatives.map((a, i) => (i === 0 ? clean(a) : `${prefix} ${clean(a)}`));
}

function splitTopLevel(text: string, sep: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quote: string | null = null;
  let current = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quote) {
      if (ch === quote) quote = null;
    } else if (ch === "'" || ch === '"') quote = ch;
    else if (ch === '[') depth++;
    else if (ch === ']') depth--;
    else if (ch === sep && depth === 0 && text[i + 1] !== '|' && text[i - 1] !== '|') {
      parts.push(current);
      current = '';
      continue;
    }
    current += ch;
  }
  parts.push(current);
  return parts.map((p) => p.trim());
}

/** Optional brackets opened (outside quotes and URLs), repeat markers removed, spaces squeezed. */
function clean(text: string): string {
  let out = '';
  let quote: string | null = null;
  for (const ch of text) {
    if (quote) {
      if (ch === quote) quote = null;
      out += ch;
    } else if (ch === "'" || ch === '"') {
      quote = ch;
      out += ch;
    } else if (ch === '[' || ch === ']') out += ' ';
    else out += ch;
  }
  return out
    .replace(/(^|\s)\.\.\.(?=\s|$)/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * A real value for each placeholder, by the flag or command it follows. Returns the command and
 * the placeholders it could not fill.
 */
export function fillPlaceholders(
  command: string,
  values: Record<string, string>,
): { command: string; unknown: string[] } {
  const words = command.split(' ');
  const unknown: string[] = [];
  const isPlaceholder = (w: string) => /^<[^>]+>$/.test(w) || /^(?:[A-Z][A-Z-]*[A-Z]|N|dir)$/.test(w);
  let positional = 0;
  const out = words.map((w, i) => {
    if (!isPlaceholder(w)) return w;
    const before = words[i - 1] ?? '';
    const key = before.startsWith('-') ? `${before} ${w}` : w;
    const scoped = `${words.slice(0, 3).join(' ')}: ${w}#${positional++}`;
    const v = values[scoped] ?? values[key] ?? values[w];
    if (v === undefined) unknown.push(`${key} (or "${scoped}")`);
    return v ?? w;
  });
  return { command: out.join(' '), unknown };
}

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function bash(command: string, env: NodeJS.ProcessEnv): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      'bash',
      ['-c', command],
      { cwd: root, env, timeout: 110_000, maxBuffer: 50 * 1024 * 1024 },
      (err, stdout, stderr) =>
        resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}

describe('readme command parsing', () => {
  it('joins continuations, opens optional parts and splits alternatives', () => {
    const md = [
      '```bash',
      'pathways plan <profile-file> --to ROLE [--by YYYY-MM-DD]',
      '              [--online] [--json]',
      '                                      # dated plan',
      "curl -X POST localhost:3000/x -H 'a: b' \\",
      '  -d \'{"a": 1}\'',
      'pathways framework export [--out FILE] | import FILE [--out competencies.yaml]',
      '```',
      '```text',
      'not a command',
      '```',
    ].join('\n');
    const commands = readmeCommands(md).map((c) => c.text);
    expect(commands).toEqual([
      'pathways plan <profile-file> --to ROLE [--by YYYY-MM-DD] [--online] [--json]',
      "curl -X POST localhost:3000/x -H 'a: b' -d '{\"a\": 1}'",
      'pathways framework export [--out FILE] | import FILE [--out competencies.yaml]',
    ]);
    expect(concreteForms(commands[0]!)).toEqual([
      'pathways plan <profile-file> --to ROLE --by YYYY-MM-DD --online --json',
    ]);
    expect(concreteForms(commands[2]!)).toEqual([
      'pathways framework export --out FILE',
      'pathways framework import FILE --out competencies.yaml',
    ]);
    expect(
      fillPlaceholders('pathways plan <profile-file> --to ROLE --json', {
        '<profile-file>': 'p.yaml',
        '--to ROLE': 'cno',
      }),
    ).toEqual({
      command: 'pathways plan p.yaml --to cno --json',
      unknown: [],
    });
    expect(fillPlaceholders('pathways x --wat THING', {}).unknown).toEqual([
      '--wat THING (or "pathways x --wat: THING#0")',
    ]);
  });
});

describe('every command in README.md', () => {
  let server: TestServer;
  let dir: string;
  let env: NodeJS.ProcessEnv;
  let values: Record<string, string>;

  beforeAll(async () => {
    server = await startTestServer();
    dir = await mkdtemp(path.join(os.tmpdir(), 'pathways-readme-'));
    // `pathways` as `npm install` provides it: this checkout's bin on the PATH.
    await writeFile(
      path.join(dir, 'pathways'),
      `#!/bin/sh\nexec "${process.execPath}" "${path.join(root, 'bin', 'pathways.js')}" "$@"\n`,
    );
    await chmod(path.join(dir, 'pathways'), 0o755);
    env = {
      ...process.env,
      PATH: `${dir}:${path.dirname(process.execPath)}:${process.env.PATH ?? ''}`,
      DATA_DIR: path.join(dir, 'data'),
      LOG_LEVEL: 'warn',
      TZ: 'UTC',
    };
    delete env.DATABASE_URL;
    const nurseManager = parse(await readFile(path.join(root, 'examples', 'nurse-manager.yaml'), 'utf8'));
    const caseFile = path.join(dir, 'framework.case.json');
    values = {
      '<profile-file>': 'examples/nurse-manager.yaml',
      'YYYY-MM-DD': '2026-12-02',
      '--by YYYY-MM-DD': '2032-12-31',
      '--cert ID': 'CNML',
      '--role ID': 'director-of-nursing',
      '--to ROLE': 'director-of-nursing',
      '--from ROLE': 'nurse-manager',
      '--issuer ANCC': 'ANCC',
      '-X POST': 'POST',
      dir: 'catalog',
      '--budget N': '6000',
      '--budget-per-year N': '3000',
      '--hours-per-week N': '5',
      '--profile FILE': 'examples/quality-analyst.yaml',
      'pathways programs compare: ID#0': 'gwu-graduate-certificate-health-care-quality',
      'pathways programs compare: ID#1': 'jefferson-graduate-certificate-healthcare-quality-safety',
      'pathways programs compare: ID#2': 'edx-harvardx-improving-global-health-quality-safety',
      'pathways programs compare: ID#3': 'cmich-health-systems-leadership-certificate',
      '--out FILE': caseFile,
      'pathways framework import: FILE#0': caseFile,
      '{...}': JSON.stringify(nurseManager),
    };
  }, 180_000);
  afterAll(async () => {
    await server?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  // One test per command (read from README.md when this file runs), so a failure or a hang names it.
  const readme = readFileSync(path.join(root, 'README.md'), 'utf8');
  const commands = readmeCommands(readme);

  it('finds the commands', () => {
    expect(commands.length).toBeGreaterThan(20);
  });

  for (const c of commands) {
    const skip = SKIPPED.find(
      (s) => c.text === s.prefix || c.text.startsWith(`${s.prefix} `) || c.text.startsWith(`${s.prefix}:`),
    );
    if (skip) {
      it.skip(`README.md:${c.line} ${c.text} (skipped: ${skip.why})`, () => undefined);
      continue;
    }
    it(`README.md:${c.line} ${c.text}`, async () => {
      for (const form of concreteForms(c.text)) {
        const filled = fillPlaceholders(form.replace('{...}', values['{...}']!), values);
        expect(
          filled.unknown,
          `no value for a placeholder: add one in e2e/readme-commands.e2e.test.ts`,
        ).toEqual([]);
        // `competencies.yaml` is written where the command runs: keep it out of the checkout.
        let command = filled.command.replace(
          /--out competencies\.yaml/,
          `--out ${path.join(dir, 'competencies.yaml')}`,
        );
        if (/^curl\b/.test(command))
          command = command
            .replace(/localhost:3000/g, server.baseUrl.replace('http://', ''))
            .replace(/^curl\b/, 'curl --fail-with-body -sS');
        const run = await bash(command, env);
        expect(run.code, `${command.slice(0, 200)}: ${(run.stderr || run.stdout).trim().slice(0, 400)}`).toBe(
          0,
        );
      }
    }, 120_000);
  }
});
