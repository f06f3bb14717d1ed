/** "Delete this job?": confirms before an item of "My record" is deleted. */
import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import type { RecordItem } from '../../api/recordTypes';
import { useDeleteItem } from '../../api/records';
import type { EditedSection, RecordLabels } from './recordDrafts';
import { summaryOf } from './recordDrafts';
import { sectionInfo } from './sectionInfo';

export interface DeleteTarget {
  section: EditedSection;
  item: RecordItem;
}

export function DeleteItemDialog({
  target,
  opened,
  labels,
  onClose,
  onDeleted,
}: {
  target: DeleteTarget | null;
  opened: boolean;
  labels: RecordLabels;
  onClose: () => void;
  onDeleted: (section: EditedSection, message: string) => void;
}) {
  const remove = useDeleteItem();
  const info = target ? sectionInfo[target.section] : undefined;
  const summary = target ? summaryOf(target.section, target.item.data, labels) : undefined;
  const close = () => {
    remove.reset();
    onClose();
  };
  const confirm = () => {
    if (!target || !info) return;
    remove.mutate(
      { section: target.section, id: target.item.id },
      {
        onSuccess: () => {
          onDeleted(target.section, `${info.noun[0]!.toUpperCase()}${info.noun.slice(1)} deleted.`);
          close();
        },
      },
    );
  };
  return (
    <Modal
      opened={opened}
      onClose={close}
      title={info ? `Delete this ${info.noun}?` : ''}
      styles={{ title: { fontWeight: 700, fontSize: 'var(--mantine-font-size-lg)' } }}
      closeButtonProps={{ 'aria-label': 'Close' }}
    >
      <Stack gap="md">
        {summary && (
          <div>
            <Text fw={600} className="break-anywhere">
              {summary.title}
            </Text>
            <Text size="sm" c="dimmed">
              {summary.details.join(' · ')}
            </Text>
          </div>
        )}
        <Text size="sm">
          It is removed from your record, and your dashboard is updated. This cannot be undone.
        </Text>
        {remove.error && (
          <Alert color="red" variant="light" title="Could not delete" role="alert">
            <Text size="sm">{remove.error.message}</Text>
          </Alert>
        )}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={close} data-autofocus>
            Cancel
          </Button>
          <Button color="red.9" onClick={confirm} loading={remove.isPending}>
            Delete
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
