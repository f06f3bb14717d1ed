/**
 * Plain-language descriptions of eligibility conditions, generated from the catalog data so that
 * every rule can be read without knowing the catalog's ids. Pure: no I/O, no clock.
 */
import { MONTH_NAMES } from './dates.js';
import type {
  CeCategoryRule,
  Condition,
  KindExpression,
  RenewalAlignment,
  Vocabulary,
} from '../catalog/schema.js';

/** The parts of the vocabulary a description needs (the whole `Vocabulary` fits). */
export type DescribeVocabulary = Pick<
  Vocabulary,
  | 'organizations'
  | 'experienceKinds'
  | 'degreeFields'
  | 'membershipTypes'
  | 'ceCategories'
  | 'creditUnits'
  | 'credentials'
  | 'attestations'
>;

/** Certifications that conditions may name (e.g. `orCredentials: [CAPM]`), to spell out acronyms. */
export interface DescribeOptions {
  certifications?: ReadonlyArray<{ id: string; acronym: string; name: string }>;
}

const degreeNames: Record<string, string> = {
  high_school: 'A high-school diploma',
  associate: 'An associate degree',
  bachelor: "A bachelor's degree",
  master: "A master's degree",
  doctorate: 'A doctorate',
};

const projectKindNames: Record<string, string> = {
  six_sigma: 'Six Sigma',
  project: '',
  quality_improvement: 'quality-improvement',
};

/** 2080 -> "2,080" (always with a comma, whatever the runtime's locale). */
export function formatNumber(n: number): string {
  const [whole = '', fraction] = String(n).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return fraction ? `${grouped}.${fraction}` : grouped;
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${formatNumber(n)} ${n === 1 ? one : many}`;
}

/** 60 -> "60 months (5 years)", 6 -> "6 months", 12 -> "12 months (1 year)". */
export function formatMonths(months: number): string {
  const base = plural(months, 'month');
  if (months >= 12 && months % 12 === 0) return `${base} (${plural(months / 12, 'year')})`;
  return base;
}

/** "A, B or C" (or "A, B and C"). */
export function joinWords(items: readonly string[], last: 'or' | 'and' = 'or'): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} ${last} ${items[items.length - 1]}`;
}

/**
 * Lower-cases the first letter of a label that starts a sentence in the vocabulary but sits
 * mid-sentence here ("Nurse manager" -> "nurse manager"). Labels with other capitalised words
 * ("Board of Governors Examination") or starting with an acronym ("PMI Education") are kept.
 */
export function lowerFirst(label: string): string {
  const words = label.split(/\s+/);
  const first = words[0] ?? '';
  // "A field other than nursing" → "a field other than nursing"; "PMI Education" stays.
  if (!/^(?:[A-Z][a-z]|A$)/.test(first)) return label;
  if (words.slice(1).some((w) => /^[A-Z][a-z]/.test(w))) return label;
  return first.charAt(0).toLowerCase() + label.slice(1);
}

/** Lower-cases the first letter of a sentence placed mid-sentence, unless it starts with an acronym. */
export function continueSentence(sentence: string): string {
  if (/^[A-Z]{2}/.test(sentence)) return sentence;
  return sentence.charAt(0).toLowerCase() + sentence.slice(1);
}

function withoutFinalStop(s: string): string {
  return s.replace(/\.\s*$/, '');
}

function label(list: ReadonlyArray<{ id: string; label: string }>, id: string): string {
  return list.find((x) => x.id === id)?.label ?? id;
}

/** Experience kinds that name a role read better as "as a nurse manager". */
function isRole(kindLabel: string): boolean {
  return /\b(manager|executive|nurse|director|officer)$/i.test(kindLabel);
}

function article(noun: string): string {
  return /^[aeiou]/i.test(noun) ? 'an' : 'a';
}

function kindLabels(vocab: DescribeVocabulary, ids: readonly string[]): string[] {
  return ids.map((k) => lowerFirst(label(vocab.experienceKinds, k)));
}

/** The phrase after "At least 60 months": "of healthcare management experience" or "as a nurse manager". */
function experiencePhrase(vocab: DescribeVocabulary, kinds: KindExpression): string {
  if (typeof kinds === 'string') {
    const l = lowerFirst(label(vocab.experienceKinds, kinds));
    return isRole(l) ? `as ${article(l)} ${l}` : `of ${l} experience`;
  }
  if ('anyOf' in kinds) return `of ${joinWords(kindLabels(vocab, kinds.anyOf), 'or')} experience`;
  const labels = kindLabels(vocab, kinds.allOf);
  return labels.length === 2
    ? `of experience that is both ${joinWords(labels, 'and')}`
    : `of experience that is all of ${joinWords(labels, 'and')}`;
}

