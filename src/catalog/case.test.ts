import { describe, expect, it } from 'vitest';
import { builtinCatalog } from '../../test/support/catalog.js';
import type { CompetencyFramework } from './career-schema.js';
import {
  caseToFramework,
  CaseValidationError,
  frameworkToCase,
  matchHlaDomain,
  slugId,
  toCatalogFramework,
  uuidV5,
  type CasePackage,
} from './case.js';

const catalog = await builtinCatalog();
const framework = catalog.competencies!;
const now = '2026-11-28T00:00:00.000Z';

/** The problems a package gets, as `path: message` lines. */
function problemsOf(json: unknown): string[] {
  try {
    caseToFramework(json);
  } catch (e) {
    if (e instanceof CaseValidationError) return e.problems.map((p) => `${p.path}: ${p.message}`);
    throw e;
  }
  return [];
}

const doc = { identifier: 'doc', title: 'Our framework', lastChangeDateTime: '2026-01-02T00:00:00Z' };
const item = (identifier: string, extra: Record<string, unknown> = {}) => ({
  identifier,
  fullStatement: `Statement ${identifier}`,
  abbreviatedStatement: `Label ${identifier}`,
  ...extra,
});
const child = (identifier: string, origin: string, destination: string, extra: Record<string, unknown> = {}) => ({
  identifier,
  associationType: 'isChildOf',
  originNodeURI: { identifier: origin, title: origin },
  destinationNodeURI: { identifier: destination, title: destination },
  ...extra,
});
/** A small valid package: two domains (one of ours, one not), three competencies. */
function small(): CasePackage & Record<string, unknown> {
  return {
    CFDocument: { ...doc },
    CFItems: [
      item('d1', { abbreviatedStatement: 'Leadership' }),
      item('d2', { abbreviatedStatement: 'Digital Health' }),
      item('c1', { humanCodingScheme: 'LD.1', conceptKeywords: ['leadership', 'coaching'] }),
      item('c2', { humanCodingScheme: 'LD.2' }),
      item('c3', { humanCodingScheme: 'DH.1' }),
    ],
    CFAssociations: [
      child('a1', 'd1', 'doc', { sequenceNumber: 1 }),
      child('a2', 'd2', 'doc', { sequenceNumber: 2 }),
      child('a3', 'c1', 'd1'),
      child('a4', 'c2', 'd1'),
      child('a5', 'c3', 'd2'),
    ],
  };
}

