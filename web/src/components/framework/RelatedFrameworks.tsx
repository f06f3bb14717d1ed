import { Badge, Group, List, Stack, Text } from '@mantine/core';
import type { CompetencyFramework } from '../../api/career';
import { ExternalLink } from '../ExternalLink';
import { licenceInfo } from './text';

type Related = NonNullable<CompetencyFramework['framework']>['relatedFrameworks'][number];

/** Other frameworks ours lines up with, each with its licence terms and a link to its owner. */
export function RelatedFrameworks({ frameworks }: { frameworks: readonly Related[] }) {
  return (
    <List listStyleType="none" spacing="md" pl={0} data-testid="related-frameworks">
      {frameworks.map((f) => {
        const licence = licenceInfo[f.licence];
        return (
          <List.Item key={f.id}>
            <Stack gap={4}>
              <Group gap="xs" wrap="wrap">
                <ExternalLink href={f.url} fw={600} fz="sm">
                  {f.name}
                </ExternalLink>
                <Badge
                  size="sm"
                  variant="light"
                  color={licence.color}
                  tt="none"
                  styles={{ root: { color: 'var(--mantine-color-text)' } }}
                >
                  Licence: {licence.label}
                </Badge>
              </Group>
              <Text fz="sm" c="dimmed">
                {f.publisher}
              </Text>
              <Text fz="sm">
                {licence.explanation}
                {f.note ? ` ${f.note}` : ''}
              </Text>
            </Stack>
          </List.Item>
        );
      })}
    </List>
  );
}
