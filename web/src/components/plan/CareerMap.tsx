import { ActionIcon, Box, Button, Group, List, Stack, Text, Title } from '@mantine/core';
import { IconArrowLeft, IconArrowRight, IconFocusCentered, IconZoomOut } from '@tabler/icons-react';
import { useElementSize } from '@mantine/hooks';
import { useId, useMemo, useRef, useState, type KeyboardEvent, type PointerEvent } from 'react';
import {
  clampView,
  layoutMap,
  NODE_H,
  NODE_W,
  pathView,
  type MapRole,
  type MapTransition,
  type MapView,
} from './mapLayout';

const ACCENT = 'var(--mantine-primary-color-filled)';

/**
 * The career map: every role in columns by family and rows by level, the typical moves as lines
 * (typical years on hover), the current and target roles highlighted and the chosen plan's path
 * drawn thick in the accent colour. It fits its area: it opens zoomed to the path, and the rest is
 * a pan away (drag, arrow keys or the buttons; "Whole map" shows everything), so the page never
 * scrolls sideways. A text list of the path follows the picture.
 */
export function CareerMap({
  roles,
  transitions,
  path,
  fromId,
  toId,
}: {
  roles: readonly MapRole[];
  transitions: readonly MapTransition[] | null;
  path: readonly string[];
  fromId: string;
  toId: string;
}) {
  const id = useId().replace(/:/g, '');
  const layout = useMemo(() => layoutMap(roles, transitions ?? [], path), [roles, transitions, path]);
  const titleOf = (rid: string) => roles.find((r) => r.id === rid)?.title ?? rid;
  const onPath = new Set(path);
  const pathText = path.map(titleOf).join(' → ');
  const pathKey = path.join('>');
  // Zoomed to the path = the map at its natural size (one unit a pixel) centred on the path, or
  // smaller when the path itself is wider than the area.
  const { ref: frame, width: frameWidth } = useElementSize();
  const area = Math.round(frameWidth) || 560;
  const fitted = useMemo(() => pathView(layout, path, area), [layout, pathKey, area]); // eslint-disable-line react-hooks/exhaustive-deps
  // The window shown: the path's until the person pans or zooms out (per path and area).
  const viewKey = `${pathKey}|${layout.width}|${area}`;
  const [moved, setMoved] = useState<{ key: string; view: MapView } | null>(null);
  const view = moved && moved.key === viewKey ? moved.view : fitted;
  const setView = (v: MapView) => setMoved({ key: viewKey, view: v });
  const pan = (dx: number) => setView({ w: view.w, x: clampView(layout, view.x + dx, view.w) });
  const whole = view.w >= layout.width;
  const drag = useRef<{ x: number; start: number; scale: number } | null>(null);
  const onPointerDown = (e: PointerEvent<SVGSVGElement>) => {
    if (whole) return;
    const box = e.currentTarget.getBoundingClientRect();
    drag.current = { x: e.clientX, start: view.x, scale: view.w / Math.max(1, box.width) };
    e.currentTarget.setPointerCapture(e.pointerId);
  };
  const onPointerMove = (e: PointerEvent<SVGSVGElement>) => {
    const d = drag.current;
    if (!d) return;
    setView({ w: view.w, x: clampView(layout, d.start - (e.clientX - d.x) * d.scale, view.w) });
  };
  const onPointerUp = () => {
    drag.current = null;
  };
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.key === 'ArrowLeft') pan(-view.w / 4);
    else if (e.key === 'ArrowRight') pan(view.w / 4);
    else return;
    e.preventDefault();
  };
  const step = view.w / 2;

  const edgeOf = (edge: (typeof layout.edges)[number]) => (
    <g key={`${edge.from}>${edge.to}`} data-on-path={edge.onPath || undefined} className="plan-map-edge">
      <title>{edge.label}</title>
      <path d={edge.d} fill="none" stroke="transparent" strokeWidth={10} />
      <path
        d={edge.d}
        fill="none"
        stroke={edge.onPath ? ACCENT : '#adb5bd'}
        strokeWidth={edge.onPath ? 4 : 1.2}
        markerEnd={edge.onPath ? `url(#${id}-arrow)` : undefined}
        data-testid={edge.onPath ? 'map-path-edge' : undefined}
      />
    </g>
  );

  const nodeOf = (node: (typeof layout.nodes)[number]) => {
    const isEnd = node.id === fromId || node.id === toId;
    const inPath = onPath.has(node.id);
    const what = node.id === fromId ? ' (your current role)' : node.id === toId ? ' (your target)' : '';
    return (
      <g
        key={node.id}
        data-role={node.id}
        data-highlight={isEnd ? 'end' : inPath ? 'path' : undefined}
        data-testid="map-role"
      >
        <title>
          {node.title}
          {what}
        </title>
        <rect
          x={node.x}
          y={node.y}
          width={NODE_W}
          height={NODE_H}
          rx={6}
          fill={isEnd ? ACCENT : inPath ? 'var(--mantine-color-indigo-0)' : '#ffffff'}
          stroke={isEnd || inPath ? ACCENT : '#868e96'}
          strokeWidth={isEnd || inPath ? 2 : 1}
        />
        <text
          x={node.x + NODE_W / 2}
          y={node.y + NODE_H / 2 + (node.lines.length === 1 ? 4 : -2)}
          textAnchor="middle"
          fontSize={11}
          fontWeight={isEnd || inPath ? 700 : 400}
          fill={isEnd ? '#ffffff' : '#212529'}
        >
          {node.lines.map((line, i) => (
            <tspan key={i} x={node.x + NODE_W / 2} dy={i === 0 ? 0 : 13}>
              {line}
            </tspan>
          ))}
        </text>
      </g>
    );
  };

  return (
    <Stack gap="xs" component="section" aria-labelledby={`${id}-heading`} data-testid="career-map">
      <Title order={2} fz="h3" id={`${id}-heading`}>
        Career map
      </Title>
      <Text size="sm" c="dimmed">
        Roles by family (columns) and level (rows). The thick line is this plan&apos;s path; hover a line for
        the typical years of a move. Drag the map, or use the arrow keys or buttons, to see the other
        families.
      </Text>
      <Group gap="xs" data-testid="map-controls">
        <ActionIcon
          variant="default"
          aria-label="Pan the map left"
          disabled={view.x <= 0}
          onClick={() => pan(-step)}
        >
          <IconArrowLeft size={16} aria-hidden />
        </ActionIcon>
        <ActionIcon
          variant="default"
          aria-label="Pan the map right"
          disabled={view.x + view.w >= layout.width}
          onClick={() => pan(step)}
        >
          <IconArrowRight size={16} aria-hidden />
        </ActionIcon>
        <Button
          size="compact-sm"
          variant="default"
          leftSection={<IconFocusCentered size={14} aria-hidden />}
          onClick={() => setView(fitted)}
          disabled={view.x === fitted.x && view.w === fitted.w}
        >
          Zoom to the path
        </Button>
        <Button
          size="compact-sm"
          variant="default"
          leftSection={<IconZoomOut size={14} aria-hidden />}
          onClick={() => setView({ x: 0, w: layout.width })}
          disabled={whole}
        >
          Whole map
        </Button>
      </Group>
      <Box
        ref={frame}
        className="plan-map-frame"
        tabIndex={0}
        role="region"
        aria-label="Career map (arrow keys pan)"
        onKeyDown={onKeyDown}
        style={{ overflow: 'hidden', border: '1px solid var(--mantine-color-gray-3)', borderRadius: 8 }}
      >
        <svg
          viewBox={`${view.x} 0 ${view.w} ${layout.height}`}
          width="100%"
          role="img"
          aria-labelledby={`${id}-title ${id}-desc`}
          style={{
            display: 'block',
            fontFamily: 'inherit',
            height: 'auto',
            aspectRatio: `${view.w} / ${layout.height}`,
            cursor: whole ? 'default' : 'grab',
            touchAction: whole ? 'auto' : 'pan-y',
          }}
          data-testid="career-map-svg"
          data-view={`${view.x} ${view.w}`}
          onPointerDown={onPointerDown}
          onPointerMove={onPointerMove}
          onPointerUp={onPointerUp}
          onPointerCancel={onPointerUp}
        >
          <title id={`${id}-title`}>
            Career map from {titleOf(fromId)} to {titleOf(toId)}
          </title>
          <desc id={`${id}-desc`}>
            {layout.nodes.length} roles in columns by family and rows by level, with the typical moves between
            them. This plan&apos;s path: {pathText || 'none'}.
          </desc>
          <defs>
            <marker
              id={`${id}-arrow`}
              viewBox="0 0 10 10"
              refX="9"
              refY="5"
              markerUnits="userSpaceOnUse"
              markerWidth="12"
              markerHeight="12"
              orient="auto-start-reverse"
            >
              <path d="M 0 0 L 10 5 L 0 10 z" fill={ACCENT} />
            </marker>
          </defs>
          {layout.rows.map((row, i) => (
            <g key={row.level}>
              {i % 2 === 0 && (
                <rect
                  x={0}
                  y={row.y}
                  width={layout.width}
                  height={row.height}
                  fill="var(--mantine-color-gray-0)"
                />
              )}
              <text
                x={view.x + 8}
                y={row.y + row.height / 2 + 4}
                fontSize={12}
                fontWeight={700}
                fill="#343a40"
              >
                {row.label}
              </text>
            </g>
          ))}
          {layout.columns.map((column) => (
            <text
              key={column.family}
              x={column.x}
              y={22}
              fontSize={12}
              fontWeight={700}
              textAnchor="middle"
              fill="#343a40"
            >
              {column.label}
            </text>
          ))}
          {/* Other moves and roles first; the path's moves over them, its roles on top. */}
          {layout.edges.filter((e) => !e.onPath).map(edgeOf)}
          {layout.nodes.filter((n) => !onPath.has(n.id)).map(nodeOf)}
          {layout.edges.filter((e) => e.onPath).map(edgeOf)}
          {layout.nodes.filter((n) => onPath.has(n.id)).map(nodeOf)}
        </svg>
      </Box>
      {transitions === null && (
        <Text size="sm" c="dimmed" role="status">
          Loading the moves between roles…
        </Text>
      )}
      <div>
        <Text fw={700} size="sm" id={`${id}-path`}>
          The path, step by step
        </Text>
        <List type="ordered" size="sm" aria-labelledby={`${id}-path`} data-testid="map-path-list">
          {path.map((rid) => (
            <List.Item key={rid}>
              {titleOf(rid)}
              {rid === fromId ? ' (now)' : rid === toId ? ' (target)' : ''}
            </List.Item>
          ))}
        </List>
      </div>
    </Stack>
  );
}
