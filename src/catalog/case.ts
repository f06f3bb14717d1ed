/**
 * 1EdTech CASE 1.0 (Competencies and Academic Standards Exchange) import and export of a competency
 * framework. Pure functions: no I/O, no clock ("now" is an argument). What maps to what, and why, is
 * in docs/case.md.
 *
 * - {@link frameworkToCase}: our framework as a CASE package (CFDocument, CFItems for domains and
 *   competencies, isChildOf / isRelatedTo CFAssociations, the 1–5 scale as a CFRubric).
 * - {@link caseToFramework}: any CASE package as an {@link ImportedFramework} (its own domains, kept
 *   even when they are not the five HLA domains), or a {@link CaseValidationError} listing every
 *   problem with its path.
 * - {@link toCatalogFramework}: an imported framework in our catalog format (`competencies.yaml`),
 *   which holds the five HLA domains only: other domains are refused by name.
 */
import { z } from 'zod';
import {
  competencyDomainIds,
  competencyFrameworkSchema,
  competencyTopicSchema,
  type Competency,
  type CompetencyDomainId,
  type CompetencyFramework,
  type CompetencyTopic,
  type RelatedFramework,
} from './career-schema.js';
import type { Confidence } from './schema.js';
import { crossCheckFramework } from './validate.js';

/* ------------------------------------------------------------------ identifiers (UUID v5) */

function sha1(bytes: Uint8Array): Uint8Array {
  const length = (((bytes.length + 8) >> 6) + 1) << 6;
  const buf = new Uint8Array(length);
  buf.set(bytes);
  buf[bytes.length] = 0x80;
  const view = new DataView(buf.buffer);
  const bits = bytes.length * 8;
  view.setUint32(length - 8, Math.floor(bits / 2 ** 32));
  view.setUint32(length - 4, bits >>> 0);
  const h = [0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476, 0xc3d2e1f0];
  const w = new Uint32Array(80);
  for (let off = 0; off < length; off += 64) {
    for (let i = 0; i < 16; i++) w[i] = view.getUint32(off + i * 4);
    for (let i = 16; i < 80; i++) {
      const x = w[i - 3]! ^ w[i - 8]! ^ w[i - 14]! ^ w[i - 16]!;
      w[i] = (x << 1) | (x >>> 31);
    }
    let [a, b, c, d, e] = h as [number, number, number, number, number];
    for (let i = 0; i < 80; i++) {
      const [f, k] =
        i < 20
          ? [(b & c) | (~b & d), 0x5a827999]
          : i < 40
            ? [b ^ c ^ d, 0x6ed9eba1]
            : i < 60
              ? [(b & c) | (b & d) | (c & d), 0x8f1bbcdc]
              : [b ^ c ^ d, 0xca62c1d6];
      const t = (((a << 5) | (a >>> 27)) + f + e + k + w[i]!) >>> 0;
      e = d;
      d = c;
      c = ((b << 30) | (b >>> 2)) >>> 0;
      b = a;
      a = t;
    }
    h[0] = (h[0]! + a) >>> 0;
    h[1] = (h[1]! + b) >>> 0;
    h[2] = (h[2]! + c) >>> 0;
    h[3] = (h[3]! + d) >>> 0;
    h[4] = (h[4]! + e) >>> 0;
  }
  const out = new Uint8Array(20);
  const outView = new DataView(out.buffer);
  h.forEach((v, i) => outView.setUint32(i * 4, v));
  return out;
}

/** The RFC 4122 URL namespace. */
const URL_NAMESPACE = '6ba7b811-9dad-11d1-80b4-00c04fd430c8';

