/**
 * The quick check's form state (a "draft") and its mapping to and from the profile interchange
 * format (hm-pathways/profile@1, docs/profile-format.md).
 *
 * The mapping is lossless both ways for every draft without {@link draftProblems}:
 * `fromProfile(toProfile(draft))` is `draft`. The form asks for months; a full date read from a
 * file is kept (in `exactDates`) while its month is not changed, and every field the form does
 * not show (a CE record, a credential's status, a membership's end...) is kept (in `kept`) and
 * written back unchanged, so that loading a profile and saving it again loses nothing.
 */
import {
  ceDraftOf,
  ceFields,
  ceItemOf,
  keptOf as keptFields,
  projectDraftOf,
  projectFields,
  projectItemOf,
  volunteeringDraftOf,
  volunteeringFields,
  volunteeringItemOf,
  type CeDraft,
  type ProjectDraft,
  type VolunteeringDraft,
} from '../record/itemDrafts';

export const PROFILE_FORMAT = 'hm-pathways/profile@1';

export const educationLevelOptions = [
  { value: 'high_school', label: 'High school' },
  { value: 'associate', label: "Associate's degree" },
  { value: 'bachelor', label: "Bachelor's degree" },
  { value: 'master', label: "Master's degree" },
  { value: 'doctorate', label: 'Doctorate' },
];

/** Fields of a profile entry that the form does not show, written back unchanged. */
export type Kept = Record<string, unknown>;
/** Full dates (YYYY-MM-DD) read from a file, by field, used while the form's month is unchanged. */
export type ExactDates = Record<string, string>;

export interface DegreeDraft {
  level: string;
  field: string;
  /** YYYY-MM or empty (not finished). */
  completed: string;
  exactDates?: ExactDates;
}

/**
 * A job. `current` and `end` are one answer: a current job ("I still work here") has no end
 * (`end` is empty); a past job must have an end month. A past job without one is a problem
 * ({@link draftProblems}): written as a profile it would read back as a current job.
 */
export interface JobDraft {
  title: string;
  /** YYYY-MM or empty while not filled in. */
  start: string;
  /** YYYY-MM; empty when `current`. */
  end: string;
  current: boolean;
  /** Share of full time, 0.05 to 1; text while the person is typing something that is not a number yet. */
  fte: number | string;
  /** Experience kind ids (what the job counts as). */
  kinds: string[];
  /** The catalog role (GET /api/roles) this job is; absent while not chosen. */
  role?: string;
  /**
   * The person answered "none of these" for the role. Kept with the form only: in the profile
   * format a job without a role is simply a job without a role.
   */
  noRole?: boolean;
  exactDates?: ExactDates;
  kept?: Kept;
}

export interface CredentialDraft {
  /** A certification id or a credential id of the vocabulary (e.g. RN_LICENSE). */
  id: string;
  /** e.g. earned, expires, status. */
  kept?: Kept;
}

export interface MembershipDraft {
  /** An organization id, e.g. ACHE; empty until chosen. */
  id: string;
  /** YYYY-MM or empty. */
  since: string;
  /** A membership type id (member, faculty, ...); absent = the format's default, member. */
  type?: string;
  exactDates?: ExactDates;
  /** e.g. until. */
  kept?: Kept;
}

/** The id under which the profile format records a credential the catalog does not know. */
export const OTHER_CREDENTIAL = 'OTHER';

/** A credential the catalog does not know: `{id: OTHER, name, issuer?, earned?, expires?}` in the profile. */
export interface OtherCredentialDraft {
  name: string;
  issuer: string;
  /** YYYY-MM or empty. */
  earned: string;
  /** YYYY-MM or empty. */
  expires: string;
  exactDates?: ExactDates;
  kept?: Kept;
}

/** A CE activity, a project, a volunteer activity: the record's own drafts, plus what the form does not show. */
export type CeEntry = CeDraft & { kept?: Kept };
export type ProjectEntry = ProjectDraft & { kept?: Kept };
export type VolunteeringEntry = VolunteeringDraft & { kept?: Kept };

