import { Alert, Card, DataList, List, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconInfinity } from '@tabler/icons-react';
import {
  describeAlignment,
  describeCategoryRule,
  formatNumber,
  pluralUnit,
} from '../../../../src/core/describe';
import type { RenewalOption } from '../../api/types';
import { formatUsd, renewalText } from '../../lib/format';
import { sectionIds, useCertificationView } from './context';
import { CertSection, Conflicts, FactMeta, NotStated } from './parts';

function Fees({ fees }: { fees: ReadonlyArray<{ label: string; usd: number }> | undefined }) {
  if (!fees?.length) return <NotStated />;
  return (
    <List spacing={2} size="sm">
      {fees.map((f) => (
        <List.Item key={f.label}>
          {f.label}: <strong>{formatUsd(f.usd)}</strong>
        </List.Item>
      ))}
    </List>
  );
}

function Item({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <DataList.Item>
      <DataList.ItemLabel>{label}</DataList.ItemLabel>
      <DataList.ItemValue>{children}</DataList.ItemValue>
    </DataList.Item>
  );
}

function minutesText(minutes: number): string {
  const hours = minutes / 60;
  if (minutes < 60) return `${minutes} minutes`;
  return `${formatNumber(minutes)} minutes (${Number.isInteger(hours) ? hours : hours.toFixed(1)} ${hours === 1 ? 'hour' : 'hours'})`;
}

export function ExamSection() {
  const { cert } = useCertificationView();
  const exam = cert.exam;
  const breakdown = [
    exam.scoredQuestions !== undefined ? `${exam.scoredQuestions} scored` : undefined,
    exam.pretestQuestions !== undefined ? `${exam.pretestQuestions} unscored pretest` : undefined,
  ].filter(Boolean);
  return (
    <CertSection
      id={sectionIds.Exam}
      title="Exam"
      confidence={exam.confidence}
      sources={exam.sources}
      note={exam.note}
      conflicts={exam.conflicts}
    >
      <DataList orientation="horizontal" labelWidth="7.5rem" size="sm" withDivider data-testid="exam-facts">
        <Item label="Exam">{exam.name ?? <NotStated />}</Item>
        <Item label="Questions">
          {exam.questions !== undefined ? (
            `${exam.questions}${breakdown.length ? ` (${breakdown.join(', ')})` : ''}`
          ) : breakdown.length ? (
            breakdown.join(', ')
          ) : (
            <NotStated />
          )}
        </Item>
        <Item label="Time allowed">
          {exam.durationMinutes !== undefined ? minutesText(exam.durationMinutes) : <NotStated />}
        </Item>
        <Item label="Format">{exam.format ?? <NotStated />}</Item>
        <Item label="Delivery">{exam.delivery ?? <NotStated />}</Item>
        <Item label="Passing score">{exam.passing ?? <NotStated />}</Item>
        <Item label="Fees">
          <Stack gap={4}>
            <Fees fees={exam.fees} />
            {exam.feesNote && (
              <Text size="xs" c="dimmed">
                {exam.feesNote}
              </Text>
            )}
          </Stack>
        </Item>
        {exam.history && exam.history.length > 0 && (
          <Item label="Earlier formats">
            <List spacing={2} size="sm">
              {exam.history.map((h) => (
                <List.Item key={h}>{h}</List.Item>
              ))}
            </List>
          </Item>
        )}
      </DataList>
    </CertSection>
  );
}

