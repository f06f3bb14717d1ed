import { Alert, Button, Group, PasswordInput, Stack } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck } from '@tabler/icons-react';
import { useState } from 'react';
import { passwordRules, useChangePassword } from '../../../api/auth';
import { fieldErrorsOf, formErrorOf } from '../forms';
import { NewPasswordInput } from '../NewPasswordInput';
import { AccountSection } from './AccountSection';

const fields = ['currentPassword', 'newPassword', 'confirm'] as const;
type Field = (typeof fields)[number];
const empty: Record<Field, string> = { currentPassword: '', newPassword: '', confirm: '' };

/** Change the password: the current one, the new one (rules, strength) and the new one again. */
export function PasswordSection() {
  const change = useChangePassword();
  const [values, setValues] = useState(empty);
  const [problems, setProblems] = useState<Partial<Record<Field, string>>>({});
  const [done, setDone] = useState<string | null>(null);
  const errors = { ...fieldErrorsOf(change.error), ...problems };
  const formError = change.error ? formErrorOf(change.error, fields) : null;

  const set = (field: Field) => (value: string) => {
    setValues((v) => ({ ...v, [field]: value }));
    setProblems(({ [field]: _, ...rest }) => rest);
    setDone(null);
  };
  const focus = (field: Field) => setTimeout(() => document.getElementById(`password-${field}`)?.focus(), 0);

  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    const found: Partial<Record<Field, string>> = {};
    if (!values.currentPassword) found.currentPassword = 'Enter your current password';
    if (values.newPassword.length < passwordRules.minLength)
      found.newPassword = `Use at least ${passwordRules.minLength} characters`;
    else if (values.newPassword.length > passwordRules.maxLength)
      found.newPassword = `Use at most ${passwordRules.maxLength} characters`;
    else if (values.newPassword === values.currentPassword)
      found.newPassword = 'Choose a password different from the current one';
    if (!found.newPassword && values.confirm !== values.newPassword)
      found.confirm = 'The two new passwords are not the same';
    setProblems(found);
    const first = fields.find((f) => found[f]);
    if (first) {
      focus(first);
      return;
    }
    change.mutate(
      { currentPassword: values.currentPassword, newPassword: values.newPassword },
      {
        onSuccess: ({ endedSessions }) => {
          setValues(empty);
          setDone(
            `Password changed.${
              endedSessions > 0
                ? ` ${endedSessions === 1 ? 'One other session was' : `${endedSessions} other sessions were`} signed out.`
                : ''
            } API tokens keep working; revoke them below if needed.`,
          );
        },
        onError: (error) => {
          const onField = fields.find((f) => fieldErrorsOf(error)[f]);
          if (onField) focus(onField);
        },
      },
    );
  };

  return (
    <AccountSection
      id="password"
      title="Change password"
      intro="Changing it signs you out everywhere else (other browsers and devices); this browser stays signed in."
    >
      <form onSubmit={submit} noValidate aria-label="Change password">
        <Stack gap="md" maw={480}>
          {formError && (
            <Alert color="red" variant="light" role="alert" icon={<IconAlertTriangle aria-hidden />}>
              {formError}
            </Alert>
          )}
          {done && (
            <Alert
              color="green"
              variant="light"
              role="status"
              icon={<IconCircleCheck aria-hidden />}
              data-testid="password-changed"
            >
              {done}
            </Alert>
          )}
          <PasswordInput
            id="password-currentPassword"
            label="Current password"
            autoComplete="current-password"
            required
            value={values.currentPassword}
            onChange={(e) => set('currentPassword')(e.currentTarget.value)}
            error={errors.currentPassword}
          />
          <NewPasswordInput
            id="password-newPassword"
            label="New password"
            value={values.newPassword}
            onChange={set('newPassword')}
            error={errors.newPassword}
          />
          <PasswordInput
            id="password-confirm"
            label="Type the new password again"
            autoComplete="new-password"
            required
            value={values.confirm}
            onChange={(e) => set('confirm')(e.currentTarget.value)}
            error={errors.confirm}
          />
          <Group>
            <Button type="submit" loading={change.isPending}>
              Change password
            </Button>
          </Group>
        </Stack>
      </form>
    </AccountSection>
  );
}