/** Sections the quick check asks about that a person may not have answered yet. */
export const ASKED_SECTIONS = ['memberships', 'ce', 'volunteering', 'projects', 'attestations'] as const;
export type AskedSection = (typeof ASKED_SECTIONS)[number];

/**
 * The form's answers. The lists added after the first version (`ce`, `projects`, `volunteering`,
 * `attestations`, `otherCredentials`) are absent rather than empty, so that a draft read back
 * from its own profile is the same draft.
 */
export interface ProfileDraft {
  education: DegreeDraft[];
  positions: JobDraft[];
  credentials: CredentialDraft[];
  otherCredentials?: OtherCredentialDraft[];
  memberships: MembershipDraft[];
  ce?: CeEntry[];
  projects?: ProjectEntry[];
  volunteering?: VolunteeringEntry[];
  /** Attestation ids the person confirms. */
  attestations?: string[];
  /**
   * Sections the person said they have nothing to add to ("I have none"): answered, though
   * empty. Kept with the form only, like `noRole`.
   */
  none?: AskedSection[];
  /** Top-level fields the form does not show: name, goals, assessments, ... */
  kept?: Kept;
}

/**
 * The sections the person has not answered yet: empty, and not marked "I have none". The check
 * sends them as `notAsked`, so that an empty list is not read as "you have 0".
 */
export function unansweredSections(draft: ProfileDraft): AskedSection[] {
  return ASKED_SECTIONS.filter((s) => !(draft[s]?.length ?? 0) && !(draft.none ?? []).includes(s));
}

export const emptyDraft: ProfileDraft = { education: [], positions: [], credentials: [], memberships: [] };
export const newDegree = (): DegreeDraft => ({ level: 'bachelor', field: '', completed: '' });
export const newJob = (): JobDraft => ({ title: '', start: '', end: '', current: true, fte: 1, kinds: [] });
export const newMembership = (): MembershipDraft => ({ id: '', since: '' });
export const newOtherCredential = (): OtherCredentialDraft => ({
  name: '',
  issuer: '',
  earned: '',
  expires: '',
});

/* ------------------------------------------------------------------ editing */

/**
 * A job with `patch` applied, keeping its answer unambiguous: ticking "I still work here" clears
 * the end month, and a changed month forgets the full date it came from.
 */
export function updateJob(job: JobDraft, patch: Partial<Omit<JobDraft, 'exactDates' | 'kept'>>): JobDraft {
  const merged: JobDraft = { ...job, ...patch };
  // A role and "none of these" are one answer; an absent one is left out (drafts compare by keys).
  if (merged.role === undefined) delete merged.role;
  if (!merged.noRole) delete merged.noRole;
  const next = withMonths(merged, job, ['start', 'end']);
  return next.current ? withMonths({ ...next, end: '' }, job, ['end']) : next;
}

export function updateDegree(degree: DegreeDraft, patch: Partial<Omit<DegreeDraft, 'exactDates'>>) {
  return withMonths({ ...degree, ...patch }, degree, ['completed']);
}

export function updateMembership(
  membership: MembershipDraft,
  patch: Partial<Omit<MembershipDraft, 'exactDates' | 'kept'>>,
): MembershipDraft {
  return withMonths({ ...membership, ...patch }, membership, ['since']);
}

export function updateOtherCredential(
  credential: OtherCredentialDraft,
  patch: Partial<Omit<OtherCredentialDraft, 'exactDates' | 'kept'>>,
): OtherCredentialDraft {
  return withMonths({ ...credential, ...patch }, credential, ['earned', 'expires']);
}

/** The credentials for a new list of ids, keeping what was known of those still held. */
export function credentialsFor(ids: string[], before: CredentialDraft[]): CredentialDraft[] {
  return ids.map((id) => before.find((c) => c.id === id) ?? { id });
}

