import {
  Alert,
  Anchor,
  Button,
  Code,
  FileButton,
  Group,
  List,
  Paper,
  Radio,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { IconFileImport, IconRefresh, IconUpload } from '@tabler/icons-react';
import { useEffect, useMemo, useRef, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { ApiError } from '../api/client';
import { useCatalog, useCertificationList } from '../api/queries';
import type { ImportMode } from '../api/recordTypes';
import { issuesOf, useApplyImport, useImportPreview } from '../api/records';
import { showNotice } from '../components/auth/RouteNotice';
import { QueryError } from '../components/QueryState';
import { loadDraft } from '../components/quickcheck/profile';
import { draftProblems, emptyDraft, toProfile } from '../components/quickcheck/profileMapping';
import { ImportPreviewView } from '../components/record/ImportPreviewView';
import { recordLabels } from '../components/record/labels';
import { SignInNeeded } from '../components/record/SignInNeeded';
import { countText } from '../lib/format';
import { readUploadText } from '../components/quickcheck/upload';

/** Largest file read (the profile format's limit). */

interface Source {
  /** "quality-analyst.yaml", or "your quick check answers". */
  name: string;
  profile: Record<string, unknown>;
}

type QuickCheckSource = { source: Source } | { problem: string };

/** The profile the quick check keeps in this browser, or why it cannot be imported. */
export function quickCheckSource(): QuickCheckSource {
  const draft = loadDraft();
  const empty =
    draft.education.length + draft.positions.length + draft.credentials.length + draft.memberships.length ===
      0 && Object.keys(draft.kept ?? {}).length === 0;
  if (empty || draft === emptyDraft)
    return {
      problem: 'This browser holds no quick check answers. Answer the quick check first, or choose a file.',
    };
  const problems = draftProblems(draft);
  if (problems.length)
    return {
      problem: `Your quick check answers have ${countText(problems.length, 'problem')} (${problems
        .map((p) => `${p.where}: ${p.message}`)
        .join('; ')}). Fix them in the quick check first.`,
    };
  return { source: { name: 'your quick check answers', profile: toProfile(draft) } };
}

/** /record/import: a profile file (or the quick check's answers) into my record, previewed first. */
export function ImportPage() {
  useDocumentTitle('Import a profile file · Healthcare Management Pathways');
  const [params] = useSearchParams();
  const fromQuickCheck = params.get('from') === 'quick-check';
  const navigate = useNavigate();
  const catalog = useCatalog();
  const certifications = useCertificationList({});
  const labels = useMemo(
    () => recordLabels(catalog.data?.vocabulary, certifications.data?.certifications),
    [catalog.data, certifications.data],
  );

  const [quick] = useState<QuickCheckSource | null>(() => (fromQuickCheck ? quickCheckSource() : null));
  const [source, setSource] = useState<Source | null>(() =>
    quick && 'source' in quick ? quick.source : null,
  );
  const [fileError, setFileError] = useState<{ message: string; issues: string[] } | null>(null);
  const [mode, setMode] = useState<ImportMode>('merge');
  const resetFileInput = useRef<() => void>(null);
  const preview = useImportPreview();
  const apply = useApplyImport();
  const previewRef = useRef<HTMLDivElement>(null);

  const runPreview = (profile: Record<string, unknown>, m: ImportMode) => {
    apply.reset();
    preview.mutate(
      { profile, mode: m },
      { onSettled: () => setTimeout(() => previewRef.current?.focus(), 0) },
    );
  };

  // The quick check's answers are previewed as soon as the page opens.
  const quickProfile = quick && 'source' in quick ? quick.source.profile : undefined;
  const { mutate: previewMutate } = preview;
  useEffect(() => {
    if (quickProfile) previewMutate({ profile: quickProfile, mode: 'merge' });
  }, [quickProfile, previewMutate]);

  const choose = async (file: File | null) => {
    setFileError(null);
    resetFileInput.current?.();
    if (!file) return;
    const read = await readUploadText(file);
    if ('error' in read) {
      setFileError(read.error);
      return;
    }
    const { text } = read;
    const { loadProfileDocument } = await import('../components/quickcheck/profileFile');
    const result = loadProfileDocument(text, file.name);
    if ('error' in result) {
      setSource(null);
      preview.reset();
      apply.reset();
      setFileError(result.error);
      return;
    }
    setSource({ name: file.name, profile: result.profile });
    runPreview(result.profile, mode);
  };

  const changeMode = (value: string) => {
    const m = value === 'replace' ? 'replace' : 'merge';
    setMode(m);
    if (source) runPreview(source.profile, m);
  };

  const applyImport = () => {
    if (!source || !preview.data) return;
    apply.mutate(
      { profile: source.profile, mode: preview.data.mode, revision: preview.data.revision },
      {
        onSuccess: (result) => {
          const t = result.totals;
          showNotice(
            `Imported ${source.name} into your record: ${countText(t.added, 'item')} added, ${countText(t.removed, 'item')} removed, ${countText(t.unchanged, 'item')} unchanged.`,
          );
          void navigate('/dashboard');
        },
      },
    );
  };

  const signedOut = [preview.error, apply.error].some((e) => e instanceof ApiError && e.status === 401);
  if (signedOut) return <SignInNeeded what="your record" />;

  const conflict = apply.error instanceof ApiError && apply.error.code === 'record_changed';
  const previewIssues = issuesOf(preview.error);
  const nothingToDo =
    preview.data &&
    preview.data.totals.added + preview.data.totals.removed === 0 &&
    preview.data.fields.changed.length === 0;

  return (
    <Stack gap="lg" maw={1000} mx="auto">
      <div>
        <Anchor component={Link} to="/record" size="sm">
          ← My record
        </Anchor>
        <Title order={1} mt={4}>
          Import a profile file
        </Title>
        <Text mt={4} maw={720}>
          Bring a whole record at once from a profile file (YAML or JSON, format{' '}
          <Code style={{ whiteSpace: 'nowrap' }}>hm-pathways/profile@1</Code>), such as one downloaded from
          the quick check or from another system. You see what changes before anything is saved, and the
          import is all or nothing.
        </Text>
      </div>

      <Paper withBorder p={{ base: 'sm', sm: 'md' }} component="section" aria-labelledby="import-source">
        <Stack gap="sm">
          <Title order={2} fz="h3" id="import-source">
            1. Choose the profile
          </Title>
          <Group gap="sm">
            <FileButton
              onChange={(file) => void choose(file)}
              resetRef={resetFileInput}
              accept=".json,.yaml,.yml,application/json,application/yaml,text/yaml"
            >
              {(props) => (
                <Button variant="default" leftSection={<IconUpload size={16} aria-hidden />} {...props}>
                  Choose a file
                </Button>
              )}
            </FileButton>
            {!fromQuickCheck && (
              <Anchor component={Link} to="/record/import?from=quick-check" size="sm">
                Use my quick check answers instead
              </Anchor>
            )}
          </Group>
          {source && (
            <Text size="sm" role="status" data-testid="import-source-name">
              Importing {source.name}.
            </Text>
          )}
          {quick && 'problem' in quick && !source && (
            <Alert color="yellow" variant="light" title="Nothing to bring from the quick check" role="alert">
              <Text size="sm">{quick.problem}</Text>
              <Anchor component={Link} to="/quick-check" size="sm">
                Open the quick check
              </Anchor>
            </Alert>
          )}
          {fileError && (
            <Alert color="red" variant="light" title="This file cannot be imported" role="alert">
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
        </Stack>
      </Paper>

      <Paper withBorder p={{ base: 'sm', sm: 'md' }} component="section" aria-labelledby="import-mode">
        <Title order={2} fz="h3" id="import-mode">
          2. Merge or replace
        </Title>
        <Radio.Group value={mode} onChange={changeMode} aria-labelledby="import-mode">
          <Stack gap="sm" mt="sm">
            <Radio
              value="merge"
              label="Merge"
              description="Add what is new in the file. Everything already in your record stays."
            />
            <Radio
              value="replace"
              label="Replace"
              description="Your record becomes exactly the file: items that are not in it are removed."
            />
          </Stack>
        </Radio.Group>
      </Paper>

      <Paper
        withBorder
        p={{ base: 'sm', sm: 'md' }}
        ref={previewRef}
        tabIndex={-1}
        style={{ outline: 'none' }}
        component="section"
        aria-labelledby="import-check"
      >
        <Stack gap="md">
          <Title order={2} fz="h3" id="import-check">
            3. Check and apply
          </Title>
          {!source && !preview.data && (
            <Text size="sm" c="dimmed">
              Choose a file to see what it changes in your record.
            </Text>
          )}
          {preview.isPending && (
            <Text size="sm" role="status">
              Comparing the file with your record…
            </Text>
          )}
          {preview.error && (
            <QueryError title="This profile cannot be imported" error={preview.error}>
              {previewIssues.length > 0 && (
                <List size="sm" data-testid="preview-issues">
                  {previewIssues.map((issue, i) => (
                    <List.Item key={i} style={{ overflowWrap: 'anywhere' }}>
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
          {preview.data && !preview.isPending && (
            <>
              <ImportPreviewView preview={preview.data} labels={labels} />
              {conflict && (
                <Alert
                  color="yellow"
                  variant="light"
                  title="Your record has changed"
                  role="alert"
                  data-testid="import-conflict"
                >
                  <Stack gap="xs" align="flex-start">
                    <Text size="sm">
                      Something changed in your record since this preview (in another tab, or through the
                      API), so nothing was imported. Look at the new preview before applying.
                    </Text>
                    <Button
                      size="xs"
                      variant="default"
                      leftSection={<IconRefresh size={14} aria-hidden />}
                      onClick={() => source && runPreview(source.profile, mode)}
                    >
                      Refresh the preview
                    </Button>
                  </Stack>
                </Alert>
              )}
              {apply.error && !conflict && <QueryError title="Nothing was imported" error={apply.error} />}
              {nothingToDo ? (
                <Text size="sm">
                  Your record already holds everything in this file: there is nothing to import.
                </Text>
              ) : (
                <Group gap="sm">
                  <Button
                    leftSection={<IconFileImport size={16} aria-hidden />}
                    onClick={applyImport}
                    loading={apply.isPending}
                    disabled={conflict}
                  >
                    Apply the import
                  </Button>
                  <Text size="sm" c="dimmed">
                    {preview.data.mode === 'replace' ? 'Replace' : 'Merge'}: all of it is saved, or nothing.
                  </Text>
                </Group>
              )}
            </>
          )}
        </Stack>
      </Paper>
    </Stack>
  );
}
