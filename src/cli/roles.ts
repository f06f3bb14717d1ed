/**
 * `pathways roles list [--family F] [--json]`: the role ids of the career catalog (for `plan --to`
 * / `--from`, `gaps --role`, a profile's `positions[].role`), grouped by family.
 */
import type { Command } from 'commander';
import { roleFamilies } from '../catalog/career-schema.js';
import { loadCatalog } from '../catalog/loader.js';
import { closestRoleIds } from '../core/role-match.js';
import { loadConfig } from '../services/config.js';
import { UsageError } from './errors.js';
import { printTable } from './table.js';

const levelOrder = ['entry', 'specialist', 'manager', 'director', 'executive'];

export function registerRolesCommand(program: Command, out: (s: string) => void): void {
  const roles = program
    .command('roles')
    .description('Roles in the career catalog (ids for plan, gaps, profiles)');
  roles
    .command('list')
    .description('List role ids with their title, family, level and typical next moves')
    .option('-f, --family <family>', `only one family (${roleFamilies.join(', ')})`)
    .option('--json', 'print JSON instead of a table')
    .action(async (opts: { family?: string; json?: boolean }) => {
      const catalog = await loadCatalog(loadConfig().catalogDir);
      if (opts.family !== undefined && !(roleFamilies as readonly string[]).includes(opts.family)) {
        const close = closestRoleIds(
          opts.family,
          roleFamilies.map((f) => ({ id: f, title: f.replace(/_/g, ' ') })),
        );
        throw new UsageError(
          `--family: unknown family "${opts.family}"${close.length ? ` (did you mean ${close.join(', ')}?)` : ''}; known: ${roleFamilies.join(', ')}`,
        );
      }
      const list = catalog.roles
        .filter((r) => !opts.family || r.family === opts.family)
        .map((r) => ({
          id: r.id,
          title: r.title,
          family: r.family,
          level: r.level,
          next: catalog.transitions.filter((t) => t.from === r.id).map((t) => t.to),
        }))
        .sort(
          (a, b) =>
            (a.family < b.family ? -1 : a.family > b.family ? 1 : 0) ||
            levelOrder.indexOf(a.level) - levelOrder.indexOf(b.level) ||
            (a.id < b.id ? -1 : 1),
        );
      if (opts.json) {
        out(
          `${JSON.stringify({ catalogVersion: catalog.version, total: list.length, roles: list }, null, 2)}\n`,
        );
        return;
      }
      printTable(
        out,
        ['ID', 'Title', 'Family', 'Level', 'Typical next moves'],
        list.map((r) => [r.id, r.title, r.family, r.level, r.next.join(', ') || '-']),
      );
      out(
        `${list.length} role(s). Use an id with \`pathways plan --to ID\` or in a profile's positions[].role.\n`,
      );
    });
}