/** Drops the full date of each field whose month changed. */
function withMonths<T extends { exactDates?: ExactDates }>(
  next: T,
  before: T,
  keys: Array<keyof T & string>,
): T {
  if (!next.exactDates) return next;
  const exact = { ...next.exactDates };
  for (const key of keys) {
    if (next[key] !== before[key] || !String(exact[key] ?? '').startsWith(`${String(next[key])}-`)) {
      delete exact[key];
    }
  }
  const { exactDates: _dropped, ...rest } = next;
  return (Object.keys(exact).length ? { ...rest, exactDates: exact } : rest) as T;
}

/* ------------------------------------------------------------------ problems */

/** A problem of the form, on one field: `field` is a path such as `positions.1.end`. */
export interface DraftProblem {
  field: string;
  /** Where, in the form's words: "Job 2, Ended (month)". */
  where: string;
  message: string;
  /**
   * True when a profile written from this draft would be read differently from what the person
   * meant (a past job without an end reads as a current job): the server cannot notice it.
   */
  silent: boolean;
}

export const missingEndMessage = "Add the month this job ended, or tick 'I still work here'";

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
const DAY_OR_MONTH = /^\d{4}-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?$/;

/** Every problem the form can see, in form order. An empty list means the draft writes a valid profile. */
export function draftProblems(draft: ProfileDraft): DraftProblem[] {
  const problems: DraftProblem[] = [];
  const add = (field: string, where: string, message: string, silent = false) =>
    problems.push({ field, where, message, silent });

  draft.education.forEach((d, i) => {
    const where = `Degree ${i + 1}`;
    if (d.completed && !MONTH.test(d.completed))
      add(`education.${i}.completed`, `${where}, Completed (month)`, 'Enter a month');
  });
  draft.positions.forEach((p, i) => {
    const where = `Job ${i + 1}`;
    if (!p.title.trim()) add(`positions.${i}.title`, `${where}, Job title`, 'Enter the job title');
    if (!p.start) add(`positions.${i}.start`, `${where}, Started (month)`, 'Enter the month you started');
    else if (!MONTH.test(p.start)) add(`positions.${i}.start`, `${where}, Started (month)`, 'Enter a month');
    if (!p.current) {
      if (!p.end) add(`positions.${i}.end`, `${where}, Ended (month)`, missingEndMessage, true);
      else if (!MONTH.test(p.end)) add(`positions.${i}.end`, `${where}, Ended (month)`, 'Enter a month');
      else if (MONTH.test(p.start) && p.end < p.start)
        add(`positions.${i}.end`, `${where}, Ended (month)`, 'The job cannot end before it started');
    }
    const fte = fteNumber(p.fte);
    if (fte === undefined || fte < 0.05 || fte > 1)
      add(
        `positions.${i}.fte`,
        `${where}, Share of full time (FTE)`,
        'Enter a share of full time from 0.05 to 1 (1 = full time)',
      );
  });
  (draft.otherCredentials ?? []).forEach((c, i) => {
    const where = `Other credential ${i + 1}`;
    if (!c.name.trim())
      add(`otherCredentials.${i}.name`, `${where}, Name`, 'Enter the name of the credential');
    for (const [key, label] of [
      ['earned', 'Earned (month)'],
      ['expires', 'Expires (month)'],
    ] as const) {
      if (c[key] && !MONTH.test(c[key]))
        add(`otherCredentials.${i}.${key}`, `${where}, ${label}`, 'Enter a month');
    }
  });
  draft.memberships.forEach((m, i) => {
    const where = `Membership ${i + 1}`;
    if (!m.id) add(`memberships.${i}.id`, `${where}, Organization`, 'Choose the organization');
    if (m.since && !MONTH.test(m.since))
      add(`memberships.${i}.since`, `${where}, Member since (month)`, 'Enter a month');
  });
  (draft.ce ?? []).forEach((c, i) => {
    const where = `Continuing education ${i + 1}`;
    if (!c.date.trim()) add(`ce.${i}.date`, `${where}, Date`, 'Enter the date');
    else if (!DAY_OR_MONTH.test(c.date.trim())) add(`ce.${i}.date`, `${where}, Date`, 'Enter a date');
    const hours = typeof c.hours === 'number' ? c.hours : c.hours.trim() === '' ? NaN : Number(c.hours);
    if (!Number.isFinite(hours) || hours < 0 || hours > 2000)
      add(`ce.${i}.hours`, `${where}, Hours`, 'Enter the hours, from 0 to 2000');
    c.credits.forEach((cr, k) => {
      if (!cr.unit) add(`ce.${i}.credits.${k}.unit`, `${where}, Credit unit`, 'Choose the unit');
      const amount =
        typeof cr.amount === 'number' ? cr.amount : cr.amount.trim() === '' ? NaN : Number(cr.amount);
      if (!Number.isFinite(amount) || amount < 0)
        add(`ce.${i}.credits.${k}.amount`, `${where}, Amount`, 'Enter the credits awarded');
    });
  });
  (draft.volunteering ?? []).forEach((v, i) => {
    const where = `Volunteer activity ${i + 1}`;
    if (!v.date.trim()) add(`volunteering.${i}.date`, `${where}, Date`, 'Enter the date');
    else if (!DAY_OR_MONTH.test(v.date.trim()))
      add(`volunteering.${i}.date`, `${where}, Date`, 'Enter a date');
  });
  (draft.projects ?? []).forEach((p, i) => {
    const where = `Project ${i + 1}`;
    if (!p.title.trim()) add(`projects.${i}.title`, `${where}, Project title`, 'Enter the project title');
    if (p.completed.trim() && !DAY_OR_MONTH.test(p.completed.trim()))
      add(`projects.${i}.completed`, `${where}, Completed`, 'Enter a date');
  });
  return problems;
}

