import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
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
const srcDir = path.resolve(import.meta.dirname, '..', '..', '..', '..', 'src');
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

describe('every audit action the server writes has words', () => {
  // The actions written anywhere under src/ (`action: 'x.y'`, also in a ternary), found by reading
  // the code, so that a new event type without words fails here.
  const actions = new Set<string>();
  for (const file of readdirSync(srcDir, { recursive: true, encoding: 'utf8' })) {
    if (!file.endsWith('.ts') || file.endsWith('.test.ts')) continue;
    for (const line of readFileSync(path.join(srcDir, file), 'utf8').split('\n')) {
      if (!/\baction:/.test(line)) continue;
      for (const m of line.matchAll(/'([a-z_]+\.[a-z_]+)'/g)) actions.add(m[1]!);
    }
  }

  it('finds the actions in the code', () => {
    for (const a of ['account.create', 'session.sign_in', 'record.update', 'plan.create', 'calendar.rotate'])
      expect(actions, a).toContain(a);
  });

  it.each([...actions].sort())('%s is in words, not "Other activity"', (action) => {
    const d = describeAuditEvent(event(action, { entityType: 'positions', details: { target: 'cno' } }));
    expect(d.category).not.toBe('other');
    expect(d.text).not.toMatch(/Other activity|\./);
  });

  it('words saved plans', () => {
    expect(text(event('plan.create', { details: { target: 'director-of-nursing' } }))).toBe(
      'Saved a plan to become director of nursing',
    );
    expect(text(event('plan.delete'))).toBe('Deleted a saved plan');
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
