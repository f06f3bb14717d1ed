import {
  Accordion,
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  List,
  MultiSelect,
  Paper,
  Stack,
  Text,
  ThemeIcon,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { IconCheck, IconQuestionMark, IconX } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import type { CertificationResult, EligibilityReport, Vocabulary } from '../../api/types';
import { formatDate } from '../../lib/format';

type Status = CertificationResult['status'];

/** The result groups, in order, with their colours: green eligible, yellow soon, red/grey needs more. */
export const statusInfo: Record<Status, { heading: string; color: string; badge: string }> = {
  eligible: { heading: 'Eligible now', color: 'green', badge: 'Eligible now' },
  eligible_soon: { heading: 'Eligible soon', color: 'yellow', badge: 'Eligible soon' },
  needs_more_than_time: { heading: 'Needs more than time', color: 'red', badge: 'Needs more than time' },
  unknown: { heading: 'Rules unknown', color: 'gray', badge: 'Rules unknown' },
};
const statusOrder: Status[] = ['eligible', 'eligible_soon', 'needs_more_than_time', 'unknown'];

const longDate = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});

/** "2028-03-12" -> "12 March 2028". */
export function longDateText(iso: string): string {
  const d = new Date(`${iso}T00:00:00Z`);
  return Number.isNaN(d.getTime()) ? iso : longDate.format(d);
}

interface Props {
  report: EligibilityReport;
  vocabulary: Vocabulary | undefined;
  /** Focus areas of each certification, by certification id. */
  focusAreas: Map<string, string[]>;
  /** Opens a section of the form not answered yet (a condition reads "not asked yet"). */
  onAsk?: (section: string) => void;
}

/** What the "add …" button of a condition not asked yet says, by profile section. */
export const askLabels: Record<string, string> = {
  education: 'Add your degrees',
  positions: 'Add your jobs',
  credentials: 'Add your licences and certifications',
  ce: 'Add your continuing education',
  memberships: 'Add your memberships',
  projects: 'Add your projects',
  volunteering: 'Add your volunteer work',
  attestations: 'Answer the statements only you can confirm',
};

/** Parts of the profile the check did not use (a credential the catalog does not know), as the server lists them. */
export function ignoredOf(report: EligibilityReport): Array<{ path: string; message: string }> {
  const ignored = (report as { ignored?: unknown }).ignored;
  if (!Array.isArray(ignored)) return [];
  return ignored
    .filter((i): i is Record<string, unknown> => typeof i === 'object' && i !== null)
    .map((i) => ({ path: String(i.path ?? ''), message: String(i.message ?? '') }));
}

export function EligibilityResults({ report, vocabulary, focusAreas, onAsk }: Props) {
  const [focus, setFocus] = useState<string[]>([]);
  const focusOptions = useMemo(() => {
    const used = new Set(report.results.flatMap((r) => focusAreas.get(r.certification) ?? []));
    return (vocabulary?.focusAreas ?? [])
      .filter((f) => used.has(f.id))
      .map((f) => ({ value: f.id, label: f.label }));
  }, [report, vocabulary, focusAreas]);
  const ignored = ignoredOf(report);
  const shown = report.results.filter(
    (r) => focus.length === 0 || (focusAreas.get(r.certification) ?? []).some((f) => focus.includes(f)),
  );

  return (
    <Stack gap="lg" component="section" aria-labelledby="qc-results">
      <div>
        <Title order={2} id="qc-results">
          Your results
        </Title>
        <Text size="sm" c="dimmed">
          As of {formatDate(report.asOf)}. Always confirm with the issuing body before you apply.
        </Text>
      </div>
      {ignored.length > 0 && (
        <Alert color="yellow" variant="light" title="Not counted in this check" data-testid="ignored">
          <Text size="sm">These are kept in your profile, but the catalog does not know how they count:</Text>
          <List size="sm" mt={4}>
            {ignored.map((i) => (
              <List.Item key={i.path}>
                <Text span ff="monospace" size="sm">
                  {i.path}
                </Text>
                : {i.message}
              </List.Item>
            ))}
          </List>
        </Alert>
      )}
      <MultiSelect
        label="Focus area"
        placeholder={focus.length ? undefined : 'Any focus area'}
        data={focusOptions}
        value={focus}
        onChange={setFocus}
        clearable
        clearButtonProps={{ 'aria-label': 'Clear focus areas' }}
        maw={480}
      />
      {statusOrder.map((status) => {
        const results = shown.filter((r) => r.status === status);
        if (results.length === 0) return null;
        const id = `qc-group-${status}`;
        return (
          <Stack
            key={status}
            gap="sm"
            component="section"
            aria-labelledby={id}
            data-testid={`group-${status}`}
          >
            <Group gap="xs">
              <ThemeIcon color={statusInfo[status].color} size={14} radius="xl" aria-hidden>
                <span />
              </ThemeIcon>
              <Title order={3} id={id} fz="h3">
                {statusInfo[status].heading} ({results.length})
              </Title>
            </Group>
            <Accordion variant="separated" multiple chevronPosition="right" order={4}>
              {results.map((r) => (
                <ResultCard key={r.certification} result={r} onAsk={onAsk} />
              ))}
            </Accordion>
          </Stack>
        );
      })}
      {shown.length === 0 && <Text>No certification in the chosen focus areas.</Text>}
    </Stack>
  );
}

