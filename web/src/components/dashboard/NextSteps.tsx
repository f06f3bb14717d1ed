/** What to do next: the dashboard's suggestions, each with a link to where it is done. */
import { Anchor, Group, Paper, Stack, Text, ThemeIcon, Title, VisuallyHidden } from '@mantine/core';
import {
  IconAlertTriangle,
  IconCalendarPlus,
  IconCertificate,
  IconPencilPlus,
  IconSchool,
} from '@tabler/icons-react';
import { Link } from 'react-router';
import type { NextStep } from '../../api/recordTypes';

const kindIcon: Record<NextStep['kind'], { icon: React.ReactNode; color: string }> = {
  add_record: { icon: <IconPencilPlus size={16} aria-hidden />, color: 'indigo' },
  renew: { icon: <IconAlertTriangle size={16} aria-hidden />, color: 'orange' },
  apply: { icon: <IconCertificate size={16} aria-hidden />, color: 'green' },
  prepare: { icon: <IconSchool size={16} aria-hidden />, color: 'yellow' },
  plan_exam: { icon: <IconCalendarPlus size={16} aria-hidden />, color: 'indigo' },
};

function linkText(step: NextStep): string {
  if (step.href === '/record' || step.href?.startsWith('/record#')) return 'Go to my record';
  if (step.href?.startsWith('/certifications/')) return 'See the rules';
  return 'Open';
}

export function NextSteps({ steps }: { steps: NextStep[] }) {
  return (
    <Paper
      withBorder
      p={{ base: 'sm', sm: 'md' }}
      component="section"
      aria-labelledby="dash-next"
      id="next-steps"
    >
      <Stack gap="sm">
        <Title order={2} fz="h3" id="dash-next">
          What to do next
        </Title>
        {steps.length === 0 ? (
          <Text size="sm" c="dimmed">
            Nothing pressing. Keep your record up to date as you take courses and change jobs.
          </Text>
        ) : (
          <Stack component="ol" gap="sm" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
            {steps.map((step, i) => {
              const kind = kindIcon[step.kind] ?? kindIcon.add_record;
              return (
                <li key={`${step.kind}-${i}`} data-testid="next-step">
                  <Group gap="sm" wrap="nowrap" align="flex-start">
                    <ThemeIcon color={kind.color} variant="light" size={28} radius="xl" aria-hidden>
                      {kind.icon}
                    </ThemeIcon>
                    <div style={{ minWidth: 0 }}>
                      <Text fw={600} size="sm">
                        {step.title}
                      </Text>
                      <Text size="sm" c="dimmed">
                        {step.detail}
                      </Text>
                      {step.href && (
                        <Anchor component={Link} to={step.href} size="sm">
                          {linkText(step)}
                          <VisuallyHidden> for “{step.title}”</VisuallyHidden>
                        </Anchor>
                      )}
                    </div>
                  </Group>
                </li>
              );
            })}
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}
