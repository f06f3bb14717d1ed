/**
 * Plain-language messages for zod's generic ones, shared by every place that checks a profile (the
 * server, the record service and the web app's file upload), so a person reads the same words
 * everywhere. A schema's own messages take precedence.
 */
import type { z } from 'zod';

/** "text", "a list", "a number", ... for a value found where something else was expected. */
export function describeValue(value: unknown): string {
  if (value === null || value === undefined) return 'empty';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'string') return 'text';
  return `a ${typeof value}`;
}

const typeWords: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  array: 'a list',
  object: 'a set of fields',
  record: 'a set of fields',
};

/**
 * zod error map: plain words for zod's default messages.
 *
 * @example
 * profileSchema.safeParse(value, { error: plainMessage });
 */
export function plainMessage(iss: z.core.$ZodRawIssue): string | undefined {
  switch (iss.code) {
    case 'invalid_type':
      if (iss.input === undefined) return 'is required';
      if (iss.input === null) return 'has no value (give one, or leave the field out)';
      return `must be ${typeWords[iss.expected] ?? iss.expected}, not ${describeValue(iss.input)}`;
    case 'invalid_value':
      return `must be one of: ${iss.values.map((v) => String(v)).join(', ')}`;
    case 'too_small':
      if (iss.origin === 'array') return `must have at least ${String(iss.minimum)} entries`;
      if (iss.origin === 'string') return 'must not be empty';
      return `must be at least ${String(iss.minimum)}`;
    case 'too_big':
      if (iss.origin === 'array') return `must have at most ${String(iss.maximum)} entries`;
      if (iss.origin === 'string') return `must be at most ${String(iss.maximum)} characters`;
      return `must be at most ${String(iss.maximum)}`;
    default:
      return undefined;
  }
}
