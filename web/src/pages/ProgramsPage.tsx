import {
  Button,
  Card,
  Checkbox,
  Collapse,
  EmptyState,
  Group,
  Loader,
  MultiSelect,
  NumberInput,
  Paper,
  Select,
  SimpleGrid,
  Skeleton,
  Stack,
  Switch,
  Text,
  TextInput,
  Title,
  type ComboboxItem,
} from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { IconAdjustments, IconSearch, IconSearchOff } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useCatalog } from '../api/queries';
import {
  programQueryFromParams,
  programQueryString,
  useCompetencies,
  useProgramList,
  type ProgramFacets,
  type ProgramQuery,
  type ProgramSort,
} from '../api/programs';
import { ConfidenceLegend } from '../components/ConfidenceBadge';
import { QueryError } from '../components/QueryState';
import { CompareBar } from '../components/programs/CompareBar';
import { ProgramCard } from '../components/programs/ProgramCard';
import {
  chipNames,
  accreditationHelp,
  ceAcceptedFor,
  featureIds,
  featureLabels,
  formatLabels,
  MAX_COMPARE,
  modalityLabels,
} from '../components/programs/programText';
import { useCompareSelection } from '../components/programs/selection';
import { countText } from '../lib/format';
import { useUrlFilters } from '../lib/useUrlFilters';

const sortOptions: Array<{ value: ProgramSort; label: string }> = [
  { value: 'name', label: 'Name (A to Z)' },
  { value: 'cost', label: 'Cost (lowest first)' },
  { value: 'duration', label: 'Duration (shortest first)' },
];

interface Filters {
  text: string;
  format: string[];
  modality: string[];
  online: boolean;
  accreditation: string[];
  accredited: boolean;
  maxCost: number | undefined;
  maxMonths: number | undefined;
  ceFor: string[];
  competency: string[];
  features: string[];
  includeExamples: boolean;
  sort: ProgramSort;
}

function filtersFromQuery(q: ProgramQuery): Filters {
  return {
    text: q.q ?? '',
    format: q.format ?? [],
    modality: q.modality ?? [],
    online: q.online ?? false,
    accreditation: q.accreditation ?? [],
    accredited: q.accredited ?? false,
    maxCost: q.maxCost,
    maxMonths: q.maxMonths,
    ceFor: q.ceFor ?? [],
    competency: q.competency ?? [],
    features: q.features ?? [],
    includeExamples: q.includeExamples ?? true,
    sort: q.sort ?? 'name',
  };
}

function queryFromFilters(f: Filters, text: string): ProgramQuery {
  const q: ProgramQuery = {};
  if (text.trim()) q.q = text.trim();
  if (f.format.length) q.format = f.format;
  if (f.modality.length) q.modality = f.modality;
  if (f.online) q.online = true;
  if (f.accreditation.length) q.accreditation = f.accreditation;
  if (f.accredited) q.accredited = true;
  if (f.maxCost !== undefined) q.maxCost = f.maxCost;
  if (f.maxMonths !== undefined) q.maxMonths = f.maxMonths;
  if (f.ceFor.length) q.ceFor = f.ceFor;
  if (f.competency.length) q.competency = f.competency;
  if (f.features.length) q.features = f.features;
  if (!f.includeExamples) q.includeExamples = false;
  if (f.sort !== 'name') q.sort = f.sort;
  return q;
}

/** Options with how many programs each would give, e.g. "MHA" with 12. */
function withCounts(
  entries: Array<[string, string]>,
  counts: Record<string, number> | undefined,
  chosen: readonly string[],
): Array<ComboboxItem & { count?: number }> {
  return entries
    .filter(([id]) => !counts || (counts[id] ?? 0) > 0 || chosen.includes(id))
    .map(([value, label]) => ({ value, label, count: counts?.[value] }));
}

function renderCounted({ option }: { option: ComboboxItem & { count?: number } }) {
  return (
    <Group justify="space-between" gap="sm" w="100%" wrap="nowrap">
      <span>{option.label}</span>
      {option.count !== undefined && (
        <Text span size="xs" c="dimmed">
          {option.count}
        </Text>
      )}
    </Group>
  );
}

const asNumber = (v: string | number): number | undefined =>
  typeof v === 'number' && Number.isFinite(v) && v >= 0 ? v : undefined;

const codec = {
  fromSearch: (params: URLSearchParams) => filtersFromQuery(programQueryFromParams(params)),
  toQuery: queryFromFilters,
  toSearch: programQueryString,
};

