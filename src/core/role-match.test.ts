import { describe, expect, it } from 'vitest';
import { builtinCatalog } from '../../test/support/catalog.js';
import { closestRoleIds, editDistance, suggestRolesForTitle } from './role-match.js';

const { roles } = await builtinCatalog();
const first = (title: string) => suggestRolesForTitle(title, roles)[0]?.id;

describe('suggestRolesForTitle', () => {
  it('names the role a job title most likely is', () => {
    expect(first('Charge Nurse, Medical ICU')).toBe('charge-nurse');
    expect(first('Staff Nurse, Telemetry')).toBe('staff-nurse');
    expect(first('Nurse Manager, Med-Surg')).toBe('nurse-manager');
    expect(first('Senior Quality Improvement Specialist')).toBe('qi-specialist');
    expect(first('Vice-President of Operations')).toBe('ops-vp');
    expect(first('Practice Manager, Lakeside Family Medicine')).toBe('practice-manager');
    expect(first('Director of Nursing, Surgical Services')).toBe('director-of-nursing');
    expect(first('RN')).toBe('staff-nurse');
  });
  it('suggests nothing for words that name no role', () => {
    expect(suggestRolesForTitle('Barista', roles)).toEqual([]);
    expect(suggestRolesForTitle('', roles)).toEqual([]);
  });
  it('scores between 0 and 1, best first, at most the limit', () => {
    const s = suggestRolesForTitle('Nurse', roles, 5);
    expect(s.length).toBeLessThanOrEqual(5);
    for (const x of s) expect(x.score).toBeGreaterThan(0);
    expect(s.map((x) => x.score)).toEqual([...s.map((x) => x.score)].sort((a, b) => b - a));
  });
});

describe('closestRoleIds', () => {
  it('finds typos and words', () => {
    expect(closestRoleIds('nurse-manger', roles)[0]).toBe('nurse-manager');
    expect(closestRoleIds('director-nursing', roles)[0]).toBe('director-of-nursing');
    expect(closestRoleIds('Quality Manager', roles)[0]).toBe('quality-manager');
    expect(closestRoleIds('ceo', roles)).toContain('ceo');
    expect(closestRoleIds('zzzzzzzzzzzz', roles)).toEqual([]);
  });
  it('edit distance', () => {
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('same', 'same')).toBe(0);
  });
});
