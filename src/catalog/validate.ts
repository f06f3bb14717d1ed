/**
 * Checks that go beyond the shape of one file: every id a certification uses must be defined in
 * the vocabulary (or be another certification), sources must be cited by id, rule periods must
 * not overlap. Returns problems with zod-style paths; the loader adds file and line.
 */
import {
  competencyDomainIds,
  type CertificationPrep,
  type CompetencyFramework,
  type Program,
  type Role,
} from './career-schema.js';
import type { CeCategoryRule, Certification, Condition, KindExpression, Vocabulary } from './schema.js';

export interface Problem {
  path: (string | number)[];
  message: string;
}

function kindsOf(expr: KindExpression): string[] {
  if (typeof expr === 'string') return [expr];
  return 'allOf' in expr ? expr.allOf : expr.anyOf;
}

function listOf(ids: Iterable<string>): string {
  return [...ids].join(', ');
}

/**
 * `within` must name another category of the same list that is not itself within one (one level),
 * and a category may appear only once in a list.
 */
/** `otherCategory` must be one of the requirement's own categories, so that its limits apply. */
function otherCategoryProblems(
  req: { categories?: readonly CeCategoryRule[]; otherCategory?: string },
  where: Problem['path'],
): Problem[] {
  if (req.otherCategory === undefined) return [];
  if (req.categories?.some((r) => r.category === req.otherCategory)) return [];
  return [
    {
      path: [...where, 'otherCategory'],
      message: `"${req.otherCategory}" must be one of this rule's categories (its limits are what make it useful)`,
    },
  ];
}

function withinProblems(rules: readonly CeCategoryRule[], where: Problem['path']): Problem[] {
  const problems: Problem[] = [];
  const byId = new Map<string, CeCategoryRule>();
  rules.forEach((r, i) => {
    if (byId.has(r.category)) problems.push({ path: [...where, i, 'category'], message: `category "${r.category}" is listed twice` });
    byId.set(r.category, r);
  });
  rules.forEach((r, i) => {
    if (r.within === undefined) return;
    const parent = byId.get(r.within);
    const path = [...where, i, 'within'];
    if (r.within === r.category) problems.push({ path, message: 'a category cannot be within itself' });
    else if (!parent)
      problems.push({ path, message: `names "${r.within}", which is not a category of this rule (known: ${listOf(byId.keys())})` });
    else if (parent.within !== undefined)
      problems.push({ path, message: `"${r.within}" is itself within "${parent.within}"; only one level is allowed` });
  });
  return problems;
}

/**
 * @param credentialIds every id a profile may hold: vocabulary credentials plus all certification ids.
 */
