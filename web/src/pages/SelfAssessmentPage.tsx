import '@mantine/charts/styles.css';
import { Anchor, Badge, Group, Paper, Progress, Select, Stack, Text, Title } from '@mantine/core';
import { useDebouncedValue, useDocumentTitle } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import { Link } from 'react-router';
import { useCurrentUser } from '../api/auth';
import { useCompetencies, useGapReport, useRole, useRoles, type Ratings } from '../api/career';
import { meKeys, recordsApi, useSaveItem } from '../api/records';
import {
  AssessmentHistory,
  KeptInBrowser,
  savedAssessments,
} from '../components/assessment/AssessmentHistory';
import { ratingProgress, roleSelectData, withRating } from '../components/assessment/chartData';
import { emptyConstraints, type ConstraintsDraft } from '../components/assessment/constraints';
import { GapResults } from '../components/assessment/GapResults';
import { RatingForm, ScaleLegend, type Targets } from '../components/assessment/RatingForm';
import { Recommendations } from '../components/assessment/Recommendations';
import {
  loadStoredAssessment,
  localToday,
  mergeAssessments,
  saveStoredAssessment,
} from '../components/assessment/storage';
import { PageLoader, QueryError } from '../components/QueryState';
import { formatDate } from '../lib/format';

function Section({
  id,
  title,
  children,
  testId,
}: {
  id: string;
  title: string;
  children: React.ReactNode;
  testId?: string;
}) {
  return (
    <Paper
      withBorder
      p={{ base: 'sm', sm: 'lg' }}
      component="section"
      aria-labelledby={id}
      data-testid={testId}
    >
      <Stack gap="md">
        <Title order={2} fz="h3" id={id}>
          {title}
        </Title>
        {children}
      </Stack>
    </Paper>
  );
}

/**
 * /self-assessment: choose a target role, rate yourself on the framework's competencies, see the
 * gaps (radar chart and ranked list) and get programs and certifications that close them. Works
 * without an account (ratings stay in this browser); signed in, assessments are saved to the record.
 */
