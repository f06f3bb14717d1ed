/**
 * Which catalog role a job title names: "Charge Nurse, MICU" -> charge-nurse. Shared by the quick
 * check's and the record's job forms (a suggestion the person confirms, never a silent choice).
 *
 * A title and a role are compared as bags of words: abbreviations are spelled out (VP, Dir, Mgr,
 * QI), words are cut to a rough stem (nurse / nursing), and each role word weighs by how rare it is
 * among the roles, so that "charge" decides more than "nurse". The score is the harmonic mean of
 * how much of the role the title covers and how much of the title the role explains, with the
 * unit or department a title often adds ("MICU", "Telemetry") counting only a little.
 */

/** What the matcher needs of a role. */
export interface RoleForMatch {
  id: string;
  title: string;
}

export interface RoleMatch {
  id: string;
  /** 0..1; 1 = every word of the role and of the title matched. */
  score: number;
}

/** Below this score a role is not suggested. */
export const ROLE_MATCH_THRESHOLD = 0.5;

const abbreviations: Record<string, string[]> = {
  vp: ['vice', 'president'],
  svp: ['senior', 'vice', 'president'],
  evp: ['executive', 'vice', 'president'],
  avp: ['vice', 'president'],
  dir: ['director'],
  mgr: ['manager'],
  mngr: ['manager'],
  qi: ['quality', 'improvement'],
  ops: ['operations'],
  admin: ['administrator'],
  asst: ['assistant'],
  sr: ['senior'],
  spec: ['specialist'],
  rn: ['registered', 'nurse'],
};

/** Words that say nothing about the role. */
const stopWords = new Set(['of', 'the', 'and', 'for', 'a', 'an', 'in', 'at', 'to', 'on', 'with', '&']);

/** A rough stem, enough for job titles: nurse / nurses / nursing -> nurs. */
function stem(word: string): string {
  if (word.length <= 4) return word;
  return word.replace(/(ing|ers|er|es|s|e)$/, '');
}

/** The words of a title, lower-case, abbreviations spelled out, stemmed, without stop words. */
export function titleWords(title: string): string[] {
  const out: string[] = [];
  for (const raw of title.toLowerCase().split(/[^a-z0-9]+/)) {
    if (!raw || stopWords.has(raw)) continue;
    for (const word of abbreviations[raw] ?? [raw]) out.push(stem(word));
  }
  return out;
}

interface Indexed {
  id: string;
  words: Set<string>;
}

const indexCache = new WeakMap<readonly RoleForMatch[], { roles: Indexed[]; weight: Map<string, number> }>();

function indexOf(roles: readonly RoleForMatch[]) {
  let index = indexCache.get(roles);
  if (!index) {
    const indexed = roles.map((r) => {
      const words = new Set(titleWords(r.title));
      // A role id without a hyphen is an acronym its holders write: CNO, CFO, CMIO.
      if (!r.id.includes('-')) words.add(r.id.toLowerCase());
      return { id: r.id, words };
    });
    const count = new Map<string, number>();
    for (const r of indexed) for (const w of r.words) count.set(w, (count.get(w) ?? 0) + 1);
    // Inverse document frequency: a word every role has weighs little.
    const weight = new Map(
      [...count].map(([w, n]) => [w, Math.log(1 + indexed.length / n)] as [string, number]),
    );
    index = { roles: indexed, weight };
    indexCache.set(roles, index);
  }
  return index;
}

/**
 * Roles ranked by how well `title` names them, best first, each with its score; only those at or
 * above {@link ROLE_MATCH_THRESHOLD}.
 *
 * @example
 * matchRoles('Charge Nurse, MICU', roles)[0]?.id; // 'charge-nurse'
 */
export function matchRoles(title: string, roles: readonly RoleForMatch[]): RoleMatch[] {
  const words = [...new Set(titleWords(title))];
  if (!words.length) return [];
  const { roles: indexed, weight } = indexOf(roles);
  // A word of the title that no role uses (a unit, a department) weighs half the rarest role word.
  const unknownWeight = Math.log(1 + indexed.length) / 2;
  const titleWeight = (w: string) => weight.get(w) ?? unknownWeight;
  const titleTotal = words.reduce((s, w) => s + titleWeight(w), 0);
  const matches: RoleMatch[] = [];
  for (const r of indexed) {
    let roleTotal = 0;
    let shared = 0;
    for (const w of r.words) {
      const wt = weight.get(w) ?? 0;
      roleTotal += wt;
      if (words.includes(w)) shared += wt;
    }
    if (shared === 0) continue;
    // The role's acronym alone (CNO) names the role: count it as the whole role.
    const acronym = !r.id.includes('-') && words.includes(r.id.toLowerCase());
    const recall = acronym ? 1 : shared / roleTotal;
    const precision = Math.min(1, shared / titleTotal);
    const score = (2 * recall * precision) / (recall + precision);
    if (score >= ROLE_MATCH_THRESHOLD) matches.push({ id: r.id, score: Math.round(score * 1000) / 1000 });
  }
  return matches.sort((a, b) => b.score - a.score || a.id.localeCompare(b.id));
}

/** The best role for a title, or undefined when none is close enough. */
export function suggestRole(title: string, roles: readonly RoleForMatch[]): string | undefined {
  return matchRoles(title, roles)[0]?.id;
}
