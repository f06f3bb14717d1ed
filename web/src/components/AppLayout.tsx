import { AppShell, Anchor, Burger, Group, NavLink, ScrollArea, Stack, Text } from '@mantine/core';
import { useDisclosure, useMediaQuery } from '@mantine/hooks';
import {
  IconApi,
  IconCertificate,
  IconChecklist,
  IconFileText,
  IconHeartbeat,
  IconLayoutDashboard,
  IconListTree,
  IconRadar,
  IconRoute,
  IconSchool,
} from '@tabler/icons-react';
import { useEffect, useRef } from 'react';
import { Link, Outlet, useLocation } from 'react-router';
import { useCurrentUser } from '../api/auth';
import { signInPath } from './auth/RequireAuth';
import { RouteNotice } from './auth/RouteNotice';
import { UserMenu } from './auth/UserMenu';

interface NavItem {
  label: string;
  to: string;
  icon?: React.ReactNode;
  /** Only for a signed-in person; others are offered to sign in first. */
  needsAccount?: boolean;
}

/**
 * One navigation for the whole product (PRODUCT.md, "The app's shape"): only what exists. The
 * career map lives on the Plan page; team and administration screens are not built, so they are
 * not listed.
 */
const sections: Array<{ title: string; items: NavItem[] }> = [
  {
    title: 'Explore',
    items: [
      { label: 'Certifications', to: '/certifications', icon: <IconCertificate size={18} aria-hidden /> },
      { label: 'Programs', to: '/programs', icon: <IconSchool size={18} aria-hidden /> },
      { label: 'Competency framework', to: '/competencies', icon: <IconListTree size={18} aria-hidden /> },
    ],
  },
  {
    title: 'My path',
    items: [
      { label: 'Quick check', to: '/quick-check', icon: <IconChecklist size={18} aria-hidden /> },
      {
        label: 'Dashboard',
        to: '/dashboard',
        icon: <IconLayoutDashboard size={18} aria-hidden />,
        needsAccount: true,
      },
      {
        label: 'My record',
        to: '/record',
        icon: <IconFileText size={18} aria-hidden />,
        needsAccount: true,
      },
      { label: 'Self-assessment', to: '/self-assessment', icon: <IconRadar size={18} aria-hidden /> },
      { label: 'Plan', to: '/plan', icon: <IconRoute size={18} aria-hidden /> },
    ],
  },
];

export function AppLayout() {
  const [opened, { toggle, close }] = useDisclosure(false);
  // Below the `sm` breakpoint a closed navbar is only moved off screen; hide it so Tab skips it.
  const phone = useMediaQuery('(max-width: 47.99em)', false, { getInitialValueInEffect: false });
  const navHidden = phone && !opened;
  const location = useLocation();
  const signedIn = useCurrentUser() !== null;
  const mainRef = useRef<HTMLElement>(null);
  const firstRender = useRef(true);

  // A new page: start at the top and move focus to it, as a full page load would.
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    window.scrollTo(0, 0);
    mainRef.current?.focus({ preventScroll: true });
  }, [location.pathname]);

  return (
    <AppShell
      header={{ height: 60 }}
      navbar={{ width: 300, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding={{ base: 'sm', sm: 'lg' }}
    >
      <AppShell.Header>
        <a className="skip-link" href="#main">
          Skip to main content
        </a>
        <Group h="100%" px="md" gap="sm" wrap="nowrap">
          <Burger
            opened={opened}
            onClick={toggle}
            hiddenFrom="sm"
            size="sm"
            aria-label={opened ? 'Close navigation' : 'Open navigation'}
            aria-expanded={opened}
            aria-controls="main-navigation"
          />
          <Anchor
            component={Link}
            to="/certifications"
            underline="never"
            c="inherit"
            onClick={close}
            style={{ minWidth: 0 }}
          >
            <Group gap={8} wrap="nowrap">
              <IconHeartbeat size={26} color="var(--mantine-primary-color-filled)" aria-hidden />
              <Text component="span" fw={700} className="app-title" lh={1.2}>
                Healthcare Management Pathways
              </Text>
            </Group>
          </Anchor>
          <div style={{ marginLeft: 'auto', flexShrink: 0 }}>
            <UserMenu onNavigate={close} />
          </div>
        </Group>
      </AppShell.Header>

      <AppShell.Navbar
        id="main-navigation"
        component="nav"
        aria-label="Main"
        p={6}
        style={navHidden ? { visibility: 'hidden' } : undefined}
      >
        <AppShell.Section grow component={ScrollArea}>
          <Stack gap="md" py="xs">
            {sections.map((section) => (
              <div key={section.title}>
                <Text
                  id={`nav-${section.title.replace(/\W+/g, '-').toLowerCase()}`}
                  fz="xs"
                  fw={700}
                  tt="uppercase"
                  c="dimmed"
                  px="sm"
                  mb={4}
                >
                  {section.title}
                </Text>
                <ul
                  aria-labelledby={`nav-${section.title.replace(/\W+/g, '-').toLowerCase()}`}
                  style={{ listStyle: 'none', margin: 0, padding: 0 }}
                >
                  {section.items.map((item) => {
                    const active = location.pathname.startsWith(item.to);
                    return (
                      <li key={item.label}>
                        {item.needsAccount && !signedIn ? (
                          <NavLink
                            component={Link}
                            to={signInPath(item.to)}
                            label={item.label}
                            leftSection={item.icon}
                            aria-label={`${item.label} (sign in first)`}
                            rightSection={
                              <Text component="span" fz={11} c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                                Sign in
                              </Text>
                            }
                            onClick={close}
                          />
                        ) : (
                          <NavLink
                            component={Link}
                            to={item.to}
                            label={item.label}
                            leftSection={item.icon}
                            active={active}
                            aria-current={active ? 'page' : undefined}
                            onClick={close}
                          />
                        )}
                      </li>
                    );
                  })}
                </ul>
              </div>
            ))}
          </Stack>
        </AppShell.Section>
        <AppShell.Section>
          <NavLink
            href="/api/docs"
            label="API documentation"
            leftSection={<IconApi size={18} aria-hidden />}
          />
        </AppShell.Section>
      </AppShell.Navbar>

      <AppShell.Main id="main" ref={mainRef} tabIndex={-1}>
        <RouteNotice />
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}
