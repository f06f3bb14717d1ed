/** "Plan an exam": a certification and the date you mean to sit its exam, shown on the timeline. */
import { Alert, Button, Group, Modal, Select, Stack, Text, TextInput } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useState } from 'react';
import { issuesOf, useAddPlannedExam } from '../../api/records';
import type { CertificationSummary } from '../../api/types';
import { fieldKey } from '../record/recordText';

const errorColour = { '--mantine-color-error': 'var(--mantine-color-red-9)' } as React.CSSProperties;

export function PlanExamDialog({
  opened,
  onClose,
  certifications,
  asOf,
}: {
  opened: boolean;
  onClose: () => void;
  certifications: readonly CertificationSummary[] | undefined;
  asOf: string;
}) {
  const phone = useMediaQuery('(max-width: 47.99em)', false, { getInitialValueInEffect: false });
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title="Plan an exam"
      fullScreen={phone}
      styles={{ title: { fontWeight: 700, fontSize: 'var(--mantine-font-size-lg)' } }}
      closeButtonProps={{ 'aria-label': 'Close' }}
    >
      {opened && <PlanExamForm onClose={onClose} certifications={certifications} asOf={asOf} />}
    </Modal>
  );
}

function PlanExamForm({
  onClose,
  certifications,
  asOf,
}: {
  onClose: () => void;
  certifications: readonly CertificationSummary[] | undefined;
  asOf: string;
}) {
  const [certificationId, setCertificationId] = useState<string | null>(null);
  const [date, setDate] = useState('');
  const [note, setNote] = useState('');
  const add = useAddPlannedExam();
  const errors: Record<string, string> = {};
  for (const issue of issuesOf(add.error)) errors[fieldKey(issue.path, 'plannedExam')] ??= issue.message;
  const unplaced = add.error && Object.keys(errors).length === 0 ? add.error.message : null;
  const options = (certifications ?? []).map((c) => ({ value: c.id, label: `${c.acronym} — ${c.name}` }));

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    add.mutate(
      { certificationId: certificationId ?? '', date, ...(note.trim() ? { note: note.trim() } : {}) },
      { onSuccess: onClose },
    );
  };

  return (
    <form onSubmit={submit} noValidate style={errorColour}>
      <Stack gap="sm">
        <Select
          label="Certification"
          data={options}
          value={certificationId}
          onChange={setCertificationId}
          searchable
          required
          nothingFoundMessage="No certification by that name"
          error={errors.certificationId}
        />
        <TextInput
          type="date"
          label="Exam date"
          required
          min={asOf}
          value={date}
          onChange={(e) => setDate(e.currentTarget.value)}
          error={errors.date}
        />
        <TextInput
          label="Note"
          placeholder="e.g. Testing centre booked"
          maxLength={300}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
          error={errors.note}
        />
        {unplaced && (
          <Alert color="red" variant="light" title="Could not plan the exam" role="alert">
            <Text size="sm">{unplaced}</Text>
          </Alert>
        )}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" loading={add.isPending}>
            Add to my dates
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
