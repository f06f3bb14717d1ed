import { Alert, Button, FileButton, Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { IconDownload, IconUpload } from '@tabler/icons-react';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useRoles } from '../api/career';
import { ApiError } from '../api/client';
import { useCatalog, useCertificationList, usePostEligibility } from '../api/queries';
import type { ValidationIssue } from '../api/types';
import { EligibilityResults } from '../components/quickcheck/EligibilityResults';
import { focusField, ProblemSummary } from '../components/quickcheck/ProblemSummary';
import { downloadProfile, loadDraft, saveDraft } from '../components/quickcheck/profile';
import { askedSectionIds, fieldId, ProfileForm } from '../components/quickcheck/ProfileForm';
import {
  ASKED_SECTIONS,
  draftProblems,
  unansweredSections,
  keptSummary,
  toProfile,
  type DraftProblem,
  type ProfileDraft,
} from '../components/quickcheck/profileMapping';
import { QueryError } from '../components/QueryState';
import { readUploadText } from '../components/quickcheck/upload';

/**
 * Field errors in red.9 (5.4:1 on white): Mantine's light-scheme error colour (red.6) is 3.3:1,
 * below WCAG AA for the small text of a field error.
 */
const errorColour = { '--mantine-color-error': 'var(--mantine-color-red-9)' } as React.CSSProperties;

/** Largest file read (the profile format's limit). */

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

/** Focuses the first problem's field once the errors are on screen. */
function focusFirst(problems: DraftProblem[]): void {
  const first = problems[0];
  if (first) setTimeout(() => focusField(fieldId(first.field)), 0);
}

