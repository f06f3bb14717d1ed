/**
 * The quick check's profile as the form edits it, and its conversion to and from the profile
 * interchange format (hm-pathways/profile@1). It lives in the browser's localStorage only.
 */
export const PROFILE_FORMAT = 'hm-pathways/profile@1';
const storageKey = 'hm-pathways.quick-check.profile';

export const educationLevelOptions = [
  { value: 'high_school', label: 'High school' },
  { value: 'associate', label: "Associate's degree" },
  { value: 'bachelor', label: "Bachelor's degree" },
  { value: 'master', label: "Master's degree" },
  { value: 'doctorate', label: 'Doctorate' },
];

export interface DegreeDraft {
  level: string;
  field: string;
  /** YYYY-MM or empty. */
  completed: string;
}

export interface JobDraft {
  title: string;
  start: string;
  end: string;
  current: boolean;
  fte: number;
  kinds: string[];
}

export interface MembershipDraft {
  id: string;
  since: string;
}

export interface ProfileDraft {
  education: DegreeDraft[];
  positions: JobDraft[];
  credentials: string[];
  memberships: MembershipDraft[];
}

export const emptyDraft: ProfileDraft = { education: [], positions: [], credentials: [], memberships: [] };
export const newDegree = (): DegreeDraft => ({ level: 'bachelor', field: '', completed: '' });
export const newJob = (): JobDraft => ({ title: '', start: '', end: '', current: true, fte: 1, kinds: [] });
export const newMembership = (): MembershipDraft => ({ id: '', since: '' });

/** The profile document (hm-pathways/profile@1) for a draft; empty optional fields are left out. */
export function toProfile(draft: ProfileDraft): Record<string, unknown> {
  const optional = (key: string, value: string) => (value.trim() ? { [key]: value.trim() } : {});
  return {
    format: PROFILE_FORMAT,
    education: draft.education.map((d) => ({
      level: d.level,
      ...optional('field', d.field),
      ...optional('completed', d.completed),
    })),
    positions: draft.positions.map((p) => ({
      title: p.title.trim(),
      start: p.start,
      ...(p.current ? {} : optional('end', p.end)),
      fte: p.fte,
      kinds: p.kinds,
    })),
    credentials: draft.credentials.map((id) => ({ id })),
    memberships: draft.memberships.map((m) => ({ id: m.id, ...optional('since', m.since) })),
  };
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
const str = (v: unknown) => (typeof v === 'string' ? v : '');
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
/** "2014-05-20" -> "2014-05": the form asks for months. */
const month = (v: unknown) => str(v).slice(0, 7);

/** A draft from a profile document; throws an Error with a message fit to show when it is not one. */
export function fromProfile(doc: unknown): ProfileDraft {
  if (!isRecord(doc)) throw new Error('The file does not hold a profile (a JSON object).');
  if (doc.format !== PROFILE_FORMAT)
    throw new Error(`The file is not a profile: its "format" must be "${PROFILE_FORMAT}".`);
  return {
    education: list(doc.education)
      .filter(isRecord)
      .map((d) => ({
        level: str(d.level) || 'bachelor',
        field: str(d.field),
        completed: month(d.completed),
      })),
    positions: list(doc.positions)
      .filter(isRecord)
      .map((p) => ({
        title: str(p.title),
        start: month(p.start),
        end: month(p.end),
        current: !p.end,
        fte: typeof p.fte === 'number' ? p.fte : 1,
        kinds: list(p.kinds).filter((k): k is string => typeof k === 'string'),
      })),
    credentials: list(doc.credentials)
      .filter(isRecord)
      .map((c) => str(c.id))
      .filter(Boolean),
    memberships: list(doc.memberships)
      .filter(isRecord)
      .map((m) => ({ id: str(m.id), since: month(m.since) })),
  };
}

/** Parses an uploaded file's text; throws an Error with a message fit to show. */
export function parseProfileFile(text: string): ProfileDraft {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    throw new Error('The file is not valid JSON. Choose a profile.json downloaded from this page.');
  }
  return fromProfile(doc);
}

export function loadDraft(): ProfileDraft {
  try {
    const text = window.localStorage.getItem(storageKey);
    return text ? fromProfile(JSON.parse(text)) : emptyDraft;
  } catch {
    return emptyDraft;
  }
}

export function saveDraft(draft: ProfileDraft): void {
  try {
    window.localStorage.setItem(storageKey, JSON.stringify(toProfile(draft)));
  } catch {
    // Storage full or disabled: the form still works for this visit.
  }
}

/** Offers the profile as profile.json. */
export function downloadProfile(draft: ProfileDraft): void {
  const blob = new Blob([`${JSON.stringify(toProfile(draft), null, 2)}\n`], { type: 'application/json' });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = 'profile.json';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
