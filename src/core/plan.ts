/**
 * Career pathway planner: from the role a person holds to the role they want, as dated steps.
 *
 * Pure: the caller passes the catalog, the profile, "as of", a screener (the eligibility engine's
 * verdicts) and, when the person has rated themselves, the recommender's inputs.
 *
 * 1. Paths: the k shortest simple paths in the role graph (Yen's algorithm over Dijkstra, weight =
 *    a transition's typical minimum years; unknown years count as 3 and are flagged).
 * 2. For each path a timeline is simulated: a degree when a role on the path needs a higher level
 *    than the person has (chosen from the catalog's degree programs under the constraints), each
 *    role move no earlier than the typical years in the role before, the degree the move needs and
 *    the role's typical total experience; the preferred certifications of the roles on the path,
 *    each dated by the eligibility engine on the profile projected with the planned jobs and degree
 *    (evaluated at each milestone, so a master's degree comes before FACHE); programs from the
 *    recommender when the person has ratings; renewal deadlines of what they hold.
 * 3. Plans are ranked by the date the target role is reached, then cost; at most three are kept.
 *    When none meets the constraints, each constraint is relaxed in turn to say which one blocks
 *    and what relaxing it would give.
 *
 * Docs: docs/planner.md.
 */
import type { Program, Role, RoleFamily, RoleLevel, RoleTransition } from '../catalog/career-schema.js';
import type { EducationLevel } from '../catalog/schema.js';
import { addMonths, fromDay, startDay, toDay } from './dates.js';
import type { Verdict } from './eligibility.js';
import type { Profile } from './profile.js';
import { unknownRoleMessage } from './role-match.js';
import { formatWeeklyHours, type CertificationOption, type Recommendation } from './recommend.js';

export interface PlanConstraints {
  /** The target role must be reached by this day. */
  finishBy?: string;
  /** US dollars a year for degrees, programs and exam fees. */
  budgetPerYear?: number;
  hoursPerWeek?: number;
  noNewDegree?: boolean;
  onlineOnly?: boolean;
}

export type StepKind = 'start' | 'degree' | 'program' | 'certification' | 'role' | 'renewal';

export interface PlanStep {
  /** Stable within a plan: `${kind}:${ref}`. */
  id: string;
  kind: StepKind;
  /** The role, program or certification id. */
  ref: string;
  title: string;
  start: string;
  end: string;
  costUsd: number | null;
  why: string;
  /** True when the step rests on our judgement (typical years, a degree's assumed length). */
  judgement?: boolean;
  /**
   * A certification dated only because a planned role brings a condition the person confirms
   * themselves (e.g. AONL's CNML target-practitioner statement): "you confirm this when you hold
   * the role".
   */
  confirmWhenHeld?: { role: string; statements: string[] };
}

/** Why a plan is offered beside the others. */
export type PlanLabel = 'fastest' | 'cheapest' | 'no_new_degree' | 'another_path';

/** The target role's preferred certifications on a plan: dated, held, or why not. */
export interface TargetCertification {
  id: string;
  name: string;
  /** The exam date on this plan (the certification step's end). */
  date?: string;
  held?: boolean;
  /** Why the plan gives no date. */
  reason?: string;
}

export interface CareerPlan {
  /** What sets this plan apart: the fastest, the cheapest, one without a new degree, another path. */
  label: PlanLabel;
  /** One sentence saying how it differs from the first plan. */
  labelText: string;
  /** Role ids from the current role to the target. */
  path: string[];
  /** The day the target role is reached. */
  reached: string;
  steps: PlanStep[];
  totals: {
    /** Known costs only; `unknownCosts` counts the steps without a published price. */
    costUsd: number;
    unknownCosts: number;
    years: number;
    /** Spending per plan year (year 1 = the 12 months from as-of). */
    perYear: Array<{ year: number; usd: number }>;
  };
  /** Preferred certifications left out of the plan and why. */
  notes: string[];
  /** The target role's preferred certifications: each dated on this plan or the reason why not. */
  targetCertifications: TargetCertification[];
}

export interface Blocker {
  constraint: keyof PlanConstraints | 'path';
  message: string;
  /** What relaxing this constraint alone would give, when it helps. */
  relaxed?: { reached: string; costUsd: number; detail: string };
}

export interface PlanResult {
  asOf: string;
  from: { id: string; title: string };
  to: { id: string; title: string };
  constraints: PlanConstraints;
  plans: CareerPlan[];
  blocked: Blocker[];
  /** Why only one plan is offered, when that is so (no cheaper plan, no other path, no degree). */
  single?: string;
}

/** What the planner needs from the catalog (a subset, so the bench can pass a synthetic graph). */
export interface PlanCatalog {
  roles: readonly Role[];
  transitions: readonly RoleTransition[];
  programs: readonly Program[];
  certifications: readonly { id: string; name: string; renewal?: { cycleMonths?: number } }[];
}

export interface PlanInput {
  asOf: string;
  profile: Profile;
  catalog: PlanCatalog;
  from: string;
  to: string;
  constraints: PlanConstraints;
  /** Eligibility verdicts for a (projected) profile on a day. */
  screen: (profile: Profile, asOf: string, certifications: string[]) => Verdict[];
  /** What is missing, beyond time, for a certification on a (projected) profile: one sentence. */
  missing?: (profile: Profile, asOf: string, certification: string) => string | null;
  /** Certification options (fee, study plan, group) by id; from the career service. */
  certificationOptions: ReadonlyMap<string, CertificationOption>;
  /** Programs the person's record does not fit (audience). */
  outsideAudience?: ReadonlySet<string>;
  /** The statement of an attestation id (for "you confirm this when you hold the role"). */
  attestationStatement?: (id: string) => string | undefined;
  /** Renewal deadlines of held credentials: {date, title, ref}. */
  renewals?: ReadonlyArray<{ date: string; title: string; ref: string }>;
  /** Runs the recommender for the target role with these limits; absent = no ratings. */
  recommendPrograms?: (limits: { budget?: number; finishBy?: string; startFrom: string }) => Recommendation;
  /** How many plans to return (default 3). */
  maxPlans?: number;
}

export class PlanError extends Error {
  constructor(
    readonly code: 'unknown_role' | 'same_role' | 'unreachable' | 'deadline_passed',
    readonly path: string,
    message: string,
  ) {
    super(message);
  }
}

/* ------------------------------------------------------------------ the role graph */

/** Typical years of an edge; unknown counts as 3 (flagged in the step). */
const UNKNOWN_YEARS = 3;

function edgeYears(t: RoleTransition): number {
  return t.typicalYears === 'unknown' ? UNKNOWN_YEARS : t.typicalYears.min;
}

