import { describe, expect, it } from 'vitest';
import { builtinCatalog } from '../../../../test/support/catalog';
import { programQueryFromParams, programQueryString, type ProgramQuery } from '../../api/programs';
import {
  chipNames,
  accreditationText,
  ceText,
  comparePath,
  costDetail,
  costText,
  durationText,
  featureText,
  includedFeatures,
  isUnstated,
  modalityText,
} from './programText';

const catalog = await builtinCatalog();
const program = (id: string) => catalog.programs.find((p) => p.id === id)!;

describe('compare bar chip names', () => {
  it('tells apart two graduate certificates that a truncated name would not', async () => {
    const catalog = await builtinCatalog();
    const picks = catalog.programs.filter((p) =>
      [
        'gwu-graduate-certificate-health-care-quality',
        'jefferson-graduate-certificate-healthcare-quality-safety',
      ].includes(p.id),
    );
    expect(picks).toHaveLength(2);
    const names = chipNames(picks);
    expect(names['gwu-graduate-certificate-health-care-quality']).toBe(
      'George Washington University · Graduate Certificate in Health Care Quality (also MSHS / MSN in Health Care Quality)',
    );
    expect(names['jefferson-graduate-certificate-healthcare-quality-safety']).toBe(
      'Thomas Jefferson University · Graduate Certificate in Healthcare Quality and Safety',
    );
    // The first 30 characters differ, so the chips differ even when cut short.
    const cut = Object.values(names).map((n) => n.slice(0, 30));
    expect(new Set(cut).size).toBe(2);
  });

  it('drops the words shared by programs of one provider', () => {
    const names = chipNames([
      { id: 'a', name: 'Graduate Certificate in Quality', provider: 'Same University - School A' },
      { id: 'b', name: 'Graduate Certificate in Safety', provider: 'Same University (online)' },
    ]);
    expect(names).toEqual({ a: 'Same University · … Quality', b: 'Same University · … Safety' });
  });
});

describe('program facts as text', () => {
  it('says Unknown for every unknown value, never blank or 0', () => {
    // Nobody has checked this provider's pages (the built-in entry has been: see below).
    const p = { ...program('ihi-improvement-advisor'), notPublished: undefined };
    expect(costText(p)).toBe('Unknown');
    expect(costDetail(p)).toBeNull();
    expect(ceText(p)).toBe('Unknown');
    expect(featureText(p.capstone)).toBe('Unknown');
    expect(featureText(p.mentorship)).toBe('Yes');
    expect(includedFeatures(p)).toEqual(['Mentorship', 'Cohort']);
    for (const q of catalog.programs) {
      for (const text of [costText(q), durationText(q), ceText(q), accreditationText(q), modalityText(q)]) {
        expect(text.trim(), q.id).not.toBe('');
        expect(text, q.id).not.toMatch(/^0 /);
      }
    }
  });

  it('gives cost with its date, lengths in months or hours, and CE with its unit', () => {
    const umn = program('umn-executive-mha');
    expect(costText(umn)).toBe('$68,544');
    expect(costDetail(umn)).toMatch(/^as of /);
    expect(durationText(umn)).toBe('25 months');
    expect(durationText(program('cprime-pmp-exam-prep'))).toBe('35 hours');
    expect(ceText(program('ihi-open-school-basic-certificate'), (u) => `<${u}>`)).toMatch(/amount unknown/);
    expect(ceText(program('example-postgraduate-diploma-health-management'))).toBe('None');
    expect(accreditationText(program('slu-executive-mha'))).toBe('CAHME, CEPH, Institutional');
  });
});

describe('program filters in the URL', () => {
  it('round-trips every filter with readable commas', () => {
    const query: ProgramQuery = {
      q: 'quality care',
      format: ['mha', 'mph'],
      modality: ['online'],
      online: true,
      accreditation: ['CAHME', 'CEPH'],
      accredited: true,
      maxCost: 5000,
      maxMonths: 12,
      ceFor: ['PMP'],
      competency: ['patient-safety', 'budgeting'],
      features: ['capstone'],
      includeExamples: false,
      sort: 'cost',
    };
    const search = programQueryString(query);
    expect(search).toBe(
      '?q=quality+care&format=mha,mph&modality=online&accreditation=CAHME,CEPH&ceFor=PMP&competency=patient-safety,budgeting&features=capstone&online=true&accredited=true&maxCost=5000&maxMonths=12&includeExamples=false&sort=cost',
    );
    expect(programQueryFromParams(new URLSearchParams(search))).toEqual(query);
  });

  it('leaves out defaults and ignores values it cannot read', () => {
    expect(programQueryString({ sort: 'name', includeExamples: true, format: [] })).toBe('');
    expect(programQueryFromParams(new URLSearchParams('maxCost=cheap&sort=popular&online=yes'))).toEqual({});
    expect(comparePath(['a', 'b'], 'director-of-quality')).toBe(
      '/programs/compare?ids=a,b&role=director-of-quality',
    );
  });

  it('says "not published by the provider" with the date checked, only for the facts checked', () => {
    const p = program('ihi-improvement-advisor');
    expect(p.notPublished?.fields).toContain('cost');
    expect(costText(p)).toBe('Not published by the provider (checked 27 Nov 2026)');
    expect(featureText(p.capstone, p, 'capstone')).toBe(
      'Not published by the provider (checked 27 Nov 2026)',
    );
    expect(featureText(p.mentorship, p, 'mentorship')).toBe('Yes');
    expect(isUnstated(costText(p))).toBe(true);
    expect(isUnstated('$4,995')).toBe(false);
    const unchecked = { ...p, notPublished: { ...p.notPublished!, fields: ['ce' as const] } };
    expect(costText(unchecked)).toBe('Unknown');
    expect(ceText(unchecked)).toBe('Not published by the provider (checked 27 Nov 2026)');
  });
});
