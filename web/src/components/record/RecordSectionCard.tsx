/** One section of "My record": its items in plain words, each with Edit and Delete, and an add button. */
import { Badge, Button, Flex, Group, Paper, Stack, Text, Title, VisuallyHidden } from '@mantine/core';
import { IconPencil, IconPlus, IconTrash } from '@tabler/icons-react';
import { forwardRef, useState } from 'react';
import type { RecordItem } from '../../api/recordTypes';
import { summaryOf, type EditedSection, type RecordLabels } from './recordDrafts';
import { sectionInfo } from './sectionInfo';

/** Sections this long show their first items and a "Show all" button. */
const SHOW_FIRST = 10;

interface Props {
  section: EditedSection;
  items: RecordItem[];
  labels: RecordLabels;
  onAdd: () => void;
  onEdit: (item: RecordItem) => void;
  onDelete: (item: RecordItem) => void;
  /** The last change, announced to screen readers ("Job saved."). */
  announcement: string;
}

/** The element id of a section, for links to it ("#record-positions"). */
export const sectionAnchor = (section: EditedSection) => `record-${section}`;

export const RecordSectionCard = forwardRef<HTMLButtonElement, Props>(function RecordSectionCard(
  { section, items, labels, onAdd, onEdit, onDelete, announcement },
  addRef,
) {
  const info = sectionInfo[section];
  const [showAll, setShowAll] = useState(false);
  // Continuing education reads best newest first; the other sections in date order.
  const ordered = section === 'ce' ? [...items].reverse() : items;
  const shown = showAll ? ordered : ordered.slice(0, SHOW_FIRST);
  const headingId = `${sectionAnchor(section)}-heading`;

  return (
    <Paper
      withBorder
      p={{ base: 'sm', sm: 'md' }}
      component="section"
      aria-labelledby={headingId}
      id={sectionAnchor(section)}
      data-testid={`section-${section}`}
    >
      <Stack gap="sm">
        <Flex
          gap="sm"
          justify="space-between"
          align={{ base: 'stretch', xs: 'flex-start' }}
          direction={{ base: 'column', xs: 'row' }}
        >
          <div>
            <Title order={2} fz="h3" id={headingId}>
              {info.title}{' '}
              <Text span c="dimmed" fz="md" fw={400}>
                ({items.length})
              </Text>
            </Title>
            <Text size="sm" c="dimmed" maw={640}>
              {info.hint}
            </Text>
          </div>
          <Button
            ref={addRef}
            variant="light"
            leftSection={<IconPlus size={16} aria-hidden />}
            onClick={onAdd}
            style={{ flexShrink: 0 }}
          >
            {info.addLabel}
          </Button>
        </Flex>
        {items.length === 0 ? (
          <Text size="sm">{info.emptyText}</Text>
        ) : (
          <ul aria-label={info.title} style={{ listStyle: 'none', margin: 0, padding: 0 }}>
            {shown.map((item) => {
              const summary = summaryOf(section, item.data, labels);
              return (
                <li
                  key={item.id}
                  data-testid={`${section}-item`}
                  style={{ borderTop: '1px solid var(--mantine-color-default-border)', padding: '10px 0' }}
                >
                  <Flex
                    gap="xs"
                    justify="space-between"
                    align={{ base: 'stretch', sm: 'flex-start' }}
                    direction={{ base: 'column', sm: 'row' }}
                  >
                    <div style={{ minWidth: 0 }}>
                      <Text fw={600} className="break-anywhere">
                        {summary.title}
                      </Text>
                      {summary.details.length > 0 && (
                        <Text size="sm" c="dimmed" className="break-anywhere">
                          {summary.details.join(' · ')}
                        </Text>
                      )}
                      {summary.tags.length > 0 && (
                        <Group gap={4} mt={4}>
                          <VisuallyHidden>Counts as:</VisuallyHidden>
                          {summary.tags.map((tag) => (
                            <Badge
                              key={tag}
                              variant="light"
                              color="gray"
                              tt="none"
                              radius="sm"
                              c="var(--mantine-color-text)"
                            >
                              {tag}
                            </Badge>
                          ))}
                        </Group>
                      )}
                    </div>
                    <Group gap={4} wrap="nowrap" style={{ flexShrink: 0 }}>
                      <Button
                        variant="subtle"
                        size="compact-sm"
                        leftSection={<IconPencil size={14} aria-hidden />}
                        onClick={() => onEdit(item)}
                        aria-label={`Edit ${info.noun}: ${summary.title}`}
                      >
                        Edit
                      </Button>
                      <Button
                        variant="subtle"
                        color="red"
                        c="red.9"
                        size="compact-sm"
                        leftSection={<IconTrash size={14} aria-hidden />}
                        onClick={() => onDelete(item)}
                        aria-label={`Delete ${info.noun}: ${summary.title}`}
                      >
                        Delete
                      </Button>
                    </Group>
                  </Flex>
                </li>
              );
            })}
          </ul>
        )}
        {items.length > SHOW_FIRST && (
          <Group>
            <Button variant="subtle" size="compact-sm" onClick={() => setShowAll((v) => !v)}>
              {showAll ? `Show the ${SHOW_FIRST} newest only` : `Show all ${items.length}`}
            </Button>
          </Group>
        )}
        <VisuallyHidden role="status" aria-live="polite">
          {announcement}
        </VisuallyHidden>
      </Stack>
    </Paper>
  );
});