function fteNumber(fte: number | string): number | undefined {
  const n = typeof fte === 'number' ? fte : fte.trim() === '' ? NaN : Number(fte);
  return Number.isFinite(n) ? n : undefined;
}

/* ------------------------------------------------------------------ draft -> profile */

/**
 * The profile document (hm-pathways/profile@1) for a draft. Empty optional fields are left out;
 * text is trimmed. Check {@link draftProblems} first: a draft with problems writes a profile that
 * is refused, or (a past job without an end) means something else.
 */
export function toProfile(draft: ProfileDraft): Record<string, unknown> {
  const optional = (key: string, value: string) => (value.trim() ? { [key]: value.trim() } : {});
  const date = (key: string, month: string, exact: ExactDates | undefined) =>
    month ? { [key]: exactDate(month, exact?.[key]) } : {};
  const kept = draft.kept ?? {};
  const fromForm: Record<string, unknown> = {
    education: draft.education.map((d) => ({
      level: d.level,
      ...optional('field', d.field),
      ...date('completed', d.completed, d.exactDates),
    })),
    positions: draft.positions.map((p) => ({
      title: p.title.trim(),
      ...(p.role ? { role: p.role } : {}),
      ...p.kept,
      start: exactDate(p.start, p.exactDates?.start),
      ...(p.current ? {} : date('end', p.end, p.exactDates)),
      fte: fteNumber(p.fte) ?? p.fte,
      kinds: p.kinds,
    })),
    credentials: [
      ...draft.credentials.map((c) => ({ id: c.id, ...c.kept })),
      ...(draft.otherCredentials ?? []).map((c) => ({
        id: OTHER_CREDENTIAL,
        name: c.name.trim(),
        ...optional('issuer', c.issuer),
        ...date('earned', c.earned, c.exactDates),
        ...date('expires', c.expires, c.exactDates),
        ...c.kept,
      })),
    ],
    memberships: draft.memberships.map((m) => ({
      id: m.id,
      ...date('since', m.since, m.exactDates),
      ...(m.type ? { type: m.type } : {}),
      ...m.kept,
    })),
    ...(draft.ce?.length ? { ce: draft.ce.map((c) => ceItemOf(c, c.kept)) } : {}),
    ...(draft.projects?.length ? { projects: draft.projects.map((p) => projectItemOf(p, p.kept)) } : {}),
    ...(draft.volunteering?.length
      ? { volunteering: draft.volunteering.map((v) => volunteeringItemOf(v, v.kept)) }
      : {}),
    ...(draft.attestations?.length ? { attestations: draft.attestations } : {}),
  };
  // In the order of the format's fields, then anything else the file had.
  const profile: Record<string, unknown> = { format: PROFILE_FORMAT };
  for (const key of new Set([...fieldOrder, ...Object.keys(kept)])) {
    if (key === 'format') continue;
    if (key in fromForm) profile[key] = fromForm[key];
    else if (key in kept) profile[key] = kept[key];
  }
  return profile;
}