interface Edge {
  to: number;
  years: number;
}

/** The role graph with integer node indexes (sorted by id, so ties break by id). */
interface Graph {
  ids: string[];
  index: Map<string, number>;
  out: Edge[][];
}

const graphs = new WeakMap<readonly RoleTransition[], Graph>();

/** Built once per transitions array (the catalog's is frozen, so this is once per catalog). */
function graphOf(transitions: readonly RoleTransition[]): Graph {
  let g = graphs.get(transitions);
  if (g) return g;
  const ids = [...new Set(transitions.flatMap((t) => [t.from, t.to]))].sort();
  const index = new Map(ids.map((id, i) => [id, i]));
  const out: Edge[][] = ids.map(() => []);
  for (const t of transitions) out[index.get(t.from)!]!.push({ to: index.get(t.to)!, years: edgeYears(t) });
  for (const list of out) list.sort((a, b) => a.to - b.to);
  g = { ids, index, out };
  graphs.set(transitions, g);
  return g;
}

/** Dijkstra with a binary heap over node indexes, avoiding blocked nodes and edges. */
function shortestPath(
  g: Graph,
  from: number,
  to: number,
  blockedNodes: Uint8Array,
  blockedEdges: ReadonlySet<Edge>,
): number[] | null {
  const n = g.ids.length;
  const dist = new Float64Array(n).fill(Infinity);
  const prev = new Int32Array(n).fill(-1);
  const done = new Uint8Array(n);
  dist[from] = 0;
  // Heap of node indexes keyed by (dist, index); stale entries are skipped when popped.
  const heapNode: number[] = [from];
  const heapDist: number[] = [0];
  const less = (i: number, j: number) =>
    heapDist[i]! < heapDist[j]! || (heapDist[i] === heapDist[j] && heapNode[i]! < heapNode[j]!);
  const swap = (i: number, j: number) => {
    [heapNode[i], heapNode[j]] = [heapNode[j]!, heapNode[i]!];
    [heapDist[i], heapDist[j]] = [heapDist[j]!, heapDist[i]!];
  };
  const push = (node: number, d: number) => {
    heapNode.push(node);
    heapDist.push(d);
    let i = heapNode.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!less(i, p)) break;
      swap(i, p);
      i = p;
    }
  };
  const pop = () => {
    const node = heapNode[0]!;
    const d = heapDist[0]!;
    const lastNode = heapNode.pop()!;
    const lastDist = heapDist.pop()!;
    if (heapNode.length) {
      heapNode[0] = lastNode;
      heapDist[0] = lastDist;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < heapNode.length && less(l, m)) m = l;
        if (r < heapNode.length && less(r, m)) m = r;
        if (m === i) break;
        swap(i, m);
        i = m;
      }
    }
    return [node, d] as const;
  };
  while (heapNode.length) {
    const [node, d] = pop();
    if (done[node]) continue;
    done[node] = 1;
    if (node === to) break;
    for (const e of g.out[node]!) {
      if (blockedNodes[e.to] || blockedEdges.has(e)) continue;
      const nd = d + e.years;
      if (nd < dist[e.to]! - 1e-12) {
        dist[e.to] = nd;
        prev[e.to] = node;
        push(e.to, nd);
      }
    }
  }
  if (!done[to]) return null;
  const path = [to];
  while (path[0] !== from) path.unshift(prev[path[0]!]!);
  return path;
}

/** Yen's k shortest simple paths (role ids), by typical years, then fewer moves, then ids. */
export function kShortestPaths(
  transitions: readonly RoleTransition[],
  from: string,
  to: string,
  k: number,
): string[][] {
  const g = graphOf(transitions);
  const s = g.index.get(from);
  const t = g.index.get(to);
  if (s === undefined || t === undefined) return [];
  const edge = (a: number, b: number) => g.out[a]!.find((e) => e.to === b)!;
  const costOf = (path: number[]) => {
    let c = 0;
    for (let i = 0; i + 1 < path.length; i++) c += edge(path[i]!, path[i + 1]!).years;
    return c;
  };
  const key = (p: number[]) => p.map((i) => g.ids[i]).join('>');
  const first = shortestPath(g, s, t, new Uint8Array(g.ids.length), new Set());
  if (!first) return [];
  const found: number[][] = [first];
  const candidates: Array<{ path: number[]; cost: number; key: string }> = [];
  const seen = new Set([key(first)]);
  while (found.length < k) {
    const last = found[found.length - 1]!;
    for (let i = 0; i + 1 < last.length; i++) {
      const root = last.slice(0, i + 1);
      const rootKey = key(root);
      const blockedEdges = new Set<Edge>();
      for (const p of found)
        if (p.length > i + 1 && key(p.slice(0, i + 1)) === rootKey) blockedEdges.add(edge(p[i]!, p[i + 1]!));
      const blockedNodes = new Uint8Array(g.ids.length);
      for (const n of root.slice(0, -1)) blockedNodes[n] = 1;
      const spur = shortestPath(g, last[i]!, t, blockedNodes, blockedEdges);
      if (!spur) continue;
      const total = [...root.slice(0, -1), ...spur];
      const k2 = key(total);
      if (seen.has(k2)) continue;
      seen.add(k2);
      candidates.push({ path: total, cost: costOf(total), key: k2 });
    }
    if (!candidates.length) break;
    candidates.sort((a, b) => a.cost - b.cost || a.path.length - b.path.length || (a.key < b.key ? -1 : 1));
    found.push(candidates.shift()!.path);
  }
  return found.map((p) => p.map((i) => g.ids[i]!));
}

/* ------------------------------------------------------------------ projected jobs */

/**
 * Experience kinds a job in a role counts as, by family and level (our judgement, in the profile
 * format's vocabulary), so the eligibility engine can date certifications after a planned move.
 */
export function roleKinds(family: RoleFamily, level: RoleLevel): string[] {
  const managing = level === 'manager' || level === 'director' || level === 'executive';
  const senior = level === 'director' || level === 'executive';
  const kinds = new Set<string>(['healthcare']);
  if (managing) kinds.add('healthcare_management').add('supervisory');
  if (senior) kinds.add('healthcare_executive');
  switch (family) {
    case 'hospital_operations':
      kinds.add('project_leadership').add('process_improvement');
      break;
    case 'nursing_leadership':
      kinds.add('clinical').add('registered_nurse');
      if (level === 'specialist') kinds.add('supervisory');
      if (level === 'manager' || level === 'director') kinds.add('nurse_manager');
      if (senior) kinds.add('nurse_executive');
      break;
    case 'quality':
      kinds.add('quality').add('patient_safety').add('process_improvement').add('health_data');
      break;
    case 'health_it':
      kinds.add('health_it').add('project_leadership');
      if (level === 'executive') kinds.add('health_it_executive');
      break;
    case 'finance':
      kinds.add('finance');
      break;
    case 'practice_management':
      kinds.add('practice_management');
      break;
    case 'clinical_entry':
      kinds.add('clinical');
      break;
  }
  return [...kinds];
}

