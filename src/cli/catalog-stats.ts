/**
 * `pathways catalog stats [dir] [--json]`: how complete the catalog is — entries and confidence per
 * kind, and for every program fact how many programs state it, how many providers do not publish it
 * (their pages were read) and how many are still unknown.
 */
import type { Command } from 'commander';
import { loadCatalog } from '../catalog/loader.js';
import { catalogStats, type CatalogStats, type ConfidenceCounts } from '../core/catalog-stats.js';
import { loadConfig } from '../services/config.js';
import { printTable } from './table.js';

function confidenceText(c: ConfidenceCounts): string {
  return `${c.high} high, ${c.medium} medium, ${c.low} low`;
}

export function formatCatalogStats(stats: CatalogStats, out: (s: string) => void): void {
  const p = stats.programs;
  out(`Catalog ${stats.version}\n`);
  out(
    `  certifications  ${stats.certifications.total} (${confidenceText(stats.certifications.byConfidence)})\n`,
  );
  out(`  competencies    ${stats.competencies}\n`);
  out(
    `  roles           ${stats.roles.total}, ${stats.roles.transitions} transitions (${confidenceText(stats.roles.byConfidence)})\n`,
  );
  out(
    `  programs        ${p.total}${p.examples ? ` (${p.examples} illustrative, not counted below)` : ''} (${confidenceText(p.byConfidence)})\n`,
  );
  if (p.verifiedAsOf.oldest) out(`  verified        ${p.verifiedAsOf.oldest} to ${p.verifiedAsOf.newest}\n`);
  out('\nProgram facts (of the programs that are not illustrative):\n');
  printTable(
    out,
    ['Fact', 'Stated', 'Not published', 'Unknown', 'Unknown %'],
    p.fields.map((f) => [
      f.field,
      String(f.known),
      String(f.notPublished),
      String(f.unknown),
      `${f.unknownPercent} %`,
    ]),
  );
  out(
    '"Not published": the provider\'s own pages were read and do not state it (shown with the date checked).\n',
  );
}

export function registerCatalogStatsCommand(catalog: Command, out: (s: string) => void): void {
  catalog
    .command('stats')
    .description('How complete the catalog is: entries, confidence, and unknown program facts per field')
    .argument('[dir]', 'catalog folder (default: the built-in catalog)')
    .option('--json', 'print JSON instead of text')
    .action(async (dir: string | undefined, opts: { json?: boolean }) => {
      const loaded = await loadCatalog(dir ?? loadConfig().catalogDir);
      const stats = catalogStats(loaded);
      if (opts.json) out(`${JSON.stringify(stats, null, 2)}\n`);
      else formatCatalogStats(stats, out);
    });
}
