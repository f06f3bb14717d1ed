import { Badge, List, Paper, Text, Title } from '@mantine/core';
import type { Confidence } from '../api/types';
import { confidenceInfo } from '../lib/format';

/** How sure the catalog is of a fact; "low" reads as "Unverified". */
export function ConfidenceBadge({
  confidence,
  size = 'md',
}: {
  confidence: Confidence;
  size?: 'sm' | 'md' | 'lg';
}) {
  const info = confidenceInfo[confidence];
  return (
    <Badge
      variant="dot"
      color={info.color}
      size={size}
      radius="sm"
      tt="none"
      title={info.explanation}
      data-confidence={confidence}
      styles={{ root: { color: 'var(--mantine-color-text)' } }}
    >
      {info.label}
    </Badge>
  );
}

/** What high / medium / unverified mean, shown wherever confidence badges appear. */
export function ConfidenceLegend({ headingLevel = 2 }: { headingLevel?: 2 | 3 }) {
  return (
    <Paper withBorder p="md" component="aside" aria-labelledby="confidence-legend-title">
      <Title order={headingLevel} size="h4" id="confidence-legend-title" mb="xs">
        What the confidence labels mean
      </Title>
      <List spacing="xs" listStyleType="none" pl={0}>
        {(['high', 'medium', 'low'] as const).map((c) => (
          <List.Item key={c}>
            <ConfidenceBadge confidence={c} size="sm" />{' '}
            <Text span size="sm">
              {confidenceInfo[c].explanation}
            </Text>
          </List.Item>
        ))}
      </List>
    </Paper>
  );
}