/**
 * Statements a person in a role can give about themselves (the profile format's attestations),
 * by family and level (our judgement, matching `roleKinds`): a nurse manager (or a director who
 * manages managers) is AONL's CNML target practitioner; a nurse director or executive is CENP's.
 * The planner adds them to the projected profile from the day a planned move starts, and flags the
 * certification steps that rest on them: "you confirm this when you hold the role".
 */
export function roleAttestations(family: RoleFamily, level: RoleLevel): string[] {
  if (family !== 'nursing_leadership') return [];
  const out: string[] = [];
  if (level === 'manager' || level === 'director') out.push('CNML_TARGET_PRACTITIONER');
  if (level === 'director' || level === 'executive') out.push('CENP_TARGET_PRACTITIONER');
  return out;
}

/**
 * Finding, being offered and starting a new job takes time: the first move is planned no sooner
 * than this many months from "as of", even when the person already has the typical years (our
 * judgement; the step says so).
 */
export const JOB_SEARCH_MONTHS = 3;

const levelRank: Record<EducationLevel, number> = {
  high_school: 0,
  associate: 1,
  bachelor: 2,
  master: 3,
  doctorate: 4,
};

const degreeFormats: Partial<Record<EducationLevel, Program['format'][]>> = {
  master: ['mha', 'mba_healthcare', 'mph', 'msn_leadership'],
  doctorate: ['doctorate'],
};

const degreeField: Partial<Record<Program['format'], string>> = {
  mha: 'Health administration',
  mba_healthcare: 'Business administration (health care)',
  mph: 'Public health',
  msn_leadership: 'Nursing (leadership)',
  doctorate: 'Doctorate (health leadership)',
};

/** Typical length when a degree program does not state one (our judgement). */
const TYPICAL_DEGREE_MONTHS = 24;

/* ------------------------------------------------------------------ simulation */

/** Lookups built once per catalog array (catalog arrays are frozen). */
const roleMaps = new WeakMap<readonly Role[], Map<string, Role>>();
function rolesOf(catalog: PlanCatalog): Map<string, Role> {
  let m = roleMaps.get(catalog.roles);
  if (!m) roleMaps.set(catalog.roles, (m = new Map(catalog.roles.map((r) => [r.id, r]))));
  return m;
}
const edgeMaps = new WeakMap<readonly RoleTransition[], Map<string, RoleTransition>>();
function transitionOf(catalog: PlanCatalog, from: string, to: string): RoleTransition {
  let m = edgeMaps.get(catalog.transitions);
  if (!m)
    edgeMaps.set(
      catalog.transitions,
      (m = new Map(catalog.transitions.map((t) => [`${t.from}>${t.to}`, t]))),
    );
  return m.get(`${from}>${to}`)!;
}
type PlanCertification = PlanCatalog['certifications'][number];
const certMaps = new WeakMap<PlanCatalog['certifications'], Map<string, PlanCertification>>();
function certificationOf(catalog: PlanCatalog, id: string): PlanCertification | undefined {
  let m = certMaps.get(catalog.certifications);
  if (!m) certMaps.set(catalog.certifications, (m = new Map(catalog.certifications.map((c) => [c.id, c]))));
  return m.get(id);
}

const degreeName: Record<EducationLevel, string> = {
  high_school: 'high-school',
  associate: "associate's",
  bachelor: "bachelor's",
  master: "master's",
  doctorate: 'doctoral',
};

/** The first role on the path (after the current one) that asks for at least `level`. */
function degreeNeededBy(path: string[], roles: Map<string, Role>, level: EducationLevel): string {
  for (const id of path.slice(1)) {
    const min = roles.get(id)!.education.minLevel;
    if (min !== 'unknown' && levelRank[min] >= levelRank[level]) return roles.get(id)!.title;
  }
  return roles.get(path[path.length - 1]!)!.title;
}

function certificationStep(
  input: PlanInput,
  id: string,
  role: Role,
  start: number,
  end: number,
  eligible: number,
  option: CertificationOption | undefined,
  withDegree: boolean,
  confirmWhenHeld?: { role: Role; statements: string[] },
): PlanStep {
  const name = certificationOf(input.catalog, id)?.name ?? id;
  const asOfDay = dayOf(input.asOf);
  const prep = option?.prepMonths ?? 3;
  return {
    id: `certification:${id}`,
    kind: 'certification',
    ref: id,
    title: name,
    start: fromDay(start),
    end: fromDay(end),
    costUsd: option?.costUsd ?? null,
    why:
      `${role.title} roles commonly prefer it. ` +
      (eligible > asOfDay
        ? `By the eligibility rules you can sit the exam from ${fromDay(eligible)}, with this plan's jobs${withDegree ? ' and degree' : ''}. `
        : 'You are eligible now. ') +
      `About ${prep} months of preparation${option ? '' : ' (assumed)'}; the exam is the end of this step.` +
      (confirmWhenHeld
        ? ` ${confirmWhenHeld.role.id === input.from ? `You confirm this yourself, as ${confirmWhenHeld.role.title} today` : `You confirm this when you hold the role (${confirmWhenHeld.role.title})`}: ${confirmWhenHeld.statements.map((x) => `"${x}"`).join(' ')}`
        : ''),
    ...(confirmWhenHeld
      ? { confirmWhenHeld: { role: confirmWhenHeld.role.id, statements: confirmWhenHeld.statements } }
      : {}),
  };
}

interface DegreeChoice {
  program: Program | null;
  level: EducationLevel;
  months: number;
  judgementMonths: boolean;
  cost: number | null;
}

function highestLevel(profile: Profile): EducationLevel | null {
  let best: EducationLevel | null = null;
  for (const e of profile.education) if (!best || levelRank[e.level] > levelRank[best]) best = e.level;
  return best;
}

