import { Alert, Anchor, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { IconDownload, IconUpload } from '@tabler/icons-react';
import { useMemo, useRef, useState } from 'react';
import { Link } from 'react-router';
import { useRoles } from '../api/career';
import { ApiError } from '../api/client';
import { useCatalog, useCertificationList } from '../api/queries';
import type { RecordItem } from '../api/recordTypes';
import { downloadProfileFile, useMyRecord } from '../api/records';
import { Standing } from '../components/dashboard/Standing';
import { PageLoader, QueryError } from '../components/QueryState';
import { CurrentRolePrompt } from '../components/record/CurrentRolePrompt';
import { DeleteItemDialog, type DeleteTarget } from '../components/record/DeleteItemDialog';
import { ItemEditor, type EditorTarget } from '../components/record/ItemEditor';
import { credentialOptions, recordLabels } from '../components/record/labels';
import { GoalsCard } from '../components/goals/GoalsCard';
import { ProfileFieldsCard } from '../components/record/ProfileFieldsCard';
import { EDITED_SECTIONS, type EditedSection } from '../components/record/recordDrafts';
import { RecordSectionCard, sectionAnchor } from '../components/record/RecordSectionCard';
import { sectionInfo } from '../components/record/sectionInfo';
import { SignInNeeded } from '../components/record/SignInNeeded';

/** /record: everything the person has recorded, section by section, to add, edit and delete. */
export function RecordPage() {
  useDocumentTitle('My record · Healthcare Management Pathways');
  const record = useMyRecord();
  const catalog = useCatalog();
  const certifications = useCertificationList({});
  const roles = useRoles();

  const [editor, setEditor] = useState<{ target: EditorTarget | null; opened: boolean }>({
    target: null,
    opened: false,
  });
  const [deleting, setDeleting] = useState<{ target: DeleteTarget | null; opened: boolean }>({
    target: null,
    opened: false,
  });
  const [announcements, setAnnouncements] = useState<Partial<Record<EditedSection, string>>>({});
  const [download, setDownload] = useState<{ busy: boolean; message?: string; error?: string }>({
    busy: false,
  });
  const addButtons = useRef<Partial<Record<EditedSection, HTMLButtonElement | null>>>({});

  const vocabulary = catalog.data?.vocabulary;
  const certificationList = certifications.data?.certifications;
  const roleList = roles.data?.roles;
  const labels = useMemo(
    () => recordLabels(vocabulary, certificationList, roleList),
    [vocabulary, certificationList, roleList],
  );
  const ctx = useMemo(
    () => ({
      vocabulary,
      credentialOptions: credentialOptions(vocabulary, certificationList),
      roles: roleList,
    }),
    [vocabulary, certificationList, roleList],
  );

  const announce = (section: EditedSection, message: string) =>
    setAnnouncements((a) => ({ ...a, [section]: message }));

  const downloadFile = async () => {
    setDownload({ busy: true });
    try {
      const name = await downloadProfileFile();
      setDownload({ busy: false, message: `Downloaded ${name}.` });
    } catch (e) {
      setDownload({ busy: false, error: e instanceof Error ? e.message : String(e) });
    }
  };

  if (record.error instanceof ApiError && record.error.status === 401)
    return <SignInNeeded what="your record" />;

  return (
    <Stack gap="lg" maw={1000} mx="auto">
      <div>
        <Title order={1}>My record</Title>
        <Text mt={4} maw={720}>
          Your degrees, jobs, credentials and continuing education. Eligibility and renewals on your{' '}
          <Anchor component={Link} to="/dashboard">
            dashboard
          </Anchor>{' '}
          follow every change you make here.
        </Text>
      </div>

      <Paper withBorder p={{ base: 'sm', sm: 'md' }}>
        <Stack gap="xs">
          <Group gap="sm">
            <Button
              component={Link}
              to="/record/import"
              variant="default"
              leftSection={<IconUpload size={16} aria-hidden />}
            >
              Import a profile file
            </Button>
            <Button
              variant="default"
              leftSection={<IconDownload size={16} aria-hidden />}
              onClick={() => void downloadFile()}
              loading={download.busy}
            >
              Download profile file
            </Button>
          </Group>
          <Standing />
          <Text size="sm" c="dimmed">
            A profile file (YAML or JSON) holds your whole record: bring one from the quick check or another
            system, or keep a copy of yours.
          </Text>
          {download.error && (
            <Alert color="red" variant="light" title="Could not download the profile file" role="alert">
              <Text size="sm">{download.error}</Text>
            </Alert>
          )}
          {download.message && (
            <Text size="sm" role="status">
              {download.message}
            </Text>
          )}
        </Stack>
      </Paper>

      {record.isPending && <PageLoader label="Loading your record…" />}
      {record.error && !(record.error instanceof ApiError && record.error.status === 401) && (
        <QueryError
          title="Could not load your record"
          error={record.error}
          onRetry={() => void record.refetch()}
        />
      )}

      {record.data && (
        <>
          <nav aria-label="Sections of my record">
            <Group gap="xs" component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
              {EDITED_SECTIONS.map((section) => (
                <li key={section}>
                  <Anchor href={`#${sectionAnchor(section)}`} size="sm">
                    {sectionInfo[section].title} ({record.data.sections[section].length})
                  </Anchor>
                </li>
              ))}
            </Group>
          </nav>

          <CurrentRolePrompt />

          {/* Starts from the stored fields and keeps what is typed: a refresh after a save loses nothing. */}
          <GoalsCard goals={record.data.fields.goals} />
          <ProfileFieldsCard fields={record.data.fields} vocabulary={vocabulary} />

          {EDITED_SECTIONS.map((section) => (
            <RecordSectionCard
              key={section}
              ref={(el) => {
                addButtons.current[section] = el;
              }}
              section={section}
              items={record.data.sections[section] as RecordItem[]}
              labels={labels}
              announcement={announcements[section] ?? ''}
              onAdd={() => setEditor({ target: { section }, opened: true })}
              onEdit={(item) => setEditor({ target: { section, item }, opened: true })}
              onDelete={(item) => setDeleting({ target: { section, item }, opened: true })}
            />
          ))}

          {record.data.sections.assessments.length > 0 && (
            <Text size="sm" c="dimmed">
              Your record also holds {record.data.sections.assessments.length} competency self-assessment
              {record.data.sections.assessments.length === 1 ? '' : 's'}; they are kept, and downloads include
              them.
            </Text>
          )}
        </>
      )}

      <ItemEditor
        target={editor.target}
        opened={editor.opened}
        ctx={ctx}
        onClose={() => setEditor((e) => ({ ...e, opened: false }))}
        onSaved={announce}
      />
      <DeleteItemDialog
        target={deleting.target}
        opened={deleting.opened}
        labels={labels}
        onClose={() => setDeleting((d) => ({ ...d, opened: false }))}
        onDeleted={(section, message) => {
          announce(section, message);
          // The deleted item's buttons are gone: focus goes to the section's add button.
          setTimeout(() => addButtons.current[section]?.focus(), 0);
        }}
      />
    </Stack>
  );
}