function RenewalOptionCard({
  option,
  inherited,
}: {
  option: RenewalOption;
  inherited: RenewalOption['confidence'];
}) {
  const { vocabulary } = useCertificationView();
  const ce = option.ce;
  const unitLabel = ce ? (vocabulary?.creditUnits.find((u) => u.id === ce.unit)?.label ?? ce.unit) : '';
  const confidence = option.confidence ?? inherited;
  return (
    <Card withBorder padding="md" radius="md" data-testid="renewal-option">
      <Stack gap="xs">
        <Title order={4} fz="md">
          {option.label}
        </Title>
        <FactMeta
          confidence={confidence}
          sources={option.sources}
          showConfidence={confidence !== inherited}
        />
        {ce && (
          <Stack gap={4}>
            <Text size="sm" fw={600}>
              {ce.total !== undefined
                ? `${formatNumber(ce.total)} ${pluralUnit(unitLabel, ce.total)} of continuing education per cycle`
                : `Continuing education in ${pluralUnit(unitLabel, 2)} (total not stated)`}
            </Text>
            {ce.categories && ce.categories.length > 0 && vocabulary && (
              <List spacing={2} size="sm">
                {ce.categories.map((r) => (
                  <List.Item key={r.category}>{describeCategoryRule(r, vocabulary)}</List.Item>
                ))}
              </List>
            )}
            {ce.rules && ce.rules.length > 0 && (
              <List spacing={2} size="sm">
                {ce.rules.map((r) => (
                  <List.Item key={r}>{r}</List.Item>
                ))}
              </List>
            )}
          </Stack>
        )}
        {option.exam && <Text size="sm">Pass the exam again.</Text>}
        {option.fees && option.fees.length > 0 && (
          <div>
            <Text size="sm" fw={600}>
              Fees
            </Text>
            <Fees fees={option.fees} />
          </div>
        )}
        {option.note && <Text size="sm">{option.note}</Text>}
        <Conflicts conflicts={option.conflicts} />
      </Stack>
    </Card>
  );
}

export function RenewalSection() {
  const { cert } = useCertificationView();
  const renewal = cert.renewal;
  return (
    <CertSection
      id={sectionIds.Renewal}
      title="Renewal"
      confidence={renewal.confidence}
      sources={renewal.sources}
      note={renewal.note}
      conflicts={renewal.conflicts}
    >
      {renewal.lifetime ? (
        <Alert
          variant="light"
          color="green"
          icon={<IconInfinity aria-hidden />}
          title="Lifetime — no renewal"
          role="note"
        >
          Once awarded, this credential does not need to be renewed.
        </Alert>
      ) : (
        <DataList
          orientation="horizontal"
          labelWidth="7.5rem"
          size="sm"
          withDivider
          data-testid="renewal-facts"
        >
          <Item label="Cycle">{renewal.cycleMonths ? renewalText(renewal) : <NotStated />}</Item>
          <Item label="When to renew">
            {renewal.alignment ? describeAlignment(renewal.alignment) : <NotStated />}
          </Item>
          <Item label="Fees">
            <Fees fees={renewal.fees} />
          </Item>
        </DataList>
      )}

      {renewal.options.length > 0 && (
        <Stack gap="xs">
          <Title order={3}>
            {renewal.options.length === 1 ? 'How to renew' : 'Ways to renew (choose one)'}
          </Title>
          <SimpleGrid cols={{ base: 1, sm: renewal.options.length > 1 ? 2 : 1 }} spacing="sm">
            {renewal.options.map((o) => (
              <RenewalOptionCard key={o.id} option={o} inherited={renewal.confidence} />
            ))}
          </SimpleGrid>
        </Stack>
      )}

      {renewal.alsoRequired && renewal.alsoRequired.length > 0 && (
        <Stack gap="xs">
          <Title order={3}>Also required</Title>
          <List spacing={4}>
            {renewal.alsoRequired.map((r) => (
              <List.Item key={r}>{r}</List.Item>
            ))}
          </List>
        </Stack>
      )}

      {renewal.history && renewal.history.length > 0 && (
        <Stack gap="xs">
          <Title order={3}>Earlier renewal rules</Title>
          <List spacing={4}>
            {renewal.history.map((h) => (
              <List.Item key={h}>{h}</List.Item>
            ))}
          </List>
        </Stack>
      )}
    </CertSection>
  );
}
