import {
  Button,
  Checkbox,
  Fieldset,
  Group,
  MultiSelect,
  NumberInput,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import type { Vocabulary } from '../../api/types';
import {
  educationLevelOptions,
  newDegree,
  newJob,
  newMembership,
  type DegreeDraft,
  type JobDraft,
  type MembershipDraft,
  type ProfileDraft,
} from './profile';

interface Props {
  draft: ProfileDraft;
  onChange: (draft: ProfileDraft) => void;
  vocabulary: Vocabulary | undefined;
  /** { value: id, label } for every credential a person can hold. */
  credentialOptions: Array<{ value: string; label: string }>;
}

function replaceAt<T>(items: T[], index: number, patch: Partial<T>): T[] {
  return items.map((item, i) => (i === index ? { ...item, ...patch } : item));
}

function Section({
  id,
  title,
  hint,
  children,
}: {
  id: string;
  title: string;
  hint: string;
  children: React.ReactNode;
}) {
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={id}>
      <Stack gap="sm">
        <div>
          <Title order={2} fz="h3" id={id}>
            {title}
          </Title>
          <Text size="sm" c="dimmed">
            {hint}
          </Text>
        </div>
        {children}
      </Stack>
    </Paper>
  );
}

function RemoveButton({ label, onClick }: { label: string; onClick: () => void }) {
  return (
    <Button
      variant="subtle"
      color="red"
      size="compact-sm"
      leftSection={<IconTrash size={14} aria-hidden />}
      onClick={onClick}
      aria-label={label}
    >
      Remove
    </Button>
  );
}

