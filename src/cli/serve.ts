/** `pathways serve`: the web app and API (builds the web app first, in a separate process, if needed). */
import { InvalidArgumentError, Option, type Command } from 'commander';
import { loadConfig } from '../services/config.js';
import { StartupFailure } from './errors.js';

function parsePort(value: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value) || n < 1 || n > 65535)
    throw new InvalidArgumentError('must be a whole number from 1 to 65535');
  return n;
}

export function registerServeCommand(program: Command): void {
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
}
