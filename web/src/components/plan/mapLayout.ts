/**
 * The career map's layout (pure): roles in columns by family and rows by level (entry at the top,
 * executive at the bottom), several roles of one family and level stacked in their cell, and the
 * transitions as curves between them; the edges of the chosen path are marked.
 */
import type { RoleFamily, RoleLevel } from '../../../../src/catalog/career-schema';

export const familyOrder: RoleFamily[] = [
  'clinical_entry',
  'nursing_leadership',
  'quality',
  'hospital_operations',
  'practice_management',
  'finance',
  'health_it',
];

export const familyLabels: Record<RoleFamily, string> = {
  clinical_entry: 'Clinical',
  nursing_leadership: 'Nursing leadership',
  quality: 'Quality',
  hospital_operations: 'Hospital operations',
  practice_management: 'Practice management',
  finance: 'Finance',
  health_it: 'Health IT',
};

export const levelOrder: RoleLevel[] = ['entry', 'specialist', 'manager', 'director', 'executive'];

export const levelLabels: Record<RoleLevel, string> = {
  entry: 'Entry',
  specialist: 'Specialist',
  manager: 'Manager',
  director: 'Director',
  executive: 'Executive',
};

export interface MapRole {
  id: string;
  title: string;
  family: string;
  level: string;
}

export interface MapTransition {
  from: string;
  to: string;
  typicalYears: { min: number; max?: number } | 'unknown';
  common: boolean;
  judgement?: boolean;
}

export interface MapNode extends MapRole {
  x: number;
  y: number;
  lines: string[];
}

export interface MapEdge {
  from: string;
  to: string;
  /** SVG path data. */
  d: string;
  onPath: boolean;
  /** "Quality Manager → Director of Quality: typically 3–5 years" */
  label: string;
}

export interface MapLayout {
  width: number;
  height: number;
  nodes: MapNode[];
  edges: MapEdge[];
  columns: Array<{ family: string; label: string; x: number }>;
  rows: Array<{ level: string; label: string; y: number; height: number }>;
}

export const NODE_W = 132;
export const NODE_H = 40;
const COL_W = 156;
const STACK = 50;
const ROW_PAD = 26;
const LEFT = 92;
const TOP = 40;

/** Splits a title into at most `maxLines` lines of about `max` characters (the last one cut with …). */
export function wrapLabel(text: string, max = 20, maxLines = 2): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (!line) line = word;
    else if (line.length + 1 + word.length <= max) line += ` ${word}`;
    else {
      lines.push(line);
      line = word;
    }
  }
  if (line) lines.push(line);
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  const last = `${kept[maxLines - 1]} ${lines.slice(maxLines).join(' ')}`;
  kept[maxLines - 1] = `${last.slice(0, max - 1).trimEnd()}…`;
  return kept;
}

/** "typically 2–4 years", "typically 3+ years", "typical years unknown". */
export function yearsText(years: MapTransition['typicalYears']): string {
  if (years === 'unknown') return 'typical years unknown';
  if (years.max === undefined) return `typically ${years.min}+ years`;
  if (years.max === years.min) return `typically ${years.min} year${years.min === 1 ? '' : 's'}`;
  return `typically ${years.min}–${years.max} years`;
}

/** The pairs of consecutive roles on a path, as "from>to". */
export function pathPairs(path: readonly string[]): Set<string> {
  const pairs = new Set<string>();
  for (let i = 1; i < path.length; i++) pairs.add(`${path[i - 1]}>${path[i]}`);
  return pairs;
}

