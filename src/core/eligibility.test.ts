/**
 * Boundary tests for every certification in the built-in catalog: profiles are built from each
 * pathway's own conditions (test/support/profiles.ts), and the expectations below state by hand
 * what each certification's current rules ask, so a catalog change shows up here.
 */
import { describe, expect, it } from 'vitest';
import type { Certification, Condition, EducationLevel, RuleSet } from '../catalog/schema.js';
import { builtinCatalog } from '../../test/support/catalog.js';
import {
  bindingCondition,
  levelBelow,
  makeProfile,
  monthEnd,
  monthsNeeded,
  satisfying,
  satisfyingParts,
  shiftMonth,
  type ProfileParts,
  type SatisfyOptions,
} from '../../test/support/profiles.js';
import {
  createEvaluator,
  fieldMatches,
  ruleSetOn,
  type CertificationResult,
  type ConditionResult,
  type PathwayResult,
} from './eligibility.js';
import type { Profile } from './profile.js';

const catalog = await builtinCatalog();
const evaluate = createEvaluator(catalog);
/** A month's last day, so that "one month on" is the next month's last day. */
const AS_OF = '2026-11-30';

const certificationById = (id: string): Certification => {
  const cert = catalog.certifications.find((c) => c.id === id);
  if (!cert) throw new Error(`no certification ${id}`);
  return cert;
};
function result(id: string, profile: Profile, asOf = AS_OF): CertificationResult {
  const r = evaluate(profile, asOf, { certifications: [id] }).results[0];
  if (!r) throw new Error(`no result for ${id}`);
  return r;
}
const pathwayOf = (r: CertificationResult, id: string): PathwayResult => {
  const p = r.pathways.find((x) => x.id === id);
  if (!p) throw new Error(`no pathway ${id} in ${r.certification}`);
  return p;
};
const conditionOf = (p: PathwayResult, id: string | undefined): ConditionResult => {
  const c = p.conditions.find((x) => x.id === id);
  if (!c) throw new Error(`no condition ${id} in ${p.id}`);
  return c;
};
const fmt = (n: number) => n.toLocaleString('en-US');

interface PathwaySpec {
  /** Full-time months of the experience condition that needs most (hours: `hours`). */
  months?: number;
  hours?: number;
  window?: number;
  /** Lowest degree accepted; undefined = no education condition. */
  degree?: EducationLevel;
}

/**
 * What each certification's rules in force on 2026-11-30 ask (pathway id -> the binding
 * experience rule and degree), read from catalog/certifications/*.yaml by hand.
 */
const SPEC: Record<string, 'unknown' | Record<string, PathwaySpec>> = {
  ASQ_CSSBB: { two_projects: {}, one_project_plus_3y: { months: 36 } },
  ASQ_CSSGB: { experience_3y: { months: 36 } },
  ASQ_CSSYB: { open: {} },
  CAHIMS: { hs_no_experience: { degree: 'high_school' } },
  CAPM: { current_rule: { degree: 'high_school' } },
  CENP: { master_2y: { months: 24, degree: 'master' }, bsn_4y: { months: 48, degree: 'bachelor' } },
  CHC: { experience_plus_ceus: { months: 12, window: 24 } },
  CHCIO: { cio_experience: { months: 36 } },
  CHDA: 'unknown',
  CHFP: { standard: {} },
  CMPE: {
    pathway_1: { months: 24, degree: 'bachelor' },
    pathway_2_early_career: {},
    pathway_3_experience: { months: 72 },
  },
  CNML: {
    bsn_or_higher: { hours: 2080, degree: 'bachelor' },
    non_nursing_bachelor: { hours: 3120, degree: 'bachelor' },
    diploma_or_adn: { hours: 5200, degree: 'associate' },
  },
  CPHIMS: {
    bachelor_5y: { months: 60, degree: 'bachelor' },
    graduate_3y: { months: 36, degree: 'master' },
    experience_10y: { months: 120 },
  },
  CPHQ: { open: {} },
  CPHRM: {
    bachelor_5y: { months: 60, degree: 'bachelor' },
    associate_7y: { months: 84, degree: 'associate' },
    high_school_10y: { months: 120, degree: 'high_school' },
  },
  CPPS: { bachelor_3y: { months: 36, degree: 'bachelor' }, no_bachelor_5y: { months: 60 } },
  CPXP: { standard: {} },
  FACHE: { standard: { months: 60, degree: 'master' } },
  IASSC_LSSBB: { open: {} },
  IASSC_LSSGB: { open: {} },
  IASSC_LSSYB: { open: {} },
  'NE-BC': { standard: { months: 24, degree: 'bachelor' } },
  'NEA-BC': { standard: { months: 24, degree: 'master' } },
  PMP: {
    four_year_degree: { months: 36, window: 96, degree: 'bachelor' },
    secondary_degree: { months: 60, window: 96, degree: 'high_school' },
    gac_degree: { months: 24, window: 96, degree: 'bachelor' },
  },
  RHIA: {
    cahiim_bachelor: { degree: 'bachelor' },
    cahiim_master: { degree: 'master' },
    cahiim_post_bacc_certificate: { degree: 'bachelor' },
    foreign_reciprocity: {},
  },
};

/** Pathways (certification/pathway) where a generic expectation does not hold, and why. */
const EXCEPTIONS = {
  /** CMPE's early-career route accepts being on track within 36 months, so one month short is still eligible. */
  stillEligibleWhenShort: new Set(['CMPE/pathway_1']),
  /** 60 months at half time need 120 calendar months, more than PMP's 96-month look-back window. */
  partTimeImpossible: new Set(['PMP/secondary_degree']),
  /** Without the degree another pathway still opens by time alone (certification-level date). */
  otherRouteWithoutDegree: {
    'CPPS/bachelor_3y': monthEnd(AS_OF, 24), // 36 of the 60 months of no_bachelor_5y
    'CPHIMS/bachelor_5y': monthEnd(AS_OF, 60), // 60 of the 120 months of experience_10y
    'CPHIMS/graduate_3y': monthEnd(AS_OF, 84), // 36 of 120
  } as Record<string, string>,
};