/** A name-based (version 5, SHA-1) UUID, as RFC 4122 defines it. */
export function uuidV5(name: string, namespace: string = URL_NAMESPACE): string {
  const ns = namespace.replace(/-/g, '');
  const nsBytes = Uint8Array.from({ length: 16 }, (_, i) => parseInt(ns.slice(i * 2, i * 2 + 2), 16));
  const nameBytes = new TextEncoder().encode(name);
  const input = new Uint8Array(16 + nameBytes.length);
  input.set(nsBytes);
  input.set(nameBytes, 16);
  const hash = sha1(input).slice(0, 16);
  hash[6] = (hash[6]! & 0x0f) | 0x50;
  hash[8] = (hash[8]! & 0x3f) | 0x80;
  const hex = Array.from(hash, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/* ------------------------------------------------------------------ CASE shapes */

/** The CASE 1.0 association types. */
export const caseAssociationTypes = [
  'isChildOf',
  'isPeerOf',
  'isPartOf',
  'exactMatchOf',
  'precedes',
  'isRelatedTo',
  'replacedBy',
  'exemplar',
  'hasSkillLevel',
] as const;

const missing = (what: string) => (iss: { input: unknown }) =>
  iss.input === undefined ? 'missing' : `must be ${what}, not ${describe(iss.input)}`;
function describe(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  return typeof v === 'object' ? 'an object' : `${typeof v} ${JSON.stringify(v)}`.slice(0, 60);
}
const str = () => z.string({ error: missing('text') }).trim().min(1, 'must not be empty');
const optStr = () => z.string({ error: missing('text') }).optional();

/** A link to a node (LinkGenURI / LinkURI): CASE gives title, identifier and uri; we need the identifier. */
export const caseLinkSchema = z.looseObject(
  { identifier: str(), title: optStr(), uri: optStr() },
  { error: missing('an object {identifier, title, uri}') },
);

export const caseDocumentSchema = z.looseObject(
  {
    identifier: str(),
    uri: optStr(),
    creator: optStr(),
    title: str(),
    lastChangeDateTime: z
      .string({ error: missing('a date-time') })
      .regex(/^\d{4}-\d{2}-\d{2}/, 'must be a date-time such as 2026-11-27T00:00:00Z'),
    description: optStr(),
    version: optStr(),
    language: optStr(),
    notes: optStr(),
  },
  { error: missing('an object') },
);

export const caseItemSchema = z.looseObject(
  {
    identifier: str(),
    uri: optStr(),
    fullStatement: str(),
    abbreviatedStatement: optStr(),
    alternativeLabel: optStr(),
    humanCodingScheme: optStr(),
    listEnumeration: optStr(),
    CFItemType: optStr(),
    conceptKeywords: z.array(z.string({ error: missing('text') }), { error: missing('a list of words') }).optional(),
    notes: optStr(),
  },
  { error: missing('an object') },
);
export type CaseItem = z.infer<typeof caseItemSchema>;

export const caseAssociationSchema = z.looseObject(
  {
    identifier: str(),
    uri: optStr(),
    associationType: z.enum(caseAssociationTypes, {
      error: (iss) =>
        iss.input === undefined
          ? 'missing'
          : `must be one of ${caseAssociationTypes.join(', ')}, not ${describe(iss.input)}`,
    }),
    sequenceNumber: z.number({ error: missing('a number') }).optional(),
    originNodeURI: caseLinkSchema,
    destinationNodeURI: caseLinkSchema,
    CFAssociationGroupingURI: caseLinkSchema.optional(),
  },
  { error: missing('an object') },
);
export type CaseAssociation = z.infer<typeof caseAssociationSchema>;

const rubricLevelSchema = z.looseObject(
  {
    identifier: optStr(),
    quality: optStr(),
    description: optStr(),
    score: z.number({ error: missing('a number') }).optional(),
    position: z.number({ error: missing('a number') }).optional(),
  },
  { error: missing('an object') },
);
const rubricCriterionSchema = z.looseObject(
  {
    identifier: optStr(),
    category: optStr(),
    description: optStr(),
    CFRubricCriterionLevels: z.array(rubricLevelSchema, { error: missing('a list') }).optional(),
  },
  { error: missing('an object') },
);
export const caseRubricSchema = z.looseObject(
  {
    identifier: str(),
    title: optStr(),
    description: optStr(),
    CFRubricCriteria: z.array(rubricCriterionSchema, { error: missing('a list') }).optional(),
  },
  { error: missing('an object') },
);

const groupingSchema = z.looseObject(
  { identifier: str(), title: str(), description: optStr(), uri: optStr() },
  { error: missing('an object') },
);

/** A CASE package as we write it (readers take any extra CASE fields as well). */
export interface CasePackage {
  CFDocument: Record<string, unknown> & { identifier: string; title: string };
  CFItems: (Record<string, unknown> & { identifier: string; fullStatement: string })[];
  CFAssociations: (Record<string, unknown> & { identifier: string; associationType: string })[];
  CFDefinitions?: Record<string, unknown>;
  CFRubrics?: Record<string, unknown>[];
}

/* ------------------------------------------------------------------ export */

export interface CaseExportOptions {
  /** The site's address (no trailing slash); node URIs point into its CASE download. Default `urn:uuid:`. */
  baseUrl?: string;
  /** lastChangeDateTime of every node, an ISO date-time. */
  now: string;
  /** The package's version (e.g. the catalog version); default the framework's verified-as-of date. */
  version?: string;
}

const licenceWords: Record<RelatedFramework['licence'], string> = {
  open: 'open',
  summaries_only: 'summaries only',
  names_and_links_only: 'names and links only',
};

function provenanceNote(p: {
  confidence?: Confidence;
  judgement?: boolean;
  sources?: readonly string[];
  note?: string;
}): string | undefined {
  const parts: string[] = [];
  if (p.judgement) parts.push('Our judgement (our own grouping or wording).');
  if (p.confidence) parts.push(`Confidence: ${p.confidence}.`);
  if (p.sources?.length) parts.push(`Sources: ${p.sources.join(', ')}.`);
  if (p.note) parts.push(`Note: ${p.note}`);
  return parts.length ? parts.join(' ') : undefined;
}

/**
 * Our framework as a CASE 1.0 package. Identifiers are UUID v5 of the framework id and the item id,
 * so the same framework always gives the same identifiers. Crosswalk names become `isRelatedTo`
 * associations to external nodes (a name and the other framework's link, nothing more: some
 * frameworks allow names and links only), grouped per related framework.
 */
export function frameworkToCase(framework: CompetencyFramework, options: CaseExportOptions): CasePackage {
  const base = options.baseUrl?.replace(/\/+$/, '');
  const now = options.now;
  const idOf = (kind: string, id = '') => uuidV5(`hmp:case:${framework.id}:${kind}:${id}`);
  const uriOf = (identifier: string) =>
    base ? `${base}/api/competencies/case#${identifier}` : `urn:uuid:${identifier}`;
  const docId = idOf('document');
  const docLink = { title: framework.name, identifier: docId, uri: uriOf(docId) };
  const link = (identifier: string, title: string) => ({ title, identifier, uri: uriOf(identifier) });

  const CFDocument = {
    identifier: docId,
    uri: uriOf(docId),
    creator: 'Healthcare Management Pathways',
    title: framework.name,
    lastChangeDateTime: now,
    version: options.version ?? framework.verifiedAsOf,
    description: framework.description,
    language: 'en',
    subject: ['Healthcare management'],
    notes: `Verified as of ${framework.verifiedAsOf}. Confidence: ${framework.confidence}. Sources: ${framework.sources
      .map((s) => `${s.title} <${s.url}>`)
      .join('; ')}.`,
    CFPackageURI: link(docId, framework.name),
  };

  const CFItems: CasePackage['CFItems'] = [];
  const CFAssociations: CasePackage['CFAssociations'] = [];
  const domainIds = new Map<string, string>();
  framework.domains.forEach((d, i) => {
    const identifier = idOf('domain', d.id);
    domainIds.set(d.id, identifier);
    CFItems.push({
      identifier,
      uri: uriOf(identifier),
      fullStatement: d.description,
      abbreviatedStatement: d.name,
      humanCodingScheme: d.id,
      listEnumeration: String(i + 1),
      CFItemType: 'Domain',
      CFItemTypeURI: link(idOf('itemType', 'Domain'), 'Domain'),
      language: 'en',
      notes: provenanceNote(d),
      lastChangeDateTime: now,
      CFDocumentURI: docLink,
    });
    const assoc = idOf('isChildOf', d.id);
    CFAssociations.push({
      identifier: assoc,
      uri: uriOf(assoc),
      associationType: 'isChildOf',
      sequenceNumber: i + 1,
      originNodeURI: link(identifier, d.name),
      destinationNodeURI: docLink,
      lastChangeDateTime: now,
      CFDocumentURI: docLink,
    });
  });

  const related = new Map(framework.relatedFrameworks.map((f) => [f.id, f]));
  const groupingId = (f: RelatedFramework) => idOf('grouping', f.id);
  const sequence = new Map<string, number>();
  for (const c of framework.competencies) {
    const identifier = idOf('competency', c.id);
    const parent = domainIds.get(c.domain);
    const n = (sequence.get(c.domain) ?? 0) + 1;
    sequence.set(c.domain, n);
    CFItems.push({
      identifier,
      uri: uriOf(identifier),
      fullStatement: c.description,
      abbreviatedStatement: c.label,
      humanCodingScheme: c.id,
      listEnumeration: String(n),
      CFItemType: 'Competency',
      CFItemTypeURI: link(idOf('itemType', 'Competency'), 'Competency'),
      conceptKeywords: [...c.topics],
      language: 'en',
      notes: provenanceNote(c),
      lastChangeDateTime: now,
      CFDocumentURI: docLink,
    });
    if (parent) {
      const assoc = idOf('isChildOf', c.id);
      CFAssociations.push({
        identifier: assoc,
        uri: uriOf(assoc),
        associationType: 'isChildOf',
        sequenceNumber: n,
        originNodeURI: link(identifier, c.label),
        destinationNodeURI: link(parent, framework.domains.find((d) => d.id === c.domain)?.name ?? c.domain),
        lastChangeDateTime: now,
        CFDocumentURI: docLink,
      });
    }
    for (const x of c.crosswalk ?? []) {
      const f = related.get(x.framework);
      if (!f) continue;
      const assoc = idOf('isRelatedTo', `${c.id}:${x.framework}:${x.name}`);
      // The other framework's node: its name and the framework's own link (names and links only).
      const external = uuidV5(`hmp:case:external:${x.framework}:${x.name}`);
      CFAssociations.push({
        identifier: assoc,
        uri: uriOf(assoc),
        associationType: 'isRelatedTo',
        originNodeURI: link(identifier, c.label),
        destinationNodeURI: { title: x.name, identifier: external, uri: f.url },
        CFAssociationGroupingURI: link(groupingId(f), f.name),
        lastChangeDateTime: now,
        CFDocumentURI: docLink,
      });
    }
  }

  const CFDefinitions = {
    CFItemTypes: ['Domain', 'Competency'].map((t) => {
      const identifier = idOf('itemType', t);
      return {
        identifier,
        uri: uriOf(identifier),
        title: t,
        description: t === 'Domain' ? 'A group of competencies' : 'A competency a person is rated on (1–5)',
        hierarchyCode: t === 'Domain' ? '1' : '2',
        lastChangeDateTime: now,
      };
    }),
    CFAssociationGroupings: framework.relatedFrameworks.map((f) => ({
      identifier: groupingId(f),
      uri: f.url,
      title: f.name,
      description: `Publisher: ${f.publisher}. Licence: ${licenceWords[f.licence]}.${f.note ? ` ${f.note}` : ''}`,
      lastChangeDateTime: now,
    })),
  };

  const rubricId = idOf('rubric', 'scale');
  const criterionId = idOf('rubricCriterion', 'scale');
  const ours = framework.scale.filter((s) => s.judgement).map((s) => s.level);
  const CFRubrics = [
    {
      identifier: rubricId,
      uri: uriOf(rubricId),
      title: 'Proficiency scale (1–5)',
      description: `The proficiency scale every competency of the framework is rated on.${
        ours.length ? ` The wording of level${ours.length > 1 ? 's' : ''} ${ours.join(' and ')} is ours.` : ''
      }`,
      lastChangeDateTime: now,
      CFRubricCriteria: [
        {
          identifier: criterionId,
          uri: uriOf(criterionId),
          category: 'Proficiency',
          description: 'Proficiency in a competency of the framework',
          position: 1,
          rubricId,
          lastChangeDateTime: now,
          CFRubricCriterionLevels: framework.scale.map((s) => {
            const identifier = idOf('rubricLevel', String(s.level));
            return {
              identifier,
              uri: uriOf(identifier),
              quality: s.name,
              description: s.meaning,
              score: s.level,
              position: s.level,
              rubricCriterionId: criterionId,
              lastChangeDateTime: now,
            };
          }),
        },
      ],
    },
  ];

  return stripUndefined({ CFDocument, CFItems, CFAssociations, CFDefinitions, CFRubrics });
}

function stripUndefined<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

/* ------------------------------------------------------------------ import */

/** One problem with a CASE package: where (`CFItems[3].identifier`) and what. */
export interface CaseProblem {
  path: string;
  message: string;
}

/** The package cannot be used; `problems` lists every problem found, each with its path. */
export class CaseValidationError extends Error {
  constructor(readonly problems: CaseProblem[]) {
    const first = problems[0];
    const more = problems.length - 1;
    super(
      `The CASE package is invalid: ${first ? `${first.path ? `${first.path}: ` : ''}${first.message}` : 'unknown problem'}${
        more > 0 ? ` (and ${more} more ${more === 1 ? 'problem' : 'problems'})` : ''
      }`,
    );
    this.name = 'CaseValidationError';
  }
}

/** An imported domain: its own id and name; `hla` when it is one of our five domains. */
export interface ImportedDomain {
  id: string;
  name: string;
  description: string;
  hla?: CompetencyDomainId;
  confidence?: Confidence;
}

/** An imported competency: its domain is an imported domain's id; keywords that are not our topics are kept apart. */
export interface ImportedCompetency {
  id: string;
  label: string;
  domain: string;
  description: string;
  topics: CompetencyTopic[];
  keywords: string[];
  judgement?: boolean;
  confidence?: Confidence;
  crosswalk?: { framework: string; name: string }[];
}

export interface ImportedScaleLevel {
  level: number;
  name: string;
  meaning: string;
}

/** A framework read from CASE: an organisation's own domains, competencies and scale. */
export interface ImportedFramework {
  id: string;
  name: string;
  description: string;
  creator?: string;
  verifiedAsOf: string;
  confidence?: Confidence;
  domains: ImportedDomain[];
  competencies: ImportedCompetency[];
  /** Levels in order; empty when the package has no rubric. */
  scale: ImportedScaleLevel[];
  relatedFrameworks: RelatedFramework[];
}

export interface CaseImport {
  framework: ImportedFramework;
  warnings: CaseProblem[];
}

const MAX_PROBLEMS = 200;

function formatPath(path: readonly PropertyKey[], prefix = ''): string {
  let out = prefix;
  for (const key of path) out += typeof key === 'number' ? `[${key}]` : out ? `.${String(key)}` : String(key);
  return out;
}

function zodProblems(error: z.ZodError, prefix: string): CaseProblem[] {
  return error.issues.map((i) => ({ path: formatPath(i.path, prefix), message: i.message }));
}

/** A lower-case id (letters, digits, `_`, `-`) from a code or a label. */
export function slugId(text: string): string {
  const slug = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9_]+/g, '-')
    .replace(/^[-_]+|[-_]+$/g, '')
    .slice(0, 60)
    .replace(/[-_]+$/, '');
  return slug || 'item';
}

