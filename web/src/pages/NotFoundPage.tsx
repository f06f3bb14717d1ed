import { Button, Paper, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { IconArrowLeft } from '@tabler/icons-react';
import { Link, useLocation } from 'react-router';

export function NotFoundPage() {
  useDocumentTitle('Page not found · Healthcare Management Pathways');
  const { pathname } = useLocation();
  return (
    <Paper withBorder p="xl" maw={720} mx="auto" data-testid="not-found">
      <Stack gap="sm" align="flex-start">
        <Title order={1}>Page not found</Title>
        <Text>
          There is no page at <code>{pathname}</code>. Check the address, or start from one of the pages in
          the menu.
        </Text>
        <Button component={Link} to="/certifications" leftSection={<IconArrowLeft size={16} aria-hidden />}>
          Browse certifications
        </Button>
      </Stack>
    </Paper>
  );
}
