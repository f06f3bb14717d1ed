/**
 * The dialog that adds or edits one item of "My record". Problems are shown on their fields and
 * listed above the buttons, each a link to its field: those the editor sees before sending (a past
 * job without an end month), and those the server names (`end: must not be before start`).
 */
import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useState } from 'react';
import { ApiError } from '../../api/client';
import type { RecordItem } from '../../api/recordTypes';
import { issuesOf, useSaveItem } from '../../api/records';
import { focusField, ProblemSummary } from '../quickcheck/ProblemSummary';
import { fieldLabels, itemForms, type FormContext, type ItemFormProps } from './ItemForms';
import {
  blankDraft,
  draftOf,
  draftProblemsOf,
  itemOf,
  type Drafts,
  type EditedSection,
} from './recordDrafts';
import { capitalise, fieldKey, fieldWhere, inputId } from './recordText';
import { sectionInfo } from './sectionInfo';

/** Field errors in red.9 (5.4:1 on white) rather than red.6 (3.3:1), as in the quick check. */
const errorColour = { '--mantine-color-error': 'var(--mantine-color-red-9)' } as React.CSSProperties;

export interface EditorTarget {
  section: EditedSection;
  /** The item edited; undefined to add one. */
  item?: RecordItem;
}

interface Props {
  /** What is edited; the dialog stays mounted (closed) with the last target so that it can fade out. */
  target: EditorTarget | null;
  opened: boolean;
  onClose: () => void;
  /** After a successful save, with a sentence to announce ("Job saved."). */
  onSaved: (section: EditedSection, message: string) => void;
  ctx: FormContext;
}

/** The first field of each editor, focused when the dialog opens. */
const firstField: Record<EditedSection, string> = {
  education: 'level',
  positions: 'title',
  credentials: 'id',
  ce: 'date',
  memberships: 'id',
  projects: 'title',
  volunteering: 'title',
};

export function ItemEditor({ target, opened, onClose, onSaved, ctx }: Props) {
  const phone = useMediaQuery('(max-width: 47.99em)', false, { getInitialValueInEffect: false });
  const info = target ? sectionInfo[target.section] : undefined;
  const title = info ? (target?.item ? `Edit ${info.noun}` : info.addLabel) : '';
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={title}
      size={target?.section === 'positions' || target?.section === 'ce' ? 'xl' : 'lg'}
      fullScreen={phone}
      styles={{ title: { fontWeight: 700, fontSize: 'var(--mantine-font-size-lg)' } }}
      closeButtonProps={{ 'aria-label': 'Close' }}
    >
      {target && (
        <EditorBody
          key={`${target.section}:${target.item?.id ?? 'new'}`}
          target={target}
          onClose={onClose}
          onSaved={onSaved}
          ctx={ctx}
        />
      )}
    </Modal>
  );
}

function EditorBody({
  target,
  onClose,
  onSaved,
  ctx,
}: {
  target: EditorTarget;
  onClose: () => void;
  onSaved: Props['onSaved'];
  ctx: FormContext;
}) {
  const { section, item } = target;
  const [draft, setDraft] = useState<Drafts[EditedSection]>(() =>
    item ? draftOf(section, item.data) : blankDraft[section](),
  );
  const [errors, setErrors] = useState<Record<string, string>>({});
  const save = useSaveItem();
  const info = sectionInfo[section];
  const labels = fieldLabels[section];
  const Form = itemForms[section] as (props: ItemFormProps<Drafts[EditedSection]>) => React.ReactNode;

  const field = (key: string) => {
    const error = errors[key];
    return {
      id: inputId(section, key),
      error: error === undefined ? undefined : capitalise(error),
      // The dialog opens with focus in its first field (Mantine's focus trap looks for this).
      ...(key === firstField[section] ? { 'data-autofocus': true } : {}),
    };
  };
  const change = (update: (d: Drafts[EditedSection]) => Drafts[EditedSection]) => setDraft(update);

  const showProblems = (problems: Record<string, string>) => {
    setErrors(problems);
    const first = Object.keys(problems)[0];
    if (first !== undefined) setTimeout(() => focusField(inputId(section, first)), 0);
  };

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    const local = draftProblemsOf(section, draft);
    if (Object.keys(local).length) {
      showProblems(local);
      return;
    }
    save.mutate(
      { section, id: item?.id, data: itemOf(section, draft, item?.data) },
      {
        onSuccess: () => {
          setErrors({});
          onSaved(section, `${info.noun[0]!.toUpperCase()}${info.noun.slice(1)} saved.`);
          onClose();
        },
        onError: (error) => {
          const problems: Record<string, string> = {};
          for (const issue of issuesOf(error)) {
            const key = fieldKey(issue.path, section);
            problems[key] ??= issue.message;
          }
          showProblems(problems);
        },
      },
    );
  };

  const problemList = Object.entries(errors).map(([key, message]) => ({
    field: key,
    where: fieldWhere(key, labels),
    message,
    silent: false,
  }));
  const otherError =
    save.error && problemList.length === 0
      ? save.error instanceof ApiError && save.error.status === 401
        ? 'You are signed out. Sign in again, then save.'
        : save.error.message
      : null;

  return (
    <form onSubmit={submit} noValidate style={errorColour}>
      <Stack gap="md">
        <Form draft={draft} onChange={change} field={field} ctx={ctx} />
        <ProblemSummary
          title={`Fix ${problemList.length === 1 ? 'this' : 'these'} before saving`}
          problems={problemList}
          fieldId={(key) => inputId(section, key)}
          testId="editor-problems"
        />
        {otherError && (
          <Alert color="red" variant="light" title="Could not save" role="alert">
            <Text size="sm">{otherError}</Text>
          </Alert>
        )}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" loading={save.isPending}>
            Save
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