const domainAliases: Record<CompetencyDomainId, string[]> = {
  communication_relationships: [
    'communication and relationship management',
    'communication and relationships',
    'communication and relationship',
    'communication',
  ],
  leadership: ['leadership'],
  professionalism: ['professionalism'],
  healthcare_environment: [
    'knowledge of the healthcare environment',
    'knowledge of the health care environment',
    'healthcare environment',
    'health care environment',
  ],
  business_skills: ['business skills and knowledge', 'business skills', 'business knowledge and skills'],
};
const normalizeLabel = (s: string) =>
  s
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^a-z ]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

/** One of the five HLA domains when the code or the label names it, else undefined. */
export function matchHlaDomain(code: string | undefined, label: string): CompetencyDomainId | undefined {
  const byCode = competencyDomainIds.find((d) => d === code);
  if (byCode) return byCode;
  const norm = normalizeLabel(label);
  return competencyDomainIds.find((d) => domainAliases[d].includes(norm));
}

const confidenceIn = (notes: string | undefined): Confidence | undefined =>
  /Confidence: (high|medium|low)\b/.exec(notes ?? '')?.[1] as Confidence | undefined;
const licenceIn = (text: string | undefined): RelatedFramework['licence'] | undefined => {
  const words = /Licence: ([a-z ]+)\./i.exec(text ?? '')?.[1]?.toLowerCase();
  return (Object.entries(licenceWords) as [RelatedFramework['licence'], string][]).find(([, w]) => w === words)?.[0];
};

