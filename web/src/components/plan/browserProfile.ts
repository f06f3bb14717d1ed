/**
 * What this browser knows about a person without an account, as a profile@1 document for
 * POST /api/plan: the quick check's answers, plus the self-assessment's ratings (so the plan can
 * pick programs). Null when the browser holds neither.
 */
import { loadStoredAssessment } from '../assessment/storage';
import { hasQuickCheckAnswers } from '../auth/quickCheck';
import { loadDraft } from '../quickcheck/profile';
import { toProfile } from '../quickcheck/profileMapping';

export function browserProfile(): { profile: Record<string, unknown>; fromQuickCheck: boolean } | null {
  const quick = hasQuickCheckAnswers();
  const assessment = loadStoredAssessment();
  const ratings = assessment && Object.keys(assessment.ratings).length > 0 ? assessment : null;
  if (!quick && !ratings) return null;
  const profile: Record<string, unknown> = quick
    ? toProfile(loadDraft())
    : { format: 'hm-pathways/profile@1' };
  if (ratings && !Array.isArray(profile.assessments) && /^\d{4}-\d{2}-\d{2}$/.test(ratings.date)) {
    profile.assessments = [{ date: ratings.date, ratings: ratings.ratings }];
  }
  return { profile, fromQuickCheck: quick };
}
