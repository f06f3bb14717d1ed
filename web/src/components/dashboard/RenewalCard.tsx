/**
 * One credential's renewal: status in the status colours, the cycle's dates and days left, the
 * one-sentence explanation, and CE earned against what each renewal option asks (a ring for the
 * total, a bar for each category with a minimum or a maximum). Every figure comes from the catalog:
 * the card links the certification's page and the issuer's.
 */
import {
  Anchor,
  Badge,
  Box,
  Group,
  List,
  Paper,
  Progress,
  RingProgress,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { Link } from 'react-router';
import type { CategoryProgress, CredentialRenewal, OptionProgress } from '../../api/recordTypes';
import { formatDate } from '../../lib/format';
import { ExternalLink } from '../ExternalLink';
import { RenewalQuestion } from './RenewalQuestion';
import { creditsText, daysLeftText, renewalStatusInfo, unitPlural } from './status';

const percent = (earned: number, required: number) =>
  required > 0 ? Math.min(100, Math.round((earned / required) * 100)) : 0;

/**
 * A bar with the real numbers for assistive technology ("12 of 36 ACHE credits"), not only a
 * percentage: `aria-valuenow` is the credits earned (at most the credits required, `aria-valuemax`),
 * and `aria-valuetext` says them in words.
 */
function CreditsBar({
  label,
  earned,
  required,
  valueText,
  color,
  testId,
}: {
  label: string;
  earned: number;
  required: number;
  valueText: string;
  color: string;
  testId?: string;
}) {
  return (
    <Progress.Root
      size="lg"
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={required}
      aria-valuenow={Math.min(earned, required)}
      aria-valuetext={valueText}
      data-testid={testId}
    >
      <Progress.Section value={percent(earned, required)} color={color} withAria={false} />
    </Progress.Root>
  );
}

function categoryLimit(c: CategoryProgress): string {
  if (c.min !== undefined && c.max !== undefined)
    return `at least ${creditsText(c.min)} needed, up to ${creditsText(c.max)} count`;
  if (c.min !== undefined) return `at least ${creditsText(c.min)} needed`;
  if (c.max !== undefined) return `up to ${creditsText(c.max)} count`;
  return 'no limit';
}

function OptionView({ option, acronym, color }: { option: OptionProgress; acronym: string; color: string }) {
  const required = option.required;
  const unit = (n: number) => unitPlural(option.unitLabel, n);
  const limited = option.categories.filter((c) => c.min !== undefined || c.max !== undefined);
  const others = option.categories.filter((c) => c.min === undefined && c.max === undefined && c.earned > 0);
  return (
    <Stack gap="xs" data-testid="renewal-option">
      <Group gap="md" wrap="nowrap" align="center">
        {required !== null && (
          <RingProgress
            size={84}
            thickness={9}
            roundCaps
            aria-hidden
            sections={[{ value: percent(option.earned, required), color }]}
            label={
              <Text ta="center" fz="xs" fw={700} lh={1.1}>
                {percent(option.earned, required)}%
              </Text>
            }
          />
        )}
        <Stack gap={4} style={{ flex: 1, minWidth: 0 }}>
          <Text size="sm" fw={600}>
            {option.label}
          </Text>
          <Text size="sm" data-testid="renewal-earned">
            {required !== null
              ? `${creditsText(option.earned)} of ${creditsText(required)} ${unit(required)}`
              : `${creditsText(option.earned)} ${unit(option.earned)} (the total asked is not known)`}
            {option.remaining !== null &&
              option.remaining > 0 &&
              ` · ${creditsText(option.remaining)} more needed`}
          </Text>
          {required !== null && (
            <CreditsBar
              label={`${acronym} ${option.label}: ${option.unitLabel}s earned`}
              earned={option.earned}
              required={required}
              valueText={`${creditsText(option.earned)} of ${creditsText(required)} ${unit(required)}`}
              color={color}
              testId="renewal-progress"
            />
          )}
        </Stack>
      </Group>
      {limited.length > 0 && (
        <Stack gap={6}>
          {limited.map((c) => {
            const target = c.min ?? c.max ?? 0;
            return (
              <Box key={c.category}>
                <Group justify="space-between" gap={4} wrap="nowrap">
                  <Text size="xs" fw={600}>
                    {c.label}
                  </Text>
                  <Text size="xs" ta="right">
                    {creditsText(c.earned)} earned ({categoryLimit(c)})
                  </Text>
                </Group>
                <CreditsBar
                  label={`${acronym} ${c.label}`}
                  earned={c.min !== undefined ? Math.min(c.earned, c.min) : c.counted}
                  required={target}
                  valueText={`${creditsText(c.earned)} earned; ${categoryLimit(c)}`}
                  color={c.min === undefined ? 'gray.5' : c.met ? 'green' : 'yellow'}
                />
              </Box>
            );
          })}
        </Stack>
      )}
      {others.length > 0 && (
        <Text size="xs" c="dimmed">
          Also counted: {others.map((c) => `${c.label} ${creditsText(c.earned)}`).join(', ')}.
        </Text>
      )}
      {option.uncountedHours > 0 && (
        <Text size="xs" c="dimmed">
          {creditsText(option.uncountedHours)} hours of CE in this cycle give no {unit(2)}: if any were
          awarded, record them with the activity (
          <Anchor component={Link} to="/record#record-ce" size="xs">
            continuing education in My record
          </Anchor>
          ).
        </Text>
      )}
    </Stack>
  );
}

export function RenewalCard({
  renewal: r,
}: {
  renewal: CredentialRenewal & { record?: { id: string; data: Record<string, unknown> } | null };
}) {
  const info = renewalStatusInfo[r.status];
  const tracked = r.status !== 'untracked' && r.status !== 'not_required';
  const options = [...r.options].sort((a, b) => (a.id === r.bestOption ? -1 : b.id === r.bestOption ? 1 : 0));
  return (
    <Paper
      withBorder
      p={{ base: 'sm', sm: 'md' }}
      component="article"
      aria-labelledby={`renewal-${r.credential}`}
      data-testid="renewal-card"
      data-credential={r.credential}
      style={{ borderLeft: `4px solid var(--mantine-color-${info.color}-6)` }}
    >
      <Stack gap="sm">
        <Group justify="space-between" gap="xs" align="flex-start">
          <Title order={3} fz="md" id={`renewal-${r.credential}`} style={{ flex: '1 1 14rem' }}>
            {r.certification ? (
              <Anchor component={Link} to={`/certifications/${encodeURIComponent(r.certification)}`} inherit>
                <Text span inherit fw={800}>
                  {r.acronym}
                </Text>{' '}
                — {r.name}
              </Anchor>
            ) : (
              // Not a certification of the catalog (a licence): its name, else the id as written.
              <Text span inherit fw={700}>
                {r.name || r.acronym}
              </Text>
            )}
          </Title>
          <Badge
            color={info.color}
            variant="light"
            tt="none"
            radius="sm"
            c="var(--mantine-color-text)"
            data-testid="renewal-status"
          >
            {info.label}
          </Badge>
        </Group>

        {(r.window || r.daysLeft !== null) && (
          <Text size="sm" c="dimmed">
            {r.window && `Cycle ${formatDate(r.window.start)} to ${formatDate(r.window.end)}`}
            {r.daysLeft !== null && ` · ${daysLeftText(r.daysLeft)}`}
            {r.applicationOpens && ` · applications open ${formatDate(r.applicationOpens)}`}
            {r.graceEnds && ` · grace period to ${formatDate(r.graceEnds)}`}
          </Text>
        )}

        {r.renewalQuestion && r.record && (
          <RenewalQuestion question={r.renewalQuestion} record={r.record} acronym={r.acronym} />
        )}

        <Text size="sm" data-testid="renewal-explanation">
          {r.explanation}
        </Text>
        {r.reason && r.reason !== r.explanation && (
          <Text size="sm" c="dimmed">
            {r.reason}
          </Text>
        )}

        {tracked &&
          options.map((o) => <OptionView key={o.id} option={o} acronym={r.acronym} color={info.color} />)}

        {r.examRoutes.length > 0 && (
          <Text size="sm">Or renew by exam: {r.examRoutes.map((e) => e.label).join('; ')}.</Text>
        )}
        {r.alsoRequired.length > 0 && (
          <div>
            <Text size="sm" fw={600}>
              Also asked (not checked here)
            </Text>
            <List size="sm" spacing={2}>
              {r.alsoRequired.map((a) => (
                <List.Item key={a}>{a}</List.Item>
              ))}
            </List>
          </div>
        )}

        {r.certification && (
          <Text size="xs" c="dimmed">
            Rules from the catalog{r.verifiedAsOf ? `, checked ${formatDate(r.verifiedAsOf)}` : ''}:{' '}
            <Anchor component={Link} to={`/certifications/${encodeURIComponent(r.certification)}`} size="xs">
              {r.acronym} renewal rules
            </Anchor>
            {r.url && (
              <>
                {' · '}
                <ExternalLink href={r.url} size="xs">
                  confirm with the issuer
                </ExternalLink>
              </>
            )}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}
