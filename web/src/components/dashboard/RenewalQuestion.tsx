/**
 * "Did you renew your CPHQ by 31 Dec 2026?": asked on a renewal card when a cycle could already
 * have been renewed and the record does not say so. The answer is kept on the credential itself
 * (its expiry date, and `lapsed` when it was not renewed in time), so the question is not asked
 * again and every screen, the calendar and the planner use the real dates.
 */
import { Button, Group, Paper, Text } from '@mantine/core';
import { useState } from 'react';
import type { RenewalQuestion as Question } from '../../../../src/core/renewal';
import { useSaveItem } from '../../api/records';
import { formatDate } from '../../lib/format';

export function RenewalQuestion({
  question,
  record,
  acronym,
}: {
  question: Question;
  record: { id: string; data: Record<string, unknown> };
  acronym: string;
}) {
  const save = useSaveItem();
  const [error, setError] = useState<string | null>(null);
  const answer = (patch: { expires: string; status: string }) => {
    setError(null);
    save.mutate(
      { section: 'credentials', id: record.id, data: { ...record.data, ...patch } },
      { onError: (e) => setError(e instanceof Error ? e.message : 'The answer could not be saved.') },
    );
  };
  const headingId = `renewed-${record.id}`;
  return (
    // A plain box: Mantine's Alert would replace the group's name with its own title's.
    <Paper
      withBorder
      p="sm"
      bg="var(--mantine-color-blue-light)"
      role="group"
      aria-labelledby={headingId}
      data-testid="renewal-question"
    >
      <Text id={headingId} size="sm" fw={700}>
        {question.question}
      </Text>
      <Text size="sm" mt={4}>
        Your record does not say. Your answer is saved with your {acronym}: &ldquo;Yes&rdquo; records it as
        valid through {formatDate(question.ifYes.expires)}
        {question.ifNo
          ? `; “No” records that it ${question.ifNo.status === 'lapsed' ? 'lapsed' : 'expired'} on ${formatDate(question.ifNo.expires)}.`
          : '; if you have not renewed yet, the late renewal period is still open.'}
      </Text>
      <Group gap="xs" mt="xs">
        <Button size="xs" loading={save.isPending} onClick={() => answer(question.ifYes)}>
          Yes, I renewed
        </Button>
        {question.ifNo && (
          <Button
            size="xs"
            variant="default"
            disabled={save.isPending}
            onClick={() => answer(question.ifNo!)}
          >
            No
          </Button>
        )}
      </Group>
      {error && (
        <Text size="sm" c="red.8" mt={4} role="alert">
          {error}
        </Text>
      )}
    </Paper>
  );
}