function positionPhrase(vocab: DescribeVocabulary, kinds: KindExpression): string {
  if (typeof kinds === 'string') {
    const l = lowerFirst(label(vocab.experienceKinds, kinds));
    return isRole(l) ? `Currently working as ${article(l)} ${l}` : `Currently in a job that counts as ${l}`;
  }
  if ('anyOf' in kinds)
    return `Currently in a job that counts as ${joinWords(kindLabels(vocab, kinds.anyOf), 'or')}`;
  return `Currently in a job that counts as ${joinWords(kindLabels(vocab, kinds.allOf), 'and')} at once`;
}

/** "ACHE credit" -> "ACHE credits"; "PMI professional development unit (PDU)" -> "... units (PDUs)". */
export function pluralUnit(unitLabel: string, n: number): string {
  if (n === 1) return unitLabel;
  const m = /^(.*?)(\s*\(([^)]*)\))?$/.exec(unitLabel);
  const head = m?.[1] ?? unitLabel;
  const paren = m?.[3];
  const headPlural = /s$/.test(head) ? head : `${head}s`;
  if (paren === undefined) return headPlural;
  return `${headPlural} (${/^[A-Z]+$/.test(paren) ? `${paren}s` : paren})`;
}

function credentialName(vocab: DescribeVocabulary, options: DescribeOptions, id: string): string {
  const credential = vocab.credentials.find((c) => c.id === id);
  if (credential) {
    const name = lowerFirst(credential.label);
    return `${article(name)} ${name}`;
  }
  const cert = options.certifications?.find((c) => c.id === id || c.acronym === id);
  if (cert) return `${cert.acronym} (${cert.name})`;
  return id;
}

/** One CE category rule, e.g. "at least 12 ACHE In-Person Education". */
export function describeCategoryRule(
  rule: CeCategoryRule,
  vocab: Pick<DescribeVocabulary, 'ceCategories'>,
): string {
  return categoryRule(vocab, rule);
}

function categoryRule(vocab: Pick<DescribeVocabulary, 'ceCategories'>, rule: CeCategoryRule): string {
  const name = label(vocab.ceCategories, rule.category);
  const note = rule.note ? ` (${continueSentence(withoutFinalStop(rule.note))})` : '';
  if (rule.min !== undefined && rule.max !== undefined) {
    return `${rule.min === rule.max ? `exactly ${formatNumber(rule.min)}` : `${formatNumber(rule.min)} to ${formatNumber(rule.max)}`} ${name}${note}`;
  }
  if (rule.min !== undefined) return `at least ${formatNumber(rule.min)} ${name}${note}`;
  return `at most ${formatNumber(rule.max ?? 0)} ${name}${note}`;
}

/**
 * One condition in plain language, from its data alone (a condition's own `summary` is the
 * curator's wording; show this beside it).
 *
 * @example
 * describeCondition({ type: 'education', minLevel: 'master' }, vocabulary)
 * // "A master's degree or higher (any field)"
 */
