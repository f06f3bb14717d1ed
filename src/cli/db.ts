/** `pathways db migrate`: the same start-up path as the server (services/context), nothing served. */
import type { Command } from 'commander';
import { loadConfig } from '../services/config.js';
import { migrateDatabase } from '../services/context.js';

export function registerDbCommands(program: Command, out: (s: string) => void): void {
  const db = program.command('db').description('Database tasks');
  db.command('migrate')
    .description('Create or upgrade the database (DATABASE_URL, or the SQLite file in DATA_DIR)')
    .action(async () => {
      const { describe, migrationsRun } = await migrateDatabase(loadConfig());
      out(
        migrationsRun.length
          ? `Applied ${migrationsRun.length} migration(s) to ${describe}:\n${migrationsRun.map((m) => `  ${m}\n`).join('')}`
          : `${describe} is up to date.\n`,
      );
    });
}
