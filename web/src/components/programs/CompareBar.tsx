import { Button, CloseButton, Group, Paper, Text } from '@mantine/core';
import { IconArrowsHorizontal } from '@tabler/icons-react';
import { Link } from 'react-router';
import { comparePath, MAX_COMPARE } from './programText';

/** The sticky bar under the list: what is picked, and the way to the comparison. */
export function CompareBar({
  selected,
  nameOf,
  onRemove,
  onClear,
}: {
  selected: readonly string[];
  nameOf: (id: string) => string;
  onRemove: (id: string) => void;
  onClear: () => void;
}) {
  if (selected.length === 0) return null;
  const ready = selected.length >= 2;
  return (
    <Paper
      withBorder
      shadow="md"
      p="sm"
      component="section"
      aria-label="Programs to compare"
      data-testid="compare-bar"
      style={{ position: 'sticky', bottom: 8, zIndex: 20 }}
    >
      <Group justify="space-between" gap="sm">
        <Group gap={6} style={{ minWidth: 0, flex: '1 1 240px' }} component="ul" p={0} m={0}>
          {selected.map((id) => (
            <Group
              key={id}
              component="li"
              gap={2}
              wrap="nowrap"
              pl={8}
              pr={2}
              style={{
                listStyle: 'none',
                border: '1px solid var(--mantine-color-gray-4)',
                borderRadius: 'var(--mantine-radius-sm)',
                maxWidth: '100%',
              }}
            >
              <Text size="sm" truncate="end" maw={260} title={nameOf(id)}>
                {nameOf(id)}
              </Text>
              <CloseButton
                size="sm"
                aria-label={`Remove ${nameOf(id)} from the comparison`}
                onClick={() => onRemove(id)}
              />
            </Group>
          ))}
        </Group>
        <Group gap="xs" wrap="nowrap">
          <Button variant="subtle" size="compact-sm" onClick={onClear}>
            Clear
          </Button>
          {ready ? (
            <Button
              component={Link}
              to={comparePath(selected)}
              leftSection={<IconArrowsHorizontal size={16} aria-hidden />}
            >
              Compare ({selected.length})
            </Button>
          ) : (
            <Button disabled leftSection={<IconArrowsHorizontal size={16} aria-hidden />}>
              Compare ({selected.length})
            </Button>
          )}
        </Group>
      </Group>
      {!ready && (
        <Text size="sm" mt={6}>
          Pick at least 2 programs (up to {MAX_COMPARE}) to compare them side by side.
        </Text>
      )}
      {selected.length >= MAX_COMPARE && (
        <Text size="sm" mt={6}>
          {MAX_COMPARE} is the most you can compare at once.
        </Text>
      )}
    </Paper>
  );
}
