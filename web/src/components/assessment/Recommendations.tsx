/**
 * Recommendations: a constraints form (budget, hours per week, online, accredited, finish by,
 * certifications) sent with the role and ratings to POST /api/recommendations, and the answer:
 * picks in order with dates, totals against the budget, the method's guarantee, what stays
 * uncovered and why, options whose price is not published, and the medical-literacy offer.
 */
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Checkbox,
  Group,
  List,
  Loader,
  NumberInput,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Timeline,
  Title,
} from '@mantine/core';
import { IconAlertTriangle, IconCertificate, IconSchool, IconScale } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router';
import {
  fieldErrorsOf,
  useRecommendations,
  type Ratings,
  type Recommendation,
  type RecommendationPick,
} from '../../api/career';
import { useSession } from '../../api/auth';
import { formatDate, formatUsd } from '../../lib/format';
import { hasQuickCheckAnswers } from '../auth/quickCheck';
import { loadDraft } from '../quickcheck/profile';
import { toProfile } from '../quickcheck/profileMapping';

/** The quick check's answers as a profile@1 document, or null when the browser holds none. */
function quickCheckProfile(): Record<string, unknown> | null {
  return hasQuickCheckAnswers() ? toProfile(loadDraft()) : null;
}
import { compareHref, exclusionText, uncoveredReasons } from './chartData';
import { constraintsFromDraft, serverFields, type ConstraintsDraft } from './constraints';

/** Field errors in red.9: Mantine's default red.6 falls below 4.5:1 for small text. */
const errorColour = { '--mantine-color-error': 'var(--mantine-color-red-9)' } as React.CSSProperties;

const pickHref = (p: { kind: string; id: string }) =>
  p.kind === 'certification'
    ? `/certifications/${encodeURIComponent(p.id)}`
    : `/programs/${encodeURIComponent(p.id)}`;

const months = (n: number) => `${Math.round(n * 10) / 10} ${n === 1 ? 'month' : 'months'}`;

function PickCard({ pick, index }: { pick: RecommendationPick; index: number }) {
  return (
    <Paper
      withBorder
      p="sm"
      data-testid="pick"
      data-id={pick.id}
      data-kind={pick.kind}
      data-cost={pick.costUsd}
    >
      <Stack gap={6}>
        <Group justify="space-between" align="flex-start" gap="xs">
          <div style={{ minWidth: 0, flex: 1 }}>
            <Text fz="xs" c="dimmed">
              Step {index + 1} · {pick.kind === 'program' ? 'Program' : 'Certification'}
              {pick.provider ? ` · ${pick.provider}` : ''}
            </Text>
            <Anchor component={Link} to={pickHref(pick)} fw={600} data-testid="pick-link">
              {pick.name}
            </Anchor>
          </div>
          <Text fw={700} data-testid="pick-cost">
            {formatUsd(pick.costUsd)}
          </Text>
        </Group>
        <Text fz="sm">
          {formatDate(pick.start)} – {formatDate(pick.end)} · {months(pick.months)}
          {pick.weeklyHours ? ` · about ${pick.weeklyHours} h a week` : ''}
        </Text>
        {pick.closes.length > 0 && (
          <div>
            <Text fz="sm" fw={600}>
              Closes
            </Text>
            <Group gap={6} mt={2}>
              {pick.closes.map((c) => (
                <Badge
                  key={c.competency}
                  variant="light"
                  color="indigo"
                  tt="none"
                  c="var(--mantine-color-text)"
                >
                  {c.label}: {c.levels === 1 ? '1 level' : `${c.levels} levels`}
                </Badge>
              ))}
            </Group>
          </div>
        )}
        {pick.why.length > 0 && (
          <div>
            <Text fz="sm" fw={600}>
              Why
            </Text>
            <List size="sm" spacing={2}>
              {pick.why.map((w) => (
                <List.Item key={w}>{w}</List.Item>
              ))}
            </List>
          </div>
        )}
        {pick.alternatives.length > 0 && (
          <div>
            <Text fz="sm" fw={600}>
              Alternatives
            </Text>
            <List size="sm" spacing={2}>
              {pick.alternatives.map((a) => (
                <List.Item key={a.id}>
                  <Anchor component={Link} to={pickHref({ kind: a.kind ?? 'program', id: a.id })} fz="sm">
                    {a.name}
                  </Anchor>
                  : {a.reason}
                </List.Item>
              ))}
            </List>
          </div>
        )}
      </Stack>
    </Paper>
  );
}

