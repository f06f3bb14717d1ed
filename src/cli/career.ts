/**
 * `pathways gaps`, `pathways recommend` and `pathways programs compare`: competency gaps for a
 * target role, the programs and certifications that close them within a person's constraints,
 * and programs side by side. Printing only; the work is in services/career-service.ts.
 */
import { InvalidArgumentError, type Command } from 'commander';
import type { Program } from '../catalog/career-schema.js';
import type { Catalog } from '../catalog/schema.js';
import { isValidDay } from '../core/dates.js';
import type { GapReport } from '../core/gaps.js';
import type { RecommendConstraints, Recommendation } from '../core/recommend.js';
import {
  CareerInputError,
  comparePrograms,
  gapsForProfile,
  recommendForProfile,
  type ComparedProgram,
} from '../services/career-service.js';
import { cliToday } from '../services/clock.js';
import { latestRatings } from '../core/gaps.js';
import { readProfileFile } from './eligibility.js';
import { UsageError } from './errors.js';
import { bar } from './renewal.js';
import { printTable } from './table.js';
import { cliCatalog } from './catalog-cache.js';

function nonNegative(flag: string) {
  return (value: string): number => {
    const n = Number(value);
    if (value.trim() === '' || !Number.isFinite(n) || n < 0)
      throw new InvalidArgumentError(`${flag} must be a number, 0 or more`);
    return n;
  };
}

function positive(flag: string) {
  return (value: string): number => {
    const n = Number(value);
    if (value.trim() === '' || !Number.isFinite(n) || n <= 0 || n > 80) {
      throw new InvalidArgumentError(`${flag} must be a number more than 0 and at most 80`);
    }
    return n;
  };
}

function date(flag: string) {
  return (value: string): string => {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || !isValidDay(value))
      throw new InvalidArgumentError(`${flag}: not a date (YYYY-MM-DD)`);
    return value;
  };
}

/** Runs a service call; input problems become exit-2 usage errors listing every field. */
function checked<T>(work: () => T): T {
  try {
    return work();
  } catch (e) {
    if (e instanceof CareerInputError) {
      throw new UsageError(e.issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join('\n'));
    }
    throw e;
  }
}

function roleHint(catalog: Catalog, role: string | undefined): string {
  if (!role) throw new UsageError(`--role is required. Roles: ${catalog.roles.map((r) => r.id).join(', ')}`);
  return role;
}

const usd = (n: number) => `$${String(Math.round(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ',')}`;

/* ------------------------------------------------------------------ printing */

export function printGaps(out: (s: string) => void, report: GapReport): void {
  out(
    `${report.role.title} — competency gaps${report.assessedOn ? ` (self-assessment of ${report.assessedOn})` : ''}\n`,
  );
  out(`${report.summary}\n\n`);
  printTable(
    out,
    ['#', 'Competency', 'Me', 'Target', 'Gap', 'Weight', 'Score'],
    report.items.map((i, n) => [
      String(n + 1),
      i.label,
      i.rating === null ? 'not rated' : String(i.rating),
      `${i.target}${i.targetJudgement ? '*' : ''}`,
      i.status === 'met' ? 'met' : i.gap === null ? '?' : String(i.gap),
      String(i.importance),
      i.score === null ? '?' : String(i.score),
    ]),
  );
  out('\nBy domain (mean of the role’s competencies, 1–5):\n');
  for (const d of report.domains) {
    if (d.target === null) continue;
    const me = d.rating === null ? 'not rated' : d.rating.toFixed(1);
    out(
      `  ${d.name.padEnd(42)} me ${bar(d.rating ?? 0, 5, 10)} ${me.padEnd(9)} target ${bar(d.target, 5, 10)} ${d.target.toFixed(1)}\n`,
    );
  }
  out(
    '\n* target level is our judgement. Weight: 3 for a level-5 target, 2 for level 4, else 1. Score = gap × weight.\n',
  );
}

