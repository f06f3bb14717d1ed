import { describe, expect, it } from 'vitest';
import { dayHeading, formatDateTime, formatDay, localDayKey } from './dates';

// The unit tests run with TZ=UTC (vitest.config.ts), so local time is UTC here.
describe('account dates', () => {
  it('formats times and days', () => {
    expect(formatDateTime('2026-11-28T12:05:00.000Z')).toBe('28 Nov 2026, 12:05');
    expect(formatDay('2026-11-28T23:59:00.000Z')).toBe('28 Nov 2026');
    expect(formatDay('not a date')).toBe('not a date');
    expect(localDayKey('2026-11-28T23:59:00.000Z')).toBe('2026-11-28');
  });
  it('names today and yesterday, and spells out other days', () => {
    const now = new Date('2026-11-28T09:00:00.000Z');
    expect(dayHeading('2026-11-28', now)).toMatch(/^Today — Saturday,? 28 November 2026$/);
    expect(dayHeading('2026-11-27', now)).toMatch(/^Yesterday — Friday,? 27 November 2026$/);
    expect(dayHeading('2026-11-02', now)).toMatch(/^Monday,? 2 November 2026$/);
  });
});
