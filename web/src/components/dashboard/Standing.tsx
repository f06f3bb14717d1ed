/**
 * Where the person stands today, in one line, for pages that change the record ("My record"):
 * refreshed after every change, so eligibility and renewals visibly follow each edit.
 */
import { Anchor, Group, Loader, Text } from '@mantine/core';
import { Link } from 'react-router';
import { useDashboard } from '../../api/records';
import { countText } from '../../lib/format';

export function Standing() {
  const dashboard = useDashboard(undefined);
  const d = dashboard.data;
  if (!d) {
    return dashboard.isPending ? (
      <Group gap="xs">
        <Loader size="xs" aria-hidden />
        <Text size="sm">Working out where you stand…</Text>
      </Group>
    ) : null;
  }
  const count = (status: string) => d.eligibility.results.filter((r) => r.status === status).length;
  const tracked = d.renewals.credentials.filter((c) =>
    ['on_track', 'complete', 'at_risk', 'due', 'lapsed'].includes(c.status),
  );
  const fine = tracked.filter((c) => c.status === 'on_track' || c.status === 'complete').length;
  return (
    <Text size="sm" role="status" aria-live="polite" aria-atomic data-testid="record-standing">
      <Text span inherit fw={600}>
        Today:
      </Text>{' '}
      {count('eligible')} eligible now · {count('eligible_soon')} eligible soon ·{' '}
      {count('needs_more_than_time')} needing more than time
      {tracked.length > 0 && ` · ${fine} of ${countText(tracked.length, 'renewal')} on track`}.{' '}
      {dashboard.isFetching && (
        <Text span inherit c="dimmed">
          Updating…{' '}
        </Text>
      )}
      <Anchor component={Link} to="/dashboard" size="sm">
        Details on your dashboard
      </Anchor>
    </Text>
  );
}