export function printRecommendation(out: (s: string) => void, r: Recommendation): void {
  out(`Recommendations for ${r.role.title} (as of ${r.asOf})\n${r.summary}\n\n`);
  r.picks.forEach((p, n) => {
    out(
      `${n + 1}. ${p.name} — ${p.kind === 'certification' ? 'certification exam' : p.provider}\n` +
        `   ${p.start} → ${p.end}   ${usd(p.costUsd)}   ${p.months} month${p.months === 1 ? '' : 's'}${p.weeklyHours !== null ? `, ~${p.weeklyHours} h/week` : ''}\n`,
    );
    for (const w of p.why) out(`   ${w}\n`);
    out('\n');
  });
  if (r.picks.length) {
    out(
      `Total: ${usd(r.totals.costUsd)}${r.constraints.budget !== undefined ? ` of ${usd(r.constraints.budget)}` : ''}, ` +
        `done by ${r.totals.finish}, closes ${r.totals.coveredPercent} % of your weighted gap ${bar(r.totals.points, r.totals.gapPoints)}\n`,
    );
  }
  out(
    `${r.guarantee}${r.method === 'greedy' ? ` At least ${r.bound.atLeastPercent} % of the best possible.` : ''}\n`,
  );
  if (r.uncovered.length) {
    const why = {
      no_option: 'nothing in the catalog covers it',
      constraints: 'only options outside your constraints',
      capacity: 'budget or time ran out',
    };
    out('\nStill open:\n');
    for (const u of r.uncovered)
      out(`  ${u.label} (${u.gap} level${u.gap === 1 ? '' : 's'}): ${why[u.reason]}\n`);
  }
  if (r.unrated.length)
    out(`\nNot rated (rate them to include them): ${r.unrated.map((u) => u.label).join(', ')}\n`);
  if (r.worthALook.length) {
    out('\nWorth a look (price or length not published, so not counted):\n');
    for (const w of r.worthALook) out(`  ${w.name} (${w.missing.join(' and ')} unknown)\n`);
  }
  if (r.medicalLiteracy) {
    out(`\nMedical literacy for managers: ${r.medicalLiteracy.reason}\n`);
    for (const o of r.medicalLiteracy.options) {
      out(
        `  ${o.name}${o.costUsd === null ? ' (price not published)' : ` (${usd(o.costUsd)})`}${o.fits ? '' : ' — outside your constraints'}\n`,
      );
    }
  }
}

const unknownText = 'unknown';
const yesNo = (v: boolean | 'unknown') => (v === 'unknown' ? unknownText : v ? 'yes' : 'no');

function costText(p: Program): string {
  return p.cost === 'unknown' ? unknownText : `${usd(p.cost.usd)} (${p.cost.asOf})`;
}
function durationText(p: Program): string {
  if (p.duration === 'unknown') return unknownText;
  return p.duration.months !== undefined ? `${p.duration.months} months` : `${p.duration.hours} hours`;
}
function ceText(p: Program): string {
  if (p.ce === 'unknown') return unknownText;
  if (p.ce === 'none') return 'none';
  return p.ce.map((c) => `${c.amount} ${c.unit} (${c.acceptedFor.join(', ')})`).join('; ');
}

export function printComparison(out: (s: string) => void, programs: ComparedProgram[]): void {
  const rows: Array<[string, (c: ComparedProgram) => string]> = [
    ['Provider', (c) => c.program.provider],
    ['Format', (c) => c.program.format.replace(/_/g, ' ')],
    ['Modality', (c) => c.program.modality.replace(/_/g, ' ')],
    [
      'Accreditation',
      (c) => (c.program.accreditation === 'unknown' ? unknownText : c.program.accreditation.join(', ')),
    ],
    ['Duration', (c) => durationText(c.program)],
    ['Cost', (c) => costText(c.program)],
    ['CE credit', (c) => ceText(c.program)],
    ['Capstone', (c) => yesNo(c.program.capstone)],
    ['Practicum', (c) => yesNo(c.program.practicum)],
    ['Mentorship', (c) => yesNo(c.program.mentorship)],
    ['Cohort', (c) => yesNo(c.program.cohort)],
    ['Confidence', (c) => `${c.program.confidence} (verified ${c.program.verifiedAsOf})`],
  ];
  if (programs.some((c) => c.coverage)) {
    rows.push([
      'My gap covered',
      (c) =>
        c.coverage ? `${c.coverage.percent} % (${c.coverage.points} of ${c.coverage.gapPoints} points)` : '',
    ]);
  }
  printTable(
    out,
    ['', ...programs.map((c) => c.program.id)],
    rows.map(([label, f]) => [label, ...programs.map(f)]),
  );
  for (const c of programs) {
    if (c.coverage?.competencies.length) {
      out(
        `\n${c.program.name} covers: ${c.coverage.competencies.map((x) => `${x.label} (+${x.levels})`).join(', ')}\n`,
      );
    }
    if (c.program.example) out(`\n${c.program.name} is an illustrative example, not a real offering.\n`);
  }
}

/* ------------------------------------------------------------------ commands */