interface Case {
  cert: Certification;
  rules: RuleSet;
  asOf: string;
  pathway: string;
  conditions: Condition[];
  spec: PathwaySpec;
}

/** Every pathway with a time-based experience rule, in the rules in force on its as-of date. */
function experienceCases(): Case[] {
  const cases: Case[] = [];
  const add = (cert: Certification, asOf: string, specs: Record<string, PathwaySpec>) => {
    const rules = ruleSetOn(cert, asOf)!;
    for (const pw of rules.pathways) {
      const spec = specs[pw.id]!;
      if (spec.months === undefined && spec.hours === undefined) continue;
      cases.push({
        cert,
        rules,
        asOf,
        pathway: pw.id,
        conditions: [...rules.allPathways, ...pw.conditions],
        spec,
      });
    }
  };
  for (const cert of catalog.certifications) {
    const spec = SPEC[cert.id];
    if (spec && spec !== 'unknown') add(cert, AS_OF, spec);
  }
  // CMPE's older rule set (until 2018-12-31): two years of management, six months supervising.
  add(certificationById('CMPE'), '2018-06-30', { standard: { months: 24 } });
  return cases;
}

describe('the catalog still holds the rules these tests were written for', () => {
  it('has 25 certifications, each with an expectation here', () => {
    expect(catalog.certifications).toHaveLength(25);
    expect(catalog.certifications.map((c) => c.id).sort()).toEqual(Object.keys(SPEC).sort());
  });

  it.each(catalog.certifications.map((c) => [c.id, c] as const))('%s', (id, cert) => {
    const spec = SPEC[id]!;
    if (spec === 'unknown') {
      expect(cert.eligibility.status).toBe('unknown');
      return;
    }
    const rules = ruleSetOn(cert, AS_OF);
    expect(rules, 'a rule set in force on the as-of date').toBeDefined();
    expect(rules!.pathways.map((p) => p.id)).toEqual(Object.keys(spec));
    for (const pw of rules!.pathways) {
      const conditions = [...rules!.allPathways, ...pw.conditions];
      const binding = bindingCondition(conditions);
      const want = spec[pw.id]!;
      expect(binding?.minMonths, `${pw.id} months`).toBe(want.months);
      expect(binding?.minHours, `${pw.id} hours`).toBe(want.hours);
      expect(binding?.windowMonths, `${pw.id} window`).toBe(want.window);
      const education = conditions.filter((c) => c.type === 'education');
      expect(education.map((c) => c.minLevel).sort()[0], `${pw.id} degree`).toBe(want.degree);
    }
  });
});