function Totals({ rec }: { rec: Recommendation }) {
  const budget = rec.constraints.budget;
  const figures = [
    {
      label: budget === undefined ? 'Total cost' : `Total cost of a ${formatUsd(budget)} budget`,
      value: formatUsd(rec.totals.costUsd),
      testId: 'total-cost',
    },
    {
      label: 'Finish',
      value: rec.totals.finish ? formatDate(rec.totals.finish) : '—',
      testId: 'total-finish',
    },
    {
      label: `Of your gap points covered (${rec.totals.points} of ${rec.totals.gapPoints})`,
      value: `${rec.totals.coveredPercent}%`,
      testId: 'total-covered',
    },
    { label: 'Time, one after another', value: months(rec.totals.months), testId: 'total-months' },
  ];
  return (
    <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm">
      {figures.map((f) => (
        <Paper key={f.testId} withBorder p="xs">
          <Text
            fz={20}
            fw={700}
            lh={1.2}
            data-testid={f.testId}
            data-value={f.testId === 'total-cost' ? rec.totals.costUsd : undefined}
          >
            {f.value}
          </Text>
          <Text fz="sm">{f.label}</Text>
        </Paper>
      ))}
    </SimpleGrid>
  );
}

function Results({ rec }: { rec: Recommendation }) {
  const compare = compareHref(rec.picks, rec.role.id);
  const excluded = exclusionText(rec.excluded);
  return (
    <Stack gap="md" data-testid="recommendation">
      {rec.summary && <Text fw={600}>{rec.summary}</Text>}
      <Totals rec={rec} />
      <Paper withBorder p="sm" bg="var(--mantine-color-gray-0)" data-testid="guarantee">
        <Group gap="xs" wrap="nowrap" align="flex-start">
          <IconScale size={20} aria-hidden style={{ flexShrink: 0 }} />
          <Text fz="sm">
            {rec.guarantee}{' '}
            {rec.method !== 'none' && (
              <>
                {rec.method === 'exact' || rec.bound.points >= rec.bound.upperBound ? (
                  <>
                    This plan scores {rec.bound.points} point{rec.bound.points === 1 ? '' : 's'}, and no plan
                    within your constraints scores more: it is{' '}
                    <strong data-testid="bound">the best possible</strong>.{' '}
                  </>
                ) : (
                  <>
                    This plan scores {rec.bound.points} points; no plan within your constraints can score more
                    than {rec.bound.upperBound}, so it is{' '}
                    <strong data-testid="bound">
                      at least {rec.bound.atLeastPercent}% of the best possible
                    </strong>
                    .{' '}
                  </>
                )}
              </>
            )}
            {rec.candidates} options fit your constraints
            {excluded ? `; left out: ${excluded}` : ''}.
          </Text>
        </Group>
      </Paper>

      {rec.picks.length === 0 ? (
        <Alert
          color="yellow"
          variant="light"
          title="Nothing to recommend"
          icon={<IconAlertTriangle aria-hidden />}
        >
          No program or certification fits your constraints and closes a gap. Try a larger budget, more hours
          a week or a later finish date.
        </Alert>
      ) : (
        <>
          <Group justify="space-between" align="flex-end">
            <Title order={3} fz="h4">
              Your plan, in order
            </Title>
            {compare ? (
              <Button component={Link} to={compare} variant="light" data-testid="compare-picks">
                Compare these programs
              </Button>
            ) : (
              <Text fz="sm" c="dimmed">
                Comparing needs two or more programs among the picks.
              </Text>
            )}
          </Group>
          <Timeline bulletSize={28} lineWidth={2} active={rec.picks.length}>
            {rec.picks.map((pick, i) => (
              <Timeline.Item
                key={`${pick.kind}-${pick.id}`}
                bullet={
                  pick.kind === 'program' ? (
                    <IconSchool size={16} aria-hidden />
                  ) : (
                    <IconCertificate size={16} aria-hidden />
                  )
                }
              >
                <PickCard pick={pick} index={i} />
              </Timeline.Item>
            ))}
          </Timeline>
        </>
      )}

      {rec.uncovered.length > 0 && (
        <div data-testid="uncovered">
          <Title order={3} fz="h5">
            Gaps this plan does not close
          </Title>
          <List size="sm" spacing={2} mt={4}>
            {rec.uncovered.map((u) => (
              <List.Item key={u.competency}>
                <strong>{u.label}</strong> ({u.gap === 1 ? '1 level' : `${u.gap} levels`}):{' '}
                {uncoveredReasons[u.reason] ?? u.reason}
              </List.Item>
            ))}
          </List>
        </div>
      )}
      {rec.unrated.length > 0 && (
        <Text fz="sm">
          Not counted because you have not rated them: {rec.unrated.map((u) => u.label).join(', ')}.
        </Text>
      )}

      {rec.worthALook.length > 0 && (
        <div data-testid="worth-a-look">
          <Title order={3} fz="h5">
            Worth a look (price or length not published)
          </Title>
          <Text fz="sm" c="dimmed">
            These would close gaps, but without a published price or length they are not counted in the
            totals.
          </Text>
          <List size="sm" spacing={2} mt={4}>
            {rec.worthALook.map((w) => (
              <List.Item key={w.id}>
                <Anchor component={Link} to={pickHref(w)} fz="sm">
                  {w.name}
                </Anchor>{' '}
                — {w.missing.map((m) => (m === 'cost' ? 'price' : 'length')).join(' and ')} not published;
                would close {w.points} gap point{w.points === 1 ? '' : 's'}
              </List.Item>
            ))}
          </List>
        </div>
      )}

      {rec.medicalLiteracy && (
        <Paper withBorder p="sm" data-testid="medical-literacy">
          <Title order={3} fz="h5">
            Medical literacy for managers
          </Title>
          <Text fz="sm" mt={4}>
            {rec.medicalLiteracy.reason}
          </Text>
          <List size="sm" spacing={2} mt={4}>
            {rec.medicalLiteracy.options.map((o) => (
              <List.Item key={o.id}>
                <Anchor component={Link} to={`/programs/${encodeURIComponent(o.id)}`} fz="sm">
                  {o.name}
                </Anchor>
                {o.costUsd !== null && o.costUsd !== undefined
                  ? ` — ${formatUsd(o.costUsd)}`
                  : ' — price not published'}
                {o.fits === false ? ' (outside your constraints)' : ''}
              </List.Item>
            ))}
          </List>
        </Paper>
      )}
    </Stack>
  );
}

