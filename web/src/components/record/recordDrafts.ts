/**
 * The editors' state ("drafts") of each section of "My record", and their mapping to and from the
 * profile@1 items the server stores. Degrees and jobs use the quick check's own drafts and mapping
 * (so a job means the same in both places, and a full date read from a file is kept while its
 * month is unchanged); the other sections have small drafts of their own. Fields an editor does
 * not show are kept and written back unchanged.
 */
import type { RecordSection, SectionItem } from '../../api/recordTypes';
import {
  draftProblems,
  emptyDraft,
  fromProfile,
  newDegree,
  newJob,
  PROFILE_FORMAT,
  toProfile,
  type DegreeDraft,
  type JobDraft,
} from '../quickcheck/profileMapping';
import {
  blankCe,
  blankProject,
  blankVolunteering,
  ceDraftOf,
  ceItemOf,
  keptOf,
  projectDraftOf,
  projectItemOf,
  projectKindOptions,
  volunteeringDraftOf,
  volunteeringItemOf,
  type CeDraft,
  type CredentialDraft,
  type MembershipDraft,
  type ProjectDraft,
  type VolunteeringDraft,
} from './itemDrafts';
import { hoursText, numberText, profileDateText } from './recordText';

export * from './itemDrafts';

/** The sections "My record" edits, in page order (self-assessments have a page of their own). */
export const EDITED_SECTIONS = [
  'education',
  'positions',
  'credentials',
  'ce',
  'memberships',
  'projects',
  'volunteering',
] as const satisfies readonly RecordSection[];
export type EditedSection = (typeof EDITED_SECTIONS)[number];

export interface Drafts {
  education: DegreeDraft;
  positions: JobDraft;
  credentials: CredentialDraft;
  ce: CeDraft;
  memberships: MembershipDraft;
  projects: ProjectDraft;
  volunteering: VolunteeringDraft;
}

/* ------------------------------------------------------------------ blank drafts */

export const blankDraft: { [S in EditedSection]: () => Drafts[S] } = {
  education: newDegree,
  positions: newJob,
  credentials: () => ({ id: '', earned: '', expires: '', status: 'active' }),
  ce: blankCe,
  memberships: () => ({ id: '', since: '', until: '', type: 'member' }),
  projects: blankProject,
  volunteering: blankVolunteering,
};

/* ------------------------------------------------------------------ item -> draft */

const str = (v: unknown) => (typeof v === 'string' ? v : '');

export function draftOf<S extends EditedSection>(section: S, item: SectionItem): Drafts[S] {
  const data = item as unknown as Record<string, unknown>;
  switch (section) {
    case 'education':
      return (fromProfile({ format: PROFILE_FORMAT, education: [data] }).education[0] ??
        newDegree()) as Drafts[S];
    case 'positions':
      return (fromProfile({ format: PROFILE_FORMAT, positions: [data] }).positions[0] ??
        newJob()) as Drafts[S];
    case 'credentials':
      return {
        id: str(data.id),
        earned: str(data.earned),
        expires: str(data.expires),
        status: data.status === 'restricted' || data.status === 'lapsed' ? data.status : 'active',
      } as Drafts[S];
    case 'ce':
      return ceDraftOf(data) as Drafts[S];
    case 'memberships':
      return {
        id: str(data.id),
        since: str(data.since),
        until: str(data.until),
        type: str(data.type) || 'member',
      } as Drafts[S];
    case 'projects':
      return projectDraftOf(data) as Drafts[S];
    case 'volunteering':
      return volunteeringDraftOf(data) as Drafts[S];
    default:
      throw new Error(`Unknown section ${String(section)}`);
  }
}

/* ------------------------------------------------------------------ draft -> item */

const optional = (key: string, value: string) => (value.trim() ? { [key]: value.trim() } : {});

/**
 * The profile@1 item for a draft, as the server expects it in POST / PUT /api/me/record/:section.
 * `before` is the stored item being edited: fields the editor does not show are kept from it.
 */
export function itemOf<S extends EditedSection>(
  section: S,
  draft: Drafts[S],
  before?: SectionItem,
): Record<string, unknown> {
  const old = (before ?? {}) as Record<string, unknown>;
  switch (section) {
    case 'education': {
      const item = (
        toProfile({ ...emptyDraft, education: [draft as DegreeDraft] }).education as unknown[]
      )[0];
      return { ...keptOf(old, ['level', 'field', 'completed']), ...(item as Record<string, unknown>) };
    }
    case 'positions': {
      // The job draft keeps what its form does not show (e.g. `role`) itself.
      return (
        toProfile({ ...emptyDraft, positions: [draft as JobDraft] }).positions as unknown[]
      )[0] as Record<string, unknown>;
    }
    case 'credentials': {
      const d = draft as CredentialDraft;
      return {
        ...keptOf(old, ['id', 'earned', 'expires', 'status']),
        id: d.id,
        ...optional('earned', d.earned),
        ...optional('expires', d.expires),
        status: d.status,
      };
    }
    case 'ce':
      return ceItemOf(draft as CeDraft, old);
    case 'memberships': {
      const d = draft as MembershipDraft;
      return {
        ...keptOf(old, ['id', 'since', 'until', 'type']),
        id: d.id,
        ...optional('since', d.since),
        ...optional('until', d.until),
        type: d.type || 'member',
      };
    }
    case 'projects':
      return projectItemOf(draft as ProjectDraft, old);
    case 'volunteering':
      return volunteeringItemOf(draft as VolunteeringDraft, old);
    default:
      throw new Error(`Unknown section ${String(section)}`);
  }
}

