import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtinCatalog } from '../../test/support/catalog.js';
import { parseProfileText } from './profile-service.js';
import { checkEligibility } from './eligibility-service.js';
import { goalsOverview, planHref } from '../core/goals.js';
import { profileSchema, type Profile } from '../core/profile.js';
import { evaluateRenewals } from '../core/renewal.js';

const catalog = await builtinCatalog();
const AS_OF = '2026-12-02';

async function example(name: string): Promise<Profile> {
  const file = path.resolve(import.meta.dirname, '..', '..', 'examples', name);
  return parseProfileText(catalog, await readFile(file, 'utf8'), { filename: name });
}

function overview(profile: Profile, planned: { certificationId: string; date: string }[] = []) {
  const eligibility = checkEligibility(catalog, profile, { asOf: AS_OF }, AS_OF);
  return goalsOverview(catalog, profile, eligibility, evaluateRenewals(catalog, profile, AS_OF), planned);
}

describe('goals.certifications in the profile format', () => {
  it('accepts catalog ids and refuses repeats and non-ids, naming the field', () => {
    const base = { format: 'hm-pathways/profile@1' };
    expect(
      profileSchema.parse({ ...base, goals: { certifications: ['FACHE'] } }).goals?.certifications,
    ).toEqual(['FACHE']);
    const twice = profileSchema.safeParse({ ...base, goals: { certifications: ['FACHE', 'fache'] } });
    expect(twice.success).toBe(false);
    expect(twice.error?.issues[0]?.path).toEqual(['goals', 'certifications']);
    expect(twice.error?.issues[0]?.message).toBe('must not list the same certification twice');
    const bad = profileSchema.safeParse({ ...base, goals: { certifications: ['no spaces'] } });
    expect(bad.error?.issues[0]?.path).toEqual(['goals', 'certifications', 0]);
  });
});

describe('goalsOverview', () => {
  it('leads an eligible executive with FACHE: apply now, what the application needs, the exam window, ACHE’s page', async () => {
    const g = overview(await example('healthcare-executive.yaml'));
    expect(g.set).toBe(true);
    expect(g.certifications).toHaveLength(1);
    const fache = g.certifications[0]!;
    expect(fache).toMatchObject({ certification: 'FACHE', state: 'eligible', missing: [], issuer: 'ACHE' });
    expect(fache.nextStep.title).toBe('Apply now');
    expect(fache.nextStep.detail[0]).toMatch(/^The application needs: .*Submit the Fellow application/);
    expect(fache.nextStep.detail[0]).toMatch(
      /Board of Governors Examination within the two-year eligibility window/,
    );
    expect(fache.nextStep.detail.join(' ')).toMatch(/application fee \$\d+/);
    expect(fache.nextStep.external).toEqual({
      label: "ACHE's page for FACHE",
      url: 'https://ache.org/fache',
    });
    expect(fache.date).toBe(AS_OF);
  });

  it('says what is missing with the person’s values and points to the plan when time alone does not do it', async () => {
    const g = overview(await example('bedside-nurse.yaml'));
    expect(g.role).toEqual({
      id: 'nurse-manager',
      title: 'Nurse Manager',
      planHref: '/plan?to=nurse-manager&by=2028-12-31&budget=3000&hours=5&online=1',
    });
    const cnml = g.certifications.find((c) => c.certification === 'CNML')!;
    expect(cnml.state).toBe('needs_more_than_time');
    expect(cnml.missing.length).toBeGreaterThan(0);
    expect(cnml.missing.join(' ')).toMatch(/nurse/i);
    expect(cnml.nextStep.href).toBe(g.role!.planHref);
    expect(g.certifications.map((c) => c.certification)).toEqual(['CNML', 'NE-BC']);
  });

  it('dates a certification that time alone brings, and a planned exam', async () => {
    const nurse = await example('bedside-nurse.yaml');
    const soon = overview({ ...nurse, goals: { certifications: ['CPHQ'] } });
    // CPHQ asks for nothing the nurse lacks, so it is eligible now.
    expect(soon.certifications[0]?.state).toBe('eligible');
    const planned = overview({ ...nurse, goals: { certifications: ['CPHQ'] } }, [
      { certificationId: 'CPHQ', date: '2027-03-01' },
    ]);
    expect(planned.certifications[0]).toMatchObject({ date: '2027-03-01', dateLabel: 'Exam planned' });
    expect(planned.certifications[0]?.nextStep.title).toBe('Apply and sit the exam you planned');
  });

  it('shows a held target as held with its renewal date, and an unknown id as not in the catalog', async () => {
    const analyst = await example('quality-analyst.yaml');
    const g = overview({ ...analyst, goals: { certifications: ['IASSC_LSSGB', 'NOPE'] } });
    expect(g.certifications[0]).toMatchObject({ state: 'held', dateLabel: 'Renew by' });
    expect(g.certifications[0]?.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(g.certifications[1]).toMatchObject({
      state: 'not_in_catalog',
      acronym: 'NOPE',
      certification: null,
    });
    expect(g.role).toBeNull();
  });

  it('is "not set" without goals', async () => {
    const nurse = await example('bedside-nurse.yaml');
    const g = overview({ ...nurse, goals: undefined });
    expect(g).toMatchObject({ set: false, role: null, by: null, certifications: [] });
  });

  it('writes the planner URL with the plan page’s keys', () => {
    expect(planHref({ targetRole: 'cno', constraints: { noNewDegree: true } })).toBe(
      '/plan?to=cno&noDegree=1',
    );
  });
});
