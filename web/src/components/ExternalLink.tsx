import { Anchor, type AnchorProps, VisuallyHidden } from '@mantine/core';
import { IconExternalLink } from '@tabler/icons-react';

/** A link that leaves the app: opens in a new tab and says so to screen readers. */
export function ExternalLink({
  href,
  children,
  ...props
}: AnchorProps & { href: string; children: React.ReactNode }) {
  return (
    <Anchor href={href} target="_blank" rel="noopener noreferrer" {...props}>
      {children}
      <IconExternalLink
        size="0.85em"
        aria-hidden
        style={{ marginLeft: 3, verticalAlign: 'baseline', display: 'inline' }}
      />
      <VisuallyHidden> (opens in a new tab)</VisuallyHidden>
    </Anchor>
  );
}