describe('uuidV5', () => {
  it('matches the RFC 4122 name-based UUID of a known name', () => {
    // uuid v5 of "www.example.com" in the DNS namespace (Python's uuid.uuid5 gives the same).
    expect(uuidV5('www.example.com', '6ba7b810-9dad-11d1-80b4-00c04fd430c8')).toBe(
      '2ed6657d-e927-568b-95e1-2665a8aea6a2',
    );
    expect(uuidV5('x'.repeat(200))).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});

describe('frameworkToCase', () => {
  const pkg = frameworkToCase(framework, { now, baseUrl: 'https://pathways.example/' });

  it('writes a CFDocument, one CFItem per domain and competency, and isChildOf associations', () => {
    expect(pkg.CFDocument).toMatchObject({
      title: framework.name,
      creator: 'Healthcare Management Pathways',
      lastChangeDateTime: now,
      description: framework.description,
      CFPackageURI: { identifier: pkg.CFDocument.identifier },
    });
    expect(pkg.CFDocument.uri).toBe(`https://pathways.example/api/competencies/case#${pkg.CFDocument.identifier}`);
    const types = pkg.CFItems.map((i) => i.CFItemType);
    expect(types.filter((t) => t === 'Domain')).toHaveLength(5);
    expect(types.filter((t) => t === 'Competency')).toHaveLength(framework.competencies.length);
    const children = pkg.CFAssociations.filter((a) => a.associationType === 'isChildOf');
    expect(children).toHaveLength(5 + framework.competencies.length);
    const safety = pkg.CFItems.find((i) => i.humanCodingScheme === 'patient-safety')!;
    expect(safety).toMatchObject({
      abbreviatedStatement: 'Patient safety',
      fullStatement: framework.competencies.find((c) => c.id === 'patient-safety')!.description,
      conceptKeywords: ['quality_patient_safety'],
    });
  });

  it('is deterministic: the same framework gives the same identifiers', () => {
    const again = frameworkToCase(framework, { now: '2030-01-01T00:00:00Z' });
    expect(again.CFItems.map((i) => i.identifier)).toEqual(pkg.CFItems.map((i) => i.identifier));
    expect(new Set(pkg.CFItems.map((i) => i.identifier)).size).toBe(pkg.CFItems.length);
    expect(again.CFDocument.uri).toBe(`urn:uuid:${again.CFDocument.identifier}`);
  });

  it('carries the 1–5 scale as a CFRubric with five criterion levels, marking our wording', () => {
    const rubric = pkg.CFRubrics![0] as { description: string; CFRubricCriteria: { CFRubricCriterionLevels: unknown[] }[] };
    expect(rubric.CFRubricCriteria[0]!.CFRubricCriterionLevels).toEqual(
      framework.scale.map((s) => expect.objectContaining({ score: s.level, quality: s.name, description: s.meaning })),
    );
    expect(rubric.description).toContain('levels 2 and 4 is ours');
  });

  it('keeps crosswalk names as isRelatedTo links to the other framework, names and links only', () => {
    const related = pkg.CFAssociations.filter((a) => a.associationType === 'isRelatedTo');
    const count = framework.competencies.reduce((n, c) => n + (c.crosswalk?.length ?? 0), 0);
    expect(related).toHaveLength(count);
    const nchl = related.find((a) => (a.destinationNodeURI as { title: string }).title === 'Financial Skills')!;
    expect(nchl.destinationNodeURI).toMatchObject({ uri: 'https://nchl.org/' });
    expect(Object.keys(nchl.destinationNodeURI as object).sort()).toEqual(['identifier', 'title', 'uri']);
    const groupings = (pkg.CFDefinitions as { CFAssociationGroupings: { title: string; description: string }[] })
      .CFAssociationGroupings;
    expect(groupings.find((g) => g.title.startsWith('NCHL'))!.description).toContain('Licence: names and links only.');
  });
});

describe('caseToFramework', () => {
  it('round-trips the built-in framework: domains, competencies and scale', () => {
    const { framework: back, warnings } = caseToFramework(
      JSON.parse(JSON.stringify(frameworkToCase(framework, { now }))),
    );
    expect(warnings).toEqual([]);
    expect(back.name).toBe(framework.name);
    expect(back.domains.map((d) => ({ id: d.id, name: d.name, description: d.description }))).toEqual(
      framework.domains.map((d) => ({ id: d.id, name: d.name, description: d.description })),
    );
    expect(back.domains.every((d) => d.hla === d.id)).toBe(true);
    const pick = (c: { id: string; label: string; description: string; domain: string; topics: readonly string[] }) => ({
      id: c.id,
      label: c.label,
      description: c.description,
      domain: c.domain,
      topics: [...c.topics],
    });
    expect(back.competencies.map(pick)).toEqual(framework.competencies.map(pick));
    expect(back.scale).toEqual(framework.scale.map((s) => ({ level: s.level, name: s.name, meaning: s.meaning })));
    expect(back.competencies.find((c) => c.id === 'budgeting')!.crosswalk).toEqual([
      { framework: 'nchl-health-leadership-competency-model-3-0', name: 'Financial Skills' },
    ]);
    expect(back.relatedFrameworks.find((f) => f.name.startsWith('NCHL'))).toMatchObject({
      licence: 'names_and_links_only',
      publisher: 'National Center for Healthcare Leadership',
      url: 'https://nchl.org/',
    });
    expect(back.competencies.find((c) => c.id === 'revenue-cycle')!.judgement).toBe(true);
    expect(back.confidence).toBe(framework.confidence);
  });

  it('turns the round trip into a catalog framework the catalog checks accept', () => {
    const imported = caseToFramework(frameworkToCase(framework, { now }), { id: framework.id });
    const { framework: out, warnings } = toCatalogFramework(imported.framework, framework);
    expect(warnings).toEqual([]);
    expect(out.competencies.map((c) => c.id)).toEqual(framework.competencies.map((c) => c.id));
    expect(out.domains.map((d) => d.id)).toEqual(framework.domains.map((d) => d.id));
  });

  it('reads an organisation’s own framework: its own domains, ids from codes, unknown keywords kept apart', () => {
    const { framework: f, warnings } = caseToFramework(small());
    expect(f.id).toBe('our-framework');
    expect(f.verifiedAsOf).toBe('2026-01-02');
    expect(f.domains).toEqual([
      { id: 'leadership', name: 'Leadership', description: 'Statement d1', hla: 'leadership' },
      { id: 'digital-health', name: 'Digital Health', description: 'Statement d2' },
    ]);
    expect(f.competencies.map((c) => `${c.domain}/${c.id}`)).toEqual([
      'leadership/ld-1',
      'leadership/ld-2',
      'digital-health/dh-1',
    ]);
    expect(f.competencies[0]).toMatchObject({ topics: ['leadership'], keywords: ['coaching'] });
    expect(warnings).toEqual([{ path: 'CFRubrics', message: 'no rubric: the framework has no proficiency scale' }]);
  });

  it('flattens deeper levels into their domain and suffixes duplicate ids, with warnings', () => {
    const pkg = small();
    pkg.CFItems.push(item('c4', { humanCodingScheme: 'LD.1' }));
    pkg.CFAssociations.push(child('a6', 'c4', 'c1'));
    const { framework: f, warnings } = caseToFramework(pkg);
    expect(f.competencies.map((c) => c.id)).toEqual(['ld-1', 'ld-2', 'ld-1-2', 'dh-1']);
    expect(f.competencies[2]!.domain).toBe('leadership');
    expect(warnings.map((w) => `${w.path}: ${w.message}`)).toEqual([
      'CFItems[5]: "LD.1" is 2 levels below its domain; it is listed directly under "Leadership"',
      'CFItems[5]: competency id "ld-1" is taken; this one is "ld-1-2"',
      'CFRubrics: no rubric: the framework has no proficiency scale',
    ]);
  });

  it('names a cycle with the associations that make it', () => {
    const pkg = small();
    pkg.CFAssociations[2] = child('a3', 'c1', 'c2');
    pkg.CFAssociations[3] = child('a4', 'c2', 'c1');
    expect(problemsOf(pkg)).toEqual(['CFAssociations: isChildOf cycle: LD.1 → LD.2 → LD.1 (CFAssociations[2], [3])']);
  });

  it('names a missing identifier, an unknown destination and an item with no parent', () => {
    const pkg = small();
    delete (pkg.CFItems[3] as { identifier?: string }).identifier;
    pkg.CFAssociations[4] = child('a5', 'c1', 'nowhere');
    expect(problemsOf(pkg)).toEqual([
      'CFItems[3].identifier: missing',
      'CFAssociations[3].originNodeURI.identifier: no CFItem has id "c2"',
      'CFAssociations[4].destinationNodeURI.identifier: no CFItem or CFDocument has id "nowhere"',
      'CFItems[4]: "DH.1" has no parent: no isChildOf association places it under the CFDocument or another item',
    ]);
  });

  it('names duplicate identifiers of items and associations', () => {
    const pkg = small();
    pkg.CFItems[4]!.identifier = 'c1';
    pkg.CFItems.push(item('doc'));
    pkg.CFAssociations[1]!.identifier = 'a1';
    expect(problemsOf(pkg)).toEqual([
      'CFItems[4].identifier: duplicate identifier "c1" (also CFItems[2])',
      'CFItems[5].identifier: duplicate identifier "doc" (the CFDocument\'s)',
      'CFAssociations[1].identifier: duplicate identifier "a1" (also CFAssociations[0])',
      'CFAssociations[4].originNodeURI.identifier: no CFItem has id "c3"',
    ]);
  });

  it('names wrong types and unknown association types by path', () => {
    const pkg = small() as Record<string, unknown> & CasePackage;
    (pkg.CFItems[0] as Record<string, unknown>).fullStatement = 42;
    (pkg.CFItems[1] as Record<string, unknown>).conceptKeywords = 'leadership';
    (pkg.CFAssociations[0] as Record<string, unknown>).associationType = 'isParentOf';
    (pkg.CFAssociations[1] as Record<string, unknown>).destinationNodeURI = 'doc';
    (pkg.CFDocument as Record<string, unknown>).lastChangeDateTime = 'yesterday';
    expect(problemsOf(pkg)).toEqual([
      'CFDocument.lastChangeDateTime: must be a date-time such as 2026-11-27T00:00:00Z',
      'CFItems[0].fullStatement: must be text, not number 42',
      'CFItems[1].conceptKeywords: must be a list of words, not string "leadership"',
      'CFAssociations[0].associationType: must be one of isChildOf, isPeerOf, isPartOf, exactMatchOf, precedes, isRelatedTo, replacedBy, exemplar, hasSkillLevel, not string "isParentOf"',
      'CFAssociations[1].destinationNodeURI: must be an object {identifier, title, uri}, not string "doc"',
      'CFAssociations[2].destinationNodeURI.identifier: no CFItem or CFDocument has id "d1"',
      'CFAssociations[3].destinationNodeURI.identifier: no CFItem or CFDocument has id "d1"',
      'CFAssociations[4].destinationNodeURI.identifier: no CFItem or CFDocument has id "d2"',
    ]);
  });

  it('refuses what is not a package at all', () => {
    expect(problemsOf([])).toEqual([': a CASE package must be a JSON object {CFDocument, CFItems, CFAssociations}, not a list']);
    expect(problemsOf({ CFItems: {} })).toEqual([
      'CFDocument: missing',
      'CFItems: must be a list, not an object',
      'CFAssociations: missing',
    ]);
  });
});

describe('toCatalogFramework', () => {
  it('names each domain that is not one of the five HLA domains', () => {
    const { framework: f } = caseToFramework(small());
    expect(() => toCatalogFramework(f, framework)).toThrow(CaseValidationError);
    try {
      toCatalogFramework(f, framework);
    } catch (e) {
      expect((e as CaseValidationError).problems.map((p) => p.path)).toEqual(['domains[1]']);
      expect((e as CaseValidationError).problems[0]!.message).toContain('"Digital Health" is not one of the five HLA domains');
    }
  });

  it('puts an own domain under one of the five when mapped, by id or name', () => {
    const { framework: f } = caseToFramework(small());
    for (const key of ['digital-health', 'Digital Health']) {
      const { framework: out, warnings } = toCatalogFramework(f, framework, {
        domainMap: { [key]: 'business_skills' },
      });
      expect(out.competencies.map((c) => `${c.domain}/${c.id}`)).toEqual([
        'leadership/ld-1',
        'leadership/ld-2',
        'business_skills/dh-1',
      ]);
      // The catalog's domain keeps its own name.
      expect(out.domains.find((d) => d.id === 'business_skills')!.name).toBe('Business Skills and Knowledge');
      expect(warnings.some((w) => w.path === 'domains[1]')).toBe(false);
    }
    const merged = toCatalogFramework(f, framework, { domainMap: { 'Digital Health': 'leadership' } });
    expect(merged.warnings).toContainEqual({
      path: 'domains',
      message: '"Leadership" and "Digital Health" are merged into "leadership"; the name "Leadership" is kept',
    });
  });

  it('fills missing domains and the scale from the built-in framework, with warnings', () => {
    const pkg = small();
    pkg.CFItems[1]!.abbreviatedStatement = 'Business Skills & Knowledge';
    const { framework: f } = caseToFramework(pkg);
    const { framework: out, warnings } = toCatalogFramework(f, framework as CompetencyFramework);
    expect(out.domains.map((d) => d.id)).toEqual(framework.domains.map((d) => d.id));
    expect(out.competencies.map((c) => `${c.domain}/${c.topics.join(',')}`)).toEqual([
      'leadership/leadership',
      'leadership/leadership',
      'business_skills/operations',
    ]);
    expect(out.scale).toHaveLength(5);
    expect(warnings.map((w) => w.path)).toEqual([
      'domains',
      'domains',
      'domains',
      'scale',
      'competencies[1].topics',
      'competencies[2].topics',
      'confidence',
    ]);
  });
});

describe('helpers', () => {
  it('derives lower-case ids and matches the HLA domains by code or label', () => {
    expect(slugId('HLA.2.1 Ética & Valores')).toBe('hla-2-1-etica-and-valores');
    expect(matchHlaDomain(undefined, 'Knowledge of the Health Care Environment')).toBe('healthcare_environment');
    expect(matchHlaDomain('business_skills', 'Whatever')).toBe('business_skills');
    expect(matchHlaDomain(undefined, 'Team leadership')).toBeUndefined();
  });
});
