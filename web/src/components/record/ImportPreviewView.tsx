/** What importing a profile file would change, per section, with the items added and removed. */
import { Accordion, Badge, Group, List, Stack, Text } from '@mantine/core';
import type { ImportPreview, RecordSection, SectionItem } from '../../api/recordTypes';
import { countText } from '../../lib/format';
import { EDITED_SECTIONS, summaryOf, type EditedSection, type RecordLabels } from './recordDrafts';
import { profileDateText } from './recordText';
import { sectionInfo } from './sectionInfo';

const SECTIONS: RecordSection[] = [...EDITED_SECTIONS, 'assessments'];

const sectionTitle = (s: RecordSection) => (s === 'assessments' ? 'Self-assessments' : sectionInfo[s].title);

const fieldNames: Record<string, string> = {
  name: 'Name',
  collegeCreditHours: 'College credit hours',
  attestations: 'Statements only you can make',
  goals: 'Goals',
};

function itemText(section: RecordSection, item: SectionItem, labels: RecordLabels): string {
  if (section === 'assessments') {
    const date = (item as { date?: string }).date;
    return `Self-assessment of ${profileDateText(date)}`;
  }
  const s = summaryOf(section as EditedSection, item, labels);
  return s.details.length ? `${s.title} (${s.details.join(' · ')})` : s.title;
}

function fieldValue(key: string, value: unknown): string {
  if (value === undefined || value === null) return 'none';
  if (Array.isArray(value)) return value.length ? value.join(', ') : 'none';
  if (key === 'goals' && typeof value === 'object') {
    const goals = value as { targetRole?: string; by?: string };
    const parts = [
      ...(goals.targetRole ? [`become ${goals.targetRole.replaceAll('-', ' ')}`] : []),
      ...(goals.by ? [`by ${profileDateText(goals.by)}`] : []),
    ];
    return parts.length ? parts.join(' ') : 'set';
  }
  if (typeof value === 'object') return 'set';
  return String(value);
}

export function ImportPreviewView({ preview, labels }: { preview: ImportPreview; labels: RecordLabels }) {
  const { totals } = preview;
  const touched = SECTIONS.filter((s) => {
    const c = preview.sections[s];
    return c && c.added + c.removed + c.unchanged > 0;
  });
  return (
    <Stack gap="sm" data-testid="import-preview">
      <Text data-testid="import-totals">
        {countText(totals.added, 'item')} added, {countText(totals.removed, 'item')} removed,{' '}
        {countText(totals.unchanged, 'item')} already in your record.
      </Text>
      {preview.fields.changed.length > 0 && (
        <List size="sm" spacing={2}>
          {preview.fields.changed.map((key) => (
            <List.Item key={key}>
              {fieldNames[key] ?? key}:{' '}
              {fieldValue(key, (preview.fields.after as unknown as Record<string, unknown>)[key])}
            </List.Item>
          ))}
        </List>
      )}
      {touched.length === 0 ? (
        <Text size="sm">The file holds no items.</Text>
      ) : (
        <Accordion variant="separated" multiple chevronPosition="right" order={3}>
          {touched.map((s) => {
            const c = preview.sections[s];
            return (
              <Accordion.Item key={s} value={s} data-testid={`preview-${s}`}>
                <Accordion.Control>
                  <Group gap="xs" justify="space-between" wrap="wrap">
                    <Text span fw={600}>
                      {sectionTitle(s)}
                    </Text>
                    <Group gap={6}>
                      <Badge
                        color={c.added ? 'green' : 'gray'}
                        variant="light"
                        tt="none"
                        radius="sm"
                        c="var(--mantine-color-text)"
                      >
                        {c.added} added
                      </Badge>
                      <Badge
                        color={c.removed ? 'red' : 'gray'}
                        variant="light"
                        tt="none"
                        radius="sm"
                        c="var(--mantine-color-text)"
                      >
                        {c.removed} removed
                      </Badge>
                      <Badge color="gray" variant="light" tt="none" radius="sm" c="var(--mantine-color-text)">
                        {c.unchanged} unchanged
                      </Badge>
                    </Group>
                  </Group>
                </Accordion.Control>
                <Accordion.Panel>
                  <Stack gap="xs">
                    {c.addedItems.length > 0 && (
                      <div>
                        <Text size="sm" fw={600}>
                          Added
                        </Text>
                        <List size="sm" spacing={2}>
                          {c.addedItems.map((item, i) => (
                            <List.Item key={i} className="break-anywhere">
                              {itemText(s, item, labels)}
                            </List.Item>
                          ))}
                        </List>
                      </div>
                    )}
                    {c.removedItems.length > 0 && (
                      <div>
                        <Text size="sm" fw={600}>
                          Removed
                        </Text>
                        <List size="sm" spacing={2}>
                          {c.removedItems.map((item) => (
                            <List.Item key={item.id} className="break-anywhere">
                              {itemText(s, item.data, labels)}
                            </List.Item>
                          ))}
                        </List>
                      </div>
                    )}
                    {c.unchanged > 0 && (
                      <Text size="sm" c="dimmed">
                        {countText(c.unchanged, 'item')} already in your record stay as they are.
                      </Text>
                    )}
                  </Stack>
                </Accordion.Panel>
              </Accordion.Item>
            );
          })}
        </Accordion>
      )}
    </Stack>
  );
}
