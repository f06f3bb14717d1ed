/**
 * The `pathways` command: argument parsing and printing only; the work is done by services.
 * Exit codes: 0 success, 1 start-up or runtime failure, 2 bad arguments or bad input.
 *
 * Start-up is lazy: this module imports only commander. Each top-level command is one entry of
 * `commands` below; its module (and with it the catalog loader, the database, the engine) is
 * imported only when that command runs. The other commands are listed by name and description so
 * that `pathways --help` and "unknown command" suggestions still know them.
 * Adding a command: write `src/cli/<name>.ts` exporting `register...(program, out)` and add one
 * entry here (a test checks that the description here matches the module's).
 */
import { Command, CommanderError } from 'commander';
import { StartupFailure, UsageError } from './errors.js';

export { UsageError };

type Out = (s: string) => void;
type Register = (program: Command, out: Out) => void;

export interface CommandEntry {
  /** Each top-level command the module registers, with its description (shown by `pathways --help`). */
  commands: Record<string, string>;
  load: () => Promise<Register>;
}

export const commands: CommandEntry[] = [
  {
    commands: { serve: 'Start the web app and API (builds the web app first if needed)' },
    load: async () => (await import('./serve.js')).registerServeCommand,
  },
  {
    commands: { db: 'Database tasks' },
    load: async () => (await import('./db.js')).registerDbCommands,
  },
  {
    commands: { catalog: 'Inspect and check the certification catalog' },
    load: async () => (await import('./catalog.js')).registerCatalogCommands,
  },
  {
    commands: {
      eligibility:
        'Check a profile against the certifications: eligible now, on which date, or what is missing',
    },
    load: async () => (await import('./eligibility.js')).registerEligibilityCommand,
  },
  {
    commands: {
      renewal:
        'Am I on track to renew the credentials in a profile? CE progress per requirement and the deadline',
    },
    load: async () => (await import('./renewal.js')).registerRenewalCommand,
  },
  {
    commands: {
      gaps: "Where are my competency gaps for the role I want? Uses the profile's newest self-assessment",
      recommend: 'Which programs and certifications close my gaps for a role, within my budget and time?',
      programs: 'Training programs',
    },
    load: async () => (await import('./career.js')).registerCareerCommands,
  },
  {
    commands: {
      plan: 'My dated path from my current role to the role I want: moves, degree, certifications, programs',
    },
    load: async () => (await import('./plan.js')).registerPlanCommand,
  },
  {
    commands: { roles: 'Roles in the career catalog (ids for plan, gaps, profiles)' },
    load: async () => (await import('./roles.js')).registerRolesCommand,
  },
  {
    commands: {
      framework: 'Export or import a competency framework as 1EdTech CASE JSON (docs/case.md)',
    },
    load: async () => (await import('./framework.js')).registerFrameworkCommands,
  },
];

/** The command a person asked for: the first word that is not an option (`help X` asks for X). */
function requestedCommand(argv: readonly string[]): string | undefined {
  const words = argv.filter((a) => !a.startsWith('-'));
  return words[0] === 'help' ? words[1] : words[0];
}

function baseProgram(out: Out, err: Out, version: string): Command {
  return new Command()
    .name('pathways')
    .description(
      'Healthcare Management Pathways: certifications, eligibility and career paths for healthcare managers.',
    )
    .version(version, '-v, --version')
    .showHelpAfterError('(run with --help for usage)')
    .configureOutput({ writeOut: out, writeErr: err })
    .exitOverride();
}

/**
 * The program with the module of the requested command loaded (every module when `argv` is
 * omitted, e.g. for tests that inspect every command).
 */
export async function buildProgram(
  argv?: readonly string[],
  out: Out = (s) => process.stdout.write(s),
  err: Out = (s) => process.stderr.write(s),
): Promise<Command> {
  const program = baseProgram(out, err, (await import('../services/version.js')).appVersion);
  const wanted = argv ? requestedCommand(argv) : undefined;
  for (const entry of commands) {
    if (argv === undefined || (wanted !== undefined && Object.hasOwn(entry.commands, wanted)))
      (await entry.load())(program, out);
  }
  // The commands not loaded: names and descriptions for the overview and for suggestions.
  const loaded = new Set(program.commands.map((c) => c.name()));
  for (const entry of commands)
    for (const [name, description] of Object.entries(entry.commands))
      if (!loaded.has(name)) program.command(name).description(description);
  return program;
}

/** Exit code and message for an error thrown by a command. */
async function failure(e: unknown): Promise<{ code: number; message: string }> {
  if (e instanceof UsageError) return { code: 2, message: e.message };
  if (e instanceof StartupFailure) return { code: 1, message: `pathways: ${e.message}` };
  // Error classes are imported only on failure, so that start-up does not load their modules.
  const [{ CatalogError }, { AppError }, { ConfigError }, { StorageError }] = await Promise.all([
    import('../catalog/loader.js'),
    import('../services/errors.js'),
    import('../services/config.js'),
    import('../storage/db.js'),
  ]);
  if (e instanceof CatalogError) return { code: 2, message: e.message };
  // The same errors the API answers with a 4xx: bad input, exit 2 with the message.
  if (e instanceof AppError)
    return e.status < 500 ? { code: 2, message: e.message } : { code: 1, message: `pathways: ${e.message}` };
  if (e instanceof ConfigError || e instanceof StorageError)
    return { code: 1, message: `pathways: ${e.message}` };
  const { startupMessage } = await import('../server/main.js');
  return { code: 1, message: `pathways: ${startupMessage(e)}` };
}

/** Runs the CLI and returns the exit code instead of exiting, so tests can call it. */
export async function run(
  argv: string[],
  out?: Out,
  err: Out = (s) => process.stderr.write(s),
): Promise<number> {
  try {
    const program = await buildProgram(argv, out, err);
    await program.parseAsync(argv, { from: 'user' });
    return 0;
  } catch (e) {
    if (e instanceof CommanderError) {
      if (
        e.code === 'commander.helpDisplayed' ||
        e.code === 'commander.version' ||
        e.code === 'commander.help'
      )
        return 0;
      return 2;
    }
    const { code, message } = await failure(e);
    err(`${message}\n`);
    return code;
  }
}

// Run when executed as the entry point (bin/pathways.js imports this module).
const isEntry = process.argv[1] && /(pathways(\.js)?|cli[\\/]main\.(ts|js))$/.test(process.argv[1]);
if (isEntry) {
  // `pathways ... | head`: a closed pipe ends the output quietly instead of with a stack trace.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(0);
    throw e;
  });
  const code = await run(process.argv.slice(2));
  // `serve` keeps running; everything else exits with its code.
  if (code !== 0 || !process.argv.slice(2).includes('serve')) process.exitCode = code;
}