describe.each(experienceCases().map((c) => [`${c.cert.id}/${c.pathway} (as of ${c.asOf})`, c] as const))(
  '%s',
  (_name, c) => {
    const id = c.cert.id;
    const name = `${id}/${c.pathway}`;
    const binding = bindingCondition(c.conditions)!;
    const R = monthsNeeded(binding);
    const hours = binding.minHours !== undefined;
    const build = (opts: Omit<SatisfyOptions, 'asOf'>) => satisfying(c.conditions, { asOf: c.asOf, ...opts });
    const run = (opts: Omit<SatisfyOptions, 'asOf'>) => {
      const r = result(id, build(opts), c.asOf);
      const p = pathwayOf(r, c.pathway);
      return { r, p, b: conditionOf(p, binding.id) };
    };
    /** The binding condition's actual value for `m` full-time months, as the engine reports it. */
    const actualFor = (m: number) => (hours ? Math.floor((m * 2080) / 12 + 1e-6) : m);
    const unit = hours ? 'hours' : 'months';
    const oneMonthShortText = hours
      ? `${fmt(Math.ceil(binding.minHours! - actualFor(R - 1) - 1e-6))} more hours`
      : '1 more month';

    it('uses the rule set in force on the as-of date', () => {
      const { r } = run({});
      expect(r.rules).toEqual({
        effectiveFrom: c.rules.effectiveFrom ?? null,
        effectiveUntil: c.rules.effectiveUntil ?? null,
      });
    });

    it(`exactly enough (${hours ? `${binding.minHours} hours` : `${R} months`}): eligible on the as-of date`, () => {
      const { r, p, b } = run({ months: R });
      expect(r).toMatchObject({ eligible: true, earliestEligible: c.asOf, status: 'eligible' });
      expect(p).toMatchObject({ eligible: true, earliestEligible: c.asOf });
      expect(b).toMatchObject({
        met: true,
        required: hours ? binding.minHours : R,
        actual: actualFor(R),
        unit,
      });
      expect(b.explanation).toContain(`You have ${fmt(actualFor(R))} ${unit}`);
      expect(b.explanation).toContain(`(${fmt(hours ? binding.minHours! : R)} needed)`);
    });

    it('one month short: not eligible; the projected date is one month on while the job is current', () => {
      const { r, p, b } = run({ months: R - 1 });
      expect(p).toMatchObject({ eligible: false, earliestEligible: monthEnd(c.asOf, 1) });
      expect(b).toMatchObject({ met: false, actual: actualFor(R - 1), projected: monthEnd(c.asOf, 1) });
      expect(b.explanation).toContain(`You need ${oneMonthShortText} of `);
      // The person's own figure, not only the gap.
      expect(b.explanation).toContain(
        `you have ${fmt(actualFor(R - 1))} of ${fmt(hours ? binding.minHours! : R)}`,
      );
      if (EXCEPTIONS.stillEligibleWhenShort.has(name)) {
        expect(r).toMatchObject({ eligible: true, status: 'eligible', earliestEligible: c.asOf });
      } else {
        expect(r).toMatchObject({
          eligible: false,
          status: 'eligible_soon',
          earliestEligible: monthEnd(c.asOf, 1),
        });
      }
    });

    it('one month short with the job already ended: not by time alone (null)', () => {
      const { r, p, b } = run({ months: R - 1, jobs: 'ended' });
      expect(p).toMatchObject({ eligible: false, earliestEligible: null });
      expect(b.met).toBe(false);
      expect(b.explanation).toMatch(/no current job that counts/);
      expect(r).toMatchObject({ eligible: false, earliestEligible: null, status: 'needs_more_than_time' });
    });

    it('overlapping jobs: the union counts, not the sum', () => {
      const exact = run({ months: R, jobs: 'overlapping' });
      expect(exact.r.eligible).toBe(true);
      expect(exact.b).toMatchObject({ met: true, actual: actualFor(R) });
      // One month short, although the two jobs add up to more than needed.
      const profile = build({ months: R - 1, jobs: 'overlapping' });
      expect(profile.positions).toHaveLength(2);
      const short = result(id, profile, c.asOf);
      const p = pathwayOf(short, c.pathway);
      expect(conditionOf(p, binding.id)).toMatchObject({ met: false, actual: actualFor(R - 1) });
      expect(p).toMatchObject({ eligible: false, earliestEligible: monthEnd(c.asOf, 1) });
      if (!EXCEPTIONS.stillEligibleWhenShort.has(name)) expect(short.eligible).toBe(false);
    });

    if (EXCEPTIONS.partTimeImpossible.has(name)) {
      it('part-time (FTE 0.5): the look-back window can never hold enough', () => {
        const { r, p, b } = run({ months: R, fte: 0.5 });
        expect(b.met).toBe(false);
        expect(p).toMatchObject({ eligible: false, earliestEligible: null });
        expect(r).toMatchObject({ eligible: false, earliestEligible: null });
      });
    } else {
      it('part-time (FTE 0.5): twice the calendar months; one month short takes two months', () => {
        const exact = run({ months: R, fte: 0.5 });
        expect(exact.r).toMatchObject({ eligible: true, earliestEligible: c.asOf });
        expect(exact.b.actual).toBe(actualFor(R));
        const { r, p, b } = run({ months: R - 1, fte: 0.5 });
        expect(b).toMatchObject({ met: false, actual: actualFor(R - 1), projected: monthEnd(c.asOf, 2) });
        expect(b.explanation).toContain('(FTE 0.5)');
        expect(p).toMatchObject({ eligible: false, earliestEligible: monthEnd(c.asOf, 2) });
        if (!EXCEPTIONS.stillEligibleWhenShort.has(name))
          expect(r).toMatchObject({ status: 'eligible_soon', earliestEligible: monthEnd(c.asOf, 2) });
      });
    }

    const education = c.conditions.find((x) => x.type === 'education');
    if (education?.type === 'education') {
      it(`missing degree (${education.minLevel}): not by time alone`, () => {
        const { r, p } = run({ months: R, degrees: false });
        const e = conditionOf(p, education.id);
        expect(e).toMatchObject({ met: false, actual: null, projected: null });
        expect(e.explanation).toMatch(/no degree is recorded/);
        expect(p).toMatchObject({ eligible: false, earliestEligible: null });
        const other = EXCEPTIONS.otherRouteWithoutDegree[name];
        if (other)
          expect(r).toMatchObject({ eligible: false, status: 'eligible_soon', earliestEligible: other });
        else
          expect(r).toMatchObject({
            eligible: false,
            earliestEligible: null,
            status: 'needs_more_than_time',
          });
      });

      const lower = levelBelow(education.minLevel);
      if (lower) {
        it(`a lower degree (${lower}): the explanation names it`, () => {
          const parts = satisfyingParts(c.conditions, { asOf: c.asOf, months: R });
          parts.education = [{ level: lower, field: parts.education?.[0]?.field, completed: '2010-05' }];
          const p = pathwayOf(result(id, makeProfile(parts), c.asOf), c.pathway);
          const e = conditionOf(p, education.id);
          expect(e).toMatchObject({ met: false, actual: lower });
          expect(e.explanation).toMatch(/your highest is (a|an) /);
          expect(p.earliestEligible).toBeNull();
        });
      }

      it('a degree expected in three months: projected to its completion month', () => {
        const parts = satisfyingParts(c.conditions, { asOf: c.asOf, months: R });
        const due = shiftMonth(c.asOf.slice(0, 7), 3);
        parts.education = parts.education!.map((d) => ({ ...d, completed: due }));
        const { r, p } = (() => {
          const res = result(id, makeProfile(parts), c.asOf);
          return { r: res, p: pathwayOf(res, c.pathway) };
        })();
        const e = conditionOf(p, education.id);
        expect(e.met).toBe(false);
        // A month alone means its first day (profile format v1), except for a job's end.
        expect(e.projected).toBe(`${due}-01`);
        expect(p.earliestEligible).toBe(`${due}-01`);
        expect(r.eligible).toBe(EXCEPTIONS.stillEligibleWhenShort.has(name));
      });
    }
  },
);

