import { Anchor, Button, Grid, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { IconBriefcase, IconChecklist, IconUpload } from '@tabler/icons-react';
import { Link, useSearchParams } from 'react-router';
import { ApiError } from '../api/client';
import { CurrentRolePrompt } from '../components/record/CurrentRolePrompt';
import { useCertificationList } from '../api/queries';
import type { Dashboard } from '../api/recordTypes';
import { useDashboard } from '../api/records';
import { Deadlines } from '../components/dashboard/Deadlines';
import { EligibilityOverview } from '../components/dashboard/EligibilityOverview';
import { NextSteps } from '../components/dashboard/NextSteps';
import { RenewalCard } from '../components/dashboard/RenewalCard';
import { GoalsOverview } from '../components/goals/GoalsOverview';
import { renewalStatusInfo } from '../components/dashboard/status';
import { PageLoader, QueryError } from '../components/QueryState';
import { statusInfo } from '../components/quickcheck/EligibilityResults';
import { SignInNeeded } from '../components/record/SignInNeeded';
import { formatDate } from '../lib/format';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** A figure at the top of the dashboard, linking to the section that explains it. */
function Stat({ label, value, color, href }: { label: string; value: string; color: string; href: string }) {
  return (
    <Paper
      withBorder
      p="sm"
      component="a"
      href={href}
      style={{
        borderTop: `4px solid var(--mantine-color-${color}-6)`,
        textDecoration: 'none',
        color: 'inherit',
      }}
      data-testid="dashboard-stat"
    >
      <Text fz={28} fw={700} lh={1.1}>
        {value}
      </Text>
      <Text size="sm">{label}</Text>
    </Paper>
  );
}

function Stats({ dashboard }: { dashboard: Dashboard }) {
  const count = (s: string) => dashboard.eligibility.results.filter((r) => r.status === s).length;
  const tracked = dashboard.renewals.credentials.filter((c) =>
    ['on_track', 'complete', 'at_risk', 'due', 'lapsed'].includes(c.status),
  );
  const fine = tracked.filter((c) => c.status === 'on_track' || c.status === 'complete').length;
  return (
    <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm" component="section" aria-label="At a glance">
      <Stat
        label={statusInfo.eligible.heading}
        value={String(count('eligible'))}
        color="green"
        href="#eligibility"
      />
      <Stat
        label={statusInfo.eligible_soon.heading}
        value={String(count('eligible_soon'))}
        color="yellow"
        href="#eligibility"
      />
      <Stat
        label={statusInfo.needs_more_than_time.heading}
        value={String(count('needs_more_than_time'))}
        color="red"
        href="#eligibility"
      />
      <Stat
        label={tracked.length ? 'Renewals on track' : 'Renewals tracked'}
        value={tracked.length ? `${fine} of ${tracked.length}` : '0'}
        color={tracked.length === fine ? 'green' : 'yellow'}
        href="#renewals"
      />
    </SimpleGrid>
  );
}

function EmptyRecord() {
  return (
    <Paper withBorder p={{ base: 'md', sm: 'xl' }} data-testid="dashboard-empty">
      <Stack gap="sm" align="flex-start">
        <Title order={2} fz="h3">
          Your record is empty
        </Title>
        <Text maw={640}>
          Add your jobs, degrees and the credentials you hold, and this page shows which certifications you
          can apply for, when the others become possible, and whether you are on track to renew what you hold.
        </Text>
        <Group gap="sm">
          <Button
            component={Link}
            to="/record#record-positions"
            leftSection={<IconBriefcase size={16} aria-hidden />}
          >
            Add your first job
          </Button>
          <Button
            component={Link}
            to="/record/import"
            variant="default"
            leftSection={<IconUpload size={16} aria-hidden />}
          >
            Import a profile file
          </Button>
          <Button
            component={Link}
            to="/record/import?from=quick-check"
            variant="default"
            leftSection={<IconChecklist size={16} aria-hidden />}
          >
            Bring my quick check answers
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

function Renewals({ dashboard }: { dashboard: Dashboard }) {
  const credentials = [...dashboard.renewals.credentials].sort(
    (a, b) => renewalStatusInfo[a.status].order - renewalStatusInfo[b.status].order,
  );
  return (
    <Paper
      withBorder
      p={{ base: 'sm', sm: 'md' }}
      component="section"
      aria-labelledby="dash-renewals"
      id="renewals"
    >
      <Stack gap="sm">
        <div>
          <Title order={2} fz="h3" id="dash-renewals">
            My credentials
          </Title>
          <Text size="sm" c="dimmed">
            Continuing education earned in each credential's current cycle against what its renewal asks.
          </Text>
        </div>
        {credentials.length === 0 ? (
          <Text size="sm">
            You have not added a credential you hold.{' '}
            <Anchor component={Link} to="/record#record-credentials">
              Add one to your record
            </Anchor>{' '}
            to see its renewal deadline and progress.
          </Text>
        ) : (
          credentials.map((c) => <RenewalCard key={c.credential} renewal={c} />)
        )}
      </Stack>
    </Paper>
  );
}

/** /dashboard: where I stand: renewals, upcoming dates, eligibility and what to do next. */
export function DashboardPage() {
  useDocumentTitle('Dashboard · Healthcare Management Pathways');
  const [params] = useSearchParams();
  const asOfParam = params.get('asOf');
  const asOf = asOfParam && DAY.test(asOfParam) ? asOfParam : undefined;
  const dashboard = useDashboard(asOf);
  const certifications = useCertificationList({});

  if (dashboard.error instanceof ApiError && dashboard.error.status === 401)
    return <SignInNeeded what="your dashboard" />;

  const d = dashboard.data;
  const empty = d && d.counts.positions + d.counts.education + d.counts.credentials + d.counts.ce === 0;

  return (
    <Stack gap="lg" maw={1200} mx="auto">
      <div>
        <Title order={1}>Dashboard</Title>
        <Text mt={4} maw={720}>
          Where you stand today: your goals first, then renewals of what you hold, the dates ahead, and the
          certifications your record allows.{' '}
          {d && (
            <Text span inherit fw={600} data-testid="dashboard-as-of">
              As of {formatDate(d.asOf)}
              {asOf ? ' (a date you chose)' : ''}.
            </Text>
          )}{' '}
          {asOf && (
            <Anchor component={Link} to="/dashboard">
              Show today instead
            </Anchor>
          )}
        </Text>
      </div>

      {d && <CurrentRolePrompt />}

      {dashboard.isPending && <PageLoader label="Working out where you stand…" />}
      {dashboard.error && !(dashboard.error instanceof ApiError && dashboard.error.status === 401) && (
        <QueryError
          title="Could not load your dashboard"
          error={dashboard.error}
          onRetry={() => void dashboard.refetch()}
        />
      )}

      {d && <GoalsOverview goals={d.goals} />}

      {d && empty && (
        <Grid gap="lg">
          <Grid.Col span={{ base: 12, md: 8 }}>
            <EmptyRecord />
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 4 }}>
            <NextSteps steps={d.nextSteps} />
          </Grid.Col>
        </Grid>
      )}

      {d && !empty && (
        <>
          <Stats dashboard={d} />
          <Grid gap="lg">
            <Grid.Col span={{ base: 12, md: 8 }}>
              <Renewals dashboard={d} />
            </Grid.Col>
            <Grid.Col span={{ base: 12, md: 4 }}>
              <NextSteps steps={d.nextSteps} />
            </Grid.Col>
            <Grid.Col span={{ base: 12, md: 8 }}>
              <EligibilityOverview
                report={d.eligibility}
                held={
                  new Set(
                    d.renewals.credentials.flatMap((c) =>
                      c.certification ? [c.certification.toLowerCase()] : [],
                    ),
                  )
                }
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, md: 4 }}>
              <Deadlines
                asOf={d.asOf}
                deadlines={d.deadlines}
                plannedExams={d.plannedExams}
                certifications={certifications.data?.certifications}
              />
            </Grid.Col>
          </Grid>
        </>
      )}
    </Stack>
  );
}
