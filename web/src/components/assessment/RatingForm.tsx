/**
 * Rating oneself 1–5 per competency, domain by domain (one accordion panel per domain). The
 * competencies the chosen role targets come first with their target level; the others are
 * optional and folded away.
 */
import {
  Accordion,
  Anchor,
  Badge,
  Button,
  Collapse,
  Group,
  Paper,
  Radio,
  Stack,
  Table,
  Text,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { IconChevronDown, IconChevronRight } from '@tabler/icons-react';
import { useState } from 'react';
import type { CompetencyFramework, FrameworkCompetency, Ratings, ScaleLevel } from '../../api/career';

export type Targets = Record<string, { level: number; judgement?: boolean }>;

/** The five levels with their names and meanings; levels that are our wording are marked. */
export function ScaleLegend({ scale }: { scale: readonly ScaleLevel[] }) {
  return (
    <Table
      captionSide="top"
      verticalSpacing={4}
      fz="sm"
      data-testid="scale-legend"
      aria-label="The rating scale"
    >
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col" w={48}>
            Level
          </Table.Th>
          <Table.Th scope="col">Meaning</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {scale.map((s) => (
          <Table.Tr key={s.level}>
            <Table.Th scope="row" fz="md">
              {s.level}
            </Table.Th>
            <Table.Td>
              <Text span fw={600} fz="sm">
                {s.name}
              </Text>
              {s.judgement && (
                <Badge
                  ml={6}
                  size="xs"
                  variant="light"
                  color="gray"
                  c="var(--mantine-color-text)"
                  title={s.note}
                >
                  our wording
                </Badge>
              )}
              <Text fz="sm">{s.meaning}</Text>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

function CompetencyRating({
  competency,
  scale,
  rating,
  target,
  onRate,
}: {
  competency: FrameworkCompetency;
  scale: readonly ScaleLevel[];
  rating: number | undefined;
  target: { level: number; judgement?: boolean } | undefined;
  onRate: (rating: number | null) => void;
}) {
  const chosen = scale.find((s) => s.level === rating);
  return (
    <Paper withBorder p="sm" data-testid="competency-rating" data-competency={competency.id}>
      <Radio.Group
        value={rating === undefined ? null : String(rating)}
        onChange={(v) => onRate(Number(v))}
        label={competency.label}
        description={competency.description}
        styles={{ label: { fontWeight: 600 } }}
      >
        <Group justify="space-between" align="center" mt={6} gap="xs">
          <Group gap="md" wrap="nowrap">
            {scale.map((s) => (
              <Radio
                key={s.level}
                value={String(s.level)}
                label={
                  <>
                    {s.level}
                    <VisuallyHidden> {s.name}</VisuallyHidden>
                  </>
                }
                title={`${s.level} · ${s.name}`}
              />
            ))}
          </Group>
          <Group gap={6}>
            {target ? (
              <Badge variant="light" color="indigo" c="var(--mantine-color-text)" data-testid="target-level">
                Target {target.level}
                {target.judgement ? '*' : ''}
              </Badge>
            ) : (
              <Badge variant="outline" color="gray" c="var(--mantine-color-text)">
                Optional
              </Badge>
            )}
          </Group>
        </Group>
      </Radio.Group>
      <Group gap="xs" mt={4} mih={28}>
        <Text fz="sm" c={chosen ? undefined : 'dimmed'} data-testid="rating-text">
          {chosen ? `${chosen.level} · ${chosen.name}` : 'Not rated'}
        </Text>
        {rating !== undefined && (
          <Button
            variant="subtle"
            size="compact-xs"
            onClick={() => onRate(null)}
            aria-label={`Clear the rating of ${competency.label}`}
          >
            Clear
          </Button>
        )}
      </Group>
    </Paper>
  );
}

function DomainPanel({
  competencies,
  scale,
  ratings,
  targets,
  onRate,
  domainName,
}: {
  competencies: FrameworkCompetency[];
  scale: readonly ScaleLevel[];
  ratings: Ratings;
  targets: Targets | null;
  onRate: (competency: string, rating: number | null) => void;
  domainName: string;
}) {
  const targeted = targets ? competencies.filter((c) => targets[c.id]) : competencies;
  const optional = targets ? competencies.filter((c) => !targets[c.id]) : [];
  const optionalRated = optional.some((c) => ratings[c.id] !== undefined);
  const [showOptional, setShowOptional] = useState(optionalRated);
  const row = (c: FrameworkCompetency) => (
    <CompetencyRating
      key={c.id}
      competency={c}
      scale={scale}
      rating={ratings[c.id]}
      target={targets?.[c.id]}
      onRate={(r) => onRate(c.id, r)}
    />
  );
  return (
    <Stack gap="xs">
      {targeted.length === 0 && targets && (
        <Text fz="sm" c="dimmed">
          The role you chose targets none of these competencies.
        </Text>
      )}
      {targeted.map(row)}
      {optional.length > 0 && (
        <>
          <Anchor
            component="button"
            type="button"
            fz="sm"
            fw={600}
            onClick={() => setShowOptional((v) => !v)}
            aria-expanded={showOptional}
            style={{ alignSelf: 'flex-start', textAlign: 'left' }}
          >
            {showOptional ? (
              <IconChevronDown size={16} aria-hidden style={{ verticalAlign: 'middle', marginRight: 4 }} />
            ) : (
              <IconChevronRight size={16} aria-hidden style={{ verticalAlign: 'middle', marginRight: 4 }} />
            )}
            {showOptional ? 'Hide' : 'Show'} {optional.length} more in {domainName}, not targeted by this role
            (optional)
          </Anchor>
          <Collapse expanded={showOptional}>
            <Stack gap="xs">{optional.map(row)}</Stack>
          </Collapse>
        </>
      )}
    </Stack>
  );
}

/** The whole rating form: one accordion panel per domain, each saying how many are rated. */
export function RatingForm({
  framework,
  ratings,
  targets,
  onRate,
}: {
  framework: CompetencyFramework;
  ratings: Ratings;
  targets: Targets | null;
  onRate: (competency: string, rating: number | null) => void;
}) {
  const [open, setOpen] = useState<string[]>([framework.domains[0]?.id ?? '']);
  return (
    <Stack gap="sm">
      <Title order={3} fz="h4">
        Rate yourself, domain by domain
      </Title>
      <Accordion multiple value={open} onChange={setOpen} variant="separated" chevronPosition="left">
        {framework.domains.map((domain) => {
          const competencies = framework.competencies.filter((c) => c.domain === domain.id);
          const counted = targets ? competencies.filter((c) => targets[c.id]) : competencies;
          const rated = counted.filter((c) => ratings[c.id] !== undefined).length;
          return (
            <Accordion.Item
              key={domain.id}
              value={domain.id}
              data-testid="domain-panel"
              data-domain={domain.id}
            >
              <Accordion.Control>
                <Group justify="space-between" gap="xs" wrap="nowrap">
                  <Text fw={600}>{domain.name}</Text>
                  <Text fz="sm" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                    {rated} of {counted.length} rated
                  </Text>
                </Group>
              </Accordion.Control>
              <Accordion.Panel>
                <Text fz="sm" mb="xs">
                  {domain.description}
                </Text>
                <DomainPanel
                  competencies={competencies}
                  scale={framework.scale}
                  ratings={ratings}
                  targets={targets}
                  onRate={onRate}
                  domainName={domain.name}
                />
              </Accordion.Panel>
            </Accordion.Item>
          );
        })}
      </Accordion>
    </Stack>
  );
}
