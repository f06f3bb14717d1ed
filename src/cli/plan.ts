/**
 * `pathways plan <profile> --to ROLE`: the dated path from the current role to the target, drawn
 * as a timeline in the terminal (one bar per step), or the plan JSON with `--json`.
 */
import { InvalidArgumentError, type Command } from 'commander';
import { isValidDay, toDay } from '../core/dates.js';
import type { CareerPlan, PlanConstraints, PlanResult } from '../core/plan.js';
import { CareerInputError } from '../services/career-service.js';
import { durationText } from '../core/dates.js';
import { cliToday } from '../services/clock.js';
import { CurrentRoleUnknownError, planFor } from '../services/plan-service.js';
import { readProfileFile } from './eligibility.js';
import { UsageError } from './errors.js';
import { cliCatalog } from './catalog-cache.js';

const usd = (n: number) => `$${String(Math.round(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ',')}`;

const marks = { start: '=', degree: '#', program: '+', certification: '*', role: '>', renewal: '!' } as const;

/** One line per step: a bar placed on a shared time axis from as-of to the last date. */
export function timeline(plan: CareerPlan, asOf: string, width = 40): string[] {
  const from = toDay(asOf);
  const last = Math.max(...plan.steps.map((s) => toDay(s.end)), from + 1);
  const col = (day: number) =>
    Math.min(width - 1, Math.max(0, Math.round(((day - from) / (last - from)) * (width - 1))));
  const years: string[] = [];
  const axis = Array.from({ length: width }, () => ' ');
  for (let y = Number(asOf.slice(0, 4)) + 1; toDay(`${y}-01-01`) <= last; y++) {
    const c = col(toDay(`${y}-01-01`));
    axis[c] = '|';
    years.push(`${y}`);
  }
  // The real span: month and year at both ends (a plan inside one year reads "Dec 2026 … Jun 2027").
  const lines = [
    `${monthYear(from).padStart(26 + 4)} ${axis.join('')} ${monthYear(last)}`,
    `${''.padEnd(31)}${yearLabels(years, axis)}`,
  ];
  for (const s of plan.steps) {
    const a = s.kind === 'start' ? 0 : col(toDay(s.start));
    const b = Math.max(a, col(toDay(s.end)));
    const bar = Array.from({ length: width }, (_, i) => (i >= a && i <= b ? marks[s.kind] : '.')).join('');
    const when = s.start === s.end ? s.start : `${s.start} → ${s.end}`;
    lines.push(
      `${when.padEnd(26)}${' '.repeat(5)}${bar}  ${s.title}${s.costUsd !== null && s.costUsd > 0 ? ` (${usd(s.costUsd)})` : ''}`,
    );
  }
  return lines;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
function monthYear(day: number): string {
  const d = new Date(day * 86_400_000);
  return `${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
}

/** The year of each tick written under it, when it fits before the next one. */
function yearLabels(years: string[], axis: string[]): string {
  const row = Array.from({ length: axis.length }, () => ' ');
  let y = 0;
  let free = 0;
  axis.forEach((ch, i) => {
    if (ch !== '|') return;
    const label = years[y++]!;
    if (i < free || i + label.length > row.length) return;
    for (let k = 0; k < label.length; k++) row[i + k] = label[k]!;
    free = i + label.length + 1;
  });
  return row.join('').trimEnd();
}

export function printPlans(out: (s: string) => void, r: PlanResult): void {
  out(`From ${r.from.title} to ${r.to.title} (as of ${r.asOf})\n`);
  const c = r.constraints;
  const limits = [
    c.finishBy && `by ${c.finishBy}`,
    c.budgetPerYear !== undefined && `${usd(c.budgetPerYear)} a year`,
    c.hoursPerWeek !== undefined && `${c.hoursPerWeek} h/week`,
    c.onlineOnly && 'online only',
    c.noNewDegree && 'no new degree',
  ].filter(Boolean);
  if (limits.length) out(`Constraints: ${limits.join(', ')}\n`);
  if (!r.plans.length) {
    out('\nNo plan meets your constraints.\n');
    for (const b of r.blocked) out(`  ${b.message}${b.relaxed ? ` (${b.relaxed.detail})` : ''}\n`);
    return;
  }
  r.plans.forEach((p, i) => {
    out(
      `\nPlan ${i + 1} (${labelWords[p.label]}): reach ${r.to.title} on ${p.reached} (${durationText(r.asOf, p.reached)}) — ${usd(p.totals.costUsd)}${p.totals.unknownCosts ? ` + ${p.totals.unknownCosts} unpublished price${p.totals.unknownCosts === 1 ? '' : 's'}` : ''}\n`,
    );
    out(`  ${p.labelText}\n`);
    out(`  Path: ${p.path.join(' → ')}\n\n`);
    for (const line of timeline(p, r.asOf)) out(`  ${line}\n`);
    out('\n');
    for (const s of p.steps)
      if (s.kind !== 'start')
        out(`  ${s.start}  ${s.title}: ${s.why}${s.judgement ? ' (typical values: our judgement)' : ''}\n`);
    for (const n of p.notes) out(`  Note: ${n}\n`);
    if (p.targetCertifications.length) {
      out(`  ${r.to.title}'s certifications on this plan:\n`);
      for (const t of p.targetCertifications)
        out(
          `    ${t.name}: ${t.held ? 'held' : t.date ? `exam by ${t.date}` : `no date — ${t.reason ?? ''}`}\n`,
        );
    }
  });
  if (r.single) out(`\n${r.single}\n`);
  out(
    `\nKey: ${Object.entries(marks)
      .map(([k, m]) => `${m} ${k}`)
      .join('  ')}\n`,
  );
}