describe('certifications without an experience rule', () => {
  const empty = makeProfile();

  it.each(['CPHQ', 'ASQ_CSSYB', 'IASSC_LSSBB', 'IASSC_LSSGB', 'IASSC_LSSYB'])(
    '%s is open: eligible with an empty profile',
    (id) => {
      const r = result(id, empty);
      expect(r).toMatchObject({ eligible: true, earliestEligible: AS_OF, status: 'eligible' });
      expect(r.pathways.every((p) => p.conditions.length === 0)).toBe(true);
    },
  );

  it('CHDA: rules unknown, so eligibility is unknown (not false)', () => {
    const r = result('CHDA', satisfying([], { asOf: AS_OF }));
    expect(r).toMatchObject({
      eligible: null,
      earliestEligible: null,
      status: 'unknown',
      rules: null,
      pathways: [],
    });
  });

  it('CAHIMS: a high-school diploma', () => {
    const none = result('CAHIMS', empty);
    expect(none).toMatchObject({ eligible: false, earliestEligible: null, status: 'needs_more_than_time' });
    expect(none.pathways[0]!.conditions[0]!.explanation).toMatch(
      /high-school diploma.*no degree is recorded/,
    );
    const hs = result('CAHIMS', makeProfile({ education: [{ level: 'high_school' }] }));
    expect(hs).toMatchObject({ eligible: true, earliestEligible: AS_OF });
    expect(hs.pathways[0]!.conditions[0]!.explanation).toContain('You have a high-school diploma');
  });

  it('CAPM: high school and 23 hours of project management education (22 is not enough)', () => {
    const pw = ruleSetOn(certificationById('CAPM'), AS_OF)!.pathways[0]!;
    expect(result('CAPM', satisfying(pw.conditions, { asOf: AS_OF }))).toMatchObject({ eligible: true });
    const parts = satisfyingParts(pw.conditions, { asOf: AS_OF });
    parts.ce = [{ date: '2026-05-01', hours: 22, category: 'project_management_education' }];
    const r = result('CAPM', makeProfile(parts));
    expect(r).toMatchObject({ eligible: false, earliestEligible: null, status: 'needs_more_than_time' });
    const training = conditionOf(r.pathways[0]!, 'pm_education');
    expect(training).toMatchObject({ met: false, required: 23, actual: 22 });
    expect(training.explanation).toBe(
      'You need 1 more hour of project management education (you have 22 of 23).',
    );
    // Education of another category does not count.
    parts.ce = [{ date: '2026-05-01', hours: 40, category: 'general' }];
    expect(result('CAPM', makeProfile(parts)).eligible).toBe(false);
  });

  it('CHFP: a current HFMA regular or advanced member', () => {
    const member = (type: string) => makeProfile({ memberships: [{ id: 'HFMA', type, since: '2026-11' }] });
    expect(result('CHFP', member('regular'))).toMatchObject({ eligible: true, earliestEligible: AS_OF });
    expect(result('CHFP', member('advanced')).eligible).toBe(true);
    const student = result('CHFP', member('student'));
    expect(student).toMatchObject({ eligible: false, earliestEligible: null });
    expect(student.pathways[0]!.conditions[0]!.explanation).toContain('(student)');
    const none = result('CHFP', empty);
    expect(none.pathways[0]!.conditions[0]!.explanation).toBe('You need to be a member of HFMA.');
    const lapsed = makeProfile({
      memberships: [{ id: 'HFMA', type: 'regular', since: '2020-01', until: '2025-12' }],
    });
    expect(result('CHFP', lapsed).eligible).toBe(false);
  });

  it('CHFP: a membership that starts later is not held yet; it holds from its start', () => {
    const r = result(
      'CHFP',
      makeProfile({ memberships: [{ id: 'HFMA', type: 'regular', since: '2027-01' }] }),
    );
    expect(r).toMatchObject({ eligible: false, status: 'eligible_soon', earliestEligible: '2027-01-01' });
    expect(r.pathways[0]!.conditions[0]!.explanation).toBe('Your HFMA membership starts in January 2027.');
  });

  it('CHFP: a student membership listed first does not hide a regular one', () => {
    const p = makeProfile({
      memberships: [
        { id: 'HFMA', type: 'student', since: '2019-01' },
        { id: 'HFMA', type: 'regular', since: '2024-01' },
      ],
    });
    expect(result('CHFP', p).eligible).toBe(true);
  });

  it('CPXP: documented patient-experience work, any amount', () => {
    const px = (end?: string) =>
      makeProfile({
        positions: [
          { title: 'PX lead', start: '2026-09', ...(end ? { end } : {}), kinds: ['patient_experience'] },
        ],
      });
    const r = result('CPXP', px());
    expect(r).toMatchObject({ eligible: true, earliestEligible: AS_OF });
    expect(r.pathways[0]!.conditions[0]!.explanation).toContain('You have 3 months of patient experience');
    expect(result('CPXP', px('2026-09')).eligible).toBe(true); // past work counts too
    const none = result('CPXP', empty);
    expect(none).toMatchObject({ eligible: false, earliestEligible: null, status: 'needs_more_than_time' });
    const other = makeProfile({ positions: [{ title: 'Nurse', start: '2020-01', kinds: ['clinical'] }] });
    expect(result('CPXP', other).eligible).toBe(false);
  });

  it('RHIA: a CAHIIM-accredited HIM degree, a post-baccalaureate certificate, or reciprocity', () => {
    const rules = ruleSetOn(certificationById('RHIA'), AS_OF)!;
    for (const pw of rules.pathways) {
      const r = result('RHIA', satisfying(pw.conditions, { asOf: AS_OF }));
      expect(r, pw.id).toMatchObject({ eligible: true, earliestEligible: AS_OF });
      expect(pathwayOf(r, pw.id).eligible, pw.id).toBe(true);
    }
    const biology = makeProfile({
      education: [{ level: 'bachelor', field: 'biology', completed: '2015-05' }],
    });
    const r = result('RHIA', biology);
    expect(r).toMatchObject({ eligible: false, earliestEligible: null });
    expect(conditionOf(pathwayOf(r, 'cahiim_bachelor'), 'education').explanation).toContain(
      "your highest is a bachelor's degree (or its field does not count)",
    );
    const withCert = makeProfile({
      education: [{ level: 'bachelor', field: 'biology', completed: '2015-05' }],
      credentials: [{ id: 'CAHIIM_HIM_POSTBACC_CERT', earned: '2020-06' }],
    });
    expect(pathwayOf(result('RHIA', withCert), 'cahiim_post_bacc_certificate').eligible).toBe(true);
    const lapsed = makeProfile({ credentials: [{ id: 'AHIMA_FOREIGN_RECIPROCITY', status: 'lapsed' }] });
    expect(result('RHIA', lapsed).eligible).toBe(false);
  });

  it('CSSBB: two Six Sigma projects, or one and three years', () => {
    const project = (n: number) =>
      Array.from({ length: n }, (_, i) => ({
        title: `P${i}`,
        kind: 'six_sigma' as const,
        completed: '2025-06',
        role: 'lead' as const,
      }));
    const two = result('ASQ_CSSBB', makeProfile({ projects: project(2) }));
    expect(pathwayOf(two, 'two_projects').eligible).toBe(true);
    expect(two).toMatchObject({ eligible: true, earliestEligible: AS_OF });
    const one = result('ASQ_CSSBB', makeProfile({ projects: project(1) }));
    expect(one).toMatchObject({ eligible: false, earliestEligible: null });
    expect(conditionOf(pathwayOf(one, 'two_projects'), 'projects').explanation).toBe(
      'You need 1 more completed six sigma project.',
    );
    const future = result(
      'ASQ_CSSBB',
      makeProfile({ projects: [...project(1), { ...project(1)[0]!, completed: '2027-03' }] }),
    );
    expect(future.eligible).toBe(false);
  });
});

