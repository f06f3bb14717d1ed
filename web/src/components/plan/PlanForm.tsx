import {
  Button,
  Checkbox,
  Group,
  NativeSelect,
  NumberInput,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { IconRoute } from '@tabler/icons-react';
import { useState } from 'react';
import type { RoleSummary } from '../../api/career';
import { familyLabels, familyOrder, levelOrder } from './mapLayout';
import type { PlanParams } from './planParams';

/** Roles as option groups by family, by level then title within a family. */
export function roleOptions(roles: readonly RoleSummary[]) {
  const level = (r: RoleSummary) => levelOrder.indexOf(r.level as (typeof levelOrder)[number]);
  return familyOrder
    .map((family) => ({
      group: familyLabels[family],
      items: roles
        .filter((r) => r.family === family)
        .sort((a, b) => level(a) - level(b) || a.title.localeCompare(b.title))
        .map((r) => ({ value: r.id, label: r.title })),
    }))
    .filter((g) => g.items.length > 0);
}

/**
 * The plan's question: the target role, the current role (signed in: from the record unless
 * chosen), the constraints. Field problems of a 400 show on their fields.
 */
export function PlanForm({
  roles,
  initial,
  signedIn,
  hasQuickCheck,
  errors,
  busy,
  onSubmit,
}: {
  roles: readonly RoleSummary[];
  initial: PlanParams;
  signedIn: boolean;
  hasQuickCheck: boolean;
  errors: Record<string, string>;
  busy: boolean;
  onSubmit: (params: PlanParams) => void;
}) {
  const [p, setP] = useState(initial);
  const [missingTarget, setMissingTarget] = useState(false);
  const set = (patch: Partial<PlanParams>) => setP((old) => ({ ...old, ...patch }));
  const options = roleOptions(roles);
  const numberOf = (v: string | number) => (v === '' || v === null ? null : Number(v));

  return (
    <Paper withBorder p={{ base: 'sm', sm: 'md' }} component="section" aria-label="Your question">
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          if (!p.to) {
            setMissingTarget(true);
            return;
          }
          setMissingTarget(false);
          onSubmit({ ...p, saved: null, plan: 0 });
        }}
      >
        <Stack gap="sm">
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <NativeSelect
              label="Where do you want to go?"
              description="The target role"
              data={[{ value: '', label: 'Choose a role' }, ...options]}
              value={p.to}
              onChange={(e) => set({ to: e.currentTarget.value })}
              error={missingTarget ? 'Choose the role you want to reach' : errors.to}
              required
            />
            <NativeSelect
              label="Where are you now?"
              description={
                signedIn
                  ? 'Your current role; by default the role of the current job in your record'
                  : 'Your current role'
              }
              data={[
                { value: '', label: signedIn ? 'From my record (current job)' : 'Choose your current role' },
                ...options,
              ]}
              value={p.from}
              onChange={(e) => set({ from: e.currentTarget.value })}
              error={errors.from}
            />
          </SimpleGrid>
          {!signedIn && hasQuickCheck && (
            <Checkbox
              label="Use my quick check answers (kept in this browser) for degrees, experience and credentials"
              checked={p.useQuickCheck}
              onChange={(e) => set({ useQuickCheck: e.currentTarget.checked })}
            />
          )}
          {!signedIn && !hasQuickCheck && (
            <Text size="xs" c="dimmed">
              Without an account or quick check answers the plan knows only your current role: it cannot count
              your degrees or credentials.
            </Text>
          )}
          <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="sm">
            <TextInput
              type="date"
              label="Finish by"
              description="Optional"
              value={p.finishBy}
              onChange={(e) => set({ finishBy: e.currentTarget.value })}
              error={errors['constraints.finishBy']}
            />
            <NumberInput
              label="Budget per year (US $)"
              description="Each plan year: degree, programs and exam fees. Optional"
              min={0}
              step={500}
              thousandSeparator=","
              value={p.budgetPerYear ?? ''}
              onChange={(v) => set({ budgetPerYear: numberOf(v) })}
              error={errors['constraints.budgetPerYear']}
            />
            <NumberInput
              label="Study hours per week"
              description="Optional"
              min={1}
              max={80}
              value={p.hoursPerWeek ?? ''}
              onChange={(v) => set({ hoursPerWeek: numberOf(v) })}
              error={errors['constraints.hoursPerWeek']}
            />
          </SimpleGrid>
          <Group gap="lg">
            <Checkbox
              label="No new degree"
              checked={p.noNewDegree}
              onChange={(e) => set({ noNewDegree: e.currentTarget.checked })}
            />
            <Checkbox
              label="Online programs only"
              checked={p.onlineOnly}
              onChange={(e) => set({ onlineOnly: e.currentTarget.checked })}
            />
          </Group>
          <Group>
            <Button type="submit" loading={busy} leftSection={<IconRoute size={16} aria-hidden />}>
              Make my plan
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
