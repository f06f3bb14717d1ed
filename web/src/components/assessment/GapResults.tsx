/**
 * The gap report: a radar chart of me against the target role (per domain, or per targeted
 * competency), the same figures as a table (the chart's text alternative), and the ranked gap list.
 * A competency not rated is "Not rated", never 0.
 */
import {
  Badge,
  Group,
  Paper,
  Progress,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { lazy, Suspense, useId, useState } from 'react';
import type { GapReportResponse, GapStatus, Ratings } from '../../api/career';
import { competencyRadarData, domainRadarData, shortLabel, type RadarRow } from './chartData';

// The chart library (recharts) is its own chunk, fetched when a chart is first drawn; the table
// below the chart shows the same figures meanwhile.
const RadarChart = lazy(() => import('@mantine/charts').then((m) => ({ default: m.RadarChart })));

const statusInfo: Record<GapStatus, { label: string; color: string }> = {
  gap: { label: 'Below target', color: 'red' },
  met: { label: 'Target met', color: 'green' },
  unrated: { label: 'Not rated', color: 'gray' },
};

const importanceLabels: Record<number, string> = { 1: 'Useful', 2: 'Important', 3: 'Essential' };

/** A table that scrolls sideways on narrow screens; focusable so keyboards can scroll it too. */
function Scroller({
  label,
  minWidth,
  children,
}: {
  label: string;
  minWidth: number;
  children: React.ReactNode;
}) {
  return (
    <div role="region" aria-label={label} tabIndex={0} style={{ overflowX: 'auto', maxWidth: '100%' }}>
      <div style={{ minWidth }}>{children}</div>
    </div>
  );
}

const dotColours: Record<string, string> = {
  me: 'var(--mantine-color-indigo-7)',
  earlier: 'var(--mantine-color-orange-7)',
};

const show = (n: number | null | undefined) => (n === null || n === undefined ? 'Not rated' : String(n));

function ChartTable({
  rows,
  axisName,
  earlierLabel,
}: {
  rows: RadarRow[];
  axisName: string;
  earlierLabel?: string;
}) {
  return (
    <Scroller label={`The chart's figures by ${axisName.toLowerCase()}`} minWidth={300}>
      <Table fz="sm" verticalSpacing={4} data-testid="chart-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{axisName}</Table.Th>
            <Table.Th scope="col" ta="right">
              Target
            </Table.Th>
            <Table.Th scope="col" ta="right">
              Me
            </Table.Th>
            {earlierLabel && (
              <Table.Th scope="col" ta="right">
                {earlierLabel}
              </Table.Th>
            )}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r) => (
            <Table.Tr key={r.axis}>
              <Table.Th scope="row" fw={400}>
                {r.axis}
              </Table.Th>
              <Table.Td ta="right">{show(r.target)}</Table.Td>
              <Table.Td ta="right">{show(r.me)}</Table.Td>
              {earlierLabel && <Table.Td ta="right">{show(r.earlier)}</Table.Td>}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Scroller>
  );
}

function Chart({
  report,
  earlier,
}: {
  report: GapReportResponse;
  earlier?: { label: string; ratings: Ratings };
}) {
  const [axes, setAxes] = useState<'domains' | 'competencies'>('domains');
  const rows =
    axes === 'domains'
      ? domainRadarData(report, earlier?.ratings)
      : competencyRadarData(report, earlier?.ratings);
  const captionId = useId();
  const phone = useMediaQuery('(max-width: 47.99em)', false, { getInitialValueInEffect: false });
  const maxLabel = axes === 'domains' ? (phone ? 11 : 30) : phone ? 10 : 22;
  const series = [
    { name: 'target', label: `Target: ${report.role.title}`, color: 'gray.6', opacity: 0.15 },
    { name: 'me', label: 'Me', color: 'indigo.7', opacity: 0.35 },
    ...(earlier ? [{ name: 'earlier', label: earlier.label, color: 'orange.7', opacity: 0.1 }] : []),
  ];
  return (
    <Stack gap="sm">
      <SegmentedControl
        value={axes}
        onChange={(v) => setAxes(v as 'domains' | 'competencies')}
        data={[
          { value: 'domains', label: 'By domain' },
          { value: 'competencies', label: 'By competency' },
        ]}
        aria-label="Chart axes"
        style={{ alignSelf: 'flex-start' }}
      />
      <figure style={{ margin: 0 }} aria-labelledby={captionId} data-testid="radar-chart">
        <Suspense fallback={<div style={{ height: axes === 'domains' ? 320 : 420 }} />}>
          <RadarChart
            h={axes === 'domains' ? 320 : 420}
            data={rows}
            dataKey="axis"
            series={series}
            withLegend
            withPolarRadiusAxis
            polarRadiusAxisProps={{ domain: [0, 5], tickCount: 6, angle: 90, tick: { fontSize: 10 } }}
            polarAngleAxisProps={{
              tick: { fontSize: axes === 'domains' ? (phone ? 11 : 12) : phone ? 8 : 10 },
              tickFormatter: (v: string) => shortLabel(v, maxLabel),
            }}
            radarChartProps={{ outerRadius: phone ? '62%' : '75%' }}
            radarProps={(s) => ({
              isAnimationActive: false,
              // An unrated axis is skipped (never drawn as 0); dots show ratings even when few are given.
              connectNulls: true,
              dot:
                s.name === 'target'
                  ? false
                  : { r: 3, fillOpacity: 1, strokeOpacity: 0, fill: dotColours[s.name] },
              ...(s.name === 'earlier' ? { strokeDasharray: '5 3' } : {}),
            })}
            accessibilityLayer={false}
            aria-hidden
          />
        </Suspense>
        <Text component="figcaption" id={captionId} fz="sm" c="dimmed">
          Radar chart: my ratings against the target levels of {report.role.title}{' '}
          {axes === 'domains'
            ? 'per domain (means over the competencies the role targets)'
            : 'per competency'}
          , on the 1–5 scale. Competencies you have not rated are left out of your shape, not drawn as 0. The
          same figures are in the table below.
        </Text>
      </figure>
      <ChartTable
        rows={rows}
        axisName={axes === 'domains' ? 'Domain' : 'Competency'}
        earlierLabel={earlier?.label}
      />
    </Stack>
  );
}

const gapText = (gap: number | null) =>
  gap === null ? '—' : gap === 0 ? 'none' : gap === 1 ? '1 level' : `${gap} levels`;

/** The gap list on a phone: one short card per competency instead of a wide table. */
function GapCards({ report }: { report: GapReportResponse }) {
  return (
    <Stack
      gap={6}
      component="ol"
      p={0}
      m={0}
      style={{ listStyle: 'none' }}
      data-testid="gap-list"
      aria-label="Gaps, biggest first"
    >
      {report.items.map((item, i) => (
        <Paper
          component="li"
          withBorder
          p="xs"
          key={item.competency}
          data-testid="gap-row"
          data-competency={item.competency}
          data-score={item.score ?? ''}
          data-status={item.status}
        >
          <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
            <Text fw={600} fz="sm">
              {i + 1}. {item.label}
            </Text>
            <Badge
              variant="light"
              color={statusInfo[item.status].color}
              c="var(--mantine-color-text)"
              style={{ flexShrink: 0 }}
            >
              {statusInfo[item.status].label}
            </Badge>
          </Group>
          <Text fz="sm" mt={2}>
            Target {item.target}
            {item.targetJudgement ? '*' : ''} · Me {show(item.rating)} · Gap {gapText(item.gap)}
          </Text>
          <Text fz="sm" c="dimmed">
            {importanceLabels[item.importance] ?? item.importance} ({item.importance}) · Score{' '}
            {item.score ?? '—'}
          </Text>
        </Paper>
      ))}
    </Stack>
  );
}

function GapList({ report }: { report: GapReportResponse }) {
  const phone = useMediaQuery('(max-width: 47.99em)', false, { getInitialValueInEffect: false });
  if (phone) return <GapCards report={report} />;
  return (
    <Scroller label="Gaps, biggest first" minWidth={600}>
      <Table fz="sm" striped data-testid="gap-list" aria-label="Gaps, biggest first">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">#</Table.Th>
            <Table.Th scope="col">Competency</Table.Th>
            <Table.Th scope="col" ta="right">
              Target
            </Table.Th>
            <Table.Th scope="col" ta="right">
              My rating
            </Table.Th>
            <Table.Th scope="col" ta="right">
              Gap
            </Table.Th>
            <Table.Th scope="col">Importance</Table.Th>
            <Table.Th scope="col" ta="right">
              Score
            </Table.Th>
            <Table.Th scope="col">Status</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {report.items.map((item, i) => (
            <Table.Tr
              key={item.competency}
              data-testid="gap-row"
              data-competency={item.competency}
              data-score={item.score ?? ''}
              data-status={item.status}
            >
              <Table.Td>{i + 1}</Table.Td>
              <Table.Th scope="row" fw={500}>
                {item.label}
              </Table.Th>
              <Table.Td ta="right">
                {item.target}
                {item.targetJudgement ? '*' : ''}
              </Table.Td>
              <Table.Td ta="right">{show(item.rating)}</Table.Td>
              <Table.Td ta="right">{gapText(item.gap)}</Table.Td>
              <Table.Td>
                {importanceLabels[item.importance] ?? item.importance} ({item.importance})
              </Table.Td>
              <Table.Td ta="right">{item.score ?? '—'}</Table.Td>
              <Table.Td>
                <Badge
                  variant="light"
                  color={statusInfo[item.status].color}
                  c="var(--mantine-color-text)"
                  style={{ whiteSpace: 'nowrap' }}
                >
                  {statusInfo[item.status].label}
                </Badge>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Scroller>
  );
}

/** Summary, figures, chart and gap list. */
export function GapResults({
  report,
  earlier,
}: {
  report: GapReportResponse;
  earlier?: { label: string; ratings: Ratings };
}) {
  const t = report.totals;
  return (
    <Stack gap="md">
      <Text fw={600} data-testid="gap-summary">
        {report.summary}
      </Text>
      <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm">
        {[
          { label: 'Below target', value: t.withGap },
          { label: 'Target met', value: t.met },
          { label: 'Not rated', value: t.unrated },
          {
            label: `Gap points, of the most possible for what you rated`,
            value: `${t.gapPoints} of ${t.ratedMaxGapPoints}`,
          },
        ].map((s) => (
          <Paper key={s.label} withBorder p="xs">
            <Text fz={22} fw={700} lh={1.2}>
              {s.value}
            </Text>
            <Text fz="sm">{s.label}</Text>
          </Paper>
        ))}
      </SimpleGrid>
      {t.readinessPercent !== null && (
        <div>
          <Group justify="space-between">
            <Text fz="sm">
              Readiness: the gap points you do not have ({t.ratedMaxGapPoints - t.gapPoints} of{' '}
              {t.ratedMaxGapPoints})
            </Text>
            <Text fz="sm" fw={600}>
              {t.readinessPercent}%
            </Text>
          </Group>
          <Progress value={t.readinessPercent} aria-label="Readiness" mt={4} />
        </div>
      )}
      <Chart report={report} earlier={earlier} />
      <div>
        <Title order={3} fz="h4">
          Gaps, biggest first
        </Title>
        <Text fz="sm" c="dimmed" mb="xs">
          Ranked by score: levels below target × importance (3 when the role needs level 5, 2 for level 4, 1
          otherwise). Targets marked * are our judgement, not a published standard.
        </Text>
        <GapList report={report} />
      </div>
    </Stack>
  );
}
