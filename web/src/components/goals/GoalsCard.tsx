/** "My goals" on My record: the goals form in a section card (anchor `#record-goals`). */
import { Paper, Stack, Text, Title } from '@mantine/core';
import type { ProfileFields } from '../../api/recordTypes';
import { GoalsForm } from './GoalsForm';

export function GoalsCard({ goals }: { goals: ProfileFields['goals'] }) {
  return (
    <Paper
      withBorder
      p={{ base: 'sm', sm: 'md' }}
      component="section"
      aria-labelledby="record-goals-title"
      id="record-goals"
    >
      <Stack gap="sm">
        <div>
          <Title order={2} fz="h3" id="record-goals-title">
            My goals
          </Title>
          <Text size="sm" c="dimmed">
            The role you want and the certifications you are after. Your dashboard opens with them and the
            planner starts from them.
          </Text>
        </div>
        <GoalsForm goals={goals} />
      </Stack>
    </Paper>
  );
}
