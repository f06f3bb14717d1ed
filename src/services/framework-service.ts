/**
 * Competency frameworks in 1EdTech CASE 1.0, shared by the API and the CLI: export the built-in
 * framework, read and check a CASE file (size limit, every problem with its path), and write an
 * imported framework as `competencies.yaml` in our catalog format. Mapping: docs/case.md.
 */
import { readFile, stat } from 'node:fs/promises';
import { stringify } from 'yaml';
import type { CompetencyDomainId, CompetencyFramework } from '../catalog/career-schema.js';
import {
  caseToFramework,
  CaseValidationError,
  frameworkToCase,
  toCatalogFramework,
  type CasePackage,
  type CaseProblem,
  type ImportedFramework,
} from '../catalog/case.js';
import type { Catalog } from '../catalog/schema.js';
import { AppError, NotFoundError } from './errors.js';

/** Largest CASE file accepted, in bytes (the API's body limit for the check is the same). */
export const MAX_CASE_BYTES = 2 * 1024 * 1024;

/** The file name the API and the web app give the built-in framework's CASE download. */
export const CASE_FILE_NAME = 'hmp-competencies.case.json';

/** A CASE package that cannot be used: 400 `invalid_case`, `details` lists every problem with its path. */
export class CaseError extends AppError {
  constructor(
    message: string,
    readonly problems: CaseProblem[],
  ) {
    super(400, 'invalid_case', message, problems);
    this.name = 'CaseError';
  }
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

function caseError(e: CaseValidationError): CaseError {
  const n = e.problems.length;
  return new CaseError(
    `The CASE package has ${plural(n, 'problem')}: ${e.message.replace(/^The CASE package is invalid: /, '')}`,
    e.problems,
  );
}

/** The built-in framework as a CASE package. */
export function exportCase(catalog: Catalog, options: { now: string; baseUrl?: string }): CasePackage {
  const framework = catalog.competencies;
  if (!framework) throw new NotFoundError('framework_not_found', 'This catalog has no competency framework.');
  return frameworkToCase(framework, { ...options, version: catalog.version });
}

/** Parses the text of a CASE file: size limit, then JSON. Throws {@link CaseError}. */
export function parseCaseText(text: string): unknown {
  const bytes = new TextEncoder().encode(text).length;
  if (bytes > MAX_CASE_BYTES)
    throw new CaseError(`The CASE file is ${bytes.toLocaleString('en-US')} bytes; the limit is 2 MB.`, [
      {
        path: '',
        message: `${bytes.toLocaleString('en-US')} bytes; the limit is ${MAX_CASE_BYTES.toLocaleString('en-US')} bytes (2 MB)`,
      },
    ]);
  try {
    return JSON.parse(text) as unknown;
  } catch (e) {
    const why = (e as Error).message;
    throw new CaseError(`The CASE file is not JSON: ${why}`, [{ path: '', message: `not JSON: ${why}` }]);
  }
}

/** Reads a CASE file from disk (at most {@link MAX_CASE_BYTES}). Throws {@link CaseError}. */
export async function readCaseFile(file: string): Promise<unknown> {
  let text: string;
  try {
    const info = await stat(file);
    if (info.isDirectory())
      throw new CaseError(`${file} is a folder, not a CASE file`, [{ path: '', message: 'is a folder' }]);
    if (info.size > MAX_CASE_BYTES)
      throw new CaseError(`The CASE file is ${info.size.toLocaleString('en-US')} bytes; the limit is 2 MB.`, [
        {
          path: '',
          message: `${info.size.toLocaleString('en-US')} bytes; the limit is ${MAX_CASE_BYTES.toLocaleString('en-US')} bytes (2 MB)`,
        },
      ]);
    text = await readFile(file, 'utf8');
  } catch (e) {
    if (e instanceof CaseError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : (e as Error).message;
    throw new CaseError(`Cannot read ${file} (${why})`, [{ path: '', message: `cannot be read (${why})` }]);
  }
  return parseCaseText(text);
}

/** What a CASE package holds, as the check endpoint and `pathways framework import` report it. */
export interface CaseCheck {
  framework: {
    id: string;
    name: string;
    creator?: string;
    verifiedAsOf: string;
    domains: { id: string; name: string; hla: string | null; competencies: number }[];
    competencies: number;
    scaleLevels: { level: number; name: string }[];
    relatedFrameworks: number;
  };
  warnings: CaseProblem[];
  /** Whether it can be written as our catalog's `competencies.yaml`, and why not. */
  catalogFormat: { ok: boolean; problems: CaseProblem[] };
}

function importOrThrow(json: unknown): { framework: ImportedFramework; warnings: CaseProblem[] } {
  try {
    return caseToFramework(json);
  } catch (e) {
    if (e instanceof CaseValidationError) throw caseError(e);
    throw e;
  }
}

/** Checks a CASE package and summarises it. Throws {@link CaseError} listing every problem. */
/** Own domains (by id or name) to put under one of the five HLA domains when writing the catalog format. */
export type DomainMap = Readonly<Record<string, CompetencyDomainId>>;

export function checkCase(
  json: unknown,
  builtin?: CompetencyFramework | null,
  domainMap?: DomainMap,
): CaseCheck {
  const { framework: f, warnings } = importOrThrow(json);
  let catalogFormat: CaseCheck['catalogFormat'] = { ok: true, problems: [] };
  try {
    toCatalogFramework(f, builtin ?? undefined, { domainMap });
  } catch (e) {
    if (!(e instanceof CaseValidationError)) throw e;
    catalogFormat = { ok: false, problems: e.problems };
  }
  return {
    framework: {
      id: f.id,
      name: f.name,
      ...(f.creator ? { creator: f.creator } : {}),
      verifiedAsOf: f.verifiedAsOf,
      domains: f.domains.map((d) => ({
        id: d.id,
        name: d.name,
        hla: d.hla ?? null,
        competencies: f.competencies.filter((c) => c.domain === d.id).length,
      })),
      competencies: f.competencies.length,
      scaleLevels: f.scale.map((s) => ({ level: s.level, name: s.name })),
      relatedFrameworks: f.relatedFrameworks.length,
    },
    warnings,
    catalogFormat,
  };
}

/**
 * A CASE package as our catalog's `competencies.yaml`: the framework, the YAML text and every
 * warning (of the import and of the conversion). Throws {@link CaseError}.
 */
export function caseToCatalogYaml(
  json: unknown,
  builtin?: CompetencyFramework | null,
  domainMap?: DomainMap,
): { framework: CompetencyFramework; yaml: string; warnings: CaseProblem[] } {
  const imported = importOrThrow(json);
  try {
    const { framework, warnings } = toCatalogFramework(imported.framework, builtin ?? undefined, {
      domainMap,
    });
    return { framework, yaml: frameworkYaml(framework), warnings: [...imported.warnings, ...warnings] };
  } catch (e) {
    if (e instanceof CaseValidationError)
      throw new CaseError(
        `The framework cannot be written in the catalog format: ${e.message.replace(/^The CASE package is invalid: /, '')}`,
        e.problems,
      );
    throw e;
  }
}

/** Our framework as the text of `competencies.yaml`. */
export function frameworkYaml(framework: CompetencyFramework): string {
  const header = [
    `# ${framework.name}: a competency framework imported from 1EdTech CASE (docs/case.md).`,
    '# Check the confidence, add the sources you read and the topics before relying on it.',
  ];
  return `${header.join('\n')}\n${stringify(framework, { lineWidth: 0, aliasDuplicateObjects: false })}`;
}
