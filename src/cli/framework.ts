/**
 * `pathways framework export` (the built-in competency framework as 1EdTech CASE JSON) and
 * `pathways framework import <file>` (check a CASE file, print what it holds, and with `--out` write
 * it as `competencies.yaml` in our catalog format). Mapping and limits: docs/case.md.
 */
import { writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { competencyDomainIds, type CompetencyDomainId } from '../catalog/career-schema.js';
import type { CaseProblem } from '../catalog/case.js';
import {
  CaseError,
  caseToCatalogYaml,
  checkCase,
  exportCase,
  readCaseFile,
  type CaseCheck,
  type DomainMap,
} from '../services/framework-service.js';
import { UsageError } from './errors.js';
import { cliCatalog } from './catalog-cache.js';

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
const line = (p: CaseProblem) => `  ${p.path ? `${p.path}: ` : ''}${p.message}`;

/** A CaseError as a UsageError (exit 2) listing every problem with its path. */
function usage(file: string, e: CaseError): UsageError {
  return new UsageError(
    `${file}: ${plural(e.problems.length, 'problem')} (format: docs/case.md)\n${e.problems.map(line).join('\n')}`,
  );
}

async function writeOut(file: string, text: string): Promise<void> {
  try {
    await writeFile(file, text);
  } catch (e) {
    throw new UsageError(
      `--out ${file}: cannot write (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`,
    );
  }
}

function summary(file: string, check: CaseCheck): string[] {
  const f = check.framework;
  const scale = f.scaleLevels.length
    ? `${f.scaleLevels.length}-level scale (${f.scaleLevels.map((s) => `${s.level} ${s.name}`).join(', ')})`
    : 'no proficiency scale';
  const lines = [
    `OK ${file}: ${f.name}${f.creator ? ` by ${f.creator}` : ''}, last changed ${f.verifiedAsOf}`,
    `${plural(f.domains.length, 'domain')}, ${plural(f.competencies, 'competency').replace('competencys', 'competencies')}, ${scale}`,
    ...f.domains.map(
      (d) =>
        `  ${d.name} (${d.id}${d.hla ? ', one of the five HLA domains' : ''}): ${plural(d.competencies, 'competency').replace('competencys', 'competencies')}`,
    ),
  ];
  if (f.relatedFrameworks) lines.push(`Crosswalk links to ${plural(f.relatedFrameworks, 'other framework')}`);
  if (check.warnings.length) lines.push(`Warnings (${check.warnings.length}):`, ...check.warnings.map(line));
  return lines;
}

/** `--map-domain "Digital Health=business_skills"` values as a map; a wrong one is a UsageError. */
function parseDomainMap(values: readonly string[]): DomainMap {
  const map: Record<string, CompetencyDomainId> = {};
  for (const v of values) {
    const at = v.lastIndexOf('=');
    const own = v.slice(0, at).trim();
    const hla = v.slice(at + 1).trim();
    if (at < 1 || !own)
      throw new UsageError(`--map-domain ${v}: write it as own=hla, e.g. "Digital Health=business_skills"`);
    if (!(competencyDomainIds as readonly string[]).includes(hla))
      throw new UsageError(`--map-domain ${v}: "${hla}" is not one of ${competencyDomainIds.join(', ')}`);
    map[own] = hla as CompetencyDomainId;
  }
  return map;
}

export function registerFrameworkCommands(program: Command, out: (s: string) => void): void {
  const framework = program
    .command('framework')
    .description('Export or import a competency framework as 1EdTech CASE JSON (docs/case.md)');

  framework
    .command('export')
    .description('Print the built-in competency framework as a CASE 1.0 package (JSON)')
    .option('-o, --out <file>', 'write the JSON to this file instead of printing it')
    .option('--base-url <url>', "the site's address, used in the nodes' URIs (default: urn:uuid: URIs)")
    .addHelpText('after', '\nExamples:\n  pathways framework export --out hmp-competencies.case.json')
    .action(async (opts: { out?: string; baseUrl?: string }) => {
      if (opts.baseUrl !== undefined && !/^https?:\/\/[^\s]+$/.test(opts.baseUrl))
        throw new UsageError('--base-url: must be an http(s) address such as https://pathways.example.org');
      const catalog = await cliCatalog();
      if (!catalog.competencies)
        throw new UsageError('The catalog has no competency framework (competencies.yaml).');
      // lastChangeDateTime is the date the framework was last verified: the same catalog, the same file.
      const now = `${catalog.competencies.verifiedAsOf}T00:00:00Z`;
      const pkg = exportCase(catalog, { now, baseUrl: opts.baseUrl });
      const text = `${JSON.stringify(pkg, null, 2)}\n`;
      if (!opts.out) {
        out(text);
        return;
      }
      await writeOut(opts.out, text);
      out(
        `Wrote ${opts.out}: ${plural(pkg.CFItems.length, 'CFItem')}, ${plural(pkg.CFAssociations.length, 'CFAssociation')}, the 1–5 scale as a CFRubric\n`,
      );
    });

  framework
    .command('import')
    .description('Check a CASE 1.0 file and summarise it; with --out, write it as competencies.yaml')
    .argument('<file>', 'a CASE package (JSON: CFDocument, CFItems, CFAssociations), at most 2 MB')
    .option('-o, --out <file>', 'write the framework in the catalog format (a competencies.yaml)')
    .option(
      '--map-domain <own=hla>',
      `put an own domain (id or name) under one of the five domains for --out: ${competencyDomainIds.join(', ')} (repeatable)`,
      (value: string, previous: string[]) => [...previous, value],
      [] as string[],
    )
    .addHelpText(
      'after',
      '\nExamples:\n  pathways framework import our-framework.case.json\n  pathways framework import our-framework.case.json --out my-catalog/competencies.yaml\n  pathways framework import ours.json --map-domain "Digital Health=business_skills" --out competencies.yaml',
    )
    .action(async (file: string, opts: { out?: string; mapDomain: string[] }) => {
      const domainMap = parseDomainMap(opts.mapDomain);
      const catalog = await cliCatalog();
      let check: CaseCheck;
      try {
        const json = await readCaseFile(file);
        check = checkCase(json, catalog.competencies, domainMap);
        const own = new Set(check.framework.domains.flatMap((d) => [d.id, d.name]));
        const unknown = Object.keys(domainMap).filter((k) => !own.has(k));
        if (unknown.length)
          throw new UsageError(
            `--map-domain: no domain of ${file} is called ${unknown.map((k) => `"${k}"`).join(', ')} (its domains: ${check.framework.domains.map((d) => `${d.id} "${d.name}"`).join(', ')})`,
          );
        if (opts.out) {
          const converted = caseToCatalogYaml(json, catalog.competencies, domainMap);
          out(`${summary(file, check).join('\n')}\n`);
          const extra = converted.warnings.slice(check.warnings.length);
          if (extra.length)
            out(`Conversion to the catalog format (${extra.length}):\n${extra.map(line).join('\n')}\n`);
          await writeOut(opts.out, converted.yaml);
          out(`Wrote ${opts.out} (check it with: pathways catalog validate <catalog folder>)\n`);
          return;
        }
      } catch (e) {
        if (e instanceof CaseError) throw usage(file, e);
        throw e;
      }
      const lines = summary(file, check);
      if (check.catalogFormat.ok) lines.push('Can be written as competencies.yaml with --out <file>.');
      else
        lines.push(
          `Cannot be written as competencies.yaml (${plural(check.catalogFormat.problems.length, 'problem')}):`,
          ...check.catalogFormat.problems.map(line),
        );
      if (check.catalogFormat.problems.some((p) => p.path.startsWith('domains[')))
        lines.push('Map an own domain onto one of the five with --map-domain "<domain>=<hla domain>".');
      out(`${lines.join('\n')}\n`);
    });
}