describe('CMPE: rule sets by date', () => {
  const cmpe = certificationById('CMPE');
  const oldRules = ruleSetOn(cmpe, '2018-06-30')!;
  const newRules = ruleSetOn(cmpe, AS_OF)!;

  it('selects the older rules until 2018-12-31 and the current ones from 2019-01-01', () => {
    const p = makeProfile();
    expect(result('CMPE', p, '2018-06-30').rules).toEqual({
      effectiveFrom: null,
      effectiveUntil: '2018-12-31',
    });
    expect(result('CMPE', p, '2018-12-31').rules).toEqual({
      effectiveFrom: null,
      effectiveUntil: '2018-12-31',
    });
    expect(result('CMPE', p, '2019-01-01').rules).toEqual({
      effectiveFrom: '2019-01-01',
      effectiveUntil: null,
    });
    expect(result('CMPE', p, AS_OF).rules).toEqual({ effectiveFrom: '2019-01-01', effectiveUntil: null });
    expect(result('CMPE', p, '2018-06-30').pathways.map((x) => x.id)).toEqual(['standard']);
    expect(result('CMPE', p, AS_OF).pathways.map((x) => x.id)).toEqual([
      'pathway_1',
      'pathway_2_early_career',
      'pathway_3_experience',
    ]);
  });

  it('the same person: eligible under the 2018 rules without a degree, not under the current ones', () => {
    const conditions = [...oldRules.allPathways, ...oldRules.pathways[0]!.conditions];
    const p = satisfying(conditions, { asOf: '2018-06-30' });
    expect(p.education).toEqual([]);
    expect(result('CMPE', p, '2018-06-30')).toMatchObject({ eligible: true, earliestEligible: '2018-06-30' });
    // The exams come after the award's application: they never block eligibility to apply.
    const exams = result('CMPE', p, '2018-06-30').pathways[0]!.conditions.filter((x) => x.type === 'exam');
    expect(exams.map((x) => [x.stage, x.met])).toEqual([
      ['certification', false],
      ['certification', false],
    ]);
    // Two years of management in 2018 is 26 months in 2018-08; the current rules want a degree
    // (or six years in healthcare, four in management).
    const now = result('CMPE', p, '2018-08-31');
    expect(now.eligible).toBe(true);
    const later = result('CMPE', p, '2019-01-01');
    expect(later.eligible).toBe(false);
  });

  it('the early-career route: on track to meet pathway 1 within 36 months', () => {
    const p1 = newRules.pathways.find((x) => x.id === 'pathway_1')!;
    const parts = satisfyingParts([...newRules.allPathways, ...p1.conditions], { asOf: AS_OF, months: 1 });
    // One month in healthcare, degree done: 23 more months, well within 36.
    let r = result('CMPE', makeProfile(parts));
    expect(pathwayOf(r, 'pathway_1')).toMatchObject({
      eligible: false,
      earliestEligible: monthEnd(AS_OF, 23),
    });
    expect(pathwayOf(r, 'pathway_2_early_career').eligible).toBe(true);
    expect(r).toMatchObject({ eligible: true, earliestEligible: AS_OF });
    // Degree expected in 2029-05 (30 months on): still on track.
    parts.education = [{ level: 'bachelor', completed: '2029-05' }];
    r = result('CMPE', makeProfile(parts));
    expect(conditionOf(pathwayOf(r, 'pathway_2_early_career'), 'on_track')).toMatchObject({
      met: true,
      actual: '2029-05-01',
    });
    // Degree expected in 2030-01 (more than 36 months on): not on track yet; on track from
    // 2027-01-01, 36 months before it.
    parts.education = [{ level: 'bachelor', completed: '2030-01' }];
    r = result('CMPE', makeProfile(parts));
    expect(conditionOf(pathwayOf(r, 'pathway_2_early_career'), 'on_track').met).toBe(false);
    expect(pathwayOf(r, 'pathway_2_early_career').earliestEligible).toBe('2027-01-01');
    expect(pathwayOf(r, 'pathway_1').earliestEligible).toBe('2030-01-01');
    expect(r).toMatchObject({ eligible: false, status: 'eligible_soon', earliestEligible: '2027-01-01' });
    // No degree at all: neither route opens by time alone.
    parts.education = [];
    r = result('CMPE', makeProfile(parts));
    expect(pathwayOf(r, 'pathway_2_early_career').earliestEligible).toBeNull();
    expect(r).toMatchObject({ eligible: false, earliestEligible: null, status: 'needs_more_than_time' });
  });

  it('the early-career route opens by time alone 36 months before pathway 1 would', () => {
    // Half time in healthcare from 2025-12: pathway 1's 24 months take until 2029-11-30, so the
    // early-career route (within 36 months of that) opens on 2026-11-30, not in 2029.
    const p1 = newRules.pathways.find((x) => x.id === 'pathway_1')!;
    const parts = satisfyingParts([...newRules.allPathways, ...p1.conditions], { asOf: AS_OF });
    parts.positions = [{ title: 'Front desk', start: '2025-12', fte: 0.5, kinds: ['healthcare'] }];
    const asOf = '2026-01-31';
    const r = result('CMPE', makeProfile(parts), asOf);
    expect(pathwayOf(r, 'pathway_1').earliestEligible).toBe('2029-11-30');
    const early = pathwayOf(r, 'pathway_2_early_career');
    expect(conditionOf(early, 'on_track')).toMatchObject({
      met: false,
      actual: '2029-11-30',
      projected: '2026-11-30',
    });
    expect(r).toMatchObject({ eligible: false, status: 'eligible_soon', earliestEligible: '2026-11-30' });
    expect(result('CMPE', makeProfile(parts), '2026-11-30').eligible).toBe(true);
    expect(result('CMPE', makeProfile(parts), '2026-11-29').eligible).toBe(false);
  });

  it('120 college credit hours count instead of a bachelor’s degree', () => {
    const p1 = newRules.pathways.find((x) => x.id === 'pathway_1')!;
    const parts = satisfyingParts([...newRules.allPathways, ...p1.conditions], {
      asOf: AS_OF,
      degrees: false,
    });
    expect(result('CMPE', makeProfile({ ...parts, collegeCreditHours: 119 })).eligible).toBe(false);
    const r = result('CMPE', makeProfile({ ...parts, collegeCreditHours: 120 }));
    expect(pathwayOf(r, 'pathway_1').eligible).toBe(true);
    expect(conditionOf(pathwayOf(r, 'pathway_1'), 'education').explanation).toBe(
      "Your 120 college credit hours count instead of a bachelor's degree.",
    );
  });
});

