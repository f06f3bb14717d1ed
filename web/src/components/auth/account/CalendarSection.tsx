import { Badge, Button, Group, List, Stack, Text } from '@mantine/core';
import { IconCalendarEvent, IconRefresh } from '@tabler/icons-react';
import { useState } from 'react';
import { useCalendarFeed, useDisableCalendarFeed, useEnableCalendarFeed } from '../../../api/auth';
import { PageLoader, QueryError } from '../../QueryState';
import { ConfirmModal } from '../ConfirmModal';
import { SecretReveal } from '../SecretReveal';
import { AccountSection } from './AccountSection';

/** How to subscribe in the common calendar apps (menus as they are named there). */
function HowToSubscribe() {
  return (
    <div>
      <Text size="sm" fw={600}>
        How to subscribe
      </Text>
      <List size="sm" spacing={4} mt={4}>
        <List.Item>
          <b>Google Calendar</b> (on a computer): Other calendars, then +, then From URL; paste the address.
        </List.Item>
        <List.Item>
          <b>Apple Calendar</b>: File, then New Calendar Subscription (on iPhone: Settings, Calendar,
          Accounts, Add Account, Other, Add Subscribed Calendar).
        </List.Item>
        <List.Item>
          <b>Outlook</b>: Add calendar, then Subscribe from web.
        </List.Item>
      </List>
      <Text size="sm" mt={4}>
        Calendar apps refresh a subscription every few hours, so a change can take a while to show.
      </Text>
    </div>
  );
}

/**
 * The calendar feed: renewal deadlines and planned exams at a secret address any calendar app can
 * subscribe to. Turning it on (or getting a new address) shows the address once.
 */
export function CalendarSection() {
  const status = useCalendarFeed();
  const enable = useEnableCalendarFeed();
  const disable = useDisableCalendarFeed();
  const [url, setUrl] = useState<string | null>(null);
  const [confirm, setConfirm] = useState<'rotate' | 'disable' | null>(null);

  const turnOn = () =>
    enable.mutate(undefined, {
      onSuccess: ({ url }) => {
        // Without PUBLIC_URL the server gives the address relative to the app.
        setUrl(new URL(url, window.location.origin).toString());
        setConfirm(null);
        setTimeout(() => document.getElementById('calendar-reveal')?.focus(), 0);
      },
    });
  const closeConfirm = () => {
    setConfirm(null);
    enable.reset();
    disable.reset();
  };

  const enabled = status.data?.enabled === true;
  return (
    <AccountSection
      id="calendar"
      title="Calendar feed"
      intro="Your renewal deadlines and planned exam dates in your own calendar app (iCalendar), kept up to date as your record changes."
    >
      {status.isPending ? (
        <PageLoader label="Checking your calendar feed…" />
      ) : status.isError ? (
        <QueryError
          title="Could not check your calendar feed"
          error={status.error}
          onRetry={() => void status.refetch()}
        />
      ) : (
        <Stack gap="sm">
          <Group gap="xs">
            <Text size="sm">Status:</Text>
            <Badge
              color={enabled ? 'green' : 'gray'}
              variant="light"
              tt="none"
              radius="sm"
              c="var(--mantine-color-text)"
              data-testid="calendar-status"
            >
              {enabled ? 'On' : 'Off'}
            </Badge>
          </Group>
          {url ? (
            <div id="calendar-reveal" tabIndex={-1} style={{ outline: 'none' }}>
              <SecretReveal
                testId="calendar-url"
                title="Your calendar feed address"
                label="Calendar feed address"
                value={url}
                warning="Copy it now: this is the only time it is shown. Anyone with the address can see your deadlines; if it leaks, get a new address."
                onDone={() => {
                  setUrl(null);
                  setTimeout(() => document.getElementById('calendar-title')?.focus(), 0);
                }}
              >
                <HowToSubscribe />
              </SecretReveal>
            </div>
          ) : enabled ? (
            <Text size="sm">
              The feed is on. Its address was shown when you turned it on; if you no longer have it, get a new
              one (the old address then stops working).
            </Text>
          ) : (
            <Text size="sm">The feed is off: no address works.</Text>
          )}
          {!confirm && enable.isError && (
            <Text size="sm" c="red.9" role="alert">
              Could not turn on the feed: {enable.error.message}
            </Text>
          )}
          <Group gap="sm">
            {enabled ? (
              <>
                <Button
                  variant="default"
                  leftSection={<IconRefresh size={16} aria-hidden />}
                  onClick={() => setConfirm('rotate')}
                >
                  Get a new address
                </Button>
                <Button variant="default" onClick={() => setConfirm('disable')}>
                  Turn off
                </Button>
              </>
            ) : (
              <Button
                leftSection={<IconCalendarEvent size={16} aria-hidden />}
                onClick={turnOn}
                loading={enable.isPending}
              >
                Turn on the calendar feed
              </Button>
            )}
          </Group>
        </Stack>
      )}

      <ConfirmModal
        opened={confirm === 'rotate'}
        title="Get a new feed address?"
        confirmLabel="Get a new address"
        loading={enable.isPending}
        error={enable.error?.message ?? null}
        onClose={closeConfirm}
        onConfirm={turnOn}
      >
        <Text size="sm">
          The current address stops working at once: calendars subscribed to it stop updating until you
          subscribe again with the new one.
        </Text>
      </ConfirmModal>
      <ConfirmModal
        opened={confirm === 'disable'}
        title="Turn off the calendar feed?"
        confirmLabel="Turn off"
        loading={disable.isPending}
        error={disable.error?.message ?? null}
        onClose={closeConfirm}
        onConfirm={() =>
          disable.mutate(undefined, {
            onSuccess: () => {
              setUrl(null);
              closeConfirm();
            },
          })
        }
      >
        <Text size="sm">
          The address stops working at once and subscribed calendars stop updating. You can turn the feed on
          again later; it then gets a new address.
        </Text>
      </ConfirmModal>
    </AccountSection>
  );
}
