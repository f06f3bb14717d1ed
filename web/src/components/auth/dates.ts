/** Dates and times of account things (tokens, activity), in the browser's own time zone. */

const dateTimeFormat = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
});
const dayFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric' });
const timeFormat = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit' });
const longDayFormat = new Intl.DateTimeFormat('en-GB', {
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
});

function parse(iso: string): Date | null {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? null : d;
}

/** "2026-11-28T12:00:00Z" -> "28 Nov 2026, 12:00" (local time). */
export function formatDateTime(iso: string): string {
  const d = parse(iso);
  return d ? dateTimeFormat.format(d) : iso;
}

/** "2026-11-28T12:00:00Z" -> "28 Nov 2026" (local date). */
export function formatDay(iso: string): string {
  const d = parse(iso);
  return d ? dayFormat.format(d) : iso;
}

/** "2026-11-28T12:00:00Z" -> "12:00" (local time). */
export function formatTime(iso: string): string {
  const d = parse(iso);
  return d ? timeFormat.format(d) : iso;
}

/** The local calendar day of a time, as YYYY-MM-DD (to group events by day). */
export function localDayKey(iso: string): string {
  const d = parse(iso);
  if (!d) return iso;
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** "Today — Friday 27 November 2026", "Yesterday — …" or "Friday 27 November 2026", for a {@link localDayKey}. */
export function dayHeading(dayKey: string, now: Date = new Date()): string {
  const today = localDayKey(now.toISOString());
  const yesterday = localDayKey(new Date(now.getTime() - 24 * 60 * 60 * 1000).toISOString());
  const [y, m, d] = dayKey.split('-').map(Number);
  if (!y || !m || !d) return dayKey;
  const long = longDayFormat.format(new Date(y, m - 1, d));
  if (dayKey === today) return `Today — ${long}`;
  if (dayKey === yesterday) return `Yesterday — ${long}`;
  return long;
}