describe('FACHE: the rules that are not experience', () => {
  const rules = ruleSetOn(certificationById('FACHE'), AS_OF)!;
  const conditions = [...rules.allPathways, ...rules.pathways[0]!.conditions];
  // 61 months, so that ending the job a month ago still leaves the 60 months needed.
  const base = () => satisfyingParts(conditions, { asOf: AS_OF, months: 61 });
  const fache = (parts: ProfileParts) => {
    const r = result('FACHE', makeProfile(parts));
    return { r, c: (id: string) => conditionOf(r.pathways[0]!, id) };
  };

  it('is eligible with every rule met', () => {
    expect(fache(base()).r).toMatchObject({ eligible: true, earliestEligible: AS_OF });
  });

  it('ACHE tenure: 12 months on the dot; 11 months is one month short, projected', () => {
    const parts = base();
    parts.memberships = [{ id: 'ACHE', type: 'member', since: '2025-11-30' }];
    expect(fache(parts).c('membership_tenure')).toMatchObject({ met: true, actual: 12 });
    parts.memberships = [{ id: 'ACHE', type: 'member', since: '2025-12-15' }];
    const { r, c } = fache(parts);
    expect(c('membership_tenure')).toMatchObject({ met: false, actual: 11, projected: '2026-12-15' });
    expect(c('membership_tenure').explanation).toBe(
      'You need 1 more month of ACHE membership (you have 11 of 12); that is December 2026.',
    );
    expect(r).toMatchObject({ eligible: false, status: 'eligible_soon', earliestEligible: '2026-12-15' });
    parts.memberships = [{ id: 'ACHE', type: 'student', since: '2020-01' }];
    expect(fache(parts).r).toMatchObject({ eligible: false, earliestEligible: null });
  });

  it('ACHE membership type: a current Faculty Associate must convert to Member before applying', () => {
    const parts = base();
    parts.memberships = [{ id: 'ACHE', type: 'faculty', since: '2019-01' }];
    const { r, c } = fache(parts);
    expect(c('membership_tenure')).toMatchObject({ met: false, actual: 94 });
    expect(c('membership_tenure').explanation).toBe(
      'You are a Faculty associate of ACHE; ACHE asks you to convert to Member before you apply (94 months of tenure counted so far, 12 needed).',
    );
    expect(r).toMatchObject({ eligible: false, earliestEligible: null });
    // An International Associate likewise.
    parts.memberships = [{ id: 'ACHE', type: 'international', since: '2019-01' }];
    expect(fache(parts).r.eligible).toBe(false);
  });

  it('ACHE tenure adds up Faculty Associate and Member time, gaps allowed; Student time does not count', () => {
    const parts = base();
    parts.memberships = [
      { id: 'ACHE', type: 'student', since: '2018-01', until: '2020-01' },
      { id: 'ACHE', type: 'faculty', since: '2024-01-01', until: '2024-07-01' },
      // A gap of a year, then Member since June 2026: 6 + 5 = 11 months on the as-of date.
      { id: 'ACHE', type: 'member', since: '2026-06-27' },
    ];
    const { r, c } = fache(parts);
    expect(c('membership_tenure')).toMatchObject({ met: false, actual: 11, projected: '2026-12-27' });
    expect(r).toMatchObject({ eligible: false, earliestEligible: '2026-12-27' });
    parts.memberships[2] = { id: 'ACHE', type: 'member', since: '2026-05-27' };
    expect(fache(parts)).toMatchObject({ r: { eligible: true } });
  });

  it('needs a current executive position: an ended one is not enough', () => {
    const parts = base();
    parts.positions = parts.positions!.map((p) => ({ ...p, end: '2026-10' }));
    const { r, c } = fache(parts);
    expect(c('current_position')).toMatchObject({ met: false });
    expect(c('current_position').explanation).toMatch(/no current job is recorded/);
    expect(c('hc_mgmt_experience').met).toBe(true);
    expect(r).toMatchObject({ eligible: false, earliestEligible: null });
  });

  it('CE: at least 12 in-person credits and at most 12 qualifying ones count', () => {
    const parts = base();
    const credit = (amount: number, category: string, date = '2026-06-01') => ({
      date,
      hours: amount,
      category,
      credits: [{ unit: 'ache_credit', amount, category }],
    });
    parts.ce = [credit(36, 'ache_qualifying')];
    let ce = fache(parts).c('ce');
    expect(ce).toMatchObject({ met: false, actual: 12 });
    expect(ce.explanation).toBe(
      'You need 24 more ACHE credits in the last 36 months and 12 more in ACHE In-Person Education (you have 12).',
    );
    parts.ce = [
      credit(12, 'ache_in_person'),
      credit(12, 'ache_qualifying'),
      credit(12, 'ache_virtual_interactive'),
    ];
    expect(fache(parts).c('ce')).toMatchObject({ met: true, actual: 36 });
    // Credits from more than 36 months ago do not count.
    parts.ce = [credit(12, 'ache_in_person', '2023-11-30'), credit(24, 'ache_virtual_interactive')];
    ce = fache(parts).c('ce');
    expect(ce).toMatchObject({ met: false, actual: 24 });
    expect(fache(parts).r.earliestEligible).toBeNull();
  });

  it('CE from other providers is Qualifying Education: capped at 12, never counted in full', () => {
    const parts = base();
    const hours = (h: number, category?: string) => ({
      date: '2026-06-01',
      hours: h,
      ...(category ? { category } : {}),
    });
    // 12 in-person plus 24 hours of general or uncategorised education: only 12 of those 24 count.
    parts.ce = [
      {
        date: '2026-06-01',
        hours: 12,
        credits: [{ unit: 'ache_credit', amount: 12, category: 'ache_in_person' }],
      },
      hours(12, 'healthcare_management'),
      hours(12),
    ];
    const ce = fache(parts).c('ce');
    expect(ce).toMatchObject({ met: false, actual: 24 });
    expect(ce.explanation).toBe('You need 12 more ACHE credits in the last 36 months (you have 24).');
    // Virtual Interactive is ACHE's own category: it is not capped as Qualifying.
    parts.ce.push({
      date: '2026-07-01',
      hours: 12,
      credits: [{ unit: 'ache_credit', amount: 12, category: 'ache_virtual_interactive' }],
    });
    expect(fache(parts).c('ce')).toMatchObject({ met: true, actual: 36 });
  });

  it('volunteering: two healthcare and two community activities in the last 36 months', () => {
    const parts = base();
    parts.volunteering = [
      { kind: 'healthcare', date: '2026-01' },
      { kind: 'community', date: '2025-01' },
      { kind: 'community', date: '2023-06' }, // too old
    ];
    const v = fache(parts).c('volunteer');
    expect(v).toMatchObject({ met: false, actual: '1 healthcare + 1 community' });
    expect(v.explanation).toBe(
      'You need 1 more healthcare activity and 1 more community activity of volunteer work in the last 36 months.',
    );
  });

  it('references are the person’s own attestation', () => {
    const parts = base();
    parts.attestations = [];
    const { r, c } = fache(parts);
    expect(c('references').met).toBe(false);
    expect(r.earliestEligible).toBeNull();
  });
});

