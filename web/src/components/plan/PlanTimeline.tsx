import { Badge, Checkbox, Group, Progress, Stack, Text, Title, Tooltip, VisuallyHidden } from '@mantine/core';
import { useId } from 'react';
import type { CareerPlan, PlanStep, StepKind } from '../../api/plans';
import { formatDate } from '../../lib/format';
import { progressOf } from './doneStorage';
import { kindLabels, stepCost, stepDates } from './stepText';
import { stepBox, stepShape, timeScale, type TimeScale } from './timeline';
import './plan.css';

const kindColors: Record<StepKind, string> = {
  start: 'var(--mantine-color-gray-5)',
  degree: 'var(--mantine-color-violet-6)',
  program: 'var(--mantine-color-teal-6)',
  certification: 'var(--mantine-color-orange-6)',
  role: 'var(--mantine-primary-color-filled)',
  renewal: 'var(--mantine-color-red-7)',
};

function Track({ step, scale }: { step: PlanStep; scale: TimeScale }) {
  const box = stepBox(step, scale);
  const shape = stepShape(step.kind);
  return (
    <div className="plan-track" aria-hidden="true">
      {scale.ticks.map((t) => (
        <span key={t.year} className="plan-tick-line" style={{ left: `${t.x}%` }} />
      ))}
      <span className="plan-today-line" style={{ left: `${scale.today}%` }} />
      {shape === 'bar' && (
        <span
          className="plan-bar"
          data-clipped={box.clipped || undefined}
          style={{ left: `${box.left}%`, width: `${box.width}%`, background: kindColors[step.kind] }}
        />
      )}
      {shape === 'milestone' && (
        <span className="plan-milestone" style={{ left: `${box.left}%`, background: kindColors.role }} />
      )}
      {shape === 'marker' && <span className="plan-marker" style={{ left: `${box.left}%` }} />}
    </div>
  );
}

function Axis({ scale }: { scale: TimeScale }) {
  return (
    <div className="plan-axis-row" aria-hidden="true">
      <Text className="plan-axis-label" size="xs" c="dimmed">
        Step
      </Text>
      <div className="plan-axis">
        {scale.ticks.slice(0, -1).map((t) => (
          <span key={t.year} className="plan-axis-tick" style={{ left: `${t.x}%`, transform: 'none' }}>
            {t.year}
          </span>
        ))}
        <span
          className="plan-axis-tick"
          style={{
            left: `${scale.today}%`,
            top: 18,
            transform: scale.today > 90 ? 'translateX(-100%)' : 'translateX(-50%)',
            color: 'var(--mantine-color-red-8)',
            fontWeight: 700,
          }}
        >
          Today
        </span>
      </div>
    </div>
  );
}

function Legend() {
  const item = (label: string, node: React.ReactNode) => (
    <Group gap={6} wrap="nowrap">
      {node}
      <Text size="xs">{label}</Text>
    </Group>
  );
  const swatch = (kind: StepKind) => (
    <span
      style={{
        width: 14,
        height: 10,
        borderRadius: 2,
        background: kindColors[kind],
        display: 'inline-block',
      }}
    />
  );
  return (
    <Group gap="md" aria-hidden="true">
      {item('Degree', swatch('degree'))}
      {item('Program', swatch('program'))}
      {item('Certification', swatch('certification'))}
      {item(
        'Role move',
        <span
          style={{
            width: 10,
            height: 10,
            transform: 'rotate(45deg)',
            background: kindColors.role,
            display: 'inline-block',
          }}
        />,
      )}
      {item(
        'Renewal',
        <span
          style={{
            width: 0,
            height: 0,
            borderLeft: '6px solid transparent',
            borderRight: '6px solid transparent',
            borderTop: `11px solid ${kindColors.renewal}`,
            display: 'inline-block',
          }}
        />,
      )}
      {item(
        'Today',
        <span
          style={{ width: 2, height: 14, background: 'var(--mantine-color-red-7)', display: 'inline-block' }}
        />,
      )}
    </Group>
  );
}

