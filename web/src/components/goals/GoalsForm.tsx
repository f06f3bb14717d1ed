/**
 * My goals: the target role, the target certifications, by when, and what a plan must fit
 * (budget per year, hours per week, online only, no new degree). Saved as the record's `goals`
 * (profile@1); the dashboard opens with them and the planner starts from them.
 */
import {
  Alert,
  Button,
  Checkbox,
  Group,
  MultiSelect,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useState } from 'react';
import { useRoles } from '../../api/career';
import { useCertificationList } from '../../api/queries';
import type { ProfileFields } from '../../api/recordTypes';
import { issuesOf, useUpdateFields } from '../../api/records';
import { roleOptions } from '../plan/PlanForm';
import { descriptionBelow } from '../quickcheck/ItemFields';
import { fieldKey } from '../record/recordText';

type Goals = NonNullable<ProfileFields['goals']>;

/** Field errors in red.9 (5.4:1 on white) rather than red.6 (3.3:1), as elsewhere in the record. */
const errorColour = { '--mantine-color-error': 'var(--mantine-color-red-9)' } as React.CSSProperties;

const MONTH = /^\d{4}-\d{2}$/;

export interface GoalsDraft {
  targetRole: string | null;
  certifications: string[];
  /** `YYYY-MM` or '' */
  by: string;
  budgetPerYear: number | '';
  hoursPerWeek: number | '';
  onlineOnly: boolean;
  noNewDegree: boolean;
}

/** The form's starting values from the stored goals (a full date shows as its month). */
export function draftOf(goals: Goals | undefined): GoalsDraft {
  const c = goals?.constraints;
  return {
    targetRole: goals?.targetRole ?? null,
    certifications: goals?.certifications ?? [],
    by: goals?.by ? goals.by.slice(0, 7) : '',
    budgetPerYear: c?.budgetPerYear ?? '',
    hoursPerWeek: c?.hoursPerWeek ?? '',
    onlineOnly: c?.onlineOnly ?? false,
    noNewDegree: c?.noNewDegree ?? false,
  };
}

/**
 * The goals to store: empty parts left out, constraints the form does not show kept as they were,
 * and `null` (remove the goals) when nothing is left.
 */
export function goalsOf(draft: GoalsDraft, stored: Goals | undefined): Goals | null {
  const constraints: NonNullable<Goals['constraints']> = { ...(stored?.constraints ?? {}) };
  delete constraints.budgetPerYear;
  delete constraints.hoursPerWeek;
  delete constraints.onlineOnly;
  delete constraints.noNewDegree;
  if (draft.budgetPerYear !== '') constraints.budgetPerYear = draft.budgetPerYear;
  if (draft.hoursPerWeek !== '') constraints.hoursPerWeek = draft.hoursPerWeek;
  if (draft.onlineOnly) constraints.onlineOnly = true;
  if (draft.noNewDegree) constraints.noNewDegree = true;
  // A stored full date is kept when the month shown was not changed.
  const by = draft.by === '' ? undefined : stored?.by?.startsWith(draft.by) ? stored.by : draft.by;
  const goals: Goals = {
    ...(draft.targetRole ? { targetRole: draft.targetRole } : {}),
    ...(draft.certifications.length ? { certifications: draft.certifications } : {}),
    ...(by ? { by } : {}),
    ...(Object.keys(constraints).length ? { constraints } : {}),
  };
  return Object.keys(goals).length ? goals : null;
}

