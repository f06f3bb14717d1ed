import {
  Anchor,
  Badge,
  Checkbox,
  Group,
  MultiSelect,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import type { Vocabulary } from '../../api/types';
import { RepeatableList } from '../common/RepeatableList';
import { blankCe, blankProject, blankVolunteering } from '../record/itemDrafts';
import { CeForm, ProjectForm, VolunteeringForm, type FormContext } from '../record/ItemForms';
import { DegreeFields, descriptionBelow, JobFields } from './ItemFields';
import {
  credentialsFor,
  newDegree,
  newJob,
  newMembership,
  newOtherCredential,
  unansweredSections,
  updateMembership,
  updateOtherCredential,
  type AskedSection,
  type ProfileDraft,
} from './profileMapping';

/** For each statement a person may confirm: the certifications that ask for it, with the issuer's page. */
export type AttestationUse = Record<
  string,
  Array<{ certification: string; acronym: string; issuer: string; url: string }>
>;

interface Props {
  draft: ProfileDraft;
  onChange: (draft: ProfileDraft) => void;
  vocabulary: Vocabulary | undefined;
  /** { value: id, label } for every credential a person can hold. */
  credentialOptions: Array<{ value: string; label: string }>;
  /** The role catalog (GET /api/roles), for each job's role. */
  roles?: ReadonlyArray<{ id: string; title: string }>;
  attestationUse?: AttestationUse;
  /** Messages to show on fields, by field path (`positions.0.end`). */
  errors: Record<string, string>;
}

const noneLabels: Record<AskedSection, string> = {
  memberships: 'I am not a member of any of these',
  ce: 'I have no continuing education to add',
  volunteering: 'I have no volunteer work to add',
  projects: 'I have no projects to add',
  attestations: 'None of these is true for me',
};

/** The id of the heading of each section the form may not have asked yet. */
export const askedSectionIds: Record<AskedSection, string> = {
  memberships: 'qc-memberships',
  ce: 'qc-ce',
  volunteering: 'qc-volunteering',
  projects: 'qc-projects',
  attestations: 'qc-attestations',
};

/** The id of a field's input, from its path: `positions.0.end` -> `qc-positions-0-end`. */
export function fieldId(field: string): string {
  return `qc-${field.replaceAll('.', '-')}`;
}

function Section({
  id,
  title,
  hint,
  children,
  unanswered,
}: {
  id: string;
  title: string;
  hint: string;
  children: React.ReactNode;
  /** Shows "Not answered yet" beside the title. */
  unanswered?: boolean;
}) {
  return (
    <Paper withBorder p={{ base: 'sm', sm: 'md' }} component="section" aria-labelledby={id}>
      <Stack gap="sm">
        <div>
          <Group gap="xs" wrap="wrap">
            <Title order={2} fz="h3" id={id}>
              {title}
            </Title>
            {unanswered && (
              <Badge variant="light" color="gray" tt="none" c="var(--mantine-color-text)">
                Not answered yet
              </Badge>
            )}
          </Group>
          <Text size="sm" c="dimmed">
            {hint}
          </Text>
        </div>
        {children}
      </Stack>
    </Paper>
  );
}

type ListKey =
  'education' | 'positions' | 'memberships' | 'otherCredentials' | 'ce' | 'projects' | 'volunteering';
type ItemOf<K extends ListKey> = NonNullable<ProfileDraft[K]>[number];

/** The guided form: degrees, jobs, credentials and licences, memberships, CE, volunteering, projects, statements. */
export function ProfileForm({
  draft,
  onChange,
  vocabulary,
  credentialOptions,
  roles,
  attestationUse,
  errors,
}: Props) {
  const set = <K extends keyof ProfileDraft>(key: K, value: ProfileDraft[K]) => {
    const next: ProfileDraft = { ...draft, [key]: value };
    // The optional lists are absent rather than empty (see ProfileDraft).
    if (
      Array.isArray(value) &&
      value.length === 0 &&
      !['education', 'positions', 'credentials', 'memberships'].includes(key)
    )
      delete next[key];
    onChange(next);
  };
  const list = <K extends ListKey>(key: K) => (draft[key] ?? []) as Array<ItemOf<K>>;
  const replace = <K extends ListKey>(key: K, index: number, update: (item: ItemOf<K>) => ItemOf<K>) =>
    set(key, list(key).map((item, i) => (i === index ? update(item) : item)) as ProfileDraft[K]);
  const removeAt = <K extends ListKey>(key: K, index: number) =>
    set(key, list(key).filter((_, i) => i !== index) as ProfileDraft[K]);
  const add = <K extends ListKey>(key: K, item: ItemOf<K>) =>
    set(key, [...list(key), item] as ProfileDraft[K]);
  const unanswered = new Set(unansweredSections(draft));
  const none = (section: AskedSection) => (
    <Checkbox
      label={noneLabels[section]}
      checked={(draft.none ?? []).includes(section)}
      onChange={(e) => {
        const checked = e.currentTarget.checked;
        const rest = (draft.none ?? []).filter((s) => s !== section);
        set('none', checked ? [...rest, section] : rest.length ? rest : undefined);
      }}
    />
  );
  const ctx: FormContext = { vocabulary, credentialOptions: [] };
  const licenceIds = new Set(
    (vocabulary?.credentials ?? []).filter((c) => c.kind === 'license').map((c) => c.id),
  );
  const licenceOptions = credentialOptions.filter((o) => licenceIds.has(o.value));
  const otherOptions = credentialOptions.filter((o) => !licenceIds.has(o.value));
  const heldIds = draft.credentials.map((c) => c.id);
  const heldLicences = heldIds.filter((id) => licenceIds.has(id));
  const heldOthers = heldIds.filter((id) => !licenceIds.has(id));
  const organizationLabel = new Map((vocabulary?.organizations ?? []).map((o) => [o.id, o.acronym]));
  const membershipTypes = (vocabulary?.membershipTypes ?? []).map((t) => ({ value: t.id, label: t.label }));
  /** The props that tie an input to its field path: id (to focus it) and error message. */
  const field = (path: string) => ({ id: fieldId(path), error: errors[path] });

  const organizationOptions = (vocabulary?.organizations ?? []).map((o) => ({
    value: o.id,
    // The acronym first: a long name is cut short in the box at phone width.
    label: `${o.acronym} — ${o.label}`,
  }));

  return (
    <Stack gap="md">
      <Section id="qc-degrees" title="1. Degrees" hint="Every degree you hold or are finishing.">
        <RepeatableList
          title="Degrees"
          itemName="Degree"
          itemTestId="degree"
          items={draft.education}
          emptyText="No degrees added."
          addLabel="Add a degree"
          onAdd={() => add('education', newDegree())}
          onRemove={(i) => removeAt('education', i)}
          renderItem={(d, i) => (
            <DegreeFields
              degree={d}
              onChange={(update) => replace('education', i, update)}
              field={(name) => field(`education.${i}.${name}`)}
            />
          )}
        />
      </Section>

      <Section
        id="qc-jobs"
        title="2. Jobs"
        hint="Your jobs, current and past. Answer the questions for each one."
      >
        <RepeatableList
          title="Jobs"
          itemName="Job"
          itemTestId="job"
          items={draft.positions}
          emptyText="No jobs added."
          addLabel="Add a job"
          onAdd={() => add('positions', newJob())}
          onRemove={(i) => removeAt('positions', i)}
          renderItem={(p, i) => (
            <JobFields
              job={p}
              onChange={(update) => replace('positions', i, update)}
              field={(name) => field(`positions.${i}.${name}`)}
              vocabulary={vocabulary}
              roles={roles}
            />
          )}
        />
      </Section>

      <Section
        id="qc-credentials"
        title="3. Credentials held"
        hint="Licences and certifications you hold now, and any other credential."
      >
        <MultiSelect
          label="Licences"
          description="Professional licences (registered nurse, physician, pharmacist, ...)"
          inputWrapperOrder={descriptionBelow}
          placeholder={heldLicences.length ? undefined : 'None'}
          data={licenceOptions}
          value={heldLicences}
          onChange={(ids) => set('credentials', credentialsFor([...ids, ...heldOthers], draft.credentials))}
          searchable
          clearable
          clearButtonProps={{ 'aria-label': 'Clear licences' }}
          nothingFoundMessage="No licence by that name: add it below as another credential"
        />
        <MultiSelect
          label="Credentials"
          description="Certifications and other credentials the catalog knows"
          inputWrapperOrder={descriptionBelow}
          placeholder={heldOthers.length ? undefined : 'None'}
          data={otherOptions}
          value={heldOthers}
          onChange={(ids) => set('credentials', credentialsFor([...heldLicences, ...ids], draft.credentials))}
          searchable
          clearable
          clearButtonProps={{ 'aria-label': 'Clear credentials' }}
          nothingFoundMessage="No credential by that name: add it below as another credential"
        />
        <RepeatableList
          title="Other credentials"
          itemName="Other credential"
          itemTestId="other-credential"
          items={list('otherCredentials')}
          emptyText="A credential not in the lists above? Add it here: it is kept, and the check says it does not count it."
          addLabel="Add another credential"
          onAdd={() => add('otherCredentials', newOtherCredential())}
          onRemove={(i) => removeAt('otherCredentials', i)}
          renderItem={(c, i) => (
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
              <TextInput
                label="Name"
                placeholder="e.g. Certified Professional in Patient Safety"
                required
                maxLength={300}
                value={c.name}
                {...field(`otherCredentials.${i}.name`)}
                onChange={(e) => {
                  const name = e.currentTarget.value;
                  replace('otherCredentials', i, (x) => updateOtherCredential(x, { name }));
                }}
              />
              <TextInput
                label="Issued by"
                placeholder="e.g. a state board"
                maxLength={300}
                value={c.issuer}
                {...field(`otherCredentials.${i}.issuer`)}
                onChange={(e) => {
                  const issuer = e.currentTarget.value;
                  replace('otherCredentials', i, (x) => updateOtherCredential(x, { issuer }));
                }}
              />
              <TextInput
                type="month"
                label="Earned (month)"
                placeholder="YYYY-MM"
                value={c.earned}
                {...field(`otherCredentials.${i}.earned`)}
                onChange={(e) => {
                  const earned = e.currentTarget.value;
                  replace('otherCredentials', i, (x) => updateOtherCredential(x, { earned }));
                }}
              />
              <TextInput
                type="month"
                label="Expires (month)"
                placeholder="YYYY-MM"
                value={c.expires}
                {...field(`otherCredentials.${i}.expires`)}
                onChange={(e) => {
                  const expires = e.currentTarget.value;
                  replace('otherCredentials', i, (x) => updateOtherCredential(x, { expires }));
                }}
              />
            </SimpleGrid>
          )}
        />
      </Section>

      <Section
        id="qc-memberships"
        title="4. Memberships"
        hint="Professional associations you belong to."
        unanswered={unanswered.has('memberships')}
      >
        <RepeatableList
          title="Memberships"
          itemName="Membership"
          itemTestId="membership"
          items={draft.memberships}
          emptyText="No memberships added."
          addLabel="Add a membership"
          onAdd={() => add('memberships', newMembership())}
          onRemove={(i) => removeAt('memberships', i)}
          renderItem={(m, i) => (
            <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
              <Select
                label="Organization"
                data={organizationOptions}
                value={m.id || null}
                searchable
                required
                {...field(`memberships.${i}.id`)}
                onChange={(v) => replace('memberships', i, (x) => updateMembership(x, { id: v ?? '' }))}
              />
              <TextInput
                type="month"
                label="Member since (month)"
                placeholder="YYYY-MM"
                value={m.since}
                {...field(`memberships.${i}.since`)}
                onChange={(e) => {
                  const value = e.currentTarget.value;
                  replace('memberships', i, (x) => updateMembership(x, { since: value }));
                }}
              />
              <Select
                label="Type of membership"
                data={membershipTypes}
                value={m.type ?? 'member'}
                allowDeselect={false}
                {...field(`memberships.${i}.type`)}
                onChange={(v) =>
                  replace('memberships', i, (x) => updateMembership(x, { type: v ?? 'member' }))
                }
              />
            </SimpleGrid>
          )}
        />
        {!draft.memberships.length && none('memberships')}
      </Section>

      <Section
        id="qc-ce"
        title="5. Continuing education"
        hint="Courses, conferences and webinars of the last few years, with the hours and the credits each gave."
        unanswered={unanswered.has('ce')}
      >
        <RepeatableList
          title="Continuing education"
          itemName="Continuing education"
          itemTestId="ce"
          items={list('ce')}
          emptyText="No continuing education added."
          addLabel="Add continuing education"
          onAdd={() => add('ce', blankCe())}
          onRemove={(i) => removeAt('ce', i)}
          renderItem={(c, i) => (
            <CeForm
              draft={c}
              ctx={ctx}
              field={(key) => field(`ce.${i}.${key}`)}
              onChange={(update) => replace('ce', i, (x) => ({ ...x, ...update(x) }))}
            />
          )}
        />
        {!list('ce').length && none('ce')}
      </Section>

      <Section
        id="qc-volunteering"
        title="6. Volunteer work"
        hint="Each volunteer activity, in healthcare or in the community, with its date."
        unanswered={unanswered.has('volunteering')}
      >
        <RepeatableList
          title="Volunteer work"
          itemName="Volunteer activity"
          itemTestId="volunteering"
          items={list('volunteering')}
          emptyText="No volunteer work added."
          addLabel="Add a volunteer activity"
          onAdd={() => add('volunteering', blankVolunteering())}
          onRemove={(i) => removeAt('volunteering', i)}
          renderItem={(v, i) => (
            <VolunteeringForm
              draft={v}
              ctx={ctx}
              field={(key) => field(`volunteering.${i}.${key}`)}
              onChange={(update) => replace('volunteering', i, (x) => ({ ...x, ...update(x) }))}
            />
          )}
        />
        {!list('volunteering').length && none('volunteering')}
      </Section>

      <Section
        id="qc-projects"
        title="7. Projects"
        hint="Quality-improvement, Lean / Six Sigma and other projects you led or took part in."
        unanswered={unanswered.has('projects')}
      >
        <RepeatableList
          title="Projects"
          itemName="Project"
          itemTestId="project"
          items={list('projects')}
          emptyText="No projects added."
          addLabel="Add a project"
          onAdd={() => add('projects', blankProject())}
          onRemove={(i) => removeAt('projects', i)}
          renderItem={(p, i) => (
            <ProjectForm
              draft={p}
              ctx={ctx}
              field={(key) => field(`projects.${i}.${key}`)}
              onChange={(update) => replace('projects', i, (x) => ({ ...x, ...update(x) }))}
            />
          )}
        />
        {!list('projects').length && none('projects')}
      </Section>

      <Section
        id="qc-attestations"
        title="8. What only you can confirm"
        hint="Some certifications ask for things no record shows. Each statement is the issuing body's; tick the ones that are true for you."
        unanswered={unanswered.has('attestations')}
      >
        <Checkbox.Group
          label="Statements"
          value={draft.attestations ?? []}
          onChange={(ids) => set('attestations', ids.length ? ids : undefined)}
        >
          <Stack gap="sm" mt="xs">
            {(vocabulary?.attestations ?? []).map((a) => {
              const uses = attestationUse?.[a.id] ?? [];
              return (
                <Checkbox
                  key={a.id}
                  value={a.id}
                  label={a.statement}
                  description={
                    uses.length > 0 && (
                      <>
                        Asked for{' '}
                        {uses.map((u, k) => (
                          <span key={u.certification}>
                            {k > 0 && ', '}
                            {u.acronym} (
                            <Anchor href={u.url} target="_blank" rel="noreferrer" size="xs" inherit>
                              {organizationLabel.get(u.issuer) ?? u.issuer}'s page on {u.acronym}
                              <VisuallyHidden> (opens in a new tab)</VisuallyHidden>
                            </Anchor>
                            )
                          </span>
                        ))}
                      </>
                    )
                  }
                />
              );
            })}
          </Stack>
        </Checkbox.Group>
        {!(draft.attestations ?? []).length && none('attestations')}
      </Section>
    </Stack>
  );
}
