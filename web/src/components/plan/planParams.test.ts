import { describe, expect, it } from 'vitest';
import { constraintsOf, emptyParams, paramsOfSaved, readParams, relax, writeParams } from './planParams';

describe('plan params in the URL', () => {
  it('round-trips every field', () => {
    const p = {
      ...emptyParams,
      to: 'director-of-quality',
      from: 'qi-specialist',
      finishBy: '2031-12-31',
      budgetPerYear: 8000,
      hoursPerWeek: 6,
      noNewDegree: true,
      onlineOnly: true,
      useQuickCheck: false,
      plan: 2,
      saved: 'abc-123',
    };
    expect(readParams(writeParams(p))).toEqual(p);
    expect(writeParams(emptyParams).toString()).toBe('');
  });

  it('drops what is not valid', () => {
    const p = readParams(new URLSearchParams('to=Bad Role&from=x&by=2031-13&budget=lots&plan=7&saved=a/b'));
    expect(p).toEqual({ ...emptyParams, from: 'x' });
  });

  it('sends only the constraints that are set', () => {
    expect(constraintsOf(emptyParams)).toEqual({});
    expect(
      constraintsOf({ ...emptyParams, finishBy: '2027-12-31', budgetPerYear: 0, onlineOnly: true }),
    ).toEqual({
      finishBy: '2027-12-31',
      budgetPerYear: 0,
      onlineOnly: true,
    });
  });

  it('relaxing a constraint clears it and leaves the saved plan', () => {
    const p = { ...emptyParams, to: 'cno', finishBy: '2027-12-31', noNewDegree: true, saved: 'id', plan: 1 };
    expect(relax(p, 'finishBy')).toEqual({ ...p, finishBy: '', saved: null, plan: 0 });
    expect(relax(p, 'noNewDegree').noNewDegree).toBe(false);
  });

  it('a saved plan gives the form its request', () => {
    expect(
      paramsOfSaved({
        id: 'p1',
        to: { id: 'cno' },
        from: null,
        constraints: { budgetPerYear: 5000 },
        choice: 1,
      }),
    ).toEqual({ ...emptyParams, saved: 'p1', to: 'cno', budgetPerYear: 5000, plan: 1 });
  });
});
