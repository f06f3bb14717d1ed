import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addMonths,
  dayAtOrAfterCoord,
  daysInMonth,
  endDate,
  endDay,
  fromDay,
  isValidDay,
  isValidMonth,
  monthCoord,
  startDate,
  startDay,
  toDay,
  wholeMonthsBetween,
} from './dates.js';

const coord = (iso: string) => monthCoord(toDay(iso));
/** Months covered by the days `from` up to and including `to`. */
const span = (from: string, to: string) => monthCoord(toDay(to) + 1) - coord(from);
const plus = (iso: string, n: number) => fromDay(addMonths(toDay(iso), n));
const between = (a: string, b: string) => wholeMonthsBetween(toDay(a), toDay(b));

/** Days from 1950-01-01 to 2099-12-31. */
const anyDay = fc.integer({ min: toDay('1950-01-01'), max: toDay('2099-12-31') });

describe('calendar days', () => {
  it('round-trips ISO dates through day numbers', () => {
    expect(toDay('1970-01-01')).toBe(0);
    expect(fromDay(toDay('2024-02-29'))).toBe('2024-02-29');
    fc.assert(fc.property(anyDay, (d) => toDay(fromDay(d)) === d));
  });

  it('knows which dates exist', () => {
    expect(isValidDay('2024-02-29')).toBe(true);
    expect(isValidDay('2023-02-29')).toBe(false);
    expect(isValidDay('1900-02-29')).toBe(false);
    expect(isValidDay('2000-02-29')).toBe(true);
    expect(isValidDay('2024-04-31')).toBe(false);
    expect(isValidDay('2024-4-01')).toBe(false);
    expect(isValidMonth('2024-12')).toBe(true);
    expect(isValidMonth('2024-13')).toBe(false);
    expect(isValidMonth('2024-00')).toBe(false);
  });

  it('counts days in months, leap years included', () => {
    expect(daysInMonth(2024, 2)).toBe(29);
    expect(daysInMonth(2023, 2)).toBe(28);
    expect(daysInMonth(2000, 2)).toBe(29);
    expect(daysInMonth(1900, 2)).toBe(28);
    expect(daysInMonth(2024, 12)).toBe(31);
    expect(daysInMonth(2024, 4)).toBe(30);
  });

  it('reads a month alone as its first day, and a job end as its last day', () => {
    expect(startDate('2020-07')).toBe('2020-07-01');
    expect(startDate('2020-07-15')).toBe('2020-07-15');
    expect(endDate('2022-06')).toBe('2022-06-30');
    expect(endDate('2024-02')).toBe('2024-02-29');
    expect(endDate('2023-02')).toBe('2023-02-28');
    expect(endDate('2022-12')).toBe('2022-12-31');
    expect(endDate('2022-06-10')).toBe('2022-06-10');
  });
});

describe('month coordinates', () => {
  it('make a job from 2020-07 to 2022-06 exactly 24 months', () => {
    expect(span(startDate('2020-07'), endDate('2022-06'))).toBe(24);
    expect(coord('1970-01-01')).toBe(0);
    expect(coord('2020-07-01')).toBe(50 * 12 + 6);
  });

  it('make every whole calendar month exactly one, whatever its length', () => {
    expect(span('2024-02-01', '2024-02-29')).toBe(1); // leap February
    expect(span('2023-02-01', '2023-02-28')).toBe(1);
    expect(span('2024-01-01', '2024-12-31')).toBe(12); // a leap year is still 12 months
    expect(span('2023-01-01', '2023-12-31')).toBe(12);
    expect(span('2024-03-01', '2024-03-31')).toBe(1);
  });

  it('count part of a month as the share of its days', () => {
    expect(span('2024-02-01', '2024-02-14')).toBeCloseTo(14 / 29, 12);
    expect(span('2023-02-01', '2023-02-14')).toBeCloseTo(14 / 28, 12);
    expect(span('2024-02-15', '2024-03-15')).toBeCloseTo(15 / 29 + 15 / 31, 12);
    expect(coord('2024-02-15') - coord('2024-02-01')).toBeCloseTo(14 / 29, 12);
  });

  it('grow by exactly one per month and never go backwards', () => {
    fc.assert(
      fc.property(anyDay, (d) => {
        const first = toDay(fromDay(d).slice(0, 8) + '01');
        expect(monthCoord(addMonths(first, 1)) - monthCoord(first)).toBeCloseTo(1, 12);
        expect(monthCoord(d + 1)).toBeGreaterThan(monthCoord(d));
      }),
    );
  });

  it('map back to the day they start (dayAtOrAfterCoord inverts monthCoord)', () => {
    expect(fromDay(dayAtOrAfterCoord(coord('2024-02-29')))).toBe('2024-02-29');
    expect(fromDay(dayAtOrAfterCoord(coord('2027-01-01') - 1e-7))).toBe('2027-01-01');
    expect(fromDay(dayAtOrAfterCoord(coord('2027-01-01') + 1e-3))).toBe('2027-01-02');
    fc.assert(fc.property(anyDay, (d) => dayAtOrAfterCoord(monthCoord(d)) === d));
    fc.assert(
      fc.property(anyDay, fc.double({ min: 0.001, max: 0.999, noNaN: true }), (d, frac) => {
        const c = monthCoord(d) + frac * (monthCoord(d + 1) - monthCoord(d));
        return dayAtOrAfterCoord(c) === d + 1;
      }),
    );
  });
});