export function ProgramsPage() {
  useDocumentTitle('Programs · Healthcare Management Pathways');
  const { filters, setFilters, set, query } = useUrlFilters(codec);

  const moreActive =
    (filters.maxCost !== undefined ? 1 : 0) +
    (filters.maxMonths !== undefined ? 1 : 0) +
    (filters.ceFor.length ? 1 : 0) +
    (filters.competency.length ? 1 : 0) +
    (filters.features.length ? 1 : 0) +
    (filters.includeExamples ? 0 : 1);
  const [moreOpen, setMoreOpen] = useState(moreActive > 0);

  const catalog = useCatalog();
  const all = useProgramList({});
  const list = useProgramList(query);
  const competencies = useCompetencies();
  const facets: ProgramFacets | undefined = list.data?.facets;
  const { selected, toggle, clear } = useCompareSelection();

  const unitLabel = (id: string) =>
    catalog.data?.vocabulary.creditUnits.find((u) => u.id === id)?.label ?? id;
  const chips = chipNames((all.data?.programs ?? []).filter((p) => selected.includes(p.id)));
  const nameOf = (id: string) => chips[id] ?? id;

  const ceOptions = useMemo(() => {
    const ids = new Set((all.data?.programs ?? []).flatMap(ceAcceptedFor));
    for (const id of filters.ceFor) ids.add(id);
    return [...ids].sort().map((id) => ({ value: id, label: id }));
  }, [all.data, filters.ceFor]);

  const competencyOptions = useMemo(() => {
    const used = new Set((all.data?.programs ?? []).flatMap((p) => p.competencies));
    return (competencies.data?.competencies ?? [])
      .filter((c) => used.has(c.id) || filters.competency.includes(c.id))
      .map((c) => ({ value: c.id, label: c.label }))
      .sort((a, b) => a.label.localeCompare(b.label));
  }, [all.data, competencies.data, filters.competency]);

  const search = programQueryString(query);
  const hasFilters = search !== '' && search !== `?sort=${filters.sort}`;
  const clearFilters = () => setFilters((f) => ({ ...filtersFromQuery({}), sort: f.sort }));

  return (
    <Stack gap="lg" maw={1200} mx="auto">
      <div>
        <Title order={1}>Programs</Title>
        <Text mt={4} maw={760}>
          Degrees, certificates, fellowships and courses for healthcare managers: format, accreditation,
          length, cost and continuing-education credit, each with its source. What no source states is shown
          as “Unknown”. Pick 2 to {MAX_COMPARE} programs to compare them side by side.
        </Text>
      </div>

      <Paper
        withBorder
        p="md"
        component="form"
        role="search"
        aria-label="Find programs"
        onSubmit={(e) => e.preventDefault()}
      >
        <Stack gap="md">
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="md">
            <TextInput
              label="Search"
              type="search"
              placeholder="e.g. quality or lean"
              leftSection={<IconSearch size={16} aria-hidden />}
              value={filters.text}
              onChange={(e) => set('text', e.currentTarget.value)}
              onKeyDown={(e) => {
                if (e.key === 'Escape') set('text', '');
              }}
              maxLength={200}
              autoComplete="off"
            />
            <MultiSelect
              label="Format"
              placeholder={filters.format.length ? undefined : 'Any format'}
              data={withCounts(Object.entries(formatLabels), facets?.format, filters.format)}
              renderOption={renderCounted}
              value={filters.format}
              onChange={(v) => set('format', v)}
              searchable
              clearable
              clearButtonProps={{ 'aria-label': 'Clear formats' }}
              nothingFoundMessage="No format by that name"
            />
            <MultiSelect
              label="Modality"
              placeholder={filters.modality.length ? undefined : 'Any modality'}
              data={withCounts(
                Object.entries(modalityLabels).filter(([id]) => id !== 'unknown'),
                facets?.modality,
                filters.modality,
              )}
              renderOption={renderCounted}
              value={filters.modality}
              onChange={(v) => set('modality', v)}
              clearable
              clearButtonProps={{ 'aria-label': 'Clear modalities' }}
            />
            <MultiSelect
              label="Accreditation"
              placeholder={filters.accreditation.length ? undefined : 'Any accreditation'}
              data={withCounts(
                Object.entries(accreditationHelp).filter(([id]) => id !== 'unknown'),
                facets?.accreditation,
                filters.accreditation,
              )}
              renderOption={renderCounted}
              value={filters.accreditation}
              onChange={(v) => set('accreditation', v)}
              clearable
              clearButtonProps={{ 'aria-label': 'Clear accreditations' }}
            />
          </SimpleGrid>

          <Group gap="lg" justify="space-between">
            <Group gap="lg">
              <Switch
                label={`Online only${facets ? ` (${facets.online})` : ''}`}
                checked={filters.online}
                onChange={(e) => set('online', e.currentTarget.checked)}
              />
              <Switch
                label={`Accredited only${facets ? ` (${facets.accredited})` : ''}`}
                description="CAHME, CEPH, CCNE, AACSB or institutional"
                checked={filters.accredited}
                onChange={(e) => set('accredited', e.currentTarget.checked)}
              />
            </Group>
            <Button
              variant="subtle"
              size="compact-sm"
              leftSection={<IconAdjustments size={16} aria-hidden />}
              onClick={() => setMoreOpen((o) => !o)}
              aria-expanded={moreOpen}
              aria-controls="more-program-filters"
            >
              {moreOpen ? 'Fewer filters' : `More filters${moreActive ? ` (${moreActive} on)` : ''}`}
            </Button>
          </Group>

          <Collapse expanded={moreOpen} id="more-program-filters">
            <Stack gap="md">
              <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="md">
                <NumberInput
                  label="Max cost (US$)"
                  description="Unknown costs are left out"
                  placeholder="Any cost"
                  min={0}
                  step={500}
                  thousandSeparator=","
                  value={filters.maxCost ?? ''}
                  onChange={(v) => set('maxCost', asNumber(v))}
                />
                <NumberInput
                  label="Max duration (months)"
                  description="Unknown lengths are left out"
                  placeholder="Any length"
                  min={0}
                  step={1}
                  value={filters.maxMonths ?? ''}
                  onChange={(v) => set('maxMonths', asNumber(v))}
                />
                <MultiSelect
                  label="CE accepted for"
                  description="Certifications that accept its credit"
                  placeholder={filters.ceFor.length ? undefined : 'Any certification'}
                  data={ceOptions}
                  value={filters.ceFor}
                  onChange={(v) => set('ceFor', v)}
                  searchable
                  clearable
                  clearButtonProps={{ 'aria-label': 'Clear certifications' }}
                />
                <MultiSelect
                  label="Covers competencies"
                  description="Programs covering all chosen"
                  placeholder={filters.competency.length ? undefined : 'Any competency'}
                  data={competencyOptions}
                  value={filters.competency}
                  onChange={(v) => set('competency', v)}
                  searchable
                  clearable
                  clearButtonProps={{ 'aria-label': 'Clear competencies' }}
                  nothingFoundMessage="No competency by that name"
                />
              </SimpleGrid>
              <Checkbox.Group
                label="Includes"
                description="Stated by the provider; unknown does not count"
                value={filters.features}
                onChange={(v) => set('features', v)}
              >
                <Group gap="lg" mt={6}>
                  {featureIds.map((f) => (
                    <Checkbox
                      key={f}
                      value={f}
                      label={`${featureLabels[f]}${facets ? ` (${facets.features[f] ?? 0})` : ''}`}
                    />
                  ))}
                </Group>
              </Checkbox.Group>
              <Switch
                label="Show example entries (illustrations, not real offerings)"
                checked={filters.includeExamples}
                onChange={(e) => set('includeExamples', e.currentTarget.checked)}
              />
            </Stack>
          </Collapse>
        </Stack>
      </Paper>

      <Group justify="space-between" gap="sm" mih={36}>
        <Group gap="xs">
          <Text fw={600} role="status" aria-live="polite" data-testid="result-count">
            {list.data ? countText(list.data.total, 'program') : list.isError ? '' : 'Loading programs…'}
          </Text>
          {list.isFetching && list.data && <Loader size="xs" aria-hidden />}
        </Group>
        <Group gap="sm">
          {hasFilters && (
            <Button variant="subtle" size="compact-sm" onClick={clearFilters}>
              Clear filters
            </Button>
          )}
          <Select
            label="Sort by"
            data={sortOptions}
            value={filters.sort}
            allowDeselect={false}
            onChange={(v) => set('sort', (v as ProgramSort | null) ?? 'name')}
            w={220}
            styles={{
              root: { display: 'flex', alignItems: 'center', gap: 8 },
              label: { whiteSpace: 'nowrap' },
            }}
          />
        </Group>
      </Group>

      {list.isError ? (
        <QueryError title="Could not load programs" error={list.error} onRetry={() => void list.refetch()}>
          {hasFilters && (
            <Button size="xs" variant="default" onClick={clearFilters}>
              Clear filters
            </Button>
          )}
        </QueryError>
      ) : !list.data ? (
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md" aria-hidden>
          {Array.from({ length: 4 }, (_, i) => (
            <Card key={i} withBorder padding="lg">
              <Skeleton height={22} width="70%" />
              <Skeleton height={14} mt="sm" width="45%" />
              <Skeleton height={60} mt="md" />
            </Card>
          ))}
        </SimpleGrid>
      ) : list.data.programs.length === 0 ? (
        <Paper withBorder p="xl">
          <EmptyState
            icon={<IconSearchOff size={28} aria-hidden />}
            withIndicatorBackground
            title={<EmptyState.Title order={2}>No programs match</EmptyState.Title>}
            description="Unknown costs, lengths and features never match a limit. Try removing a filter."
          >
            <EmptyState.Actions>
              <Button onClick={clearFilters}>Clear filters</Button>
            </EmptyState.Actions>
          </EmptyState>
        </Paper>
      ) : (
        <SimpleGrid
          cols={{ base: 1, md: 2 }}
          spacing="md"
          component="ul"
          aria-label="Programs"
          style={{ listStyle: 'none', padding: 0, margin: 0 }}
        >
          {list.data.programs.map((p) => (
            <li key={p.id} style={{ display: 'flex' }}>
              <ProgramCard
                program={p}
                selected={selected.includes(p.id)}
                selectable={selected.length < MAX_COMPARE}
                onSelect={(on) => toggle(p.id, on)}
                unitLabel={unitLabel}
              />
            </li>
          ))}
        </SimpleGrid>
      )}

      <CompareBar selected={selected} nameOf={nameOf} onRemove={(id) => toggle(id, false)} onClear={clear} />

      <ConfidenceLegend />
    </Stack>
  );
}