describe('CMPE: CE categories counted within others', () => {
  const rules = ruleSetOn(certificationById('CMPE'), AS_OF)!;
  const ceCondition = rules.allPathways.find((c) => c.id === 'ce')!;
  const mgma = (amount: number, category: string) => ({
    date: '2026-01-15',
    hours: amount,
    credits: [{ unit: 'mgma_ce', amount, category }],
  });
  const ce = (entries: ProfileParts['ce']) =>
    conditionOf(result('CMPE', makeProfile({ ce: entries })).pathways[0]!, ceCondition.id);

  it('live MGMA credits also count toward the 30 MGMA credits, once toward the 50', () => {
    const c = ce([mgma(30, 'mgma_live'), mgma(20, 'general')]);
    expect(c).toMatchObject({ met: true, actual: 50 });
  });

  it('names what is short: 12 live within 30 MGMA', () => {
    const c = ce([mgma(25, 'mgma_education'), mgma(5, 'mgma_live'), mgma(20, 'general')]);
    expect(c).toMatchObject({ met: false, actual: 50 });
    expect(c.explanation).toBe('You need 7 more in MGMA live education (you have 50).');
  });
});

describe('dates a person expects', () => {
  const rules = ruleSetOn(certificationById('CNML'), AS_OF)!;
  const conditions = [...rules.allPathways, ...rules.pathways[0]!.conditions];

  it('a licence earned later is projected to its date, with the reason', () => {
    const parts = satisfyingParts(conditions, { asOf: AS_OF });
    parts.credentials = [{ id: 'RN_LICENSE', earned: '2027-03-01' }];
    const r = result('CNML', makeProfile(parts));
    const licence = conditionOf(r.pathways[0]!, 'rn_license');
    expect(licence).toMatchObject({ met: false, projected: '2027-03-01' });
    expect(licence.explanation).toMatch(/you expect to hold it from March 2027\.$/);
    expect(r).toMatchObject({ eligible: false, status: 'eligible_soon', earliestEligible: '2027-03-01' });
  });

  it('a month-only expiry means its first day (profile format v1)', () => {
    const parts = satisfyingParts(conditions, { asOf: AS_OF });
    parts.credentials = [{ id: 'RN_LICENSE', earned: '2010-06', expires: '2026-11' }];
    const licenceOn = (asOf: string) =>
      conditionOf(result('CNML', makeProfile(parts), asOf).pathways[0]!, 'rn_license').met;
    expect(licenceOn('2026-11-01')).toBe(true);
    expect(licenceOn('2026-11-02')).toBe(false);
  });
});