function ResultCard({
  result: r,
  onAsk,
}: {
  result: CertificationResult;
  onAsk?: (section: string) => void;
}) {
  const info = statusInfo[r.status];
  const when =
    r.status === 'eligible_soon' && r.earliestEligible
      ? `from ${longDateText(r.earliestEligible)}`
      : undefined;
  return (
    <Accordion.Item
      value={r.certification}
      data-testid="result-card"
      style={{ borderLeft: `4px solid var(--mantine-color-${info.color}-6)` }}
    >
      <Accordion.Control>
        <Group gap="xs" justify="space-between" wrap="wrap">
          {/* The name takes the room left by the badge, which drops below it only at phone width. */}
          <Text span fw={600} style={{ flex: '1 1 16rem' }}>
            <Text span inherit fw={800}>
              {r.acronym}
            </Text>{' '}
            — {r.name}
          </Text>
          <Badge color={info.color} variant="light" tt="none" radius="sm" c="var(--mantine-color-text)">
            {when ? `${info.badge} ${when}` : info.badge}
          </Badge>
        </Group>
      </Accordion.Control>
      <Accordion.Panel>
        <Stack gap="sm">
          {r.notAsked && r.notAsked.length > 0 && (
            <Text size="sm" data-testid="not-asked-summary">
              This answer is not final: the check has not asked for{' '}
              {r.notAsked.map((s) => askLabels[s]?.replace(/^Add your |^Answer /, '') ?? s).join(', ')} yet.
            </Text>
          )}
          <PathwayList result={r} onAsk={onAsk} />
          <Text size="sm" c="dimmed">
            {r.notice}
          </Text>
          <Anchor href={r.url} target="_blank" rel="noreferrer" size="sm">
            Confirm on the issuing body's page (opens in a new tab)
          </Anchor>
        </Stack>
      </Accordion.Panel>
    </Accordion.Item>
  );
}

/** Each pathway of a result with its conditions, met or not, in the engine's own words. */
export function PathwayList({
  result: r,
  onAsk,
}: {
  result: CertificationResult;
  /** Given, a condition not asked yet gets a button that opens its section. */
  onAsk?: (section: string) => void;
}) {
  return (
    <>
      {r.pathways.map((p) => (
        <Paper key={p.id} withBorder p="sm" radius="sm">
          <Text fw={600} size="sm">
            {p.label}:{' '}
            {p.eligible
              ? 'met'
              : p.earliestEligible
                ? `met from ${longDateText(p.earliestEligible)}`
                : 'not met'}
          </Text>
          <List spacing={4} size="sm" mt={4} listStyleType="none" pl={0}>
            {p.conditions.map((c, i) => (
              <List.Item
                key={c.id ?? i}
                data-not-asked={c.notAsked ? 'true' : undefined}
                icon={
                  <ThemeIcon
                    color={c.met ? 'green' : c.notAsked ? 'gray' : 'red'}
                    size={18}
                    radius="xl"
                    aria-hidden
                  >
                    {c.met ? (
                      <IconCheck size={12} />
                    ) : c.notAsked ? (
                      <IconQuestionMark size={12} />
                    ) : (
                      <IconX size={12} />
                    )}
                  </ThemeIcon>
                }
              >
                <VisuallyHidden>
                  {c.met ? 'Met (✓): ' : c.notAsked ? 'Not asked yet (?): ' : 'Not met (✗): '}
                </VisuallyHidden>
                {c.explanation}
                {c.stage === 'certification' && ' (needed before the award)'}
                {c.notAsked && c.section && onAsk && (
                  <Button size="compact-xs" variant="light" ml="xs" onClick={() => onAsk(c.section!)}>
                    {askLabels[c.section] ?? 'Answer it'}
                  </Button>
                )}
              </List.Item>
            ))}
          </List>
        </Paper>
      ))}
      {r.pathways.length === 0 && (
        <Text size="sm">The catalog does not know this certification's rules yet.</Text>
      )}
    </>
  );
}
