/**
 * Matching words to roles in the career catalog: the roles a job title most likely names
 * ("Charge Nurse, Medical ICU" → charge-nurse) and the ids closest to a mistyped role id
 * ("nurse-manger" → nurse-manager). Pure; shared by the planner's "which role is your current
 * job?" question, the CLI and the API's "unknown role" errors.
 */

export interface RoleLike {
  id: string;
  title: string;
}

/** Words in job titles that name the same thing as words in role titles (lower case). */
const synonyms: Record<string, string[]> = {
  rn: ['nurse'],
  nursing: ['nurse'],
  nurse: ['nurse'],
  vp: ['vice', 'president'],
  svp: ['vice', 'president'],
  avp: ['vice', 'president'],
  qi: ['quality', 'improvement'],
  it: ['it'],
  informatics: ['informatics', 'it'],
  information: ['information', 'it'],
  technology: ['it'],
  ceo: ['chief', 'executive', 'officer'],
  coo: ['chief', 'operating', 'officer'],
  cfo: ['chief', 'financial', 'officer'],
  cio: ['chief', 'information', 'officer'],
  cno: ['chief', 'nursing', 'nurse', 'officer'],
  cqo: ['chief', 'quality', 'officer'],
  cmio: ['chief', 'medical', 'information', 'officer'],
  cnio: ['chief', 'nursing', 'informatics', 'officer'],
  dir: ['director'],
  mgr: ['manager'],
  supervisor: ['manager'],
  head: ['director'],
  operations: ['operations', 'operating'],
  ops: ['operations'],
  finance: ['finance', 'financial'],
  financial: ['finance', 'financial'],
  analyst: ['analyst'],
  abstractor: ['analyst'],
  specialist: ['specialist'],
  coordinator: ['specialist'],
  lab: ['laboratory'],
  clinic: ['practice'],
  doctor: ['physician'],
  md: ['physician'],
  pt: ['physical', 'therapist'],
  pharmd: ['pharmacist'],
};

/** Words that say little about the role (places, units, seniority). */
const stop = new Set(
  'a an and the of for in at on to with senior sr junior jr lead assistant associate interim acting i ii iii unit department dept hospital medical icu micu sicu ed er or telemetry med surg med-surg care center centre services service clinics clinic family medicine general'.split(
    ' ',
  ),
);
// Words that name a role even though they also appear in place names.
const keep = new Set(['medical', 'care', 'clinic', 'services']);

function words(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .split(' ')
    .filter(Boolean);
}

function expand(list: string[]): Set<string> {
  const out = new Set<string>();
  for (const w of list) {
    out.add(w);
    for (const s of synonyms[w] ?? []) out.add(s);
  }
  return out;
}

/** A role's words: its title's and id's, with synonyms. */
function roleWords(role: RoleLike): Set<string> {
  return expand([...words(role.title), ...words(role.id.replace(/-/g, ' '))]);
}

export interface RoleSuggestion {
  id: string;
  title: string;
  /** 0–1: the share of the role's key words found in the text (1 = every word). */
  score: number;
}

/**
 * The roles a job title most likely names, best first (at most `limit`, only those sharing a
 * word that matters). Scores favour roles whose every title word appears in the job title, so
 * "Charge Nurse, Medical ICU" ranks charge-nurse above staff-nurse and nurse-manager.
 *
 * @example suggestRolesForTitle('Nurse Manager, Med-Surg', roles)[0].id === 'nurse-manager'
 */
export function suggestRolesForTitle(title: string, roles: readonly RoleLike[], limit = 3): RoleSuggestion[] {
  const raw = words(title);
  const text = expand(raw.filter((w) => !stop.has(w) || keep.has(w)));
  if (!text.size) return [];
  const scored: RoleSuggestion[] = [];
  for (const role of roles) {
    const key = [...roleWords(role)].filter((w) => !stop.has(w) || keep.has(w));
    const titleKey = words(role.title).filter((w) => !stop.has(w));
    if (!key.length) continue;
    const hits = key.filter((w) => text.has(w)).length;
    if (!hits) continue;
    // Share of the role title's own words that the job title has, and of the job title's words
    // that the role explains.
    const titleHits = titleKey.filter((w) => text.has(w) || [...expand([w])].some((x) => text.has(x)));
    const roleSet = new Set(key);
    const explained = [...text].filter((w) => roleSet.has(w)).length / text.size;
    const covered = titleKey.length ? titleHits.length / titleKey.length : hits / key.length;
    const score = Math.round((0.7 * covered + 0.3 * explained) * 100) / 100;
    if (score >= 0.3) scored.push({ id: role.id, title: role.title, score });
  }
  scored.sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : 1));
  // Only the roles close to the best (a charge nurse is not asked about director of nursing).
  const best = scored[0]?.score ?? 0;
  return scored.filter((s) => s.score >= best * 0.75).slice(0, limit);
}

/** Levenshtein distance (insertions, deletions, substitutions), two rows. */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++)
      row[j] = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = row;
  }
  return prev[b.length]!;
}

/**
 * The role ids closest to what someone typed: by edit distance to the id (typos), and by shared
 * words with the id or title ("director nursing", "Nurse Manager"). At most `limit`, best first.
 *
 * @example closestRoleIds('nurse-manger', roles) → ['nurse-manager', ...]
 */
export function closestRoleIds(query: string, roles: readonly RoleLike[], limit = 3): string[] {
  const q = query.trim().toLowerCase();
  if (!q) return [];
  const byWords = new Map(
    suggestRolesForTitle(q.replace(/[-_]/g, ' '), roles, roles.length).map((s) => [s.id, s.score]),
  );
  const scored = roles.map((r) => {
    const d = Math.min(editDistance(q, r.id), editDistance(q, r.title.toLowerCase()));
    const typo = 1 - d / Math.max(q.length, r.id.length);
    return { id: r.id, score: Math.max(typo, byWords.get(r.id) ?? 0), typo: d };
  });
  return scored
    .filter((s) => s.typo <= Math.max(2, Math.floor(q.length / 3)) || s.score >= 0.5)
    .sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : 1))
    .slice(0, limit)
    .map((s) => s.id);
}

/**
 * The message for an unknown role id, with the closest ids when there are any.
 *
 * @example unknownRoleMessage('nurse-manger', roles)
 *   → 'unknown role "nurse-manger": did you mean nurse-manager? (every role: GET /api/roles, pathways roles list)'
 */
export function unknownRoleMessage(id: string, roles: readonly RoleLike[]): string {
  const close = closestRoleIds(id, roles);
  return (
    `unknown role "${id}"` +
    (close.length ? `: did you mean ${close.join(', ')}?` : '') +
    ' (every role: GET /api/roles, pathways roles list)'
  );
}
