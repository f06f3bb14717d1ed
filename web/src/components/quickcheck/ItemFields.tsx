/**
 * The fields of one degree and of one job, with the plain-language questions that decide what a
 * job counts as. Shared by the quick check's form and the record's editors ("My record").
 */
import {
  Button,
  Checkbox,
  Group,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useMemo } from 'react';
import { matchRoles, type RoleForMatch } from '../../../../src/core/title-role-match';
import type { Vocabulary } from '../../api/types';
import {
  educationLevelOptions,
  updateDegree,
  updateJob,
  type DegreeDraft,
  type JobDraft,
} from './profileMapping';

/** The props that tie an input to its field: `id` (to focus it) and the error shown under it. */
export type FieldProps = (name: string) => { id: string; error: string | undefined };

/** Descriptions under the input, so that inputs side by side line up whether or not they have one. */
export const descriptionBelow: Array<'label' | 'input' | 'description' | 'error'> = [
  'label',
  'input',
  'description',
  'error',
];

/** Level, field of study and completion month of one degree. */
export function DegreeFields({
  degree: d,
  onChange,
  field,
}: {
  degree: DegreeDraft;
  /** Called with an update of the degree (so that quick edits never lose one another). */
  onChange: (update: (degree: DegreeDraft) => DegreeDraft) => void;
  field: FieldProps;
}) {
  return (
    <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
      <Select
        label="Level"
        data={educationLevelOptions}
        value={d.level}
        allowDeselect={false}
        {...field('level')}
        onChange={(v) => onChange((x) => updateDegree(x, { level: v ?? 'bachelor' }))}
      />
      <TextInput
        label="Field of study"
        placeholder="e.g. Nursing"
        value={d.field}
        maxLength={300}
        {...field('field')}
        onChange={(e) => {
          const value = e.currentTarget.value;
          onChange((x) => updateDegree(x, { field: value }));
        }}
      />
      <TextInput
        type="month"
        label="Completed (month)"
        description="Leave empty if not finished"
        inputWrapperOrder={descriptionBelow}
        placeholder="YYYY-MM"
        value={d.completed}
        {...field('completed')}
        onChange={(e) => {
          const value = e.currentTarget.value;
          onChange((x) => updateDegree(x, { completed: value }));
        }}
      />
    </SimpleGrid>
  );
}

/** The Select's value for "none of these roles". */
export const NO_ROLE = '__none__';

/** The role catalog as the role box offers it: every role by title, then "None of these". */
export function roleOptions(roles: readonly RoleForMatch[], current?: string) {
  const options = [...roles]
    .sort((a, b) => a.title.localeCompare(b.title))
    .map((r) => ({ value: r.id, label: r.title }));
  // A role from a file that this catalog does not list is still shown.
  if (current && !roles.some((r) => r.id === current)) options.push({ value: current, label: current });
  return [...options, { value: NO_ROLE, label: 'None of these' }];
}

/**
 * The role box of a job: searchable, from the role catalog, with "None of these"; while no role
 * is chosen it suggests the role the title names (title-role-match.ts), for the person to confirm.
 */
