/** Shown by a page of one's own (record, import, dashboard) when the session has ended. */
import { Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { Link, useLocation } from 'react-router';
import { signInPath } from '../auth/RequireAuth';

export function SignInNeeded({ what }: { what: string }) {
  const location = useLocation();
  const here = `${location.pathname}${location.search}`;
  return (
    <Paper withBorder p="xl" maw={720} mx="auto" data-testid="sign-in-needed">
      <Stack gap="sm" align="flex-start">
        <Title order={2}>Sign in to see {what}</Title>
        <Text>Your record is kept in your account. Sign in, or create an account for free.</Text>
        <Group gap="sm">
          <Button component={Link} to={signInPath(here)}>
            Sign in
          </Button>
          <Button component={Link} to={`/sign-up?next=${encodeURIComponent(here)}`} variant="default">
            Create an account
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
