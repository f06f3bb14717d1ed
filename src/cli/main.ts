/**
 * The `pathways` command: argument parsing and printing only; the work is done by services.
 * Exit codes: 0 success, 1 start-up or runtime failure, 2 bad arguments or bad input.
 */
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { CatalogError, loadCatalog } from '../catalog/loader.js';
import { ConfigError, loadConfig } from '../services/config.js';
import { summarize } from '../services/catalog-service.js';
import { appVersion } from '../services/version.js';
import { migrateToLatest, openStorage, StorageError } from '../storage/db.js';
import { registerCareerCommands } from './career.js';
import { registerEligibilityCommand } from './eligibility.js';
import { registerPlanCommand } from './plan.js';
import { registerRolesCommand } from './roles.js';
import { registerFrameworkCommands } from './framework.js';
import { registerRenewalCommand } from './renewal.js';
import { UsageError } from './errors.js';
import { printTable } from './table.js';

export { UsageError };
/** A failure to start the server: printed as one line, exit code 1. */
class StartupFailure extends Error {}

function parsePort(value: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value) || n < 1 || n > 65535)
    throw new InvalidArgumentError('must be a whole number from 1 to 65535');
  return n;
}

export function buildProgram(
  out: (s: string) => void = (s) => process.stdout.write(s),
  err: (s: string) => void = (s) => process.stderr.write(s),
): Command {
  const program = new Command()
    .name('pathways')
    .description(
      'Healthcare Management Pathways: certifications, eligibility and career paths for healthcare managers.',
    )
    .version(appVersion, '-v, --version')
    .showHelpAfterError('(run with --help for usage)')
    .configureOutput({ writeOut: out, writeErr: err })
    .exitOverride();

  program
    .command('serve')
    .description('Start the web app and API (builds the web app first if needed)')
    .addOption(
      new Option('-p, --port <port>', 'port to listen on (default: PORT or 3000)').argParser(parsePort),
    )
    .option('--no-web-build', 'do not build the web app before starting')
    .action(async (opts: { port?: number; webBuild: boolean }) => {
      const config = loadConfig(process.env, opts.port ? { port: opts.port } : {});
      if (opts.webBuild) {
        const { ensureWebBuilt } = await import('./web-build.js');
        await ensureWebBuilt();
      }
      const { startServer, startupMessage } = await import('../server/main.js');
      try {
        await startServer(config);
      } catch (e) {
        throw new StartupFailure(startupMessage(e));
      }
    });

  const db = program.command('db').description('Database tasks');
  db.command('migrate')
    .description('Create or upgrade the database (DATABASE_URL, or the SQLite file in DATA_DIR)')
    .action(async () => {
      const config = loadConfig();
      const storage = await openStorage({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
      try {
        const results = await migrateToLatest(storage.db);
        const ran = results.filter((r) => r.status === 'Success').map((r) => r.migrationName);
        out(
          ran.length
            ? `Applied ${ran.length} migration(s) to ${storage.describe}:\n${ran.map((m) => `  ${m}\n`).join('')}`
            : `${storage.describe} is up to date.\n`,
        );
      } finally {
        await storage.close();
      }
    });

  const catalog = program.command('catalog').description('Inspect and check the certification catalog');
  catalog
    .command('validate')
    .description('Check a catalog folder without starting anything (default: the built-in catalog)')
    .argument('[dir]', 'catalog folder holding catalog.yaml, vocabulary.yaml and certifications/')
    .action(async (dir: string | undefined) => {
      const target = dir ?? loadConfig().catalogDir;
      const loaded = await loadCatalog(target);
      const competencies = loaded.competencies?.competencies.length ?? 0;
      out(
        `OK ${target}: ${loaded.certifications.length} certifications, ${competencies} competencies, ${loaded.roles.length} roles (${loaded.transitions.length} transitions), ${loaded.programs.length} programs, catalog version ${loaded.version}\n`,
      );
    });

  catalog
    .command('list')
    .description('List the certifications in the built-in catalog')
    .option('-f, --focus <area>', 'only certifications with this focus area (e.g. quality)')
    .option('--json', 'print JSON instead of a table')
    .action(async (opts: { focus?: string; json?: boolean }) => {
      const loaded = await loadCatalog(loadConfig().catalogDir);
      const focusIds = loaded.vocabulary.focusAreas.map((f) => f.id);
      if (opts.focus && !focusIds.includes(opts.focus)) {
        throw new UsageError(`--focus: unknown focus area "${opts.focus}" (known: ${focusIds.join(', ')})`);
      }
      const certs = loaded.certifications
        .filter((c) => !opts.focus || c.focusAreas.includes(opts.focus))
        .map((c) => summarize(loaded, c));
      if (opts.json) {
        out(
          `${JSON.stringify({ catalogVersion: loaded.version, total: certs.length, certifications: certs }, null, 2)}\n`,
        );
        return;
      }
      printTable(
        out,
        ['ID', 'Name', 'Issuer', 'Focus', 'Renewal', 'Confidence', 'Checked'],
        certs.map((c) => [
          c.id,
          c.name,
          c.issuer.acronym,
          c.focusAreas.join(', '),
          c.renewal.lifetime
            ? 'lifetime'
            : c.renewal.cycleMonths
              ? `${c.renewal.cycleMonths / 12} y`
              : 'unknown',
          c.confidence,
          c.verifiedAsOf,
        ]),
      );
      out(
        `${certs.length} certification(s), catalog ${loaded.version}. Confirm rules with the issuing body before paying a fee.\n`,
      );
    });

  registerEligibilityCommand(program, out);

  registerRenewalCommand(program, out);

  registerCareerCommands(program, out);

  registerPlanCommand(program, out);

  registerRolesCommand(program, out);

  registerFrameworkCommands(program, out);

  return program;
}

/** Runs the CLI and returns the exit code instead of exiting, so tests can call it. */
export async function run(
  argv: string[],
  out?: (s: string) => void,
  err: (s: string) => void = (s) => process.stderr.write(s),
): Promise<number> {
  const program = buildProgram(out, err);
  try {
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
    if (e instanceof UsageError || e instanceof CatalogError) {
      err(`${e.message}\n`);
      return 2;
    }
    if (e instanceof StartupFailure) {
      err(`pathways: ${e.message}\n`);
      return 1;
    }
    if (e instanceof ConfigError || e instanceof StorageError) {
      err(`pathways: ${e.message}\n`);
      return 1;
    }
    const { startupMessage } = await import('../server/main.js');
    err(`pathways: ${startupMessage(e)}\n`);
    return 1;
  }
}

// Run when executed as the entry point (bin/pathways.js imports this module).
const isEntry = process.argv[1] && /(pathways(\.js)?|cli[\\/]main\.ts)$/.test(process.argv[1]);
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
