/** Whether this browser holds quick-check answers worth saving to a new account. */
import { loadDraft } from '../quickcheck/profile';

/** True when the quick check (kept in localStorage) has at least one answer. */
export function hasQuickCheckAnswers(): boolean {
  const draft = loadDraft();
  return (
    draft.education.length > 0 ||
    draft.positions.length > 0 ||
    draft.credentials.length > 0 ||
    draft.memberships.length > 0 ||
    Object.keys(draft.kept ?? {}).length > 0
  );
}

/**
 * Where a new account goes after sign-up: the short start, bringing the quick-check answers when
 * asked, then `next`.
 *
 * @example
 * startPath('/dashboard', true); // '/start?quick=1'
 */
export function startPath(next: string, bringQuickCheck: boolean): string {
  const s = new URLSearchParams();
  if (bringQuickCheck) s.set('quick', '1');
  if (next !== '/dashboard') s.set('next', next);
  const q = s.toString();
  return q ? `/start?${q}` : '/start';
}
