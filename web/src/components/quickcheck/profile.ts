/**
 * Where the quick check keeps its answers: the form state in this browser's localStorage (never
 * on the server), and the downloaded profile.json. The mapping to and from the profile format
 * is in ./profileMapping.ts, reading an uploaded file in ./profileFile.ts.
 */
import { ceDraftOf, projectDraftOf, volunteeringDraftOf } from '../record/itemDrafts';
import { ASKED_SECTIONS, emptyDraft, fromProfile, toProfile, type ProfileDraft } from './profileMapping';

/** The form state, as the form holds it (a half-filled job stays half-filled after a reload). */
const draftKey = 'hm-pathways.quick-check.draft';
/** Before: the profile document, which could not tell a past job without an end from a current job. */
const legacyProfileKey = 'hm-pathways.quick-check.profile';

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
const records = (v: unknown): Array<Record<string, unknown>> => (Array.isArray(v) ? v.filter(isRecord) : []);
const str = (v: unknown) => (typeof v === 'string' ? v : '');
const strings = (v: unknown) => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
const dates = (v: unknown) =>
  isRecord(v)
    ? {
        exactDates: Object.fromEntries(
          Object.entries(v).filter((e): e is [string, string] => typeof e[1] === 'string'),
        ),
      }
    : {};
const kept = (v: unknown) => (isRecord(v) ? { kept: v } : {});
/** A list section, left out when empty (as the mapping leaves it out). */
function list<K extends string, T>(key: K, v: unknown, read: (item: Record<string, unknown>) => T) {
  const items = records(v).map(read);
  return (items.length ? { [key]: items } : {}) as Partial<Record<K, T[]>>;
}

/** A draft from stored JSON, whatever an older or edited copy holds; anything odd becomes empty. */
export function draftFromStorage(value: unknown): ProfileDraft {
  if (!isRecord(value)) return emptyDraft;
  return {
    education: records(value.education).map((d) => ({
      level: str(d.level) || 'bachelor',
      field: str(d.field),
      completed: str(d.completed),
      ...dates(d.exactDates),
    })),
    positions: records(value.positions).map((p) => {
      const current = p.current !== false;
      return {
        title: str(p.title),
        start: str(p.start),
        end: current ? '' : str(p.end),
        current,
        fte: typeof p.fte === 'number' || typeof p.fte === 'string' ? p.fte : 1,
        kinds: strings(p.kinds),
        ...(str(p.role) ? { role: str(p.role) } : {}),
        ...(p.noRole === true ? { noRole: true } : {}),
        ...dates(p.exactDates),
        ...kept(p.kept),
      };
    }),
    credentials: records(value.credentials)
      .filter((c) => str(c.id))
      .map((c) => ({ id: str(c.id), ...kept(c.kept) })),
    ...list('otherCredentials', value.otherCredentials, (c) => ({
      name: str(c.name),
      issuer: str(c.issuer),
      earned: str(c.earned),
      expires: str(c.expires),
      ...dates(c.exactDates),
      ...kept(c.kept),
    })),
    memberships: records(value.memberships).map((m) => ({
      id: str(m.id),
      since: str(m.since),
      ...(str(m.type) ? { type: str(m.type) } : {}),
      ...dates(m.exactDates),
      ...kept(m.kept),
    })),
    // Numbers half typed ("1.") come back as empty boxes: the record's readers keep numbers only.
    ...list('ce', value.ce, (c) => ({ ...ceDraftOf(c), ...kept(c.kept) })),
    ...list('projects', value.projects, (p) => ({ ...projectDraftOf(p), ...kept(p.kept) })),
    ...list('volunteering', value.volunteering, (v) => ({ ...volunteeringDraftOf(v), ...kept(v.kept) })),
    ...(strings(value.attestations).length ? { attestations: strings(value.attestations) } : {}),
    ...(strings(value.none).length
      ? {
          none: strings(value.none).filter((s): s is (typeof ASKED_SECTIONS)[number] =>
            (ASKED_SECTIONS as readonly string[]).includes(s),
          ),
        }
      : {}),
    ...kept(value.kept),
  };
}

export function loadDraft(): ProfileDraft {
  try {
    const text = window.localStorage.getItem(draftKey);
    if (text) return draftFromStorage(JSON.parse(text));
    const legacy = window.localStorage.getItem(legacyProfileKey);
    return legacy ? fromProfile(JSON.parse(legacy)) : emptyDraft;
  } catch {
    return emptyDraft;
  }
}

export function saveDraft(draft: ProfileDraft): void {
  try {
    window.localStorage.setItem(draftKey, JSON.stringify(draft));
    window.localStorage.removeItem(legacyProfileKey);
  } catch {
    // Storage full or disabled: the form still works for this visit.
  }
}

/** The downloaded file's text: the profile as JSON, two-space indented. */
export function profileFileText(draft: ProfileDraft): string {
  return `${JSON.stringify(toProfile(draft), null, 2)}\n`;
}

/** Offers the profile as profile.json. Check `draftProblems` first. */
export function downloadProfile(draft: ProfileDraft): void {
  const blob = new Blob([profileFileText(draft)], { type: 'application/json' });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = 'profile.json';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
