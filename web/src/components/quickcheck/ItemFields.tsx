/**
 * The fields of one degree and of one job, with the plain-language questions that decide what a
 * job counts as. Shared by the quick check's form and the record's editors ("My record").
 */
import { Checkbox, NumberInput, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
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

/** Title, share of full time, dates and the questions about one job. */
export function JobFields({
  job: p,
  onChange,
  field,
  vocabulary,
}: {
  job: JobDraft;
  onChange: (update: (job: JobDraft) => JobDraft) => void;
  field: FieldProps;
  vocabulary: Vocabulary | undefined;
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
