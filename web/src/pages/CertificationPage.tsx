import {
  Alert,
  Anchor,
  Badge,
  Breadcrumbs,
  Button,
  Group,
  Paper,
  Skeleton,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { IconArrowLeft, IconInfoCircle } from '@tabler/icons-react';
import { useMemo } from 'react';
import { Link, useParams } from 'react-router';
import { ApiError } from '../api/client';
import { useCatalog, useCertification, useCertificationList } from '../api/queries';
import type { CertificationDetail } from '../api/types';
import { ConfidenceBadge, ConfidenceLegend } from '../components/ConfidenceBadge';
import { ExternalLink } from '../components/ExternalLink';
import { PageLoader, QueryError } from '../components/QueryState';
import {
  CertificationViewContext,
  sectionIds,
  type CertificationView,
} from '../components/certification/context';
import { EligibilitySection } from '../components/certification/EligibilitySection';
import { ExamSection, RenewalSection } from '../components/certification/ExamRenewal';
import { RuleHistorySection, SourcesSection } from '../components/certification/HistorySources';
import { CertSection } from '../components/certification/parts';
import { citationsBySource } from '../lib/citations';
import { formatDate } from '../lib/format';

export function CertificationPage() {
  const { id = '' } = useParams();
  const detail = useCertification(id);
  const acronym = detail.data?.certification.acronym;
  useDocumentTitle(
    detail.data
      ? `${acronym} — ${detail.data.certification.name} · Healthcare Management Pathways`
      : detail.error instanceof ApiError && detail.error.isNotFound
        ? 'Certification not found · Healthcare Management Pathways'
        : 'Certification · Healthcare Management Pathways',
  );

  const crumbs = (
    <Breadcrumbs aria-label="Breadcrumb" separatorMargin={6}>
      <Anchor component={Link} to="/certifications" size="sm">
        Certifications
      </Anchor>
      <Text size="sm" aria-current="page">
        {acronym ?? id}
      </Text>
    </Breadcrumbs>
  );

  if (detail.isError) {
    if (detail.error instanceof ApiError && detail.error.isNotFound) {
      return (
        <Stack gap="lg" maw={960} mx="auto">
          {crumbs}
          <Paper withBorder p="xl" data-testid="not-found">
            <Stack gap="sm" align="flex-start">
              <Title order={1}>Certification not found</Title>
              <Text>
                We could not find a certification called &ldquo;{id}&rdquo; in the catalog. It may have been
                renamed, or the link may be mistyped.
              </Text>
              <Text size="sm" c="dimmed">
                The server said: {detail.error.message}
              </Text>
              <Button
                component={Link}
                to="/certifications"
                leftSection={<IconArrowLeft size={16} aria-hidden />}
              >
                Browse all certifications
              </Button>
            </Stack>
          </Paper>
        </Stack>
      );
    }
    return (
      <Stack gap="lg" maw={960} mx="auto">
        {crumbs}
        <Title order={1}>Certification</Title>
        <QueryError
          title="Could not load this certification"
          error={detail.error}
          onRetry={() => void detail.refetch()}
        />
      </Stack>
    );
  }

  if (!detail.data) {
    return (
      <Stack gap="lg" maw={960} mx="auto">
        {crumbs}
        <PageLoader label="Loading the certification…" />
        <Skeleton height={36} width="60%" aria-hidden />
        <Skeleton height={18} width="40%" aria-hidden />
        <Skeleton height={120} aria-hidden />
      </Stack>
    );
  }

  return (
    <Stack gap="lg" maw={960} mx="auto">
      {crumbs}
      <CertificationContent detail={detail.data} />
    </Stack>
  );
}

function CertificationContent({ detail }: { detail: CertificationDetail }) {
  const catalog = useCatalog();
  const all = useCertificationList({});
  const { certification: cert, issuer } = detail;
  const vocabulary = catalog.data?.vocabulary;
  const otherCertifications = all.data?.certifications;

  const view = useMemo<CertificationView>(
    () => ({
      cert,
      issuer,
      vocabulary,
      certifications: otherCertifications ?? [],
      sources: new Map(cert.sources.map((s, i) => [s.id, { number: i + 1, source: s }])),
      citations: citationsBySource(cert),
    }),
    [cert, issuer, vocabulary, otherCertifications],
  );

  const focusLabel = (f: string) => vocabulary?.focusAreas.find((x) => x.id === f)?.label ?? f;
  const toc: Array<[string, string]> = [
    ['Who it is for', sectionIds['Who it is for']],
    ['Eligibility', sectionIds.Eligibility],
    ['Exam', sectionIds.Exam],
    ['Renewal', sectionIds.Renewal],
    ['Rule history', sectionIds['Rule history']],
    ['Sources', sectionIds.Sources],
  ];

  return (
    <CertificationViewContext.Provider value={view}>
      <Stack gap="xl">
        <Stack gap="sm" component="header">
          <Title order={1} lh={1.2}>
            <Text span inherit fw={800}>
              {cert.acronym}
            </Text>{' '}
            <Text span display="block" className="cert-full-name" fw={500} mt={4}>
              {cert.name}
            </Text>
          </Title>
          <Text>
            Issued by{' '}
            <ExternalLink href={issuer.url}>
              {issuer.label} ({issuer.acronym})
            </ExternalLink>
          </Text>
          <Group gap={6} aria-label="Focus areas" role="list">
            {cert.focusAreas.map((f) => (
              <Badge key={f} variant="light" radius="sm" tt="none" role="listitem">
                {focusLabel(f)}
              </Badge>
            ))}
            {cert.status === 'retired' && (
              <Badge variant="light" color="gray" radius="sm" tt="none" role="listitem">
                Retired — no longer offered
              </Badge>
            )}
          </Group>
          <Group gap="sm">
            <ConfidenceBadge confidence={cert.confidence} />
            <Text size="sm">Verified as of {formatDate(cert.verifiedAsOf)}</Text>
          </Group>
          <Alert variant="light" icon={<IconInfoCircle aria-hidden />} data-testid="guidance" role="note">
            <Stack gap={6}>
              <Text size="sm" fw={600}>
                Guidance, not a ruling — confirm with {issuer.acronym} before paying a fee.
              </Text>
              <Text size="sm">
                <ExternalLink href={cert.url} c="indigo.9">
                  {issuer.acronym}&apos;s own page for {cert.acronym}
                </ExternalLink>
              </Text>
            </Stack>
          </Alert>
        </Stack>

        <nav aria-label="On this page">
          <Group gap="xs">
            <Text size="sm" fw={600}>
              On this page:
            </Text>
            {toc.map(([label, target]) => (
              <Anchor key={target} href={`#${target}`} size="sm">
                {label}
              </Anchor>
            ))}
          </Group>
        </nav>

        <CertSection id={sectionIds['Who it is for']} title="Who it is for" confidence={cert.confidence}>
          <Text>{cert.summary}</Text>
          <Text size="xs" c="dimmed">
            Source:{' '}
            <ExternalLink href={cert.url}>
              {issuer.acronym}&apos;s page for {cert.acronym}
            </ExternalLink>
          </Text>
        </CertSection>
        <EligibilitySection />
        <ExamSection />
        <RenewalSection />
        <RuleHistorySection />
        <SourcesSection />
        <ConfidenceLegend />
      </Stack>
    </CertificationViewContext.Provider>
  );
}
