import { describe, expect, it } from 'vitest';
import { fieldKey, fieldWhere, hoursText, inputId, profileDateText } from './recordText';

describe('profileDateText', () => {
  it('writes months and days in words, and leaves anything else as it is', () => {
    expect(profileDateText('2025-06')).toBe('Jun 2025');
    expect(profileDateText('2025-06-12')).toBe('12 Jun 2025');
    expect(profileDateText(undefined)).toBe('');
    expect(profileDateText('soon')).toBe('soon');
  });
});

describe('fieldKey', () => {
  it("turns the server's paths into the editors' keys", () => {
    expect(fieldKey('end')).toBe('end');
    expect(fieldKey('credits[0].amount')).toBe('credits.0.amount');
    expect(fieldKey('')).toBe('');
  });

  it('drops the section in front of a path', () => {
    expect(fieldKey('ce.credits[1].unit', 'ce')).toBe('credits.1.unit');
    expect(fieldKey('positions[0].end', 'positions')).toBe('end');
    expect(fieldKey('positions.0.end', 'positions')).toBe('end');
    expect(fieldKey('positions', 'positions')).toBe('');
    expect(fieldKey('end', 'positions')).toBe('end');
  });
});

describe('fieldWhere', () => {
  const labels = { credits: 'Credit', amount: 'Amount', end: 'Ended (month)' };
  it('names a field as the editor labels it, counting from 1', () => {
    expect(fieldWhere('end', labels)).toBe('Ended (month)');
    expect(fieldWhere('credits.0.amount', labels)).toBe('Credit 1, Amount');
    expect(fieldWhere('', labels)).toBe('This item');
    expect(fieldWhere('other', labels)).toBe('other');
  });
});

describe('small words', () => {
  it('counts hours and builds input ids', () => {
    expect(hoursText(1)).toBe('1 hour');
    expect(hoursText(2.5)).toBe('2.5 hours');
    expect(inputId('ce', 'credits.0.amount')).toBe('rec-ce-credits-0-amount');
  });
});
