import { Alert } from '@mantine/core';
import { IconCircleCheck } from '@tabler/icons-react';
import { useEffect, useSyncExternalStore } from 'react';
import { useLocation, useNavigationType } from 'react-router';

/**
 * A message for the next page, e.g. "You are signed out." after signing out. Set it with
 * {@link showNotice} just before navigating; it stays through redirects and address updates
 * (replace navigations) and goes when the person moves on (a link, back or forward) or closes it.
 */
interface Notice {
  text: string;
  /** Set once the navigation that carries it has happened. */
  arrived: boolean;
}

let current: Notice | null = null;
const listeners = new Set<() => void>();

function emit(): void {
  for (const listener of listeners) listener();
}

/** Shows `text` at the top of the next page (call it right before navigating there). */
export function showNotice(text: string): void {
  current = { text, arrived: false };
  emit();
}

export function clearNotice(): void {
  if (!current) return;
  current = null;
  emit();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The notice set by {@link showNotice}, shown until dismissed or the person moves on. */
export function RouteNotice() {
  const notice = useSyncExternalStore(subscribe, () => current);
  const location = useLocation();
  const navigationType = useNavigationType();

  useEffect(() => {
    if (!current) return;
    if (!current.arrived) current.arrived = true;
    else if (navigationType !== 'REPLACE') clearNotice();
  }, [location.key, navigationType]);

  if (!notice) return null;
  return (
    <Alert
      role="status"
      color="green"
      variant="light"
      icon={<IconCircleCheck aria-hidden />}
      withCloseButton
      closeButtonLabel="Dismiss this message"
      onClose={clearNotice}
      maw={1000}
      mx="auto"
      mb="md"
      data-testid="route-notice"
    >
      {notice.text}
    </Alert>
  );
}