export function registerCareerCommands(program: Command, out: (s: string) => void): void {
  program
    .command('gaps')
    .description(
      "Where are my competency gaps for the role I want? Uses the profile's newest self-assessment",
    )
    .argument('<profile-file>', 'the profile, YAML or JSON, with `assessments` (docs/profile-format.md)')
    .option('--role <id>', 'the target role id (see GET /api/roles); default: the profile’s goals.targetRole')
    .option('--json', 'print the gap report JSON')
    .addHelpText(
      'after',
      '\nExample:\n  pathways gaps examples/quality-analyst.yaml --role director-of-quality',
    )
    .action(async (file: string, opts: { role?: string; json?: boolean }) => {
      const catalog = await cliCatalog();
      const profile = await readProfileFile(catalog, file);
      const role = roleHint(catalog, opts.role ?? profile.goals?.targetRole);
      const report = checked(() => gapsForProfile(catalog, profile, role));
      if (opts.json) out(`${JSON.stringify(report, null, 2)}\n`);
      else printGaps(out, report);
    });

  program
    .command('recommend')
    .description('Which programs and certifications close my gaps for a role, within my budget and time?')
    .argument('<profile-file>', 'the profile, YAML or JSON, with `assessments` (docs/profile-format.md)')
    .option('--role <id>', 'the target role id; default: the profile’s goals.targetRole')
    .option('--budget <usd>', 'total budget in US dollars', nonNegative('--budget'))
    .option('--hours-per-week <n>', 'study hours per week', positive('--hours-per-week'))
    .option('--online', 'online programs only')
    .option('--accredited', 'accredited programs only (CAHME, CEPH, CCNE, AACSB or institutional)')
    .option('--by <date>', 'finish everything by this date, YYYY-MM-DD', date('--by'))
    .option('--as-of <date>', 'plan from this date, YYYY-MM-DD (default: today)', date('--as-of'))
    .option('--json', 'print the recommendation JSON')
    .addHelpText(
      'after',
      '\nExamples:\n  pathways recommend examples/quality-analyst.yaml --role director-of-quality --budget 5000\n  pathways recommend me.yaml --role cno --hours-per-week 8 --online --by 2028-12-31 --json',
    )
    .action(
      async (
        file: string,
        opts: {
          role?: string;
          budget?: number;
          hoursPerWeek?: number;
          online?: boolean;
          accredited?: boolean;
          by?: string;
          asOf?: string;
          json?: boolean;
        },
      ) => {
        const catalog = await cliCatalog();
        const profile = await readProfileFile(catalog, file);
        const role = roleHint(catalog, opts.role ?? profile.goals?.targetRole);
        const constraints: RecommendConstraints = {
          ...(opts.budget !== undefined ? { budget: opts.budget } : {}),
          ...(opts.hoursPerWeek !== undefined ? { hoursPerWeek: opts.hoursPerWeek } : {}),
          ...(opts.online ? { onlineOnly: true } : {}),
          ...(opts.accredited ? { accreditationRequired: true } : {}),
          ...(opts.by ? { finishBy: opts.by } : {}),
        };
        const result = checked(() =>
          recommendForProfile(catalog, profile, role, constraints, opts.asOf ?? cliToday()),
        );
        if (opts.json) out(`${JSON.stringify(result, null, 2)}\n`);
        else printRecommendation(out, result);
      },
    );

  const programs =
    program.commands.find((c) => c.name() === 'programs') ??
    program.command('programs').description('Training programs');
  programs
    .command('compare')
    .description('2 to 4 programs side by side; with --profile and --role, how much of my gap each covers')
    .argument('<ids...>', 'program ids (see GET /api/programs)')
    .option('--profile <file>', 'a profile with a self-assessment, to show how much of your gap each covers')
    .option('--role <id>', 'the target role for the gap (default: the profile’s goals.targetRole)')
    .option('--json', 'print the comparison JSON')
    .addHelpText(
      'after',
      '\nExample:\n  pathways programs compare ihi-improvement-advisor gwu-graduate-certificate-health-care-quality --profile me.yaml --role director-of-quality',
    )
    .action(async (ids: string[], opts: { profile?: string; role?: string; json?: boolean }) => {
      const catalog = await cliCatalog();
      let gap: { role: string; ratings: Record<string, number> } | undefined;
      if (opts.profile) {
        const profile = await readProfileFile(catalog, opts.profile);
        gap = {
          role: roleHint(catalog, opts.role ?? profile.goals?.targetRole),
          ratings: latestRatings(profile.assessments).ratings,
        };
      } else if (opts.role) {
        throw new UsageError('--role needs --profile (the ratings come from the profile’s self-assessment)');
      }
      const result = checked(() => comparePrograms(catalog, { ids, ...(gap ?? {}) }));
      if (opts.json) out(`${JSON.stringify(result, null, 2)}\n`);
      else printComparison(out, result.programs);
    });
}
