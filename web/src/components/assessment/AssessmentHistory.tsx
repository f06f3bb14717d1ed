/**
 * Where the ratings are kept. Signed in: "Save" adds a dated assessment to my record (section
 * `assessments`), earlier ones are listed and one can be chosen to compare with on the chart.
 * Not signed in: the ratings stay in this browser, and the page says so.
 */
import { Alert, Anchor, Button, Group, List, Select, Stack, Text, Title } from '@mantine/core';
import { IconDeviceFloppy, IconInfoCircle } from '@tabler/icons-react';
import { Link, useLocation } from 'react-router';
import type { Ratings } from '../../api/career';
import type { RecordItem } from '../../api/recordTypes';
import { formatDate } from '../../lib/format';
import { signInPath } from '../auth/RequireAuth';

export interface SavedAssessment {
  id: string;
  date: string;
  ratings: Ratings;
}

/** The record's assessments, newest first (by date, then by when they were saved). */
export function savedAssessments(items: ReadonlyArray<RecordItem<'assessments'>>): SavedAssessment[] {
  return [...items]
    .sort((a, b) =>
      a.data.date !== b.data.date ? (a.data.date < b.data.date ? 1 : -1) : a.createdAt < b.createdAt ? 1 : -1,
    )
    .map((item) => ({ id: item.id, date: item.data.date, ratings: item.data.ratings }));
}

export function KeptInBrowser() {
  const location = useLocation();
  return (
    <Alert variant="light" color="blue" icon={<IconInfoCircle aria-hidden />} data-testid="kept-in-browser">
      <Text fz="sm">
        Your ratings and target role stay in this browser only; nothing is sent to be stored.{' '}
        <Anchor component={Link} to={signInPath(location.pathname)} fz="sm" c="inherit" underline="always">
          Sign in
        </Anchor>{' '}
        to save dated assessments to your record and compare with earlier ones.
      </Text>
    </Alert>
  );
}

export function AssessmentHistory({
  history,
  canSave,
  saving,
  saveError,
  justSaved,
  onSave,
  compareWith,
  onCompareWith,
  today,
}: {
  history: SavedAssessment[];
  canSave: boolean;
  saving: boolean;
  saveError: Error | null;
  justSaved: boolean;
  onSave: () => void;
  compareWith: string | null;
  onCompareWith: (id: string | null) => void;
  today: string;
}) {
  return (
    <Stack gap="sm" data-testid="assessment-history">
      <Group gap="sm">
        <Button
          onClick={onSave}
          loading={saving}
          disabled={!canSave}
          leftSection={<IconDeviceFloppy size={16} aria-hidden />}
        >
          Save as today's assessment
        </Button>
        <Text fz="sm" c="dimmed" role="status">
          {justSaved
            ? `Saved to your record, dated ${formatDate(today)}.`
            : canSave
              ? ''
              : 'Rate at least one competency to save.'}
        </Text>
      </Group>
      {saveError && (
        <Text fz="sm" c="red.9" role="alert">
          Could not save: {saveError.message}
        </Text>
      )}
      <div>
        <Title order={3} fz="h5">
          Saved assessments
        </Title>
        {history.length === 0 ? (
          <Text fz="sm" c="dimmed">
            None yet. Each save is kept with its date, so you can see how you grow.
          </Text>
        ) : (
          <List size="sm" spacing={2} mt={4} data-testid="history-list">
            {history.map((h) => (
              <List.Item key={h.id} data-testid="history-item" data-date={h.date}>
                {formatDate(h.date)}: {Object.keys(h.ratings).length} competencies rated
              </List.Item>
            ))}
          </List>
        )}
      </div>
      {history.length > 0 && (
        <Select
          label="Compare with an earlier assessment"
          description="Shown as a third series on the chart"
          placeholder="No comparison"
          clearable
          maw={360}
          value={compareWith}
          onChange={onCompareWith}
          data={history.map((h) => ({
            value: h.id,
            label: `${formatDate(h.date)} (${Object.keys(h.ratings).length} rated)`,
          }))}
        />
      )}
    </Stack>
  );
}