export function crossCheckCertification(
  cert: Certification,
  vocab: Vocabulary,
  credentialIds: ReadonlySet<string> = new Set(vocab.credentials.map((c) => c.id)),
): Problem[] {
  const problems: Problem[] = [];
  const ids = (list: { id: string }[]) => new Set(list.map((x) => x.id));
  const orgs = ids(vocab.organizations);
  const kinds = ids(vocab.experienceKinds);
  const fields = ids(vocab.degreeFields);
  const memberTypes = ids(vocab.membershipTypes);
  const categories = ids(vocab.ceCategories);
  const units = ids(vocab.creditUnits);
  const attestations = ids(vocab.attestations);
  const focus = ids(vocab.focusAreas);
  const sourceIds = new Set<string>();

  const expect = (set: Set<string> | ReadonlySet<string>, value: string, where: Problem['path'], what: string) => {
    if (!set.has(value)) problems.push({ path: where, message: `unknown ${what} "${value}" (known: ${listOf(set)})` });
  };

  cert.sources.forEach((s, i) => {
    if (sourceIds.has(s.id)) problems.push({ path: ['sources', i, 'id'], message: `duplicate source id "${s.id}"` });
    sourceIds.add(s.id);
  });
  const cites = (list: string[] | undefined, where: Problem['path']) =>
    list?.forEach((s, i) => {
      if (!sourceIds.has(s)) problems.push({ path: [...where, i], message: `cites source "${s}", which is not in sources` });
    });
  const citesConflicts = (c: { conflicts?: { sources: string[] }[] }, where: Problem['path']) =>
    c.conflicts?.forEach((k, i) => cites(k.sources, [...where, 'conflicts', i, 'sources']));

  expect(orgs, cert.issuer, ['issuer'], 'organization');
  cert.focusAreas.forEach((f, i) => expect(focus, f, ['focusAreas', i], 'focus area'));

  const checkCondition = (c: Condition, where: Problem['path']) => {
    cites(c.sources, [...where, 'sources']);
    citesConflicts(c, where);
    switch (c.type) {
      case 'education':
        if (c.field) expect(fields, c.field, [...where, 'field'], 'degree field');
        break;
      case 'experience':
      case 'current_position':
        kindsOf(c.kinds).forEach((k, i) =>
          expect(kinds, k, typeof c.kinds === 'string' ? [...where, 'kinds'] : [...where, 'kinds', Object.keys(c.kinds)[0]!, i], 'experience kind'),
        );
        if (c.type === 'experience' && c.windowMonths !== undefined && c.minMonths !== undefined && c.minMonths > c.windowMonths) {
          problems.push({ path: [...where, 'minMonths'], message: `cannot be met: ${c.minMonths} months within a ${c.windowMonths}-month window` });
        }
        break;
      case 'license':
        expect(credentialIds, c.credential, [...where, 'credential'], 'credential');
        break;
      case 'membership':
        expect(orgs, c.organization, [...where, 'organization'], 'organization');
        c.memberTypes?.forEach((t, i) => expect(memberTypes, t, [...where, 'memberTypes', i], 'membership type'));
        break;
      case 'continuing_education': {
        expect(units, c.unit, [...where, 'unit'], 'credit unit');
        let mins = 0;
        c.categories?.forEach((r, i) => {
          expect(categories, r.category, [...where, 'categories', i, 'category'], 'CE category');
          // A category counted within another is part of that one's minimum, not added to it.
          if (!r.within) mins += r.min ?? 0;
        });
        if (c.categories) problems.push(...withinProblems(c.categories, [...where, 'categories']));
        problems.push(...otherCategoryProblems(c, where));
        if (mins > c.total) problems.push({ path: [...where, 'categories'], message: `category minimums (${mins}) exceed the total (${c.total})` });
        break;
      }
      case 'training':
        expect(categories, c.category, [...where, 'category'], 'CE category');
        c.orCredentials?.forEach((id, i) => expect(credentialIds, id, [...where, 'orCredentials', i], 'credential'));
        break;
      case 'credential':
        c.anyOf.forEach((id, i) => expect(credentialIds, id, [...where, 'anyOf', i], 'credential'));
        break;
      case 'references':
      case 'attestation':
        expect(attestations, c.attestation, [...where, 'attestation'], 'attestation');
        break;
      case 'on_track':
        c.conditions.forEach((n, i) => checkCondition(n, [...where, 'conditions', i]));
        break;
      default:
        break;
    }
  };

  const el = cert.eligibility;
  cites(el.sources, ['eligibility', 'sources']);
  citesConflicts(el, ['eligibility']);
  if (el.status === 'unknown' && el.rules.length > 0) {
    problems.push({ path: ['eligibility', 'rules'], message: 'must be empty when status is unknown' });
  }
  if (el.status === 'known' && el.rules.length === 0) {
    problems.push({ path: ['eligibility', 'rules'], message: 'needs at least one rule set when status is known' });
  }
  el.rules.forEach((rule, r) => {
    const base: Problem['path'] = ['eligibility', 'rules', r];
    cites(rule.sources, [...base, 'sources']);
    if (rule.pathways.length === 0) problems.push({ path: [...base, 'pathways'], message: 'needs at least one pathway' });
    rule.allPathways.forEach((c, i) => checkCondition(c, [...base, 'allPathways', i]));
    const pathwayIds = new Set<string>();
    rule.pathways.forEach((p, i) => {
      if (pathwayIds.has(p.id)) problems.push({ path: [...base, 'pathways', i, 'id'], message: `duplicate pathway id "${p.id}"` });
      pathwayIds.add(p.id);
      cites(p.sources, [...base, 'pathways', i, 'sources']);
      p.conditions.forEach((c, j) => checkCondition(c, [...base, 'pathways', i, 'conditions', j]));
    });
    // Rule sets are in date order and their periods do not overlap.
    const next = el.rules[r + 1];
    if (next) {
      const end = rule.effectiveUntil;
      if (!end || !next.effectiveFrom || next.effectiveFrom <= end) {
        problems.push({
          path: [...base, 'effectiveUntil'],
          message: 'rule sets must be in date order without overlap: give this one an effectiveUntil before the next one\'s effectiveFrom',
        });
      }
    }
  });

  cites(cert.exam.sources, ['exam', 'sources']);
  citesConflicts(cert.exam, ['exam']);
  cites(cert.renewal.sources, ['renewal', 'sources']);
  cert.renewal.options.forEach((o, i) => {
    cites(o.sources, ['renewal', 'options', i, 'sources']);
    if (o.ce) {
      expect(units, o.ce.unit, ['renewal', 'options', i, 'ce', 'unit'], 'credit unit');
      o.ce.categories?.forEach((r, j) =>
        expect(categories, r.category, ['renewal', 'options', i, 'ce', 'categories', j, 'category'], 'CE category'),
      );
      if (o.ce.categories) problems.push(...withinProblems(o.ce.categories, ['renewal', 'options', i, 'ce', 'categories']));
      problems.push(...otherCategoryProblems(o.ce, ['renewal', 'options', i, 'ce']));
    }
  });
  if (!cert.renewal.lifetime && cert.renewal.cycleMonths === undefined && cert.renewal.confidence !== 'low') {
    problems.push({ path: ['renewal', 'cycleMonths'], message: 'give cycleMonths, lifetime: true, or confidence: low for an unknown cycle' });
  }
  const { grace, applicationOpens, cycleMonths } = cert.renewal;
  if (cycleMonths === undefined) {
    if (grace) problems.push({ path: ['renewal', 'grace'], message: 'needs cycleMonths: a grace period follows the end of a cycle' });
    if (applicationOpens) problems.push({ path: ['renewal', 'applicationOpens'], message: 'needs cycleMonths: the application opens before the end of a cycle' });
  } else if (applicationOpens && 'monthsBefore' in applicationOpens && applicationOpens.monthsBefore > cycleMonths) {
    problems.push({ path: ['renewal', 'applicationOpens', 'monthsBefore'], message: `cannot be more than the ${cycleMonths}-month cycle` });
  }
  cert.ruleHistory.forEach((h, i) => cites(h.sources, ['ruleHistory', i, 'sources']));
  return problems;
}

