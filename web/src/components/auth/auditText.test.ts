import { describe, expect, it } from 'vitest';
import type { AuditEvent } from '../../api/auth';
import { describeActor, describeAuditEvent } from './auditText';

const event = (action: string, more: Partial<AuditEvent> = {}): AuditEvent => ({
  id: '1',
  at: '2026-11-28T12:00:00.000Z',
  action,
  actor: 'session',
  entityType: null,
  entityId: null,
  details: null,
  ...more,
});
const names = new Map([['tok-1', 'HR import']]);
const text = (e: AuditEvent) => describeAuditEvent(e, names).text;

describe('describeAuditEvent', () => {
  it('words account and session events', () => {
    expect(text(event('session.sign_in'))).toBe('Signed in');
    expect(text(event('session.sign_out'))).toBe('Signed out');
    expect(text(event('session.sign_in_failed'))).toBe('A sign-in failed: wrong password');
    expect(text(event('account.create'))).toBe('Created the account');
    expect(text(event('password.change', { details: { endedSessions: 2 } }))).toBe(
      'Changed the password (signed out 2 other sessions)',
    );
    expect(text(event('password.change', { details: { endedSessions: 0 } }))).toBe('Changed the password');
  });

  it('names API tokens', () => {
    expect(text(event('token.create', { entityId: 'tok-1', details: { expiresInDays: 30 } }))).toBe(
      'Created the API token “HR import” (expires after 30 days)',
    );
    expect(text(event('token.create', { entityId: 'tok-1', details: { expiresInDays: 365 } }))).toBe(
      'Created the API token “HR import” (expires after 1 year)',
    );
    expect(text(event('token.create', { entityId: 'gone', details: { expiresInDays: null } }))).toBe(
      'Created an API token (no expiry)',
    );
    expect(text(event('token.revoke', { entityId: 'tok-1' }))).toBe('Revoked the API token “HR import”');
    expect(text(event('token.use', { entityId: 'tok-1' }))).toBe('Used the API token “HR import”');
  });

  it('words record changes by section', () => {
    expect(text(event('record.create', { entityType: 'positions' }))).toBe('Added a job');
    expect(text(event('record.update', { entityType: 'education' }))).toBe('Changed a degree');
    expect(text(event('record.delete', { entityType: 'ce' }))).toBe(
      'Removed a continuing-education activity',
    );
    expect(text(event('record.create', { entityType: 'planned_exam' }))).toBe('Planned an exam');
    expect(text(event('record.delete', { entityType: 'planned_exam' }))).toBe('Removed a planned exam');
    expect(
      text(
        event('record.update', {
          entityType: 'profile',
          details: { fields: ['name', 'collegeCreditHours'] },
        }),
      ),
    ).toBe('Changed profile details (name, college credit hours)');
    expect(
      text(event('record.import', { details: { mode: 'replace', added: 3, removed: 1, unchanged: 4 } })),
    ).toBe('Imported a profile file (3 added, 1 removed)');
    expect(text(event('record.import', { details: { mode: 'merge', added: 2, removed: 0 } }))).toBe(
      'Merged a profile file into the record (2 added, 0 removed)',
    );
  });

  it('words the calendar feed and shows unknown actions by their code', () => {
    expect(text(event('calendar.enable'))).toBe('Turned on the calendar feed');
    expect(text(event('calendar.disable'))).toBe('Turned off the calendar feed');
    expect(describeAuditEvent(event('team.join'))).toEqual({
      text: 'Other activity (team.join)',
      category: 'other',
    });
  });
});

describe('describeActor', () => {
  it('tells the web app from API tokens', () => {
    expect(describeActor('session', names)).toBe('Web app');
    expect(describeActor('token:tok-1', names)).toBe('API token “HR import”');
    expect(describeActor('token:other', names)).toBe('An API token');
    expect(describeActor('system')).toBe('Pathways (automatic)');
  });
});