/* ------------------------------------------------------------------ problems seen before sending */

/**
 * Problems the editor can see before sending, by field key. Only those the server cannot notice
 * or that the quick check already names: a past job without an end month would be stored as a
 * current job.
 */
export function draftProblemsOf<S extends EditedSection>(
  section: S,
  draft: Drafts[S],
): Record<string, string> {
  if (section !== 'positions' && section !== 'education') return {};
  const problems = draftProblems({
    ...emptyDraft,
    ...(section === 'positions' ? { positions: [draft as JobDraft] } : { education: [draft as DegreeDraft] }),
  });
  const prefix = `${section}.0.`;
  return Object.fromEntries(
    problems.filter((p) => p.field.startsWith(prefix)).map((p) => [p.field.slice(prefix.length), p.message]),
  );
}

/* ------------------------------------------------------------------ summaries */

/** Names of catalog ids, for summaries (each falls back to the id). */
export interface RecordLabels {
  kind: (id: string) => string;
  ceCategory: (id: string) => string;
  unit: (id: string) => string;
  organization: (id: string) => string;
  membershipType: (id: string) => string;
  credential: (id: string) => string;
  /** A catalog role's title. */
  role: (id: string) => string;
}

export const idLabels: RecordLabels = {
  kind: (id) => id,
  ceCategory: (id) => id,
  unit: (id) => id,
  organization: (id) => id,
  membershipType: (id) => id,
  credential: (id) => id,
  role: (id) => id,
};

export interface ItemSummary {
  /** The item's name: a job title, a degree, a credential... */
  title: string;
  /** Further facts, each a short phrase. */
  details: string[];
  /** Labels shown as tags (a job's experience kinds). */
  tags: string[];
}

const levelNames: Record<string, string> = {
  high_school: 'High school',
  associate: "Associate's degree",
  bachelor: "Bachelor's degree",
  master: "Master's degree",
  doctorate: 'Doctorate',
};

function fteText(fte: unknown): string {
  return typeof fte === 'number' && fte < 1 ? `${numberText(fte)} of full time` : 'Full time';
}

/** One line about an item, as "My record" lists it. */
export function summaryOf(section: EditedSection, item: SectionItem, labels: RecordLabels): ItemSummary {
  const d = item as unknown as Record<string, unknown>;
  const date = (v: unknown) => profileDateText(str(v));
  switch (section) {
    case 'education':
      return {
        title: `${levelNames[str(d.level)] ?? str(d.level)}${d.field ? `, ${str(d.field)}` : ''}`,
        details: [d.completed ? `Completed ${date(d.completed)}` : 'Not completed yet'],
        tags: [],
      };
    case 'positions':
      return {
        title: str(d.title),
        details: [
          ...(d.role ? [`Role: ${labels.role(str(d.role))}`] : []),
          `${date(d.start)} – ${d.end ? date(d.end) : 'now'}`,
          fteText(d.fte),
        ],
        tags: (Array.isArray(d.kinds) ? (d.kinds as string[]) : []).map(labels.kind),
      };
    case 'credentials':
      return {
        title: labels.credential(str(d.id)),
        details: [
          ...(d.earned ? [`Earned ${date(d.earned)}`] : []),
          ...(d.expires ? [`Expires ${date(d.expires)}`] : []),
          ...(d.status && d.status !== 'active' ? [d.status === 'lapsed' ? 'Lapsed' : 'Restricted'] : []),
        ],
        tags: [],
      };
    case 'ce': {
      const credits = Array.isArray(d.credits) ? (d.credits as Array<Record<string, unknown>>) : [];
      return {
        title: str(d.title) || str(d.provider) || 'Continuing education',
        details: [
          date(d.date),
          hoursText(typeof d.hours === 'number' ? d.hours : 0),
          ...(d.title && d.provider ? [str(d.provider)] : []),
          ...(d.category ? [labels.ceCategory(str(d.category))] : []),
          ...credits.map(
            (c) =>
              `${numberText(typeof c.amount === 'number' ? c.amount : 0)} × ${labels.unit(str(c.unit))}${
                c.category ? ` (${labels.ceCategory(str(c.category))})` : ''
              }`,
          ),
        ],
        tags: [],
      };
    }
    case 'memberships':
      return {
        title: labels.organization(str(d.id)),
        details: [
          ...(d.since ? [`Since ${date(d.since)}${d.until ? ` until ${date(d.until)}` : ''}`] : []),
          ...(!d.since && d.until ? [`Until ${date(d.until)}`] : []),
          labels.membershipType(str(d.type) || 'member'),
        ],
        tags: [],
      };
    case 'projects':
      return {
        title: str(d.title),
        details: [
          projectKindOptions.find((o) => o.value === d.kind)?.label ?? str(d.kind),
          d.role === 'lead' ? 'Led' : 'Team member',
          d.completed ? `Completed ${date(d.completed)}` : 'Not completed yet',
        ],
        tags: [],
      };
    case 'volunteering':
      return {
        title:
          str(d.title) || (d.kind === 'community' ? 'Community volunteering' : 'Healthcare volunteering'),
        details: [date(d.date), d.kind === 'community' ? 'In the community' : 'In healthcare'],
        tags: [],
      };
    default:
      return { title: String(section), details: [], tags: [] };
  }
}
