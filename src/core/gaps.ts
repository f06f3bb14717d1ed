/**
 * Gap analysis: a person's self-ratings against the target proficiency a role asks for.
 *
 * Pure. A competency the person has not rated is `unrated` — unknown, never read as 0 or as met.
 * The ranking key is `gap × importance`, where importance comes from the role's target level: a
 * competency the role needs at expert level (5) weighs 3, at level 4 weighs 2, at 3 or below 1.
 * (The catalog states target levels; the importance rule is ours and documented in
 * docs/recommendations.md.)
 */
import type {
  CompetencyDomainId,
  CompetencyFramework,
  CompetencyTopic,
  Program,
  Role,
} from '../catalog/career-schema.js';

export type Ratings = Readonly<Record<string, number>>;

export interface Assessment {
  date: string;
  ratings: Ratings;
}

export type GapStatus = 'gap' | 'met' | 'unrated';

export interface GapItem {
  competency: string;
  label: string;
  domain: CompetencyDomainId;
  topics: CompetencyTopic[];
  target: number;
  targetJudgement: boolean;
  importance: number;
  rating: number | null;
  gap: number | null;
  score: number | null;
  status: GapStatus;
}

export interface DomainSummary {
  id: CompetencyDomainId;
  name: string;
  /** Mean target over the role's competencies in this domain; null when the role targets none. */
  target: number | null;
  /** Mean rating over the rated ones; null when none is rated. */
  rating: number | null;
  rated: number;
  targeted: number;
}

export interface GapReport {
  role: { id: string; title: string; family: string; level: string };
  framework: { id: string; name: string };
  assessedOn: string | null;
  items: GapItem[];
  domains: DomainSummary[];
  totals: {
    targeted: number;
    rated: number;
    met: number;
    withGap: number;
    unrated: number;
    /** Σ gap × importance over rated competencies. */
    gapPoints: number;
    /** Σ (target − 1) × importance: the points of someone rated 1 everywhere. */
    maxGapPoints: number;
    /** Σ (target − 1) × importance over the rated competencies only: the scale of `gapPoints`. */
    ratedMaxGapPoints: number;
    /**
     * 100 × (1 − gapPoints / ratedMaxGapPoints): the same measure as "gap points of the most
     * possible", read the other way (45 of 108 gap points → 58 %). Null when nothing is rated.
     */
    readinessPercent: number | null;
  };
  summary: string;
}

/** Importance of a competency for a role, from the target level (5 → 3, 4 → 2, otherwise 1). */
export function importanceOf(target: number): number {
  return target >= 5 ? 3 : target === 4 ? 2 : 1;
}

/** One rating per competency: each takes the newest assessment that rates it. */
export function latestRatings(assessments: readonly Assessment[]): {
  ratings: Record<string, number>;
  date: string | null;
} {
  const sorted = [...assessments].sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0));
  const ratings: Record<string, number> = {};
  for (const a of sorted) {
    for (const [id, level] of Object.entries(a.ratings)) {
      if (!(id in ratings)) ratings[id] = level;
    }
  }
  return { ratings, date: sorted[0]?.date ?? null };
}

/** Problems with a ratings map: unknown competency ids, levels off the 1–5 scale. */
export function ratingProblems(
  framework: CompetencyFramework,
  ratings: Readonly<Record<string, unknown>>,
  pathPrefix = 'ratings',
): Array<{ path: string; message: string }> {
  const known = new Set(framework.competencies.map((c) => c.id));
  const problems: Array<{ path: string; message: string }> = [];
  for (const [id, level] of Object.entries(ratings)) {
    if (!known.has(id)) {
      problems.push({ path: `${pathPrefix}.${id}`, message: `unknown competency "${id}"` });
    } else if (typeof level !== 'number' || !Number.isInteger(level) || level < 1 || level > 5) {
      problems.push({
        path: `${pathPrefix}.${id}`,
        message: `must be a whole number from 1 to 5 (got ${JSON.stringify(level)})`,
      });
    }
  }
  return problems;
}

const statusOrder: Record<GapStatus, number> = { gap: 0, unrated: 1, met: 2 };

/** Ranks gaps by score, then importance, then size, then label; unrated next; met last. */
function compareItems(a: GapItem, b: GapItem): number {
  return (
    statusOrder[a.status] - statusOrder[b.status] ||
    (b.score ?? 0) - (a.score ?? 0) ||
    b.importance - a.importance ||
    (b.gap ?? 0) - (a.gap ?? 0) ||
    a.label.localeCompare(b.label) ||
    a.competency.localeCompare(b.competency)
  );
}

const round1 = (n: number) => Math.round(n * 10) / 10;

