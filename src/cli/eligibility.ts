/**
 * `pathways eligibility <profile-file>`: am I eligible, what is missing, and when will I be?
 * Prints the verdicts grouped by when (now, on a date, not by time alone, rules unknown), or the
 * eligibility result JSON with `--json`.
 */
import { readFile, stat } from 'node:fs/promises';
import type { Command } from 'commander';
import type { Catalog } from '../catalog/schema.js';
import type { CertificationResult, EligibilityReport, PathwayResult } from '../core/eligibility.js';
import type { Profile } from '../core/profile.js';
import { checkEligibility, eligibilityOptionIssues } from '../services/eligibility-service.js';
import { cliToday } from '../services/clock.js';
import { AppError, type Issue } from '../services/errors.js';
import { MAX_PROFILE_BYTES, ProfileError, parseProfileText } from '../services/profile-service.js';
import { UsageError } from './errors.js';
import { cliCatalog } from './catalog-cache.js';

interface Options {
  asOf?: string;
  cert: string[];
  json?: boolean;
}

const collect = (value: string, previous: string[]) => [
  ...previous,
  ...value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean),
];

export function registerEligibilityCommand(program: Command, out: (s: string) => void): void {
  program
    .command('eligibility')
    .description(
      'Check a profile against the certifications: eligible now, on which date, or what is missing',
    )
    .argument('<profile-file>', 'the profile, YAML or JSON (format: docs/profile-format.md; see examples/)')
    .option('--as-of <date>', 'answer for this date, YYYY-MM-DD (default: today)')
    .option('--cert <id>', 'only this certification (repeat, or separate ids with commas)', collect, [])
    .option('--json', 'print the eligibility result JSON (every pathway and condition)')
    .addHelpText(
      'after',
      '\nExamples:\n  pathways eligibility examples/nurse-manager.yaml\n  pathways eligibility me.yaml --as-of 2027-06-01 --cert FACHE --cert CPHQ --json',
    )
    .action(async (file: string, opts: Options) => {
      const catalog = await cliCatalog();
      const options = { asOf: opts.asOf, certifications: opts.cert };
      const optionIssues = eligibilityOptionIssues(catalog, options);
      if (optionIssues.length)
        throw new UsageError(optionIssues.map((i) => optionMessage(catalog, i)).join('\n'));
      const profile = await readProfileFile(catalog, file);
      const report = checkEligibility(catalog, profile, options, cliToday());
      if (opts.json) out(`${JSON.stringify(report, null, 2)}\n`);
      else printReport(out, catalog, profile, report);
    });
}

function optionMessage(catalog: Catalog, issue: Issue): string {
  if (issue.path === 'asOf') return `--as-of: ${issue.message}`;
  return `--cert: ${issue.message} (known: ${catalog.certifications.map((c) => c.id).join(', ')})`;
}