/* ------------------------------------------------------------------ career catalog */

/** Ids the career cross-checks look up; sets are empty when that part of the catalog is absent. */
export interface CareerIds {
  competencies: ReadonlySet<string>;
  roles: ReadonlySet<string>;
  certifications: ReadonlySet<string>;
  creditUnits: ReadonlySet<string>;
  ceCategories: ReadonlySet<string>;
}

/** Sources are unique by id and every cited id is one of them, anywhere in the entry. */
function citationProblems(entry: { sources: readonly { id: string }[] }): Problem[] {
  const problems: Problem[] = [];
  const ids = new Set<string>();
  entry.sources.forEach((s, i) => {
    if (ids.has(s.id)) problems.push({ path: ['sources', i, 'id'], message: `duplicate source id "${s.id}"` });
    ids.add(s.id);
  });
  const walk = (value: unknown, where: Problem['path']) => {
    if (Array.isArray(value)) value.forEach((v, i) => walk(v, [...where, i]));
    else if (value && typeof value === 'object') {
      for (const [key, v] of Object.entries(value)) {
        if (key === 'sources' && where.length > 0 && Array.isArray(v)) {
          v.forEach((s, i) => {
            if (typeof s === 'string' && !ids.has(s))
              problems.push({ path: [...where, key, i], message: `cites source "${s}", which is not in sources` });
          });
        } else if (key !== 'sources') walk(v, [...where, key]);
      }
    }
  };
  walk(entry, []);
  return problems;
}

/**
 * The framework file: each of the five domains once, the scale 1–5 in order, unique competency ids,
 * crosswalk entries naming a listed framework, and citations that resolve.
 */
export function crossCheckFramework(framework: CompetencyFramework): Problem[] {
  const problems = citationProblems(framework);
  const domains = new Set<string>();
  framework.domains.forEach((d, i) => {
    if (domains.has(d.id)) problems.push({ path: ['domains', i, 'id'], message: `domain "${d.id}" is listed twice` });
    domains.add(d.id);
  });
  for (const d of competencyDomainIds)
    if (!domains.has(d)) problems.push({ path: ['domains'], message: `domain "${d}" is missing` });
  framework.scale.forEach((s, i) => {
    if (s.level !== i + 1) problems.push({ path: ['scale', i, 'level'], message: `must be ${i + 1}: list the levels 1–5 in order` });
  });
  const frameworks = new Set(framework.relatedFrameworks.map((f) => f.id));
  const seen = new Set<string>();
  framework.competencies.forEach((c, i) => {
    if (seen.has(c.id)) problems.push({ path: ['competencies', i, 'id'], message: `duplicate competency id "${c.id}"` });
    seen.add(c.id);
    if (!domains.has(c.domain)) problems.push({ path: ['competencies', i, 'domain'], message: `domain "${c.domain}" is not in domains` });
    c.crosswalk?.forEach((x, j) => {
      if (!frameworks.has(x.framework))
        problems.push({
          path: ['competencies', i, 'crosswalk', j, 'framework'],
          message: `unknown framework "${x.framework}" (known: ${listOf(frameworks)})`,
        });
    });
  });
  return problems;
}

