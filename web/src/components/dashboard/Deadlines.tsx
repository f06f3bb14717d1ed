/**
 * Upcoming dates as a timeline: renewal deadlines, applications opening, grace periods ending,
 * planned exams and the day a certification becomes possible. With "Plan an exam" and the list of
 * planned exams (each can be removed).
 */
import { Anchor, Badge, Button, Group, Paper, Stack, Text, Timeline, Title } from '@mantine/core';
import {
  IconCalendarDue,
  IconCalendarEvent,
  IconCertificate,
  IconClockHour4,
  IconDoorEnter,
  IconPlus,
  IconTrash,
} from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router';
import type { Deadline, PlannedExam } from '../../api/recordTypes';
import { useDeletePlannedExam } from '../../api/records';
import type { CertificationSummary } from '../../api/types';
import { formatDate } from '../../lib/format';
import { PlanExamDialog } from './PlanExamDialog';
import { whenText } from './status';

const kindInfo: Record<Deadline['kind'], { label: string; color: string; icon: React.ReactNode }> = {
  renewal_deadline: {
    label: 'Renewal due',
    color: 'orange',
    icon: <IconCalendarDue size={14} aria-hidden />,
  },
  application_opens: {
    label: 'Applications open',
    color: 'blue',
    icon: <IconDoorEnter size={14} aria-hidden />,
  },
  grace_ends: { label: 'Grace period ends', color: 'red', icon: <IconClockHour4 size={14} aria-hidden /> },
  planned_exam: { label: 'Planned exam', color: 'indigo', icon: <IconCalendarEvent size={14} aria-hidden /> },
  eligible_from: { label: 'Eligible from', color: 'green', icon: <IconCertificate size={14} aria-hidden /> },
};

export function Deadlines({
  asOf,
  deadlines,
  plannedExams,
  certifications,
}: {
  asOf: string;
  deadlines: Deadline[];
  plannedExams: PlannedExam[];
  certifications: readonly CertificationSummary[] | undefined;
}) {
  const [planning, setPlanning] = useState(false);
  const remove = useDeletePlannedExam();
  const acronym = new Map((certifications ?? []).map((c) => [c.id.toLowerCase(), c.acronym]));
  const upcomingExams = plannedExams.filter((x) => x.date >= asOf);

  return (
    <Paper
      withBorder
      p={{ base: 'sm', sm: 'md' }}
      component="section"
      aria-labelledby="dash-deadlines"
      id="deadlines"
    >
      <Stack gap="sm">
        <Group justify="space-between" gap="xs">
          <Title order={2} fz="h3" id="dash-deadlines">
            Upcoming dates
          </Title>
          <Button
            variant="light"
            size="xs"
            leftSection={<IconPlus size={14} aria-hidden />}
            onClick={() => setPlanning(true)}
          >
            Plan an exam
          </Button>
        </Group>
        {deadlines.length === 0 ? (
          <Text size="sm" c="dimmed">
            No dates ahead yet. Renewal deadlines appear when you add the credentials you hold with their
            dates; add an exam date you plan with “Plan an exam”.
          </Text>
        ) : (
          <Timeline bulletSize={24} lineWidth={2} active={-1} data-testid="deadline-timeline">
            {deadlines.map((d, i) => {
              const info = kindInfo[d.kind];
              return (
                <Timeline.Item
                  key={`${d.date}-${d.kind}-${d.certification ?? ''}-${i}`}
                  bullet={info.icon}
                  title={
                    <Text span fw={600} size="sm">
                      {d.title}
                    </Text>
                  }
                  data-testid="deadline"
                >
                  <Group gap={6} mt={2}>
                    <Text size="sm">
                      <time dateTime={d.date}>{formatDate(d.date)}</time>{' '}
                      <Text span c="dimmed" inherit>
                        ({whenText(asOf, d.date)})
                      </Text>
                    </Text>
                    <Badge
                      color={info.color}
                      variant="light"
                      tt="none"
                      radius="sm"
                      size="sm"
                      c="var(--mantine-color-text)"
                    >
                      {info.label}
                    </Badge>
                  </Group>
                  {d.detail && (
                    <Text size="xs" c="dimmed" mt={2}>
                      {d.detail}
                    </Text>
                  )}
                  {d.certification && (
                    <Anchor
                      component={Link}
                      to={`/certifications/${encodeURIComponent(d.certification)}`}
                      size="xs"
                    >
                      {acronym.get(d.certification.toLowerCase()) ?? d.certification} rules and dates
                    </Anchor>
                  )}
                </Timeline.Item>
              );
            })}
          </Timeline>
        )}

        {upcomingExams.length > 0 && (
          <div>
            <Text size="sm" fw={600}>
              Your planned exams
            </Text>
            <ul style={{ listStyle: 'none', margin: 0, padding: 0 }}>
              {upcomingExams.map((x) => {
                const name = acronym.get(x.certificationId.toLowerCase()) ?? x.certificationId;
                return (
                  <li key={x.id}>
                    <Group gap="xs" justify="space-between" wrap="nowrap">
                      <Text size="sm">
                        {name} on {formatDate(x.date)}
                        {x.note ? ` — ${x.note}` : ''}
                      </Text>
                      <Button
                        variant="subtle"
                        color="red"
                        c="red.9"
                        size="compact-xs"
                        leftSection={<IconTrash size={12} aria-hidden />}
                        aria-label={`Remove the planned ${name} exam on ${formatDate(x.date)}`}
                        loading={remove.isPending && remove.variables === x.id}
                        onClick={() => remove.mutate(x.id)}
                      >
                        Remove
                      </Button>
                    </Group>
                  </li>
                );
              })}
            </ul>
            {remove.error && (
              <Text size="sm" c="red.9" role="alert">
                Could not remove the planned exam: {remove.error.message}
              </Text>
            )}
          </div>
        )}
      </Stack>
      <PlanExamDialog
        opened={planning}
        onClose={() => setPlanning(false)}
        certifications={certifications}
        asOf={asOf}
      />
    </Paper>
  );
}