interface Located<T> {
  value: T;
  index: number;
}

/**
 * Reads a CASE 1.0 package. Top-level children of the CFDocument become domains; every item below a
 * domain becomes a competency of it (deeper levels are flattened, with a warning). Throws
 * {@link CaseValidationError} listing every problem with its path.
 */
export function caseToFramework(json: unknown, options: { id?: string } = {}): CaseImport {
  const problems: CaseProblem[] = [];
  const warnings: CaseProblem[] = [];
  const fail = (path: string, message: string) => problems.push({ path, message });
  const warn = (path: string, message: string) => warnings.push({ path, message });

  if (typeof json !== 'object' || json === null || Array.isArray(json))
    throw new CaseValidationError([
      { path: '', message: `a CASE package must be a JSON object {CFDocument, CFItems, CFAssociations}, not ${describe(json)}` },
    ]);
  const pkg = json as Record<string, unknown>;

  // The document.
  const doc = caseDocumentSchema.safeParse(pkg.CFDocument);
  if (!doc.success) problems.push(...zodProblems(doc.error, 'CFDocument'));

  // Items and associations, one by one so that every bad element is named.
  const listOf = <T>(key: string, schema: z.ZodType<T>, required: boolean): Located<T>[] => {
    const raw = pkg[key];
    if (raw === undefined) {
      if (required) fail(key, 'missing');
      return [];
    }
    if (!Array.isArray(raw)) {
      fail(key, `must be a list, not ${describe(raw)}`);
      return [];
    }
    const out: Located<T>[] = [];
    raw.forEach((entry, index) => {
      const r = schema.safeParse(entry);
      if (r.success) out.push({ value: r.data, index });
      else problems.push(...zodProblems(r.error, `${key}[${index}]`));
    });
    return out;
  };
  const items = listOf('CFItems', caseItemSchema, true);
  const associations = listOf('CFAssociations', caseAssociationSchema, true);
  const rubrics = listOf('CFRubrics', caseRubricSchema, false);
  const defs = pkg.CFDefinitions;
  const groupings: Located<z.infer<typeof groupingSchema>>[] = [];
  if (defs !== undefined) {
    if (typeof defs !== 'object' || defs === null || Array.isArray(defs))
      fail('CFDefinitions', `must be an object, not ${describe(defs)}`);
    else {
      const raw = (defs as Record<string, unknown>).CFAssociationGroupings;
      if (raw !== undefined && !Array.isArray(raw))
        fail('CFDefinitions.CFAssociationGroupings', `must be a list, not ${describe(raw)}`);
      else
        (raw ?? []).forEach((g: unknown, index: number) => {
          const r = groupingSchema.safeParse(g);
          if (r.success) groupings.push({ value: r.data, index });
          else problems.push(...zodProblems(r.error, `CFDefinitions.CFAssociationGroupings[${index}]`));
        });
    }
  }

  // Identifiers: unique across the document and the items.
  const docId = doc.success ? doc.data.identifier : undefined;
  const byId = new Map<string, Located<CaseItem>>();
  for (const it of items) {
    const id = it.value.identifier;
    if (id === docId) fail(`CFItems[${it.index}].identifier`, `duplicate identifier "${id}" (the CFDocument's)`);
    else if (byId.has(id))
      fail(`CFItems[${it.index}].identifier`, `duplicate identifier "${id}" (also CFItems[${byId.get(id)!.index}])`);
    else byId.set(id, it);
  }
  const assocIds = new Map<string, number>();
  for (const a of associations) {
    const seen = assocIds.get(a.value.identifier);
    if (seen !== undefined)
      fail(`CFAssociations[${a.index}].identifier`, `duplicate identifier "${a.value.identifier}" (also CFAssociations[${seen}])`);
    else assocIds.set(a.value.identifier, a.index);
  }

  // Parents from isChildOf.
  const parents = new Map<string, { parent: string; index: number; seq: number }[]>();
  const known = (id: string) => id === docId || byId.has(id);
  for (const a of associations) {
    const { associationType, originNodeURI, destinationNodeURI } = a.value;
    const at = `CFAssociations[${a.index}]`;
    if (associationType !== 'isChildOf') continue;
    let ok = true;
    if (!byId.has(originNodeURI.identifier)) {
      ok = false;
      fail(
        `${at}.originNodeURI.identifier`,
        originNodeURI.identifier === docId
          ? 'the CFDocument cannot be the child of anything'
          : `no CFItem has id "${originNodeURI.identifier}"`,
      );
    }
    if (!known(destinationNodeURI.identifier)) {
      ok = false;
      fail(`${at}.destinationNodeURI.identifier`, `no CFItem or CFDocument has id "${destinationNodeURI.identifier}"`);
    }
    if (originNodeURI.identifier === destinationNodeURI.identifier) {
      ok = false;
      fail(at, `isChildOf links "${originNodeURI.identifier}" to itself`);
    }
    if (!ok) continue;
    const list = parents.get(originNodeURI.identifier) ?? [];
    list.push({ parent: destinationNodeURI.identifier, index: a.index, seq: a.value.sequenceNumber ?? Infinity });
    parents.set(originNodeURI.identifier, list);
  }

  const labelOf = (id: string) => {
    const it = byId.get(id)?.value;
    return it ? (it.humanCodingScheme ?? it.abbreviatedStatement ?? it.identifier) : id;
  };

  // Cycles: follow every isChildOf edge between items (depth-first, colouring).
  const state = new Map<string, 'visiting' | 'done'>();
  const inCycle = new Set<string>();
  const stack: string[] = [];
  const visit = (id: string) => {
    state.set(id, 'visiting');
    stack.push(id);
    for (const p of parents.get(id) ?? []) {
      if (p.parent === docId) continue;
      const s = state.get(p.parent);
      if (s === 'visiting') {
        const cycle = [...stack.slice(stack.indexOf(p.parent)), p.parent];
        cycle.forEach((c) => inCycle.add(c));
        const edges = cycle
          .slice(0, -1)
          .map((c, i) => parents.get(c)?.find((e) => e.parent === cycle[i + 1])?.index)
          .filter((n): n is number => n !== undefined)
          .sort((a, b) => a - b);
        fail(
          'CFAssociations',
          `isChildOf cycle: ${cycle.map(labelOf).join(' → ')} (CFAssociations${edges.map((n) => `[${n}]`).join(', ')})`,
        );
      } else if (s === undefined) visit(p.parent);
    }
    stack.pop();
    state.set(id, 'done');
  };
  for (const id of byId.keys()) if (!state.has(id)) visit(id);

  // Items named as the child in an association that is itself broken (already reported).
  const brokenChildOf = new Set<string>();
  const rawAssociations = Array.isArray(pkg.CFAssociations) ? (pkg.CFAssociations as unknown[]) : [];
  rawAssociations.forEach((raw, index) => {
    const r = raw as { associationType?: unknown; originNodeURI?: { identifier?: unknown } } | null;
    const origin = r?.originNodeURI?.identifier;
    if (typeof origin !== 'string') return;
    const parsed = associations.find((a) => a.index === index);
    if (!parsed || (parsed.value.associationType === 'isChildOf' && !parents.get(origin)?.some((p) => p.index === index)))
      brokenChildOf.add(origin);
  });

  // Every item needs a parent; several parents: the first (by sequence number) is used.
  const parentOf = new Map<string, string>();
  for (const [id, it] of byId) {
    const list = parents.get(id);
    if (!list?.length) {
      if (brokenChildOf.has(id)) continue;
      fail(`CFItems[${it.index}]`, `"${labelOf(id)}" has no parent: no isChildOf association places it under the CFDocument or another item`);
      continue;
    }
    const sorted = [...list].sort((a, b) => a.seq - b.seq || a.index - b.index);
    if (sorted.length > 1)
      warn(
        `CFItems[${it.index}]`,
        `"${labelOf(id)}" has ${sorted.length} parents; it is placed under the one of CFAssociations[${sorted[0]!.index}]`,
      );
    parentOf.set(id, sorted[0]!.parent);
  }

  // Other associations: crosswalk links from our items to other frameworks' nodes.
  const groupingById = new Map(groupings.map((g) => [g.value.identifier, g]));
  const crosswalk = new Map<string, { framework: string; name: string }[]>();
  const relatedFrameworks = new Map<string, RelatedFramework>();
  for (const a of associations) {
    const { associationType, originNodeURI, destinationNodeURI, CFAssociationGroupingURI } = a.value;
    if (associationType === 'isChildOf') continue;
    const at = `CFAssociations[${a.index}]`;
    if (!byId.has(originNodeURI.identifier)) {
      warn(`${at}.originNodeURI.identifier`, `no CFItem has id "${originNodeURI.identifier}"; the ${associationType} association is ignored`);
      continue;
    }
    if (known(destinationNodeURI.identifier)) continue; // a link inside the framework: not kept
    const grouping = CFAssociationGroupingURI && groupingById.get(CFAssociationGroupingURI.identifier)?.value;
    const name = destinationNodeURI.title?.trim();
    if (!grouping || !name) {
      warn(at, `${associationType} to a node outside the package without a named framework grouping or title: not kept`);
      continue;
    }
    const fid = slugId(grouping.title);
    if (!relatedFrameworks.has(fid)) {
      const licence = licenceIn(grouping.description);
      if (!licence) warn(at, `the licence of "${grouping.title}" is not stated; kept as names and links only`);
      const url = grouping.uri ?? destinationNodeURI.uri;
      if (!url || !/^https?:\/\//.test(url)) {
        warn(at, `"${grouping.title}" has no web address; the ${associationType} association is not kept`);
        continue;
      }
      relatedFrameworks.set(fid, {
        id: fid,
        name: grouping.title,
        publisher: /Publisher: ([^.]+)\./.exec(grouping.description ?? '')?.[1] ?? grouping.title,
        url,
        licence: licence ?? 'names_and_links_only',
      });
    }
    const list = crosswalk.get(originNodeURI.identifier) ?? [];
    list.push({ framework: fid, name });
    crosswalk.set(originNodeURI.identifier, list);
  }

  // Levels: the document's children are domains; anything below belongs to its top domain.
  const topOf = (id: string): { top: string; depth: number } | undefined => {
    let current = id;
    let depth = 1;
    for (;;) {
      const p = parentOf.get(current);
      if (p === undefined || inCycle.has(current)) return undefined;
      if (p === docId) return { top: current, depth };
      current = p;
      depth++;
      if (depth > byId.size + 1) return undefined;
    }
  };

  const domainItems: Located<CaseItem>[] = [];
  const competencyItems: { item: Located<CaseItem>; top: string; depth: number }[] = [];
  for (const [id, it] of byId) {
    if (!parentOf.has(id)) continue;
    const place = topOf(id);
    if (!place) {
      if (!inCycle.has(id))
        fail(`CFItems[${it.index}]`, `"${labelOf(id)}" is not under the CFDocument (its parents lead to a cycle)`);
      continue;
    }
    if (place.depth === 1) domainItems.push(it);
    else competencyItems.push({ item: it, top: place.top, depth: place.depth });
  }
  if (items.length && !domainItems.length && !problems.length)
    fail('CFAssociations', 'no item is a child of the CFDocument: there are no domains');

  const sequenceOf = (id: string) => {
    const p = parents.get(id)?.[0];
    return p?.seq ?? Infinity;
  };
  const order = (a: Located<CaseItem>, b: Located<CaseItem>) =>
    sequenceOf(a.value.identifier) - sequenceOf(b.value.identifier) || a.index - b.index;

  // Ids: from humanCodingScheme or the label, lower-case; duplicates get suffixes.
  const takeId = (used: Set<string>, it: Located<CaseItem>, what: string): string => {
    const source = it.value.humanCodingScheme ?? it.value.abbreviatedStatement ?? it.value.fullStatement;
    const base = slugId(source);
    let id = base;
    for (let n = 2; used.has(id); n++) id = `${base}-${n}`;
    if (id !== base) warn(`CFItems[${it.index}]`, `${what} id "${base}" is taken; this one is "${id}"`);
    used.add(id);
    return id;
  };

  const domainIdOf = new Map<string, string>();
  const usedDomainIds = new Set<string>();
  const domains: ImportedDomain[] = [...domainItems].sort(order).map((it) => {
    const v = it.value;
    const name = v.abbreviatedStatement ?? v.alternativeLabel ?? v.fullStatement;
    const hla = matchHlaDomain(v.humanCodingScheme, name);
    let id: string;
    if (hla && !usedDomainIds.has(hla)) {
      id = hla;
      usedDomainIds.add(id);
    } else id = takeId(usedDomainIds, it, 'domain');
    domainIdOf.set(v.identifier, id);
    return {
      id,
      name,
      description: v.fullStatement,
      ...(hla && id === hla ? { hla } : {}),
      ...(confidenceIn(v.notes) ? { confidence: confidenceIn(v.notes) } : {}),
    };
  });

  const usedIds = new Set<string>();
  const competencies: ImportedCompetency[] = [];
  const byDomain = new Map<string, typeof competencyItems>();
  for (const c of competencyItems) {
    const list = byDomain.get(c.top) ?? [];
    list.push(c);
    byDomain.set(c.top, list);
    if (c.depth > 2)
      warn(
        `CFItems[${c.item.index}]`,
        `"${labelOf(c.item.value.identifier)}" is ${c.depth - 1} levels below its domain; it is listed directly under "${labelOf(c.top)}"`,
      );
  }
  for (const d of [...domainItems].sort(order)) {
    const list = (byDomain.get(d.value.identifier) ?? []).sort(
      (a, b) => a.depth - b.depth || order(a.item, b.item),
    );
    if (!list.length) warn(`CFItems[${d.index}]`, `domain "${labelOf(d.value.identifier)}" has no competencies`);
    for (const { item } of list) {
      const v = item.value;
      const keywords = v.conceptKeywords ?? [];
      const topics = keywords.filter((k): k is CompetencyTopic => competencyTopicSchema.safeParse(k).success);
      const cw = crosswalk.get(v.identifier);
      const confidence = confidenceIn(v.notes);
      competencies.push({
        id: takeId(usedIds, item, 'competency'),
        label: v.abbreviatedStatement ?? v.alternativeLabel ?? v.humanCodingScheme ?? v.fullStatement.slice(0, 60),
        domain: domainIdOf.get(d.value.identifier)!,
        description: v.fullStatement,
        topics,
        keywords: keywords.filter((k) => !topics.includes(k as CompetencyTopic)),
        ...(/Our judgement/.test(v.notes ?? '') ? { judgement: true } : {}),
        ...(confidence ? { confidence } : {}),
        ...(cw ? { crosswalk: cw } : {}),
      });
    }
  }
  if (domainItems.length && !competencies.length && !problems.length)
    fail('CFItems', 'no competencies: put items under the domains with isChildOf associations');

  // The scale: the first rubric's first criterion's levels, ordered by score (else position).
  const scale: ImportedScaleLevel[] = [];
  const rubric = rubrics[0];
  if (!rubric) warn('CFRubrics', 'no rubric: the framework has no proficiency scale');
  else {
    if (rubrics.length > 1) warn('CFRubrics', `${rubrics.length} rubrics; the first one is the proficiency scale`);
    const levels = rubric.value.CFRubricCriteria?.[0]?.CFRubricCriterionLevels ?? [];
    if (!levels.length) warn(`CFRubrics[${rubric.index}]`, 'the rubric has no criterion levels: no proficiency scale');
    const ranked = levels
      .map((l, i) => ({ l, i, rank: l.score ?? l.position ?? i + 1 }))
      .sort((a, b) => a.rank - b.rank || a.i - b.i);
    ranked.forEach(({ l, i }, n) => {
      const at = `CFRubrics[${rubric.index}].CFRubricCriteria[0].CFRubricCriterionLevels[${i}]`;
      const name = l.quality?.trim() || l.description?.trim();
      if (!name) fail(`${at}.quality`, 'missing: a level needs a name (quality) or a description');
      else scale.push({ level: n + 1, name, meaning: l.description?.trim() || name });
    });
  }

  if (problems.length) throw new CaseValidationError(capped(problems));
  const d = doc.success ? doc.data : undefined;
  const confidence = confidenceIn(d?.notes);
  return {
    framework: {
      id: options.id ?? frameworkIdOf(d!.title),
      name: d!.title,
      description: d!.description?.trim() || d!.title,
      ...(d!.creator ? { creator: d!.creator } : {}),
      verifiedAsOf: /Verified as of (\d{4}-\d{2}-\d{2})\b/.exec(d!.notes ?? '')?.[1] ?? d!.lastChangeDateTime.slice(0, 10),
      ...(confidence ? { confidence } : {}),
      domains,
      competencies,
      scale,
      relatedFrameworks: [...relatedFrameworks.values()],
    },
    warnings: capped(warnings),
  };
}

