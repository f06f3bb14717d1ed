import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { RoleTransition } from '../catalog/career-schema.js';
import { kShortestPaths, roleKinds } from './plan.js';

const edge = (from: string, to: string, min: number | 'unknown'): RoleTransition => ({
  from,
  to,
  typicalYears: min === 'unknown' ? 'unknown' : { min },
  common: true,
});

describe('kShortestPaths', () => {
  it('returns simple paths in order of typical years', () => {
    const t = [
      edge('a', 'b', 1),
      edge('b', 'd', 1),
      edge('a', 'c', 1),
      edge('c', 'd', 3),
      edge('a', 'd', 5),
      edge('b', 'c', 1),
    ];
    expect(kShortestPaths(t, 'a', 'd', 5)).toEqual([
      ['a', 'b', 'd'], // 2
      ['a', 'c', 'd'], // 4
      ['a', 'd'], // 5, fewer moves than a>b>c>d (5)
      ['a', 'b', 'c', 'd'],
    ]);
    expect(kShortestPaths(t, 'd', 'a', 3)).toEqual([]);
  });

  it('counts an unknown typical time as three years', () => {
    const t = [edge('a', 'b', 'unknown'), edge('a', 'c', 2), edge('c', 'b', 2)];
    expect(kShortestPaths(t, 'a', 'b', 2)).toEqual([
      ['a', 'b'],
      ['a', 'c', 'b'],
    ]);
  });

  it('on random graphs: simple paths, from start to end, distinct, never cheaper than the first', () => {
    const nodes = ['a', 'b', 'c', 'd', 'e', 'f'];
    fc.assert(
      fc.property(
        fc.uniqueArray(
          fc.record({
            from: fc.constantFrom(...nodes),
            to: fc.constantFrom(...nodes),
            min: fc.integer({ min: 0, max: 6 }),
          }),
          { selector: (e) => `${e.from}>${e.to}`, maxLength: 20 },
        ),
        (edges) => {
          const t = edges.filter((e) => e.from !== e.to).map((e) => edge(e.from, e.to, e.min));
          const cost = (p: string[]) =>
            p
              .slice(1)
              .reduce(
                (s, to, i) =>
                  s + (t.find((x) => x.from === p[i] && x.to === to)!.typicalYears as { min: number }).min,
                0,
              );
          const paths = kShortestPaths(t, 'a', 'f', 4);
          const keys = paths.map((p) => p.join('>'));
          expect(new Set(keys).size).toBe(keys.length);
          for (const p of paths) {
            expect(p[0]).toBe('a');
            expect(p[p.length - 1]).toBe('f');
            expect(new Set(p).size).toBe(p.length);
            expect(cost(p)).toBeGreaterThanOrEqual(cost(paths[0]!));
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('roleKinds', () => {
  it('describes a planned job in the profile vocabulary the eligibility rules read', () => {
    expect(roleKinds('nursing_leadership', 'manager')).toEqual(
      expect.arrayContaining([
        'healthcare',
        'clinical',
        'registered_nurse',
        'nurse_manager',
        'healthcare_management',
      ]),
    );
    expect(roleKinds('health_it', 'executive')).toContain('health_it_executive');
    expect(roleKinds('quality', 'specialist')).not.toContain('healthcare_management');
  });
});
