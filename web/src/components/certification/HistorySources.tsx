import { Anchor, Badge, Group, Paper, Stack, Text, Timeline, VisuallyHidden } from '@mantine/core';
import { IconHistory } from '@tabler/icons-react';
import { formatDate, sourceKindLabels } from '../../lib/format';
import { ExternalLink } from '../ExternalLink';
import { sectionIds, useCertificationView } from './context';
import { CertSection, SourceRefs } from './parts';

export function RuleHistorySection() {
  const { cert } = useCertificationView();
  const history = cert.ruleHistory;
  return (
    <CertSection
      id={sectionIds['Rule history']}
      title="Rule history"
      confidence={cert.confidence}
      sources={history.flatMap((h) => h.sources ?? [])}
    >
      {history.length === 0 ? (
        <Text size="sm">No rule changes are recorded for this certification.</Text>
      ) : (
        <Timeline bulletSize={22} lineWidth={2} active={history.length - 1} color="indigo">
          {history.map((h, i) => (
            <Timeline.Item
              key={i}
              bullet={<IconHistory size={13} aria-hidden />}
              title={
                <Text fw={600} size="sm">
                  {h.date ? formatDate(h.date) : 'Date not stated'}
                </Text>
              }
            >
              <Stack gap={2}>
                <Text size="sm">{h.change}</Text>
                <SourceRefs ids={h.sources} />
              </Stack>
            </Timeline.Item>
          ))}
        </Timeline>
      )}
    </CertSection>
  );
}

export function SourcesSection() {
  const { cert, sources, citations } = useCertificationView();
  return (
    <CertSection id={sectionIds.Sources} title="Sources">
      <Text size="sm">
        Where each fact on this page comes from. Pages on the issuer&apos;s own site are the authority;
        chapter pages, copies and secondary sources are used where the issuer&apos;s page could not be read.
      </Text>
      <Stack
        component="ol"
        gap="sm"
        style={{ listStyle: 'none', margin: 0, padding: 0 }}
        aria-label="Sources"
      >
        {[...sources.values()].map(({ number, source }) => {
          const citedIn = citations.get(source.id) ?? [];
          return (
            <Paper key={source.id} component="li" id={`source-${source.id}`} withBorder p="sm" radius="md">
              <Group gap="sm" wrap="nowrap" align="flex-start">
                <Text fw={700} w={24} ta="right" aria-hidden style={{ flexShrink: 0 }}>
                  {number}
                </Text>
                <Stack gap={4} style={{ minWidth: 0 }}>
                  <ExternalLink href={source.url} fw={600} className="break-anywhere">
                    <VisuallyHidden>Source {number}: </VisuallyHidden>
                    {source.title}
                  </ExternalLink>
                  <Text size="xs" c="dimmed" className="break-anywhere">
                    {source.url}
                  </Text>
                  <Group gap="xs">
                    <Badge
                      variant="light"
                      color={source.kind === 'secondary' ? 'gray' : 'indigo'}
                      radius="sm"
                      tt="none"
                    >
                      {sourceKindLabels[source.kind]}
                    </Badge>
                    {source.outdated && (
                      <Badge
                        variant="light"
                        color="orange"
                        radius="sm"
                        tt="none"
                        c="var(--mantine-color-text)"
                      >
                        Outdated: older rules
                      </Badge>
                    )}
                    <Text size="xs">Page date: {source.pageDate ?? 'not stated'}</Text>
                    {source.checked && <Text size="xs">Checked {formatDate(source.checked)}</Text>}
                  </Group>
                  <Text size="xs">
                    {citedIn.length ? (
                      <>
                        Cited in:{' '}
                        {citedIn.map((s, i) => (
                          <span key={s}>
                            {i > 0 && ', '}
                            <Anchor href={`#${sectionIds[s]}`} size="xs">
                              {s}
                            </Anchor>
                          </span>
                        ))}
                      </>
                    ) : (
                      'Background reading; no section cites it directly.'
                    )}
                  </Text>
                </Stack>
              </Group>
            </Paper>
          );
        })}
      </Stack>
      <Text size="xs" c="dimmed">
        {cert.sources.length} sources · catalog entry checked {formatDate(cert.verifiedAsOf)}
      </Text>
    </CertSection>
  );
}