/** The guided form: degrees, jobs, credentials held and memberships. */
export function ProfileForm({ draft, onChange, vocabulary, credentialOptions }: Props) {
  const set = <K extends keyof ProfileDraft>(key: K, value: ProfileDraft[K]) =>
    onChange({ ...draft, [key]: value });
  const setDegree = (i: number, patch: Partial<DegreeDraft>) =>
    set('education', replaceAt(draft.education, i, patch));
  const setJob = (i: number, patch: Partial<JobDraft>) =>
    set('positions', replaceAt(draft.positions, i, patch));
  const setMembership = (i: number, patch: Partial<MembershipDraft>) =>
    set('memberships', replaceAt(draft.memberships, i, patch));
  const organizationOptions = (vocabulary?.organizations ?? []).map((o) => ({
    value: o.id,
    label: `${o.label} (${o.acronym})`,
  }));

  return (
    <Stack gap="md">
      <Section id="qc-degrees" title="1. Degrees" hint="Every degree you hold or are finishing.">
        {draft.education.map((d, i) => (
          <Fieldset key={i} legend={`Degree ${i + 1}`} data-testid="degree">
            <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
              <Select
                label="Level"
                data={educationLevelOptions}
                value={d.level}
                allowDeselect={false}
                onChange={(v) => setDegree(i, { level: v ?? 'bachelor' })}
              />
              <TextInput
                label="Field of study"
                placeholder="e.g. Nursing"
                value={d.field}
                maxLength={300}
                onChange={(e) => setDegree(i, { field: e.currentTarget.value })}
              />
              <TextInput
                type="month"
                label="Completed (month)"
                description="Leave empty if not finished"
                value={d.completed}
                onChange={(e) => setDegree(i, { completed: e.currentTarget.value })}
              />
            </SimpleGrid>
            <Group justify="flex-end" mt="xs">
              <RemoveButton
                label={`Remove degree ${i + 1}`}
                onClick={() =>
                  set(
                    'education',
                    draft.education.filter((_, j) => j !== i),
                  )
                }
              />
            </Group>
          </Fieldset>
        ))}
        <Group>
          <Button
            variant="light"
            leftSection={<IconPlus size={16} aria-hidden />}
            onClick={() => set('education', [...draft.education, newDegree()])}
          >
            Add a degree
          </Button>
        </Group>
      </Section>

      <Section
        id="qc-jobs"
        title="2. Jobs"
        hint="Your jobs, current and past. Answer the questions for each one."
      >
        {draft.positions.map((p, i) => (
          <Fieldset key={i} legend={`Job ${i + 1}`} data-testid="job">
            <Stack gap="sm">
              <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
                <TextInput
                  label="Job title"
                  placeholder="e.g. Nurse Manager"
                  required
                  value={p.title}
                  maxLength={300}
                  onChange={(e) => setJob(i, { title: e.currentTarget.value })}
                />
                <NumberInput
                  label="Share of full time (FTE)"
                  description="1 = full time, 0.5 = half time"
                  min={0.05}
                  max={1}
                  step={0.1}
                  decimalScale={2}
                  value={p.fte}
                  onChange={(v) => setJob(i, { fte: typeof v === 'number' ? v : Number(v) || 1 })}
                />
                <TextInput
                  type="month"
                  label="Started (month)"
                  required
                  value={p.start}
                  onChange={(e) => setJob(i, { start: e.currentTarget.value })}
                />
                <Stack gap={6}>
                  <TextInput
                    type="month"
                    label="Ended (month)"
                    value={p.current ? '' : p.end}
                    disabled={p.current}
                    onChange={(e) => setJob(i, { end: e.currentTarget.value })}
                  />
                  <Checkbox
                    label="I still work here"
                    checked={p.current}
                    onChange={(e) => setJob(i, { current: e.currentTarget.checked })}
                  />
                </Stack>
              </SimpleGrid>
              <Checkbox.Group
                label="About this job"
                description="Tick every statement that is true."
                value={p.kinds}
                onChange={(kinds) => setJob(i, { kinds })}
              >
                <Stack gap={8} mt="xs">
                  {(vocabulary?.experienceKinds ?? []).map((k) => (
                    <Checkbox key={k.id} value={k.id} label={k.question} />
                  ))}
                </Stack>
              </Checkbox.Group>
              <Group justify="flex-end">
                <RemoveButton
                  label={`Remove job ${i + 1}`}
                  onClick={() =>
                    set(
                      'positions',
                      draft.positions.filter((_, j) => j !== i),
                    )
                  }
                />
              </Group>
            </Stack>
          </Fieldset>
        ))}
        <Group>
          <Button
            variant="light"
            leftSection={<IconPlus size={16} aria-hidden />}
            onClick={() => set('positions', [...draft.positions, newJob()])}
          >
            Add a job
          </Button>
        </Group>
      </Section>

      <Section
        id="qc-credentials"
        title="3. Credentials held"
        hint="Licences and certifications you hold now."
      >
        <MultiSelect
          label="Credentials"
          placeholder={draft.credentials.length ? undefined : 'None'}
          data={credentialOptions}
          value={draft.credentials}
          onChange={(v) => set('credentials', v)}
          searchable
          clearable
          clearButtonProps={{ 'aria-label': 'Clear credentials' }}
          nothingFoundMessage="No credential by that name"
        />
      </Section>

      <Section id="qc-memberships" title="4. Memberships" hint="Professional associations you belong to.">
        {draft.memberships.map((m, i) => (
          <Fieldset key={i} legend={`Membership ${i + 1}`}>
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
              <Select
                label="Organization"
                data={organizationOptions}
                value={m.id || null}
                searchable
                onChange={(v) => setMembership(i, { id: v ?? '' })}
              />
              <TextInput
                type="month"
                label="Member since (month)"
                value={m.since}
                onChange={(e) => setMembership(i, { since: e.currentTarget.value })}
              />
            </SimpleGrid>
            <Group justify="flex-end" mt="xs">
              <RemoveButton
                label={`Remove membership ${i + 1}`}
                onClick={() =>
                  set(
                    'memberships',
                    draft.memberships.filter((_, j) => j !== i),
                  )
                }
              />
            </Group>
          </Fieldset>
        ))}
        <Group>
          <Button
            variant="light"
            leftSection={<IconPlus size={16} aria-hidden />}
            onClick={() => set('memberships', [...draft.memberships, newMembership()])}
          >
            Add a membership
          </Button>
        </Group>
      </Section>
    </Stack>
  );
}
