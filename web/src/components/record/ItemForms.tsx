/**
 * The editor of one item of each section of "My record". Degrees and jobs are the quick check's
 * own fields (the same plain-language questions decide what a job counts as); the other sections
 * have their fields here. Every input gets its id and its error from the field's key, so that a
 * problem the server names (`credits[0].amount`) shows on its field.
 */
import { NumberInput, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import type { Vocabulary } from '../../api/types';
import { RepeatableList } from '../common/RepeatableList';
import { DegreeFields, descriptionBelow, JobFields } from '../quickcheck/ItemFields';
import {
  credentialStatusOptions,
  newCredit,
  projectKindOptions,
  projectRoleOptions,
  volunteeringKindOptions,
  type CeDraft,
  type CredentialDraft,
  type CreditDraft,
  type Drafts,
  type EditedSection,
  type MembershipDraft,
  type ProjectDraft,
  type VolunteeringDraft,
} from './recordDrafts';

/** What the editors choose from: the catalog's vocabulary and the credentials a person can hold. */
export interface FormContext {
  vocabulary: Vocabulary | undefined;
  /** Certifications and other credentials: { value: id, label }. */
  credentialOptions: Array<{ value: string; label: string }>;
  /** The role catalog, for a job's role box. */
  roles?: ReadonlyArray<{ id: string; title: string }>;
}

export interface ItemFormProps<D> {
  draft: D;
  onChange: (update: (draft: D) => D) => void;
  /** The props tying an input to its field key: its id and its error message. */
  field: (key: string) => { id: string; error: string | undefined };
  ctx: FormContext;
}

/** How each editor names its fields, for the list of problems above the form. */
export const fieldLabels: Record<EditedSection, Record<string, string>> = {
  education: { level: 'Level', field: 'Field of study', completed: 'Completed (month)' },
  positions: {
    title: 'Job title',
    fte: 'Share of full time (FTE)',
    start: 'Started (month)',
    end: 'Ended (month)',
    kinds: 'About this job',
    role: 'Role',
  },
  credentials: { id: 'Credential', earned: 'Earned on', expires: 'Expires on', status: 'Status' },
  ce: {
    date: 'Date',
    hours: 'Hours',
    provider: 'Provider',
    title: 'Title',
    category: 'Category',
    credits: 'Credit',
    unit: 'Credit unit',
    amount: 'Amount',
  },
  memberships: {
    id: 'Organization',
    since: 'Member since',
    until: 'Member until',
    type: 'Type of membership',
  },
  projects: { title: 'Project title', completed: 'Completed', kind: 'Kind of project', role: 'Your role' },
  volunteering: { kind: 'Where', date: 'Date', title: 'What you did' },
};

const DAY_OR_MONTH = 'A day (YYYY-MM-DD) or a month (YYYY-MM)';

/**
 * A profile date: a date picker for a day, or a text box while the stored value is a month alone
 * (a month from an imported file stays a month until the person changes it).
 */
function DateInput({
  label,
  value,
  onChange,
  required,
  description,
  field,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  required?: boolean;
  description?: string;
  field: { id: string; error: string | undefined };
}) {
  const [asText] = useState(() => /^\d{4}-\d{2}$/.test(value));
  return (
    <TextInput
      type={asText ? 'text' : 'date'}
      label={label}
      description={asText ? (description ? `${description}. ${DAY_OR_MONTH}` : DAY_OR_MONTH) : description}
      inputWrapperOrder={descriptionBelow}
      placeholder={asText ? 'YYYY-MM' : 'YYYY-MM-DD'}
      required={required}
      value={value}
      {...field}
      onChange={(e) => onChange(e.currentTarget.value)}
    />
  );
}

function text(onChange: (value: string) => void) {
  return (e: React.ChangeEvent<HTMLInputElement>) => onChange(e.currentTarget.value);
}

export function DegreeForm({ draft, onChange, field }: ItemFormProps<Drafts['education']>) {
  return <DegreeFields degree={draft} onChange={onChange} field={field} />;
}

export function JobForm({ draft, onChange, field, ctx }: ItemFormProps<Drafts['positions']>) {
  return (
    <JobFields job={draft} onChange={onChange} field={field} vocabulary={ctx.vocabulary} roles={ctx.roles} />
  );
}

export function CredentialForm({ draft, onChange, field, ctx }: ItemFormProps<CredentialDraft>) {
  const set = (patch: Partial<CredentialDraft>) => onChange((d) => ({ ...d, ...patch }));
  // A credential id the catalog does not list (from an imported file) is still shown.
  const options =
    draft.id && !ctx.credentialOptions.some((o) => o.value === draft.id)
      ? [...ctx.credentialOptions, { value: draft.id, label: draft.id }]
      : ctx.credentialOptions;
  return (
    <Stack gap="sm">
      <Select
        label="Credential"
        description="A certification or a licence you hold"
        inputWrapperOrder={descriptionBelow}
        data={options}
        value={draft.id || null}
        searchable
        required
        nothingFoundMessage="No credential by that name"
        {...field('id')}
        onChange={(v) => set({ id: v ?? '' })}
      />
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
        <DateInput
          label="Earned on"
          value={draft.earned}
          field={field('earned')}
          onChange={(earned) => set({ earned })}
        />
        <DateInput
          label="Expires on"
          description="As printed on your certificate"
          value={draft.expires}
          field={field('expires')}
          onChange={(expires) => set({ expires })}
        />
        <Select
          label="Status"
          data={credentialStatusOptions}
          value={draft.status}
          allowDeselect={false}
          {...field('status')}
          onChange={(v) => set({ status: (v as CredentialDraft['status'] | null) ?? 'active' })}
        />
      </SimpleGrid>
      <Text size="sm" c="dimmed">
        Renewal deadlines come from the expiry date, or from the date you earned it when there is no expiry
        date.
      </Text>
    </Stack>
  );
}

/** CE categories grouped by the body that defines them; general ones first. */
function categoryOptions(vocabulary: Vocabulary | undefined) {
  const categories = vocabulary?.ceCategories ?? [];
  const orgs = new Map((vocabulary?.organizations ?? []).map((o) => [o.id, o.acronym]));
  const general = categories.filter((c) => !c.organization);
  const byOrg = new Map<string, Array<{ value: string; label: string }>>();
  for (const c of categories) {
    if (!c.organization) continue;
    const group = orgs.get(c.organization) ?? c.organization;
    byOrg.set(group, [...(byOrg.get(group) ?? []), { value: c.id, label: c.label }]);
  }
  return [
    { group: 'General', items: general.map((c) => ({ value: c.id, label: c.label })) },
    ...[...byOrg.entries()].map(([group, items]) => ({ group, items })),
  ];
}

/**
 * How the body behind a CE category counts: for each of its credit units, the conversion from
 * contact hours when the catalog knows it (with the converted amount), or null when it does not
 * (then the person is asked for the credits awarded, with the unit's rule beside the box).
 */
export function unitsForCategory(vocabulary: Vocabulary | undefined, category: string) {
  const org = vocabulary?.ceCategories.find((c) => c.id === category)?.organization;
  if (!org) return [];
  return (vocabulary?.creditUnits ?? [])
    .filter((u) => u.organization === org)
    .map((u) => ({ unit: u, perContactHour: u.contactHoursPerUnit ? 1 / u.contactHoursPerUnit : null }));
}

export function CeForm({ draft, onChange, field, ctx }: ItemFormProps<CeDraft>) {
  const set = (patch: Partial<CeDraft>) => onChange((d) => ({ ...d, ...patch }));
  const hours = typeof draft.hours === 'number' ? draft.hours : Number(draft.hours);
  const bodyUnits = unitsForCategory(ctx.vocabulary, draft.category);
  /** Sets the credits in `unit` (this category), adding the entry or changing its amount. */
  const setUnitAmount = (unit: string, amount: number | string) =>
    onChange((d) => {
      const at = d.credits.findIndex((c) => c.unit === unit);
      const credit = { unit, amount, category: d.category };
      return {
        ...d,
        credits: at < 0 ? [...d.credits, credit] : d.credits.map((c, i) => (i === at ? { ...c, amount } : c)),
      };
    });
  const setCredit = (index: number, patch: Partial<CreditDraft>) =>
    onChange((d) => ({ ...d, credits: d.credits.map((c, i) => (i === index ? { ...c, ...patch } : c)) }));
  const categories = categoryOptions(ctx.vocabulary);
  const units = (ctx.vocabulary?.creditUnits ?? []).map((u) => ({ value: u.id, label: u.label }));
  return (
    <Stack gap="sm">
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <DateInput
          label="Date"
          required
          value={draft.date}
          field={field('date')}
          onChange={(date) => set({ date })}
        />
        <NumberInput
          label="Hours"
          description="Contact hours (60 minutes each)"
          inputWrapperOrder={descriptionBelow}
          required
          min={0}
          max={2000}
          step={0.5}
          decimalScale={2}
          value={draft.hours}
          {...field('hours')}
          onChange={(hours) => set({ hours })}
        />
        <TextInput
          label="Title"
          placeholder="e.g. Congress on Healthcare Leadership"
          maxLength={300}
          value={draft.title}
          {...field('title')}
          onChange={text((title) => set({ title }))}
        />
        <TextInput
          label="Provider"
          placeholder="e.g. ACHE"
          maxLength={300}
          value={draft.provider}
          {...field('provider')}
          onChange={text((provider) => set({ provider }))}
        />
      </SimpleGrid>
      <Select
        label="Category"
        description="The kind of education, as the body that renews your credential names it"
        inputWrapperOrder={descriptionBelow}
        data={categories}
        value={draft.category || null}
        searchable
        clearable
        clearButtonProps={{ 'aria-label': 'Clear category' }}
        nothingFoundMessage="No category by that name"
        {...field('category')}
        onChange={(v) => set({ category: v ?? '' })}
      />
      {bodyUnits.map(({ unit, perContactHour }) =>
        perContactHour !== null ? (
          <Text key={unit.id} size="sm" data-testid="converted-credits">
            {Number.isFinite(hours) && hours > 0
              ? `Counts as ${Math.round(hours * perContactHour * 100) / 100} ${unit.label}${hours * perContactHour === 1 ? '' : 's'}`
              : `Counted in ${unit.label}s`}
            {unit.description ? `: ${unit.description}` : '.'}
          </Text>
        ) : (
          <NumberInput
            key={unit.id}
            label={`${unit.label[0]!.toUpperCase()}${unit.label.slice(1)}s awarded`}
            description={
              unit.description ??
              `The catalog does not know how many ${unit.label}s an hour gives: enter the credits on your certificate, as the issuing body counts them.`
            }
            inputWrapperOrder={descriptionBelow}
            min={0}
            max={2000}
            step={0.5}
            decimalScale={2}
            value={draft.credits.find((c) => c.unit === unit.id)?.amount ?? ''}
            {...field(
              `credits.${Math.max(
                0,
                draft.credits.findIndex((c) => c.unit === unit.id),
              )}.amount`,
            )}
            id={`${field('category').id}-${unit.id}`}
            onChange={(amount) => setUnitAmount(unit.id, amount)}
          />
        ),
      )}
      <div>
        <Text size="sm" fw={500}>
          Credits awarded (optional)
        </Text>
        <Text size="sm" c="dimmed" mb="xs">
          When a body awarded credits in its own unit (for example PMI PDUs or NAHQ CE credits), add them:
          units are never converted by guess.
        </Text>
        <RepeatableList
          title="Credits awarded"
          itemName="Credit"
          itemTestId="credit"
          items={draft.credits}
          emptyText="No credits added: the hours count where a body counts contact hours."
          addLabel="Add credits"
          onAdd={() => set({ credits: [...draft.credits, newCredit()] })}
          onRemove={(index) => set({ credits: draft.credits.filter((_, i) => i !== index) })}
          renderItem={(c, i) => (
            <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
              <Select
                label="Credit unit"
                data={units}
                value={c.unit || null}
                searchable
                required
                {...field(`credits.${i}.unit`)}
                onChange={(v) => setCredit(i, { unit: v ?? '' })}
              />
              <NumberInput
                label="Amount"
                min={0}
                max={2000}
                step={0.5}
                decimalScale={2}
                required
                value={c.amount}
                {...field(`credits.${i}.amount`)}
                onChange={(amount) => setCredit(i, { amount })}
              />
              <Select
                label="Category of these credits"
                data={categories}
                value={c.category || null}
                searchable
                clearable
                clearButtonProps={{ 'aria-label': `Clear the category of credit ${i + 1}` }}
                {...field(`credits.${i}.category`)}
                onChange={(v) => setCredit(i, { category: v ?? '' })}
              />
            </SimpleGrid>
          )}
        />
      </div>
    </Stack>
  );
}

export function MembershipForm({ draft, onChange, field, ctx }: ItemFormProps<MembershipDraft>) {
  const set = (patch: Partial<MembershipDraft>) => onChange((d) => ({ ...d, ...patch }));
  const organizations = (ctx.vocabulary?.organizations ?? []).map((o) => ({
    value: o.id,
    label: `${o.acronym} — ${o.label}`,
  }));
  if (draft.id && !organizations.some((o) => o.value === draft.id))
    organizations.push({ value: draft.id, label: draft.id });
  const types = (ctx.vocabulary?.membershipTypes ?? []).map((t) => ({ value: t.id, label: t.label }));
  if (draft.type && !types.some((t) => t.value === draft.type))
    types.push({ value: draft.type, label: draft.type });
  return (
    <Stack gap="sm">
      <Select
        label="Organization"
        data={organizations}
        value={draft.id || null}
        searchable
        required
        nothingFoundMessage="No organization by that name"
        {...field('id')}
        onChange={(v) => set({ id: v ?? '' })}
      />
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
        <DateInput
          label="Member since"
          value={draft.since}
          field={field('since')}
          onChange={(since) => set({ since })}
        />
        <DateInput
          label="Member until"
          description="Leave empty while a member"
          value={draft.until}
          field={field('until')}
          onChange={(until) => set({ until })}
        />
        <Select
          label="Type of membership"
          data={types}
          value={draft.type || null}
          allowDeselect={false}
          {...field('type')}
          onChange={(v) => set({ type: v ?? 'member' })}
        />
      </SimpleGrid>
    </Stack>
  );
}

export function ProjectForm({ draft, onChange, field }: ItemFormProps<ProjectDraft>) {
  const set = (patch: Partial<ProjectDraft>) => onChange((d) => ({ ...d, ...patch }));
  return (
    <Stack gap="sm">
      <TextInput
        label="Project title"
        placeholder="e.g. Reduce ED boarding time"
        required
        maxLength={300}
        value={draft.title}
        {...field('title')}
        onChange={text((title) => set({ title }))}
      />
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
        <Select
          label="Kind of project"
          data={projectKindOptions}
          value={draft.kind}
          allowDeselect={false}
          {...field('kind')}
          onChange={(v) => set({ kind: (v as ProjectDraft['kind'] | null) ?? 'project' })}
        />
        <Select
          label="Your role"
          data={projectRoleOptions}
          value={draft.role}
          allowDeselect={false}
          {...field('role')}
          onChange={(v) => set({ role: v === 'lead' ? 'lead' : 'member' })}
        />
        <DateInput
          label="Completed"
          description="Leave empty while it runs"
          value={draft.completed}
          field={field('completed')}
          onChange={(completed) => set({ completed })}
        />
      </SimpleGrid>
    </Stack>
  );
}

export function VolunteeringForm({ draft, onChange, field }: ItemFormProps<VolunteeringDraft>) {
  const set = (patch: Partial<VolunteeringDraft>) => onChange((d) => ({ ...d, ...patch }));
  return (
    <Stack gap="sm">
      <TextInput
        label="What you did"
        placeholder="e.g. Board member, community free clinic"
        maxLength={300}
        value={draft.title}
        {...field('title')}
        onChange={text((title) => set({ title }))}
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <Select
          label="Where"
          data={volunteeringKindOptions}
          value={draft.kind}
          allowDeselect={false}
          {...field('kind')}
          onChange={(v) => set({ kind: v === 'community' ? 'community' : 'healthcare' })}
        />
        <DateInput
          label="Date"
          required
          value={draft.date}
          field={field('date')}
          onChange={(date) => set({ date })}
        />
      </SimpleGrid>
    </Stack>
  );
}

/** The editor of each section. */
export const itemForms: { [S in EditedSection]: (props: ItemFormProps<Drafts[S]>) => React.ReactNode } = {
  education: DegreeForm,
  positions: JobForm,
  credentials: CredentialForm,
  ce: CeForm,
  memberships: MembershipForm,
  projects: ProjectForm,
  volunteering: VolunteeringForm,
};
