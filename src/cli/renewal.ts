/**
 * `pathways renewal <profile-file>`: am I on track to renew what I hold? One block per credential:
 * status, cycle window, days left, CE progress drawn as a bar per requirement, and the sentence that
 * explains it; the renewal report JSON with `--json`.
 */
import type { Command } from 'commander';
import { isValidDay } from '../core/dates.js';
import type { CredentialRenewal, RenewalStatus } from '../core/renewal.js';
import { cliToday } from '../services/clock.js';
import { renewalReport } from '../services/renewal-service.js';
import { readProfileFile } from './eligibility.js';
import { UsageError } from './errors.js';
import { cliCatalog } from './catalog-cache.js';

const statusWords: Record<RenewalStatus, string> = {
  complete: 'COMPLETE',
  on_track: 'ON TRACK',
  at_risk: 'AT RISK',
  credits_not_entered: 'CREDITS NOT ENTERED',
  due: 'DUE',
  lapsed: 'LAPSED',
  not_required: 'NO RENEWAL',
  unknown: 'UNKNOWN',
  untracked: 'NOT TRACKED',
};

/** `[#########-----------]` for `value` of `total`, `width` characters inside the brackets. */
export function bar(value: number, total: number, width = 20): string {
  const filled = total > 0 ? Math.min(width, Math.round((Math.min(value, total) / total) * width)) : 0;
  return `[${'#'.repeat(filled)}${'-'.repeat(width - filled)}]`;
}

const num = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(1));

function block(r: CredentialRenewal): string[] {
  const lines = [
    `${r.acronym}  ${statusWords[r.status]}${r.daysLeft !== null && r.daysLeft >= 0 ? `  ${r.daysLeft} days left` : ''}`,
  ];
  if (r.window)
    lines.push(
      `  cycle ${r.window.start} to ${r.window.end}${r.graceEnds ? ` (late renewal until ${r.graceEnds})` : ''}`,
    );
  for (const o of r.options) {
    if (o.required === null) continue;
    lines.push(
      `  ${o.label}: ${bar(o.earned, o.required)} ${num(o.earned)} of ${num(o.required)} ${o.unitLabel}s`,
    );
    for (const c of o.categories)
      if (c.min !== undefined)
        lines.push(
          `    ${bar(c.earned, c.min, 10)} ${num(Math.min(c.earned, c.min))} of ${num(c.min)} ${c.label}`,
        );
  }
  lines.push(`  ${r.explanation}`);
  if (r.reason && r.reason !== r.explanation) lines.push(`  ${r.reason}`);
  if (r.url) lines.push(`  Confirm with the issuer: ${r.url}`);
  return lines;
}

export function registerRenewalCommand(program: Command, out: (s: string) => void): void {
  program
    .command('renewal')
    .description(
      'Am I on track to renew the credentials in a profile? CE progress per requirement and the deadline',
    )
    .argument('<profile-file>', 'the profile, YAML or JSON (format: docs/profile-format.md; see examples/)')
    .option('--as-of <date>', 'answer for this date, YYYY-MM-DD (default: today)')
    .option('--json', 'print the renewal report JSON')
    .addHelpText(
      'after',
      '\nExamples:\n  pathways renewal examples/quality-director.yaml\n  pathways renewal me.yaml --as-of 2027-06-01 --json',
    )
    .action(async (file: string, opts: { asOf?: string; json?: boolean }) => {
      if (opts.asOf !== undefined && !isValidDay(opts.asOf))
        throw new UsageError('--as-of: not a date (YYYY-MM-DD)');
      const catalog = await cliCatalog();
      const profile = await readProfileFile(catalog, file);
      const { asOf, report } = renewalReport(catalog, profile, opts.asOf, cliToday());
      if (opts.json) {
        out(`${JSON.stringify(report, null, 2)}\n`);
        return;
      }
      if (report.credentials.length === 0) {
        out(`No credentials in ${file}: add them under "credentials" to track their renewal.\n`);
        return;
      }
      out(`Renewal status as of ${asOf}\n\n`);
      out(`${report.credentials.map((r) => block(r).join('\n')).join('\n\n')}\n`);
      out('\nGuidance, not a ruling: confirm renewal requirements with each issuing body.\n');
    });
}
