import { describe, expect, it } from 'vitest';
import { passwordRules as serverRules } from '../../../../src/services/auth-service';
import { passwordRules } from '../../api/auth';
import { ApiError } from '../../api/client';
import { fieldErrorsOf, formErrorOf, passwordStrength, safeNext } from './forms';

describe('safeNext', () => {
  it('keeps paths of this app and refuses anything that could leave it', () => {
    expect(safeNext('/account?tab=1#tokens')).toBe('/account?tab=1#tokens');
    expect(safeNext(null)).toBe('/dashboard');
    expect(safeNext('https://evil.example/')).toBe('/dashboard');
    expect(safeNext('//evil.example/')).toBe('/dashboard');
    expect(safeNext('/\\evil.example')).toBe('/dashboard');
    expect(safeNext('/sign-in?next=/x')).toBe('/dashboard');
    expect(safeNext('/sign-up')).toBe('/dashboard');
    expect(safeNext('', '/record')).toBe('/record');
  });
});

describe('fieldErrorsOf / formErrorOf', () => {
  const taken = new ApiError(409, 'email_taken', 'email: an account with this email address already exists', {
    issues: [{ path: 'email', message: 'an account with this email address already exists' }],
  });
  it('maps issues to their fields, capitalised', () => {
    expect(fieldErrorsOf(taken)).toEqual({ email: 'An account with this email address already exists' });
    expect(
      fieldErrorsOf(
        new ApiError(400, 'invalid_request', 'x', {
          issues: [
            { path: ['profile', 'positions', 0], message: 'bad' },
            { path: '', message: 'whole body' },
          ],
        }),
      ),
    ).toEqual({ 'profile.positions.0': 'Bad' });
    expect(fieldErrorsOf(new Error('x'))).toEqual({});
    expect(fieldErrorsOf(null)).toEqual({});
  });
  it('shows the message above the form only when no field shows it', () => {
    expect(formErrorOf(taken, ['email', 'password'])).toBeNull();
    expect(formErrorOf(taken, ['password'])).toBe(taken.message);
    const throttled = new ApiError(
      429,
      'too_many_attempts',
      'Too many failed sign-ins for this account. Try again in 15 minutes.',
    );
    expect(formErrorOf(throttled, ['email'])).toBe(throttled.message);
    expect(formErrorOf(null, ['email'])).toBeNull();
  });
});

describe('passwords', () => {
  it('states the same rules as the server', () => {
    expect(passwordRules).toEqual(serverRules);
  });
  it('hints at strength from the length', () => {
    expect(passwordStrength('')).toMatchObject({ acceptable: false, text: 'At least 10 characters' });
    expect(passwordStrength('abcdef')).toMatchObject({
      acceptable: false,
      text: 'Too short: 6 of at least 10 characters',
    });
    expect(passwordStrength('a'.repeat(10))).toMatchObject({ acceptable: true, color: 'yellow' });
    expect(passwordStrength('a'.repeat(16))).toMatchObject({
      acceptable: true,
      text: 'Good (16 characters)',
    });
    expect(passwordStrength('correct horse battery staple')).toMatchObject({
      acceptable: true,
      color: 'green',
    });
    expect(passwordStrength('a'.repeat(201))).toMatchObject({ acceptable: false });
  });
});