const fieldOrder = [
  'name',
  'education',
  'collegeCreditHours',
  'positions',
  'credentials',
  'ce',
  'memberships',
  'projects',
  'volunteering',
  'attestations',
  'assessments',
  'goals',
];

/** The full date from the file while it is still in the form's month, else the month. */
function exactDate(month: string, exact: string | undefined): string {
  return exact?.startsWith(`${month}-`) ? exact : month;
}

/* ------------------------------------------------------------------ profile -> draft */

/** Top-level fields the form edits; every other one is kept as it is. */
const formFields = new Set([
  'format',
  'education',
  'positions',
  'credentials',
  'memberships',
  'ce',
  'projects',
  'volunteering',
  'attestations',
]);

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
const str = (v: unknown) => (typeof v === 'string' ? v : '');
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

/** The entries of `item` other than `shown`, or nothing when there are none. */
function keptOf(item: Record<string, unknown>, shown: readonly string[]): { kept?: Kept } {
  const kept = keptFields(item, shown);
  return Object.keys(kept).length ? { kept } : {};
}

/** A list section of the draft from the profile's list, left out when the list is empty. */
function entries<K extends string, T>(
  key: K,
  value: unknown,
  read: (item: Record<string, unknown>) => T,
): Partial<Record<K, T[]>> {
  const items = list(value).filter(isRecord).map(read);
  return (items.length ? { [key]: items } : {}) as Partial<Record<K, T[]>>;
}

/** A form month from a profile date, keeping a full date aside: `2014-05-20` -> `2014-05` and `{completed: '2014-05-20'}`. */
function readDates(
  item: Record<string, unknown>,
  keys: string[],
): { months: Record<string, string>; exact: { exactDates?: ExactDates } } {
  const months: Record<string, string> = {};
  const exactDates: ExactDates = {};
  for (const key of keys) {
    const value = str(item[key]);
    months[key] = value.slice(0, 7);
    if (value.length > 7) exactDates[key] = value;
  }
  return { months, exact: Object.keys(exactDates).length ? { exactDates } : {} };
}

/**
 * A draft from a profile document. Lenient: entries that are not objects are skipped and missing
 * values become empty fields; check a document with the profile schema first
 * (`readProfileFile`) to report its problems.
 *
 * @throws Error with a message fit to show when `doc` is not a profile at all.
 */
