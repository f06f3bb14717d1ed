import { countText } from '../lib/format';
import {
  Alert,
  Anchor,
  Button,
  CloseButton,
  Group,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useDocumentTitle, useMediaQuery } from '@mantine/hooks';
import { IconArrowLeft, IconInfoCircle, IconStarFilled } from '@tabler/icons-react';
import { Fragment, useMemo } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import {
  useMyRatings,
  useProgramComparison,
  useProgramList,
  useRoles,
  type ComparedProgram,
  type CompareRequest,
  type MyRatings,
} from '../api/programs';
import { useCatalog } from '../api/queries';
import { issuesOf } from '../api/records';
import { ConfidenceBadge } from '../components/ConfidenceBadge';
import { ExternalLink } from '../components/ExternalLink';
import { PageLoader, QueryError } from '../components/QueryState';
import { CoverageBar } from '../components/programs/CoverageBar';
import { ExampleBadge } from '../components/programs/ExampleBadge';
import {
  accreditationText,
  ceAcceptedFor,
  ceText,
  comparePath,
  costDetail,
  costOf,
  costText,
  durationDetail,
  durationText,
  featureIds,
  featureLabels,
  featureText,
  formatLabels,
  MAX_COMPARE,
  modalityText,
  monthsOf,
  isUnstated,
} from '../components/programs/programText';
import { formatDate } from '../lib/format';

function idsFrom(params: URLSearchParams): string[] {
  return [
    ...new Set(
      (params.get('ids') ?? '')
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
    ),
  ].slice(0, MAX_COMPARE);
}

/** The programs whose value is the best known one; none when fewer than two values are known. */
function bestOf(values: Array<number | undefined>, pick: 'min' | 'max'): Set<number> {
  const known = values.filter((v): v is number => v !== undefined);
  if (known.length < 2) return new Set();
  const best = pick === 'min' ? Math.min(...known) : Math.max(...known);
  if (pick === 'max' && best <= 0) return new Set();
  if (known.every((v) => v === best)) return new Set();
  return new Set(values.flatMap((v, i) => (v === best ? [i] : [])));
}

function BestMark({ text }: { text: string }) {
  return (
    <Group gap={4} wrap="nowrap" mt={4} data-testid="best-value">
      <IconStarFilled size={14} color="var(--mantine-color-teal-8)" aria-hidden />
      <Text size="sm" fw={700} c="teal.9">
        {text}
      </Text>
    </Group>
  );
}

function Val({ text, detail }: { text: string; detail?: string | null }) {
  return (
    <>
      <Text size="sm" fs={isUnstated(text) ? 'italic' : undefined}>
        {text}
      </Text>
      {detail && (
        <Text size="xs" c="dimmed">
          {detail}
        </Text>
      )}
    </>
  );
}

interface RowSpec {
  label: string;
  cell: (c: ComparedProgram, i: number) => React.ReactNode;
}

