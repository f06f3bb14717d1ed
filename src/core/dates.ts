/**
 * Calendar arithmetic on ISO date strings, in UTC, with no clock: "today" is always an argument.
 *
 * Experience is measured in *month coordinates*: month index since 1970-01 plus the fraction of
 * the month elapsed. A job covering 2020-07-01 up to and including 2022-06-30 spans exactly 24.
 */

const MS_PER_DAY = 86_400_000;

const digits = (s: string, from: number, n: number) => {
  let v = 0;
  for (let i = from; i < from + n; i++) v = v * 10 + (s.charCodeAt(i) - 48);
  return v;
};

/** Days since 1970-01-01 for a `YYYY-MM-DD` string (out-of-range days roll over, as Date.UTC does). */
export function toDay(iso: string): number {
  // Arithmetic on the characters: no Date, no substring, no cache (this runs millions of times).
  return daysFromCivil(digits(iso, 0, 4), digits(iso, 5, 2), digits(iso, 8, 2));
}
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

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

export function daysInMonth(year: number, month1: number): number {
  return month1 === 2 && isLeap(year) ? 29 : DAYS_IN_MONTH[month1 - 1]!;
}

/**
 * Year, month (1-12) and day of a day number, by arithmetic (H. Hinnant's civil-from-days) rather
 * than a Date object: this runs millions of times in a batch. Writes into a shared buffer.
 */
const civilBuf = [0, 0, 0] as [number, number, number];
function civil(day: number): [number, number, number] {
  const z = day + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const m = mp < 10 ? mp + 3 : mp - 9;
  civilBuf[0] = yoe + era * 400 + (m <= 2 ? 1 : 0);
  civilBuf[1] = m;
  civilBuf[2] = doy - Math.floor((153 * mp + 2) / 5) + 1;
  return civilBuf;
}

/** Day number of a year, month (1-12, may overflow either way) and day of month. */
function daysFromCivil(y: number, m: number, d: number): number {
  const yy = y + Math.floor((m - 1) / 12);
  const mm = ((((m - 1) % 12) + 12) % 12) + 1;
  const y2 = mm <= 2 ? yy - 1 : yy;
  const era = Math.floor(y2 / 400);
  const yoe = y2 - era * 400;
  const doy = Math.floor((153 * (mm + (mm > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
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
  const [y, m, d] = civil(day);
  return (y - 1970) * 12 + m - 1 + (d - 1) / daysInMonth(y, m);
}

/** The first day whose start is at or after month coordinate `coord`. */
export function dayAtOrAfterCoord(coord: number): number {
  const whole = Math.floor(coord + 1e-9);
  const y = 1970 + Math.floor(whole / 12);
  const m = whole - (y - 1970) * 12;
  const dim = daysInMonth(y, m + 1);
  const dayIndex = Math.ceil((coord - whole) * dim - 1e-6);
  return daysFromCivil(y, m + 1, 1) + Math.max(0, dayIndex);
}

/** The same day-of-month `n` months later (or earlier), clamped to the month's last day. */
export function addMonths(day: number, n: number): number {
  const [y, m, d] = civil(day);
  const total = y * 12 + (m - 1) + n;
  const ty = Math.floor(total / 12);
  const tm = total - ty * 12 + 1;
  return daysFromCivil(ty, tm, Math.min(d, daysInMonth(ty, tm)));
}

/** Whole months from `fromDay` to `toDay` (e.g. tenure): 2023-11-15 → 2024-11-15 is 12. */
export function wholeMonthsBetween(from: number, to: number): number {
  if (to < from) return 0;
  const [ay, am] = civil(from);
  const [by, bm] = civil(to);
  let months = (by - ay) * 12 + (bm - am);
  if (addMonths(from, months) > to) months -= 1;
  return months;
}

/** Day number of a profile date's first day (`2020-07` → 2020-07-01). */
export function startDay(d: string): number {
  return daysFromCivil(digits(d, 0, 4), digits(d, 5, 2), d.length === 7 ? 1 : digits(d, 8, 2));
}

/** Day number of a profile end date's last day (`2022-06` → 2022-06-30; a full date is itself). */
export function endDay(d: string): number {
  if (d.length !== 7) return toDay(d);
  const y = digits(d, 0, 4);
  const m = digits(d, 5, 2);
  return daysFromCivil(y, m, daysInMonth(y, m));
}

/** English month names, January first (explanations and dates in words). */
export const MONTH_NAMES: readonly string[] = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** "3 months", "2 years 3 months", "less than a month": whole months from `asOf` to `reached` (ISO days). */
export function durationText(asOf: string, reached: string): string {
  const [y0, m0, d0] = asOf.split('-').map(Number) as [number, number, number];
  const [y1, m1, d1] = reached.split('-').map(Number) as [number, number, number];
  const months = Math.max(0, (y1 - y0) * 12 + (m1 - m0) - (d1 < d0 ? 1 : 0));
  const y = Math.floor(months / 12);
  const m = months % 12;
  const part = (n: number, w: string) => `${n} ${w}${n === 1 ? '' : 's'}`;
  if (!y && !m) return 'less than a month';
  return [y ? part(y, 'year') : '', m ? part(m, 'month') : ''].filter(Boolean).join(' ');
}
