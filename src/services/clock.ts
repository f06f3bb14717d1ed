/**
 * The one clock and "today". Everything that needs the current time gets a {@link Clock} (the app
 * deps and the service context carry one); nothing below the entry points calls `new Date()` or
 * `Date.now()` for "now".
 *
 * "Today" for a person is the calendar date in an explicit IANA time zone: the person's own (an
 * account setting), else UTC. Never the server's local zone, which differs between machines and
 * would move a deadline by a day depending on where the server runs.
 */

export interface Clock {
  /** The current instant. */
  now(): Date;
}

/** The machine's clock. Only start-up code (server main, CLI) creates it. */
export const systemClock: Clock = { now: () => new Date() };

/** A clock standing still at `iso` (tests, "as of" runs). */
export function fixedClock(iso: string): Clock {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) throw new Error(`fixedClock: not an instant: ${iso}`);
  return { now: () => new Date(ms) };
}

/** The zone used when a person has not chosen one. */
export const DEFAULT_TIME_ZONE = 'UTC';

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    // en-CA formats as YYYY-MM-DD; formatToParts keeps us independent of that detail anyway.
    f = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      calendar: 'iso8601',
      numberingSystem: 'latn',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/**
 * Whether `value` is an IANA time zone this runtime knows (`Europe/Paris`, `UTC`), checked with
 * Intl. Fixed offsets such as `+02:00` are refused: they ignore daylight saving.
 */
export function isTimeZone(value: string): boolean {
  if (!/^[A-Za-z][A-Za-z0-9_+\-/]{0,63}$/.test(value)) return false;
  try {
    formatterFor(value);
    return true;
  } catch {
    return false;
  }
}

/**
 * The canonical spelling of a time zone (`europe/paris` → `Europe/Paris`), or undefined when it is
 * not one.
 */
export function canonicalTimeZone(value: string): string | undefined {
  if (!isTimeZone(value)) return undefined;
  return formatterFor(value).resolvedOptions().timeZone;
}

/** The calendar date (`YYYY-MM-DD`) of `instant` in `timeZone` (default UTC). */
export function dateIn(instant: Date, timeZone: string | null | undefined = DEFAULT_TIME_ZONE): string {
  const parts = formatterFor(timeZone || DEFAULT_TIME_ZONE).formatToParts(instant);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year').padStart(4, '0')}-${part('month')}-${part('day')}`;
}

/** Today's date for a person whose time zone is `timeZone` (null/undefined: UTC). */
export function todayFor(clock: Clock, timeZone?: string | null): string {
  return dateIn(clock.now(), timeZone);
}

/**
 * The time zone of the machine this process runs on, named explicitly. Only the CLI uses it: the
 * CLI runs on the person's own computer, so its zone is the person's. The server never does.
 */
export function machineTimeZone(): string {
  return new Intl.DateTimeFormat().resolvedOptions().timeZone || DEFAULT_TIME_ZONE;
}

/** Today for the person at this terminal (CLI): the date in the machine's named time zone. */
export function cliToday(clock: Clock = systemClock): string {
  return todayFor(clock, machineTimeZone());
}
