import { Alert, Button, Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { IconDownload } from '@tabler/icons-react';
import { useCompetencies } from '../api/career';
import { useCaseDownload } from '../api/framework';
import { ConfidenceBadge } from '../components/ConfidenceBadge';
import { ExternalLink } from '../components/ExternalLink';
import { CaseCheckPanel } from '../components/framework/CaseCheckPanel';
import { DomainList } from '../components/framework/DomainList';
import { RelatedFrameworks } from '../components/framework/RelatedFrameworks';
import { ScaleTable } from '../components/framework/ScaleTable';
import { PageLoader, QueryError } from '../components/QueryState';
import { formatDate } from '../lib/format';

function Section({ id, title, children }: { id: string; title: string; children: React.ReactNode }) {
  return (
    <Paper withBorder p={{ base: 'sm', sm: 'lg' }} component="section" aria-labelledby={id}>
      <Stack gap="md">
        <Title order={2} fz="h3" id={id}>
          {title}
        </Title>
        {children}
      </Stack>
    </Paper>
  );
}

/**
 * /competencies: the competency framework — five domains with their competencies, the 1–5 scale,
 * related frameworks with their licence terms, provenance — plus CASE download and a CASE file check.
 */
export function CompetencyFrameworkPage() {
  useDocumentTitle('Competency framework · Healthcare Management Pathways');
  const query = useCompetencies();
  const download = useCaseDownload();

  if (query.isPending) return <PageLoader label="Loading the competency framework…" />;
  if (query.isError)
    return (
      <QueryError
        title="The competency framework could not be loaded"
        error={query.error}
        onRetry={() => void query.refetch()}
      />
    );
  const data = query.data;
  const info = data.framework;

  return (
    <Stack gap="lg" maw={960}>
      <Stack gap="xs">
        <Title order={1}>Competency framework</Title>
        {info && (
          <>
            <Text>{info.description}</Text>
            <Group gap="sm" wrap="wrap" data-testid="framework-provenance">
              <ConfidenceBadge confidence={info.confidence} />
              <Text fz="sm" c="dimmed">
                Verified as of {formatDate(info.verifiedAsOf)}
              </Text>
            </Group>
          </>
        )}
      </Stack>

      {!info ? (
        <Alert color="gray" title="No competency framework">
          This catalog has no competency framework.
        </Alert>
      ) : (
        <>
          <Section id="domains-title" title={`The ${data.domains.length} domains and their competencies`}>
            <Text fz="sm">
              The domains are those of the Healthcare Leadership Alliance directory. The competencies and
              their descriptions are in our own words. Open a domain to see its competencies.
            </Text>
            <DomainList framework={data} />
          </Section>

          <Section id="scale-title" title="The proficiency scale (1–5)">
            <Text fz="sm">
              Every competency is rated on this scale. Levels marked “Our wording” are not named by the
              source; the description is ours.
            </Text>
            <ScaleTable scale={data.scale} />
          </Section>

          <Section id="related-title" title="Related frameworks">
            <Text fz="sm">
              Other frameworks our competencies line up with. We follow each owner’s terms: some allow only
              the names of their competencies and a link.
            </Text>
            <RelatedFrameworks frameworks={info.relatedFrameworks} />
          </Section>

          <Section id="case-title" title="Exchange with other systems (1EdTech CASE)">
            <Text fz="sm">
              CASE (Competencies and Academic Standards Exchange) is the 1EdTech standard for sharing
              competency frameworks between learning systems.
            </Text>
            <Group gap="sm" wrap="wrap">
              <Button
                leftSection={<IconDownload size={18} aria-hidden />}
                onClick={() => download.mutate()}
                loading={download.isPending}
              >
                Download as CASE JSON
              </Button>
            </Group>
            {download.isError && (
              <Text fz="sm" c="red.8" role="alert">
                {download.error.message}
              </Text>
            )}
            <Title order={3} fz="h4" mt="sm">
              Check a CASE file
            </Title>
            <Text fz="sm">
              Bring your organisation’s own framework: choose a CASE file to see what it holds, or every
              problem in it with where it is.
            </Text>
            <CaseCheckPanel />
          </Section>

          <Section id="sources-title" title="Sources">
            <List spacing={4} fz="sm" data-testid="framework-sources">
              {info.sources.map((s) => (
                <List.Item key={s.id}>
                  <ExternalLink href={s.url}>{s.title}</ExternalLink>
                </List.Item>
              ))}
            </List>
          </Section>
        </>
      )}
    </Stack>
  );
}
