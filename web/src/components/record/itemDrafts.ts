/**
 * Drafts of the items that "My record" and the quick check both edit with the same fields
 * (continuing education, projects, volunteering), with their mapping to and from profile@1 items.
 * Fields an editor does not show are kept from the item it started from and written back
 * unchanged. Degrees and jobs have their drafts in ../quickcheck/profileMapping.ts.
 */

export interface CredentialDraft {
  id: string;
  earned: string;
  expires: string;
  status: 'active' | 'restricted' | 'lapsed';
}

export interface CreditDraft {
  unit: string;
  amount: number | string;
  category: string;
}

export interface CeDraft {
  date: string;
  hours: number | string;
  provider: string;
  title: string;
  category: string;
  credits: CreditDraft[];
}

export interface MembershipDraft {
  id: string;
  since: string;
  until: string;
  type: string;
}

export type ProjectKind = 'six_sigma' | 'project' | 'quality_improvement';
export interface ProjectDraft {
  title: string;
  completed: string;
  kind: ProjectKind;
  role: 'lead' | 'member';
}

export interface VolunteeringDraft {
  kind: 'healthcare' | 'community';
  date: string;
  title: string;
}

export const projectKindOptions: Array<{ value: ProjectKind; label: string }> = [
  { value: 'quality_improvement', label: 'Quality improvement' },
  { value: 'six_sigma', label: 'Lean / Six Sigma' },
  { value: 'project', label: 'Other project' },
];
export const projectRoleOptions = [
  { value: 'lead', label: 'I led it' },
  { value: 'member', label: 'I was a team member' },
];
export const volunteeringKindOptions = [
  { value: 'healthcare', label: 'In healthcare' },
  { value: 'community', label: 'In the community' },
];
export const credentialStatusOptions = [
  { value: 'active', label: 'Active' },
  { value: 'restricted', label: 'Restricted' },
  { value: 'lapsed', label: 'Lapsed' },
];

export const blankCe = (): CeDraft => ({
  date: '',
  hours: '',
  provider: '',
  title: '',
  category: '',
  credits: [],
});
export const blankProject = (): ProjectDraft => ({
  title: '',
  completed: '',
  kind: 'quality_improvement',
  role: 'lead',
});
export const blankVolunteering = (): VolunteeringDraft => ({ kind: 'healthcare', date: '', title: '' });
export const newCredit = (): CreditDraft => ({ unit: '', amount: '', category: '' });

/* ------------------------------------------------------------------ item -> draft */

const str = (v: unknown) => (typeof v === 'string' ? v : '');
const num = (v: unknown): number | string => (typeof v === 'number' ? v : '');

/** The fields of `item` other than `shown`, to write back unchanged. */
export function keptOf(item: Record<string, unknown>, shown: readonly string[]): Record<string, unknown> {
  return Object.fromEntries(Object.entries(item).filter(([k]) => !shown.includes(k)));
}

export const ceFields = ['date', 'hours', 'provider', 'title', 'category', 'credits'] as const;
export const projectFields = ['title', 'completed', 'kind', 'role'] as const;
export const volunteeringFields = ['kind', 'date', 'title'] as const;

export function ceDraftOf(data: Record<string, unknown>): CeDraft {
  return {
    date: str(data.date),
    hours: num(data.hours),
    provider: str(data.provider),
    title: str(data.title),
    category: str(data.category),
    credits: (Array.isArray(data.credits) ? (data.credits as Array<Record<string, unknown>>) : []).map(
      (c) => ({
        unit: str(c.unit),
        amount: num(c.amount),
        category: str(c.category),
      }),
    ),
  };
}

export function projectDraftOf(data: Record<string, unknown>): ProjectDraft {
  return {
    title: str(data.title),
    completed: str(data.completed),
    kind: (projectKindOptions.find((o) => o.value === data.kind)?.value ?? 'project') as ProjectKind,
    role: data.role === 'lead' ? 'lead' : 'member',
  };
}

export function volunteeringDraftOf(data: Record<string, unknown>): VolunteeringDraft {
  return {
    kind: data.kind === 'community' ? 'community' : 'healthcare',
    date: str(data.date),
    title: str(data.title),
  };
}

/* ------------------------------------------------------------------ draft -> item */

const optional = (key: string, value: string) => (value.trim() ? { [key]: value.trim() } : {});
/** A number typed in a box; text that is not a number is sent as it is, for the server to name. */
export const numberOf = (value: number | string): number | string | undefined => {
  if (typeof value === 'number') return value;
  if (value.trim() === '') return undefined;
  const n = Number(value);
  return Number.isFinite(n) ? n : value;
};
const optionalNumber = (key: string, value: number | string) => {
  const n = numberOf(value);
  return n === undefined ? {} : { [key]: n };
};

/** The profile@1 CE item; `old` is the item being edited (its other fields are kept). */
export function ceItemOf(d: CeDraft, old: Record<string, unknown> = {}): Record<string, unknown> {
  const credits = d.credits.map((c) => ({
    unit: c.unit,
    ...optionalNumber('amount', c.amount),
    ...optional('category', c.category),
  }));
  return {
    ...keptOf(old, ceFields),
    date: d.date.trim(),
    ...optionalNumber('hours', d.hours),
    ...optional('provider', d.provider),
    ...optional('title', d.title),
    ...optional('category', d.category),
    ...(credits.length ? { credits } : {}),
  };
}

export function projectItemOf(d: ProjectDraft, old: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    ...keptOf(old, projectFields),
    title: d.title.trim(),
    ...optional('completed', d.completed),
    kind: d.kind,
    role: d.role,
  };
}

export function volunteeringItemOf(
  d: VolunteeringDraft,
  old: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    ...keptOf(old, volunteeringFields),
    kind: d.kind,
    date: d.date.trim(),
    ...optional('title', d.title),
  };
}
