import {
  Anchor,
  Badge,
  Button,
  Code,
  Group,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { IconKey, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import {
  useApiTokens,
  useCreateToken,
  useRevokeToken,
  type ApiToken,
  type CreatedApiToken,
} from '../../../api/auth';
import { PageLoader, QueryError } from '../../QueryState';
import { ConfirmModal } from '../ConfirmModal';
import { formatDateTime, formatDay } from '../dates';
import { fieldErrorsOf, formErrorOf } from '../forms';
import { SecretReveal } from '../SecretReveal';
import { AccountSection } from './AccountSection';

const expiryOptions = [
  { value: '7', label: 'After 7 days' },
  { value: '30', label: 'After 30 days' },
  { value: '90', label: 'After 90 days' },
  { value: '365', label: 'After 1 year' },
  { value: 'never', label: 'Never (until revoked)' },
];

const statusBadge: Record<ApiToken['status'], { label: string; color: string }> = {
  active: { label: 'Active', color: 'green' },
  expired: { label: 'Expired', color: 'gray' },
  revoked: { label: 'Revoked', color: 'gray' },
};

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed" component="dt">
        {label}
      </Text>
      <Text size="sm" component="dd" m={0}>
        {children}
      </Text>
    </div>
  );
}

function TokenRow({ token, onRevoke }: { token: ApiToken; onRevoke: (token: ApiToken) => void }) {
  const badge = statusBadge[token.status];
  return (
    <Paper component="li" withBorder p="sm" data-testid="api-token" aria-label={`API token ${token.name}`}>
      <Stack gap="xs">
        <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
          <Group gap="xs" style={{ minWidth: 0 }}>
            <IconKey size={18} aria-hidden style={{ flexShrink: 0 }} />
            <Text fw={600} className="break-anywhere">
              {token.name}
            </Text>
            <Badge
              color={badge.color}
              variant="light"
              tt="none"
              radius="sm"
              c="var(--mantine-color-text)"
              data-testid="token-status"
            >
              {badge.label}
            </Badge>
          </Group>
          {token.status === 'active' && (
            <Button
              size="xs"
              variant="default"
              color="red"
              onClick={() => onRevoke(token)}
              aria-label={`Revoke ${token.name}`}
              style={{ flexShrink: 0 }}
            >
              Revoke
            </Button>
          )}
        </Group>
        <SimpleGrid component="dl" cols={{ base: 2, sm: 4 }} spacing="sm" verticalSpacing={6} m={0}>
          <Fact label="Starts with">
            <Code>{token.prefix}…</Code>
          </Fact>
          <Fact label="Created">{formatDay(token.createdAt)}</Fact>
          <Fact label="Last used">{token.lastUsedAt ? formatDateTime(token.lastUsedAt) : 'Never'}</Fact>
          {token.revokedAt ? (
            <Fact label="Revoked">{formatDay(token.revokedAt)}</Fact>
          ) : (
            <Fact label={token.status === 'expired' ? 'Expired' : 'Expires'}>
              {token.expiresAt ? formatDay(token.expiresAt) : 'Never'}
            </Fact>
          )}
        </SimpleGrid>
      </Stack>
    </Paper>
  );
}