function unknownId(set: ReadonlySet<string>, what: string, value: string, path: Problem['path']): Problem[] {
  if (set.has(value)) return [];
  const hint = set.size === 0 ? ' (this catalog defines none)' : '';
  return [{ path, message: `unknown ${what} "${value}"${hint}` }];
}

/** A role's competency targets, certifications and transition ends must exist. */
export function crossCheckRole(role: Role, ids: CareerIds): Problem[] {
  const problems = citationProblems(role);
  for (const c of Object.keys(role.targets)) problems.push(...unknownId(ids.competencies, 'competency', c, ['targets', c]));
  role.preferredCertifications.forEach((c, i) =>
    problems.push(...unknownId(ids.certifications, 'certification', c, ['preferredCertifications', i])),
  );
  const targets = new Set<string>();
  role.transitions.forEach((t, i) => {
    if (t.to === role.id) problems.push({ path: ['transitions', i, 'to'], message: 'a role cannot move to itself' });
    else problems.push(...unknownId(ids.roles, 'role', t.to, ['transitions', i, 'to']));
    if (targets.has(t.to)) problems.push({ path: ['transitions', i, 'to'], message: `transition to "${t.to}" is listed twice` });
    targets.add(t.to);
  });
  return problems;
}

/** Certification preparation: known certifications (once each) and competencies. */
export function crossCheckCertificationPrep(prep: CertificationPrep, ids: CareerIds): Problem[] {
  const problems: Problem[] = [];
  const seen = new Set<string>();
  prep.entries.forEach((e, i) => {
    problems.push(...unknownId(ids.certifications, 'certification', e.certification, ['entries', i, 'certification']));
    if (seen.has(e.certification)) {
      problems.push({ path: ['entries', i, 'certification'], message: `"${e.certification}" is listed twice` });
    }
    seen.add(e.certification);
    e.competencies.forEach((c, j) =>
      problems.push(...unknownId(ids.competencies, 'competency', c, ['entries', i, 'competencies', j])),
    );
  });
  return problems;
}

/** A program's competencies, CE units, categories and certifications must exist. */
export function crossCheckProgram(program: Program, ids: CareerIds): Problem[] {
  const problems = citationProblems(program);
  program.competencies.forEach((c, i) => problems.push(...unknownId(ids.competencies, 'competency', c, ['competencies', i])));
  if (Array.isArray(program.accreditation) && program.accreditation.includes('none') && program.accreditation.length > 1) {
    problems.push({ path: ['accreditation'], message: '"none" cannot be listed with an accreditor' });
  }
  if (Array.isArray(program.ce)) {
    program.ce.forEach((ce, i) => {
      problems.push(...unknownId(ids.creditUnits, 'credit unit', ce.unit, ['ce', i, 'unit']));
      if (ce.category) problems.push(...unknownId(ids.ceCategories, 'CE category', ce.category, ['ce', i, 'category']));
      ce.acceptedFor.forEach((c, j) =>
        problems.push(...unknownId(ids.certifications, 'certification', c, ['ce', i, 'acceptedFor', j])),
      );
    });
  }
  program.audience?.roles?.forEach((r, i) => problems.push(...unknownId(ids.roles, 'role', r, ['audience', 'roles', i])));
  if (program.example && program.confidence !== 'low') {
    problems.push({ path: ['confidence'], message: 'an example program must have confidence: low' });
  }
  problems.push(...notPublishedProblems(program));
  return problems;
}

/**
 * "Not published" is a reading of the provider's own pages: each listed field must still be
 * `unknown` (a stated value is published), listed once, and the pages cited must be the provider's.
 */
function notPublishedProblems(program: Program): Problem[] {
  const np = program.notPublished;
  if (!np) return [];
  const problems: Problem[] = [];
  const seen = new Set<string>();
  np.fields.forEach((field, i) => {
    if (seen.has(field)) problems.push({ path: ['notPublished', 'fields', i], message: `"${field}" is listed twice` });
    seen.add(field);
    if (program[field] !== 'unknown') {
      problems.push({
        path: ['notPublished', 'fields', i],
        message: `${field} has a value, so it cannot be "not published" (remove it from the list)`,
      });
    }
  });
  const kinds = new Map(program.sources.map((s) => [s.id, s.kind]));
  np.sources.forEach((id, i) => {
    const kind = kinds.get(id);
    if (kind !== undefined && kind !== 'issuer') {
      problems.push({
        path: ['notPublished', 'sources', i],
        message: `source "${id}" is not the provider's own page (kind ${kind}); only the provider can be read as not publishing a fact`,
      });
    }
  });
  return problems;
}
