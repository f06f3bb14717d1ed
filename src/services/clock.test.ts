import { describe, expect, it } from 'vitest';
import { canonicalTimeZone, dateIn, fixedClock, isTimeZone, todayFor } from './clock.js';

describe('the clock and "today"', () => {
  it('takes the date in the given zone, UTC by default, never the machine zone', () => {
    const late = new Date('2026-12-31T23:30:00Z');
    expect(dateIn(late)).toBe('2026-12-31');
    expect(dateIn(late, null)).toBe('2026-12-31');
    expect(dateIn(late, 'Pacific/Kiritimati')).toBe('2027-01-01');
    expect(dateIn(late, 'America/Los_Angeles')).toBe('2026-12-31');
    const early = new Date('2027-01-01T03:00:00Z');
    expect(dateIn(early)).toBe('2027-01-01');
    expect(dateIn(early, 'America/Los_Angeles')).toBe('2026-12-31');
    expect(dateIn(early, 'Asia/Kolkata')).toBe('2027-01-01');
    // Daylight saving: 2026-03-08 02:00 local is skipped in Los Angeles; 07:59Z is still 23:59 on the 7th (PST).
    expect(dateIn(new Date('2026-03-08T07:59:00Z'), 'America/Los_Angeles')).toBe('2026-03-07');
    expect(dateIn(new Date('2026-03-08T08:00:00Z'), 'America/Los_Angeles')).toBe('2026-03-08');
  });

  it('reads "now" from the injected clock only', () => {
    const clock = fixedClock('2026-11-28T23:30:00.000Z');
    expect(todayFor(clock)).toBe('2026-11-28');
    expect(todayFor(clock, 'Pacific/Kiritimati')).toBe('2026-11-29');
    expect(() => fixedClock('not a time')).toThrow(/not an instant/);
  });

  it('accepts IANA zones and refuses the rest', () => {
    for (const z of ['UTC', 'Europe/Berlin', 'America/Argentina/Buenos_Aires', 'Etc/GMT+5'])
      expect(isTimeZone(z), z).toBe(true);
    for (const z of ['', 'Mars/Olympus_Mons', '+02:00', 'Europe/Berlin ', '../etc/passwd', 'x'.repeat(70)])
      expect(isTimeZone(z), z).toBe(false);
    expect(canonicalTimeZone('europe/berlin')).toBe('Europe/Berlin');
    expect(canonicalTimeZone('nowhere')).toBeUndefined();
  });
});
