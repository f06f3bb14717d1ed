import { describe, expect, it } from 'vitest';
import { fieldErrorsOf } from './career';
import { ApiError } from './client';

describe('fieldErrorsOf', () => {
  it('reads details.issues, with string or array paths, first message per field', () => {
    const error = new ApiError(400, 'invalid_request', 'constraints.budget: must be 0 or more', {
      in: 'body',
      issues: [
        { path: 'constraints.budget', message: 'must be 0 or more' },
        { path: ['ratings', 'budgeting'], message: 'must be 1 to 5' },
        { path: 'constraints.budget', message: 'second' },
      ],
    });
    expect(fieldErrorsOf(error)).toEqual({
      'constraints.budget': 'must be 0 or more',
      'ratings.budgeting': 'must be 1 to 5',
    });
  });

  it('reads details given as a list, and nothing from other errors', () => {
    expect(
      fieldErrorsOf(new ApiError(400, 'x', 'm', [{ path: 'role', message: 'unknown role "foo"' }])),
    ).toEqual({
      role: 'unknown role "foo"',
    });
    expect(fieldErrorsOf(new ApiError(500, 'x', 'm'))).toEqual({});
    expect(fieldErrorsOf(new Error('m'))).toEqual({});
  });
});
