import { Badge } from '@mantine/core';
import { IconFlask } from '@tabler/icons-react';

/** Marks an illustrative entry: it shows how the catalog describes a format, and is not a real offering. */
export function ExampleBadge({ size = 'md' }: { size?: 'sm' | 'md' }) {
  return (
    <Badge
      color="orange"
      variant="outline"
      radius="sm"
      tt="none"
      size={size}
      leftSection={<IconFlask size={12} color="var(--mantine-color-orange-8)" aria-hidden />}
      styles={{
        root: {
          color: 'var(--mantine-color-text)',
          borderColor: 'var(--mantine-color-orange-7)',
          height: 'auto',
          whiteSpace: 'normal',
        },
        label: { whiteSpace: 'normal' },
      }}
      data-testid="example-badge"
    >
      Example (not a real offering)
    </Badge>
  );
}