/** Degree programs for a level under the constraints, fastest first then cheapest. */
function degreeOptions(input: PlanInput, level: EducationLevel, c: PlanConstraints): DegreeChoice[] {
  const formats = degreeFormats[level];
  if (!formats) {
    return [
      { program: null, level, months: level === 'bachelor' ? 48 : 24, judgementMonths: true, cost: null },
    ];
  }
  const options: DegreeChoice[] = [];
  for (const p of input.catalog.programs) {
    if (!formats.includes(p.format) || p.example || input.outsideAudience?.has(p.id)) continue;
    if (c.onlineOnly && p.modality !== 'online') continue;
    if (c.hoursPerWeek !== undefined && formatWeeklyHours[p.format] > c.hoursPerWeek) continue;
    const stated = p.duration !== 'unknown' && p.duration.months !== undefined ? p.duration.months : null;
    const months = stated ?? TYPICAL_DEGREE_MONTHS;
    const cost = p.cost === 'unknown' ? null : p.cost.usd;
    if (c.budgetPerYear !== undefined) {
      if (cost === null) continue; // cannot show it fits the budget
      if (cost / Math.max(1, months / 12) > c.budgetPerYear + 1e-9) continue;
    }
    options.push({ program: p, level, months, judgementMonths: stated === null, cost });
  }
  options.sort(
    (a, b) =>
      Number(a.judgementMonths) - Number(b.judgementMonths) ||
      a.months - b.months ||
      (a.cost ?? Infinity) - (b.cost ?? Infinity) ||
      (a.program!.id < b.program!.id ? -1 : 1),
  );
  return options;
}

const dayOf = (iso: string) => toDay(iso);
const monthsLater = (day: number, months: number) => {
  const whole = Math.floor(months);
  const rest = months - whole;
  return addMonths(day, whole) + Math.round(rest * 30.44);
};

/** Total months of work (FTE-weighted, overlaps counted once) in the profile's jobs up to `day`. */
function experienceMonths(profile: Profile, day: number): number {
  const spans = profile.positions
    .map((p) => [startDay(p.start), p.end ? startDay(p.end) : day] as const)
    .map(([s, e]) => [s, Math.min(e, day)] as const)
    .filter(([s, e]) => e > s)
    .sort((a, b) => a[0] - b[0]);
  let total = 0;
  let curS = -Infinity;
  let curE = -Infinity;
  for (const [s, e] of spans) {
    if (s > curE) {
      if (curE > curS) total += curE - curS;
      curS = s;
      curE = e;
    } else if (e > curE) curE = e;
  }
  if (curE > curS) total += curE - curS;
  return total / 30.44;
}

interface Simulated {
  plan: CareerPlan;
  /** Fills the notes that need the explained evaluator; run for returned plans only. */
  finish: () => void;
  degree: DegreeChoice | null;
  needsDegree: EducationLevel | null;
}

function yearsText(n: number): string {
  return `${n} year${n === 1 ? '' : 's'}`;
}

