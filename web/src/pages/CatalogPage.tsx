import {
  Anchor,
  Badge,
  Button,
  Card,
  EmptyState,
  Group,
  Loader,
  MultiSelect,
  Paper,
  Select,
  SimpleGrid,
  Skeleton,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { IconCalendarRepeat, IconSearch, IconSearchOff } from '@tabler/icons-react';
import { useMemo } from 'react';
import { Link } from 'react-router';
import { useCatalog, useCertificationList } from '../api/queries';
import type { CertificationQuery, CertificationSummary, SortKey, SortOrder, Vocabulary } from '../api/types';
import { ConfidenceBadge, ConfidenceLegend } from '../components/ConfidenceBadge';
import { QueryError } from '../components/QueryState';
import { countText, formatDate, renewalText } from '../lib/format';
import { useUrlFilters } from '../lib/useUrlFilters';

const sortOptions: Array<{ value: `${SortKey}:${SortOrder}`; label: string }> = [
  { value: 'acronym:asc', label: 'Acronym (A to Z)' },
  { value: 'name:asc', label: 'Full name (A to Z)' },
  { value: 'issuer:asc', label: 'Issuing body (A to Z)' },
  { value: 'confidence:asc', label: 'Confidence (highest first)' },
  { value: 'verifiedAsOf:desc', label: 'Checked most recently' },
];
const defaultSort = 'acronym:asc';
const sortKeys: readonly string[] = ['name', 'acronym', 'issuer', 'verifiedAsOf', 'confidence'];

function listParam(params: URLSearchParams, name: string): string[] {
  return (params.get(name) ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

/** The filters live in the URL (`?q=&focus=&issuer=&sort=&order=`), the same names as the API's. */
function queryFromParams(params: URLSearchParams): CertificationQuery {
  const query: CertificationQuery = {};
  const q = params.get('q')?.trim();
  if (q) query.q = q;
  const focus = listParam(params, 'focus');
  if (focus.length) query.focus = focus;
  const issuer = listParam(params, 'issuer');
  if (issuer.length) query.issuer = issuer;
  const sort = params.get('sort');
  if (sort && sortKeys.includes(sort)) {
    query.sort = sort as SortKey;
    query.order = params.get('order') === 'desc' ? 'desc' : 'asc';
  }
  return query;
}

interface Filters {
  text: string;
  focus: string[];
  issuer: string[];
  sort: string;
}

function filtersFromQuery(query: CertificationQuery): Filters {
  return {
    text: query.q ?? '',
    focus: query.focus ?? [],
    issuer: query.issuer ?? [],
    sort: query.sort ? `${query.sort}:${query.order ?? 'asc'}` : defaultSort,
  };
}

function queryFromFilters(filters: Filters, text: string): CertificationQuery {
  const query: CertificationQuery = {};
  if (text.trim()) query.q = text.trim();
  if (filters.focus.length) query.focus = filters.focus;
  if (filters.issuer.length) query.issuer = filters.issuer;
  if (filters.sort !== defaultSort) {
    const [sort, order] = filters.sort.split(':');
    query.sort = sort as SortKey;
    query.order = order as SortOrder;
  }
  return query;
}

/** The page's URL query for `query` ("?q=quality&focus=quality"), the same names as the API's. */
function searchOf(query: CertificationQuery): string {
  // Like URLSearchParams, but lists keep readable commas: ?focus=quality,patient_safety
  const value = (v: string) => encodeURIComponent(v).replace(/%2C/g, ',').replace(/%20/g, '+');
  const parts: string[] = [];
  if (query.q) parts.push(`q=${value(query.q)}`);
  if (query.focus?.length) parts.push(`focus=${query.focus.map(value).join(',')}`);
  if (query.issuer?.length) parts.push(`issuer=${query.issuer.map(value).join(',')}`);
  if (query.sort) parts.push(`sort=${query.sort}`, `order=${query.order ?? 'asc'}`);
  return parts.length ? `?${parts.join('&')}` : '';
}

const codec = {
  fromSearch: (params: URLSearchParams) => filtersFromQuery(queryFromParams(params)),
  toQuery: queryFromFilters,
  toSearch: searchOf,
};

export function CatalogPage() {
  useDocumentTitle('Certifications · Healthcare Management Pathways');
  const { filters, setFilters, set, query } = useUrlFilters(codec);

  const clearFilters = () => setFilters(filtersFromQuery({}));

  const catalog = useCatalog();
  const all = useCertificationList({});
  const list = useCertificationList(query);
  const vocabulary = catalog.data?.vocabulary;

  const focusOptions = useMemo(() => {
    const used = new Set(all.data?.certifications.flatMap((c) => c.focusAreas));
    return (vocabulary?.focusAreas ?? [])
      .filter((f) => !all.data || used.has(f.id) || query.focus?.includes(f.id))
      .map((f) => ({ value: f.id, label: f.label }));
  }, [vocabulary, all.data, query.focus]);

  const issuerOptions = useMemo(() => {
    const used = new Set(all.data?.certifications.map((c) => c.issuer.id));
    return (vocabulary?.organizations ?? [])
      .filter((o) => !all.data || used.has(o.id) || query.issuer?.includes(o.id))
      .map((o) => ({ value: o.id, label: `${o.label} (${o.acronym})` }))
      .sort((a, b) => a.label.localeCompare(b.label));
  }, [vocabulary, all.data, query.issuer]);

  const hasFilters = Boolean(filters.text.trim() || filters.focus.length || filters.issuer.length);

  return (
    <Stack gap="lg" maw={1200} mx="auto">
      <div>
        <Title order={1}>Certifications</Title>
        <Text mt={4} maw={720}>
          Credentials for healthcare managers and executives, with who they are for, how to qualify and how to
          renew. Every fact names its source and the date it was checked.
        </Text>
      </div>

      <Paper
        withBorder
        p="md"
        component="form"
        role="search"
        aria-label="Find certifications"
        onSubmit={(e) => e.preventDefault()}
      >
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="md">
          <TextInput
            label="Search"
            type="search"
            placeholder="e.g. quality or CPHQ"
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
            label="Focus area"
            placeholder={filters.focus.length ? undefined : 'Any focus area'}
            data={focusOptions}
            value={filters.focus}
            onChange={(v) => set('focus', v)}
            searchable
            clearable
            clearButtonProps={{ 'aria-label': 'Clear focus areas' }}
            nothingFoundMessage="No focus area by that name"
            comboboxProps={{ withinPortal: true }}
          />
          <MultiSelect
            label="Issuing body"
            placeholder={filters.issuer.length ? undefined : 'Any issuing body'}
            data={issuerOptions}
            value={filters.issuer}
            onChange={(v) => set('issuer', v)}
            searchable
            clearable
            clearButtonProps={{ 'aria-label': 'Clear issuing bodies' }}
            nothingFoundMessage="No issuing body by that name"
          />
          <Select
            label="Sort by"
            data={sortOptions}
            value={filters.sort}
            allowDeselect={false}
            onChange={(v) => set('sort', v ?? defaultSort)}
          />
        </SimpleGrid>
      </Paper>

      <Group justify="space-between" gap="sm" mih={36}>
        <Group gap="xs">
          <Text fw={600} role="status" aria-live="polite" data-testid="result-count">
            {list.data
              ? countText(list.data.total, 'certification')
              : list.isError
                ? ''
                : 'Loading certifications…'}
          </Text>
          {list.isFetching && list.data && <Loader size="xs" aria-hidden />}
        </Group>
        {hasFilters && (
          <Button variant="subtle" size="compact-sm" onClick={clearFilters}>
            Clear filters
          </Button>
        )}
      </Group>

      {list.isError ? (
        <QueryError
          title="Could not load certifications"
          error={list.error}
          onRetry={() => void list.refetch()}
        >
          {hasFilters && (
            <Button size="xs" variant="default" onClick={clearFilters}>
              Clear filters
            </Button>
          )}
        </QueryError>
      ) : !list.data ? (
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md" aria-hidden>
          {Array.from({ length: 6 }, (_, i) => (
            <Card key={i} withBorder padding="lg">
              <Skeleton height={22} width="70%" />
              <Skeleton height={14} mt="sm" width="45%" />
              <Skeleton height={12} mt="md" />
              <Skeleton height={12} mt={6} width="90%" />
              <Skeleton height={20} mt="md" width="40%" />
            </Card>
          ))}
        </SimpleGrid>
      ) : list.data.certifications.length === 0 ? (
        <Paper withBorder p="xl">
          <EmptyState
            icon={<IconSearchOff size={28} aria-hidden />}
            withIndicatorBackground
            title={<EmptyState.Title order={2}>No certifications match</EmptyState.Title>}
            description="Try other words, or remove a focus area or issuing body."
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
          aria-label="Certifications"
          style={{ listStyle: 'none', padding: 0, margin: 0 }}
        >
          {list.data.certifications.map((c) => (
            <li key={`${c.scope}:${c.id}`} style={{ display: 'flex' }}>
              <CertificationCard certification={c} vocabulary={vocabulary} />
            </li>
          ))}
        </SimpleGrid>
      )}

      <ConfidenceLegend />
    </Stack>
  );
}

function CertificationCard({
  certification: c,
  vocabulary,
}: {
  certification: CertificationSummary;
  vocabulary: Vocabulary | undefined;
}) {
  const focusLabel = (id: string) => vocabulary?.focusAreas.find((f) => f.id === id)?.label ?? id;
  return (
    <Card withBorder padding="lg" radius="md" component="article" w="100%" data-testid="certification-card">
      <Stack gap="xs" h="100%">
        <Title order={2} fz="lg" lh={1.35}>
          <Anchor component={Link} to={`/certifications/${encodeURIComponent(c.id)}`} inherit>
            <Text span inherit fw={800}>
              {c.acronym}
            </Text>{' '}
            <Text span inherit fw={500}>
              — {c.name}
            </Text>
          </Anchor>
        </Title>
        <Text size="sm">
          Issued by {c.issuer.label} ({c.issuer.acronym})
        </Text>
        <Text size="sm" c="dimmed" lineClamp={3}>
          {c.summary}
        </Text>
        <Group gap={6} aria-label="Focus areas" role="list">
          {c.focusAreas.map((f) => (
            <Badge key={f} variant="light" radius="sm" tt="none" role="listitem">
              {focusLabel(f)}
            </Badge>
          ))}
          {c.eligibilityStatus === 'unknown' && (
            <Badge
              variant="dot"
              color="orange"
              radius="sm"
              tt="none"
              styles={{ root: { color: 'var(--mantine-color-text)' } }}
            >
              Eligibility rules unknown
            </Badge>
          )}
        </Group>
        <Group justify="space-between" gap="xs" mt="auto" pt="xs">
          <Group gap={6} wrap="nowrap">
            <IconCalendarRepeat size={16} aria-hidden />
            <Text size="sm">
              {c.renewal.lifetime
                ? 'Lifetime — no renewal'
                : c.renewal.cycleMonths
                  ? `Renews ${renewalText(c.renewal).toLowerCase()}`
                  : renewalText(c.renewal)}
            </Text>
          </Group>
          <Group gap="xs" wrap="nowrap">
            <ConfidenceBadge confidence={c.confidence} size="sm" />
            <Text size="sm" c="dimmed">
              checked {formatDate(c.verifiedAsOf)}
            </Text>
          </Group>
        </Group>
      </Stack>
    </Card>
  );
}