export function describeCondition(
  condition: Condition,
  vocab: DescribeVocabulary,
  options: DescribeOptions = {},
): string {
  switch (condition.type) {
    case 'education': {
      const degree = degreeNames[condition.minLevel] ?? condition.minLevel;
      const higher = condition.minLevel === 'doctorate' ? '' : ' or higher';
      const field = condition.field
        ? ` in ${lowerFirst(label(vocab.degreeFields, condition.field))}`
        : ' (any field)';
      const credits = condition.orCollegeCreditHours
        ? `, or ${formatNumber(condition.orCollegeCreditHours)} college credit hours`
        : '';
      const extra = condition.extraRule ? `. ${withoutFinalStop(condition.extraRule)}` : '';
      return `${degree}${higher}${field}${credits}${extra}`;
    }
    case 'experience': {
      const phrase = experiencePhrase(vocab, condition.kinds);
      const window = condition.windowMonths ? ` in the last ${formatMonths(condition.windowMonths)}` : '';
      const qualifier = condition.qualifier
        ? ` (${continueSentence(withoutFinalStop(condition.qualifier))})`
        : '';
      let amount: string;
      if (condition.minMonths !== undefined)
        amount = `At least ${formatMonths(condition.minMonths)} ${phrase}`;
      else if (condition.minHours !== undefined)
        amount = `At least ${plural(condition.minHours, 'hour')} ${phrase}`;
      else {
        const plain = /^of (.*) experience$/.exec(phrase);
        amount = plain
          ? `Documented ${plain[1]} experience (no minimum stated)`
          : `Documented experience ${phrase} (no minimum stated)`;
      }
      return `${amount}${window}${qualifier}`;
    }
    case 'current_position':
      return positionPhrase(vocab, condition.kinds);
    case 'license': {
      const name = label(vocab.credentials, condition.credential);
      const details = [condition.status, condition.jurisdiction].filter((x): x is string => Boolean(x));
      return `A ${lowerFirst(name)}${details.length ? ` (${details.join('; ')})` : ''}`;
    }
    case 'membership': {
      const org = vocab.organizations.find((o) => o.id === condition.organization);
      const name = org?.acronym ?? condition.organization;
      const types = condition.memberTypes
        ? ` (${joinWords(
            condition.memberTypes.map((t) => label(vocab.membershipTypes, t)),
            'or',
          )})`
        : '';
      if (condition.minTenureMonths === 0) return `Current ${name} membership${types}`;
      return `${name} membership${types} for at least ${plural(condition.minTenureMonths, 'month')}`;
    }
    case 'continuing_education': {
      const unit = pluralUnit(label(vocab.creditUnits, condition.unit), condition.total);
      const topic = condition.topic ? ` on ${condition.topic}` : '';
      const window = condition.windowMonths ? ` in the last ${plural(condition.windowMonths, 'month')}` : '';
      const categories = condition.categories?.length
        ? `: ${condition.categories.map((r) => categoryRule(vocab, r)).join(', ')}`
        : '';
      return `${formatNumber(condition.total)} ${unit} of continuing education${topic}${window}${categories}`;
    }
    case 'training': {
      const category = lowerFirst(label(vocab.ceCategories, condition.category));
      const alternatives = condition.orCredentials?.length
        ? `, or hold ${joinWords(
            condition.orCredentials.map((c) => credentialName(vocab, options, c)),
            'or',
          )}`
        : '';
      return `At least ${plural(condition.hours, 'hour')} of ${category}${alternatives}`;
    }
    case 'credential': {
      const names = condition.anyOf.map((c) => credentialName(vocab, options, c));
      return names.length === 1 ? `Hold ${names[0]}` : `Hold one of: ${joinWords(names, 'or')}`;
    }
    case 'projects': {
      const kinds = (condition.kinds ?? []).map((k) => projectKindNames[k] ?? k).filter((k) => k !== '');
      const kind = kinds.length ? `${joinWords(kinds, 'or')} ` : '';
      const noun = condition.count === 1 ? 'project' : 'projects';
      const role =
        condition.role === 'lead'
          ? ' that you led'
          : condition.role === 'member'
            ? ' that you worked on as a team member or leader'
            : '';
      const evidence = condition.evidence
        ? ` (evidence: ${continueSentence(withoutFinalStop(condition.evidence))})`
        : '';
      return `At least ${formatNumber(condition.count)} completed ${kind}${noun}${role}${evidence}`;
    }
    case 'references': {
      const base = plural(condition.count, 'reference');
      const detail = condition.detail?.length
        ? `: ${condition.detail.map((d) => continueSentence(withoutFinalStop(d))).join('; ')}`
        : '';
      return `${base}${detail}`;
    }
    case 'volunteering': {
      const parts: string[] = [];
      if (condition.healthcare > 0) parts.push(`${formatNumber(condition.healthcare)} healthcare`);
      if (condition.community > 0) parts.push(`${formatNumber(condition.community)} community`);
      const total = condition.healthcare + condition.community;
      const noun = total === 1 ? 'volunteer activity' : 'volunteer activities';
      return `${joinWords(parts, 'and')} ${noun} in the last ${plural(condition.windowMonths, 'month')}`;
    }
    case 'attestation': {
      const statement = vocab.attestations.find((a) => a.id === condition.attestation)?.statement;
      return statement ? `You confirm: "${statement}"` : `You confirm the statement ${condition.attestation}`;
    }
    case 'exam':
      return `Pass the ${lowerFirst(condition.name)}`;
    case 'on_track': {
      const inner = condition.conditions.map((c) => continueSentence(describeCondition(c, vocab, options)));
      return `On track to meet all of these within ${formatMonths(condition.withinMonths)}: ${inner.join('; ')}`;
    }
  }
}

/**
 * How a renewal cycle lines up with the calendar, in words: the issuer's own sentence when the
 * catalog has it, else one made from the alignment kind.
 *
 * @example
 * describeAlignment({ kind: 'next_january' }); // "Starts on 1 January of the year after you certify."
 */
export function describeAlignment(al: RenewalAlignment): string {
  if (al.text) return al.text;
  switch (al.kind) {
    case 'earned':
      return 'Counted from the day you earned the credential.';
    case 'month_end':
      return 'Ends on the last day of the month in which it expires.';
    case 'year_month_end':
      return `Ends on the last day of ${MONTH_NAMES[al.month - 1]} of the year it expires.`;
    case 'next_january':
      return 'Starts on 1 January of the year after you certify.';
    case 'shared_calendar':
      return `Everyone shares the same cycles, the first from ${al.firstCycleStart}${al.prorated ? '; a part cycle owes its share of the CE' : ''}.`;
  }
}
