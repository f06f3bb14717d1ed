import { Group, PasswordInput, Progress, Text, VisuallyHidden } from '@mantine/core';
import { passwordRules } from '../../api/auth';
import { passwordStrength } from './forms';

/** The rules as a person reads them, under every new-password box. */
export const passwordRulesText = `${passwordRules.minLength} to ${passwordRules.maxLength} characters, any characters. A passphrase of a few words is easy to remember and hard to guess.`;

/** A new password with the rules stated and a strength hint from its length. */
export function NewPasswordInput({
  id,
  label,
  value,
  onChange,
  error,
}: {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: string | undefined;
}) {
  const strength = passwordStrength(value);
  return (
    <div>
      <PasswordInput
        id={id}
        label={label}
        description={
          <>
            {passwordRulesText}
            <VisuallyHidden> Strength: {strength.text}.</VisuallyHidden>
          </>
        }
        autoComplete="new-password"
        required
        value={value}
        onChange={(e) => onChange(e.currentTarget.value)}
        error={error}
      />
      <Group gap="sm" mt={6} style={{ rowGap: 4 }} aria-hidden>
        <Progress value={strength.value} color={strength.color} size="sm" style={{ flex: '1 1 120px' }} />
        <Text size="xs" c="dimmed" data-testid="password-strength" style={{ flexShrink: 0 }}>
          Strength: {strength.text}
        </Text>
      </Group>
    </div>
  );
}