function simulate(
  input: PlanInput,
  path: string[],
  degree: DegreeChoice | null,
  needsDegree: EducationLevel | null,
  /** Only programs that cost nothing (the "cheapest" variant). */
  freePrograms = false,
): Simulated {
  const { profile, catalog, asOf } = input;
  const asOfDay = dayOf(asOf);
  const roles = rolesOf(catalog);
  const steps: PlanStep[] = [];
  const notes: string[] = [];
  const lazy: Array<() => void> = [];
  const current = roles.get(path[0]!)!;
  const highest = highestLevel(profile);
  // The job in this role; else the current job without a role (the person said where they are).
  const named = profile.positions.find((p) => p.role === current.id && !p.end);
  const currentJob =
    named ??
    profile.positions
      .filter((p) => !p.role && !p.end && p.start <= asOf)
      .sort((a, b) => (a.start < b.start ? 1 : -1))[0];
  let roleStart = currentJob ? startDay(currentJob.start) : asOfDay;
  steps.push({
    id: `start:${current.id}`,
    kind: 'start',
    ref: current.id,
    title: `Now: ${current.title}`,
    start: fromDay(roleStart),
    end: asOf,
    costUsd: null,
    why: currentJob
      ? `Your current job${named ? '' : ` (${currentJob.title})`}, since ${currentJob.start}.`
      : 'Where you start (no job in your record names this role, so its time starts today).',
  });

  // Projected profile: planned degree and jobs are added as they happen.
  const projected: Profile = {
    ...profile,
    positions: [...profile.positions],
    education: [...profile.education],
    attestations: [...profile.attestations],
  };
  /** Attestations a planned role brings, with the role (not the person's own statements). */
  const broughtBy = new Map<string, { role: Role; day: number }>();
  for (const a of roleAttestations(current.family, current.level)) {
    if (projected.attestations.includes(a)) continue;
    projected.attestations.push(a);
    broughtBy.set(a, { role: current, day: asOfDay });
  }
  const held = new Set(profile.credentials.map((c) => c.id.toLowerCase()));
  const groupsTaken = new Set<string>();
  const certSteps: PlanStep[] = [];
  /** Certifications picked per role id (at most one per role, two for the target). */
  const perRole = new Map<string, number>();
  let studyCursor = asOfDay;

  // A quick win first: a certification the next role prefers that the person may sit now,
  // prepared before the degree starts (one course of study at a time).
  const next = roles.get(path[1]!)!;
  if (degree) {
    for (const id of next.preferredCertifications) {
      if (held.has(id.toLowerCase())) continue;
      const v = input.screen(profile, asOf, [id])[0];
      if (v?.earliestEligible !== asOf) continue;
      const option = input.certificationOptions.get(id);
      const prep = option?.prepMonths ?? 3;
      const end = monthsLater(asOfDay, prep);
      certSteps.push(certificationStep(input, id, next, asOfDay, end, asOfDay, option, false));
      perRole.set(next.id, 1);
      if (option?.group) groupsTaken.add(option.group);
      studyCursor = end;
      break;
    }
  }

  let degreeEnd = asOfDay;
  if (degree) {
    const degreeStart = studyCursor;
    degreeEnd = monthsLater(degreeStart, degree.months);
    studyCursor = degreeEnd;
    const title = degree.program
      ? degree.program.name
      : `${degree.level === 'bachelor' ? "Bachelor's" : 'A'} degree`;
    steps.push({
      id: `degree:${degree.program?.id ?? degree.level}`,
      kind: 'degree',
      ref: degree.program?.id ?? degree.level,
      title,
      start: fromDay(degreeStart),
      end: fromDay(degreeEnd),
      costUsd: degree.cost,
      why:
        `${degreeNeededBy(path, roles, degree.level)} usually asks for a ${degreeName[degree.level]} degree; ${highest ? `your record's highest is ${degreeName[highest]}` : 'your record lists no degree'}.` +
        (degree.program
          ? ''
          : ' No program for this level is in the catalog: the length is typical, the cost unknown.') +
        (degree.judgementMonths && degree.program
          ? ` Length not published: ${TYPICAL_DEGREE_MONTHS} months assumed.`
          : ''),
      ...(degree.judgementMonths ? { judgement: true } : {}),
    });
    projected.education.push({
      level: degree.level,
      field: degree.program ? (degreeField[degree.program.format] ?? degree.program.name) : 'Degree',
      completed: fromDay(degreeEnd),
    });
  }

  // Role moves.
  const prepFrom = studyCursor;
  const milestones: number[] = [asOfDay];
  if (degree) milestones.push(degreeEnd);
  let day = asOfDay;
  for (let i = 1; i < path.length; i++) {
    const from = roles.get(path[i - 1]!)!;
    const to = roles.get(path[i]!)!;
    const edge = transitionOf(catalog, from.id, to.id);
    const years = edgeYears(edge);
    const reasons: string[] = [];
    const typicalDay = addMonths(roleStart, Math.round(years * 12));
    const searchDay = addMonths(asOfDay, JOB_SEARCH_MONTHS);
    let move = Math.max(day, typicalDay, i === 1 ? searchDay : day);
    const typical =
      edge.typicalYears === 'unknown' ? `an unknown time (${UNKNOWN_YEARS} years assumed)` : yearsText(years);
    reasons.push(
      typicalDay <= asOfDay
        ? `You already have the ${typical} as ${from.title} that usually comes before ${to.title}: you can apply now${edge.common ? '' : ' (a less common move)'}. Finding and starting the job takes time: about ${JOB_SEARCH_MONTHS} months assumed.`
        : `${from.title} to ${to.title} usually comes after ${typical} in the earlier role${edge.common ? '' : ' (a less common move)'}.` +
            (i === 1 && typicalDay < searchDay
              ? ` Finding and starting the job takes time: about ${JOB_SEARCH_MONTHS} months from now assumed.`
              : ''),
    );
    if (degree && to.education.minLevel !== 'unknown') {
      const need = levelRank[to.education.minLevel];
      const had = highest !== null && levelRank[highest] >= need;
      if (!had && levelRank[degree.level] >= need && degreeEnd > move) {
        move = degreeEnd;
        reasons.push(`It waits for your ${degree.level}'s degree (${to.title} usually needs one).`);
      }
    }
    if (to.experience.years !== 'unknown' && to.experience.years.min > 0) {
      const need = to.experience.years.min * 12;
      // Experience keeps accruing at one month a month while working.
      const have = experienceMonths(projected, move);
      if (have < need) {
        const extra = Math.ceil(need - have);
        move = addMonths(move, extra);
        reasons.push(
          `It also waits until you have the ${yearsText(to.experience.years.min)} of experience ${to.title} typically has.`,
        );
      }
    }
    // Close the current job, start the new one.
    const openIndex = projected.positions.findIndex(
      (p) => !p.end && (p.role === from.id || (i === 1 && !p.role)),
    );
    if (openIndex >= 0)
      projected.positions[openIndex] = { ...projected.positions[openIndex]!, end: fromDay(move - 1) };
    projected.positions.push({
      title: to.title,
      role: to.id,
      start: fromDay(move),
      fte: 1,
      kinds: roleKinds(to.family, to.level),
    });
    for (const a of roleAttestations(to.family, to.level)) {
      if (projected.attestations.includes(a)) continue;
      projected.attestations.push(a);
      broughtBy.set(a, { role: to, day: move });
    }
    steps.push({
      id: `role:${to.id}`,
      kind: 'role',
      ref: to.id,
      title: to.title,
      start: fromDay(move),
      end: fromDay(move),
      costUsd: null,
      why: reasons.join(' '),
      ...(edge.judgement || edge.typicalYears === 'unknown' ? { judgement: true } : {}),
    });
    milestones.push(move);
    roleStart = move;
    day = move;
  }
  const reachedDay = day;

  // Certifications the roles on the path prefer, as a mentor would pick them: at most one per
  // role (two for the target), three in all, one per group, one after another, each dated no
  // earlier than the engine's eligibility date on the profile projected with this plan's jobs and
  // degree (checked at every milestone, so a degree the rules ask for comes first).
  const horizon = addMonths(reachedDay, 24);
  /** Why a certification the target prefers has no date on this plan (filled lazily for some). */
  const whyNot = new Map<string, () => string>();
  const targetRole = roles.get(path[path.length - 1]!)!;
  for (let i = 1; i < path.length; i++) {
    const role = roles.get(path[i]!)!;
    let taken = perRole.get(role.id) ?? 0;
    const cap = i === path.length - 1 ? 2 : 1;
    for (const id of role.preferredCertifications) {
      if (held.has(id.toLowerCase()) || certSteps.some((x) => x.ref === id)) continue;
      const name = certificationOf(catalog, id)?.name ?? id;
      if (taken >= cap || certSteps.length >= 3) {
        if (role === targetRole && !whyNot.has(id))
          whyNot.set(
            id,
            () =>
              `not planned: this plan already schedules ${certSteps.length} certification${certSteps.length === 1 ? '' : 's'} (one course of study at a time); it can follow later.`,
          );
        continue;
      }
      const option = input.certificationOptions.get(id);
      if (option?.group && groupsTaken.has(option.group)) {
        if (role === targetRole && !whyNot.has(id)) {
          const same = certSteps.find((x) => input.certificationOptions.get(x.ref)?.group === option.group);
          whyNot.set(
            id,
            () => `not planned: ${same ? same.title : 'another certification'} covers the same ground.`,
          );
        }
        continue;
      }
      let eligible: number | null = null;
      for (const m of milestones) {
        const v = input.screen(projected, fromDay(m), [id])[0];
        if (v?.earliestEligible) {
          eligible = Math.max(dayOf(v.earliestEligible), m);
          break;
        }
      }
      // Conditions a planned role brings (its attestation) count from the day the role starts.
      let confirm: { role: Role; statements: string[] } | undefined;
      if (eligible !== null && broughtBy.size) {
        for (const [a, by] of broughtBy) {
          const without: Profile = {
            ...projected,
            attestations: projected.attestations.filter((x) => x !== a),
          };
          const v = input.screen(without, fromDay(eligible), [id])[0];
          if (v?.eligible) continue;
          eligible = Math.max(eligible, by.day);
          confirm ??= { role: by.role, statements: [] };
          confirm.statements.push(input.attestationStatement?.(a) ?? a);
        }
      }
      if (eligible === null) {
        const last = fromDay(milestones[milestones.length - 1]!);
        const snapshot: Profile = {
          ...projected,
          positions: [...projected.positions],
          education: [...projected.education],
        };
        const at = notes.length;
        notes.push('');
        // Worded only for the plans that are returned: the explained evaluator is the costly part.
        const reason = () => {
          const why = input.missing?.(snapshot, last, id);
          return `this plan does not make you eligible by time alone${why ? `: ${why}` : ' (see the eligibility check)'}.`;
        };
        lazy.push(() => {
          notes[at] = `${name} (preferred for ${role.title}): ${reason()}`;
        });
        if (role === targetRole) whyNot.set(id, () => notes[at]!.slice(notes[at]!.indexOf('): ') + 3));
        continue;
      }
      const prep = option?.prepMonths ?? 3;
      const start = Math.max(studyCursor, monthsLater(eligible, -prep));
      const end = Math.max(monthsLater(start, prep), eligible);
      if (end > horizon) {
        const text = `eligible only from ${fromDay(eligible)}, more than two years after reaching the role.`;
        notes.push(`${name} (preferred for ${role.title}): ${text}`);
        if (role === targetRole) whyNot.set(id, () => text);
        continue;
      }
      certSteps.push(
        certificationStep(input, id, role, start, end, eligible, option, Boolean(degree), confirm),
      );
      whyNot.delete(id);
      if (option?.group) groupsTaken.add(option.group);
      studyCursor = monthsLater(start, prep);
      taken++;
      perRole.set(role.id, taken);
    }
  }
  for (const step of certSteps) {
    steps.push(step);
    const cycle = certificationOf(catalog, step.ref)?.renewal?.cycleMonths;
    const due = cycle ? addMonths(dayOf(step.end), cycle) : null;
    if (cycle && due !== null && due <= horizon) {
      steps.push({
        id: `renewal:${step.ref}`,
        kind: 'renewal',
        ref: step.ref,
        title: `Renew ${step.title}`,
        start: fromDay(due),
        end: fromDay(due),
        costUsd: null,
        why: `${step.title} renews every ${cycle / 12 === Math.round(cycle / 12) ? yearsText(cycle / 12) : `${cycle} months`}: keep its continuing education up.`,
      });
    }
  }

  // Programs from the recommender (after the degree) to close rated gaps: first those that fit
  // before the first move, so they prepare for it; when none fits there, by the target date.
  if (input.recommendPrograms) {
    const budget = input.constraints.budgetPerYear;
    const firstMove = milestones[degree ? 2 : 1]!;
    const budgetFor = (until: number) =>
      freePrograms
        ? { budget: 0 }
        : budget !== undefined
          ? { budget: Math.max(0, budget * Math.max(1, (until - asOfDay) / 365.25) - (degree?.cost ?? 0)) }
          : {};
    let rec: Recommendation | null = null;
    let before = false;
    if (firstMove >= prepFrom + 30) {
      rec = input.recommendPrograms({
        ...budgetFor(firstMove),
        finishBy: fromDay(firstMove),
        startFrom: fromDay(prepFrom),
      });
      before = rec.picks.some((p) => p.kind === 'program');
    }
    if (!before) {
      rec = input.recommendPrograms({
        ...budgetFor(reachedDay),
        ...(reachedDay > degreeEnd + 30 ? { finishBy: fromDay(reachedDay) } : {}),
        // After the degree and the certifications' study, when that still leaves time before the move.
        startFrom: fromDay(studyCursor + 30 < reachedDay ? studyCursor : degreeEnd),
      });
    }
    const nextTitle = roles.get(path[1]!)!.title;
    for (const p of rec!.picks) {
      if (p.kind !== 'program') continue;
      const closes = p.why[0] ?? 'Closes some of your competency gaps for the target role.';
      steps.push({
        id: `program:${p.id}`,
        kind: 'program',
        ref: p.id,
        title: p.name,
        start: p.start,
        end: p.end,
        costUsd: p.costUsd,
        why:
          before && p.end <= fromDay(firstMove)
            ? `Prepares you for the move to ${nextTitle}. ${closes}`
            : closes,
      });
    }
  } else {
    notes.push('Rate yourself (self-assessment) to add programs that close your competency gaps.');
  }

  for (const r of input.renewals ?? []) {
    const d = dayOf(r.date);
    if (d >= asOfDay && d <= reachedDay) {
      steps.push({
        id: `renewal:${r.ref}`,
        kind: 'renewal',
        ref: r.ref,
        title: r.title,
        start: r.date,
        end: r.date,
        costUsd: null,
        why: 'A credential you hold renews inside this plan.',
      });
    }
  }

  const order: Record<StepKind, number> = {
    start: 0,
    degree: 1,
    program: 2,
    certification: 3,
    role: 4,
    renewal: 5,
  };
  steps.sort((a, b) =>
    a.start < b.start ? -1 : a.start > b.start ? 1 : order[a.kind] - order[b.kind] || (a.id < b.id ? -1 : 1),
  );

  // Spending per plan year: a degree spread over its months, other costs at their start. Programs
  // are extras: when they push a year over the budget, the most expensive go first.
  const totalsOf = () => {
    const perYear = new Map<number, number>();
    const addCost = (d: number, usd: number) => {
      const year = Math.floor((d - asOfDay) / 365.25) + 1;
      perYear.set(year, (perYear.get(year) ?? 0) + usd);
    };
    let costUsd = 0;
    let unknownCosts = 0;
    for (const s of steps) {
      if (s.kind === 'start' || s.kind === 'role' || s.kind === 'renewal') continue;
      if (s.costUsd === null) {
        unknownCosts++;
        continue;
      }
      costUsd += s.costUsd;
      if (s.kind === 'degree' && degree) {
        const months = Math.max(1, Math.round(degree.months));
        for (let m = 0; m < months; m++) addCost(monthsLater(dayOf(s.start), m), s.costUsd / months);
      } else addCost(dayOf(s.start), s.costUsd);
    }
    const years = [...perYear]
      .sort((a, b) => a[0] - b[0])
      .map(([year, usd]) => ({ year, usd: Math.round(usd) }));
    return { costUsd, unknownCosts, perYear: years };
  };
  let totals = totalsOf();
  const limit = input.constraints.budgetPerYear;
  while (limit !== undefined && totals.perYear.some((y) => y.usd > limit + 1e-6)) {
    const programs = steps.filter((x) => x.kind === 'program' && (x.costUsd ?? 0) > 0);
    if (!programs.length) break;
    const drop = programs.sort((a, b) => b.costUsd! - a.costUsd! || (a.id < b.id ? -1 : 1))[0]!;
    steps.splice(steps.indexOf(drop), 1);
    notes.push(`${drop.title} was left out to keep spending under the yearly budget.`);
    totals = totalsOf();
  }
  const { costUsd, unknownCosts, perYear } = totals;
  const targetCertifications: TargetCertification[] = [];
  return {
    plan: {
      label: 'fastest',
      labelText: '',
      path,
      reached: fromDay(reachedDay),
      steps,
      totals: {
        costUsd: Math.round(costUsd),
        unknownCosts,
        years: Math.round(((reachedDay - asOfDay) / 365.25) * 10) / 10,
        perYear,
      },
      notes,
      targetCertifications,
    },
    finish: () => {
      for (const f of lazy.splice(0)) f();
      if (targetCertifications.length) return;
      for (const id of targetRole.preferredCertifications) {
        const name = certificationOf(catalog, id)?.name ?? id;
        const step = steps.find((x) => x.kind === 'certification' && x.ref === id);
        if (held.has(id.toLowerCase())) targetCertifications.push({ id, name, held: true });
        else if (step) targetCertifications.push({ id, name, date: step.end });
        else
          targetCertifications.push({
            id,
            name,
            reason: whyNot.get(id)?.() ?? 'not planned on this path.',
          });
      }
    },
    degree,
    needsDegree,
  };
}

