import { describe, expect, it } from 'vitest';
import { loadDone, PLAN_DONE_KEY, progressOf, saveDone } from './doneStorage';

function memoryStorage(initial: Record<string, string> = {}): Storage {
  const data = new Map(Object.entries(initial));
  return {
    get length() {
      return data.size;
    },
    clear: () => data.clear(),
    getItem: (k) => data.get(k) ?? null,
    key: (i) => [...data.keys()][i] ?? null,
    removeItem: (k) => void data.delete(k),
    setItem: (k, v) => void data.set(k, String(v)),
  };
}

describe('done marks in the browser', () => {
  it('keeps step ids per target role', () => {
    const storage = memoryStorage();
    expect(loadDone('director-of-quality', storage)).toEqual([]);
    expect(saveDone('director-of-quality', 'role:quality-manager', true, storage)).toEqual([
      'role:quality-manager',
    ]);
    saveDone('director-of-quality', 'certification:CPHQ', true, storage);
    saveDone('cno', 'degree:msn', true, storage);
    expect(loadDone('director-of-quality', storage)).toEqual(['certification:CPHQ', 'role:quality-manager']);
    expect(loadDone('cno', storage)).toEqual(['degree:msn']);
    expect(saveDone('director-of-quality', 'certification:CPHQ', false, storage)).toEqual([
      'role:quality-manager',
    ]);
    saveDone('cno', 'degree:msn', false, storage);
    expect(JSON.parse(storage.getItem(PLAN_DONE_KEY)!)).toEqual({
      'director-of-quality': ['role:quality-manager'],
    });
  });

  it('reads nothing from damaged or odd data, and works without storage', () => {
    expect(loadDone('x', memoryStorage({ [PLAN_DONE_KEY]: '{not json' }))).toEqual([]);
    expect(loadDone('x', memoryStorage({ [PLAN_DONE_KEY]: '[1,2]' }))).toEqual([]);
    expect(loadDone('x', memoryStorage({ [PLAN_DONE_KEY]: '{"x":["a",3,null]}' }))).toEqual(['a']);
    expect(loadDone('x', null)).toEqual([]);
    expect(saveDone('x', 'a', true, null)).toEqual(['a']);
  });

  it('survives a storage that refuses writes', () => {
    const storage = memoryStorage();
    storage.setItem = () => {
      throw new Error('QuotaExceededError');
    };
    expect(saveDone('x', 'a', true, storage)).toEqual(['a']);
  });
});

describe('progressOf', () => {
  const steps = [
    { id: 'start:qi-specialist', kind: 'start' as const },
    { id: 'certification:CPHQ', kind: 'certification' as const },
    { id: 'role:quality-manager', kind: 'role' as const },
    { id: 'renewal:LSSGB', kind: 'renewal' as const },
  ];
  it('counts the plan steps (not "now") that are done, ignoring marks of other plans', () => {
    expect(progressOf(steps, []).text).toBe('0 of 3 steps done');
    expect(progressOf(steps, ['role:quality-manager', 'degree:elsewhere', 'start:qi-specialist'])).toEqual({
      done: 1,
      total: 3,
      text: '1 of 3 steps done',
    });
    expect(progressOf(steps.slice(0, 2), ['certification:CPHQ']).text).toBe('1 of 1 step done');
  });
});
