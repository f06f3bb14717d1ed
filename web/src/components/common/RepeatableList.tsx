import { Button, Fieldset, Group, Stack, Text, VisuallyHidden } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useEffect, useRef, useState, type ReactNode } from 'react';

export interface RepeatableListProps<T> {
  /** What the list holds, for assistive technology: "Jobs". */
  title: string;
  /** One item, capitalised: "Job" gives the legends "Job 1", "Job 2" and the buttons "Remove job 2". */
  itemName: string;
  items: readonly T[];
  /** The fields of one item (inside its fieldset, above its remove button). */
  renderItem: (item: T, index: number) => ReactNode;
  /** The add button's text: "Add a job". */
  addLabel: string;
  onAdd: () => void;
  onRemove: (index: number) => void;
  /** Shown while the list is empty: "No jobs yet." */
  emptyText: string;
  /** data-testid of each item's fieldset. */
  itemTestId?: string;
}

type PendingFocus = { kind: 'item'; index: number } | { kind: 'add' };

const listStyle = {
  listStyle: 'none',
  margin: 0,
  padding: 0,
  display: 'flex',
  flexDirection: 'column',
  gap: 'var(--mantine-spacing-sm)',
} as const;

const focusable =
  'input:not([disabled]):not([type="hidden"]), select:not([disabled]), textarea:not([disabled]), button:not([disabled])';

/**
 * A list of like items (degrees, jobs, memberships), each in a numbered fieldset with its own
 * remove button, and an add button below. By keyboard: adding moves focus to the new item's
 * first field; removing moves it to the item that took its place, or to the add button, and
 * the change is announced.
 */
export function RepeatableList<T>({
  title,
  itemName,
  items,
  renderItem,
  addLabel,
  onAdd,
  onRemove,
  emptyText,
  itemTestId,
}: RepeatableListProps<T>) {
  const listRef = useRef<HTMLUListElement>(null);
  const addRef = useRef<HTMLButtonElement>(null);
  /** Where focus goes once the list has re-rendered after an add or a remove. */
  const pendingFocus = useRef<PendingFocus>(null);
  const [announcement, setAnnouncement] = useState('');
  const noun = itemName.toLowerCase();

  useEffect(() => {
    const pending = pendingFocus.current;
    if (!pending) return;
    pendingFocus.current = null;
    const item = pending.kind === 'item' ? listRef.current?.children[pending.index] : undefined;
    (item?.querySelector<HTMLElement>(focusable) ?? addRef.current)?.focus();
  }, [items.length]);

  const add = () => {
    onAdd();
    pendingFocus.current = { kind: 'item', index: items.length };
    setAnnouncement(`${itemName} ${items.length + 1} added.`);
  };
  const remove = (index: number) => {
    onRemove(index);
    pendingFocus.current = index < items.length - 1 ? { kind: 'item', index } : { kind: 'add' };
    setAnnouncement(`${itemName} ${index + 1} removed.`);
  };

  return (
    <Stack gap="sm">
      {items.length === 0 ? (
        <Text size="sm" c="dimmed">
          {emptyText}
        </Text>
      ) : (
        <ul ref={listRef} aria-label={title} style={listStyle}>
          {items.map((item, index) => (
            <li key={index}>
              <Fieldset
                legend={`${itemName} ${index + 1}`}
                data-testid={itemTestId}
                miw={0}
                p={{ base: 'sm', sm: 'md' }}
              >
                {renderItem(item, index)}
                <Group justify="flex-end" mt="xs">
                  <Button
                    variant="subtle"
                    color="red"
                    size="compact-sm"
                    leftSection={<IconTrash size={14} aria-hidden />}
                    onClick={() => remove(index)}
                    aria-label={`Remove ${noun} ${index + 1}`}
                  >
                    Remove
                  </Button>
                </Group>
              </Fieldset>
            </li>
          ))}
        </ul>
      )}
      <Group>
        <Button ref={addRef} variant="light" leftSection={<IconPlus size={16} aria-hidden />} onClick={add}>
          {addLabel}
        </Button>
      </Group>
      <VisuallyHidden role="status" aria-live="polite">
        {announcement}
      </VisuallyHidden>
    </Stack>
  );
}