/** API tokens for scripts: create (shown once), list, revoke. */
export function TokensSection() {
  const tokens = useApiTokens();
  const create = useCreateToken();
  const revoke = useRevokeToken();
  const [name, setName] = useState('');
  const [expiry, setExpiry] = useState<string>('90');
  const [nameProblem, setNameProblem] = useState<string | null>(null);
  const [created, setCreated] = useState<CreatedApiToken | null>(null);
  const [revoking, setRevoking] = useState<ApiToken | null>(null);
  const serverErrors = fieldErrorsOf(create.error);
  const formError = create.error ? formErrorOf(create.error, ['name', 'expiresInDays']) : null;

  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    if (!name.trim()) {
      setNameProblem('Give the token a name, e.g. "HR import script"');
      document.getElementById('token-name')?.focus();
      return;
    }
    setNameProblem(null);
    create.mutate(
      { name: name.trim(), ...(expiry === 'never' ? {} : { expiresInDays: Number(expiry) }) },
      {
        onSuccess: (token) => {
          setCreated(token);
          setName('');
          setExpiry('90');
          setTimeout(() => document.getElementById('new-token-reveal')?.focus(), 0);
        },
      },
    );
  };

  const closeRevoke = () => {
    setRevoking(null);
    revoke.reset();
  };

  const list = tokens.data?.tokens ?? [];
  return (
    <AccountSection
      id="tokens"
      title="API tokens"
      intro={
        <>
          A token lets a script or another system read and change your record through the{' '}
          <Anchor href="/api/docs" size="sm" underline="always">
            Pathways API
          </Anchor>{' '}
          without your password. Give each its own token, so you can revoke one without the others.
        </>
      }
    >
      {created ? (
        <div id="new-token-reveal" tabIndex={-1} style={{ outline: 'none' }}>
          <SecretReveal
            testId="new-token"
            title={`Your new API token “${created.name}”`}
            label="API token"
            value={created.token}
            warning="Copy it now: this is the only time it is shown. Anyone who has it can read and change your record, so keep it like a password."
            doneLabel="I have copied it"
            onDone={() => {
              setCreated(null);
              setTimeout(() => document.getElementById('token-name')?.focus(), 0);
            }}
          >
            <Text size="sm">
              Send it with each request as the header <Code>Authorization: Bearer {created.prefix}…</Code>
            </Text>
          </SecretReveal>
        </div>
      ) : (
        <form onSubmit={submit} noValidate aria-label="Create an API token">
          <Stack gap="sm">
            {formError && (
              <Text size="sm" c="red.9" role="alert">
                {formError}
              </Text>
            )}
            <Group align="flex-start" gap="sm" wrap="wrap">
              <TextInput
                id="token-name"
                label="Token name"
                description="What it is for"
                placeholder="e.g. HR import script"
                required
                maxLength={100}
                value={name}
                onChange={(e) => {
                  setName(e.currentTarget.value);
                  setNameProblem(null);
                }}
                error={nameProblem ?? serverErrors.name}
                style={{ flex: '1 1 240px' }}
              />
              <Select
                label="Expires"
                description="It stops working then"
                data={expiryOptions}
                value={expiry}
                onChange={(v) => setExpiry(v ?? '90')}
                allowDeselect={false}
                error={serverErrors.expiresInDays}
                style={{ flex: '0 1 220px' }}
              />
            </Group>
            <Group>
              <Button
                type="submit"
                leftSection={<IconPlus size={16} aria-hidden />}
                loading={create.isPending}
              >
                Create token
              </Button>
            </Group>
          </Stack>
        </form>
      )}

      {tokens.isPending ? (
        <PageLoader label="Loading your tokens…" />
      ) : tokens.isError ? (
        <QueryError
          title="Could not load your tokens"
          error={tokens.error}
          onRetry={() => void tokens.refetch()}
        />
      ) : list.length === 0 ? (
        <Text size="sm" c="dimmed" data-testid="no-tokens">
          You have no API tokens.
        </Text>
      ) : (
        <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: 'none' }} aria-label="Your API tokens">
          {list.map((token) => (
            <TokenRow key={token.id} token={token} onRevoke={setRevoking} />
          ))}
        </Stack>
      )}

      <ConfirmModal
        opened={revoking !== null}
        title={revoking ? `Revoke “${revoking.name}”?` : 'Revoke token?'}
        confirmLabel="Revoke token"
        loading={revoke.isPending}
        error={revoke.error?.message ?? null}
        onClose={closeRevoke}
        onConfirm={() => {
          if (revoking) revoke.mutate(revoking.id, { onSuccess: closeRevoke });
        }}
      >
        <Text size="sm">
          Anything using this token stops working at once. This cannot be undone; you can create a new token
          instead.
        </Text>
      </ConfirmModal>
    </AccountSection>
  );
}
