/** Names of catalog ids for "My record" and the import preview, from the vocabulary and the certification list. */
import type { CertificationSummary, Vocabulary } from '../../api/types';
import type { RecordLabels } from './recordDrafts';

export function recordLabels(
  vocabulary: Vocabulary | undefined,
  certifications: readonly CertificationSummary[] | undefined,
  roles: ReadonlyArray<{ id: string; title: string }> = [],
): RecordLabels {
  const map = (entries: Array<[string, string]>) => {
    const m = new Map(entries);
    return (id: string) => m.get(id) ?? id;
  };
  const credentials = new Map<string, string>([
    ...(vocabulary?.credentials ?? []).map((c): [string, string] => [c.id.toLowerCase(), c.label]),
    ...(certifications ?? []).map((c): [string, string] => [c.id.toLowerCase(), `${c.acronym} — ${c.name}`]),
  ]);
  return {
    kind: map((vocabulary?.experienceKinds ?? []).map((k) => [k.id, k.label])),
    ceCategory: map((vocabulary?.ceCategories ?? []).map((c) => [c.id, c.label])),
    unit: map((vocabulary?.creditUnits ?? []).map((u) => [u.id, u.label])),
    organization: map((vocabulary?.organizations ?? []).map((o) => [o.id, `${o.acronym} — ${o.label}`])),
    membershipType: map((vocabulary?.membershipTypes ?? []).map((t) => [t.id, t.label])),
    credential: (id) => credentials.get(id.toLowerCase()) ?? id,
    role: map(roles.map((r) => [r.id, r.title])),
  };
}

/** Every credential a person can hold, for the credential editor: certifications, then licences and others. */
export function credentialOptions(
  vocabulary: Vocabulary | undefined,
  certifications: readonly CertificationSummary[] | undefined,
): Array<{ value: string; label: string }> {
  return [
    ...(certifications ?? []).map((c) => ({ value: c.id, label: `${c.acronym} — ${c.name}` })),
    ...(vocabulary?.credentials ?? []).map((c) => ({ value: c.id, label: c.label })),
  ];
}
