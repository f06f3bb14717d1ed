import { Alert, Anchor, Button, Group, List, Stack, Tabs, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { IconDeviceFloppy, IconInfoCircle, IconPrinter, IconRefresh } from '@tabler/icons-react';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { fieldErrorsOf } from '../api/career';
import { useAllTransitions, useMarkStep, useSavePlan, type CareerPlan, type PlanResult } from '../api/plans';
import { BlockedPanel } from '../components/plan/BlockedPanel';
import { CareerMap } from '../components/plan/CareerMap';
import { loadDone, saveDone } from '../components/plan/doneStorage';
import { PlanForm } from '../components/plan/PlanForm';
import {
  constraintsOf,
  paramsOfSaved,
  readParams,
  relax,
  writeParams,
  type PlanParams,
} from '../components/plan/planParams';
import { PlanTimeline } from '../components/plan/PlanTimeline';
import { usePlanResult } from '../components/plan/usePlanResult';
import { SavedPlans } from '../components/plan/SavedPlans';
import { CurrentRoleQuestion, currentRoleQuestionOf } from '../components/plan/CurrentRoleQuestion';
import { durationText, planLabel, totalCost } from '../components/plan/stepText';
import { PageLoader, QueryError } from '../components/QueryState';
import { formatDate, formatUsd } from '../lib/format';

function PlanSummary({ plan, result }: { plan: CareerPlan; result: PlanResult }) {
  const budget = result.constraints.budgetPerYear;
  return (
    <Stack gap={4}>
      <Text size="sm" fw={600} data-testid="plan-label">
        {plan.labelText}
      </Text>
      <Text size="sm" data-testid="plan-summary">
        Reach <strong>{result.to.title}</strong> on <strong>{formatDate(plan.reached)}</strong> (in{' '}
        {durationText(result.asOf, plan.reached)}) for <strong>{totalCost(plan.totals)}</strong> in all
        {plan.totals.perYear.length > 0 && (
          <>
            {' '}
            — per plan year: {plan.totals.perYear.map((y) => `year ${y.year} ${formatUsd(y.usd)}`).join(', ')}
            {budget !== undefined && ` (your budget: ${formatUsd(budget)} a year)`}
          </>
        )}
        .
      </Text>
    </Stack>
  );
}

/** The target role's preferred certifications on a plan: the exam date, held, or why not. */
function TargetCertifications({
  plan,
  result,
  index,
}: {
  plan: CareerPlan;
  result: PlanResult;
  index: number;
}) {
  if (!plan.targetCertifications.length) return null;
  return (
    <section aria-labelledby={`plan-target-certs-${index}`}>
      <Title order={2} fz="h3" id={`plan-target-certs-${index}`}>
        {result.to.title}: certifications on this plan
      </Title>
      <List size="sm" spacing={4} mt="xs" data-testid="plan-target-certifications">
        {plan.targetCertifications.map((t) => (
          <List.Item key={t.id}>
            <strong>{t.name}</strong>:{' '}
            {t.held ? 'you hold it' : t.date ? `exam by ${formatDate(t.date)}` : `no date — ${t.reason}`}
          </List.Item>
        ))}
      </List>
    </section>
  );
}

/**
 * /plan: the dated path from the current role to a target role. Open to everyone; signed-in
 * people's plans come from their record and can be saved, with steps ticked off on the server;
 * others keep their ticks in this browser.
 */
export function PlanPage() {
  useDocumentTitle('Plan · Healthcare Management Pathways');
  const [search, setSearch] = useSearchParams();
  const params = readParams(search);
  const {
    signedIn,
    sessionKnown,
    roles,
    browser,
    saved,
    planQuery,
    result,
    index: tab,
    plan,
  } = usePlanResult(params);
  const save = useSavePlan();
  const mark = useMarkStep();

  const effective: PlanParams =
    params.saved && saved.data ? { ...paramsOfSaved(saved.data), plan: params.plan } : params;

  // Anonymous ticks live in this browser, per target role.
  const [localDone, setLocalDone] = useState<{ to: string; ids: string[] }>({ to: '', ids: [] });
  const anonymousDone =
    localDone.to === effective.to ? localDone.ids : effective.to ? loadDone(effective.to) : [];
  // Ticks on their way to the server show at once (and fall back if saving fails).
  const [pending, setPending] = useState<Record<string, boolean>>({});
  const serverDone = saved.data?.done ?? [];
  const done = signedIn
    ? [
        ...serverDone.filter((id) => pending[id] !== false),
        ...Object.keys(pending).filter((id) => pending[id] && !serverDone.includes(id)),
      ]
    : anonymousDone;
  const settle = (stepId: string) =>
    setPending((old) => {
      const { [stepId]: _gone, ...rest } = old;
      return rest;
    });

  const roleList = roles.data?.roles ?? [];
  const transitions = useAllTransitions(plan ? roleList.map((r) => r.id) : []);

  const go = (next: PlanParams, replace = false) => setSearch(writeParams(next), { replace });

  const toggle = (stepId: string, value: boolean) => {
    if (!signedIn) {
      setLocalDone({ to: effective.to, ids: saveDone(effective.to, stepId, value) });
      return;
    }
    setPending((old) => ({ ...old, [stepId]: value }));
    if (params.saved) {
      mark.mutate({ id: params.saved, stepId, done: value }, { onSettled: () => settle(stepId) });
      return;
    }
    // Signed in, not saved yet: the first tick saves the plan.
    save.mutate(
      {
        to: effective.to,
        ...(effective.from ? { from: effective.from } : {}),
        constraints: constraintsOf(effective),
        choice: tab,
      },
      {
        onError: () => settle(stepId),
        onSuccess: (created) =>
          mark.mutate(
            { id: created.id, stepId, done: value },
            {
              onSettled: () => settle(stepId),
              onSuccess: () => go({ ...effective, saved: created.id, plan: tab }, true),
            },
          ),
      },
    );
  };

  const saveNow = () =>
    save.mutate(
      {
        to: effective.to,
        ...(effective.from ? { from: effective.from } : {}),
        constraints: constraintsOf(effective),
        choice: tab,
      },
      { onSuccess: (created) => go({ ...effective, saved: created.id, plan: tab }, true) },
    );

  const activeError = params.saved ? saved.error : planQuery.error;
  const roleQuestion = currentRoleQuestionOf(activeError);
  const fieldErrors = roleQuestion ? {} : fieldErrorsOf(activeError);
  const loading = params.saved ? saved.isPending && sessionKnown : planQuery.isFetching;
  const printSearch = writeParams({ ...effective, plan: tab, saved: params.saved }).toString();

  return (
    <Stack gap="lg" maw={1200}>
      <Stack gap={4}>
        <Title order={1}>Plan your path</Title>
        <Text maw={760}>
          Choose the role you want, and get a dated plan from where you are now: the role moves, a degree if
          one is needed, certifications and programs, with what each costs and why it is there. Tick the steps
          off as you go.
        </Text>
      </Stack>

      {roles.isError && (
        <QueryError
          title="Could not load the roles"
          error={roles.error}
          onRetry={() => void roles.refetch()}
        />
      )}
      {roles.isPending && <PageLoader label="Loading the roles…" />}
      {roles.data && (
        <PlanForm
          key={`${writeParams({ ...effective, plan: 0 }).toString()}|${sessionKnown}`}
          roles={roleList}
          initial={effective}
          signedIn={signedIn}
          hasQuickCheck={browser !== null}
          errors={fieldErrors}
          busy={loading}
          onSubmit={(next) => go(next)}
        />
      )}

      {signedIn && roles.data && (
        <SavedPlans
          current={params.saved}
          onDeleted={(id) => {
            if (id === params.saved) go({ ...effective, saved: null });
          }}
        />
      )}

      {roleQuestion && roles.data && (
        <CurrentRoleQuestion
          key={roleQuestion.map((j) => `${j.index}:${j.title}`).join('|')}
          jobs={roleQuestion}
          roles={roleList}
          signedIn={signedIn}
          onAnswer={(from) => go({ ...effective, from })}
        />
      )}
      {activeError && !roleQuestion && Object.keys(fieldErrors).length === 0 && (
        <QueryError
          title="Could not make the plan"
          error={activeError}
          onRetry={() => void (params.saved ? saved.refetch() : planQuery.refetch())}
        />
      )}
      {activeError && Object.keys(fieldErrors).length > 0 && (
        <Alert color="red" variant="light" title="Could not make the plan" role="alert">
          <List size="sm">
            {Object.entries(fieldErrors).map(([path, message]) => (
              <List.Item key={path}>
                {path.startsWith('profile') ? 'Your quick check answers' : path}: {message}
              </List.Item>
            ))}
          </List>
        </Alert>
      )}
      {loading && !result && <PageLoader label="Working out your plan…" />}

      {result && !activeError && (
        <Stack gap="md" component="section" aria-labelledby="plan-result-heading" data-testid="plan-result">
          <Stack gap={2}>
            <Title order={2} id="plan-result-heading">
              From {result.from.title} to {result.to.title}
            </Title>
            <Text size="sm" c="dimmed">
              Worked out on {formatDate(result.asOf)}
              {params.saved ? ' from your record as it is now' : signedIn ? ' from your record' : ''}.
            </Text>
          </Stack>

          {params.saved && saved.data?.changed && (
            <Alert
              color="blue"
              variant="light"
              icon={<IconRefresh aria-hidden />}
              title="Your plan was updated"
              data-testid="plan-changed"
            >
              Your record changed since you last looked: the plan was updated.
            </Alert>
          )}

          {result.blocked.length > 0 && (
            <BlockedPanel
              blocked={result.blocked}
              hasPlans={result.plans.length > 0}
              onRelax={(c) => go(relax(effective, c))}
            />
          )}

          {result.single && (
            <Text size="sm" c="dimmed" data-testid="plan-single">
              {result.single}
            </Text>
          )}
          {result.plans.length > 0 && (
            <Tabs
              value={String(tab)}
              onChange={(v) => go({ ...params, plan: Number(v ?? 0) }, true)}
              keepMounted={false}
            >
              <Tabs.List aria-label="Alternative plans">
                {result.plans.map((p, i) => (
                  <Tabs.Tab key={i} value={String(i)} style={{ whiteSpace: 'normal', textAlign: 'left' }}>
                    {planLabel(result.to.title, p)}
                  </Tabs.Tab>
                ))}
              </Tabs.List>
              {result.plans.map((p, i) => (
                <Tabs.Panel key={i} value={String(i)} pt="md">
                  <Stack gap="lg">
                    <Stack gap="xs">
                      <PlanSummary plan={p} result={result} />
                      <Group gap="sm">
                        {signedIn && !params.saved && (
                          <Button
                            size="sm"
                            leftSection={<IconDeviceFloppy size={16} aria-hidden />}
                            loading={save.isPending}
                            onClick={saveNow}
                          >
                            Save this plan
                          </Button>
                        )}
                        {params.saved && (
                          <Text size="sm" c="dimmed" data-testid="plan-saved-note">
                            Saved: your ticks are kept with your account.
                          </Text>
                        )}
                        <Button
                          size="sm"
                          variant="default"
                          component={Link}
                          to={`/plan/print?${printSearch}`}
                          leftSection={<IconPrinter size={16} aria-hidden />}
                        >
                          Print or save as PDF
                        </Button>
                      </Group>
                      {!signedIn && (
                        <Text size="xs" c="dimmed">
                          Your ticks are kept in this browser only.{' '}
                          <Anchor component={Link} to="/sign-up" size="xs">
                            Create an account
                          </Anchor>{' '}
                          to plan from your record and keep your plans.
                        </Text>
                      )}
                      {(save.error ?? mark.error) && (
                        <Text size="sm" c="red.8" role="alert">
                          Could not save: {(save.error ?? mark.error)?.message}
                        </Text>
                      )}
                    </Stack>
                    <TargetCertifications plan={p} result={result} index={i} />
                    <CareerMap
                      roles={roleList}
                      transitions={transitions}
                      path={p.path}
                      fromId={result.from.id}
                      toId={result.to.id}
                    />
                    <PlanTimeline
                      plan={p}
                      asOf={result.asOf}
                      done={done}
                      onToggle={toggle}
                      busy={save.isPending || mark.isPending}
                    />
                    {p.notes.length > 0 && (
                      <section aria-labelledby={`plan-notes-${i}`}>
                        <Title order={2} fz="h3" id={`plan-notes-${i}`}>
                          Notes
                        </Title>
                        <List size="sm" spacing={4} mt="xs" data-testid="plan-notes">
                          {p.notes.map((n) => (
                            <List.Item key={n}>{n}</List.Item>
                          ))}
                        </List>
                        {p.notes.some((n) => n.includes('self-assessment')) && (
                          <Anchor
                            component={Link}
                            to="/self-assessment"
                            size="sm"
                            mt="xs"
                            display="inline-block"
                          >
                            Rate yourself in the self-assessment
                          </Anchor>
                        )}
                      </section>
                    )}
                  </Stack>
                </Tabs.Panel>
              ))}
            </Tabs>
          )}

          <Alert variant="light" color="gray" icon={<IconInfoCircle aria-hidden />}>
            <Text size="sm">
              Guidance, not a ruling: typical years between roles are our judgement where marked, and
              certification rules change. Confirm with the issuing bodies before you pay a fee.
            </Text>
          </Alert>
        </Stack>
      )}
    </Stack>
  );
}
