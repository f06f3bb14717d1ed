import { describe, expect, it } from 'vitest';
import {
  clampView,
  layoutMap,
  NODE_H,
  NODE_W,
  pathPairs,
  pathView,
  wrapLabel,
  yearsText,
  type MapRole,
} from './mapLayout';

const roles: MapRole[] = [
  { id: 'qi-specialist', title: 'Quality Improvement Specialist', family: 'quality', level: 'specialist' },
  { id: 'quality-manager', title: 'Quality Manager', family: 'quality', level: 'manager' },
  { id: 'patient-safety-officer', title: 'Patient Safety Officer', family: 'quality', level: 'manager' },
  { id: 'director-of-quality', title: 'Director of Quality', family: 'quality', level: 'director' },
  { id: 'staff-nurse', title: 'Staff Nurse', family: 'clinical_entry', level: 'entry' },
  { id: 'nurse-manager', title: 'Nurse Manager', family: 'nursing_leadership', level: 'manager' },
];
const transitions = [
  { from: 'qi-specialist', to: 'quality-manager', typicalYears: { min: 2, max: 4 }, common: true },
  {
    from: 'quality-manager',
    to: 'director-of-quality',
    typicalYears: { min: 3 },
    common: true,
    judgement: true,
  },
  { from: 'quality-manager', to: 'patient-safety-officer', typicalYears: 'unknown' as const, common: false },
  { from: 'staff-nurse', to: 'nurse-manager', typicalYears: { min: 3, max: 5 }, common: true },
  { from: 'staff-nurse', to: 'unknown-role', typicalYears: { min: 1 }, common: true },
];

describe('wrapLabel', () => {
  it('wraps at word boundaries into at most two lines, cutting the rest with an ellipsis', () => {
    expect(wrapLabel('Quality Manager')).toEqual(['Quality Manager']);
    expect(wrapLabel('Quality Improvement Specialist')).toEqual(['Quality Improvement', 'Specialist']);
    const long = wrapLabel('Chief Medical Information Officer of Everything', 20);
    expect(long).toHaveLength(2);
    expect(long[1]?.endsWith('…')).toBe(true);
    expect(long[1]!.length).toBeLessThanOrEqual(20);
  });
});

describe('yearsText', () => {
  it('says ranges, open ranges and unknown in words', () => {
    expect(yearsText({ min: 2, max: 4 })).toBe('typically 2–4 years');
    expect(yearsText({ min: 3 })).toBe('typically 3+ years');
    expect(yearsText({ min: 1, max: 1 })).toBe('typically 1 year');
    expect(yearsText('unknown')).toBe('typical years unknown');
  });
});

describe('layoutMap', () => {
  const layout = layoutMap(roles, transitions, ['qi-specialist', 'quality-manager', 'director-of-quality']);
  const node = (id: string) => layout.nodes.find((n) => n.id === id)!;

  it('puts families in columns (in the fixed order, only those with roles) and levels in rows', () => {
    expect(layout.columns.map((c) => c.family)).toEqual(['clinical_entry', 'nursing_leadership', 'quality']);
    expect(layout.rows.map((r) => r.level)).toEqual(['entry', 'specialist', 'manager', 'director']);
    expect(node('staff-nurse').y).toBeLessThan(node('qi-specialist').y);
    expect(node('qi-specialist').y).toBeLessThan(node('quality-manager').y);
    expect(node('quality-manager').y).toBeLessThan(node('director-of-quality').y);
    expect(node('staff-nurse').x).toBeLessThan(node('nurse-manager').x);
    expect(node('nurse-manager').x).toBeLessThan(node('quality-manager').x);
  });

  it('stacks roles of one family and level without overlap, and fits everything inside', () => {
    const a = node('patient-safety-officer');
    const b = node('quality-manager');
    expect(a.x).toBe(b.x);
    expect(Math.abs(a.y - b.y)).toBeGreaterThanOrEqual(NODE_H);
    for (const n of layout.nodes) {
      expect(n.x).toBeGreaterThanOrEqual(0);
      expect(n.x + NODE_W).toBeLessThanOrEqual(layout.width);
      expect(n.y + NODE_H).toBeLessThanOrEqual(layout.height);
    }
  });

  it('draws an edge per known transition, marks the path, and puts path edges last', () => {
    expect(layout.edges).toHaveLength(4);
    expect(layout.edges.filter((e) => e.onPath).map((e) => `${e.from}>${e.to}`)).toEqual([
      'qi-specialist>quality-manager',
      'quality-manager>director-of-quality',
    ]);
    expect(layout.edges.at(-1)?.onPath).toBe(true);
    expect(layout.edges.find((e) => e.to === 'director-of-quality')?.label).toBe(
      'Quality Manager → Director of Quality: typically 3+ years (our judgement)',
    );
    expect(layout.edges.find((e) => e.to === 'patient-safety-officer')?.label).toBe(
      'Quality Manager → Patient Safety Officer: typical years unknown (a less common move)',
    );
    expect(layout.edges.every((e) => e.d.startsWith('M '))).toBe(true);
  });

  it('pathPairs lists consecutive pairs', () => {
    expect([...pathPairs(['a', 'b', 'c'])]).toEqual(['a>b', 'b>c']);
    expect(pathPairs(['a']).size).toBe(0);
  });
});

describe('pathView', () => {
  const layout = layoutMap(roles, transitions, ['qi-specialist', 'quality-manager']);
  it('shows the map at its natural size centred on the path, inside the map', () => {
    const v = pathView(layout, ['qi-specialist', 'quality-manager'], 400);
    expect(v.w).toBe(400);
    const node = layout.nodes.find((n) => n.id === 'qi-specialist')!;
    expect(v.x).toBeLessThanOrEqual(node.x);
    expect(v.x + v.w).toBeGreaterThanOrEqual(node.x + NODE_W);
    expect(v.x).toBeGreaterThanOrEqual(0);
    expect(v.x + v.w).toBeLessThanOrEqual(layout.width);
  });
  it('widens to hold a wide path, never beyond the whole map', () => {
    const wide = pathView(layout, ['staff-nurse', 'nurse-manager', 'director-of-quality'], 100);
    expect(wide.w).toBeGreaterThan(100);
    expect(pathView(layout, ['qi-specialist'], 10_000)).toEqual({ x: 0, w: layout.width });
    expect(pathView(layout, [], 100)).toEqual({ x: 0, w: layout.width });
    expect(clampView(layout, -50, 100)).toBe(0);
    expect(clampView(layout, layout.width, 100)).toBe(layout.width - 100);
  });
});
