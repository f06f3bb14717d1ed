import { Alert, Button, Checkbox, Group, Paper, Select, Stack, Text, Title } from '@mantine/core';
import { IconHelpCircle } from '@tabler/icons-react';
import { useState } from 'react';
import type { RoleSummary } from '../../api/career';
import { ApiError } from '../../api/client';
import { useQuery } from '@tanstack/react-query';
import { meKeys, recordsApi, useSaveItem } from '../../api/records';
import type { JobWithoutRole } from '../../../../src/services/plan-service';
import { MONTH_NAMES } from '../../../../src/core/dates';
import { roleOptions } from './PlanForm';

/** "2021-03" or "2021-03-15" → "March 2021". */
function formatMonth(iso: string): string {
  const [y, m] = iso.split('-');
  return `${MONTH_NAMES[Number(m) - 1] ?? ''} ${y}`.trim();
}

/** The jobs of a 422 `current_role_unknown` answer, or null for any other error. */
export function currentRoleQuestionOf(error: unknown): JobWithoutRole[] | null {
  if (!(error instanceof ApiError) || error.code !== 'current_role_unknown') return null;
  const jobs = (error.details as { jobs?: unknown } | undefined)?.jobs;
  return Array.isArray(jobs) ? (jobs as JobWithoutRole[]) : [];
}

/**
 * "Which role is your current job?": asked inline when the planner does not know the person's
 * current role. A searchable role picker, suggested from the job's title; signed in, the answer
 * can be saved to that job in the record (so the next plan does not ask again).
 */
export function CurrentRoleQuestion({
  jobs,
  roles,
  signedIn,
  onAnswer,
}: {
  jobs: JobWithoutRole[];
  roles: readonly RoleSummary[];
  signedIn: boolean;
  onAnswer: (roleId: string) => void;
}) {
  const job = jobs[0];
  const suggestion = job?.suggestions[0];
  const [role, setRole] = useState<string | null>(suggestion?.id ?? null);
  const [keep, setKeep] = useState(true);
  const record = useQuery({
    queryKey: meKeys.record,
    queryFn: ({ signal }) => recordsApi.getRecord(signal),
    enabled: signedIn && job !== undefined,
  });
  const saveItem = useSaveItem();
  // The record item of this job (same title and start), to save the role on it.
  const item =
    job && record.data
      ? record.data.sections.positions.find(
          (x) =>
            (x.data as { title?: string }).title === job.title &&
            (x.data as { start?: string }).start === job.start,
        )
      : undefined;
  const canSave = signedIn && item !== undefined;

  const answer = () => {
    if (!role) return;
    if (canSave && keep) {
      saveItem.mutate(
        { section: 'positions', id: item.id, data: { ...(item.data as object), role } },
        { onSuccess: () => onAnswer(role) },
      );
    } else onAnswer(role);
  };

  return (
    <Paper withBorder p={{ base: 'sm', sm: 'md' }} component="section" aria-labelledby="current-role-q">
      <Stack gap="sm">
        <Group gap="xs" wrap="nowrap">
          <IconHelpCircle size={22} aria-hidden />
          <Title order={2} fz="h3" id="current-role-q">
            Which role is your current job?
          </Title>
        </Group>
        <Text size="sm">
          {job ? (
            <>
              The plan starts from the role of your current job, <strong>{job.title}</strong> (since{' '}
              {formatMonth(job.start)}), and {jobs.length > 1 ? 'your current jobs do' : 'it does'} not name
              one yet.
            </>
          ) : (
            <>
              The plan starts from the role you are in now. Your answers hold no current job: choose the role.
            </>
          )}
        </Text>
        {suggestion && (
          <Text size="sm" c="dimmed" data-testid="role-suggestion">
            Suggested from the job title: {suggestion.title}
            {job && job.suggestions.length > 1
              ? ` (or ${job.suggestions
                  .slice(1)
                  .map((s) => s.title)
                  .join(', ')})`
              : ''}
            .
          </Text>
        )}
        <Select
          label="Role of your current job"
          placeholder="Type to search the roles"
          searchable
          nothingFoundMessage="No role matches: try another word"
          data={roleOptions(roles)}
          value={role}
          onChange={setRole}
          maw={420}
          comboboxProps={{ withinPortal: true }}
        />
        {canSave && (
          <Checkbox
            label={`Save this role to “${job!.title}” in my record`}
            checked={keep}
            onChange={(e) => setKeep(e.currentTarget.checked)}
          />
        )}
        {saveItem.error && (
          <Alert color="red" variant="light" role="alert">
            Could not save the role to your record: {saveItem.error.message}
          </Alert>
        )}
        <Group>
          <Button onClick={answer} disabled={!role} loading={saveItem.isPending}>
            Plan from this role
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
