import { afterEach, describe, expect, it, vi } from 'vitest';
import { browserProfile } from './browserProfile';

function stubStorage(items: Record<string, string>) {
  const data = new Map(Object.entries(items));
  vi.stubGlobal('window', {
    localStorage: {
      getItem: (k: string) => data.get(k) ?? null,
      setItem: (k: string, v: string) => void data.set(k, v),
      removeItem: (k: string) => void data.delete(k),
    },
  });
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('browserProfile', () => {
  it('is null when the browser keeps nothing', () => {
    stubStorage({});
    expect(browserProfile()).toBeNull();
  });

  it("sends the quick check's answers with the self-assessment's ratings", () => {
    stubStorage({
      'hm-pathways.quick-check.draft': JSON.stringify({
        education: [{ level: 'bachelor', field: '', completed: '2015-05' }],
        positions: [],
        credentials: [{ id: 'CPHQ' }],
        memberships: [],
      }),
      'hmp.selfAssessment.v1': JSON.stringify({
        date: '2026-11-20',
        ratings: { 'patient-safety': 2 },
        targetRole: 'director-of-quality',
      }),
    });
    const result = browserProfile();
    expect(result?.fromQuickCheck).toBe(true);
    expect(result?.profile).toMatchObject({
      format: 'hm-pathways/profile@1',
      education: [{ level: 'bachelor', completed: '2015-05' }],
      credentials: [{ id: 'CPHQ' }],
      assessments: [{ date: '2026-11-20', ratings: { 'patient-safety': 2 } }],
    });
  });

  it('sends the ratings alone when there is no quick check', () => {
    stubStorage({
      'hmp.selfAssessment.v1': JSON.stringify({
        date: '2026-11-20',
        ratings: { budgeting: 3 },
        targetRole: null,
      }),
    });
    expect(browserProfile()).toEqual({
      fromQuickCheck: false,
      profile: {
        format: 'hm-pathways/profile@1',
        assessments: [{ date: '2026-11-20', ratings: { budgeting: 3 } }],
      },
    });
  });
});
