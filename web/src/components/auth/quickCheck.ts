/** Whether this browser holds quick-check answers worth saving to a new account. */
import { loadDraft } from '../quickcheck/profile';

/** Where the import page picks up the quick-check answers after sign-up. */
export const quickCheckImportPath = '/record/import?from=quick-check';

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