/** Reads and checks a profile file; every problem becomes one UsageError (exit 2) listing each path. */
export async function readProfileFile(catalog: Catalog, file: string): Promise<Profile> {
  let text: string;
  try {
    const info = await stat(file);
    if (info.isDirectory()) throw new UsageError(`${file}: is a folder, not a profile file`);
    if (info.size > MAX_PROFILE_BYTES) {
      throw new UsageError(
        `${file}: the profile is ${info.size.toLocaleString('en-US')} bytes; the limit is 1 MB (${MAX_PROFILE_BYTES.toLocaleString('en-US')} bytes)`,
      );
    }
    text = await readFile(file, 'utf8');
  } catch (e) {
    if (e instanceof UsageError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : (e as Error).message;
    throw new UsageError(`${file}: cannot read the profile file (${why})`);
  }
  try {
    return parseProfileText(catalog, text, { filename: file });
  } catch (e) {
    if (e instanceof ProfileError) {
      const n = e.issues.length;
      const lines = e.issues.map((i) => `  ${i.path ? `${i.path}: ` : ''}${i.message}`);
      throw new UsageError(
        `${file}: ${n === 1 ? '1 problem' : `${n} problems`} (format: docs/profile-format.md)\n${lines.join('\n')}`,
      );
    }
    if (e instanceof AppError) throw new UsageError(`${file}: ${e.message}`);
    throw e;
  }
}

/* ------------------------------------------------------------------ the readable report */

/** The route to show: the one that gives the verdict, or the closest one when none holds. */
function shownPathway(result: CertificationResult): PathwayResult | undefined {
  const unmet = (p: PathwayResult) => p.conditions.filter((c) => !c.met && c.stage === 'apply').length;
  if (result.status === 'eligible') return result.pathways.find((p) => p.eligible);
  if (result.status === 'eligible_soon')
    return result.pathways.find((p) => p.earliestEligible === result.earliestEligible);
  return [...result.pathways].sort((a, b) => unmet(a) - unmet(b))[0];
}

function detailLines(result: CertificationResult, issuer: string): string[] {
  if (result.status === 'unknown') {
    return [`The catalog does not hold this certification's rules; ask ${issuer}.`];
  }
  const pathway = shownPathway(result);
  if (!pathway) return [];
  const lines: string[] = [];
  if (result.pathways.length > 1) {
    lines.push(`${result.status === 'needs_more_than_time' ? 'Closest route' : 'Route'}: ${pathway.label}`);
  }
  for (const c of pathway.conditions) {
    if (c.met) continue;
    if (c.stage === 'apply') lines.push(`- ${c.explanation}`);
    else if (result.status === 'eligible') lines.push(`- Then, before the award: ${c.explanation}`);
  }
  return lines;
}

function printReport(
  out: (s: string) => void,
  catalog: Catalog,
  profile: Profile,
  report: EligibilityReport,
): void {
  const issuers = new Map(catalog.vocabulary.organizations.map((o) => [o.id, o.acronym]));
  const certs = new Map(catalog.certifications.map((c) => [c.id, c]));
  const issuerOf = (r: CertificationResult) => {
    const id = certs.get(r.certification)?.issuer ?? '';
    return issuers.get(id) ?? id;
  };
  const groups = new Map<string, CertificationResult[]>();
  const add = (title: string, r: CertificationResult) => groups.set(title, [...(groups.get(title) ?? []), r]);
  const results = report.results;
  for (const r of results.filter((x) => x.status === 'eligible')) add('Eligible now', r);
  const soon = results
    .filter((x) => x.status === 'eligible_soon')
    .sort((a, b) => (a.earliestEligible ?? '').localeCompare(b.earliestEligible ?? ''));
  for (const r of soon) add(`Eligible on ${r.earliestEligible}`, r);
  for (const r of results.filter((x) => x.status === 'needs_more_than_time')) add('Needs more than time', r);
  for (const r of results.filter((x) => x.status === 'unknown')) add('Rules unknown', r);

  out(
    `Eligibility${profile.name ? ` of ${profile.name}` : ''} on ${report.asOf} (catalog ${catalog.version})\n`,
  );
  const width = Math.max(0, ...results.map((r) => r.certification.length)) + 2;
  const indent = ' '.repeat(width + 2);
  for (const [title, list] of groups) {
    out(`\n${title} (${list.length})\n`);
    for (const r of list) {
      const issuer = issuerOf(r);
      out(`  ${r.certification.padEnd(width)}${r.name} (${issuer})\n`);
      for (const line of detailLines(r, issuer)) out(`${indent}${line}\n`);
      out(`${indent}Rules checked ${r.verifiedAsOf}; confirm at ${r.url}\n`);
    }
  }
  if (!results.length) out('\nNo certifications to check.\n');
  out(
    '\nGuidance, not a ruling: confirm with the issuing body before you pay a fee. Dates assume your current jobs continue as they are. --json shows every condition with your values.\n',
  );
}