/* ------------------------------------------------------------------ entry point */

/** Problems with the request: unknown roles, the same role twice, a deadline in the past. */
function validate(input: PlanInput): void {
  const roles = new Set(input.catalog.roles.map((r) => r.id));
  if (!roles.has(input.from))
    throw new PlanError('unknown_role', 'from', unknownRoleMessage(input.from, input.catalog.roles));
  if (!roles.has(input.to))
    throw new PlanError('unknown_role', 'to', unknownRoleMessage(input.to, input.catalog.roles));
  if (input.from === input.to) {
    const title = input.catalog.roles.find((r) => r.id === input.to)!.title;
    throw new PlanError('same_role', 'to', `you are already in ${title}: choose a role to move to`);
  }
  const by = input.constraints.finishBy;
  if (by !== undefined && by <= input.asOf) {
    throw new PlanError(
      'deadline_passed',
      'constraints.finishBy',
      `${by} is not after ${input.asOf}: choose a date in the future`,
    );
  }
}

function plansFor(
  input: PlanInput,
  c: PlanConstraints,
  paths: string[][],
): { feasible: Simulated[]; all: Simulated[] } {
  const roles = rolesOf(input.catalog);
  const have = highestLevel(input.profile);
  const all: Simulated[] = [];
  for (const path of paths) {
    let need: EducationLevel | null = null;
    for (const id of path.slice(1)) {
      const min = roles.get(id)!.education.minLevel;
      if (min === 'unknown') continue;
      if (
        (have === null || levelRank[min] > levelRank[have]) &&
        (need === null || levelRank[min] > levelRank[need])
      )
        need = min;
    }
    if (need === null) {
      all.push(simulate(input, path, null, null));
      continue;
    }
    if (c.noNewDegree) {
      all.push({ ...simulate(input, path, null, need), degree: null });
      continue;
    }
    const options = degreeOptions(input, need, c);
    // Fastest, and cheapest known when different: two variants of the same path.
    const variants = [
      options[0],
      [...options].filter((o) => o.cost !== null).sort((a, b) => a.cost! - b.cost!)[0],
    ].filter((o, i, list): o is DegreeChoice => o !== undefined && list.indexOf(o) === i);
    if (!variants.length) all.push({ ...simulate(input, path, null, need), degree: null });
    for (const v of variants) all.push(simulate(input, path, v, need));
  }
  const feasible = all.filter((s) => {
    if (s.needsDegree && !s.degree) return false;
    if (c.finishBy && s.plan.reached > c.finishBy) return false;
    if (c.budgetPerYear !== undefined && s.plan.totals.perYear.some((y) => y.usd > c.budgetPerYear! + 1e-6))
      return false;
    return true;
  });
  const rank = (a: Simulated, b: Simulated) =>
    (a.plan.reached < b.plan.reached ? -1 : a.plan.reached > b.plan.reached ? 1 : 0) ||
    a.plan.totals.unknownCosts - b.plan.totals.unknownCosts ||
    a.plan.totals.costUsd - b.plan.totals.costUsd ||
    (a.plan.path.join('>') < b.plan.path.join('>') ? -1 : 1);
  feasible.sort(rank);
  all.sort(rank);
  return { feasible, all };
}

