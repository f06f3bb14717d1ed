import { Button, Group, Stack, Text } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { authApi } from '../../../api/auth';
import { AccountSection } from './AccountSection';

/** Own your data: everything as JSON, and the record as a profile file to use elsewhere. */
export function DataSection() {
  const everything = useMutation({ mutationFn: authApi.downloadExport });
  const profile = useMutation({ mutationFn: authApi.downloadProfileFile });
  const error = everything.error ?? profile.error;
  const saved = everything.data ?? profile.data;
  return (
    <AccountSection
      id="data"
      title="Your data"
      intro="Everything stored about you is yours: download it whenever you like."
    >
      <Stack gap="md">
        <div>
          <Group gap="sm">
            <Button
              variant="default"
              leftSection={<IconDownload size={16} aria-hidden />}
              onClick={() => {
                profile.reset();
                everything.mutate();
              }}
              loading={everything.isPending}
            >
              Download everything
            </Button>
          </Group>
          <Text size="sm" mt={6}>
            One JSON file: your record (every item with the dates it was added and changed), planned exams and
            your activity log.
          </Text>
        </div>
        <div>
          <Group gap="sm">
            <Button
              variant="default"
              leftSection={<IconDownload size={16} aria-hidden />}
              onClick={() => {
                everything.reset();
                profile.mutate();
              }}
              loading={profile.isPending}
            >
              Download profile file
            </Button>
          </Group>
          <Text size="sm" mt={6}>
            Your record as a profile file (YAML): load it into the quick check, the command-line tool or
            another Pathways server.
          </Text>
        </div>
        {error && (
          <Text size="sm" c="red.9" role="alert">
            Could not download: {error.message}
          </Text>
        )}
        {saved && !error && (
          <Text size="sm" role="status">
            Downloaded {saved}.
          </Text>
        )}
      </Stack>
    </AccountSection>
  );
}
