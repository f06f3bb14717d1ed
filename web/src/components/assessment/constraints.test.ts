import { describe, expect, it } from 'vitest';
import { constraintsFromDraft, emptyConstraints } from './constraints';

describe('constraintsFromDraft', () => {
  it('sends only what was given, certifications included by default', () => {
    expect(constraintsFromDraft(emptyConstraints)).toEqual({
      errors: {},
      constraints: { include: ['programs', 'certifications'] },
    });
    expect(
      constraintsFromDraft({
        budget: 5000,
        hoursPerWeek: '6',
        onlineOnly: true,
        accreditationRequired: true,
        finishBy: '2028-06-30',
        includeCertifications: false,
      }).constraints,
    ).toEqual({
      budget: 5000,
      hoursPerWeek: 6,
      onlineOnly: true,
      accreditationRequired: true,
      finishBy: '2028-06-30',
      include: ['programs'],
    });
  });

  it('names the field of each mistake', () => {
    expect(
      constraintsFromDraft({ ...emptyConstraints, budget: -1, hoursPerWeek: 0, finishBy: '2028-13-45' })
        .errors,
    ).toEqual({
      budget: 'The budget must be 0 or more',
      hoursPerWeek: 'Hours per week must be more than 0',
      finishBy: 'Enter a date as YYYY-MM-DD',
    });
    expect(
      constraintsFromDraft({ ...emptyConstraints, hoursPerWeek: 81, budget: 20_000_000 }).errors,
    ).toEqual({
      budget: 'The budget must be at most $10,000,000',
      hoursPerWeek: 'Hours per week must be at most 80',
    });
  });
});