/**
 * The plan as a timeline: one row per step (title, dates, cost, why), a bar, a diamond (role
 * moves) or a marker (renewals) on a year axis with a today line, and a box to mark it done.
 */
export function PlanTimeline({
  plan,
  asOf,
  done,
  onToggle,
  busy = false,
}: {
  plan: CareerPlan;
  asOf: string;
  done: readonly string[];
  onToggle: (stepId: string, done: boolean) => void;
  busy?: boolean;
}) {
  const id = useId().replace(/:/g, '');
  const scale = timeScale(plan.steps, asOf);
  const progress = progressOf(plan.steps, done);
  const doneSet = new Set(done);

  return (
    <Stack gap="sm" component="section" aria-labelledby={`${id}-heading`} data-testid="plan-timeline">
      <Group justify="space-between" align="flex-end" gap="xs">
        <Title order={2} fz="h3" id={`${id}-heading`}>
          Timeline
        </Title>
        <Legend />
      </Group>
      <div>
        <Text size="sm" fw={600} data-testid="plan-progress" aria-live="polite">
          {progress.text}
        </Text>
        <Progress
          value={progress.total ? (progress.done / progress.total) * 100 : 0}
          size="sm"
          mt={4}
          aria-label={progress.text}
        />
      </div>
      <Axis scale={scale} />
      <ol className="plan-timeline" aria-label="Plan steps in date order">
        {plan.steps.map((step) => {
          const isDone = doneSet.has(step.id);
          const cost = stepCost(step);
          return (
            <li
              key={step.id}
              className="plan-row"
              data-testid="timeline-row"
              data-step={step.id}
              data-kind={step.kind}
              data-done={isDone || undefined}
            >
              <Stack gap={2}>
                <Group gap={8} wrap="nowrap" align="flex-start">
                  {step.kind === 'start' ? (
                    <Badge size="sm" variant="light" color="gray" style={{ flexShrink: 0 }}>
                      Now
                    </Badge>
                  ) : (
                    <Checkbox
                      checked={isDone}
                      disabled={busy}
                      onChange={(e) => onToggle(step.id, e.currentTarget.checked)}
                      aria-label={`Done: ${step.title}`}
                      mt={2}
                    />
                  )}
                  <Text size="sm" fw={600} className="plan-step-title" style={{ minWidth: 0 }}>
                    {step.kind === 'start' ? step.title.replace(/^Now:\s*/, '') : step.title}
                    {isDone && <VisuallyHidden> (done)</VisuallyHidden>}
                  </Text>
                </Group>
                <Group gap={6} pl={28}>
                  <Text size="xs" c="dimmed">
                    {kindLabels[step.kind]} · {stepDates(step)}
                    {cost ? ` · ${cost}` : ''}
                  </Text>
                  {step.confirmWhenHeld && (
                    <Badge size="xs" variant="outline" color="blue" data-testid="confirm-when-held">
                      You confirm this when you hold the role
                    </Badge>
                  )}
                  {step.judgement && (
                    <Tooltip label="Typical years or a degree's usual length: our judgement, not a published rule">
                      <Badge size="xs" variant="outline" color="gray" tabIndex={0}>
                        Our judgement
                      </Badge>
                    </Tooltip>
                  )}
                </Group>
                <details className="plan-why" style={{ paddingLeft: 28 }}>
                  <summary>Why this step</summary>
                  <Text size="sm" mt={4}>
                    {step.why}
                  </Text>
                </details>
              </Stack>
              <Track step={step} scale={scale} />
            </li>
          );
        })}
      </ol>
      <Text size="xs" c="dimmed">
        Axis from {formatDate(scale.start)} to {formatDate(scale.end)}; today is {formatDate(asOf)}.
      </Text>
    </Stack>
  );
}
