import { Accordion, Badge, Group, List, Stack, Text } from '@mantine/core';
import type { CompetencyFramework } from '../../api/career';
import { ConfidenceBadge } from '../ConfidenceBadge';
import { topicLabels } from './text';

/** The framework's domains, each with its competencies (label, description, topics). */
export function DomainList({ framework }: { framework: CompetencyFramework }) {
  return (
    <Accordion multiple variant="separated" order={3} data-testid="domain-list">
      {framework.domains.map((d) => {
        const competencies = framework.competencies.filter((c) => c.domain === d.id);
        return (
          <Accordion.Item key={d.id} value={d.id} data-testid="domain" data-domain={d.id}>
            <Accordion.Control>
              <Stack gap={2}>
                <Text fw={600} fz="md">
                  {d.name}
                </Text>
                <Text fz="sm" c="dimmed">
                  {competencies.length} {competencies.length === 1 ? 'competency' : 'competencies'}
                </Text>
              </Stack>
            </Accordion.Control>
            <Accordion.Panel>
              <Stack gap="sm">
                <Group gap="xs" align="flex-start" wrap="wrap">
                  <Text fz="sm" style={{ flex: '1 1 16rem' }}>
                    {d.description}
                  </Text>
                  {d.confidence && <ConfidenceBadge confidence={d.confidence} size="sm" />}
                </Group>
                <List listStyleType="none" spacing="sm" pl={0} aria-label={`Competencies in ${d.name}`}>
                  {competencies.map((c) => (
                    <List.Item key={c.id} data-testid="competency" data-competency={c.id}>
                      <Stack gap={4}>
                        <Group gap={6} wrap="wrap">
                          <Text fw={600} fz="sm">
                            {c.label}
                          </Text>
                          {c.judgement && (
                            <Badge
                              size="xs"
                              variant="light"
                              color="gray"
                              tt="none"
                              title="The competency is our own grouping"
                            >
                              Our grouping
                            </Badge>
                          )}
                        </Group>
                        <Text fz="sm">{c.description}</Text>
                        <Group gap={4} wrap="wrap" aria-label="Topics">
                          {c.topics.map((t) => (
                            <Badge
                              key={t}
                              size="sm"
                              variant="outline"
                              color="gray"
                              tt="none"
                              styles={{ root: { color: 'var(--mantine-color-text)' } }}
                            >
                              {topicLabels[t]}
                            </Badge>
                          ))}
                          {c.crosswalk?.map((x) => (
                            <Text key={`${x.framework}:${x.name}`} span fz="xs" c="dimmed">
                              Also in{' '}
                              {framework.framework?.relatedFrameworks.find((f) => f.id === x.framework)
                                ?.name ?? x.framework}
                              : “{x.name}”
                            </Text>
                          ))}
                        </Group>
                      </Stack>
                    </List.Item>
                  ))}
                </List>
              </Stack>
            </Accordion.Panel>
          </Accordion.Item>
        );
      })}
    </Accordion>
  );
}
