/** "About you": the record's profile fields (name, college credit hours, attestations). */
import {
  Alert,
  Button,
  Checkbox,
  Group,
  NumberInput,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import type { ProfileFields } from '../../api/recordTypes';
import { issuesOf, useUpdateFields } from '../../api/records';
import type { Vocabulary } from '../../api/types';
import { descriptionBelow } from '../quickcheck/ItemFields';
import { fieldKey } from './recordText';

/** Field errors in red.9 (5.4:1 on white) rather than red.6 (3.3:1), as in the quick check. */
const errorColour = { '--mantine-color-error': 'var(--mantine-color-red-9)' } as React.CSSProperties;

export function ProfileFieldsCard({
  fields,
  vocabulary,
}: {
  fields: ProfileFields;
  vocabulary: Vocabulary | undefined;
}) {
  const [name, setName] = useState(fields.name ?? '');
  const [credits, setCredits] = useState<number | string>(fields.collegeCreditHours ?? '');
  const [attestations, setAttestations] = useState<string[]>(fields.attestations);
  const [saved, setSaved] = useState(false);
  const update = useUpdateFields();

  const errors: Record<string, string> = {};
  for (const issue of issuesOf(update.error)) errors[fieldKey(issue.path)] ??= issue.message;
  const unplaced = update.error && !errors.name && !errors.collegeCreditHours ? update.error.message : null;

  const known = new Set((vocabulary?.attestations ?? []).map((a) => a.id));
  const save = (event: React.FormEvent) => {
    event.preventDefault();
    setSaved(false);
    const n = typeof credits === 'number' ? credits : credits.trim() === '' ? null : Number(credits);
    update.mutate(
      {
        name: name.trim() ? name.trim() : null,
        collegeCreditHours: n === null || Number.isNaN(n) ? null : n,
        // Attestations the catalog no longer lists are kept as they are.
        attestations: [
          ...attestations,
          ...fields.attestations.filter((a) => !known.has(a) && !attestations.includes(a)),
        ],
      },
      { onSuccess: () => setSaved(true) },
    );
  };

  return (
    <Paper
      withBorder
      p={{ base: 'sm', sm: 'md' }}
      component="section"
      aria-labelledby="record-about"
      id="record-about-you"
    >
      <form onSubmit={save} noValidate style={errorColour}>
        <Stack gap="sm">
          <div>
            <Title order={2} fz="h3" id="record-about">
              About you
            </Title>
            <Text size="sm" c="dimmed">
              Your name is shown on files you download. Some certifications accept college credit hours
              instead of a degree.
            </Text>
          </div>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <TextInput
              label="Name"
              id="record-field-name"
              maxLength={300}
              value={name}
              error={errors.name}
              onChange={(e) => {
                const value = e.currentTarget.value;
                setName(value);
                setSaved(false);
              }}
            />
            <NumberInput
              label="College credit hours"
              id="record-field-credit-hours"
              description="Semester hours earned, if you have no degree yet"
              inputWrapperOrder={descriptionBelow}
              min={0}
              max={1000}
              allowDecimal={false}
              value={credits}
              error={errors.collegeCreditHours}
              onChange={(v) => {
                setCredits(v);
                setSaved(false);
              }}
            />
          </SimpleGrid>
          {(vocabulary?.attestations.length ?? 0) > 0 && (
            <Checkbox.Group
              label="Statements only you can make"
              description="Some certifications ask for things no record shows, such as references. Tick those that are true."
              value={attestations}
              onChange={(v) => {
                setAttestations(v);
                setSaved(false);
              }}
            >
              <Stack gap={8} mt="xs">
                {vocabulary?.attestations.map((a) => (
                  <Checkbox key={a.id} value={a.id} label={a.statement} />
                ))}
              </Stack>
            </Checkbox.Group>
          )}
          {unplaced && (
            <Alert color="red" variant="light" title="Could not save" role="alert">
              <Text size="sm">{unplaced}</Text>
            </Alert>
          )}
          <Group gap="sm">
            <Button type="submit" variant="light" loading={update.isPending}>
              Save these details
            </Button>
            <Text size="sm" role="status">
              {saved ? 'Saved.' : ''}
            </Text>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