export function fromProfile(doc: unknown): ProfileDraft {
  if (!isRecord(doc)) throw new Error('The file does not hold a profile (a set of fields).');
  if (doc.format !== PROFILE_FORMAT)
    throw new Error(`The file is not a profile: its "format" must be "${PROFILE_FORMAT}".`);
  const kept = Object.fromEntries(Object.entries(doc).filter(([k]) => !formFields.has(k)));
  const credentials = list(doc.credentials)
    .filter(isRecord)
    .filter((c) => str(c.id));
  const others = credentials.filter((c) => str(c.id) === OTHER_CREDENTIAL);
  const attestations = list(doc.attestations).filter((a): a is string => typeof a === 'string');
  return {
    education: list(doc.education)
      .filter(isRecord)
      .map((d) => {
        const { months, exact } = readDates(d, ['completed']);
        return {
          level: str(d.level) || 'bachelor',
          field: str(d.field),
          completed: months.completed ?? '',
          ...exact,
        };
      }),
    positions: list(doc.positions)
      .filter(isRecord)
      .map((p) => {
        const { months, exact } = readDates(p, ['start', 'end']);
        return {
          title: str(p.title),
          start: months.start ?? '',
          end: months.end ?? '',
          current: !p.end,
          fte: typeof p.fte === 'number' ? p.fte : 1,
          kinds: list(p.kinds).filter((k): k is string => typeof k === 'string'),
          ...(str(p.role) ? { role: str(p.role) } : {}),
          ...exact,
          ...keptOf(p, ['title', 'start', 'end', 'fte', 'kinds', 'role']),
        };
      }),
    credentials: credentials
      .filter((c) => str(c.id) !== OTHER_CREDENTIAL)
      .map((c) => ({ id: str(c.id), ...keptOf(c, ['id']) })),
    ...(others.length
      ? {
          otherCredentials: others.map((c) => {
            const { months, exact } = readDates(c, ['earned', 'expires']);
            return {
              name: str(c.name),
              issuer: str(c.issuer),
              earned: months.earned ?? '',
              expires: months.expires ?? '',
              ...exact,
              ...keptOf(c, ['id', 'name', 'issuer', 'earned', 'expires']),
            };
          }),
        }
      : {}),
    memberships: list(doc.memberships)
      .filter(isRecord)
      .map((m) => {
        const { months, exact } = readDates(m, ['since']);
        return {
          id: str(m.id),
          since: months.since ?? '',
          ...(str(m.type) ? { type: str(m.type) } : {}),
          ...exact,
          ...keptOf(m, ['id', 'since', 'type']),
        };
      }),
    ...entries('ce', doc.ce, (c) => ({ ...ceDraftOf(c), ...keptOf(c, ceFields) })),
    ...entries('projects', doc.projects, (p) => ({ ...projectDraftOf(p), ...keptOf(p, projectFields) })),
    ...entries('volunteering', doc.volunteering, (v) => ({
      ...volunteeringDraftOf(v),
      ...keptOf(v, volunteeringFields),
    })),
    ...(attestations.length ? { attestations } : {}),
    ...(Object.keys(kept).length ? { kept } : {}),
  };
}

/* ------------------------------------------------------------------ what the form does not show */

const keptNames: Record<string, [string, string]> = {
  ce: ['continuing-education activity', 'continuing-education activities'],
  projects: ['project', 'projects'],
  volunteering: ['volunteering entry', 'volunteering entries'],
  attestations: ['attestation', 'attestations'],
  assessments: ['self-assessment', 'self-assessments'],
};

/**
 * In plain words, what a loaded profile holds that the form does not show (it is still checked
 * and saved): e.g. "3 continuing-education activities", "details of credential CPHQ (status)".
 */
export function keptSummary(draft: ProfileDraft): string[] {
  const out: string[] = [];
  for (const [key, value] of Object.entries(draft.kept ?? {})) {
    const names = keptNames[key];
    if (names && Array.isArray(value)) {
      if (value.length) out.push(`${value.length} ${value.length === 1 ? names[0] : names[1]}`);
    } else if (key === 'name') out.push(`your name (${String(value)})`);
    else if (key === 'collegeCreditHours') out.push(`${String(value)} college credit hours`);
    else if (key === 'goals') out.push('goals');
    else out.push(key);
  }
  const fields = (kept: Kept | undefined) => Object.keys(kept ?? {}).join(', ');
  draft.positions.forEach((p, i) => {
    if (p.kept) out.push(`details of job ${i + 1} (${fields(p.kept)})`);
  });
  for (const c of draft.credentials) {
    if (c.kept) out.push(`details of credential ${c.id} (${fields(c.kept)})`);
  }
  (draft.otherCredentials ?? []).forEach((c) => {
    if (c.kept) out.push(`details of credential ${c.name} (${fields(c.kept)})`);
  });
  (draft.ce ?? []).forEach((c, i) => {
    if (c.kept) out.push(`details of continuing-education activity ${i + 1} (${fields(c.kept)})`);
  });
  draft.memberships.forEach((m, i) => {
    if (m.kept) out.push(`details of membership ${i + 1} (${fields(m.kept)})`);
  });
  return out;
}
