import { Alert, Button, Group, List, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { IconAlertTriangle, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useDeleteAccount } from '../../../api/auth';
import { fieldErrorsOf, formErrorOf } from '../forms';
import { showNotice } from '../RouteNotice';
import { AccountSection } from './AccountSection';

/** What to type to confirm. */
export const deleteConfirmation = 'delete my account';

/** Delete the account: the password again and a typed confirmation; then signed out, at home. */
export function DeleteSection() {
  const navigate = useNavigate();
  const remove = useDeleteAccount({
    onDeleted: () => {
      showNotice('Your account and everything stored about it have been deleted. You are signed out.');
      void navigate('/');
    },
  });
  const [password, setPassword] = useState('');
  const [typed, setTyped] = useState('');
  const [problems, setProblems] = useState<{ password?: string; typed?: string }>({});
  const serverErrors = fieldErrorsOf(remove.error);
  const formError = remove.error ? formErrorOf(remove.error, ['password']) : null;

  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    const found: { password?: string; typed?: string } = {};
    if (!password) found.password = 'Enter your password';
    if (typed.trim().toLowerCase() !== deleteConfirmation)
      found.typed = `Type “${deleteConfirmation}” to confirm`;
    setProblems(found);
    if (found.password || found.typed) {
      document.getElementById(found.password ? 'delete-password' : 'delete-confirm')?.focus();
      return;
    }
    remove.mutate(password, {
      onError: (error) => {
        if (fieldErrorsOf(error).password)
          setTimeout(() => document.getElementById('delete-password')?.focus(), 0);
      },
    });
  };

  return (
    <AccountSection id="delete" title="Delete account" danger>
      <Text size="sm">Deleting your account removes, at once and for good:</Text>
      <List size="sm" spacing={2}>
        <List.Item>your details, password and every sign-in (this one too)</List.Item>
        <List.Item>your record, planned exams and calendar feed</List.Item>
        <List.Item>your API tokens and your activity log</List.Item>
      </List>
      <Text size="sm">It cannot be undone. Download your data first if you may want it later.</Text>
      <form onSubmit={submit} noValidate aria-label="Delete account">
        <Stack gap="md" maw={480}>
          {formError && (
            <Alert color="red" variant="light" role="alert" icon={<IconAlertTriangle aria-hidden />}>
              {formError}
            </Alert>
          )}
          <PasswordInput
            id="delete-password"
            label="Your password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(e) => {
              setPassword(e.currentTarget.value);
              setProblems(({ password: _, ...rest }) => rest);
            }}
            error={problems.password ?? serverErrors.password}
          />
          <TextInput
            id="delete-confirm"
            label={`To confirm, type “${deleteConfirmation}”`}
            autoComplete="off"
            required
            value={typed}
            onChange={(e) => {
              setTyped(e.currentTarget.value);
              setProblems(({ typed: _, ...rest }) => rest);
            }}
            error={problems.typed}
          />
          <Group>
            <Button
              type="submit"
              color="red.9"
              leftSection={<IconTrash size={16} aria-hidden />}
              loading={remove.isPending}
            >
              Delete my account
            </Button>
          </Group>
        </Stack>
      </form>
    </AccountSection>
  );
}