export function ProgramComparePage() {
  useDocumentTitle('Compare programs · Healthcare Management Pathways');
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const ids = useMemo(() => idsFrom(params), [params]);
  const urlRole = params.get('role');
  const mine = useMyRatings();
  const roles = useRoles();
  const all = useProgramList({});
  const catalog = useCatalog();
  const wide = useMediaQuery('(min-width: 62em)', true, { getInitialValueInEffect: false });

  const knownRole = (id: string | null) =>
    id !== null && (!roles.data || roles.data.roles.some((r) => r.id === id)) ? id : null;
  const role = knownRole(urlRole) ?? knownRole(mine.targetRole);
  const hasRatings = Object.keys(mine.ratings).length > 0;

  const body: CompareRequest | null =
    // A stored role is checked against the roles first, so that a stale one is dropped, not refused.
    ids.length >= 2 && !mine.loading && (role === null || !roles.isPending)
      ? { ids, ...(role && hasRatings ? { role, ratings: mine.ratings } : {}) }
      : null;
  const comparison = useProgramComparison(body);

  const go = (nextIds: string[], nextRole: string | null = urlRole) =>
    void navigate(comparePath(nextIds, nextRole), { replace: true });
  const remove = (id: string) => go(ids.filter((x) => x !== id));
  const add = (id: string | null) => id && go([...ids, id]);
  const unitLabel = (id: string) =>
    catalog.data?.vocabulary.creditUnits.find((u) => u.id === id)?.label ?? id;

  const addOptions = (all.data?.programs ?? [])
    .filter((p) => !ids.includes(p.id))
    .map((p) => ({ value: p.id, label: `${p.name} (${p.provider})` }));

  const addPicker = ids.length < MAX_COMPARE && (
    <Select
      label={`Add a program (up to ${MAX_COMPARE})`}
      placeholder="Search programs"
      data={addOptions}
      value={null}
      onChange={add}
      searchable
      nothingFoundMessage="No program by that name"
      maw={480}
      comboboxProps={{ withinPortal: true }}
    />
  );

  const header = (
    <Stack gap={4}>
      <Anchor component={Link} to="/programs" size="sm">
        <Group gap={4} component="span" wrap="nowrap">
          <IconArrowLeft size={14} aria-hidden /> All programs
        </Group>
      </Anchor>
      <Title order={1}>Compare programs</Title>
    </Stack>
  );

  if (ids.length < 2) {
    return (
      <Stack gap="lg" maw={1200} mx="auto">
        {header}
        <Text>
          Pick 2 to {MAX_COMPARE} programs to compare. Choose them on the{' '}
          <Anchor component={Link} to="/programs">
            programs list
          </Anchor>{' '}
          or add them here.
        </Text>
        {addPicker}
      </Stack>
    );
  }

  // A 400 names each unknown id as ids[i]: offer to take them out.
  const unknownIds = issuesOf(comparison.error)
    .map((i) => /^ids\[(\d+)\]$/.exec(i.path)?.[1])
    .flatMap((n) => (n !== undefined && ids[Number(n)] ? [ids[Number(n)]!] : []));
  const data = comparison.data;
  const programs = data?.programs ?? [];
  const bestCost = bestOf(
    programs.map((c) => costOf(c.program)),
    'min',
  );
  const bestLength = bestOf(
    programs.map((c) => monthsOf(c.program)),
    'min',
  );
  const bestCoverage = bestOf(
    programs.map((c) => c.coverage?.percent),
    'max',
  );

  const rows: RowSpec[] = [
    { label: 'Provider', cell: (c) => <Val text={c.program.provider} /> },
    { label: 'Format', cell: (c) => <Val text={formatLabels[c.program.format]} /> },
    { label: 'Modality', cell: (c) => <Val text={modalityText(c.program)} /> },
    {
      label: 'Accreditation',
      cell: (c) => <Val text={accreditationText(c.program)} detail={c.program.accreditationNote} />,
    },
    {
      label: 'Duration',
      cell: (c, i) => (
        <>
          <Val text={durationText(c.program)} detail={durationDetail(c.program)} />
          {bestLength.has(i) && <BestMark text="Shortest" />}
        </>
      ),
    },
    {
      label: 'Cost',
      cell: (c, i) => (
        <>
          <Val text={costText(c.program)} detail={costDetail(c.program)} />
          {bestCost.has(i) && <BestMark text="Lowest known cost" />}
        </>
      ),
    },
    {
      label: 'CE credit',
      cell: (c) => {
        const accepted = ceAcceptedFor(c.program);
        return (
          <Val
            text={ceText(c.program, unitLabel)}
            detail={accepted.length ? `accepted for ${accepted.join(', ')}` : null}
          />
        );
      },
    },
    ...featureIds.map((f): RowSpec => ({
      label: featureLabels[f],
      cell: (c) => <Val text={featureText(c.program[f], c.program, f)} />,
    })),
    {
      label: 'Employer recognition',
      cell: (c) => {
        const r = c.recognition;
        return (
          <Stack gap={2}>
            <Text size="sm">
              Accreditation:{' '}
              {r.accreditation === 'unknown' ? <em>Unknown</em> : r.accreditation.join(', ') || 'none'}
            </Text>
            <Text size="sm">
              CE accepted for:{' '}
              {r.ceAcceptedFor === 'unknown' ? (
                <em>Unknown</em>
              ) : r.ceAcceptedFor === 'none' || r.ceAcceptedFor.length === 0 ? (
                'none'
              ) : (
                r.ceAcceptedFor.join(', ')
              )}
            </Text>
            {r.host && <Text size="sm">Hosted by {r.host}</Text>}
            <Text size="sm">
              Employer survey: <em>Unknown</em>
            </Text>
          </Stack>
        );
      },
    },
    {
      label: 'Share of your gap',
      cell: (c, i) =>
        c.coverage ? (
          <>
            <Text size="sm" fw={600}>
              {c.coverage.percent}%
            </Text>
            <Text size="xs" c="dimmed">
              {c.coverage.competencies.length} gap{' '}
              {c.coverage.competencies.length === 1 ? 'competency' : 'competencies'}
            </Text>
            {bestCoverage.has(i) && <BestMark text="Most coverage" />}
          </>
        ) : (
          <Val text="Not measured" detail="Rate yourself and choose a role" />
        ),
    },
    {
      label: 'Confidence',
      cell: (c) => (
        <Stack gap={4} align="flex-start">
          <ConfidenceBadge confidence={c.program.confidence} size="sm" />
          <Text size="xs" c="dimmed">
            checked {formatDate(c.program.verifiedAsOf)}
          </Text>
          {c.program.sources[0] && (
            <ExternalLink href={c.program.sources[0].url} size="sm">
              Source
            </ExternalLink>
          )}
        </Stack>
      ),
    },
  ];

  // On a phone the four yes/no features read as one row.
  const featureRow: RowSpec = {
    label: 'Capstone, practicum, mentorship, cohort',
    cell: (c) => (
      <Text size="sm">
        {featureIds.map((f, j) => (
          <Fragment key={f}>
            {j > 0 && ' · '}
            {featureLabels[f]}:{' '}
            {c.program[f] === 'unknown' ? (
              <em>{featureText('unknown', c.program, f)}</em>
            ) : (
              featureText(c.program[f])
            )}
          </Fragment>
        ))}
      </Text>
    ),
  };
  const featureLabelSet = new Set<string>(featureIds.map((f) => featureLabels[f]));
  const stackedRows = rows.flatMap((r) =>
    r.label === featureLabels.capstone ? [featureRow] : featureLabelSet.has(r.label) ? [] : [r],
  );

  const programHead = (c: ComparedProgram) => (
    <Stack gap={4}>
      <Group justify="space-between" align="flex-start" wrap="nowrap" gap={4}>
        <Anchor
          component={Link}
          to={`/programs/${encodeURIComponent(c.program.id)}`}
          fw={700}
          size="sm"
          className="break-anywhere"
        >
          {c.program.name}
        </Anchor>
        <CloseButton
          size="sm"
          aria-label={`Remove ${c.program.name} from the comparison`}
          onClick={() => remove(c.program.id)}
          disabled={ids.length <= 2}
          title={ids.length <= 2 ? 'A comparison needs at least 2 programs' : undefined}
        />
      </Group>
      {c.program.example && <ExampleBadge size="sm" />}
    </Stack>
  );

  return (
    <Stack gap="lg" maw={1200} mx="auto">
      {header}

      <CoverageSection
        mine={mine}
        role={role}
        roleOptions={(roles.data?.roles ?? []).map((r) => ({ value: r.id, label: r.title }))}
        onRole={(r) => go(ids, r)}
        programs={programs}
        gap={data?.gap ?? null}
        best={bestCoverage}
      />

      {comparison.isError ? (
        <QueryError
          title="Could not compare these programs"
          error={comparison.error}
          onRetry={() => void comparison.refetch()}
        >
          {unknownIds.length > 0 && (
            <Button
              size="xs"
              variant="default"
              onClick={() => go(ids.filter((id) => !unknownIds.includes(id)))}
            >
              Remove {unknownIds.join(', ')}
            </Button>
          )}
          <Button component={Link} to="/programs" size="xs" variant="default">
            All programs
          </Button>
        </QueryError>
      ) : !data ? (
        <PageLoader label="Comparing…" />
      ) : wide ? (
        <Paper
          withBorder
          component="section"
          aria-labelledby="side-by-side-title"
          data-testid="compare-table"
        >
          <Title order={2} size="h3" id="side-by-side-title" p="md" pb={0}>
            Side by side
          </Title>
          <Table.ScrollContainer minWidth={720}>
            <Table verticalSpacing="sm" horizontalSpacing="sm" withColumnBorders layout="fixed">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w={150}>
                    <Text size="sm" fw={700}>
                      Program
                    </Text>
                  </Table.Th>
                  {programs.map((c) => (
                    <Table.Th
                      key={c.program.id}
                      scope="col"
                      data-testid="compare-column"
                      style={{ verticalAlign: 'top' }}
                    >
                      {programHead(c)}
                    </Table.Th>
                  ))}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((row) => (
                  <Table.Tr key={row.label}>
                    <Table.Th scope="row" style={{ verticalAlign: 'top' }}>
                      <Text size="sm" fw={700}>
                        {row.label}
                      </Text>
                    </Table.Th>
                    {programs.map((c, i) => (
                      <Table.Td key={c.program.id} style={{ verticalAlign: 'top' }} data-row={row.label}>
                        {row.cell(c, i)}
                      </Table.Td>
                    ))}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Paper>
      ) : (
        <Stack
          gap="md"
          component="section"
          aria-labelledby="side-by-side-title"
          data-testid="compare-stacked"
        >
          <Title order={2} size="h3" id="side-by-side-title">
            Side by side
          </Title>
          <Paper withBorder p="sm">
            <Text size="sm" fw={700} mb={6}>
              Programs
            </Text>
            <Stack gap="sm" component="ol" pl={20} m={0}>
              {programs.map((c) => (
                <li key={c.program.id} data-testid="compare-column">
                  {programHead(c)}
                </li>
              ))}
            </Stack>
          </Paper>
          {stackedRows.map((row) => (
            <Paper key={row.label} withBorder p="sm" component="section" aria-label={row.label}>
              <Title order={3} size="h5" mb={6}>
                {row.label}
              </Title>
              <Stack gap={8} component="dl" m={0}>
                {programs.map((c, i) => (
                  <Fragment key={c.program.id}>
                    <div data-row={row.label}>
                      <Text component="dt" size="xs" fw={700} c="dimmed" lineClamp={1}>
                        {i + 1}. {c.program.name}
                      </Text>
                      <Text component="dd" m={0} size="sm">
                        {row.cell(c, i)}
                      </Text>
                    </div>
                  </Fragment>
                ))}
              </Stack>
            </Paper>
          ))}
        </Stack>
      )}

      {data && (
        <Alert
          variant="light"
          color="gray"
          icon={<IconInfoCircle aria-hidden />}
          title="About employer recognition"
        >
          {data.programs[0]?.recognition.note}
        </Alert>
      )}

      {addPicker}
    </Stack>
  );
}

function CoverageSection({
  mine,
  role,
  roleOptions,
  onRole,
  programs,
  gap,
  best,
}: {
  mine: MyRatings;
  role: string | null;
  roleOptions: Array<{ value: string; label: string }>;
  onRole: (role: string | null) => void;
  programs: ComparedProgram[];
  gap: { role: { title: string }; withGap: number; gapPoints: number; unrated: number } | null;
  best: Set<number>;
}) {
  const hasRatings = Object.keys(mine.ratings).length > 0;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="coverage-title">
      <Title order={2} size="h3" id="coverage-title" mb="xs">
        How much of your gap each covers
      </Title>
      {mine.loading ? (
        <Text size="sm">Reading your self-assessment…</Text>
      ) : !hasRatings ? (
        <Text size="sm" data-testid="rate-yourself">
          <Anchor component={Link} to="/self-assessment">
            Rate yourself to see how much of your gap each covers
          </Anchor>
          . Your ratings stay in this browser unless you are signed in.
        </Text>
      ) : (
        <Stack gap="md">
          <Group align="flex-end" gap="md">
            <Select
              label="Target role"
              placeholder="Choose a role"
              data={roleOptions}
              value={role}
              onChange={onRole}
              searchable
              w={320}
              maw="100%"
              nothingFoundMessage="No role by that name"
            />
            <Text size="sm" c="dimmed" pb={6}>
              Your ratings {mine.date ? `of ${formatDate(mine.date)}` : ''} (
              {mine.from === 'record' ? 'from your record' : 'saved in this browser'})
            </Text>
          </Group>
          {!role ? (
            <Text size="sm">Choose the role you are aiming for to measure your gap against it.</Text>
          ) : gap === null ? (
            <Text size="sm">Measuring…</Text>
          ) : gap.withGap === 0 ? (
            <Text size="sm">
              You reach the target for {gap.role.title} on every competency you rated
              {gap.unrated ? ` (${gap.unrated} not rated yet)` : ''}: there is no gap to cover.
            </Text>
          ) : (
            <>
              <Text size="sm" data-testid="gap-summary">
                For {gap.role.title}, {gap.withGap} {gap.withGap === 1 ? 'competency is' : 'competencies are'}{' '}
                below target ({countText(gap.gapPoints, 'gap point')}, weighted by how much the role needs
                each)
                {gap.unrated ? `; ${gap.unrated} not rated` : ''}. The share each program covers on its own:
              </Text>
              <SimpleGrid
                cols={{ base: 1, sm: 2 }}
                spacing="lg"
                verticalSpacing="lg"
                component="ul"
                p={0}
                m={0}
                style={{ listStyle: 'none' }}
              >
                {programs.map(
                  (c, i) =>
                    c.coverage && (
                      <li key={c.program.id}>
                        <Text size="sm" fw={600} mb={4} className="break-anywhere">
                          {c.program.name}
                        </Text>
                        <CoverageBar coverage={c.coverage} name={c.program.name} best={best.has(i)} />
                      </li>
                    ),
                )}
              </SimpleGrid>
            </>
          )}
        </Stack>
      )}
    </Paper>
  );
}