/** The constraints form and, once sent, the recommendation. */
export function Recommendations({
  role,
  ratings,
  draft,
  onDraftChange,
}: {
  role: string;
  ratings: Ratings;
  draft: ConstraintsDraft;
  onDraftChange: (draft: ConstraintsDraft) => void;
}) {
  const mutation = useRecommendations();
  const session = useSession();
  const signedIn = (session.data?.user ?? null) !== null;
  const [clientErrors, setClientErrors] = useState<Partial<Record<keyof ConstraintsDraft, string>>>({});
  const serverErrors: Partial<Record<keyof ConstraintsDraft, string>> = {};
  const unplaced: string[] = [];
  for (const [path, message] of Object.entries(fieldErrorsOf(mutation.error))) {
    const field = serverFields[path];
    if (field) serverErrors[field] = message;
    else unplaced.push(path ? `${path}: ${message}` : message);
  }
  const errors = { ...serverErrors, ...clientErrors };
  const sent = mutation.variables;
  const stale =
    sent !== undefined && (sent.role !== role || JSON.stringify(sent.ratings) !== JSON.stringify(ratings));
  const set = <K extends keyof ConstraintsDraft>(key: K, value: ConstraintsDraft[K]) => {
    onDraftChange({ ...draft, [key]: value });
    if (clientErrors[key]) setClientErrors({ ...clientErrors, [key]: undefined });
  };

  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    const { errors: found, constraints } = constraintsFromDraft(draft);
    setClientErrors(found);
    const first = Object.keys(found)[0];
    if (first) {
      document.getElementById(`constraint-${first}`)?.focus();
      return;
    }
    // Signed in, the server reads the record; otherwise the quick check's answers (kept in this
    // browser) tell it about clinical background, credentials and eligibility.
    const profile = signedIn ? null : quickCheckProfile();
    mutation.mutate({ role, ratings, constraints, ...(profile ? { profile } : {}) });
  };

  return (
    <Stack gap="md">
      <form
        onSubmit={submit}
        noValidate
        style={errorColour}
        aria-label="Constraints"
        data-testid="constraints-form"
      >
        <Stack gap="sm">
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
            <NumberInput
              id="constraint-budget"
              label="Total budget for these picks (US $)"
              description="All picks together (the planner's budget is per year). Empty: no limit"
              prefix="$"
              thousandSeparator=","
              allowDecimal={false}
              value={draft.budget}
              onChange={(v) => set('budget', v)}
              error={errors.budget}
            />
            <NumberInput
              id="constraint-hoursPerWeek"
              label="Study hours per week"
              description="Leave empty for a typical pace"
              value={draft.hoursPerWeek}
              onChange={(v) => set('hoursPerWeek', v)}
              error={errors.hoursPerWeek}
            />
            <TextInput
              id="constraint-finishBy"
              type="date"
              label="Finish by"
              description="Every pick ends by this day"
              value={draft.finishBy}
              onChange={(e) => set('finishBy', e.currentTarget.value)}
              error={errors.finishBy}
            />
          </SimpleGrid>
          <Group gap="lg">
            <Checkbox
              label="Online only"
              checked={draft.onlineOnly}
              onChange={(e) => set('onlineOnly', e.currentTarget.checked)}
            />
            <Checkbox
              label="Accredited programs only"
              checked={draft.accreditationRequired}
              onChange={(e) => set('accreditationRequired', e.currentTarget.checked)}
            />
            <Checkbox
              label="Include certifications"
              checked={draft.includeCertifications}
              onChange={(e) => set('includeCertifications', e.currentTarget.checked)}
            />
          </Group>
          <Group gap="sm">
            <Button type="submit" loading={mutation.isPending} disabled={!role}>
              Recommend programs
            </Button>
            {Object.keys(ratings).length === 0 && (
              <Text fz="sm" c="dimmed">
                Rate yourself first: recommendations close the gaps your ratings show.
              </Text>
            )}
          </Group>
        </Stack>
      </form>

      {mutation.isPending && (
        <Group gap="sm" role="status">
          <Loader size="sm" aria-hidden />
          <Text fz="sm">Finding the programs that close most of your gaps…</Text>
        </Group>
      )}
      {mutation.error && (
        <Alert
          color="red"
          variant="light"
          title="Could not recommend"
          icon={<IconAlertTriangle aria-hidden />}
          role="alert"
          data-testid="recommend-error"
        >
          <Text fz="sm">{mutation.error.message}</Text>
          {unplaced.length > 0 && (
            <List size="sm" mt={4}>
              {unplaced.map((u) => (
                <List.Item key={u}>{u}</List.Item>
              ))}
            </List>
          )}
        </Alert>
      )}
      {mutation.data && !mutation.isPending && stale && (
        <Alert
          color="yellow"
          variant="light"
          icon={<IconAlertTriangle aria-hidden />}
          data-testid="recommend-stale"
        >
          <Text fz="sm">
            Your role or ratings changed since these picks were made. Press &ldquo;Recommend programs&rdquo;
            again to update them.
          </Text>
        </Alert>
      )}
      {mutation.data && !mutation.isPending && <Results rec={mutation.data} />}
    </Stack>
  );
}
