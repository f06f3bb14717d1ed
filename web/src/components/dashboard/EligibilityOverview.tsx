/**
 * My eligibility on the dashboard: every certification grouped as in the quick check (eligible
 * now, eligible soon with the date, needs more than time), each a card linking to the
 * certification's page, with its conditions (the quick check's own list) a click away.
 */
import {
  Anchor,
  Badge,
  Button,
  Collapse,
  Group,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  ThemeIcon,
  Title,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useState } from 'react';
import { Link } from 'react-router';
import type { CertificationResult, EligibilityReport } from '../../api/types';
import { longDateText, PathwayList, statusInfo } from '../quickcheck/EligibilityResults';

type Status = CertificationResult['status'];
const groups: Status[] = ['eligible', 'eligible_soon', 'needs_more_than_time', 'unknown'];
/** Longer groups show this many cards first. */
const SHOW_FIRST = 6;

/** What holds the person back, in the engine's words: the unmet conditions of the closest pathway. */
function missing(r: CertificationResult): string[] {
  const unmet = r.pathways.map((p) => p.conditions.filter((c) => !c.met && c.stage === 'apply'));
  const closest = unmet.filter((u) => u.length > 0).sort((a, b) => a.length - b.length)[0] ?? [];
  return closest.map((c) => c.explanation);
}

function EligibilityCard({ result: r, held }: { result: CertificationResult; held: boolean }) {
  const [opened, { toggle }] = useDisclosure(false);
  const info = statusInfo[r.status];
  const gaps = r.status === 'eligible' ? [] : missing(r);
  const detailsId = `elig-details-${r.certification}`;
  return (
    <Paper
      withBorder
      p="sm"
      component="article"
      data-testid="eligibility-card"
      data-certification={r.certification}
      style={{ borderLeft: `4px solid var(--mantine-color-${info.color}-6)` }}
    >
      <Stack gap={6}>
        <Anchor
          component={Link}
          to={`/certifications/${encodeURIComponent(r.certification)}`}
          fw={600}
          c="var(--mantine-color-text)"
          underline="hover"
        >
          <Text span inherit fw={800}>
            {r.acronym}
          </Text>{' '}
          — {r.name}
        </Anchor>
        <Group gap={6}>
          <Badge color={info.color} variant="light" tt="none" radius="sm" c="var(--mantine-color-text)">
            {r.status === 'eligible_soon' && r.earliestEligible
              ? `${info.badge} from ${longDateText(r.earliestEligible)}`
              : info.badge}
          </Badge>
          {held && (
            <Badge color="gray" variant="light" tt="none" radius="sm" c="var(--mantine-color-text)">
              You hold it
            </Badge>
          )}
        </Group>
        {gaps.length > 0 && (
          <Text size="sm" lineClamp={opened ? undefined : 2}>
            {gaps.join(' ')}
          </Text>
        )}
        {r.pathways.length > 0 && (
          <Group gap="xs">
            <Button
              variant="subtle"
              size="compact-xs"
              onClick={toggle}
              aria-expanded={opened}
              aria-controls={detailsId}
            >
              {opened ? 'Hide the conditions' : 'Show the conditions'}
            </Button>
          </Group>
        )}
        <Collapse expanded={opened} id={detailsId}>
          {opened && (
            <Stack gap="xs">
              <PathwayList result={r} />
              <Text size="xs" c="dimmed">
                {r.notice}
              </Text>
            </Stack>
          )}
        </Collapse>
      </Stack>
    </Paper>
  );
}

function Group_({
  status,
  results,
  held,
}: {
  status: Status;
  results: CertificationResult[];
  held: ReadonlySet<string>;
}) {
  const [showAll, setShowAll] = useState(false);
  const info = statusInfo[status];
  const shown = showAll ? results : results.slice(0, SHOW_FIRST);
  const id = `dash-group-${status}`;
  return (
    <Stack gap="xs" component="section" aria-labelledby={id} data-testid={`eligibility-${status}`}>
      <Group gap="xs">
        <ThemeIcon color={info.color} size={14} radius="xl" aria-hidden>
          <span />
        </ThemeIcon>
        <Title order={3} fz="md" id={id}>
          {info.heading} ({results.length})
        </Title>
      </Group>
      {results.length === 0 ? (
        <Text size="sm" c="dimmed">
          None.
        </Text>
      ) : (
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm" verticalSpacing="sm">
          {shown.map((r) => (
            <EligibilityCard
              key={r.certification}
              result={r}
              held={held.has(r.certification.toLowerCase())}
            />
          ))}
        </SimpleGrid>
      )}
      {results.length > SHOW_FIRST && (
        <Group>
          <Button variant="subtle" size="compact-sm" onClick={() => setShowAll((v) => !v)}>
            {showAll ? 'Show fewer' : `Show all ${results.length}`}
          </Button>
        </Group>
      )}
    </Stack>
  );
}

export function EligibilityOverview({
  report,
  held,
}: {
  report: EligibilityReport;
  /** Certifications the person holds (ids in lower case). */
  held: ReadonlySet<string>;
}) {
  const byStatus = (s: Status) => {
    const results = report.results.filter((r) => r.status === s);
    return s === 'eligible_soon'
      ? [...results].sort((a, b) => (a.earliestEligible ?? '').localeCompare(b.earliestEligible ?? ''))
      : results;
  };
  return (
    <Paper
      withBorder
      p={{ base: 'sm', sm: 'md' }}
      component="section"
      aria-labelledby="dash-eligibility"
      id="eligibility"
    >
      <Stack gap="md">
        <div>
          <Title order={2} fz="h3" id="dash-eligibility">
            My eligibility
          </Title>
          <Text size="sm" c="dimmed">
            What your record allows today, and when time alone will do it. Open a certification for its rules
            and sources; always confirm with the issuing body before you pay a fee.
          </Text>
        </div>
        {groups.map((s) => {
          const results = byStatus(s);
          if (s === 'unknown' && results.length === 0) return null;
          return <Group_ key={s} status={s} results={results} held={held} />;
        })}
      </Stack>
    </Paper>
  );
}
