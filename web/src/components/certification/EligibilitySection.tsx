import { Accordion, Alert, Badge, Box, Card, Group, List, Stack, Text, Title } from '@mantine/core';
import { IconQuestionMark } from '@tabler/icons-react';
import { describeCondition } from '../../../../src/core/describe';
import type { Condition, Confidence, RuleSet } from '../../api/types';
import { formatDate } from '../../lib/format';
import { ConfidenceBadge } from '../ConfidenceBadge';
import { sectionIds, useCertificationView } from './context';
import { CertSection, Conflicts, FactMeta, SourceRefs } from './parts';

type Level = 3 | 4 | 5 | 6;

function deeper(level: Level): Level {
  return Math.min(level + 1, 6) as Level;
}

/** "In force from 1 Jan 2024", "In force until 31 Dec 2018", ... */
function periodText(rules: RuleSet): string {
  if (rules.effectiveFrom && rules.effectiveUntil) {
    return `In force from ${formatDate(rules.effectiveFrom)} to ${formatDate(rules.effectiveUntil)}`;
  }
  if (rules.effectiveFrom) return `In force from ${formatDate(rules.effectiveFrom)}`;
  if (rules.effectiveUntil) return `In force until ${formatDate(rules.effectiveUntil)}`;
  return 'Start date not stated';
}

function ConditionItem({ condition, inherited }: { condition: Condition; inherited: Confidence }) {
  const { vocabulary, certifications } = useCertificationView();
  const generated = vocabulary ? describeCondition(condition, vocabulary, { certifications }) : undefined;
  const main = condition.summary ?? generated ?? condition.type;
  const confidence = condition.confidence ?? inherited;
  return (
    <Box
      component="li"
      pl="sm"
      py={4}
      style={{ borderLeft: '3px solid var(--mantine-color-gray-3)' }}
      data-testid="condition"
      data-condition-type={condition.type}
    >
      <Stack gap={4}>
        <Text fw={500}>{main}</Text>
        {condition.summary && generated && (
          <Text size="sm" c="dimmed">
            {generated}
          </Text>
        )}
        {(condition.stage === 'certification' || confidence !== inherited) && (
          <Group gap="xs">
            {condition.stage === 'certification' && (
              <Badge variant="light" color="gray" radius="sm" tt="none" size="sm">
                Stage: needed before the award
              </Badge>
            )}
            {confidence !== inherited && <ConfidenceBadge confidence={confidence} size="sm" />}
          </Group>
        )}
        {condition.note && <Text size="sm">{condition.note}</Text>}
        <SourceRefs ids={condition.sources} />
        <Conflicts conflicts={condition.conflicts} />
        {condition.type === 'on_track' && (
          <ConditionList
            conditions={condition.conditions}
            inherited={confidence}
            label="Conditions to be on track for"
          />
        )}
      </Stack>
    </Box>
  );
}

function ConditionList({
  conditions,
  inherited,
  label,
}: {
  conditions: readonly Condition[];
  inherited: Confidence;
  label: string;
}) {
  return (
    <Stack component="ul" gap="sm" aria-label={label} style={{ listStyle: 'none', margin: 0, padding: 0 }}>
      {conditions.map((c, i) => (
        <ConditionItem key={c.id ?? i} condition={c} inherited={inherited} />
      ))}
    </Stack>
  );
}

