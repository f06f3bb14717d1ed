import { describe, expect, it } from 'vitest';
import { dayNumber, MIN_BAR, stepBox, stepShape, timeScale } from './timeline';

const steps = [
  { kind: 'start' as const, start: '2024-06-01', end: '2026-11-28' },
  { kind: 'certification' as const, start: '2026-11-28', end: '2027-02-28' },
  { kind: 'role' as const, start: '2026-11-28', end: '2026-11-28' },
  { kind: 'degree' as const, start: '2027-02-28', end: '2029-03-28' },
  { kind: 'program' as const, start: '2029-11-05', end: '2029-11-09' },
  { kind: 'renewal' as const, start: '2029-02-28', end: '2029-02-28' },
  { kind: 'role' as const, start: '2029-11-28', end: '2029-11-28' },
];

describe('dayNumber', () => {
  it('counts days since 1970 in UTC, NaN for anything else', () => {
    expect(dayNumber('1970-01-02')).toBe(1);
    expect(dayNumber('2026-11-28') - dayNumber('2026-11-27')).toBe(1);
    expect(dayNumber('28/11/2026')).toBeNaN();
  });
});

describe('timeScale', () => {
  const scale = timeScale(steps, '2026-11-28');

  it('runs from 1 January of the first year to 1 January after the last, ignoring the current job', () => {
    expect(scale.start).toBe('2026-01-01');
    expect(scale.end).toBe('2030-01-01');
    expect(scale.ticks.map((t) => t.year)).toEqual([2026, 2027, 2028, 2029, 2030]);
    expect(scale.ticks[0]?.x).toBe(0);
    expect(scale.ticks.at(-1)?.x).toBe(100);
  });

  it('places days proportionally and clamps days off the axis', () => {
    expect(scale.x('2028-01-01')).toBeCloseTo(
      ((dayNumber('2028-01-01') - dayNumber('2026-01-01')) / 1461) * 100,
      5,
    );
    expect(scale.x('2024-06-01')).toBe(0);
    expect(scale.x('2035-01-01')).toBe(100);
    expect(scale.today).toBeCloseTo(scale.x('2026-11-28'));
  });

  it('ticks every second year on long axes', () => {
    const long = timeScale([{ kind: 'role', start: '2040-03-01', end: '2040-03-01' }], '2026-11-28');
    expect(long.ticks.map((t) => t.year)).toEqual([2026, 2028, 2030, 2032, 2034, 2036, 2038, 2040]);
  });

  it('starts at today when every step is later', () => {
    expect(timeScale([{ kind: 'degree', start: '2028-05-01', end: '2029-05-01' }], '2026-11-28').start).toBe(
      '2026-01-01',
    );
  });
});

describe('step shapes and boxes', () => {
  const scale = timeScale(steps, '2026-11-28');

  it('draws role moves as milestones, renewals as markers, the rest as bars', () => {
    expect(stepShape('role')).toBe('milestone');
    expect(stepShape('renewal')).toBe('marker');
    expect(stepShape('degree')).toBe('bar');
    expect(stepShape('start')).toBe('bar');
  });

  it('gives a bar its span, a short course the minimum width, and clips the current job', () => {
    const degree = stepBox(steps[3]!, scale);
    expect(degree.left).toBeCloseTo(scale.x('2027-02-28'));
    expect(degree.width).toBeCloseTo(scale.x('2029-03-28') - scale.x('2027-02-28'));
    expect(stepBox(steps[4]!, scale).width).toBe(MIN_BAR);
    const now = stepBox(steps[0]!, scale);
    expect(now).toMatchObject({ left: 0, clipped: true });
    expect(stepBox(steps[2]!, scale)).toMatchObject({ width: 0, clipped: false });
  });

  it('keeps a minimum-width bar at the end of the axis inside it', () => {
    const box = stepBox({ kind: 'program', start: '2029-12-31', end: '2029-12-31' }, scale);
    expect(box.left + box.width).toBeLessThanOrEqual(100);
  });
});
