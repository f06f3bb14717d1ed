import { describe, expect, it } from 'vitest';
import { daysBetween, daysLeftText, unitPlural, whenText } from './status';

describe('dashboard words', () => {
  it('counts days left in a cycle', () => {
    expect(daysLeftText(399)).toBe('399 days left');
    expect(daysLeftText(1)).toBe('1 day left');
    expect(daysLeftText(0)).toBe('ends today');
    expect(daysLeftText(-3)).toBe('ended 3 days ago');
  });

  it('says when a date comes', () => {
    expect(daysBetween('2026-11-27', '2027-12-31')).toBe(399);
    expect(whenText('2026-11-27', '2026-11-27')).toBe('today');
    expect(whenText('2026-11-27', '2026-11-28')).toBe('tomorrow');
    expect(whenText('2026-11-27', '2026-12-27')).toBe('in 30 days');
    expect(whenText('2026-11-27', '2027-12-31')).toBe('in 13 months');
    expect(whenText('2026-11-27', '2030-01-01')).toBe('in 3 years');
  });

  it('writes credit units in the plural', () => {
    expect(unitPlural('ACHE credit', 2)).toBe('ACHE credits');
    expect(unitPlural('ACHE credit', 1)).toBe('ACHE credit');
    expect(unitPlural('PMI professional development unit (PDU)', 35)).toBe(
      'PMI professional development units (PDUs)',
    );
  });
});
