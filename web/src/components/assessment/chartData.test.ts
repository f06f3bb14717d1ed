import { describe, expect, it } from 'vitest';
import type { GapReportResponse, RoleSummary } from '../../api/career';
import {
  compareHref,
  competencyRadarData,
  domainMeans,
  domainRadarData,
  exclusionText,
  ratingProgress,
  roleSelectData,
  shortLabel,
  withRating,
} from './chartData';

const item = (
  competency: string,
  domain: GapReportResponse['items'][number]['domain'],
  target: number,
  rating: number | null,
) => ({
  competency,
  label: competency.toUpperCase(),
  domain,
  topics: [],
  target,
  targetJudgement: true,
  importance: 1,
  rating,
  gap: rating === null ? null : Math.max(0, target - rating),
  score: null,
  status: rating === null ? ('unrated' as const) : ('gap' as const),
});

const report: GapReportResponse = {
  role: { id: 'r', title: 'R', family: 'quality', level: 'director' },
  framework: { id: 'f', name: 'F' },
  assessedOn: null,
  items: [
    item('b1', 'business_skills', 5, 2),
    item('l1', 'leadership', 4, null),
    item('l2', 'leadership', 3, 3),
  ],
  domains: [
    {
      id: 'communication_relationships',
      name: 'Communication and Relationship Management',
      target: null,
      rating: null,
      rated: 0,
      targeted: 0,
    },
    { id: 'leadership', name: 'Leadership', target: 3.5, rating: 3, rated: 1, targeted: 2 },
    {
      id: 'business_skills',
      name: 'Business Skills and Knowledge',
      target: 5,
      rating: 2,
      rated: 1,
      targeted: 1,
    },
  ],
  totals: {
    targeted: 3,
    rated: 2,
    met: 1,
    withGap: 1,
    unrated: 1,
    gapPoints: 3,
    maxGapPoints: 9,
    ratedMaxGapPoints: 9,
    readinessPercent: 50,
  },
  summary: '',
};

describe('radar data', () => {
  it('has one axis per domain the role targets, with short names', () => {
    expect(domainRadarData(report)).toEqual([
      { axis: 'Leadership', target: 3.5, me: 3 },
      { axis: 'Business skills', target: 5, me: 2 },
    ]);
  });

  it('adds an earlier assessment as domain means over the rated competencies, null when none', () => {
    expect(domainRadarData(report, { l1: 2, l2: 3 })).toEqual([
      { axis: 'Leadership', target: 3.5, me: 3, earlier: 2.5 },
      { axis: 'Business skills', target: 5, me: 2, earlier: null },
    ]);
  });

  it('has one axis per targeted competency, unrated as null (never 0)', () => {
    expect(competencyRadarData(report)).toEqual([
      { axis: 'L1', target: 4, me: null },
      { axis: 'L2', target: 3, me: 3 },
      { axis: 'B1', target: 5, me: 2 },
    ]);
  });

  it('rounds domain means to one decimal', () => {
    expect(
      domainMeans({ a: 1, b: 2, c: 2 }, [
        { competency: 'a', domain: 'leadership' },
        { competency: 'b', domain: 'leadership' },
        { competency: 'c', domain: 'leadership' },
      ]),
    ).toEqual({ leadership: 1.7 });
  });
});

describe('page helpers', () => {
  it('groups roles by family, juniors first', () => {
    const role = (id: string, family: string, level: string) =>
      ({ id, title: id, family, level }) as RoleSummary;
    expect(
      roleSelectData([
        role('dq', 'quality', 'director'),
        role('qm', 'quality', 'manager'),
        role('ceo', 'hospital_operations', 'executive'),
      ]),
    ).toEqual([
      { group: 'Hospital operations', items: [{ value: 'ceo', label: 'ceo' }] },
      {
        group: 'Quality and patient safety',
        items: [
          { value: 'qm', label: 'qm' },
          { value: 'dq', label: 'dq' },
        ],
      },
    ]);
  });

  it('counts rated targeted competencies and sets or clears a rating', () => {
    expect(ratingProgress({ a: 1, z: 3 }, ['a', 'b'])).toEqual({ rated: 1, total: 2 });
    expect(withRating({ a: 1 }, 'b', 4)).toEqual({ a: 1, b: 4 });
    expect(withRating({ a: 1 }, 'a', null)).toEqual({});
  });

  it('links up to four program picks to the compare page', () => {
    const picks = ['p1', 'p2', 'p3', 'p4', 'p5'].map((id) => ({ kind: 'program', id }));
    expect(compareHref([{ kind: 'certification', id: 'CPHQ' }, ...picks], 'director-of-quality')).toBe(
      '/programs/compare?ids=p1,p2,p3,p4&role=director-of-quality',
    );
    expect(compareHref([{ kind: 'program', id: 'p1' }], 'r')).toBeNull();
  });

  it('words exclusion counts, largest first', () => {
    expect(exclusionText({ too_long: 2, over_budget: 12, held: 0 })).toBe(
      '12 over your budget, 2 would finish too late',
    );
    expect(exclusionText({ example: 1 })).toBe('1 illustrative example');
    expect(exclusionText({ example: 3 })).toBe('3 illustrative examples');
  });
});

describe('shortLabel', () => {
  it('keeps short labels and cuts long ones at a word, with an ellipsis', () => {
    expect(shortLabel('Leadership', 12)).toBe('Leadership');
    expect(shortLabel('Healthcare environment', 12)).toBe('Healthcare…');
    expect(shortLabel('Regulation and accreditation', 18)).toBe('Regulation and…');
    expect(shortLabel('Professionalism', 8)).toBe('Profess…');
  });
});
