/**
 * The self-assessment kept in this browser: `localStorage['hmp.selfAssessment.v1']` holds
 * `{date, ratings, targetRole}` as JSON. People without an account keep their ratings only here;
 * signed-in people also keep a copy so that other pages (the program comparison) can read the
 * ratings and the target role without asking the server.
 */
import type { Ratings } from '../../api/career';

export const SELF_ASSESSMENT_KEY = 'hmp.selfAssessment.v1';

export interface StoredAssessment {
  /** YYYY-MM-DD: the day the ratings were last changed. */
  date: string;
  ratings: Ratings;
  /** The role chosen as target, or null when none is chosen yet. */
  targetRole: string | null;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const ID = /^[a-z0-9][a-z0-9_-]*$/;

/** Only whole ratings 1–5 under competency-like ids survive; anything else is dropped. */
export function cleanRatings(value: unknown): Ratings {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return {};
  const out: Ratings = {};
  for (const [id, rating] of Object.entries(value)) {
    if (ID.test(id) && typeof rating === 'number' && Number.isInteger(rating) && rating >= 1 && rating <= 5)
      out[id] = rating;
  }
  return out;
}

/** The stored assessment from its JSON text; null when missing or not readable. */
export function parseStoredAssessment(text: string | null): StoredAssessment | null {
  if (!text) return null;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  const v = value as Record<string, unknown>;
  return {
    date: typeof v.date === 'string' && DAY.test(v.date) ? v.date : '',
    ratings: cleanRatings(v.ratings),
    targetRole: typeof v.targetRole === 'string' && ID.test(v.targetRole) ? v.targetRole : null,
  };
}

function browserStorage(): Storage | null {
  try {
    return typeof window === 'undefined' ? null : window.localStorage;
  } catch {
    // Storage switched off (private mode, policy): the page still works, nothing is kept.
    return null;
  }
}

export function loadStoredAssessment(storage: Storage | null = browserStorage()): StoredAssessment | null {
  try {
    return parseStoredAssessment(storage?.getItem(SELF_ASSESSMENT_KEY) ?? null);
  } catch {
    return null;
  }
}

/** Writes the assessment; false when the browser would not keep it. */
export function saveStoredAssessment(
  value: StoredAssessment,
  storage: Storage | null = browserStorage(),
): boolean {
  if (!storage) return false;
  try {
    storage.setItem(
      SELF_ASSESSMENT_KEY,
      JSON.stringify({ date: value.date, ratings: value.ratings, targetRole: value.targetRole }),
    );
    return true;
  } catch {
    return false;
  }
}

/** Today in the person's own time zone, YYYY-MM-DD. */
export function localToday(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/**
 * The ratings of several dated assessments merged: each competency takes its rating from the newest
 * assessment that rates it (as the server reads a record's assessments).
 */
export function mergeAssessments(assessments: ReadonlyArray<{ date: string; ratings: Ratings }>): {
  ratings: Ratings;
  date: string | null;
} {
  const sorted = [...assessments].sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0));
  const ratings: Ratings = {};
  for (const a of sorted) {
    for (const [id, r] of Object.entries(a.ratings)) if (!(id in ratings)) ratings[id] = r;
  }
  return { ratings, date: sorted[0]?.date ?? null };
}
