/** Small building blocks of the certification page: source references, conflicts, section frames. */
import { Anchor, Box, Group, Stack, Text, Title } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { Fragment } from 'react';
import type { Confidence, Conflict } from '../../api/types';
import { ConfidenceBadge } from '../ConfidenceBadge';
import { useCertificationView } from './context';

/** "Sources: 1, 4" — numbered links to the Sources section, each named by its title. */
export function SourceRefs({
  ids,
  label = 'Sources',
}: {
  ids: readonly string[] | undefined;
  label?: string;
}) {
  const { sources } = useCertificationView();
  // In the order of the Sources section; ids the entry does not define (a catalog slip) go last.
  const unique = [...new Set(ids ?? [])].sort(
    (a, b) => (sources.get(a)?.number ?? Infinity) - (sources.get(b)?.number ?? Infinity),
  );
  if (unique.length === 0) return null;
  // Say so when no source of the fact is the issuer's own (or its chapter's) page.
  const known = unique.map((id) => sources.get(id)?.source).filter((s) => s !== undefined);
  const onlySecondary =
    known.length > 0 && known.every((s) => s.kind === 'secondary' || s.kind === 'issuer_mirror');
  return (
    <Text size="xs" component="span" c="dimmed">
      {onlySecondary && (
        <Text span size="xs" fw={700} c="red.9" data-testid="secondary-only">
          Secondary sources only, not the issuer&apos;s own page.{' '}
        </Text>
      )}
      {unique.length === 1 && label === 'Sources' ? 'Source' : label}:{' '}
      {unique.map((id, i) => {
        const entry = sources.get(id);
        return (
          <Fragment key={id}>
            {i > 0 && ', '}
            {entry ? (
              <Anchor
                href={`#source-${id}`}
                size="xs"
                title={entry.source.title}
                aria-label={`Source ${entry.number}: ${entry.source.title}`}
                fw={600}
              >
                {entry.number}
              </Anchor>
            ) : (
              <span>{id}</span>
            )}
          </Fragment>
        );
      })}
    </Text>
  );
}

/** Claims from other sources that disagree with the value the catalog uses. */
export function Conflicts({ conflicts }: { conflicts: readonly Conflict[] | undefined }) {
  if (!conflicts?.length) return null;
  return (
    <Stack gap={6}>
      {conflicts.map((c, i) => (
        <Box
          key={i}
          py={6}
          px="sm"
          bg="yellow.0"
          style={{ borderLeft: '3px solid var(--mantine-color-yellow-6)', borderRadius: 4 }}
        >
          <Group gap={6} wrap="nowrap" align="flex-start">
            <IconAlertTriangle size={16} aria-hidden style={{ flexShrink: 0, marginTop: 2 }} />
            <div>
              <Text size="sm">
                <Text span fw={600} inherit>
                  Other sources say:
                </Text>{' '}
                {c.claim}
              </Text>
              {c.note && (
                <Text size="xs" c="dimmed">
                  {c.note}
                </Text>
              )}
              <SourceRefs ids={c.sources} />
            </div>
          </Group>
        </Box>
      ))}
    </Stack>
  );
}

/** Confidence badge and sources of a fact group, on one line. */
export function FactMeta({
  confidence,
  sources,
  showConfidence = true,
}: {
  confidence?: Confidence;
  sources?: readonly string[];
  showConfidence?: boolean;
}) {
  if (!(confidence && showConfidence) && !sources?.length) return null;
  return (
    <Group gap="sm">
      {confidence && showConfidence && <ConfidenceBadge confidence={confidence} size="sm" />}
      <SourceRefs ids={sources} />
    </Group>
  );
}

/** One section of the page: heading, its confidence and sources, note and conflicts, then content. */
export function CertSection({
  id,
  title,
  confidence,
  sources,
  note,
  conflicts,
  alert,
  children,
}: {
  id: string;
  title: string;
  /** Shown first, right under the heading (e.g. "rules unknown"). */
  alert?: React.ReactNode;
  confidence?: Confidence;
  sources?: readonly string[];
  note?: string;
  conflicts?: readonly Conflict[];
  children: React.ReactNode;
}) {
  return (
    <Box component="section" id={id} aria-labelledby={`${id}-title`}>
      <Stack gap="sm">
        <Title order={2} id={`${id}-title`}>
          {title}
        </Title>
        {alert}
        <FactMeta confidence={confidence} sources={sources} />
        {note && <Text size="sm">{note}</Text>}
        <Conflicts conflicts={conflicts} />
        {children}
      </Stack>
    </Box>
  );
}

/** A value the catalog does not have, said plainly. */
export function NotStated() {
  return (
    <Text span inherit c="dimmed" fs="italic">
      not stated
    </Text>
  );
}
