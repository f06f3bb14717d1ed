import { Alert, Button, FileButton, Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { IconDownload, IconUpload } from '@tabler/icons-react';
import { useEffect, useMemo, useRef, useState } from 'react';
import { ApiError } from '../api/client';
import { useCatalog, useCertificationList, usePostEligibility } from '../api/queries';
import type { ValidationIssue } from '../api/types';
import { EligibilityResults } from '../components/quickcheck/EligibilityResults';
import {
  downloadProfile,
  loadDraft,
  parseProfileFile,
  saveDraft,
  toProfile,
  type ProfileDraft,
} from '../components/quickcheck/profile';
import { ProfileForm } from '../components/quickcheck/ProfileForm';
import { QueryError } from '../components/QueryState';

function issuesOf(error: Error): ValidationIssue[] {
  if (!(error instanceof ApiError) || typeof error.details !== 'object' || error.details === null) return [];
  const issues = (error.details as { issues?: unknown }).issues;
  if (!Array.isArray(issues)) return [];
  return issues
    .filter((i): i is Record<string, unknown> => typeof i === 'object' && i !== null)
    .map((i) => ({
      path: Array.isArray(i.path) ? i.path.join('.') : String(i.path ?? ''),
      message: String(i.message ?? ''),
    }));
}

/** /quick-check: a profile kept in this browser, checked against every certification's rules. */
export function QuickCheckPage() {
  useDocumentTitle('Quick check · Healthcare Management Pathways');
  const [draft, setDraft] = useState<ProfileDraft>(loadDraft);
  const [fileError, setFileError] = useState<string | null>(null);
  const [fileMessage, setFileMessage] = useState<string | null>(null);
  const resultsRef = useRef<HTMLDivElement>(null);
  const catalog = useCatalog();
  const certifications = useCertificationList({});
  const eligibility = usePostEligibility();
  const vocabulary = catalog.data?.vocabulary;

  useEffect(() => saveDraft(draft), [draft]);

  const credentialOptions = useMemo(
    () => [
      { value: 'RN_LICENSE', label: 'Registered nurse licence (RN)' },
      ...(certifications.data?.certifications ?? []).map((c) => ({
        value: c.id,
        label: `${c.acronym} — ${c.name}`,
      })),
    ],
    [certifications.data],
  );
  const focusAreas = useMemo(
    () => new Map((certifications.data?.certifications ?? []).map((c) => [c.id, c.focusAreas])),
    [certifications.data],
  );

  const check = () => {
    eligibility.mutate(
      { profile: toProfile(draft) },
      { onSettled: () => setTimeout(() => resultsRef.current?.focus(), 0) },
    );
  };

  const upload = (file: File | null) => {
    setFileError(null);
    setFileMessage(null);
    if (!file) return;
    const reader = new FileReader();
    reader.onload = () => {
      try {
        setDraft(parseProfileFile(String(reader.result)));
        eligibility.reset();
        setFileMessage(`Loaded ${file.name}.`);
      } catch (e) {
        setFileError(e instanceof Error ? e.message : String(e));
      }
    };
    reader.onerror = () => setFileError('The file could not be read.');
    reader.readAsText(file);
  };

  const issues = eligibility.error ? issuesOf(eligibility.error) : [];

  return (
    <Stack gap="lg" maw={1000} mx="auto">
      <div>
        <Title order={1}>Quick check</Title>
        <Text mt={4} maw={720}>
          Answer a few questions to see which certifications you can apply for now, which ones only need more
          time, and which need something more. No account needed: your answers stay in this browser.
        </Text>
      </div>

      <Paper withBorder p="md">
        <Stack gap="xs">
          <Group gap="sm">
            <Button
              variant="default"
              leftSection={<IconDownload size={16} aria-hidden />}
              onClick={() => downloadProfile(draft)}
            >
              Download profile
            </Button>
            <FileButton onChange={upload} accept="application/json,.json">
              {(props) => (
                <Button variant="default" leftSection={<IconUpload size={16} aria-hidden />} {...props}>
                  Upload profile
                </Button>
              )}
            </FileButton>
          </Group>
          <Text size="sm" c="dimmed">
            Save your answers as profile.json, or load a profile saved before.
          </Text>
          {fileError && (
            <Alert color="red" variant="light" title="Could not load the profile" role="alert">
              {fileError}
            </Alert>
          )}
          {fileMessage && (
            <Text size="sm" role="status">
              {fileMessage}
            </Text>
          )}
        </Stack>
      </Paper>

      <ProfileForm
        draft={draft}
        onChange={setDraft}
        vocabulary={vocabulary}
        credentialOptions={credentialOptions}
      />

      <Group>
        <Button size="md" onClick={check} loading={eligibility.isPending}>
          Check eligibility
        </Button>
      </Group>

      <div ref={resultsRef} tabIndex={-1} style={{ outline: 'none' }}>
        {eligibility.error && (
          <QueryError title="Could not check eligibility" error={eligibility.error}>
            {issues.length > 0 && (
              <List size="sm" data-testid="validation-issues">
                {issues.map((issue, i) => (
                  <List.Item key={i}>
                    <Text span fw={600} ff="monospace">
                      {issue.path}
                    </Text>
                    : {issue.message}
                  </List.Item>
                ))}
              </List>
            )}
          </QueryError>
        )}
        {eligibility.data && (
          <EligibilityResults report={eligibility.data} vocabulary={vocabulary} focusAreas={focusAreas} />
        )}
      </div>
    </Stack>
  );
}
