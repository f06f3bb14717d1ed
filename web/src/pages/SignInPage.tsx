import { Alert, Anchor, Button, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useRef, useState } from 'react';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router';
import { useSession, useSignIn } from '../api/auth';
import { ApiError } from '../api/client';
import { errorColour, fieldErrorsOf, formErrorOf, safeNext } from '../components/auth/forms';

const fields = ['email', 'password'] as const;

/** /sign-in?next=/somewhere: email and password; afterwards `next` (a page of this app) or the dashboard. */
export function SignInPage() {
  useDocumentTitle('Sign in · Healthcare Management Pathways');
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  const navigate = useNavigate();
  const session = useSession();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [missing, setMissing] = useState<Record<string, string>>({});
  const alertRef = useRef<HTMLDivElement>(null);
  const signIn = useSignIn({ onSignedIn: () => void navigate(next, { replace: true }) });

  if (session.data && !signIn.isPending && !signIn.isSuccess) return <Navigate to={next} replace />;

  const serverErrors = fieldErrorsOf(signIn.error);
  const errors = { ...serverErrors, ...missing };
  const formError = signIn.error ? formErrorOf(signIn.error, fields) : null;
  const throttled = signIn.error instanceof ApiError && signIn.error.status === 429;

  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    const problems: Record<string, string> = {};
    if (!email.trim()) problems.email = 'Enter your email address';
    if (!password) problems.password = 'Enter your password';
    setMissing(problems);
    const first = fields.find((f) => problems[f]);
    if (first) {
      document.getElementById(`sign-in-${first}`)?.focus();
      return;
    }
    signIn.mutate(
      { email: email.trim(), password },
      {
        onError: (error) => {
          const onField = fields.find((f) => fieldErrorsOf(error)[f]);
          setTimeout(() => {
            if (onField) document.getElementById(`sign-in-${onField}`)?.focus();
            else alertRef.current?.focus();
          }, 0);
        },
      },
    );
  };

  return (
    <Stack maw={440} mx="auto" gap="lg" style={errorColour}>
      <div>
        <Title order={1}>Sign in</Title>
        <Text mt={4}>Sign in to keep your record, dashboard and plan in one place.</Text>
      </div>
      <Paper withBorder p={{ base: 'md', sm: 'lg' }}>
        <form onSubmit={submit} noValidate aria-label="Sign in">
          <Stack gap="md">
            {formError && (
              <Alert
                ref={alertRef}
                tabIndex={-1}
                color="red"
                variant="light"
                role="alert"
                icon={<IconAlertTriangle aria-hidden />}
                title={throttled ? 'Sign-in paused' : 'Could not sign you in'}
                data-testid="sign-in-error"
              >
                {formError}
              </Alert>
            )}
            <TextInput
              id="sign-in-email"
              label="Email address"
              type="email"
              autoComplete="email"
              required
              value={email}
              onChange={(e) => {
                setEmail(e.currentTarget.value);
                setMissing(({ email: _, ...rest }) => rest);
              }}
              error={errors.email}
            />
            <PasswordInput
              id="sign-in-password"
              label="Password"
              autoComplete="current-password"
              required
              value={password}
              onChange={(e) => {
                setPassword(e.currentTarget.value);
                setMissing(({ password: _, ...rest }) => rest);
              }}
              error={errors.password}
            />
            <Button type="submit" loading={signIn.isPending} fullWidth>
              Sign in
            </Button>
          </Stack>
        </form>
      </Paper>
      <Text size="sm">
        New here?{' '}
        <Anchor
          component={Link}
          to={`/sign-up${params.get('next') ? `?next=${encodeURIComponent(next)}` : ''}`}
        >
          Create an account
        </Anchor>{' '}
        — or try the{' '}
        <Anchor component={Link} to="/quick-check">
          quick check
        </Anchor>{' '}
        without one.
      </Text>
    </Stack>
  );
}
