import { describe, expect, it } from 'vitest';
import {
  cleanRatings,
  loadStoredAssessment,
  localToday,
  mergeAssessments,
  parseStoredAssessment,
  SELF_ASSESSMENT_KEY,
  saveStoredAssessment,
} from './storage';

/** A Map-backed Storage, as the browser's localStorage behaves. */
function memoryStorage(): Storage {
  const map = new Map<string, string>();
  return {
    get length() {
      return map.size;
    },
    clear: () => map.clear(),
    getItem: (k) => map.get(k) ?? null,
    key: (i) => [...map.keys()][i] ?? null,
    removeItem: (k) => void map.delete(k),
    setItem: (k, v) => void map.set(k, String(v)),
  };
}

describe('self-assessment storage', () => {
  it('writes {date, ratings, targetRole} under hmp.selfAssessment.v1 and reads it back', () => {
    const storage = memoryStorage();
    const value = { date: '2026-11-28', ratings: { budgeting: 2 }, targetRole: 'director-of-quality' };
    expect(saveStoredAssessment(value, storage)).toBe(true);
    expect(JSON.parse(storage.getItem(SELF_ASSESSMENT_KEY) ?? '')).toEqual(value);
    expect(loadStoredAssessment(storage)).toEqual(value);
  });

  it('reads nothing from a missing or broken value', () => {
    expect(loadStoredAssessment(memoryStorage())).toBeNull();
    expect(parseStoredAssessment('{not json')).toBeNull();
    expect(parseStoredAssessment('[1,2]')).toBeNull();
    expect(loadStoredAssessment(null)).toBeNull();
  });

  it('keeps only whole ratings 1 to 5 and a valid date and role', () => {
    expect(
      parseStoredAssessment(
        JSON.stringify({
          date: 'yesterday',
          ratings: { a: 0, b: 6, c: 2.5, d: '3', e: 5, 'Bad Id': 3 },
          targetRole: 42,
        }),
      ),
    ).toEqual({ date: '', ratings: { e: 5 }, targetRole: null });
    expect(cleanRatings(null)).toEqual({});
  });

  it('says so when the browser will not keep it', () => {
    const full = {
      ...memoryStorage(),
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
    };
    expect(saveStoredAssessment({ date: '2026-11-28', ratings: {}, targetRole: null }, full)).toBe(false);
    expect(saveStoredAssessment({ date: '2026-11-28', ratings: {}, targetRole: null }, null)).toBe(false);
  });

  it('gives today in local time as YYYY-MM-DD', () => {
    expect(localToday(new Date(2026, 0, 5, 23, 59))).toBe('2026-01-05');
  });

  it('merges assessments: each competency from the newest one that rates it', () => {
    expect(
      mergeAssessments([
        { date: '2025-01-01', ratings: { a: 1, b: 1 } },
        { date: '2026-06-01', ratings: { a: 3 } },
      ]),
    ).toEqual({ ratings: { a: 3, b: 1 }, date: '2026-06-01' });
    expect(mergeAssessments([])).toEqual({ ratings: {}, date: null });
  });
});