export function SelfAssessmentPage() {
  useDocumentTitle('Self-assessment · Healthcare Management Pathways');
  const user = useCurrentUser();
  const signedIn = user !== null;
  const [stored] = useState(loadStoredAssessment);
  const [role, setRole] = useState<string | null>(stored?.targetRole ?? null);
  const [ratings, setRatings] = useState<Ratings>(stored?.ratings ?? {});
  const [constraints, setConstraints] = useState<ConstraintsDraft>(emptyConstraints);
  const [compareWith, setCompareWith] = useState<string | null>(null);
  const [justSaved, setJustSaved] = useState(false);
  const [hydrated, setHydrated] = useState(stored !== null && Object.keys(stored.ratings).length > 0);
  const today = localToday();

  const framework = useCompetencies();
  const roles = useRoles();
  // A role this catalog does not know (an old copy in the browser) counts as none chosen.
  const activeRole =
    role !== null && roles.data && !roles.data.roles.some((r) => r.id === role) ? null : role;
  const roleDetail = useRole(activeRole);
  const record = useQuery({
    queryKey: meKeys.record,
    queryFn: ({ signal }) => recordsApi.getRecord(signal),
    enabled: signedIn,
    staleTime: 0,
  });
  const saveItem = useSaveItem();

  const history = useMemo(
    () => (signedIn && record.data ? savedAssessments(record.data.sections.assessments) : []),
    [signedIn, record.data],
  );

  // Signed in with nothing in this browser yet: start from the record (newest rating of each
  // competency, and the target role of the record's goals). Adjusted while rendering, once.
  if (record.data && !hydrated) {
    setHydrated(true);
    const merged = mergeAssessments(record.data.sections.assessments.map((i) => i.data));
    if (Object.keys(merged.ratings).length > 0) setRatings(merged.ratings);
    const goal = record.data.fields.goals?.targetRole;
    if (goal && role === null) setRole(goal);
  }

  // Kept in this browser on every change (the compare page reads it too).
  useEffect(() => {
    saveStoredAssessment({ date: localToday(), ratings, targetRole: role });
  }, [ratings, role]);

  // A competency this catalog does not know (an old copy in the browser) is left out.
  const known = useMemo(() => {
    if (!framework.data) return ratings;
    const ids = new Set(framework.data.competencies.map((c) => c.id));
    return Object.fromEntries(Object.entries(ratings).filter(([id]) => ids.has(id)));
  }, [framework.data, ratings]);

  const targets: Targets | null = activeRole ? (roleDetail.data?.role.targets ?? null) : null;
  const targetedIds = useMemo(() => Object.keys(targets ?? {}), [targets]);
  const progress = ratingProgress(ratings, targetedIds);
  const [debouncedRatings] = useDebouncedValue(known, 250);
  const gaps = useGapReport(activeRole ? { role: activeRole, ratings: debouncedRatings } : null);
  const report = gaps.data && gaps.data.role.id === activeRole ? gaps.data : undefined;
  const roleOptions = useMemo(() => roleSelectData(roles.data?.roles ?? []), [roles.data]);
  const earlier = history.find((h) => h.id === compareWith);

  const rate = (competency: string, rating: number | null) => {
    setHydrated(true);
    setJustSaved(false);
    setRatings((current) => withRating(current, competency, rating));
  };

  const save = () => {
    saveItem.mutate(
      { section: 'assessments', data: { date: today, ratings: known } },
      { onSuccess: () => setJustSaved(true) },
    );
  };

  const roleTitle = roleDetail.data?.role.title;
  const totalRated = Object.keys(known).length;

  return (
    <Stack gap="lg" maw={1100} mx="auto">
      <div>
        <Title order={1}>Self-assessment</Title>
        <Text mt={4} maw={760}>
          Choose the role you are aiming for, rate yourself on each competency from 1 (novice) to 5 (expert),
          and see where the gaps are and which programs and certifications close them within your budget and
          time.
        </Text>
      </div>

      {(framework.error || roles.error) && (
        <QueryError
          title="Could not load the competency framework"
          error={(framework.error ?? roles.error) as Error}
          onRetry={() => {
            void framework.refetch();
            void roles.refetch();
          }}
        />
      )}
      {(framework.isPending || roles.isPending) && !framework.error && !roles.error && (
        <PageLoader label="Loading the competency framework…" />
      )}

      {framework.data && roles.data && (
        <>
          <Section id="sa-role" title="1. Your target role">
            <Select
              label="Target role"
              description="Roles are grouped by family; the targets are the levels the role asks for."
              placeholder="Choose a role"
              searchable
              nothingFoundMessage="No role matches"
              data={roleOptions}
              value={activeRole}
              onChange={(v) => {
                setRole(v);
                setCompareWith(null);
              }}
              maw={480}
              data-testid="role-select"
            />
            {activeRole && roleDetail.data && (
              <Text fz="sm" maw={760}>
                {roleDetail.data.role.summary}{' '}
                <Text span fz="sm" c="dimmed">
                  {targetedIds.length} competencies targeted
                  {roleDetail.data.role.basis === 'judgement' ? '; target levels are our judgement' : ''}.
                </Text>
              </Text>
            )}
          </Section>

          <Section id="sa-rate" title="2. Rate yourself" testId="rating-section">
            <div>
              <Group justify="space-between" gap="xs">
                <Text fw={600} data-testid="rating-progress">
                  {targets
                    ? `${progress.rated} of ${progress.total} rated`
                    : `${totalRated} of ${framework.data.competencies.length} rated`}
                  {targets && roleTitle ? ` for ${roleTitle}` : ''}
                </Text>
                {targets && totalRated > progress.rated && (
                  <Badge variant="light" color="gray" c="var(--mantine-color-text)">
                    +{totalRated - progress.rated} optional
                  </Badge>
                )}
              </Group>
              <Progress
                mt={6}
                value={
                  targets
                    ? progress.total
                      ? (100 * progress.rated) / progress.total
                      : 0
                    : (100 * totalRated) / framework.data.competencies.length
                }
                aria-label="Competencies rated"
              />
            </div>
            <Text fz="sm">
              Be honest: the ratings are for you. Leave a competency unrated if you cannot judge it; it is
              shown as &ldquo;Not rated&rdquo;, never as 0. Levels 2 and 4 are our own wording between the
              framework&rsquo;s named levels.
            </Text>
            <ScaleLegend scale={framework.data.scale} />
            <RatingForm framework={framework.data} ratings={ratings} targets={targets} onRate={rate} />
            {signedIn ? (
              <AssessmentHistory
                history={history}
                canSave={totalRated > 0}
                saving={saveItem.isPending}
                saveError={saveItem.error}
                justSaved={justSaved}
                onSave={save}
                compareWith={compareWith}
                onCompareWith={setCompareWith}
                today={today}
              />
            ) : (
              <KeptInBrowser />
            )}
          </Section>

          <Section id="sa-gaps" title="3. Your gaps" testId="gap-section">
            {!activeRole ? (
              <Text>Choose a target role to see your gaps against it.</Text>
            ) : gaps.error ? (
              <QueryError
                title="Could not work out your gaps"
                error={gaps.error}
                onRetry={() => void gaps.refetch()}
              />
            ) : report ? (
              <GapResults
                report={report}
                earlier={
                  earlier
                    ? { label: `Saved ${formatDate(earlier.date)}`, ratings: earlier.ratings }
                    : undefined
                }
              />
            ) : (
              <PageLoader label="Working out your gaps…" />
            )}
          </Section>

          <Section
            id="sa-recommend"
            title="4. Programs and certifications that close them"
            testId="recommend-section"
          >
            {activeRole ? (
              <>
                <Text fz="sm" maw={760}>
                  Set your limits and we pick the combination that closes the most gap points (levels ×
                  importance), done one after another. Programs link to their pages; prices and dates are the
                  providers&rsquo; published figures. See{' '}
                  <Anchor component={Link} to="/certifications" fz="sm">
                    certifications
                  </Anchor>{' '}
                  for eligibility before paying an exam fee.
                </Text>
                <Recommendations
                  role={activeRole}
                  ratings={known}
                  draft={constraints}
                  onDraftChange={setConstraints}
                />
              </>
            ) : (
              <Text>Choose a target role first.</Text>
            )}
          </Section>
        </>
      )}
    </Stack>
  );
}