const labelWords = {
  fastest: 'fastest',
  cheapest: 'cheapest',
  no_new_degree: 'no new degree',
  another_path: 'another path',
} as const;

/** The one current job's clearly named role (a title that names every word of one role's title). */
function confidentGuess(e: CurrentRoleUnknownError): { id: string; role: string; title: string } | null {
  if (e.jobs.length !== 1) return null;
  const job = e.jobs[0]!;
  const [best, second] = job.suggestions;
  if (!best || best.score < 0.8 || (second && second.score >= best.score)) return null;
  return { id: best.id, role: best.title, title: job.title };
}

/** "Which role is your current job?" for the terminal: the jobs and their likely roles. */
function roleQuestion(e: CurrentRoleUnknownError): string {
  const lines = ['from: your current role is not known. Which role is your current job? Give --from ROLE.'];
  for (const j of e.jobs)
    lines.push(
      `  positions[${j.index}] "${j.title}" (since ${j.start})${j.suggestions.length ? `: perhaps ${j.suggestions.map((s) => `${s.id} (${s.title})`).join(', ')}` : ''}`,
    );
  if (!e.jobs.length) lines.push('  Your profile has no current job; every role id: pathways roles list');
  else lines.push('  Every role id: pathways roles list. Or name it in the profile: positions[].role.');
  return lines.join('\n');
}

const number = (flag: string, strict: boolean) => (value: string) => {
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n) || (strict ? n <= 0 : n < 0)) {
    throw new InvalidArgumentError(`${flag} must be a number ${strict ? 'more than 0' : '0 or more'}`);
  }
  return n;
};

export function registerPlanCommand(program: Command, out: (s: string) => void): void {
  program
    .command('plan')
    .description(
      'My dated path from my current role to the role I want: moves, degree, certifications, programs',
    )
    .argument('<profile-file>', 'the profile, YAML or JSON (docs/profile-format.md); its goals give defaults')
    .option('--to <role>', 'the target role id; default: the profile’s goals.targetRole')
    .option('--from <role>', 'your current role id; default: the role of your current job (positions[].role)')
    .option('--by <date>', 'reach the role by this date, YYYY-MM-DD', (v) => {
      if (!/^\d{4}-\d{2}-\d{2}$/.test(v) || !isValidDay(v))
        throw new InvalidArgumentError('--by: not a date (YYYY-MM-DD)');
      return v;
    })
    .option(
      '--budget-per-year <usd>',
      'US dollars a year for study and exams',
      number('--budget-per-year', false),
    )
    .option('--hours-per-week <n>', 'study hours a week', number('--hours-per-week', true))
    .option('--no-new-degree', 'plans without starting a new degree')
    .option('--online', 'online programs only')
    .option('--as-of <date>', 'plan from this date, YYYY-MM-DD (default: today)')
    .option('--json', 'print the plan JSON')
    .addHelpText(
      'after',
      '\nExamples:\n  pathways plan examples/quality-analyst.yaml --to director-of-quality\n  pathways plan me.yaml --to cno --by 2032-12-31 --budget-per-year 8000 --json',
    )
    .action(
      async (
        file: string,
        opts: {
          to?: string;
          from?: string;
          by?: string;
          budgetPerYear?: number;
          hoursPerWeek?: number;
          newDegree?: boolean;
          online?: boolean;
          asOf?: string;
          json?: boolean;
        },
      ) => {
        if (opts.asOf !== undefined && !isValidDay(opts.asOf))
          throw new UsageError('--as-of: not a date (YYYY-MM-DD)');
        const catalog = await cliCatalog();
        const profile = await readProfileFile(catalog, file);
        const to = opts.to ?? profile.goals?.targetRole;
        if (!to)
          throw new UsageError(`--to is required. Roles: ${catalog.roles.map((r) => r.id).join(', ')}`);
        const constraints: PlanConstraints = {
          ...(opts.by ? { finishBy: opts.by } : {}),
          ...(opts.budgetPerYear !== undefined ? { budgetPerYear: opts.budgetPerYear } : {}),
          ...(opts.hoursPerWeek !== undefined ? { hoursPerWeek: opts.hoursPerWeek } : {}),
          ...(opts.newDegree === false ? { noNewDegree: true } : {}),
          ...(opts.online ? { onlineOnly: true } : {}),
        };
        const run = (from: string | undefined) =>
          planFor(
            catalog,
            profile,
            {
              to,
              ...(from ? { from } : {}),
              constraints,
              ...(opts.asOf ? { asOf: opts.asOf } : {}),
            },
            cliToday(),
          );
        let result: PlanResult;
        let inferred: string | null = null;
        try {
          try {
            result = run(opts.from);
          } catch (e) {
            // No job names its role: take the role its title clearly names, and say so.
            const guess = e instanceof CurrentRoleUnknownError ? confidentGuess(e) : null;
            if (!guess) throw e;
            inferred = `Current role: ${guess.role} (${guess.id}), from your job title "${guess.title}". Give --from ROLE to choose another (pathways roles list).\n`;
            result = run(guess.id);
          }
        } catch (e) {
          if (e instanceof CurrentRoleUnknownError) throw new UsageError(roleQuestion(e));
          if (e instanceof CareerInputError)
            throw new UsageError(e.issues.map((i) => `${i.path}: ${i.message}`).join('\n'));
          throw e;
        }
        if (opts.json) out(`${JSON.stringify(result, null, 2)}\n`);
        else {
          if (inferred) out(inferred);
          printPlans(out, result);
        }
      },
    );
}
