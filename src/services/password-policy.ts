/**
 * What a new password must be (NIST SP 800-63B §3.1.1.2: a minimum length, no composition rules,
 * and a check against passwords known to be common or breached):
 * - at least 10 characters, counted after Unicode normalisation (NFKC) and without spaces at the
 *   start and end, so ten spaces or a padded short word do not pass; at most 200;
 * - no NUL character (U+0000);
 * - not one of the 49,233 most common passwords of the `@zxcvbn-ts/language-common` list (taken
 *   from breach corpora; shipped inside the package, checked offline), compared case-insensitively;
 * - not the account's own email address.
 * The password is stored (hashed) exactly as typed; the rules only decide whether it is accepted.
 */
import { dictionary } from '@zxcvbn-ts/language-common';
import { ValidationError } from './errors.js';

/** Password length limits, in characters (after normalisation and trimming). */
export const passwordRules = { minLength: 10, maxLength: 200 } as const;

let common: Set<string> | undefined;

/** True when the password (case-insensitively) is on the common-passwords list. */
export function isCommonPassword(password: string): boolean {
  common ??= new Set((dictionary['passwords-common'] as string[]).map((p) => p.toLowerCase()));
  return common.has(password.normalize('NFKC').trim().toLowerCase());
}

/**
 * The problem with a new password, in words, or undefined when it is acceptable.
 *
 * @example
 * passwordProblem('1234567890'); // 'is one of the most common passwords; choose another'
 * passwordProblem('correct horse battery staple'); // undefined
 */
export function passwordProblem(password: string, context: { email?: string } = {}): string | undefined {
  if (password.includes('\u0000')) return 'must not contain the NUL character (U+0000)';
  const counted = [...password.normalize('NFKC').trim()].length;
  if (counted < passwordRules.minLength)
    return password.trim() === '' && password !== ''
      ? 'must not be only spaces'
      : [...password].length >= passwordRules.minLength
        ? `must be at least ${passwordRules.minLength} characters, not counting spaces at the start and end`
        : `must be at least ${passwordRules.minLength} characters`;
  if ([...password].length > passwordRules.maxLength)
    return `must be at most ${passwordRules.maxLength} characters`;
  if (isCommonPassword(password)) return 'is one of the most common passwords; choose another';
  if (context.email && password.trim().toLowerCase() === context.email.trim().toLowerCase())
    return 'must not be your email address';
  return undefined;
}

/** Throws {@link ValidationError} naming `field` when the password breaks a rule of {@link passwordProblem}. */
export function checkNewPassword(
  password: string,
  field = 'password',
  context: { email?: string } = {},
): void {
  const problem = passwordProblem(password, context);
  if (problem)
    throw new ValidationError(`${field}: ${problem}`, { issues: [{ path: field, message: problem }] });
}
