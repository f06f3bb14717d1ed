import { Anchor, Group, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { Link } from 'react-router';
import { useCurrentUser } from '../api/auth';
import { CalendarSection } from '../components/auth/account/CalendarSection';
import { DataSection } from '../components/auth/account/DataSection';
import { DeleteSection } from '../components/auth/account/DeleteSection';
import { PasswordSection } from '../components/auth/account/PasswordSection';
import { ProfileSection } from '../components/auth/account/ProfileSection';
import { TokensSection } from '../components/auth/account/TokensSection';
import { errorColour } from '../components/auth/forms';

const contents = [
  { id: 'profile', label: 'Your details' },
  { id: 'password', label: 'Password' },
  { id: 'tokens', label: 'API tokens' },
  { id: 'calendar', label: 'Calendar feed' },
  { id: 'data', label: 'Your data' },
  { id: 'delete', label: 'Delete account' },
];

/** /account (signed in): details, password, API tokens, calendar feed, downloads, deletion. */
export function AccountPage() {
  useDocumentTitle('Account · Healthcare Management Pathways');
  const user = useCurrentUser();
  if (!user) return null;
  return (
    <Stack gap="lg" maw={900} mx="auto" style={errorColour}>
      <div>
        <Title order={1}>Account</Title>
        <Text mt={4}>
          Your sign-in, the keys you give to other tools, and your data. What you and your tokens did is under{' '}
          <Anchor component={Link} to="/activity">
            Activity
          </Anchor>
          .
        </Text>
        <Group component="nav" aria-label="On this page" gap="md" mt="sm" style={{ rowGap: 4 }}>
          {contents.map((c) => (
            <Anchor key={c.id} href={`#${c.id}`} size="sm">
              {c.label}
            </Anchor>
          ))}
        </Group>
      </div>
      <ProfileSection user={user} />
      <PasswordSection />
      <TokensSection />
      <CalendarSection />
      <DataSection />
      <DeleteSection />
    </Stack>
  );
}
