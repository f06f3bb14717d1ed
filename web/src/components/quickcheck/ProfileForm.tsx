import { MultiSelect, Paper, Select, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import type { Vocabulary } from '../../api/types';
import { RepeatableList } from '../common/RepeatableList';
import { DegreeFields, JobFields } from './ItemFields';
import {
  credentialsFor,
  newDegree,
  newJob,
  newMembership,
  updateMembership,
  type ProfileDraft,
} from './profileMapping';

interface Props {
  draft: ProfileDraft;
  onChange: (draft: ProfileDraft) => void;
  vocabulary: Vocabulary | undefined;
  /** { value: id, label } for every credential a person can hold. */
  credentialOptions: Array<{ value: string; label: string }>;
  /** Messages to show on fields, by field path (`positions.0.end`). */
  errors: Record<string, string>;
}

/** The id of a field's input, from its path: `positions.0.end` -> `qc-positions-0-end`. */
export function fieldId(field: string): string {
  return `qc-${field.replaceAll('.', '-')}`;
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
    <Paper withBorder p={{ base: 'sm', sm: 'md' }} component="section" aria-labelledby={id}>
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

/** The guided form: degrees, jobs, credentials held and memberships. */
export function ProfileForm({ draft, onChange, vocabulary, credentialOptions, errors }: Props) {
  const set = <K extends keyof ProfileDraft>(key: K, value: ProfileDraft[K]) =>
    onChange({ ...draft, [key]: value });
  const replace = <K extends 'education' | 'positions' | 'memberships'>(
    key: K,
    index: number,
    update: (item: ProfileDraft[K][number]) => ProfileDraft[K][number],
  ) => set(key, draft[key].map((item, i) => (i === index ? update(item) : item)) as ProfileDraft[K]);
  const removeAt = <K extends 'education' | 'positions' | 'memberships'>(key: K, index: number) =>
    set(key, draft[key].filter((_, i) => i !== index) as ProfileDraft[K]);
  /** The props that tie an input to its field path: id (to focus it) and error message. */
  const field = (path: string) => ({ id: fieldId(path), error: errors[path] });

  const organizationOptions = (vocabulary?.organizations ?? []).map((o) => ({
    value: o.id,
    // The acronym first: a long name is cut short in the box at phone width.
    label: `${o.acronym} — ${o.label}`,
  }));

  return (
    <Stack gap="md">
      <Section id="qc-degrees" title="1. Degrees" hint="Every degree you hold or are finishing.">
        <RepeatableList
          title="Degrees"
          itemName="Degree"
          itemTestId="degree"
          items={draft.education}
          emptyText="No degrees added."
          addLabel="Add a degree"
          onAdd={() => set('education', [...draft.education, newDegree()])}
          onRemove={(i) => removeAt('education', i)}
          renderItem={(d, i) => (
            <DegreeFields
              degree={d}
              onChange={(update) => replace('education', i, update)}
              field={(name) => field(`education.${i}.${name}`)}
            />
          )}
        />
      </Section>

      <Section
        id="qc-jobs"
        title="2. Jobs"
        hint="Your jobs, current and past. Answer the questions for each one."
      >
        <RepeatableList
          title="Jobs"
          itemName="Job"
          itemTestId="job"
          items={draft.positions}
          emptyText="No jobs added."
          addLabel="Add a job"
          onAdd={() => set('positions', [...draft.positions, newJob()])}
          onRemove={(i) => removeAt('positions', i)}
          renderItem={(p, i) => (
            <JobFields
              job={p}
              onChange={(update) => replace('positions', i, update)}
              field={(name) => field(`positions.${i}.${name}`)}
              vocabulary={vocabulary}
            />
          )}
        />
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
          value={draft.credentials.map((c) => c.id)}
          onChange={(ids) => set('credentials', credentialsFor(ids, draft.credentials))}
          searchable
          clearable
          clearButtonProps={{ 'aria-label': 'Clear credentials' }}
          nothingFoundMessage="No credential by that name"
        />
      </Section>

      <Section id="qc-memberships" title="4. Memberships" hint="Professional associations you belong to.">
        <RepeatableList
          title="Memberships"
          itemName="Membership"
          itemTestId="membership"
          items={draft.memberships}
          emptyText="No memberships added."
          addLabel="Add a membership"
          onAdd={() => set('memberships', [...draft.memberships, newMembership()])}
          onRemove={(i) => removeAt('memberships', i)}
          renderItem={(m, i) => (
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
              <Select
                label="Organization"
                data={organizationOptions}
                value={m.id || null}
                searchable
                required
                {...field(`memberships.${i}.id`)}
                onChange={(v) => replace('memberships', i, (x) => updateMembership(x, { id: v ?? '' }))}
              />
              <TextInput
                type="month"
                label="Member since (month)"
                placeholder="YYYY-MM"
                value={m.since}
                {...field(`memberships.${i}.since`)}
                onChange={(e) => {
                  const value = e.currentTarget.value;
                  replace('memberships', i, (x) => updateMembership(x, { since: value }));
                }}
              />
            </SimpleGrid>
          )}
        />
      </Section>
    </Stack>
  );
}
