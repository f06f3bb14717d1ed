/**
 * The profiles in examples/ parse, and give the answers a person would give by reading the
 * catalog's rules (as of 2026-11-27, the catalog's verification date).
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtinCatalog } from '../../test/support/catalog.js';
import type { CertificationResult } from '../core/eligibility.js';
import { evaluateRenewals } from '../core/renewal.js';
import { checkEligibility } from './eligibility-service.js';
import { parseProfileText, serializeProfile } from './profile-service.js';

const catalog = await builtinCatalog();
const dir = path.resolve(import.meta.dirname, '..', '..', 'examples');
const AS_OF = '2026-11-27';

async function verdicts(name: string): Promise<Record<string, CertificationResult>> {
  const profile = parseProfileText(catalog, await readFile(path.join(dir, name), 'utf8'), { filename: name });
  const report = checkEligibility(catalog, profile, { asOf: AS_OF }, AS_OF);
  return Object.fromEntries(report.results.map((r) => [r.certification, r]));
}

/** The unmet apply-stage explanations of a certification's pathways. */
const missing = (r: CertificationResult | undefined) =>
  (r?.pathways ?? []).flatMap((p) =>
    p.conditions.filter((c) => !c.met && c.stage === 'apply').map((c) => c.explanation),
  );

describe('examples/', () => {
  it('holds at least five profiles, YAML and JSON, that parse and round-trip', async () => {
    const files = (await readdir(dir)).filter((f) => /\.(ya?ml|json)$/.test(f));
    expect(files.length).toBeGreaterThanOrEqual(6);
    expect(files.some((f) => f.endsWith('.json'))).toBe(true);
    for (const file of files) {
      const profile = parseProfileText(catalog, await readFile(path.join(dir, file), 'utf8'), {
        filename: file,
      });
      expect(profile.name, file).toBeTruthy();
      expect(profile.positions.length, file).toBeGreaterThan(0);
      for (const syntax of ['yaml', 'json'] as const) {
        const again = parseProfileText(catalog, serializeProfile(profile, syntax), {
          filename: `x.${syntax}`,
        });
        expect(again, `${file} as ${syntax}`).toEqual(profile);
      }
    }
  });

  it('nurse manager: CPHQ now; FACHE not by time alone (no master’s degree)', async () => {
    const v = await verdicts('nurse-manager.yaml');
    expect(v.CPHQ).toMatchObject({ status: 'eligible', earliestEligible: AS_OF });
    expect(v.FACHE).toMatchObject({
      eligible: false,
      earliestEligible: null,
      status: 'needs_more_than_time',
    });
    expect(missing(v.FACHE)).toContain(
      "You need a master's degree or higher; your highest is a bachelor's degree.",
    );
  });

  it('bedside nurse: CPPS and CPHQ now; not CNML (no nurse-manager experience) and not FACHE', async () => {
    const v = await verdicts('bedside-nurse.yaml');
    expect(v.CPHQ?.eligible).toBe(true);
    expect(v.CPPS?.eligible).toBe(true);
    expect(v.CNML).toMatchObject({ eligible: false, earliestEligible: null });
    expect(missing(v.CNML).some((m) => /more hours of nurse manager experience/.test(m))).toBe(true);
    expect(v.FACHE).toMatchObject({ eligible: false, earliestEligible: null });
    expect(v['NE-BC']?.eligible).toBe(false);
  });

  it('new practice manager: CMPE now (bachelor’s, two years in healthcare, MGMA member); not FACHE or CHFP', async () => {
    const v = await verdicts('practice-manager.yaml');
    expect(v.CMPE).toMatchObject({ eligible: true, status: 'eligible' });
    expect(v.CMPE?.pathways.find((p) => p.id === 'pathway_1')?.eligible).toBe(true);
    expect(v.FACHE?.eligible).toBe(false);
    expect(v.CHFP).toMatchObject({ eligible: false, earliestEligible: null });
    expect(missing(v.CHFP)).toEqual(['You need to be a member of HFMA.']);
  });

  it('quality analyst: CPHQ, CPPS and Six Sigma Green Belt now; PMP once three years of project leadership are done', async () => {
    const v = await verdicts('quality-analyst.yaml');
    expect(v.CPHQ?.eligible).toBe(true);
    expect(v.CPPS?.eligible).toBe(true);
    expect(v.ASQ_CSSGB?.eligible).toBe(true);
    // No Six Sigma projects yet, so no Black Belt.
    expect(v.ASQ_CSSBB).toMatchObject({ eligible: false, earliestEligible: null });
    // Project leadership since June 2024: 36 months are complete at the end of May 2027.
    expect(v.PMP).toMatchObject({ status: 'eligible_soon', earliestEligible: '2027-05-31' });
  });

  it('health-IT analyst: CPHIMS now (bachelor’s and six years of health IT in a hospital)', async () => {
    const v = await verdicts('health-it-analyst.json');
    expect(v.CPHIMS).toMatchObject({ eligible: true, status: 'eligible' });
    expect(v.CPHIMS?.pathways.find((p) => p.id === 'bachelor_5y')?.eligible).toBe(true);
    expect(v.CAHIMS?.eligible).toBe(true);
    expect(v.CHCIO?.eligible).toBe(false);
    expect(v.PMP).toMatchObject({ eligible: false, earliestEligible: null });
  });

  it('experienced executive: FACHE now, and CHFP; not CMPE (not an MGMA member)', async () => {
    const v = await verdicts('healthcare-executive.yaml');
    expect(v.FACHE).toMatchObject({ eligible: true, earliestEligible: AS_OF, status: 'eligible' });
    expect(v.FACHE?.pathways[0]?.conditions.every((c) => c.met)).toBe(true);
    expect(v.CHFP?.eligible).toBe(true);
    expect(v.CMPE).toMatchObject({ eligible: false, earliestEligible: null });
    expect(v.CHDA?.status).toBe('unknown');
  });

  it('quality director: CPPS and ASQ Green Belt now; not CNML (no nurse-manager experience); CPHQ renewal on track', async () => {
    const v = await verdicts('quality-director.yaml');
    expect(v.CPPS?.eligible).toBe(true);
    expect(v.ASQ_CSSGB?.eligible).toBe(true);
    expect(v.CNML?.eligible).toBe(false);
    const name = 'quality-director.yaml';
    const profile = parseProfileText(catalog, await readFile(path.join(dir, name), 'utf8'), {
      filename: name,
    });
    const cphq = evaluateRenewals(catalog, profile, AS_OF).credentials.find((c) => c.credential === 'CPHQ');
    expect(cphq).toMatchObject({ status: 'on_track', window: { start: '2026-01-01', end: '2027-12-31' } });
    expect(cphq?.explanation).toMatch(/^You have 16 of 30 NAHQ CE credits/);
  });
});
