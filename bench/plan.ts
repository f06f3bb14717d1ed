/**
 * Career planning (issue 6): one plan over a graph of 500 roles and 5,000 transitions with the
 * full catalog must take under 50 ms. Baseline: the graph search alone (Yen's 4 shortest paths),
 * so the ratio shows what dating every step (eligibility engine, recommender) adds.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Role, RoleTransition } from '../src/catalog/career-schema.js';
import { roleFamilies, roleLevels } from '../src/catalog/career-schema.js';
import type { Catalog } from '../src/catalog/schema.js';
import { kShortestPaths } from '../src/core/plan.js';
import { planFor } from '../src/services/plan-service.js';
import { parseProfileText } from '../src/services/profile-service.js';
import { compare } from './harness.js';
import { mulberry32 } from './profile-generator.js';

/** The built-in catalog with its roles grown to `roleCount` and transitions to `transitionCount`. */
export function bigCareerCatalog(
  catalog: Catalog,
  roleCount: number,
  transitionCount: number,
  seed = 11,
): Catalog {
  const random = mulberry32(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  const roles: Role[] = [...catalog.roles];
  const certs = catalog.certifications.map((c) => c.id);
  const levels = ['bachelor', 'master', 'bachelor', 'associate'] as const;
  for (let i = roles.length; i < roleCount; i++) {
    const base = pick(catalog.roles);
    roles.push({
      ...base,
      id: `synthetic-${String(i).padStart(4, '0')}`,
      title: `Synthetic role ${i}`,
      family: pick(roleFamilies.filter((f) => f !== 'clinical_entry')),
      level: pick(roleLevels),
      education: { ...base.education, minLevel: pick(levels) },
      preferredCertifications: [pick(certs), pick(certs)].filter((c, k, all) => all.indexOf(c) === k),
      transitions: [],
    });
  }
  const transitions: RoleTransition[] = [...catalog.transitions];
  const seen = new Set(transitions.map((t) => `${t.from}>${t.to}`));
  // A backbone so that the target is reachable, then random moves.
  for (let i = catalog.roles.length; i + 1 < roleCount; i++) {
    const from = roles[i]!.id;
    const to = roles[i + 1]!.id;
    seen.add(`${from}>${to}`);
    transitions.push({ from, to, typicalYears: { min: 1 + Math.floor(random() * 3) }, common: true });
  }
  while (transitions.length < transitionCount) {
    const from = pick(roles).id;
    const to = pick(roles).id;
    if (from === to || seen.has(`${from}>${to}`)) continue;
    seen.add(`${from}>${to}`);
    transitions.push({
      from,
      to,
      typicalYears: { min: 1 + Math.floor(random() * 6) },
      common: random() < 0.7,
    });
  }
  return { ...catalog, roles, transitions };
}

export async function benchPlan(catalog: Catalog): Promise<void> {
  const big = bigCareerCatalog(catalog, 500, 5000);
  const profile = parseProfileText(
    catalog,
    await readFile(path.resolve(import.meta.dirname, '..', 'examples', 'quality-analyst.yaml'), 'utf8'),
  );
  const asOf = '2026-11-28';
  const from = big.roles[catalog.roles.length]!.id;
  const to = big.roles[big.roles.length - 1]!.id;
  const free = { ...profile, goals: undefined };
  const results = await compare(
    `Career plan over ${big.roles.length} roles and ${big.transitions.length} transitions with the full catalog (baseline: the graph search alone)`,
    { name: "Yen's 4 shortest paths (baseline)", fn: () => kShortestPaths(big.transitions, from, to, 4) },
    [
      {
        name: 'planFor: synthetic start → far target',
        fn: () => planFor(big, free, { from, to, asOf }, asOf),
      },
      {
        name: 'planFor: quality analyst → Director of Quality',
        fn: () => planFor(big, profile, { to: 'director-of-quality', asOf }, asOf),
      },
      {
        name: 'planFor: same, blocked by a deadline (relaxations)',
        fn: () =>
          planFor(
            big,
            profile,
            { to: 'director-of-quality', constraints: { finishBy: '2027-06-30' }, asOf },
            asOf,
          ),
      },
    ],
  );
  const worst = Math.max(...results.slice(1).map((r) => r.meanMs));
  const sample = planFor(big, free, { from, to, asOf }, asOf);
  console.log(
    `  Target: under 50 ms per plan — slowest case ${worst.toFixed(1)} ms: ${worst < 50 ? 'MET' : 'MISSED'}. (${sample.plans.length} plans; best reaches the target on ${sample.plans[0]?.reached ?? 'never'} over ${sample.plans[0]?.path.length ?? 0} roles.)`,
  );
}
