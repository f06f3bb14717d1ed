import {
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  List,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { IconArrowLeft, IconArrowsHorizontal, IconInfoCircle } from '@tabler/icons-react';
import { Link, useParams } from 'react-router';
import { useCatalog } from '../api/queries';
import { useCompetencies, useProgram, type Program } from '../api/programs';
import { ConfidenceBadge, ConfidenceLegend } from '../components/ConfidenceBadge';
import { ExternalLink } from '../components/ExternalLink';
import { PageLoader, QueryError } from '../components/QueryState';
import { ExampleBadge } from '../components/programs/ExampleBadge';
import {
  accreditationHelp,
  accreditationText,
  costDetail,
  costText,
  durationDetail,
  durationText,
  featureIds,
  featureLabels,
  featureText,
  formatLabels,
  MAX_COMPARE,
  modalityText,
  isUnstated,
} from '../components/programs/programText';
import { useCompareSelection } from '../components/programs/selection';
import { formatDate, sourceKindLabels } from '../lib/format';

export function ProgramPage() {
  const { id = '' } = useParams();
  const detail = useProgram(id);
  const program = detail.data?.program;
  useDocumentTitle(`${program?.name ?? 'Program'} · Healthcare Management Pathways`);

  if (detail.isError) {
    return (
      <Stack maw={900} mx="auto">
        <QueryError
          title={
            detail.error.message.startsWith('No program') ? 'Program not found' : 'Could not load the program'
          }
          error={detail.error}
          onRetry={() => void detail.refetch()}
        >
          <Button component={Link} to="/programs" size="xs" variant="default">
            All programs
          </Button>
        </QueryError>
      </Stack>
    );
  }
  if (!program) return <PageLoader label="Loading the program…" />;
  return <ProgramDetailView program={program} />;
}

function Row({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <Table.Tr>
      <Table.Th scope="row" w={180} style={{ verticalAlign: 'top' }}>
        {label}
      </Table.Th>
      <Table.Td>{children}</Table.Td>
    </Table.Tr>
  );
}

function Value({ text, detail }: { text: string; detail?: string | null }) {
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

function ProgramDetailView({ program: p }: { program: Program }) {
  const catalog = useCatalog();
  const competencies = useCompetencies();
  const { selected, toggle } = useCompareSelection();
  const vocabulary = catalog.data?.vocabulary;
  const unitLabel = (id: string) => vocabulary?.creditUnits.find((u) => u.id === id)?.label ?? id;
  const categoryLabel = (id: string) => vocabulary?.ceCategories.find((c) => c.id === id)?.label ?? id;
  const competency = (id: string) => competencies.data?.competencies.find((c) => c.id === id);
  const sourceById = new Map(p.sources.map((s) => [s.id, s]));
  const isSelected = selected.includes(p.id);

  return (
    <Stack gap="lg" maw={1000} mx="auto">
      <Anchor component={Link} to="/programs" size="sm">
        <Group gap={4} component="span" wrap="nowrap">
          <IconArrowLeft size={14} aria-hidden /> All programs
        </Group>
      </Anchor>

      <div>
        <Title order={1} className="break-anywhere">
          {p.name}
        </Title>
        <Text size="lg" mt={4}>
          {p.provider}
        </Text>
        <Group gap="xs" mt="sm">
          <Badge variant="light" radius="sm" tt="none">
            {formatLabels[p.format]}
          </Badge>
          {p.example && <ExampleBadge />}
          <ConfidenceBadge confidence={p.confidence} />
          <Text size="sm" c="dimmed">
            checked {formatDate(p.verifiedAsOf)}
          </Text>
        </Group>
      </div>

      {p.example && (
        <Alert color="orange" variant="light" icon={<IconInfoCircle aria-hidden />} title="An illustration">
          This entry shows how the catalog describes this kind of program. It is not a real offering: do not
          plan on it.
        </Alert>
      )}

      <Text maw={760}>{p.summary}</Text>

      <Group gap="sm">
        {!p.example && <ExternalLink href={p.url}>Provider’s page</ExternalLink>}
        <Button
          variant={isSelected ? 'light' : 'default'}
          size="xs"
          leftSection={<IconArrowsHorizontal size={14} aria-hidden />}
          disabled={!isSelected && selected.length >= MAX_COMPARE}
          onClick={() => toggle(p.id, !isSelected)}
        >
          {isSelected ? 'Remove from comparison' : 'Add to comparison'}
        </Button>
        {selected.length > 0 && (
          <Anchor component={Link} to="/programs" size="sm">
            {selected.length} picked to compare — back to the list
          </Anchor>
        )}
      </Group>

      <Paper withBorder p={0} component="section" aria-labelledby="facts-title">
        <Title order={2} size="h3" id="facts-title" px="md" pt="md" pb="xs">
          At a glance
        </Title>
        <Table.ScrollContainer minWidth={320}>
          <Table verticalSpacing="sm" horizontalSpacing="md">
            <Table.Tbody>
              <Row label="Format">
                <Value text={formatLabels[p.format]} />
              </Row>
              <Row label="Modality">
                <Value text={modalityText(p)} />
              </Row>
              <Row label="Accreditation">
                <Value
                  text={accreditationText(p)}
                  detail={[
                    ...(Array.isArray(p.accreditation)
                      ? p.accreditation.filter((a) => a !== 'none').map((a) => accreditationHelp[a])
                      : []),
                    p.accreditationNote,
                  ]
                    .filter(Boolean)
                    .join(' · ')}
                />
              </Row>
              <Row label="Duration">
                <Value text={durationText(p)} detail={durationDetail(p)} />
              </Row>
              <Row label="Cost">
                <Value text={costText(p)} detail={costDetail(p)} />
              </Row>
              {featureIds.map((f) => (
                <Row key={f} label={featureLabels[f]}>
                  <Value text={featureText(p[f], p, f)} />
                </Row>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Paper>

      <Paper withBorder p="md" component="section" aria-labelledby="ce-title">
        <Title order={2} size="h3" id="ce-title" mb="xs">
          Continuing-education credit
        </Title>
        {p.ce === 'unknown' ? (
          <Text size="sm">Unknown: no page we read says whether it earns CE credit.</Text>
        ) : p.ce === 'none' ? (
          <Text size="sm">None: it earns no continuing-education credit.</Text>
        ) : (
          <List spacing="sm" data-testid="ce-list">
            {p.ce.map((c, i) => (
              <List.Item key={i}>
                <Text size="sm" fw={600}>
                  {c.amount === 'unknown'
                    ? `${unitLabel(c.unit)} (amount unknown)`
                    : `${c.amount} ${unitLabel(c.unit)}`}
                  {c.category ? ` (${categoryLabel(c.category)})` : ''}
                </Text>
                <Text size="sm">
                  Accepted for:{' '}
                  {c.acceptedFor.length
                    ? c.acceptedFor.map((cert, j) => (
                        <span key={cert}>
                          {j > 0 && ', '}
                          <Anchor component={Link} to={`/certifications/${encodeURIComponent(cert)}`}>
                            {cert}
                          </Anchor>
                        </span>
                      ))
                    : 'no certification named'}
                </Text>
                {c.note && (
                  <Text size="xs" c="dimmed">
                    {c.note}
                  </Text>
                )}
              </List.Item>
            ))}
          </List>
        )}
      </Paper>

      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        <Paper withBorder p="md" component="section" aria-labelledby="syllabus-title">
          <Title order={2} size="h3" id="syllabus-title" mb="xs">
            Syllabus topics
          </Title>
          {p.syllabus?.length ? (
            <List spacing={4} size="sm">
              {p.syllabus.map((t) => (
                <List.Item key={t}>{t}</List.Item>
              ))}
            </List>
          ) : (
            <Text size="sm">Unknown: the provider’s topic list was not available.</Text>
          )}
        </Paper>
        <Paper withBorder p="md" component="section" aria-labelledby="competencies-title">
          <Title order={2} size="h3" id="competencies-title" mb={4}>
            Competencies it builds
          </Title>
          <Text size="xs" c="dimmed" mb="xs">
            Our mapping of the syllabus to the competency framework (a judgement).
          </Text>
          <List spacing={4} size="sm" data-testid="competency-list">
            {p.competencies.map((id) => {
              const c = competency(id);
              return (
                <List.Item key={id}>
                  {c ? c.label : id}
                  {c && (
                    <Text span size="xs" c="dimmed">
                      {' '}
                      — {c.description}
                    </Text>
                  )}
                </List.Item>
              );
            })}
          </List>
        </Paper>
      </SimpleGrid>

      <Paper withBorder p="md" component="section" aria-labelledby="sources-title">
        <Title order={2} size="h3" id="sources-title" mb="xs">
          Sources
        </Title>
        <Text size="sm" mb="xs">
          Checked {formatDate(p.verifiedAsOf)}. <ConfidenceBadge confidence={p.confidence} size="sm" />
        </Text>
        <List spacing="xs" size="sm">
          {[...sourceById.values()].map((s) => (
            <List.Item key={s.id}>
              <ExternalLink href={s.url} className="break-anywhere">
                {s.title}
              </ExternalLink>{' '}
              <Text span size="xs" c="dimmed">
                ({sourceKindLabels[s.kind]}
                {s.pageDate ? `, ${s.pageDate}` : ''})
              </Text>
            </List.Item>
          ))}
        </List>
      </Paper>

      <ConfidenceLegend />
    </Stack>
  );
}