export function planCareer(input: PlanInput): PlanResult {
  validate(input);
  const roles = rolesOf(input.catalog);
  const from = roles.get(input.from)!;
  const to = roles.get(input.to)!;
  const paths = kShortestPaths(input.catalog.transitions, input.from, input.to, 4);
  if (!paths.length) {
    const into = input.catalog.transitions
      .filter((t) => t.to === input.to)
      .map((t) => roles.get(t.from)!.title);
    throw new PlanError(
      'unreachable',
      'to',
      `no typical path leads from ${from.title} to ${to.title} in the catalog` +
        (into.length ? ` (people usually come to it from ${into.join(', ')})` : ' (no role leads to it)'),
    );
  }
  const c = input.constraints;
  const { feasible } = plansFor(input, c, paths);
  const unique = choosePlans(input, feasible, to.title);
  const base = {
    asOf: input.asOf,
    from: { id: from.id, title: from.title },
    to: { id: to.id, title: to.title },
    constraints: c,
  };
  if (unique.length === 1 && (input.maxPlans ?? 3) > 1) {
    const only = unique[0]!;
    const hasDegree = only.steps.some((x) => x.kind === 'degree');
    const single =
      `One plan: ${paths.length === 1 ? `the catalog knows one path to ${to.title}` : `the other paths to ${to.title} fit your constraints less well or not at all`}` +
      `${hasDegree ? '' : ', it needs no new degree'} and no plan costs less (${usd(only.totals.costUsd)}${only.totals.costUsd > 0 ? ', mostly exam fees' : ''}).`;
    return { ...base, plans: unique, blocked: [], single };
  }
  if (unique.length) return { ...base, plans: unique, blocked: [] };

  // Nothing fits. A constraint blocks when relaxing it alone gives a plan; when no single one
  // does, the best plan without any constraint shows which ones it breaks.
  const keys = (Object.keys(c) as Array<keyof PlanConstraints>).filter(
    (k) => c[k] !== undefined && c[k] !== false,
  );
  const blocked: Blocker[] = [];
  for (const k of keys) {
    const relaxed = { ...c };
    delete relaxed[k];
    const best = plansFor(input, relaxed, paths).feasible[0];
    if (best) {
      blocked.push({
        constraint: k,
        message: blockMessage(k, c, to.title, best),
        relaxed: {
          reached: best.plan.reached,
          costUsd: best.plan.totals.costUsd,
          detail: relaxDetail(k, best),
        },
      });
    }
  }
  if (!blocked.length) {
    const free = plansFor(input, {}, paths).all[0];
    for (const k of keys) {
      if (free && breaks(k, c, free)) {
        blocked.push({
          constraint: k,
          message: blockMessage(k, c, to.title, free),
          relaxed: {
            reached: free.plan.reached,
            costUsd: free.plan.totals.costUsd,
            detail: relaxDetail(k, free),
          },
        });
      }
    }
    if (blocked.length > 1) {
      blocked.unshift({
        constraint: 'path',
        message: `No single constraint is the only obstacle: together ${blocked.map((b) => b.constraint).join(', ')} rule out every plan. Without any of them, the best plan reaches ${to.title} on ${free!.plan.reached}.`,
      });
    }
  }
  if (!blocked.length)
    blocked.push({ constraint: 'path', message: `No plan to ${to.title} could be built from the catalog.` });
  return { ...base, plans: [], blocked };
}