describe('addMonths', () => {
  it('keeps the day of the month', () => {
    expect(plus('2024-12-15', 1)).toBe('2025-01-15');
    expect(plus('2025-01-15', -13)).toBe('2023-12-15');
    expect(plus('2024-06-30', 0)).toBe('2024-06-30');
    expect(plus('2026-11-30', -36)).toBe('2023-11-30');
    expect(plus('2024-05-01', 120)).toBe('2034-05-01');
  });

  it('clamps to the last day of shorter months', () => {
    expect(plus('2024-01-31', 1)).toBe('2024-02-29');
    expect(plus('2023-01-31', 1)).toBe('2023-02-28');
    expect(plus('2024-03-31', -1)).toBe('2024-02-29');
    expect(plus('2024-02-29', 12)).toBe('2025-02-28');
    expect(plus('2024-02-29', 48)).toBe('2028-02-29');
    expect(plus('2024-08-31', 1)).toBe('2024-09-30');
    expect(plus('2024-10-31', -12)).toBe('2023-10-31');
  });

  it('round-trips for days that every month has', () => {
    fc.assert(
      fc.property(anyDay, fc.integer({ min: -600, max: 600 }), (d, n) => {
        fc.pre(+fromDay(d).slice(8, 10) <= 28);
        return addMonths(addMonths(d, n), -n) === d;
      }),
    );
  });

  it('moves forwards for positive n and never lands past the target month', () => {
    fc.assert(
      fc.property(anyDay, fc.integer({ min: 1, max: 600 }), (d, n) => {
        const a = fromDay(d);
        const b = fromDay(addMonths(d, n));
        const months = (+b.slice(0, 4) - +a.slice(0, 4)) * 12 + (+b.slice(5, 7) - +a.slice(5, 7));
        return addMonths(d, n) > d && months === n;
      }),
    );
  });
});

describe('wholeMonthsBetween', () => {
  it('counts whole months (tenure)', () => {
    expect(between('2023-11-15', '2024-11-15')).toBe(12);
    expect(between('2023-11-15', '2024-11-14')).toBe(11);
    expect(between('2023-11-01', '2024-10-31')).toBe(11);
    expect(between('2024-05-10', '2024-05-10')).toBe(0);
    expect(between('2024-05-10', '2024-06-09')).toBe(0);
  });

  it('handles month ends and leap days', () => {
    expect(between('2024-01-31', '2024-02-29')).toBe(1);
    expect(between('2024-01-31', '2024-02-28')).toBe(0);
    expect(between('2024-02-29', '2025-02-28')).toBe(12);
    expect(between('2023-01-31', '2023-02-28')).toBe(1);
  });

  it('is zero backwards', () => {
    expect(between('2024-06-01', '2024-05-01')).toBe(0);
  });

  it('agrees with addMonths: n months after `from` is n whole months, the day before n - 1', () => {
    fc.assert(
      fc.property(anyDay, fc.integer({ min: 0, max: 600 }), (d, n) => {
        fc.pre(+fromDay(d).slice(8, 10) <= 28);
        const to = addMonths(d, n);
        expect(wholeMonthsBetween(d, to)).toBe(n);
        if (n > 0) expect(wholeMonthsBetween(d, to - 1)).toBe(n - 1);
      }),
    );
  });
});

describe('calendar arithmetic without Date objects', () => {
  // Reference implementations on Date, which the fast arithmetic must agree with everywhere.
  const refCoord = (day: number) => {
    const d = new Date(day * 86_400_000);
    const y = d.getUTCFullYear();
    const m = d.getUTCMonth();
    return (y - 1970) * 12 + m + (d.getUTCDate() - 1) / new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  };
  const refAddMonths = (day: number, n: number) => {
    const d = new Date(day * 86_400_000);
    const target = d.getUTCMonth() + n;
    const ty = d.getUTCFullYear() + Math.floor(target / 12);
    const tm = ((target % 12) + 12) % 12;
    const dim = new Date(Date.UTC(ty, tm + 1, 0)).getUTCDate();
    return Date.UTC(ty, tm, Math.min(d.getUTCDate(), dim)) / 86_400_000;
  };

  it('agrees with Date on day numbers, month coordinates and month steps', () => {
    fc.assert(
      fc.property(anyDay, fc.integer({ min: -600, max: 600 }), (day, n) => {
        const iso = new Date(day * 86_400_000).toISOString().slice(0, 10);
        expect(toDay(iso)).toBe(day);
        expect(fromDay(day)).toBe(iso);
        expect(monthCoord(day)).toBeCloseTo(refCoord(day), 12);
        expect(addMonths(day, n)).toBe(refAddMonths(day, n));
      }),
      { numRuns: 2000 },
    );
  });

  it('reads month-only dates as the first day, and job ends as the last day', () => {
    expect(fromDay(startDay('2024-02'))).toBe('2024-02-01');
    expect(fromDay(endDay('2024-02'))).toBe('2024-02-29');
    expect(fromDay(endDay('2023-02'))).toBe('2023-02-28');
    expect(fromDay(endDay('2024-12-15'))).toBe('2024-12-15');
    expect(fromDay(startDay('1999-12-31'))).toBe('1999-12-31');
  });
});
