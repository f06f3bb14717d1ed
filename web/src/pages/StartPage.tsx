/**
 * /start: the short start after sign-up. Up to three steps, each saved as it is done and each
 * skippable: bring the quick check's answers (when this browser holds some), the current job with
 * its role, the goal (target role and certifications). Then the dashboard, which opens with the goal.
 */
import {
  Alert,
  Anchor,
  Button,
  Group,
  List,
  Paper,
  Progress,
  Select,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { IconBriefcase } from '@tabler/icons-react';
import { useEffect, useMemo, useRef, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useRoles } from '../api/career';
import { useCatalog, useCertificationList } from '../api/queries';
import type { RecordItem } from '../api/recordTypes';
import { useApplyImport, useImportPreview, useMyRecord, useSaveItem } from '../api/records';
import { safeNext } from '../components/auth/forms';
import { hasQuickCheckAnswers } from '../components/auth/quickCheck';
import { GoalsForm } from '../components/goals/GoalsForm';
import { roleOptions } from '../components/plan/PlanForm';
import { PageLoader, QueryError } from '../components/QueryState';
import { ItemEditor } from '../components/record/ItemEditor';
import { credentialOptions } from '../components/record/labels';
import { EDITED_SECTIONS } from '../components/record/recordDrafts';
import { sectionInfo } from '../components/record/sectionInfo';
import { countText } from '../lib/format';
import { quickCheckSource } from './ImportPage';

type StepId = 'quick-check' | 'job' | 'goal';

const stepTitles: Record<StepId, string> = {
  'quick-check': 'Bring your quick check answers',
  job: 'Your current job and its role',
  goal: 'Your goal',
};

function StepButtons({ onSkip, skipLabel = 'Skip this step' }: { onSkip: () => void; skipLabel?: string }) {
  return (
    <Button variant="subtle" onClick={onSkip}>
      {skipLabel}
    </Button>
  );
}

/** Step 1: the quick check's answers into the record (merged, previewed as counts first). */
function QuickCheckStep({ onDone }: { onDone: () => void }) {
  const [source] = useState(quickCheckSource);
  const preview = useImportPreview();
  const apply = useApplyImport();
  const profile = 'source' in source ? source.source.profile : undefined;
  const { mutate } = preview;
  useEffect(() => {
    if (profile) mutate({ profile, mode: 'merge' });
  }, [profile, mutate]);

  if ('problem' in source)
    return (
      <Stack gap="sm">
        <Text size="sm">{source.problem}</Text>
        <Group>
          <Button onClick={onDone}>Continue</Button>
        </Group>
      </Stack>
    );

  const counts = preview.data
    ? EDITED_SECTIONS.map((s) => [s, preview.data.sections[s]?.added ?? 0] as const).filter(([, n]) => n > 0)
    : [];
  return (
    <Stack gap="sm">
      <Text size="sm">
        This browser holds your quick check answers. Save them to your record so that you do not type them
        again; you can change anything afterwards in My record.
      </Text>
      {preview.isPending && <PageLoader label="Reading your answers…" />}
      {preview.error && <QueryError title="Could not read your quick check answers" error={preview.error} />}
      {preview.data && (
        <div>
          <Text size="sm" fw={600}>
            {preview.data.totals.added === 0
              ? 'Your record already holds everything in your answers.'
              : `What will be added (${countText(preview.data.totals.added, 'item')}):`}
          </Text>
          <List size="sm" data-testid="start-import-counts">
            {counts.map(([s, n]) => (
              <List.Item key={s}>
                {sectionInfo[s].title}: {n}
              </List.Item>
            ))}
            {preview.data.fields.changed.length > 0 && (
              <List.Item>Other answers: {preview.data.fields.changed.join(', ')}</List.Item>
            )}
          </List>
        </div>
      )}
      {apply.error && (
        <Alert color="red" variant="light" title="Could not save your answers" role="alert">
          <Text size="sm">{apply.error.message}</Text>
        </Alert>
      )}
      <Group gap="sm">
        <Button
          disabled={!preview.data}
          loading={apply.isPending}
          onClick={() =>
            profile &&
            preview.data &&
            apply.mutate(
              { profile, mode: 'merge', revision: preview.data.revision },
              { onSuccess: () => onDone() },
            )
          }
        >
          Save them to my record
        </Button>
        <StepButtons onSkip={onDone} />
      </Group>
    </Stack>
  );
}

/** One current job: its role, or a picker to set it (saved at once). */
function CurrentJob({ item }: { item: RecordItem<'positions'> }) {
  const roles = useRoles();
  const save = useSaveItem();
  const [role, setRole] = useState<string | null>(item.data.role ?? null);
  const title = roles.data?.roles.find((r) => r.id === item.data.role)?.title;
  return (
    <Paper withBorder p="sm" data-testid="start-current-job">
      <Stack gap="xs">
        <Text fw={600}>{item.data.title}</Text>
        {item.data.role ? (
          <Text size="sm">
            Role: <strong>{title ?? item.data.role}</strong>
          </Text>
        ) : (
          <Group align="flex-end" gap="sm">
            <Select
              label={`Which role is “${item.data.title}”?`}
              description="The planner starts from this role"
              placeholder={roles.isPending ? 'Loading roles…' : 'Choose a role'}
              data={roles.data ? roleOptions(roles.data.roles) : []}
              value={role}
              onChange={setRole}
              searchable
              nothingFoundMessage="No role by that name"
              style={{ flex: '1 1 16rem' }}
            />
            <Button
              variant="light"
              disabled={!role}
              loading={save.isPending}
              onClick={() =>
                role && save.mutate({ section: 'positions', id: item.id, data: { ...item.data, role } })
              }
            >
              Save the role
            </Button>
          </Group>
        )}
        {save.error && (
          <Text size="sm" c="red.9" role="alert">
            {save.error.message}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}

/** Step 2: the current job (added here when there is none) and its role. */
function JobStep({ onDone }: { onDone: () => void }) {
  const record = useMyRecord();
  const catalog = useCatalog();
  const certifications = useCertificationList({});
  const [editorOpen, setEditorOpen] = useState(false);
  const [saved, setSaved] = useState('');
  const vocabulary = catalog.data?.vocabulary;
  const list = certifications.data?.certifications;
  const ctx = useMemo(
    () => ({ vocabulary, credentialOptions: credentialOptions(vocabulary, list) }),
    [vocabulary, list],
  );
  if (record.isPending) return <PageLoader label="Loading your record…" />;
  if (record.error) return <QueryError title="Could not load your record" error={record.error} />;
  const current = (record.data.sections.positions as RecordItem<'positions'>[]).filter((p) => !p.data.end);
  return (
    <Stack gap="sm">
      <Text size="sm">
        Most certifications count months of experience, and the planner starts from the role of your current
        job.
      </Text>
      {current.map((item) => (
        <CurrentJob key={item.id} item={item} />
      ))}
      <Text size="sm" role="status">
        {saved}
      </Text>
      <Group gap="sm">
        {current.length === 0 ? (
          <Button leftSection={<IconBriefcase size={16} aria-hidden />} onClick={() => setEditorOpen(true)}>
            Add my current job
          </Button>
        ) : (
          <Button onClick={onDone}>Continue</Button>
        )}
        {current.length === 0 && <StepButtons onSkip={onDone} />}
        {current.length > 0 && (
          <Anchor component={Link} to="/record#record-positions" size="sm">
            Add or change jobs in My record
          </Anchor>
        )}
      </Group>
      <ItemEditor
        target={{ section: 'positions' }}
        opened={editorOpen}
        ctx={ctx}
        onClose={() => setEditorOpen(false)}
        onSaved={(_, message) => setSaved(message)}
      />
    </Stack>
  );
}

/** Step 3: the goal, saved to the record. */
function GoalStep({ onDone }: { onDone: () => void }) {
  const record = useMyRecord();
  if (record.isPending) return <PageLoader label="Loading your record…" />;
  if (record.error) return <QueryError title="Could not load your record" error={record.error} />;
  return (
    <Stack gap="sm">
      <Text size="sm">
        The role you want and the certifications you are after. Your dashboard opens with them: where each
        stands, its date and your next step.
      </Text>
      <GoalsForm
        goals={record.data.fields.goals}
        submitLabel="Save my goal and finish"
        onSaved={onDone}
        idPrefix="start-goals"
      />
      <Group>
        <StepButtons onSkip={onDone} skipLabel="Skip and open my dashboard" />
      </Group>
    </Stack>
  );
}

export function StartPage() {
  useDocumentTitle('Getting started · Healthcare Management Pathways');
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const next = safeNext(params.get('next'));
  const [steps] = useState<StepId[]>(() =>
    params.get('quick') === '1' && hasQuickCheckAnswers() ? ['quick-check', 'job', 'goal'] : ['job', 'goal'],
  );
  const [index, setIndex] = useState(0);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const step = steps[index]!;

  const advance = () => {
    if (index + 1 >= steps.length) {
      void navigate(next, { replace: true });
      return;
    }
    setIndex(index + 1);
    setTimeout(() => headingRef.current?.focus(), 0);
  };

  return (
    <Stack gap="lg" maw={760} mx="auto">
      <div>
        <Title order={1}>Welcome: a short start</Title>
        <Text mt={4}>
          {steps.length === 3 ? 'Three' : 'Two'} quick steps, each saved as you go and each one you can skip.{' '}
          <Anchor component={Link} to={next}>
            Skip them all
          </Anchor>
        </Text>
      </div>
      <Paper withBorder p={{ base: 'sm', sm: 'md' }} component="section" aria-labelledby="start-step">
        <Stack gap="md">
          <div>
            <Text size="sm" c="dimmed" id="start-progress">
              Step {index + 1} of {steps.length}
            </Text>
            <Progress
              value={((index + 1) / steps.length) * 100}
              aria-labelledby="start-progress"
              size="sm"
              mt={4}
            />
          </div>
          <Title order={2} fz="h3" id="start-step" ref={headingRef} tabIndex={-1}>
            {stepTitles[step]}
          </Title>
          {step === 'quick-check' && <QuickCheckStep onDone={advance} />}
          {step === 'job' && <JobStep onDone={advance} />}
          {step === 'goal' && <GoalStep onDone={advance} />}
        </Stack>
      </Paper>
    </Stack>
  );
}
