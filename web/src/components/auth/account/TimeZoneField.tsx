import { Alert, Button, Group, Select, Stack, Text } from '@mantine/core';
import { IconCircleCheck } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useUpdateAccountSettings, type User } from '../../../api/auth';
import { errorColour, fieldErrorsOf, formErrorOf } from '../forms';

const UTC = 'UTC';

/** Every IANA time zone this browser knows, UTC first. */
function timeZones(): string[] {
  const all = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  return [UTC, ...all.filter((z) => z !== UTC)];
}

function browserTimeZone(): string | null {
  try {
    return new Intl.DateTimeFormat().resolvedOptions().timeZone || null;
  } catch {
    return null;
  }
}

/**
 * The account's time zone: the calendar date "today" is taken in it for deadlines, eligibility
 * dates and the calendar feed. Unset = UTC.
 */
export function TimeZoneField({ user }: { user: User }) {
  const update = useUpdateAccountSettings();
  const [value, setValue] = useState<string>(user.timeZone ?? UTC);
  const [saved, setSaved] = useState(false);
  const options = useMemo(() => {
    const zones = timeZones();
    return value && !zones.includes(value) ? [value, ...zones] : zones;
  }, [value]);
  const browser = browserTimeZone();
  const error = fieldErrorsOf(update.error).timeZone;
  const formError = update.error ? formErrorOf(update.error, ['timeZone']) : null;
  const current = user.timeZone ?? UTC;

  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    update.mutate({ timeZone: value === UTC ? null : value }, { onSuccess: () => setSaved(true) });
  };

  return (
    <form onSubmit={submit} noValidate aria-label="Time zone">
      <Stack gap="xs" maw={480} mt="md">
        <Select
          id="account-timeZone"
          label="Time zone"
          description={`Deadlines and "today" on your dashboard, eligibility dates and your calendar feed use this zone. Now: ${current}.`}
          searchable
          data={options}
          value={value}
          onChange={(v) => {
            setValue(v ?? UTC);
            setSaved(false);
          }}
          allowDeselect={false}
          nothingFoundMessage="No time zone with that name"
          error={error}
          style={errorColour}
          comboboxProps={{ withinPortal: true }}
        />
        {browser && browser !== value && (
          <Text size="sm">
            This browser is in {browser}.{' '}
            <Button variant="subtle" size="compact-sm" onClick={() => setValue(browser)}>
              Use {browser}
            </Button>
          </Text>
        )}
        {formError && (
          <Text c="red.9" size="sm" role="alert">
            {formError}
          </Text>
        )}
        {saved && !update.isPending && (
          <Alert
            color="green"
            variant="light"
            role="status"
            icon={<IconCircleCheck aria-hidden />}
            data-testid="time-zone-saved"
          >
            Time zone saved: {current}.
          </Alert>
        )}
        <Group>
          <Button type="submit" variant="light" loading={update.isPending} disabled={value === current}>
            Save time zone
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
