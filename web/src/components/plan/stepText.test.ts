import { describe, expect, it } from 'vitest';
import { durationText, planLabel, stepCost, stepDates, totalCost } from './stepText';

describe('step text', () => {
  it('writes dates, costs and tab labels', () => {
    expect(stepDates({ start: '2026-11-28', end: '2026-11-28' })).toBe('28 Nov 2026');
    expect(stepDates({ start: '2026-11-28', end: '2027-02-28' })).toBe('28 Nov 2026 – 28 Feb 2027');
    expect(stepCost({ kind: 'certification', costUsd: 440 })).toBe('$440');
    expect(stepCost({ kind: 'program', costUsd: null })).toBe('cost not published');
    expect(stepCost({ kind: 'role', costUsd: null })).toBe('');
    expect(stepCost({ kind: 'program', costUsd: 0 })).toBe('$0');
    expect(totalCost({ costUsd: 78584, unknownCosts: 2 })).toBe('$78,584 + 2 unpublished prices');
    expect(totalCost({ costUsd: 100, unknownCosts: 1 })).toBe('$100 + 1 unpublished price');
    expect(
      planLabel('Director of Quality', {
        label: 'cheapest',
        reached: '2029-11-28',
        totals: { costUsd: 10040, unknownCosts: 0 },
      }),
    ).toBe('Cheapest: Director of Quality on 28 Nov 2029 — $10,040');
    expect(durationText('2026-12-02', '2027-03-02')).toBe('3 months');
    expect(durationText('2026-12-02', '2029-03-01')).toBe('2 years 2 months');
    expect(durationText('2026-12-02', '2027-12-02')).toBe('1 year');
    expect(durationText('2026-12-02', '2026-12-20')).toBe('less than a month');
  });
});