/** /quick-check: a profile kept in this browser, checked against every certification's rules. */
export function QuickCheckPage() {
  useDocumentTitle('Quick check · Healthcare Management Pathways');
  const [draft, setDraft] = useState<ProfileDraft>(loadDraft);
  /** The action stopped by the form's problems, whose summary is shown. */
  const [stopped, setStopped] = useState<'check' | 'download' | null>(null);
  /** Show every problem on its field (after a download was stopped), not only the silent ones. */
  const [showAll, setShowAll] = useState(false);
  const [fileError, setFileError] = useState<{ message: string; issues: string[] } | null>(null);
  const [fileMessage, setFileMessage] = useState<string | null>(null);
  const resetFileInput = useRef<() => void>(null);
  const resultsRef = useRef<HTMLDivElement>(null);
  const catalog = useCatalog();
  const certifications = useCertificationList({});
  const eligibility = usePostEligibility();
  const roles = useRoles();
  const vocabulary = catalog.data?.vocabulary;

  useEffect(() => saveDraft(draft), [draft]);

  const problems = useMemo(() => draftProblems(draft), [draft]);
  // A past job without an end month would be read as a current one: the server cannot notice.
  const silentProblems = problems.filter((p) => p.silent);
  const fieldErrors = Object.fromEntries(
    problems.filter((p) => showAll || p.silent).map((p) => [p.field, p.message]),
  );
  const kept = useMemo(() => keptSummary(draft), [draft]);

  const credentialOptions = useMemo(() => {
    const options = [
      ...(vocabulary?.credentials ?? [{ id: 'RN_LICENSE', label: 'Registered nurse licence' }]).map((c) => ({
        value: c.id,
        label: c.label,
      })),
      ...(certifications.data?.certifications ?? []).map((c) => ({
        value: c.id,
        label: `${c.acronym} — ${c.name}`,
      })),
    ];
    // A credential from an uploaded file that this catalog does not list is still shown.
    const known = new Set(options.map((o) => o.value));
    const unknown = draft.credentials
      .filter((c) => !known.has(c.id))
      .map((c) => ({ value: c.id, label: c.id }));
    return [...options, ...unknown];
  }, [vocabulary, certifications.data, draft.credentials]);
  const focusAreas = useMemo(
    () => new Map((certifications.data?.certifications ?? []).map((c) => [c.id, c.focusAreas])),
    [certifications.data],
  );

  const check = () => {
    if (silentProblems.length) {
      eligibility.reset();
      setStopped('check');
      focusFirst(silentProblems);
      return;
    }
    setStopped(null);
    const notAsked = unansweredSections(draft);
    eligibility.mutate(
      { profile: toProfile(draft), ...(notAsked.length ? { notAsked } : {}) },
      { onSettled: () => setTimeout(() => resultsRef.current?.focus(), 0) },
    );
  };

  const download = () => {
    setFileError(null);
    setFileMessage(null);
    if (problems.length) {
      setShowAll(true);
      setStopped('download');
      focusFirst(problems);
      return;
    }
    setStopped(null);
    downloadProfile(draft);
    setFileMessage('Downloaded profile.json.');
  };

  const upload = async (file: File | null) => {
    setFileError(null);
    setFileMessage(null);
    resetFileInput.current?.();
    if (!file) return;
    const read = await readUploadText(file);
    if ('error' in read) {
      setFileError(read.error);
      return;
    }
    const { text } = read;
    const { loadProfileFile } = await import('../components/quickcheck/profileFile');
    const result = loadProfileFile(text, file.name);
    if ('error' in result) {
      setFileError(result.error);
      return;
    }
    setDraft(result.draft);
    setShowAll(false);
    setStopped(null);
    eligibility.reset();
    setFileMessage(`Loaded ${file.name}.`);
  };

  const issues = eligibility.error ? issuesOf(eligibility.error) : [];

  /** Takes the person to a section not answered yet: its heading scrolled to, its first control focused. */
  const ask = (section: string) => {
    const asked = ASKED_SECTIONS.find((s) => s === section);
    const heading = document.getElementById(asked ? askedSectionIds[asked] : `qc-${section}`);
    const box = heading?.closest('section');
    if (!box) return;
    box.scrollIntoView({ block: 'start' });
    box.querySelector<HTMLElement>('button, input:not([disabled])')?.focus({ preventScroll: true });
  };

  return (
    <Stack gap="lg" maw={1000} mx="auto" style={errorColour}>
      <div>
        <Title order={1}>Quick check</Title>
        <Text mt={4} maw={720}>
          Answer a few questions to see which certifications you can apply for now, which ones only need more
          time, and which need something more. No account needed: your answers stay in this browser.
        </Text>
      </div>

      <Paper withBorder p={{ base: 'sm', sm: 'md' }}>
        <Stack gap="xs">
          <Group gap="sm">
            <Button variant="default" leftSection={<IconDownload size={16} aria-hidden />} onClick={download}>
              Download profile
            </Button>
            <FileButton
              onChange={(file) => void upload(file)}
              resetRef={resetFileInput}
              accept=".json,.yaml,.yml,application/json,application/yaml,text/yaml"
            >
              {(props) => (
                <Button variant="default" leftSection={<IconUpload size={16} aria-hidden />} {...props}>
                  Upload profile
                </Button>
              )}
            </FileButton>
          </Group>
          <Text size="sm" c="dimmed">
            Save your answers as profile.json, or load a profile (JSON or YAML) saved before.
          </Text>
          {stopped === 'download' && (
            <ProblemSummary
              title="Fix these before downloading"
              problems={problems}
              fieldId={fieldId}
              testId="download-problems"
            />
          )}
          {fileError && (
            <Alert color="red" variant="light" title="Could not load the profile" role="alert">
              <Text size="sm">{fileError.message}</Text>
              {fileError.issues.length > 0 && (
                <List size="sm" mt={4} data-testid="file-issues">
                  {fileError.issues.map((issue, i) => (
                    <List.Item key={i} ff="monospace" style={{ overflowWrap: 'anywhere' }}>
                      {issue}
                    </List.Item>
                  ))}
                </List>
              )}
            </Alert>
          )}
          {fileMessage && (
            <Text size="sm" role="status">
              {fileMessage}
            </Text>
          )}
          {kept.length > 0 && (
            <Text size="sm" data-testid="kept-summary">
              Your profile also holds {kept.join(', ')}. This form does not show them, but the check counts
              them and downloads keep them.
            </Text>
          )}
        </Stack>
      </Paper>

      <ProfileForm
        draft={draft}
        onChange={setDraft}
        vocabulary={vocabulary}
        credentialOptions={credentialOptions}
        roles={roles.data?.roles}
        attestationUse={catalog.data?.attestationUse}
        errors={fieldErrors}
      />

      <Stack gap="sm">
        {stopped === 'check' && (
          <ProblemSummary
            title="Answer this before checking"
            problems={silentProblems}
            fieldId={fieldId}
            testId="check-problems"
          />
        )}
        <Group>
          <Button size="md" onClick={check} loading={eligibility.isPending}>
            Check eligibility
          </Button>
        </Group>
      </Stack>

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
          <EligibilityResults
            report={eligibility.data}
            vocabulary={vocabulary}
            focusAreas={focusAreas}
            onAsk={ask}
          />
        )}
      </div>
    </Stack>
  );
}