/** A framework id from its title: whole words, at most 40 characters. */
function frameworkIdOf(title: string): string {
  const words = slugId(title).split('-');
  let id = words[0]!.slice(0, 40);
  for (const w of words.slice(1)) {
    if (id.length + 1 + w.length > 40) break;
    id += `-${w}`;
  }
  return id;
}

function capped(list: CaseProblem[]): CaseProblem[] {
  if (list.length <= MAX_PROBLEMS) return list;
  return [...list.slice(0, MAX_PROBLEMS), { path: '', message: `${list.length - MAX_PROBLEMS} more not listed` }];
}

/* ------------------------------------------------------------------ into the catalog format */

/** The topic a competency gets when none of its keywords is one of ours. */
const defaultTopic: Record<CompetencyDomainId, CompetencyTopic> = {
  communication_relationships: 'communication',
  leadership: 'leadership',
  professionalism: 'professionalism',
  healthcare_environment: 'medical_literacy',
  business_skills: 'operations',
};

/**
 * An imported framework in our catalog format (`competencies.yaml`). The format holds the five HLA
 * domains and a five-level scale: a domain that is not one of the five is a problem (named with its
 * path); domains and scale the package leaves out are taken from `fallback` (the built-in framework)
 * with a warning. Throws {@link CaseValidationError}.
 */
