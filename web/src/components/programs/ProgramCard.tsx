import {
  Anchor,
  Badge,
  Card,
  Checkbox,
  Group,
  SimpleGrid,
  Stack,
  Text,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { Link } from 'react-router';
import type { Program } from '../../api/programs';
import { formatDate } from '../../lib/format';
import { ConfidenceBadge } from '../ConfidenceBadge';
import { ExternalLink } from '../ExternalLink';
import { ExampleBadge } from './ExampleBadge';
import {
  accreditationText,
  ceAcceptedFor,
  ceText,
  costDetail,
  costText,
  durationText,
  formatLabels,
  includedFeatures,
  modalityText,
  UNKNOWN,
  isUnstated,
  unstatedText,
} from './programText';

function Fact({ label, value, detail }: { label: string; value: string; detail?: string | null }) {
  return (
    <div>
      <Text component="dt" size="xs" fw={700} tt="uppercase" c="dimmed">
        {label}
      </Text>
      <Text
        component="dd"
        size="sm"
        m={0}
        fw={isUnstated(value) ? 400 : 500}
        fs={isUnstated(value) ? 'italic' : undefined}
      >
        {value}
        {detail && (
          <Text span size="xs" c="dimmed" display="block">
            {detail}
          </Text>
        )}
      </Text>
    </div>
  );
}

/** One program in the catalog: the facts the compare view shows, and a box to pick it for comparing. */
export function ProgramCard({
  program: p,
  selected,
  selectable,
  onSelect,
  unitLabel,
}: {
  program: Program;
  selected: boolean;
  /** False when four are already picked (and this one is not). */
  selectable: boolean;
  onSelect: (on: boolean) => void;
  unitLabel: (id: string) => string;
}) {
  const features = includedFeatures(p);
  const unknownFeatures = (['capstone', 'practicum', 'mentorship', 'cohort'] as const).filter(
    (f) => p[f] === 'unknown',
  );
  const accepted = ceAcceptedFor(p);
  const titleId = `program-${p.id}`;
  return (
    <Card
      withBorder
      padding="lg"
      radius="md"
      component="article"
      w="100%"
      aria-labelledby={titleId}
      data-testid="program-card"
      data-program-id={p.id}
      style={selected ? { borderColor: 'var(--mantine-primary-color-filled)', borderWidth: 2 } : undefined}
    >
      <Stack gap="sm" h="100%">
        <Group justify="space-between" align="flex-start" wrap="nowrap" gap="sm">
          <div style={{ minWidth: 0 }}>
            <Title order={2} fz="lg" lh={1.35} id={titleId} className="break-anywhere">
              <Anchor component={Link} to={`/programs/${encodeURIComponent(p.id)}`} inherit>
                {p.name}
              </Anchor>
            </Title>
            <Text size="sm">{p.provider}</Text>
          </div>
          <Checkbox
            label="Compare"
            checked={selected}
            disabled={!selected && !selectable}
            onChange={(e) => onSelect(e.currentTarget.checked)}
            aria-label={`Compare ${p.name}`}
            styles={{ label: { paddingLeft: 6 } }}
            style={{ flexShrink: 0 }}
          />
        </Group>
        <Group gap={6}>
          <Badge variant="light" radius="sm" tt="none">
            {formatLabels[p.format]}
          </Badge>
          {p.example && <ExampleBadge size="sm" />}
        </Group>
        <Text size="sm" c="dimmed" lineClamp={2}>
          {p.summary}
        </Text>
        <SimpleGrid component="dl" cols={{ base: 2, xs: 3 }} spacing="sm" verticalSpacing="xs" m={0}>
          <Fact label="Modality" value={modalityText(p)} />
          <Fact label="Accreditation" value={accreditationText(p)} />
          <Fact label="Duration" value={durationText(p)} />
          <Fact label="Cost" value={costText(p)} detail={costDetail(p)} />
          <Fact
            label="CE credit"
            value={ceText(p, unitLabel)}
            detail={accepted.length ? `accepted for ${accepted.join(', ')}` : null}
          />
          <Fact
            label="Features"
            value={
              features.length
                ? features.join(', ')
                : unknownFeatures.length === 4
                  ? unknownFeatures.some((f) => unstatedText(p, f) === UNKNOWN)
                    ? UNKNOWN
                    : 'None stated by the provider'
                  : unknownFeatures.length
                    ? 'None stated'
                    : 'None'
            }
            detail={
              unknownFeatures.length === 4 && p.notPublished
                ? `checked ${formatDate(p.notPublished.checked)}`
                : unknownFeatures.length && unknownFeatures.length < 4
                  ? 'others unknown'
                  : null
            }
          />
        </SimpleGrid>
        <Group justify="space-between" gap="xs" mt="auto" pt="xs">
          <Group gap="xs">
            <ConfidenceBadge confidence={p.confidence} size="sm" />
            <Text size="sm" c="dimmed">
              checked {formatDate(p.verifiedAsOf)}
            </Text>
          </Group>
          {p.sources[0] && (
            <ExternalLink href={p.sources[0].url} size="sm">
              Source
              <VisuallyHidden>{` for ${p.name}`}</VisuallyHidden>
            </ExternalLink>
          )}
        </Group>
      </Stack>
    </Card>
  );
}