const keyOf = (s: Simulated) => s.plan.steps.map((x) => `${x.id}@${x.start}`).join('|');
const costRank = (a: Simulated, b: Simulated) =>
  a.plan.totals.unknownCosts - b.plan.totals.unknownCosts ||
  a.plan.totals.costUsd - b.plan.totals.costUsd ||
  (a.plan.reached < b.plan.reached ? -1 : a.plan.reached > b.plan.reached ? 1 : 0);

/**
 * Up to `maxPlans` plans that differ in a way a person cares about, each labelled: the fastest;
 * the cheapest (another feasible plan, or the fastest path with free programs only) when it costs
 * less; one without a new degree when the fastest has one; then other paths.
 */
function choosePlans(input: PlanInput, feasible: Simulated[], title: string): CareerPlan[] {
  const max = input.maxPlans ?? 3;
  if (!feasible.length || max < 1) return [];
  const chosen: Simulated[] = [];
  const seen = new Set<string>();
  const take = (s: Simulated, label: PlanLabel, text: string) => {
    seen.add(keyOf(s));
    s.finish();
    s.plan.label = label;
    s.plan.labelText = text;
    chosen.push(s);
  };
  const fastest = feasible[0]!;
  take(fastest, 'fastest', `Reaches ${title} soonest: ${fastest.plan.reached}.`);
  const f = fastest.plan.totals;

  if (chosen.length < max) {
    const candidates = feasible.slice(1).filter((s) => !seen.has(keyOf(s)));
    if (f.costUsd > 0 && input.recommendPrograms) {
      const free = simulate(input, fastest.plan.path, fastest.degree, fastest.needsDegree, true);
      const cb = input.constraints.budgetPerYear;
      if (
        !seen.has(keyOf(free)) &&
        (cb === undefined || free.plan.totals.perYear.every((y) => y.usd <= cb + 1e-6))
      )
        candidates.push(free);
    }
    const cheapest = candidates.sort(costRank)[0];
    if (cheapest && costRank(cheapest, fastest) < 0) {
      const t = cheapest.plan.totals;
      take(
        cheapest,
        'cheapest',
        `Costs least: ${usd(t.costUsd)}${t.unknownCosts ? ` + ${t.unknownCosts} unpublished price${t.unknownCosts === 1 ? '' : 's'}` : ''} in all` +
          (t.unknownCosts === f.unknownCosts && f.costUsd > t.costUsd
            ? ` (${usd(f.costUsd - t.costUsd)} less than the fastest)`
            : '') +
          `; reaches ${title} on ${cheapest.plan.reached}.`,
      );
    }
  }
  if (chosen.length < max && fastest.degree) {
    const noDegree = feasible.find((s) => !s.degree && !seen.has(keyOf(s)));
    if (noDegree)
      take(noDegree, 'no_new_degree', `No new degree: reaches ${title} on ${noDegree.plan.reached}.`);
  }
  for (const s of feasible) {
    if (chosen.length >= max) break;
    if (seen.has(keyOf(s))) continue;
    const differs = !chosen.some((x) => x.plan.path.join('>') === s.plan.path.join('>'));
    if (!differs) continue;
    take(
      s,
      'another_path',
      `Another path, ${
        s.plan.path.length > 2
          ? `through ${s.plan.path
              .slice(1, -1)
              .map((id) => rolesOf(input.catalog).get(id)!.title)
              .join(', ')}`
          : 'a direct move'
      }: reaches ${title} on ${s.plan.reached}.`,
    );
  }
  return chosen.map((s) => s.plan);
}

/** Whether a plan (built without constraints) breaks constraint `k`. */
function breaks(k: keyof PlanConstraints, c: PlanConstraints, s: Simulated): boolean {
  switch (k) {
    case 'finishBy':
      return s.plan.reached > c.finishBy!;
    case 'budgetPerYear':
      return s.plan.totals.perYear.some((y) => y.usd > c.budgetPerYear!);
    case 'noNewDegree':
      return s.degree !== null;
    case 'hoursPerWeek':
      return s.degree?.program ? formatWeeklyHours[s.degree.program.format] > c.hoursPerWeek! : false;
    case 'onlineOnly':
      return s.degree?.program ? s.degree.program.modality !== 'online' : false;
  }
}

const usd = (n: number) => `$${String(Math.round(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ',')}`;

function blockMessage(k: keyof PlanConstraints, c: PlanConstraints, title: string, best: Simulated): string {
  const gives = ` Without it, the best plan reaches ${title} on ${best.plan.reached}.`;
  switch (k) {
    case 'finishBy':
      return `No plan reaches ${title} by ${c.finishBy}: the fastest gets there on ${best.plan.reached}.`;
    case 'budgetPerYear':
      return `No plan keeps spending under ${usd(c.budgetPerYear!)} a year (degrees with unpublished prices cannot be shown to fit).${gives}`;
    case 'hoursPerWeek':
      return `The degree the path needs takes more than ${c.hoursPerWeek} hours a week.${gives}`;
    case 'noNewDegree':
      return `Every path to ${title} needs a degree you do not have yet.${gives}`;
    case 'onlineOnly':
      return `No online program gives the degree the path needs.${gives}`;
    default:
      return gives.trim();
  }
}

function relaxDetail(k: keyof PlanConstraints, best: Simulated): string {
  switch (k) {
    case 'budgetPerYear': {
      const peak = Math.max(0, ...best.plan.totals.perYear.map((y) => y.usd));
      return `needs up to ${usd(peak)} a year`;
    }
    case 'finishBy':
      return `reaches the role on ${best.plan.reached}`;
    case 'noNewDegree':
      return best.degree
        ? `with ${best.degree.program?.name ?? `a ${best.degree.level} degree`}`
        : 'with a degree';
    case 'hoursPerWeek':
      return best.degree?.program
        ? `${best.degree.program.name} takes about ${formatWeeklyHours[best.degree.program.format]} hours a week`
        : 'more study hours';
    case 'onlineOnly':
      return best.degree?.program
        ? `${best.degree.program.name} (${best.degree.program.modality})`
        : 'a program on campus';
    default:
      return '';
  }
}