export function toCatalogFramework(
  imported: ImportedFramework,
  fallback?: CompetencyFramework,
  options: {
    /** An own domain (by id or name) to put under one of the five domains, e.g. {"digital-health": "business_skills"}. */
    domainMap?: Readonly<Record<string, CompetencyDomainId>>;
  } = {},
): { framework: CompetencyFramework; warnings: CaseProblem[] } {
  const problems: CaseProblem[] = [];
  const warnings: CaseProblem[] = [];
  const hlaOf = new Map<string, CompetencyDomainId>();
  const map = options.domainMap ?? {};
  imported.domains.forEach((d, i) => {
    const mapped = map[d.id] ?? map[d.name];
    if (mapped) hlaOf.set(d.id, mapped);
    else if (d.hla) hlaOf.set(d.id, d.hla);
    else
      problems.push({
        path: `domains[${i}]`,
        message: `"${d.name}" is not one of the five HLA domains (${competencyDomainIds.join(', ')}); the catalog format holds only those: rename the domain (e.g. "Leadership") or map it onto one of them`,
      });
  });

  const domains: CompetencyFramework['domains'] = [];
  for (const id of competencyDomainIds) {
    const own = imported.domains.filter((x) => hlaOf.get(x.id) === id);
    const d = own.find((x) => x.hla === id) ?? own[0];
    if (own.length > 1)
      warnings.push({
        path: 'domains',
        message: `${own.map((x) => `"${x.name}"`).join(' and ')} are merged into "${id}"; the name "${d!.name}" is kept`,
      });
    if (d) {
      const builtin = d.hla === id ? undefined : fallback?.domains.find((x) => x.id === id);
      domains.push({
        id,
        name: builtin?.name ?? d.name,
        description: builtin?.description ?? d.description,
        ...(d.confidence && !builtin ? { confidence: d.confidence } : {}),
      });
    } else {
      const f = fallback?.domains.find((x) => x.id === id);
      if (f) {
        domains.push({ id, name: f.name, description: f.description });
        warnings.push({ path: 'domains', message: `domain "${id}" is not in the package; the built-in one is listed (no competencies)` });
      } else problems.push({ path: 'domains', message: `domain "${id}" is missing` });
    }
  }

  let scale: CompetencyFramework['scale'];
  if (imported.scale.length === 5) scale = imported.scale.map((s) => ({ level: s.level, name: s.name, meaning: s.meaning }));
  else if (fallback) {
    scale = fallback.scale.map((s) => ({
      level: s.level,
      name: s.name,
      meaning: s.meaning,
      ...(s.judgement ? { judgement: true } : {}),
      ...(s.note ? { note: s.note } : {}),
    }));
    warnings.push({
      path: 'scale',
      message: `the package's scale has ${imported.scale.length} levels; the catalog needs five, so the built-in 1–5 scale is used`,
    });
  } else {
    scale = [];
    problems.push({ path: 'scale', message: `has ${imported.scale.length} levels; the catalog needs the five levels 1–5` });
  }

  const competencies: Competency[] = imported.competencies.map((c, i) => {
    const domain = hlaOf.get(c.domain) ?? 'business_skills';
    let label = c.label.trim();
    if (label.length > 60) {
      label = `${label.slice(0, 59).replace(/\s+\S*$/, '')}…`;
      warnings.push({ path: `competencies[${i}].label`, message: `shortened to 60 characters: "${label}"` });
    }
    let topics = c.topics;
    if (!topics.length) {
      topics = [defaultTopic[domain]];
      warnings.push({ path: `competencies[${i}].topics`, message: `no known topic; set to "${topics[0]}" from its domain` });
    }
    return {
      id: c.id,
      label,
      domain,
      description: c.description,
      topics,
      ...(c.judgement ? { judgement: true } : {}),
      ...(c.crosswalk ? { crosswalk: c.crosswalk } : {}),
      ...(c.confidence ? { confidence: c.confidence } : {}),
    };
  });

  const confidence = imported.confidence ?? 'low';
  if (!imported.confidence)
    warnings.push({ path: 'confidence', message: 'the package states no confidence; set to low (unverified): edit it once checked' });

  const framework = {
    id: imported.id,
    name: imported.name,
    description: imported.description,
    sources: [],
    verifiedAsOf: imported.verifiedAsOf,
    confidence,
    domains,
    scale,
    relatedFrameworks: imported.relatedFrameworks,
    competencies,
  };
  if (!problems.length) {
    const parsed = competencyFrameworkSchema.safeParse(framework);
    if (!parsed.success) problems.push(...zodProblems(parsed.error, ''));
    else
      problems.push(...crossCheckFramework(parsed.data).map((p) => ({ path: formatPath(p.path), message: p.message })));
  }
  if (problems.length) throw new CaseValidationError(capped(problems));
  return { framework: framework as CompetencyFramework, warnings };
}
