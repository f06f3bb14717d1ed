/**
 * Calendar arithmetic on ISO date strings, in UTC, with no clock: "today" is always an argument.
 *
 * Experience is measured in *month coordinates*: month index since 1970-01 plus the fraction of
 * the month elapsed. A job covering 2020-07-01 up to and including 2022-06-30 spans exactly 24.
 */

const MS_PER_DAY = 86_400_000;

/** Days since 1970-01-01 for a `YYYY-MM-DD` string. */
export function toDay(iso: string): number {
  // Memoised: the same few thousand dates are converted millions of times in a batch.
  let day = dayCache.get(iso);
  if (day === undefined) {
    day = Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10)) / MS_PER_DAY;
    if (dayCache.size > 100_000) dayCache.clear();
    dayCache.set(iso, day);
  }
  return day;
}
const dayCache = new Map<string, number>();
const isoCache = new Map<number, string>();

/** `YYYY-MM-DD` for a day number. */
export function fromDay(day: number): string {
  let iso = isoCache.get(day);
  if (iso === undefined) {
    iso = new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
    if (isoCache.size > 100_000) isoCache.clear();
    isoCache.set(day, iso);
  }
  return iso;
}

export function isValidDay(iso: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(iso)) return false;
  return fromDay(toDay(iso)) === iso;
}

export function isValidMonth(ym: string): boolean {
  if (!/^\d{4}-\d{2}$/.test(ym)) return false;
  const m = +ym.slice(5, 7);
  return m >= 1 && m <= 12;
}

export function daysInMonth(year: number, month1: number): number {
  return new Date(Date.UTC(year, month1, 0)).getUTCDate();
}

/** First day of a profile date: `2020-07` → `2020-07-01`; a full date is itself. */
export function startDate(d: string): string {
  return d.length === 7 ? `${d}-01` : d;
}

/** Last day of a profile end date: `2022-06` → `2022-06-30`; a full date is itself. */
export function endDate(d: string): string {
  if (d.length !== 7) return d;
  return `${d}-${String(daysInMonth(+d.slice(0, 4), +d.slice(5, 7))).padStart(2, '0')}`;
}

/** Month coordinate of the *start* of a day. */
export function monthCoord(day: number): number {
  const d = new Date(day * MS_PER_DAY);
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth();
  return (y - 1970) * 12 + m + (d.getUTCDate() - 1) / daysInMonth(y, m + 1);
}

/** The first day whose start is at or after month coordinate `coord`. */
export function dayAtOrAfterCoord(coord: number): number {
  const whole = Math.floor(coord + 1e-9);
  const y = 1970 + Math.floor(whole / 12);
  const m = whole - (y - 1970) * 12;
  const dim = daysInMonth(y, m + 1);
  const dayIndex = Math.ceil((coord - whole) * dim - 1e-6);
  const first = Date.UTC(y, m, 1) / MS_PER_DAY;
  return first + Math.max(0, dayIndex);
}

/** The same day-of-month `n` months later (or earlier), clamped to the month's last day. */
export function addMonths(day: number, n: number): number {
  const d = new Date(day * MS_PER_DAY);
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth() + n;
  const ty = y + Math.floor(m / 12);
  const tm = ((m % 12) + 12) % 12;
  const dom = Math.min(d.getUTCDate(), daysInMonth(ty, tm + 1));
  return Date.UTC(ty, tm, dom) / MS_PER_DAY;
}

/** Whole months from `fromDay` to `toDay` (e.g. tenure): 2023-11-15 → 2024-11-15 is 12. */
export function wholeMonthsBetween(from: number, to: number): number {
  if (to < from) return 0;
  const a = new Date(from * MS_PER_DAY);
  const b = new Date(to * MS_PER_DAY);
  let months = (b.getUTCFullYear() - a.getUTCFullYear()) * 12 + (b.getUTCMonth() - a.getUTCMonth());
  if (addMonths(from, months) > to) months -= 1;
  return months;
}
