import { Alert, Button, List, Stack, Text } from '@mantine/core';
import { IconLockOpen, IconRoadSign } from '@tabler/icons-react';
import type { Blocker, PlanConstraints } from '../../api/plans';
import { formatDate, formatUsd } from '../../lib/format';
import { constraintLabels } from './planParams';

/**
 * Why no plan meets the constraints: each blocking constraint, what relaxing it alone would give,
 * and a button to relax it.
 */
export function BlockedPanel({
  blocked,
  hasPlans,
  onRelax,
}: {
  blocked: readonly Blocker[];
  hasPlans: boolean;
  onRelax: (constraint: keyof PlanConstraints) => void;
}) {
  return (
    <Alert
      color="yellow"
      variant="light"
      icon={<IconRoadSign aria-hidden />}
      title={hasPlans ? 'Some constraints could not be met' : 'No plan meets your constraints'}
      data-testid="plan-blocked"
    >
      <List spacing="sm" listStyleType="none" ml={0} pl={0}>
        {blocked.map((b) => (
          <List.Item
            key={`${b.constraint}:${b.message}`}
            data-testid="plan-blocker"
            data-constraint={b.constraint}
          >
            <Stack gap={4}>
              <Text size="sm" fw={600}>
                {b.message}
              </Text>
              {b.relaxed && (
                <Text size="sm">
                  Without{' '}
                  {b.constraint in constraintLabels
                    ? constraintLabels[b.constraint as keyof PlanConstraints]
                    : 'it'}
                  : you would reach the role on {formatDate(b.relaxed.reached)} for{' '}
                  {formatUsd(b.relaxed.costUsd)} in published costs
                  {b.constraint !== 'finishBy' && b.relaxed.detail ? ` (${b.relaxed.detail})` : ''}.
                </Text>
              )}
              {b.constraint !== 'path' && (
                <Button
                  size="xs"
                  variant="default"
                  w="fit-content"
                  leftSection={<IconLockOpen size={14} aria-hidden />}
                  onClick={() => onRelax(b.constraint as keyof PlanConstraints)}
                >
                  Relax {constraintLabels[b.constraint as keyof PlanConstraints]}
                </Button>
              )}
            </Stack>
          </List.Item>
        ))}
      </List>
    </Alert>
  );
}