describe('licences and credentials', () => {
  const rules = ruleSetOn(certificationById('CNML'), AS_OF)!;
  const conditions = [...rules.allPathways, ...rules.pathways[0]!.conditions];

  it('CNML: a restricted, lapsed, expired or future licence does not count', () => {
    const cases: [string, ProfileParts['credentials'], boolean][] = [
      ['active', [{ id: 'RN_LICENSE', earned: '2010-06' }], true],
      ['restricted', [{ id: 'RN_LICENSE', earned: '2010-06', status: 'restricted' }], false],
      ['lapsed', [{ id: 'RN_LICENSE', earned: '2010-06', status: 'lapsed' }], false],
      ['expired', [{ id: 'RN_LICENSE', earned: '2010-06', expires: '2026-11-29' }], false],
      ['expires today', [{ id: 'RN_LICENSE', earned: '2010-06', expires: '2026-11-30' }], true],
      ['not yet earned', [{ id: 'RN_LICENSE', earned: '2027-01' }], false],
    ];
    for (const [label, credentials, ok] of cases) {
      const parts = satisfyingParts(conditions, { asOf: AS_OF });
      parts.credentials = credentials;
      const r = result('CNML', makeProfile(parts));
      expect(conditionOf(r.pathways[0]!, 'rn_license').met, label).toBe(ok);
      expect(r.eligible, label).toBe(ok);
    }
  });

  it('PMP: holding the CAPM replaces the 35 training hours', () => {
    const pmp = ruleSetOn(certificationById('PMP'), AS_OF)!;
    const conds = [...pmp.allPathways, ...pmp.pathways[0]!.conditions];
    const parts = satisfyingParts(conds, { asOf: AS_OF });
    parts.ce = [];
    expect(result('PMP', makeProfile(parts))).toMatchObject({ eligible: false, earliestEligible: null });
    parts.credentials = [{ id: 'CAPM', earned: '2022-01' }];
    const r = result('PMP', makeProfile(parts));
    expect(r.eligible).toBe(true);
    expect(conditionOf(r.pathways[0]!, 'pm_education').explanation).toMatch(
      /^Your CAPM .* counts instead of 35 hours/,
    );
  });
});

describe('degree fields, recognised by the vocabulary', () => {
  const vocab = catalog.vocabulary;
  it.each([
    ['BSN', 'nursing', true],
    ['Master of Science in Nursing', 'nursing', true],
    ['Business administration', 'nursing', false],
    ['Business administration', 'non_nursing', true],
    ['', 'non_nursing', false],
    ['MSN, Nursing Leadership', 'nursing_administration', true],
    ['Nursing', 'nursing_administration', false],
    ['Health Information Management (CAHIIM)', 'him_cahiim', true],
    ['Health information management', 'him_cahiim', false],
    ['Project management (GAC-accredited)', 'gac_accredited', true],
    ['Gaming', 'gac_accredited', false],
  ] as const)('"%s" counts as %s: %s', (field, required, expected) => {
    expect(fieldMatches(field, required, vocab)).toBe(expected);
  });

  it('RHIA: only a CAHIIM-accredited HIM degree opens the degree route', () => {
    const rhia = ruleSetOn(certificationById('RHIA'), AS_OF)!;
    const pw = rhia.pathways.find((p) =>
      [...rhia.allPathways, ...p.conditions].some((c) => c.type === 'education' && c.field === 'him_cahiim'),
    )!;
    const parts = satisfyingParts([...rhia.allPathways, ...pw.conditions], { asOf: AS_OF });
    const withField = (field: string) =>
      pathwayOf(
        result('RHIA', makeProfile({ ...parts, education: parts.education!.map((e) => ({ ...e, field })) })),
        pw.id,
      ).eligible;
    expect(withField('Health Information Management, CAHIIM-accredited')).toBe(true);
    expect(withField('Health information management')).toBe(false);
  });
});

describe('explanations read as English', () => {
  it('a degree field mid-sentence is lower-cased only where it should be ("in a field other than nursing")', () => {
    const r = result('CNML', makeProfile({ education: [{ level: 'associate', field: 'Nursing' }] }));
    const text = JSON.stringify(r);
    expect(text).toContain('in a field other than nursing');
    expect(text).not.toContain('in A field');
  });

  it('credit units are pluralised as words, not by appending "s" to a parenthesis', () => {
    const text = JSON.stringify(result('PMP', makeProfile({})));
    expect(text).not.toMatch(/\(PDU\)s/);
  });
});
