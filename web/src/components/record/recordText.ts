/**
 * Plain-language pieces of "My record": profile dates as people read them, and the server's
 * problem paths (`end`, `credits[0].amount`) as field keys of the editors (`end`, `credits.0.amount`).
 */

const monthFormat = new Intl.DateTimeFormat('en-GB', { month: 'short', year: 'numeric', timeZone: 'UTC' });
const dayFormat = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  timeZone: 'UTC',
});

/** A profile date as written in words: `2025-06` -> "Jun 2025", `2025-06-12` -> "12 Jun 2025". */
export function profileDateText(value: string | undefined): string {
  if (!value) return '';
  if (/^\d{4}-\d{2}$/.test(value)) {
    const d = new Date(`${value}-01T00:00:00Z`);
    return Number.isNaN(d.getTime()) ? value : monthFormat.format(d);
  }
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) {
    const d = new Date(`${value}T00:00:00Z`);
    return Number.isNaN(d.getTime()) ? value : dayFormat.format(d);
  }
  return value;
}

/** "1 hour", "2.5 hours". */
export function hoursText(hours: number): string {
  return `${hours.toLocaleString('en-US', { maximumFractionDigits: 2 })} ${hours === 1 ? 'hour' : 'hours'}`;
}

/** A number as people write it: 1.5, 12, 1,234. */
export function numberText(n: number): string {
  return n.toLocaleString('en-US', { maximumFractionDigits: 2 });
}

/**
 * The editor's key of a field named by a problem's path: `credits[0].amount` -> `credits.0.amount`.
 * A path of the whole item is ''. A path with the section in front (`ce.credits[0].amount`,
 * `ce[0].date`) loses it.
 */
export function fieldKey(path: string, section?: string): string {
  let key = path.replace(/\[(\d+)\]/g, '.$1').replace(/^\./, '');
  if (section) {
    for (const prefix of [`${section}.0.`, `${section}.`]) {
      if (key.startsWith(prefix)) {
        key = key.slice(prefix.length);
        break;
      }
    }
    if (key === section || key === `${section}.0`) key = '';
  }
  return key;
}

/**
 * Where a field is, in the editor's words: `credits.0.amount` with labels {credits: 'Credit',
 * amount: 'Amount'} -> "Credit 1, Amount". Unknown names are shown as they are.
 */
export function fieldWhere(key: string, labels: Record<string, string>): string {
  if (!key) return 'This item';
  const parts: string[] = [];
  for (const name of key.split('.')) {
    if (/^\d+$/.test(name) && parts.length) parts[parts.length - 1] += ` ${Number(name) + 1}`;
    else parts.push(labels[name] ?? name);
  }
  return parts.join(', ');
}

/** The id of an editor's input: `rec-ce-credits-0-amount`. */
export function inputId(section: string, key: string): string {
  return `rec-${section}-${key.replaceAll('.', '-')}`;
}

/** "is required" -> "Is required": a message shown on its own under a field. */
export function capitalise(message: string): string {
  return message ? `${message[0]!.toUpperCase()}${message.slice(1)}` : message;
}