export function GoalsForm({
  goals,
  submitLabel = 'Save my goals',
  onSaved,
  idPrefix = 'goals',
}: {
  goals: Goals | undefined;
  submitLabel?: string;
  onSaved?: () => void;
  /** Keeps ids unique when the form is shown twice. */
  idPrefix?: string;
}) {
  const [draft, setDraft] = useState<GoalsDraft>(() => draftOf(goals));
  const [saved, setSaved] = useState(false);
  const [byError, setByError] = useState<string | null>(null);
  const roles = useRoles();
  const certifications = useCertificationList({});
  const update = useUpdateFields();

  const errors: Record<string, string> = {};
  for (const issue of issuesOf(update.error))
    errors[fieldKey(issue.path).replace(/^goals\./, '')] ??= issue.message;
  const placed = [
    'targetRole',
    'certifications',
    'by',
    'constraints.budgetPerYear',
    'constraints.hoursPerWeek',
  ];
  const unplaced =
    update.error && !Object.keys(errors).some((k) => placed.some((p) => k.startsWith(p)))
      ? update.error.message
      : null;

  const set = (patch: Partial<GoalsDraft>) => {
    setDraft((d) => ({ ...d, ...patch }));
    setSaved(false);
  };
  const certOptions = (certifications.data?.certifications ?? [])
    .map((c) => ({ value: c.id, label: `${c.acronym} — ${c.name}` }))
    .sort((a, b) => a.label.localeCompare(b.label));
  // A stored id the catalog no longer lists stays selectable, so saving never drops it silently.
  for (const id of draft.certifications)
    if (certifications.data && !certOptions.some((o) => o.value === id))
      certOptions.push({ value: id, label: `${id} (not in the catalog)` });

  const save = (event: React.FormEvent) => {
    event.preventDefault();
    setSaved(false);
    if (draft.by !== '' && !MONTH.test(draft.by)) {
      setByError('Enter a month as YYYY-MM, for example 2028-12');
      return;
    }
    setByError(null);
    update.mutate(
      { goals: goalsOf(draft, goals) },
      {
        onSuccess: () => {
          setSaved(true);
          onSaved?.();
        },
      },
    );
  };

  return (
    <form onSubmit={save} noValidate style={errorColour} aria-label="My goals">
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <Select
            id={`${idPrefix}-role`}
            label="Target role"
            description="The job you want to reach"
            inputWrapperOrder={descriptionBelow}
            placeholder={roles.isPending ? 'Loading roles…' : 'Choose a role'}
            data={roles.data ? roleOptions(roles.data.roles) : []}
            value={draft.targetRole}
            onChange={(v) => set({ targetRole: v })}
            searchable
            clearable
            clearButtonProps={{ 'aria-label': 'Clear the target role' }}
            nothingFoundMessage="No role by that name"
            error={errors.targetRole}
          />
          <TextInput
            id={`${idPrefix}-by`}
            type="month"
            label="By"
            description="Month (YYYY-MM); optional"
            inputWrapperOrder={descriptionBelow}
            value={draft.by}
            onChange={(e) => set({ by: e.currentTarget.value })}
            error={byError ?? errors.by}
          />
        </SimpleGrid>
        <MultiSelect
          id={`${idPrefix}-certifications`}
          label="Target certifications"
          description="The certifications you want, most wanted first"
          inputWrapperOrder={descriptionBelow}
          placeholder={draft.certifications.length ? undefined : 'Choose certifications'}
          data={certOptions}
          value={draft.certifications}
          onChange={(ids) => set({ certifications: ids })}
          searchable
          clearable
          maxValues={20}
          clearButtonProps={{ 'aria-label': 'Clear the target certifications' }}
          nothingFoundMessage="No certification by that name"
          error={
            errors.certifications ??
            Object.entries(errors).find(([k]) => k.startsWith('certifications.'))?.[1]
          }
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <NumberInput
            id={`${idPrefix}-budget`}
            label="Budget per year (US $)"
            description="For programs and exams; optional"
            inputWrapperOrder={descriptionBelow}
            min={0}
            step={500}
            thousandSeparator=","
            allowNegative={false}
            value={draft.budgetPerYear}
            onChange={(v) => set({ budgetPerYear: v === '' ? '' : Number(v) })}
            error={errors['constraints.budgetPerYear']}
          />
          <NumberInput
            id={`${idPrefix}-hours`}
            label="Study hours per week"
            description="Optional"
            inputWrapperOrder={descriptionBelow}
            min={0}
            max={80}
            allowNegative={false}
            value={draft.hoursPerWeek}
            onChange={(v) => set({ hoursPerWeek: v === '' ? '' : Number(v) })}
            error={errors['constraints.hoursPerWeek']}
          />
        </SimpleGrid>
        <Group gap="lg">
          <Checkbox
            label="Online only"
            checked={draft.onlineOnly}
            onChange={(e) => set({ onlineOnly: e.currentTarget.checked })}
          />
          <Checkbox
            label="No new degree"
            checked={draft.noNewDegree}
            onChange={(e) => set({ noNewDegree: e.currentTarget.checked })}
          />
        </Group>
        {unplaced && (
          <Alert color="red" variant="light" title="Could not save" role="alert">
            <Text size="sm">{unplaced}</Text>
          </Alert>
        )}
        <Group gap="sm">
          <Button type="submit" variant="light" loading={update.isPending}>
            {submitLabel}
          </Button>
          <Text size="sm" role="status">
            {saved ? 'Saved.' : ''}
          </Text>
        </Group>
      </Stack>
    </form>
  );
}
