/**
 * The dashboard's first section: the person's own goals. Each target certification with where it
 * stands (the eligibility engine's verdict), its date, what is missing with the person's values,
 * and the next step with the issuer's page; the target role with a link to its plan.
 */
import { Anchor, Badge, Button, Group, List, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconRoute, IconTarget } from '@tabler/icons-react';
import { Link } from 'react-router';
import type { Dashboard } from '../../api/recordTypes';
import { ExternalLink } from '../ExternalLink';
import { longDateText } from '../quickcheck/EligibilityResults';

type Goals = Dashboard['goals'];
type GoalCertification = Goals['certifications'][number];

export const goalStateInfo: Record<GoalCertification['state'], { badge: string; color: string }> = {
  held: { badge: 'You hold it', color: 'teal' },
  eligible: { badge: 'Eligible now', color: 'green' },
  eligible_soon: { badge: 'Eligible soon', color: 'yellow' },
  needs_more_than_time: { badge: 'Needs more than time', color: 'red' },
  unknown: { badge: 'Rules unknown', color: 'gray' },
  not_in_catalog: { badge: 'Not in the catalog', color: 'gray' },
};

function GoalCard({ goal }: { goal: GoalCertification }) {
  const info = goalStateInfo[goal.state];
  const headingId = `goal-${goal.id}`;
  return (
    <Paper
      withBorder
      p="sm"
      component="article"
      aria-labelledby={headingId}
      data-testid="goal-certification"
      data-certification={goal.certification ?? goal.id}
      data-state={goal.state}
      style={{ borderLeft: `4px solid var(--mantine-color-${info.color}-6)` }}
    >
      <Stack gap={6}>
        <Title order={3} fz="md" id={headingId}>
          {goal.certification ? (
            <Anchor
              component={Link}
              to={`/certifications/${encodeURIComponent(goal.certification)}`}
              inherit
              c="var(--mantine-color-text)"
              underline="hover"
            >
              <Text span inherit fw={800}>
                {goal.acronym}
              </Text>{' '}
              — {goal.name}
            </Anchor>
          ) : (
            goal.acronym
          )}
        </Title>
        <Group gap={6}>
          <Badge color={info.color} variant="light" tt="none" radius="sm" c="var(--mantine-color-text)">
            {info.badge}
          </Badge>
          {goal.date && goal.dateLabel && (
            <Text size="sm" fw={600} data-testid="goal-date">
              {goal.dateLabel} {longDateText(goal.date)}
            </Text>
          )}
        </Group>
        {goal.missing.length > 0 && (
          <div>
            <Text size="sm" fw={600}>
              What is missing
            </Text>
            <List size="sm" spacing={2} data-testid="goal-missing">
              {goal.missing.map((m) => (
                <List.Item key={m}>{m}</List.Item>
              ))}
            </List>
          </div>
        )}
        <div data-testid="goal-next-step">
          <Text size="sm" fw={700}>
            Next: {goal.nextStep.title}
          </Text>
          <List size="sm" spacing={2}>
            {goal.nextStep.detail.map((d) => (
              <List.Item key={d}>{d}</List.Item>
            ))}
          </List>
          <Group gap="md" mt={4}>
            {goal.nextStep.external && (
              <ExternalLink href={goal.nextStep.external.url} size="sm">
                {goal.nextStep.external.label}
              </ExternalLink>
            )}
            {goal.nextStep.href && (
              <Anchor component={Link} to={goal.nextStep.href} size="sm">
                {goal.nextStep.href.startsWith('/plan')
                  ? 'Open the plan'
                  : goal.nextStep.href === '/certifications'
                    ? 'Browse the catalog'
                    : `${goal.acronym}'s rules and sources`}
              </Anchor>
            )}
          </Group>
        </div>
      </Stack>
    </Paper>
  );
}

/** Shown when no goal is set: asks for one. */
function NoGoals() {
  return (
    <Stack gap="xs" align="flex-start">
      <Text size="sm" maw={720}>
        Tell us the role you want and the certifications you are after, and this page opens with them: where
        each stands, its date and your next step.
      </Text>
      <Button component={Link} to="/record#record-goals" leftSection={<IconTarget size={16} aria-hidden />}>
        Set my goals
      </Button>
    </Stack>
  );
}

export function GoalsOverview({ goals }: { goals: Goals }) {
  return (
    <Paper
      withBorder
      p={{ base: 'sm', sm: 'md' }}
      component="section"
      aria-labelledby="dash-goals"
      id="goals"
      data-testid="dashboard-goals"
    >
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" gap="xs">
          <Title order={2} fz="h3" id="dash-goals">
            My goals
          </Title>
          {goals.set && (
            <Anchor component={Link} to="/record#record-goals" size="sm" underline="always">
              Change my goals
            </Anchor>
          )}
        </Group>
        {!goals.set && <NoGoals />}
        {goals.role && (
          <Group gap="sm" wrap="wrap" data-testid="goal-role">
            <IconRoute size={20} aria-hidden />
            <Text size="sm">
              Target role:{' '}
              <Text span inherit fw={700}>
                {goals.role.title ?? `${goals.role.id} (not in the catalog)`}
              </Text>
              {goals.by ? ` by ${longDateText(goals.by)}` : ''}.
            </Text>
            {goals.role.title ? (
              <Button component={Link} to={goals.role.planHref} size="compact-sm" variant="light">
                See my plan to {goals.role.title}
              </Button>
            ) : (
              <Anchor component={Link} to="/record#record-goals" size="sm" underline="always">
                Choose a role from the catalog
              </Anchor>
            )}
          </Group>
        )}
        {goals.set && goals.certifications.length === 0 && (
          <Text size="sm" c="dimmed">
            No target certification yet.{' '}
            <Anchor component={Link} to="/record#record-goals" underline="always">
              Add the certifications you want
            </Anchor>{' '}
            to see where each stands.
          </Text>
        )}
        {goals.certifications.length > 0 && (
          <SimpleGrid cols={{ base: 1, md: goals.certifications.length > 1 ? 2 : 1 }} spacing="sm">
            {goals.certifications.map((g) => (
              <GoalCard key={g.id} goal={g} />
            ))}
          </SimpleGrid>
        )}
      </Stack>
    </Paper>
  );
}
