import { Alert, Anchor, List } from '@mantine/core';
import type { DraftProblem } from './profileMapping';

/** Moves focus to a field's input (and so scrolls to it). */
export function focusField(id: string): void {
  document.getElementById(id)?.focus();
}

/**
 * The form's problems that stop an action, each a link to its field. Shown next to the button
 * that was pressed, while any of the problems remain.
 */
export function ProblemSummary({
  title,
  problems,
  fieldId,
  testId,
}: {
  title: string;
  problems: DraftProblem[];
  fieldId: (field: string) => string;
  testId: string;
}) {
  if (problems.length === 0) return null;
  return (
    <Alert color="red" variant="light" title={title} role="alert" data-testid={testId}>
      <List size="sm" spacing={4}>
        {problems.map((p) => (
          <List.Item key={p.field}>
            <Anchor
              component="button"
              type="button"
              size="sm"
              ta="left"
              c="var(--mantine-color-text)"
              underline="always"
              // The bullet lines up with the first line of a message that wraps.
              style={{ verticalAlign: 'top' }}
              onClick={() => focusField(fieldId(p.field))}
            >
              {p.where}: {p.message}
            </Anchor>
          </List.Item>
        ))}
      </List>
    </Alert>
  );
}