export function layoutMap(
  roles: readonly MapRole[],
  transitions: readonly MapTransition[],
  path: readonly string[] = [],
): MapLayout {
  const families = familyOrder.filter((f) => roles.some((r) => r.family === f));
  for (const r of roles)
    if (!families.includes(r.family as RoleFamily)) families.push(r.family as RoleFamily);
  const levels = levelOrder.filter((l) => roles.some((r) => r.level === l));

  const cell = (r: MapRole) => `${r.family}|${r.level}`;
  const cells = new Map<string, MapRole[]>();
  for (const r of [...roles].sort((a, b) => a.title.localeCompare(b.title))) {
    const list = cells.get(cell(r)) ?? [];
    list.push(r);
    cells.set(cell(r), list);
  }

  const rows: MapLayout['rows'] = [];
  let y = TOP;
  for (const level of levels) {
    const stack = Math.max(1, ...families.map((f) => cells.get(`${f}|${level}`)?.length ?? 0));
    const height = stack * STACK - (STACK - NODE_H) + ROW_PAD;
    rows.push({ level, label: levelLabels[level], y, height });
    y += height;
  }
  const columns = families.map((family, i) => ({
    family,
    label: familyLabels[family] ?? family,
    x: LEFT + i * COL_W + COL_W / 2,
  }));

  const nodes: MapNode[] = [];
  for (const row of rows) {
    for (const column of columns) {
      const list = cells.get(`${column.family}|${row.level}`) ?? [];
      const top = row.y + (row.height - (list.length * STACK - (STACK - NODE_H))) / 2;
      list.forEach((r, i) => {
        nodes.push({ ...r, x: column.x - NODE_W / 2, y: top + i * STACK, lines: wrapLabel(r.title) });
      });
    }
  }
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const onPath = pathPairs(path);

  const edges: MapEdge[] = [];
  for (const t of transitions) {
    const a = byId.get(t.from);
    const b = byId.get(t.to);
    if (!a || !b || a === b) continue;
    let d: string;
    if (Math.abs(a.y - b.y) < 1) {
      // Same row: side to side, bowing up.
      const [sx, ex] = a.x < b.x ? [a.x + NODE_W, b.x] : [a.x, b.x + NODE_W];
      const cy = a.y - 18;
      d = `M ${sx} ${a.y + NODE_H / 2} C ${sx} ${cy}, ${ex} ${cy}, ${ex} ${b.y + NODE_H / 2}`;
    } else {
      const down = b.y > a.y;
      const sx = a.x + NODE_W / 2;
      const sy = down ? a.y + NODE_H : a.y;
      const ex = b.x + NODE_W / 2;
      const ey = down ? b.y : b.y + NODE_H;
      const my = (sy + ey) / 2;
      d = `M ${sx} ${sy} C ${sx} ${my}, ${ex} ${my}, ${ex} ${ey}`;
    }
    const extra = [t.common ? '' : 'a less common move', t.judgement ? 'our judgement' : '']
      .filter(Boolean)
      .join(', ');
    edges.push({
      from: t.from,
      to: t.to,
      d,
      onPath: onPath.has(`${t.from}>${t.to}`),
      label: `${a.title} → ${b.title}: ${yearsText(t.typicalYears)}${extra ? ` (${extra})` : ''}`,
    });
  }
  // The path's edges last, so they are drawn on top.
  edges.sort((p, q) => Number(p.onPath) - Number(q.onPath));

  return { width: LEFT + families.length * COL_W + 8, height: y + 8, nodes, edges, columns, rows };
}

/** The horizontal window of the map on screen: from `x`, `w` wide (the map's own units). */
export interface MapView {
  x: number;
  w: number;
}

/**
 * The window that shows the plan's path: `area` wide (the map at its natural size in an area that
 * many pixels wide), or wider when the path with half a column either side does not fit; centred on
 * the path, kept inside the map, never wider than the map. The whole map when there is no path.
 *
 * @example pathView(layout, ['charge-nurse', 'nurse-manager'], 560) → {x: 0, w: 560}
 */
export function pathView(layout: MapLayout, path: readonly string[], area = 560): MapView {
  const xs = layout.nodes.filter((n) => path.includes(n.id)).map((n) => n.x);
  if (!xs.length) return { x: 0, w: layout.width };
  const pad = (COL_W - NODE_W) / 2 + COL_W / 2;
  const left = Math.min(...xs) - pad;
  const right = Math.max(...xs) + NODE_W + pad;
  const w = Math.min(layout.width, Math.max(area, right - left));
  const x = clampView(layout, (left + right) / 2 - w / 2, w);
  return { x, w };
}

/** Keeps a window of width `w` starting at `x` inside the map. */
export function clampView(layout: Pick<MapLayout, 'width'>, x: number, w: number): number {
  return Math.round(Math.min(Math.max(0, x), Math.max(0, layout.width - w)));
}