export function RoleField({
  job: p,
  onChange,
  field,
  roles,
}: {
  job: Pick<JobDraft, 'title' | 'role' | 'noRole'>;
  onChange: (patch: { role?: string; noRole?: boolean }) => void;
  field: FieldProps;
  roles: readonly RoleForMatch[];
}) {
  const options = useMemo(() => roleOptions(roles, p.role), [roles, p.role]);
  const suggestion = useMemo(() => {
    if (p.role || p.noRole || !p.title.trim()) return undefined;
    const best = matchRoles(p.title, roles)[0];
    return best && roles.find((r) => r.id === best.id);
  }, [p.title, p.role, p.noRole, roles]);
  const { id, error } = field('role');
  return (
    <Stack gap={6}>
      <Select
        id={id}
        error={error}
        label="Role"
        description="The kind of job this is in our career map: it lets the planner start from here"
        inputWrapperOrder={descriptionBelow}
        placeholder="Search the roles"
        data={options}
        value={p.role || (p.noRole ? NO_ROLE : null)}
        searchable
        clearable
        clearButtonProps={{ 'aria-label': 'Clear role' }}
        nothingFoundMessage="No role by that name: choose None of these"
        onChange={(v) =>
          onChange(
            v === NO_ROLE ? { role: undefined, noRole: true } : { role: v ?? undefined, noRole: undefined },
          )
        }
      />
      {suggestion && (
        <Group gap="xs" wrap="wrap" data-testid="role-suggestion">
          <Text size="sm">Suggested from the title: {suggestion.title}</Text>
          <Button
            size="compact-sm"
            variant="light"
            onClick={() => onChange({ role: suggestion.id, noRole: undefined })}
            aria-label={`Use the suggested role ${suggestion.title}`}
          >
            Use it
          </Button>
        </Group>
      )}
    </Stack>
  );
}

/** Title, role, share of full time, dates and the questions about one job. */
export function JobFields({
  job: p,
  onChange,
  field,
  vocabulary,
  roles,
}: {
  job: JobDraft;
  onChange: (update: (job: JobDraft) => JobDraft) => void;
  field: FieldProps;
  vocabulary: Vocabulary | undefined;
  /** The role catalog (GET /api/roles); the role box is shown once it is loaded. */
  roles?: readonly RoleForMatch[];
}) {
  return (
    <Stack gap="sm">
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <TextInput
          label="Job title"
          placeholder="e.g. Nurse Manager"
          required
          value={p.title}
          maxLength={300}
          {...field('title')}
          onChange={(e) => {
            const value = e.currentTarget.value;
            onChange((x) => updateJob(x, { title: value }));
          }}
        />
        <NumberInput
          label="Share of full time (FTE)"
          description="1 = full time, 0.5 = half time"
          inputWrapperOrder={descriptionBelow}
          min={0.05}
          max={1}
          step={0.1}
          decimalScale={2}
          value={p.fte}
          {...field('fte')}
          onChange={(v) => onChange((x) => updateJob(x, { fte: v }))}
        />
        {roles && (
          <div style={{ gridColumn: '1 / -1' }}>
            <RoleField
              job={p}
              onChange={(patch) => onChange((x) => updateJob(x, patch))}
              field={field}
              roles={roles}
            />
          </div>
        )}
        <TextInput
          type="month"
          label="Started (month)"
          placeholder="YYYY-MM"
          required
          value={p.start}
          {...field('start')}
          onChange={(e) => {
            const value = e.currentTarget.value;
            onChange((x) => updateJob(x, { start: value }));
          }}
        />
        <Stack gap={6}>
          <TextInput
            type="month"
            label="Ended (month)"
            placeholder={p.current ? undefined : 'YYYY-MM'}
            value={p.current ? '' : p.end}
            disabled={p.current}
            required={!p.current}
            {...field('end')}
            onChange={(e) => {
              const value = e.currentTarget.value;
              onChange((x) => updateJob(x, { end: value }));
            }}
          />
          <Checkbox
            label="I still work here"
            checked={p.current}
            onChange={(e) => {
              const current = e.currentTarget.checked;
              onChange((x) => updateJob(x, { current }));
            }}
          />
        </Stack>
      </SimpleGrid>
      <Checkbox.Group
        label="About this job"
        description="Tick every statement that is true."
        value={p.kinds}
        error={field('kinds').error}
        onChange={(kinds) => onChange((x) => updateJob(x, { kinds }))}
      >
        <Stack gap={8} mt="xs">
          {(vocabulary?.experienceKinds ?? []).map((k) => (
            <Checkbox key={k.id} value={k.id} label={k.question} />
          ))}
        </Stack>
      </Checkbox.Group>
    </Stack>
  );
}