export function analyzeGaps(
  framework: CompetencyFramework,
  role: Role,
  ratings: Ratings,
  assessedOn: string | null = null,
): GapReport {
  const byId = new Map(framework.competencies.map((c) => [c.id, c]));
  const items: GapItem[] = [];
  for (const [id, target] of Object.entries(role.targets)) {
    const competency = byId.get(id);
    if (!competency) continue; // the loader rejects such roles; a custom framework may lack it
    const importance = importanceOf(target.level);
    const rating = Object.hasOwn(ratings, id) ? (ratings[id] as number) : null;
    const gap = rating === null ? null : Math.max(0, target.level - rating);
    items.push({
      competency: id,
      label: competency.label,
      domain: competency.domain,
      topics: [...competency.topics],
      target: target.level,
      targetJudgement: target.judgement === true,
      importance,
      rating,
      gap,
      score: gap === null ? null : gap * importance,
      status: rating === null ? 'unrated' : gap! > 0 ? 'gap' : 'met',
    });
  }
  items.sort(compareItems);

  const domains: DomainSummary[] = framework.domains.map((d) => {
    const inDomain = items.filter((i) => i.domain === d.id);
    const rated = inDomain.filter((i) => i.rating !== null);
    return {
      id: d.id,
      name: d.name,
      target: inDomain.length ? round1(inDomain.reduce((s, i) => s + i.target, 0) / inDomain.length) : null,
      rating: rated.length ? round1(rated.reduce((s, i) => s + i.rating!, 0) / rated.length) : null,
      rated: rated.length,
      targeted: inDomain.length,
    };
  });

  let gapPoints = 0;
  let maxGapPoints = 0;
  let ratedMaxGapPoints = 0;
  for (const i of items) {
    maxGapPoints += (i.target - 1) * i.importance;
    if (i.rating === null) continue;
    gapPoints += i.score!;
    ratedMaxGapPoints += (i.target - 1) * i.importance;
  }
  const withGap = items.filter((i) => i.status === 'gap').length;
  const unrated = items.filter((i) => i.status === 'unrated').length;
  const rated = items.length - unrated;
  const totals = {
    targeted: items.length,
    rated,
    met: rated - withGap,
    withGap,
    unrated,
    gapPoints,
    maxGapPoints,
    ratedMaxGapPoints,
    readinessPercent:
      rated === 0
        ? null
        : ratedMaxGapPoints === 0
          ? 100
          : Math.round((1 - gapPoints / ratedMaxGapPoints) * 100),
  };
  return {
    role: { id: role.id, title: role.title, family: role.family, level: role.level },
    framework: { id: framework.id, name: framework.name },
    assessedOn,
    items,
    domains,
    totals,
    summary: summarize(role.title, totals),
  };
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

function summarize(title: string, t: GapReport['totals']): string {
  if (t.rated === 0) {
    return `You have not rated any of the ${plural(t.targeted, 'competency', 'competencies')} ${title} needs yet.`;
  }
  const first =
    t.withGap === 0
      ? `You reach the target on all ${plural(t.rated, 'rated competency', 'rated competencies')} ${title} needs.`
      : `${t.withGap} of the ${t.targeted} competencies ${title} needs are below target.`;
  return t.unrated ? `${first} ${t.unrated} ${t.unrated === 1 ? 'is' : 'are'} not rated yet.` : first;
}

/** The gap competencies, as the recommender and the compare view use them. */
export interface GapTarget {
  competency: string;
  label: string;
  gap: number;
  importance: number;
}

export function gapTargets(report: GapReport): GapTarget[] {
  return report.items
    .filter((i) => i.status === 'gap')
    .map((i) => ({ competency: i.competency, label: i.label, gap: i.gap!, importance: i.importance }));
}

/**
 * How many levels a program of each format can raise a competency its syllabus covers. Our
 * judgement (docs/recommendations.md): a degree or a year-long fellowship goes deep, a workshop
 * or short online course moves one level.
 */
export const formatDepth: Readonly<Record<Program['format'], number>> = {
  workshop: 1,
  professional_certificate: 1,
  graduate_certificate: 2,
  university_diploma: 2,
  online_microcredential: 1,
  mha: 2,
  mba_healthcare: 2,
  mph: 2,
  msn_leadership: 2,
  doctorate: 2,
  executive_education: 1,
  fellowship_residency: 2,
  practicum: 1,
};

export interface ProgramCoverage {
  /** Weighted gap levels the program closes on its own. */
  points: number;
  /** Weighted gap levels of the whole gap. */
  gapPoints: number;
  percent: number;
  competencies: Array<{ competency: string; label: string; gap: number; levels: number }>;
}

/** What one program does for a person's gap on its own (the compare view). */
export function programCoverage(program: Program, report: GapReport): ProgramCoverage {
  const depth = formatDepth[program.format];
  const covered = new Set(program.competencies);
  const competencies: ProgramCoverage['competencies'] = [];
  let points = 0;
  for (const g of gapTargets(report)) {
    if (!covered.has(g.competency)) continue;
    const levels = Math.min(g.gap, depth);
    points += levels * g.importance;
    competencies.push({ competency: g.competency, label: g.label, gap: g.gap, levels });
  }
  const gapPoints = report.totals.gapPoints;
  return { points, gapPoints, percent: gapPoints ? Math.round((points / gapPoints) * 100) : 0, competencies };
}
