/** Small pieces shared by the account forms: server problems per field, safe redirects, password hints. */
import { ApiError } from '../../api/client';
import { passwordRules } from '../../api/auth';

/**
 * Field errors in red.9 (5.4:1 on white): Mantine's light-scheme error colour (red.6) is 3.3:1,
 * below WCAG AA for the small text of a field error.
 */
export const errorColour = { '--mantine-color-error': 'var(--mantine-color-red-9)' } as React.CSSProperties;

/**
 * The server's problems by field path, from `error.details.issues` (e.g. `{email: 'an account with
 * this email address already exists'}`). Issues without a path are left out.
 */
export function fieldErrorsOf(error: unknown): Record<string, string> {
  if (!(error instanceof ApiError) || typeof error.details !== 'object' || error.details === null) return {};
  const issues = (error.details as { issues?: unknown }).issues;
  if (!Array.isArray(issues)) return {};
  const out: Record<string, string> = {};
  for (const issue of issues) {
    if (typeof issue !== 'object' || issue === null) continue;
    const { path, message } = issue as { path?: unknown; message?: unknown };
    const key = Array.isArray(path) ? path.join('.') : typeof path === 'string' ? path : '';
    if (key && typeof message === 'string' && !(key in out)) out[key] = capitalise(message);
  }
  return out;
}

/** The message to show above a form: the server's own, unless every problem is already on a field. */
export function formErrorOf(error: unknown, fields: readonly string[]): string | null {
  if (!(error instanceof Error)) return null;
  const onFields = Object.keys(fieldErrorsOf(error)).filter((k) => fields.includes(k));
  return onFields.length > 0 ? null : error.message;
}

export function capitalise(s: string): string {
  return s ? s[0]!.toUpperCase() + s.slice(1) : s;
}

/**
 * Where to go after signing in: `next` when it is a path of this app (never another site, so a link
 * cannot send someone elsewhere after they sign in), else `fallback`.
 */
export function safeNext(next: string | null | undefined, fallback = '/dashboard'): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.includes('\\')) return fallback;
  if (/^\/(sign-in|sign-up)(\/|\?|$)/.test(next)) return fallback;
  return next;
}

export interface PasswordStrength {
  /** 0 to 100, for a meter. */
  value: number;
  color: 'red' | 'yellow' | 'teal' | 'green';
  /** e.g. "Too short: 6 of at least 10 characters". */
  text: string;
  acceptable: boolean;
}

/**
 * A hint from the length alone, which is what makes a password hard to guess (the server asks for
 * 10 to 200 characters and nothing else).
 */
export function passwordStrength(password: string): PasswordStrength {
  const n = password.length;
  const chars = `${n} character${n === 1 ? '' : 's'}`;
  if (n > passwordRules.maxLength)
    return {
      value: 100,
      color: 'red',
      text: `Too long: at most ${passwordRules.maxLength} characters`,
      acceptable: false,
    };
  if (n < passwordRules.minLength)
    return {
      value: Math.round((n / passwordRules.minLength) * 25),
      color: 'red',
      text:
        n === 0
          ? `At least ${passwordRules.minLength} characters`
          : `Too short: ${n} of at least ${passwordRules.minLength} characters`,
      acceptable: false,
    };
  if (n < 16)
    return {
      value: 50,
      color: 'yellow',
      text: `Acceptable (${chars}); longer is stronger`,
      acceptable: true,
    };
  if (n < 24) return { value: 75, color: 'teal', text: `Good (${chars})`, acceptable: true };
  return { value: 100, color: 'green', text: `Strong (${chars})`, acceptable: true };
}
