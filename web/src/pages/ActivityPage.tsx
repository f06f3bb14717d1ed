import { Anchor, Button, Group, Paper, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import {
  IconCalendarEvent,
  IconFileText,
  IconKey,
  IconLogin,
  IconPoint,
  IconRoute,
  IconUser,
} from '@tabler/icons-react';
import { useMemo } from 'react';
import { Link } from 'react-router';
import { useApiTokens, useAuditLog, type AuditEvent } from '../api/auth';
import {
  describeActor,
  describeAuditEvent,
  type AuditCategory,
  type TokenNames,
} from '../components/auth/auditText';
import { dayHeading, formatDateTime, formatTime, localDayKey } from '../components/auth/dates';
import { PageLoader, QueryError } from '../components/QueryState';

const icons: Record<AuditCategory, React.ReactNode> = {
  session: <IconLogin size={16} aria-hidden />,
  account: <IconUser size={16} aria-hidden />,
  token: <IconKey size={16} aria-hidden />,
  record: <IconFileText size={16} aria-hidden />,
  calendar: <IconCalendarEvent size={16} aria-hidden />,
  plan: <IconRoute size={16} aria-hidden />,
  other: <IconPoint size={16} aria-hidden />,
};

function EventRow({ event, names }: { event: AuditEvent; names: TokenNames }) {
  const { text, category } = describeAuditEvent(event, names);
  return (
    <li data-testid="activity-event" data-action={event.action}>
      <Group gap="sm" wrap="nowrap" align="flex-start" py={8}>
        <ThemeIcon variant="light" color="gray" size={28} radius="xl" aria-hidden style={{ flexShrink: 0 }}>
          {icons[category]}
        </ThemeIcon>
        <div style={{ minWidth: 0 }}>
          <Text fw={500} className="break-anywhere" data-testid="activity-text">
            {text}
          </Text>
          <Text size="sm" c="dimmed">
            <time dateTime={event.at} title={formatDateTime(event.at)}>
              {formatTime(event.at)}
            </time>{' '}
            · {describeActor(event.actor, names)}
          </Text>
        </div>
      </Group>
    </li>
  );
}

/** /activity (signed in): my audit log, newest first, grouped by day, older pages on request. */
export function ActivityPage() {
  useDocumentTitle('Activity · Healthcare Management Pathways');
  const log = useAuditLog();
  const tokens = useApiTokens();
  const names: TokenNames = useMemo(
    () => new Map((tokens.data?.tokens ?? []).map((t) => [t.id, t.name])),
    [tokens.data],
  );
  const events = useMemo(() => log.data?.pages.flatMap((p) => p.events) ?? [], [log.data]);
  const days = useMemo(() => {
    const out: Array<{ key: string; events: AuditEvent[] }> = [];
    for (const event of events) {
      const key = localDayKey(event.at);
      const last = out[out.length - 1];
      if (last?.key === key) last.events.push(event);
      else out.push({ key, events: [event] });
    }
    return out;
  }, [events]);

  return (
    <Stack gap="lg" maw={900} mx="auto">
      <div>
        <Title order={1}>Activity</Title>
        <Text mt={4}>
          What happened in your account, newest first: sign-ins, changes to your record, and what your API
          tokens did (times in your time zone). Something you do not recognise? Change your password and
          revoke tokens on your{' '}
          <Anchor component={Link} to="/account">
            account page
          </Anchor>
          .
        </Text>
      </div>

      {log.isPending ? (
        <PageLoader label="Loading your activity…" />
      ) : log.isError && events.length === 0 ? (
        <QueryError
          title="Could not load your activity"
          error={log.error}
          onRetry={() => void log.refetch()}
        />
      ) : events.length === 0 ? (
        <Text c="dimmed">Nothing yet.</Text>
      ) : (
        <Stack gap="md">
          {days.map((day) => (
            <Paper
              key={day.key}
              component="section"
              withBorder
              px={{ base: 'sm', sm: 'md' }}
              py="xs"
              aria-labelledby={`day-${day.key}`}
            >
              <Title order={2} fz="md" id={`day-${day.key}`} pt={6}>
                {dayHeading(day.key)}
              </Title>
              <ul style={{ listStyle: 'none', margin: 0, padding: 0 }}>
                {day.events.map((event) => (
                  <EventRow key={event.id} event={event} names={names} />
                ))}
              </ul>
            </Paper>
          ))}
          <Group justify="space-between" gap="sm">
            <Text size="sm" c="dimmed" role="status">
              Showing {events.length} {events.length === 1 ? 'event' : 'events'}
              {log.hasNextPage ? '' : ' — that is everything'}.
            </Text>
            {log.hasNextPage && (
              <Button
                variant="default"
                onClick={() => void log.fetchNextPage()}
                loading={log.isFetchingNextPage}
              >
                Load more
              </Button>
            )}
          </Group>
          {log.isFetchNextPageError && (
            <QueryError
              title="Could not load older activity"
              error={log.error}
              onRetry={() => void log.fetchNextPage()}
            />
          )}
        </Stack>
      )}
    </Stack>
  );
}
