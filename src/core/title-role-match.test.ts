import { describe, expect, it } from 'vitest';
import { matchRoles, suggestRole, titleWords } from './title-role-match.js';

/** The built-in catalog's roles (catalog/roles/*.yaml), id and title. */
const roles = [
  ['administrative-fellow', 'Administrative Fellow / Resident'],
  ['ceo', 'President / Chief Executive Officer'],
  ['cfo', 'Chief Financial Officer'],
  ['charge-nurse', 'Charge Nurse'],
  ['cio', 'Chief Information Officer'],
  ['cmio', 'Chief Medical Information Officer'],
  ['cnio', 'Chief Nursing Informatics Officer'],
  ['cno', 'Chief Nursing Officer'],
  ['coo', 'Chief Operating Officer (hospital)'],
  ['cqo', 'Chief Quality Officer'],
  ['director-of-nursing', 'Director of Nursing'],
  ['director-of-quality', 'Director of Quality'],
  ['finance-analyst', 'Financial / Reimbursement Analyst'],
  ['finance-director', 'Director of Finance / Controller'],
  ['finance-manager', 'Finance / Revenue Cycle Manager'],
  ['hit-analyst', 'Clinical Systems / Health IT Analyst'],
  ['hit-director', 'Director of IT / Informatics'],
  ['hit-manager', 'Health IT Manager'],
  ['medical-technologist', 'Medical Laboratory Scientist / Technologist'],
  ['nurse-manager', 'Nurse Manager'],
  ['ops-director', 'Director of Operations / Service-line Director'],
  ['ops-manager', 'Department / Operations Manager'],
  ['ops-vp', 'Vice President, Operations / Administrator'],
  ['patient-safety-officer', 'Patient Safety Officer'],
  ['pharmacist', 'Pharmacist'],
  ['physical-therapist', 'Physical Therapist'],
  ['physician', 'Physician'],
  ['practice-administrator', 'Practice Administrator'],
  ['practice-executive-director', 'Executive Director, Medical Group'],
  ['practice-manager', 'Practice Manager'],
  ['qi-specialist', 'Quality Improvement Specialist'],
  ['quality-manager', 'Quality Manager'],
  ['revenue-cycle-director', 'Director of Revenue Cycle'],
  ['staff-nurse', 'Staff Nurse (RN)'],
].map(([id, title]) => ({ id: id!, title: title! }));

describe('suggestRole', () => {
  it.each([
    // The personas' own titles (../shared/PERSONAS.md) and the example profiles'.
    ['Charge Nurse, MICU', 'charge-nurse'],
    ['Staff Nurse, Telemetry', 'staff-nurse'],
    ['Quality Improvement Specialist', 'qi-specialist'],
    ['Nurse Manager, Med-Surg', 'nurse-manager'],
    ['Vice-President of Operations', 'ops-vp'],
    ['VP Operations', 'ops-vp'],
    ['Director of Operations, Surgical Services', 'ops-director'],
    ['Operations Manager, Outpatient Clinics', 'ops-manager'],
    ['Administrative Fellow', 'administrative-fellow'],
    ['CNO', 'cno'],
    ['Chief Nursing Officer', 'cno'],
    ['Nursing Director, Women and Children', 'director-of-nursing'],
    ['QI Specialist', 'qi-specialist'],
    ['Sr. Practice Mgr', 'practice-manager'],
    ['Registered Nurse', 'staff-nurse'],
  ])('"%s" -> %s', (title, id) => {
    expect(suggestRole(title, roles)).toBe(id);
  });

  it('suggests nothing for a title that names no role of the catalog', () => {
    expect(suggestRole('Unit Clerk', roles)).toBeUndefined();
    expect(suggestRole('Barista', roles)).toBeUndefined();
    expect(suggestRole('', roles)).toBeUndefined();
    expect(suggestRole(' , / ', roles)).toBeUndefined();
  });

  it('ranks the exact role above the roles that share a common word', () => {
    const ranked = matchRoles('Charge Nurse', roles);
    expect(ranked[0]).toEqual({ id: 'charge-nurse', score: 1 });
    // "nurse" alone is a weak hint: the other nursing roles score lower, if at all.
    for (const other of ranked.slice(1)) expect(other.score).toBeLessThan(0.8);
  });

  it('is not fooled by case, punctuation or plural', () => {
    expect(suggestRole('PHARMACISTS', roles)).toBe('pharmacist');
    expect(suggestRole('physical-therapist', roles)).toBe('physical-therapist');
  });
});

describe('titleWords', () => {
  it('spells out abbreviations, drops stop words and stems', () => {
    expect(titleWords('VP of Nursing')).toEqual(['vice', 'president', 'nurs']);
    expect(titleWords('Dir. Quality & Safety')).toEqual(['director', 'quality', 'safety']);
  });
});
