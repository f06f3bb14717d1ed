import { ActionIcon, Anchor, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import { Link } from 'react-router';
import { useDeletePlan, useSavedPlans } from '../../api/plans';
import { formatDate } from '../../lib/format';

/** The signed-in person's saved plans: open one (re-planned from the record) or delete it. */
export function SavedPlans({
  current,
  onDeleted,
}: {
  current: string | null;
  onDeleted: (id: string) => void;
}) {
  const list = useSavedPlans(true);
  const remove = useDeletePlan();
  const plans = list.data?.plans ?? [];
  return (
    <Paper withBorder p={{ base: 'sm', sm: 'md' }} component="section" aria-labelledby="saved-plans-heading">
      <Stack gap="xs">
        <Title order={2} fz="h4" id="saved-plans-heading">
          Your saved plans
        </Title>
        {list.isPending && <Text size="sm">Loading…</Text>}
        {list.isError && (
          <Text size="sm" c="red.8" role="alert">
            Could not load your saved plans: {list.error.message}
          </Text>
        )}
        {list.isSuccess && plans.length === 0 && (
          <Text size="sm" c="dimmed">
            None yet. Save a plan (or tick a step) to keep it; it is worked out again from your record each
            time you open it.
          </Text>
        )}
        {plans.length > 0 && (
          <Stack
            component="ul"
            gap={4}
            style={{ listStyle: 'none', margin: 0, padding: 0 }}
            data-testid="saved-plans"
          >
            {plans.map((plan) => (
              <Group component="li" key={plan.id} gap="xs" wrap="nowrap" justify="space-between">
                <Text size="sm" style={{ minWidth: 0 }}>
                  <Anchor
                    component={Link}
                    to={`/plan?saved=${encodeURIComponent(plan.id)}${plan.choice ? `&plan=${plan.choice}` : ''}`}
                    aria-current={plan.id === current ? 'page' : undefined}
                    fw={plan.id === current ? 700 : undefined}
                  >
                    {plan.to.title}
                  </Anchor>{' '}
                  <Text span size="xs" c="dimmed">
                    saved {formatDate(plan.createdAt.slice(0, 10))}
                    {plan.done.length ? ` · ${plan.done.length} done` : ''}
                  </Text>
                </Text>
                <ActionIcon
                  variant="subtle"
                  color="gray"
                  aria-label={`Delete the saved plan to ${plan.to.title}`}
                  loading={remove.isPending && remove.variables === plan.id}
                  onClick={() => remove.mutate(plan.id, { onSuccess: () => onDeleted(plan.id) })}
                >
                  <IconTrash size={16} aria-hidden />
                </ActionIcon>
              </Group>
            ))}
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}
