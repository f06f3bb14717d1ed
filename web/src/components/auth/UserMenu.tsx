import { ActionIcon, Avatar, Button, Group, Menu, Text, UnstyledButton } from '@mantine/core';
import {
  IconChevronDown,
  IconFileText,
  IconHistory,
  IconLayoutDashboard,
  IconLogin,
  IconLogout,
  IconSettings,
  IconUserCircle,
  IconUserPlus,
} from '@tabler/icons-react';
import { Link, useLocation, useNavigate } from 'react-router';
import { useAfterNavigation, useSession, useSessionExpiryWatch, useSignOut } from '../../api/auth';
import { showNotice } from './RouteNotice';

/** "Ada Lovelace" -> "AL". */
export function initialsOf(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  const letters = words.length > 1 ? [words[0]!, words[words.length - 1]!] : words;
  return letters.map((w) => [...w][0]!.toUpperCase()).join('') || '?';
}

/** The sign-in and sign-up addresses that come back to the current page afterwards. */
function useReturnPath(): string {
  const { pathname, search } = useLocation();
  if (pathname === '/sign-in' || pathname === '/sign-up' || pathname === '/') return '';
  return `?next=${encodeURIComponent(`${pathname}${search}`)}`;
}

/**
 * The header's account corner. Signed out: "Sign in" and "Create account" (one menu at phone
 * width). Signed in: the person's name opening a menu with their pages and "Sign out".
 */
export function UserMenu({ onNavigate }: { onNavigate?: () => void }) {
  useSessionExpiryWatch();
  useAfterNavigation(useLocation().key);
  const session = useSession();
  const navigate = useNavigate();
  const back = useReturnPath();
  const signOut = useSignOut({
    onSignedOut: () => {
      showNotice('You are signed out.');
      void navigate('/');
    },
  });
  const user = session.data?.user;

  if (session.isPending) return null;

  if (!user) {
    return (
      <>
        <Group gap="xs" wrap="nowrap" visibleFrom="sm">
          <Button component={Link} to={`/sign-in${back}`} variant="subtle" onClick={onNavigate}>
            Sign in
          </Button>
          <Button component={Link} to={`/sign-up${back}`} variant="filled" onClick={onNavigate}>
            Create account
          </Button>
        </Group>
        <Menu position="bottom-end" width={200} withinPortal>
          <Menu.Target>
            <ActionIcon variant="default" size="lg" aria-label="Sign in or create an account" hiddenFrom="sm">
              <IconUserCircle size={22} aria-hidden />
            </ActionIcon>
          </Menu.Target>
          <Menu.Dropdown>
            <Menu.Item
              component={Link}
              to={`/sign-in${back}`}
              leftSection={<IconLogin size={16} aria-hidden />}
              onClick={onNavigate}
            >
              Sign in
            </Menu.Item>
            <Menu.Item
              component={Link}
              to={`/sign-up${back}`}
              leftSection={<IconUserPlus size={16} aria-hidden />}
              onClick={onNavigate}
            >
              Create account
            </Menu.Item>
          </Menu.Dropdown>
        </Menu>
      </>
    );
  }

  const initials = initialsOf(user.displayName);
  return (
    <Menu position="bottom-end" width={260} withinPortal>
      <Menu.Target>
        <UnstyledButton
          aria-label={`Account menu for ${user.displayName}`}
          data-testid="user-menu"
          px={6}
          py={4}
          style={{ borderRadius: 'var(--mantine-radius-md)' }}
        >
          <Group gap={8} wrap="nowrap">
            <Avatar size={30} radius="xl" color="indigo" aria-hidden>
              {initials}
            </Avatar>
            <Text span fw={500} size="sm" truncate="end" maw={180} visibleFrom="sm">
              {user.displayName}
            </Text>
            <IconChevronDown size={14} aria-hidden />
          </Group>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>
          Signed in as
          <Text size="sm" fw={600} c="var(--mantine-color-text)" className="break-anywhere">
            {user.displayName}
          </Text>
          <Text size="xs" c="dimmed" className="break-anywhere">
            {user.email}
          </Text>
        </Menu.Label>
        <Menu.Item
          component={Link}
          to="/dashboard"
          leftSection={<IconLayoutDashboard size={16} aria-hidden />}
          onClick={onNavigate}
        >
          Dashboard
        </Menu.Item>
        <Menu.Item
          component={Link}
          to="/record"
          leftSection={<IconFileText size={16} aria-hidden />}
          onClick={onNavigate}
        >
          My record
        </Menu.Item>
        <Menu.Item
          component={Link}
          to="/account"
          leftSection={<IconSettings size={16} aria-hidden />}
          onClick={onNavigate}
        >
          Account
        </Menu.Item>
        <Menu.Item
          component={Link}
          to="/activity"
          leftSection={<IconHistory size={16} aria-hidden />}
          onClick={onNavigate}
        >
          Activity
        </Menu.Item>
        <Menu.Divider />
        <Menu.Item
          leftSection={<IconLogout size={16} aria-hidden />}
          closeMenuOnClick={false}
          onClick={() => {
            onNavigate?.();
            signOut.mutate();
          }}
          disabled={signOut.isPending}
        >
          {signOut.isPending ? 'Signing out…' : 'Sign out'}
        </Menu.Item>
        {signOut.isError && (
          <Text size="xs" c="red.9" px="sm" pb="xs" role="alert">
            Could not sign out: {signOut.error.message}
          </Text>
        )}
      </Menu.Dropdown>
    </Menu>
  );
}
