import { Paper, Stack, Text, Title } from '@mantine/core';

/** One titled section of the account page, a landmark region named by its heading. */
export function AccountSection({
  id,
  title,
  intro,
  children,
  danger,
}: {
  id: string;
  title: string;
  intro?: React.ReactNode;
  children: React.ReactNode;
  danger?: boolean;
}) {
  return (
    <Paper
      component="section"
      id={id}
      aria-labelledby={`${id}-title`}
      withBorder
      p={{ base: 'md', sm: 'lg' }}
      style={danger ? { borderColor: 'var(--mantine-color-red-4)' } : undefined}
    >
      <Stack gap="md">
        <div>
          <Title order={2} id={`${id}-title`} fz="h3" tabIndex={-1} style={{ outline: 'none' }}>
            {title}
          </Title>
          {intro && (
            <Text size="sm" mt={4} c="dimmed">
              {intro}
            </Text>
          )}
        </div>
        {children}
      </Stack>
    </Paper>
  );
}