function RuleSetView({
  rules,
  level,
  inherited,
  current,
}: {
  rules: RuleSet;
  level: Level;
  inherited: Confidence;
  current: boolean;
}) {
  const confidence = rules.confidence ?? inherited;
  const noConditions =
    rules.allPathways.length === 0 && rules.pathways.every((p) => p.conditions.length === 0);
  return (
    <Stack gap="md">
      <Group gap="sm">
        <Text size="sm" fw={600}>
          {current ? `Current rules · ${periodText(rules)}` : periodText(rules)}
        </Text>
        <FactMeta confidence={confidence} sources={rules.sources} showConfidence={confidence !== inherited} />
      </Group>
      {rules.note && <Text size="sm">{rules.note}</Text>}
      <Conflicts conflicts={rules.conflicts} />

      {noConditions && (
        <Alert variant="light" color="green" title="No prerequisites" role="note">
          Anyone may apply: the issuer sets no degree, experience or membership requirement.
        </Alert>
      )}

      {rules.allPathways.length > 0 && (
        <Stack gap="xs">
          <Title order={level}>Everyone needs</Title>
          <ConditionList conditions={rules.allPathways} inherited={confidence} label="Everyone needs" />
        </Stack>
      )}

      {rules.pathways.length > 0 && !noConditions && (
        <Stack gap="xs">
          <Title order={level}>
            {rules.pathways.length === 1 ? 'Route to qualify' : 'Routes to qualify'}
          </Title>
          {rules.pathways.length > 1 && (
            <Text size="sm">
              {rules.allPathways.length > 0 ? 'As well as the above, meet' : 'Meet'} every condition of any
              one route.
            </Text>
          )}
          <Stack gap="sm">
            {rules.pathways.map((p, i) => {
              const pathwayConfidence = p.confidence ?? confidence;
              return (
                <Card key={p.id} withBorder padding="md" radius="md" data-testid="pathway">
                  <Stack gap="xs">
                    <Title order={deeper(level)} fz="md">
                      Route {i + 1}: {p.label}
                    </Title>
                    <FactMeta
                      confidence={pathwayConfidence}
                      sources={p.sources}
                      showConfidence={pathwayConfidence !== confidence}
                    />
                    {p.note && <Text size="sm">{p.note}</Text>}
                    <Conflicts conflicts={p.conflicts} />
                    {p.conditions.length > 0 ? (
                      <ConditionList
                        conditions={p.conditions}
                        inherited={pathwayConfidence}
                        label={`Route ${i + 1} conditions`}
                      />
                    ) : (
                      <Text size="sm" c="dimmed">
                        Nothing beyond what everyone needs.
                      </Text>
                    )}
                  </Stack>
                </Card>
              );
            })}
          </Stack>
        </Stack>
      )}
    </Stack>
  );
}

export function EligibilitySection() {
  const { cert, issuer } = useCertificationView();
  const eligibility = cert.eligibility;
  const current = eligibility.rules.at(-1);
  const earlier = eligibility.rules.slice(0, -1).reverse();
  return (
    <CertSection
      id={sectionIds.Eligibility}
      title="Eligibility"
      confidence={eligibility.confidence}
      sources={eligibility.sources}
      note={eligibility.note}
      conflicts={eligibility.conflicts}
      alert={
        eligibility.status === 'unknown' && (
          <Alert
            variant="light"
            color="orange"
            icon={<IconQuestionMark aria-hidden />}
            title="Eligibility rules unknown — we could not read the issuer's rules"
          >
            We will not guess. Ask {issuer.label} ({issuer.acronym}) what you need before you apply.
          </Alert>
        )
      }
    >
      {current && (
        <div data-testid="current-rules">
          <RuleSetView rules={current} level={3} inherited={eligibility.confidence} current />
        </div>
      )}

      {eligibility.recommendations && eligibility.recommendations.length > 0 && (
        <Stack gap="xs">
          <Title order={3}>Advice from the issuer (not a requirement)</Title>
          <List spacing={4}>
            {eligibility.recommendations.map((r) => (
              <List.Item key={r}>{r}</List.Item>
            ))}
          </List>
        </Stack>
      )}

      {eligibility.applicationSteps && eligibility.applicationSteps.length > 0 && (
        <Stack gap="xs">
          <Title order={3}>How to apply</Title>
          <List type="ordered" spacing={4}>
            {eligibility.applicationSteps.map((s) => (
              <List.Item key={s}>{s}</List.Item>
            ))}
          </List>
        </Stack>
      )}

      {earlier.length > 0 && (
        <Stack gap="xs">
          <Title order={3}>Earlier rules</Title>
          <Accordion variant="separated" order={4} multiple>
            {earlier.map((rules, i) => (
              <Accordion.Item key={i} value={String(i)}>
                <Accordion.Control>{periodText(rules)}</Accordion.Control>
                <Accordion.Panel>
                  <RuleSetView rules={rules} level={5} inherited={eligibility.confidence} current={false} />
                </Accordion.Panel>
              </Accordion.Item>
            ))}
          </Accordion>
        </Stack>
      )}
    </CertSection>
  );
}
