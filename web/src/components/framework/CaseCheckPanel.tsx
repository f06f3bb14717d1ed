import { Alert, Code, FileInput, List, Stack, Table, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck, IconFileUpload } from '@tabler/icons-react';
import { useState } from 'react';
import { caseProblemsOf, useCaseCheck, type CaseCheck, type CaseProblem } from '../../api/framework';

function ProblemList({ problems, label }: { problems: readonly CaseProblem[]; label: string }) {
  return (
    <List spacing={4} fz="sm" aria-label={label} data-testid="case-problems">
      {problems.map((p, i) => (
        <List.Item key={`${i}:${p.path}`} style={{ overflowWrap: 'anywhere' }}>
          {p.path && <Code>{p.path}</Code>}
          {p.path ? ': ' : ''}
          {p.message}
        </List.Item>
      ))}
    </List>
  );
}

function Summary({ check }: { check: CaseCheck }) {
  const f = check.framework;
  return (
    <Stack gap="sm" data-testid="case-summary">
      <Alert
        color="green"
        variant="light"
        icon={<IconCircleCheck aria-hidden />}
        title="The file is a CASE framework we can read"
      >
        <Text fz="sm">
          {f.name}
          {f.creator ? ` by ${f.creator}` : ''}: {f.domains.length}{' '}
          {f.domains.length === 1 ? 'domain' : 'domains'}, {f.competencies}{' '}
          {f.competencies === 1 ? 'competency' : 'competencies'},{' '}
          {f.scaleLevels.length ? `a ${f.scaleLevels.length}-level scale` : 'no proficiency scale'}.
        </Text>
      </Alert>
      <Table.ScrollContainer minWidth={300}>
        <Table fz="sm" verticalSpacing={4} aria-label="Domains in the file">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Domain</Table.Th>
              <Table.Th scope="col">One of our five domains</Table.Th>
              <Table.Th scope="col" ta="right">
                Competencies
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {f.domains.map((d) => (
              <Table.Tr key={d.id}>
                <Table.Th scope="row" fw={500}>
                  {d.name}
                </Table.Th>
                <Table.Td>{d.hla ? 'Yes' : 'No, its own'}</Table.Td>
                <Table.Td ta="right">{d.competencies}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {f.scaleLevels.length > 0 && (
        <Text fz="sm">Scale: {f.scaleLevels.map((s) => `${s.level} ${s.name}`).join(' · ')}</Text>
      )}
      {check.warnings.length > 0 && (
        <Stack gap={4}>
          <Title order={4} fz="sm">
            Warnings ({check.warnings.length})
          </Title>
          <ProblemList problems={check.warnings} label="Warnings" />
        </Stack>
      )}
      {check.catalogFormat.ok ? (
        <Text fz="sm">
          It can be added to a catalog as <Code>competencies.yaml</Code> with{' '}
          <Code>pathways framework import FILE --out competencies.yaml</Code>.
        </Text>
      ) : (
        <Stack gap={4}>
          <Text fz="sm">
            It cannot be added to a catalog as <Code>competencies.yaml</Code> as it is:
          </Text>
          <ProblemList
            problems={check.catalogFormat.problems}
            label="Why it does not fit the catalog format"
          />
          {check.catalogFormat.problems.some((p) => p.path.startsWith('domains[')) && (
            <Text fz="sm">
              A curator can put an own domain under one of ours with{' '}
              <Code>--map-domain "Digital Health=business_skills"</Code>.
            </Text>
          )}
        </Stack>
      )}
    </Stack>
  );
}

/** Choose a CASE file: the server checks it and says what it holds, or lists every problem by path. */
export function CaseCheckPanel() {
  const [file, setFile] = useState<File | null>(null);
  const check = useCaseCheck();
  const problems = check.error ? caseProblemsOf(check.error) : [];

  return (
    <Stack gap="md">
      <FileInput
        label="CASE file (JSON)"
        description="A 1EdTech CASE 1.0 package, at most 2 MB. It is checked, not stored."
        placeholder="Choose a file"
        styles={{ placeholder: { color: 'var(--mantine-color-gray-7)' } }}
        accept="application/json,.json"
        clearable
        leftSection={<IconFileUpload size={16} aria-hidden />}
        value={file}
        onChange={(f) => {
          setFile(f);
          check.reset();
          if (f) check.mutate(f);
        }}
        maw={480}
      />
      <div aria-live="polite">
        {check.isPending && (
          <Text fz="sm" role="status">
            Checking {file?.name}…
          </Text>
        )}
        {check.data && <Summary check={check.data} />}
        {check.error && (
          <Alert
            color="red"
            variant="light"
            icon={<IconAlertTriangle aria-hidden />}
            title={
              problems.length > 1
                ? `The file has ${problems.length} problems`
                : problems.length === 1
                  ? 'The file has a problem'
                  : 'The file could not be checked'
            }
            data-testid="case-error"
          >
            {problems.length ? (
              <ProblemList problems={problems} label="Problems in the file" />
            ) : (
              <Text fz="sm">{check.error.message}</Text>
            )}
          </Alert>
        )}
      </div>
    </Stack>
  );
}
