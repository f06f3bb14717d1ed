/**
 * Asks once for the role of a current job that has none (records from before jobs had roles, or
 * an import): the planner starts from the current job's role. Shown on "My record" and, as a
 * banner, on the dashboard. "Not now" or "None of these" puts the question away for that job in
 * this browser; saving the role answers it for good.
 */
import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useRoles } from '../../api/career';
import type { RecordItem } from '../../api/recordTypes';
import { useMyRecord, useSaveItem } from '../../api/records';
import { RoleField } from '../quickcheck/ItemFields';

const dismissedKey = 'hmp.rolePrompt.dismissed.v1';

function loadDismissed(): string[] {
  try {
    const value: unknown = JSON.parse(window.localStorage.getItem(dismissedKey) ?? '[]');
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
  } catch {
    return [];
  }
}

function saveDismissed(ids: string[]): void {
  try {
    window.localStorage.setItem(dismissedKey, JSON.stringify(ids));
  } catch {
    // Storage disabled: the question comes back next visit.
  }
}

/** The current jobs (no end) without a role that the person has not put away. */
export function jobsWithoutRole(items: readonly RecordItem[], dismissed: readonly string[]): RecordItem[] {
  return items.filter((item) => {
    const data = item.data as { end?: string; role?: string };
    return !data.end && !data.role && !dismissed.includes(item.id);
  });
}

export function CurrentRolePrompt() {
  const record = useMyRecord();
  const roles = useRoles();
  const save = useSaveItem();
  const [dismissed, setDismissed] = useState(loadDismissed);
  const [answer, setAnswer] = useState<{ role?: string; noRole?: boolean }>({});
  const positions = (record.data?.sections.positions ?? []) as RecordItem[];
  const job = jobsWithoutRole(positions, dismissed)[0];
  if (!job || !roles.data) return null;
  const data = job.data as { title: string };

  const putAway = () => {
    const next = [...dismissed, job.id];
    saveDismissed(next);
    setDismissed(next);
    setAnswer({});
  };
  const submit = () => {
    if (!answer.role) {
      putAway();
      return;
    }
    save.mutate(
      { section: 'positions', id: job.id, data: { ...job.data, role: answer.role } },
      { onSuccess: () => setAnswer({}) },
    );
  };

  return (
    <Alert
      color="blue"
      variant="light"
      title={`What is your role as ${data.title}?`}
      data-testid="current-role-prompt"
      withCloseButton
      closeButtonLabel="Not now"
      onClose={putAway}
    >
      <Stack gap="sm">
        <Text size="sm">
          Choose the role from our career map that fits your current job: plans and recommendations start from
          it.
        </Text>
        <RoleField
          job={{ title: data.title, ...answer }}
          onChange={(patch) => setAnswer(patch)}
          field={() => ({ id: `role-prompt-${job.id}`, error: save.error?.message })}
          roles={roles.data.roles}
        />
        <Group gap="sm">
          <Button onClick={submit} loading={save.isPending} disabled={!answer.role && !answer.noRole}>
            {answer.noRole ? 'None of these fits' : 'Save the role'}
          </Button>
          <Button variant="default" onClick={putAway}>
            Not now
          </Button>
        </Group>
      </Stack>
    </Alert>
  );
}
