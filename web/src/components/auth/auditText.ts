/**
 * The audit log in plain words: what happened ("Added a job", "Imported a profile file (3 added,
 * 1 removed)") and who did it (the web app, or an API token by its name).
 */
import type { AuditEvent } from '../../api/auth';

/** What a token id stands for in the list of my tokens. */
export type TokenNames = ReadonlyMap<string, string>;

export type AuditCategory = 'session' | 'account' | 'token' | 'record' | 'calendar' | 'plan' | 'other';

export interface AuditDescription {
  /** e.g. "Signed in", "Added a job". */
  text: string;
  category: AuditCategory;
}

/** One item of each record section (and the other things the record holds), as a person says it. */
const things: Record<string, string> = {
  education: 'a degree',
  positions: 'a job',
  credentials: 'a credential',
  ce: 'a continuing-education activity',
  memberships: 'a membership',
  projects: 'a project',
  volunteering: 'volunteer work',
  assessments: 'a self-assessment',
  planned_exam: 'a planned exam',
};

const profileFields: Record<string, string> = {
  name: 'name',
  collegeCreditHours: 'college credit hours',
  attestations: 'attestations',
  goals: 'goals',
};

const verbs: Record<string, string> = { create: 'Added', update: 'Changed', delete: 'Removed' };

function num(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

function tokenName(id: string | null | undefined, names: TokenNames): string {
  const name = id ? names.get(id) : undefined;
  return name ? `the API token “${name}”` : 'an API token';
}

function days(n: number): string {
  if (n % 365 === 0) return plural(n / 365, 'year');
  return plural(n, 'day');
}

/**
 * The event in words. Every action the server writes has its words (a test scans src/ for them);
 * an unknown one, from a newer server, is shown by its code rather than hidden.
 */
export function describeAuditEvent(event: AuditEvent, names: TokenNames = new Map()): AuditDescription {
  const details = event.details ?? {};
  switch (event.action) {
    case 'account.create':
      return { text: 'Created the account', category: 'account' };
    case 'account.delete':
      return { text: 'Deleted the account', category: 'account' };
    case 'account.settings_change':
      return { text: 'Changed the time zone', category: 'account' };
    case 'session.sign_in':
      return { text: 'Signed in', category: 'session' };
    case 'session.sign_in_failed':
      return { text: 'A sign-in failed: wrong password', category: 'session' };
    case 'session.sign_out':
      return { text: 'Signed out', category: 'session' };
    case 'password.change': {
      const ended = num(details.endedSessions);
      return {
        text: ended
          ? `Changed the password (signed out ${plural(ended, 'other session')})`
          : 'Changed the password',
        category: 'account',
      };
    }
    case 'token.create': {
      const expires = num(details.expiresInDays);
      const name = tokenName(event.entityId, names);
      return {
        text: `Created ${name} (${expires ? `expires after ${days(expires)}` : 'no expiry'})`,
        category: 'token',
      };
    }
    case 'token.revoke':
      return { text: `Revoked ${tokenName(event.entityId, names)}`, category: 'token' };
    case 'token.use':
      return { text: `Used ${tokenName(event.entityId, names)}`, category: 'token' };
    case 'calendar.enable':
      return { text: 'Turned on the calendar feed', category: 'calendar' };
    case 'calendar.rotate':
      return {
        text: 'Gave the calendar feed a new address (the old one stopped working)',
        category: 'calendar',
      };
    case 'calendar.disable':
      return { text: 'Turned off the calendar feed', category: 'calendar' };
    case 'record.import': {
      const added = num(details.added) ?? 0;
      const removed = num(details.removed) ?? 0;
      const how =
        details.mode === 'merge' ? 'Merged a profile file into the record' : 'Imported a profile file';
      return { text: `${how} (${added} added, ${removed} removed)`, category: 'record' };
    }
    case 'record.create':
    case 'record.update':
    case 'record.delete': {
      const verb = verbs[event.action.slice('record.'.length)]!;
      if (event.entityType === 'planned_exam') {
        return {
          text: event.action === 'record.create' ? 'Planned an exam' : `${verb} a planned exam`,
          category: 'record',
        };
      }
      if (event.entityType === 'profile') {
        const fields = Array.isArray(details.fields)
          ? details.fields.filter((f): f is string => typeof f === 'string').map((f) => profileFields[f] ?? f)
          : [];
        return {
          text: fields.length ? `Changed profile details (${fields.join(', ')})` : 'Changed profile details',
          category: 'record',
        };
      }
      const thing = (event.entityType && things[event.entityType]) || 'a record item';
      return { text: `${verb} ${thing}`, category: 'record' };
    }
    case 'plan.create': {
      const target = typeof details.target === 'string' ? details.target.replace(/[-_]+/g, ' ') : null;
      return { text: target ? `Saved a plan to become ${target}` : 'Saved a plan', category: 'plan' };
    }
    case 'plan.delete':
      return { text: 'Deleted a saved plan', category: 'plan' };
    default:
      // An action this version does not know yet (a newer server): shown by its code, not hidden.
      return { text: `Other activity (${event.action})`, category: 'other' };
  }
}

/** Who did it: the web app (a signed-in browser), an API token by name, or Pathways itself. */
export function describeActor(actor: string, names: TokenNames = new Map()): string {
  if (actor === 'session') return 'Web app';
  if (actor === 'system') return 'Pathways (automatic)';
  if (actor.startsWith('token:')) {
    const name = names.get(actor.slice('token:'.length));
    return name ? `API token “${name}”` : 'An API token';
  }
  return actor;
}
