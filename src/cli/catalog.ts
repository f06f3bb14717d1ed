/**
 * `pathways catalog validate [dir]`, `pathways catalog list` and `pathways catalog stats`. The list
 * goes through the same service as GET /api/certifications (the one catalog, searched in memory:
 * `builtinView` + `searchCertifications`), so the CLI and the API answer alike.
 */
import type { Command } from 'commander';
import { loadCatalog } from '../catalog/loader.js';
import { builtinView, checkCertificationQuery, searchCertifications } from '../services/catalog-service.js';
import { loadConfig } from '../services/config.js';
import { AppError } from '../services/errors.js';
import { UsageError } from './errors.js';
import { printTable } from './table.js';
import { cliCatalog } from './catalog-cache.js';
import { registerCatalogStatsCommand } from './catalog-stats.js';

export function registerCatalogCommands(program: Command, out: (s: string) => void): void {
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
    .description('List the certifications in the catalog (as GET /api/certifications does)')
    .option('-f, --focus <area>', 'only certifications with this focus area (e.g. quality)')
    .option('-i, --issuer <id>', 'only certifications from this issuing body (e.g. ANCC)')
    .option('-q, --search <text>', 'search id, acronym, name, issuer, summary and focus areas')
    .option('--json', 'print JSON instead of a table')
    .action(async (opts: { focus?: string; issuer?: string; search?: string; json?: boolean }) => {
      const loaded = await cliCatalog(loadConfig().catalogDir);
      {
        const query = {
          q: opts.search,
          focus: opts.focus ? [opts.focus] : undefined,
          issuer: opts.issuer ? [opts.issuer] : undefined,
        };
        try {
          checkCertificationQuery(loaded, query);
        } catch (e) {
          // The API's 400 names the query parameter; here the option is named instead.
          const d =
            e instanceof AppError
              ? (e.details as { issues?: { path: string; message: string }[]; known?: string[] })
              : undefined;
          const issue = d?.issues?.[0];
          if (!issue) throw e;
          throw new UsageError(`--${issue.path}: ${issue.message} (known: ${d?.known?.join(', ')})`);
        }
        const certs = searchCertifications(builtinView(loaded), query);
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
      }
    });

  registerCatalogStatsCommand(catalog, out);
}
