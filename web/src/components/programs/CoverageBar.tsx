import { countText } from '../../lib/format';
import { Group, Progress, Stack, Text } from '@mantine/core';
import type { Coverage } from '../../api/programs';

/** How much of the person's gap one program covers: a bar, the percent in words, and which gaps. */
export function CoverageBar({
  coverage,
  name,
  best,
  showList = true,
}: {
  coverage: Coverage;
  name: string;
  best?: boolean;
  showList?: boolean;
}) {
  const covered = coverage.competencies;
  return (
    <Stack gap={6} data-testid="coverage">
      <Group justify="space-between" gap="xs" wrap="nowrap">
        <Text fw={700} size="lg" data-testid="coverage-percent">
          {coverage.percent}%
        </Text>
        {best && (
          <Text size="sm" fw={600} c="teal.9" data-testid="best-coverage">
            ★ Most coverage
          </Text>
        )}
      </Group>
      <Progress.Root size="lg">
        <Progress.Section
          value={coverage.percent}
          color={best ? 'teal.7' : 'indigo.6'}
          aria-label={`${name}: covers ${coverage.percent}% of your gap`}
        />
      </Progress.Root>
      <Text size="sm" c="dimmed">
        {coverage.points} of {countText(coverage.gapPoints, 'gap point')}
      </Text>
      {showList &&
        (covered.length ? (
          <Text size="sm">
            Covers:{' '}
            {covered
              .map((c) => `${c.label} (${c.levels === 1 ? '1 level' : `${c.levels} levels`})`)
              .join(', ')}
          </Text>
        ) : (
          <Text size="sm">Covers none of your gap competencies.</Text>
        ))}
    </Stack>
  );
}
