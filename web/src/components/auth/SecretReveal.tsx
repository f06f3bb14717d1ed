import { Alert, Button, Group, Stack, Text, Textarea, VisuallyHidden } from '@mantine/core';
import { IconCheck, IconCopy, IconAlertTriangle } from '@tabler/icons-react';
import { useEffect, useState } from 'react';

/** Copies `text`: the Clipboard API where the page may use it, else the older copy command. */
export async function copyText(text: string): Promise<void> {
  if (navigator.clipboard && window.isSecureContext) {
    await navigator.clipboard.writeText(text);
    return;
  }
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.style.position = 'fixed';
  area.style.opacity = '0';
  document.body.append(area);
  area.select();
  const ok = document.execCommand('copy');
  area.remove();
  if (!ok) throw new Error('copy refused');
}

/** A "Copy" button that says (and announces) whether it worked. */
export function CopyTextButton({ value, label = 'Copy' }: { value: string; label?: string }) {
  const [state, setState] = useState<'copied' | 'failed' | null>(null);
  useEffect(() => {
    if (!state) return;
    const timer = setTimeout(() => setState(null), 4000);
    return () => clearTimeout(timer);
  }, [state]);
  const copy = async () => {
    try {
      await copyText(value);
      setState('copied');
    } catch {
      setState('failed');
    }
  };
  return (
    <>
      <Button
        variant={state === 'copied' ? 'light' : 'filled'}
        color={state === 'copied' ? 'green' : undefined}
        leftSection={
          state === 'copied' ? <IconCheck size={16} aria-hidden /> : <IconCopy size={16} aria-hidden />
        }
        onClick={() => void copy()}
        style={{ flexShrink: 0 }}
      >
        {state === 'copied' ? 'Copied' : label}
      </Button>
      <VisuallyHidden role="status">
        {state === 'copied'
          ? 'Copied to the clipboard.'
          : state === 'failed'
            ? 'Could not copy: select the text and copy it yourself.'
            : ''}
      </VisuallyHidden>
    </>
  );
}

/**
 * A secret shown once (an API token, a calendar feed address): the whole value in a read-only box
 * that selects itself, a copy button, a warning that it will not be shown again, and a button to close.
 */
export function SecretReveal({
  title,
  label,
  value,
  warning,
  doneLabel = 'Done',
  onDone,
  children,
  testId,
}: {
  title: string;
  label: string;
  value: string;
  warning: string;
  doneLabel?: string;
  onDone: () => void;
  children?: React.ReactNode;
  testId?: string;
}) {
  return (
    <Alert
      color="yellow"
      variant="light"
      title={title}
      icon={<IconAlertTriangle aria-hidden />}
      data-testid={testId}
    >
      <Stack gap="sm">
        <Text size="sm" fw={600}>
          {warning}
        </Text>
        <Textarea
          label={label}
          value={value}
          readOnly
          autosize
          minRows={1}
          spellCheck={false}
          onFocus={(e) => e.currentTarget.select()}
          styles={{
            input: { fontFamily: 'var(--mantine-font-family-monospace)', wordBreak: 'break-all' },
          }}
        />
        <Group gap="sm">
          <CopyTextButton value={value} />
        </Group>
        {children}
        <Group>
          <Button variant="default" onClick={onDone}>
            {doneLabel}
          </Button>
        </Group>
      </Stack>
    </Alert>
  );
}
