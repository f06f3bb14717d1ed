import {
  Alert,
  Anchor,
  Button,
  Checkbox,
  Paper,
  PasswordInput,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useRef, useState } from 'react';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router';
import { passwordRules, useSession, useSignUp } from '../api/auth';
import { ApiError } from '../api/client';
import { errorColour, fieldErrorsOf, formErrorOf, safeNext } from '../components/auth/forms';
import { NewPasswordInput } from '../components/auth/NewPasswordInput';
import { hasQuickCheckAnswers, startPath } from '../components/auth/quickCheck';

const fields = ['displayName', 'email', 'password', 'confirm'] as const;
type Field = (typeof fields)[number];

const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * /sign-up: name, email, password (rules and a strength hint) and its confirmation. When this
 * browser holds quick-check answers, offers to save them to the new account. Then the short start
 * (/start: quick-check answers, current job, goal) before `next`.
 */
export function SignUpPage() {
  useDocumentTitle('Create an account · Healthcare Management Pathways');
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  const navigate = useNavigate();
  const session = useSession();
  const [hasQuickCheck] = useState(hasQuickCheckAnswers);
  const [values, setValues] = useState<Record<Field, string>>({
    displayName: '',
    email: '',
    password: '',
    confirm: '',
  });
  const [saveQuickCheck, setSaveQuickCheck] = useState(true);
  const [problems, setProblems] = useState<Partial<Record<Field, string>>>({});
  const alertRef = useRef<HTMLDivElement>(null);
  const signUp = useSignUp({
    onSignedIn: () => void navigate(startPath(next, hasQuickCheck && saveQuickCheck), { replace: true }),
  });

  if (session.data && !signUp.isPending && !signUp.isSuccess) return <Navigate to={next} replace />;

  const errors = { ...fieldErrorsOf(signUp.error), ...problems };
  const formError = signUp.error ? formErrorOf(signUp.error, fields) : null;
  const emailTaken =
    signUp.error instanceof ApiError && signUp.error.code === 'email_taken' && !problems.email;
  const signInLink = `/sign-in${params.get('next') ? `?next=${encodeURIComponent(next)}` : ''}`;

  const set = (field: Field) => (value: string) => {
    setValues((v) => ({ ...v, [field]: value }));
    setProblems(({ [field]: _, ...rest }) => rest);
  };

  const focus = (field: Field) => setTimeout(() => document.getElementById(`sign-up-${field}`)?.focus(), 0);

  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    const found: Partial<Record<Field, string>> = {};
    if (!values.displayName.trim()) found.displayName = 'Enter your name';
    if (!values.email.trim()) found.email = 'Enter your email address';
    else if (!emailPattern.test(values.email.trim()))
      found.email = 'Enter an email address such as name@example.org';
    if (values.password.length < passwordRules.minLength)
      found.password = `Use at least ${passwordRules.minLength} characters`;
    else if (values.password.length > passwordRules.maxLength)
      found.password = `Use at most ${passwordRules.maxLength} characters`;
    if (!found.password && values.confirm !== values.password)
      found.confirm = 'The two passwords are not the same';
    setProblems(found);
    const first = fields.find((f) => found[f]);
    if (first) {
      focus(first);
      return;
    }
    signUp.mutate(
      { displayName: values.displayName.trim(), email: values.email.trim(), password: values.password },
      {
        onError: (error) => {
          const onField = fields.find((f) => fieldErrorsOf(error)[f]);
          if (onField) focus(onField);
          else setTimeout(() => alertRef.current?.focus(), 0);
        },
      },
    );
  };

  return (
    <Stack maw={480} mx="auto" gap="lg" style={errorColour}>
      <div>
        <Title order={1}>Create an account</Title>
        <Text mt={4}>
          An account keeps your record — education, jobs, credentials, continuing education — so every check
          and plan starts from it. You can download or delete everything at any time.
        </Text>
      </div>
      <Paper withBorder p={{ base: 'md', sm: 'lg' }}>
        <form onSubmit={submit} noValidate aria-label="Create an account">
          <Stack gap="md">
            {formError && (
              <Alert
                ref={alertRef}
                tabIndex={-1}
                color="red"
                variant="light"
                role="alert"
                icon={<IconAlertTriangle aria-hidden />}
                title="Could not create the account"
                data-testid="sign-up-error"
              >
                {formError}
              </Alert>
            )}
            <TextInput
              id="sign-up-displayName"
              label="Your name"
              description="Shown in the app; it can be a first name or a nickname."
              autoComplete="name"
              required
              value={values.displayName}
              onChange={(e) => set('displayName')(e.currentTarget.value)}
              error={errors.displayName}
            />
            <TextInput
              id="sign-up-email"
              label="Email address"
              description="You sign in with it."
              type="email"
              autoComplete="email"
              required
              value={values.email}
              onChange={(e) => set('email')(e.currentTarget.value)}
              error={
                emailTaken ? (
                  <>
                    {errors.email}.{' '}
                    <Anchor component={Link} to={signInLink} size="xs" c="inherit" underline="always">
                      Sign in instead
                    </Anchor>
                  </>
                ) : (
                  errors.email
                )
              }
            />
            <NewPasswordInput
              id="sign-up-password"
              label="Password"
              value={values.password}
              onChange={set('password')}
              error={errors.password}
            />
            <PasswordInput
              id="sign-up-confirm"
              label="Type the password again"
              autoComplete="new-password"
              required
              value={values.confirm}
              onChange={(e) => set('confirm')(e.currentTarget.value)}
              error={errors.confirm}
            />
            {hasQuickCheck && (
              <Checkbox
                label="Save my quick-check answers to the new account"
                description="Your answers in this browser's quick check go into your record next; you can review them there."
                checked={saveQuickCheck}
                onChange={(e) => setSaveQuickCheck(e.currentTarget.checked)}
              />
            )}
            <Button type="submit" loading={signUp.isPending} fullWidth>
              Create account
            </Button>
          </Stack>
        </form>
      </Paper>
      <Text size="sm">
        Already have an account?{' '}
        <Anchor component={Link} to={signInLink}>
          Sign in
        </Anchor>
      </Text>
    </Stack>
  );
}
