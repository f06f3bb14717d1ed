/**
 * Eligibility throughput: our engine (createEvaluator) on 100,000 synthetic profiles x every
 * certification, against the same rules in json-rules-engine (bench/json-rules-engine-baseline.ts).
 *
 * Targets: 100k x 25 under 2 seconds on one core; at least 20x json-rules-engine.
 * Sizes can be changed: BENCH_PROFILES (100,000), BENCH_JRE_PROFILES (forces a json-rules-engine
 * subset; default: all profiles if that takes under 20 s, else the first 10,000, scaled),
 * BENCH_AGREEMENT_PROFILES (2,000), BENCH_BUDGET_SECONDS (60: our engine stops early and scales
 * if the 100k loop would take longer).
 */
import { isDeepStrictEqual } from 'node:util';
import type { Catalog } from '../src/catalog/schema.js';
import { createEvaluator, createScreener } from '../src/core/eligibility.js';
import type { Profile } from '../src/core/profile.js';
import { profileSchema } from '../src/core/profile.js';
import { createJreBaseline } from './json-rules-engine-baseline.js';
import { generateProfiles } from './profile-generator.js';

const SEED = 20261127;
const TARGET_SECONDS = 2;
const TARGET_RATIO = 20;

const envInt = (name: string, fallback: number) => {
  const v = Number(process.env[name]);
  return Number.isInteger(v) && v > 0 ? v : fallback;
};

const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
const line = (label: string, value: string) => console.log(`  ${label.padEnd(52)} ${value}`);

export async function benchEligibility(catalog: Catalog): Promise<void> {
  const asOf = catalog.manifest.verifiedAsOf;
  const count = envInt('BENCH_PROFILES', 100_000);
  const jreSubset = Math.min(count, envInt('BENCH_JRE_PROFILES', 10_000));
  const budgetSeconds = envInt('BENCH_BUDGET_SECONDS', 60);
  const agreementCount = Math.min(count, envInt('BENCH_AGREEMENT_PROFILES', 2_000));
  const certs = catalog.certifications.length;

  console.log(
    `\nEligibility: ${fmt(count)} synthetic profiles x ${certs} certifications, as of ${asOf} (seed ${SEED})`,
  );

  /* ---------- profiles (not counted) ---------- */
  let t0 = performance.now();
  const profiles = generateProfiles({ count, seed: SEED, asOf });
  const genMs = performance.now() - t0;
  line('profile generation (not counted)', `${(genMs / 1000).toFixed(2)} s`);
  const again = generateProfiles({ count: 50, seed: SEED, asOf });
  if (!isDeepStrictEqual(again, profiles.slice(0, 50)))
    throw new Error('profile generator is not deterministic');
  let invalid = 0;
  const sampleStep = Math.max(1, Math.floor(count / 1000));
  for (let i = 0; i < count; i += sampleStep) {
    const parsed = profileSchema.safeParse(profiles[i]);
    if (!parsed.success || !isDeepStrictEqual(parsed.data, profiles[i])) {
      invalid++;
      if (invalid === 1)
        console.log(
          `  INVALID profile #${i}: ${parsed.success ? 'defaults differ' : parsed.error.issues[0]?.message}`,
        );
    }
  }
  line(
    'profileSchema.parse check',
    `${fmt(Math.ceil(count / sampleStep))} sampled profiles, ${invalid} invalid; same seed -> same profiles`,
  );
  const shape = (f: (p: Profile) => number) => (profiles.reduce((s, p) => s + f(p), 0) / count).toFixed(2);
  line(
    'mean per profile',
    `${shape((p) => p.positions.length)} jobs, ${shape((p) => p.education.length)} degrees, ${shape((p) => p.ce.length)} CE, ${shape((p) => p.memberships.length)} memberships`,
  );

  /* ---------- agreement ---------- */
  const evaluate = createEvaluator(catalog);
  const jre = createJreBaseline(catalog, asOf);
  const perCert = new Map<
    string,
    { agree: number; total: number; oursEligible: number; examples: number[] }
  >();
  let agree = 0;
  let total = 0;
  for (let i = 0; i < agreementCount; i++) {
    const ours = evaluate(profiles[i]!, asOf);
    const theirs = await jre.evaluate(profiles[i]!);
    for (const r of ours.results) {
      const s = perCert.get(r.certification) ?? { agree: 0, total: 0, oursEligible: 0, examples: [] };
      perCert.set(r.certification, s);
      const other = theirs.get(r.certification) ?? null;
      s.total++;
      total++;
      if (r.eligible) s.oursEligible++;
      if (other === r.eligible) {
        s.agree++;
        agree++;
      } else if (s.examples.length < 3) s.examples.push(i);
    }
  }
  line(
    `verdict agreement, first ${fmt(agreementCount)} profiles`,
    `${((agree / total) * 100).toFixed(2)}% (${fmt(agree)} of ${fmt(total)} profile x certification verdicts)`,
  );
  console.log(
    `  eligible share (ours): ${[...perCert]
      .map(([id, s]) => `${id} ${((s.oursEligible / s.total) * 100).toFixed(1)}%`)
      .join(', ')}`,
  );
  for (const [id, s] of perCert)
    if (s.agree < s.total)
      console.log(
        `  DISAGREE ${id}: ${s.total - s.agree} of ${s.total} (e.g. profiles #${s.examples.join(', #')})`,
      );
  console.log(
    `  (${catalog.certifications.length - jre.certifications.length} certification(s) with unknown rules have no json-rules-engine rule; both sides answer "unknown"/null.)`,
  );

  /* ---------- (a) our engine ---------- */
  // The batch path: verdicts with projected dates (createScreener), every profile, unless the engine
  // is so slow that the run would exceed the time budget: then it stops at a multiple of 1,000
  // profiles and says so (the rate is still per evaluation).
  const screen = createScreener(catalog);
  let mismatches = 0;
  for (let i = 0; i < agreementCount; i++) {
    const full = evaluate(profiles[i]!, asOf).results;
    const fast = screen(profiles[i]!, asOf);
    full.forEach((r, k) => {
      const v = fast[k]!;
      if (v.eligible !== r.eligible || v.earliestEligible !== r.earliestEligible || v.status !== r.status)
        mismatches++;
    });
  }
  line(
    `screener = explained evaluator, first ${fmt(agreementCount)} profiles`,
    mismatches === 0 ? 'identical verdicts and dates' : `MISMATCH in ${mismatches} verdicts`,
  );
  if (mismatches > 0) process.exitCode = 1;
  let sink = 0;
  const timeLoop = (fn: (p: Profile) => number, limit: number) => {
    for (let i = 0; i < Math.min(limit, 1_000); i++) sink += fn(profiles[i]!);
    let done = 0;
    const start = performance.now();
    while (done < limit) {
      const stop = Math.min(limit, done + 1_000);
      for (let i = done; i < stop; i++) sink += fn(profiles[i]!);
      done = stop;
      if (performance.now() - start > budgetSeconds * 1000) break;
    }
    return { done, sec: (performance.now() - start) / 1000 };
  };
  const verdicts = timeLoop((p) => {
    let n = 0;
    for (const v of screen(p, asOf)) if (v.eligible) n++;
    return n;
  }, count);
  const done = verdicts.done;
  const oursSec = verdicts.sec;
  const oursRate = (done * certs) / oursSec;
  const ours100k = (100_000 * certs) / oursRate;
  console.log(
    `\n  (a) our engine, verdicts with dates: createScreener(catalog)(profile, asOf), one core, after warm-up`,
  );
  line(`${fmt(done)} profiles x ${certs} certifications`, `${oursSec.toFixed(3)} s`);
  if (done < count)
    line(
      `STOPPED at ${fmt(done)} of ${fmt(count)} profiles (${budgetSeconds} s budget)`,
      `${((oursSec * count) / done).toFixed(1)} s for all ${fmt(count)} (scaled, not measured)`,
    );
  line('evaluations per second (ours)', fmt(oursRate));
  line('profiles per second (ours)', fmt(oursRate / certs));
  line(
    `target "100k x 25 under ${TARGET_SECONDS} seconds"`,
    `${ours100k < TARGET_SECONDS ? 'MET' : 'MISSED'} (${ours100k.toFixed(2)} s for 100k x ${certs}${done === 100_000 ? '' : ', scaled'})`,
  );
  // The explained report (every condition with its sentence) is what one person sees; measured on
  // a subset for reference.
  const explainedN = Math.min(count, 10_000);
  const explained = timeLoop((p) => evaluate(p, asOf).results.length, explainedN);
  const explainedRate = (explained.done * certs) / explained.sec;
  line(
    `explained reports (createEvaluator), ${fmt(explained.done)} profiles`,
    `${fmt(explainedRate)} evaluations/s (${(oursRate / explainedRate).toFixed(1)}x slower than verdicts)`,
  );

  /* ---------- (b) json-rules-engine ---------- */
  // A probe on 500 profiles decides: all profiles if that would take under 20 s, else a subset.
  let jreN = Math.min(count, 500);
  for (let i = 0; i < jreN; i++) await jre.evaluate(profiles[i]!);
  t0 = performance.now();
  for (let i = 0; i < jreN; i++) await jre.evaluate(profiles[i]!);
  const probe = (performance.now() - t0) / jreN;
  jreN = process.env.BENCH_JRE_PROFILES ? jreSubset : probe * count < 20_000 ? count : jreSubset;
  t0 = performance.now();
  for (let i = 0; i < jreN; i++) {
    const verdicts = await jre.evaluate(profiles[i]!);
    for (const v of verdicts.values()) if (v) sink++;
  }
  const jreSec = (performance.now() - t0) / 1000;
  const jreRate = (jreN * certs) / jreSec;
  console.log(
    `\n  (b) json-rules-engine ${jre.certifications.length} rules, engine.run per profile, sequential, after warm-up`,
  );
  line(`${fmt(jreN)} profiles x ${certs} certifications`, `${jreSec.toFixed(3)} s`);
  if (jreN < count)
    line(
      `SCALED: measured on the first ${fmt(jreN)} profiles only`,
      `${((jreSec * count) / jreN).toFixed(1)} s estimated for ${fmt(count)} (too slow to run them all)`,
    );
  line('evaluations per second (json-rules-engine)', fmt(jreRate));
  line('profiles per second (json-rules-engine)', fmt(jreRate / certs));

  /* ---------- (c) ratio ---------- */
  const ratio = oursRate / jreRate;
  console.log('\n  (c) ratio');
  line('ours vs json-rules-engine (evaluations/s)', `${ratio.toFixed(1)}x`);
  line(`target "at least ${TARGET_RATIO}x"`, ratio >= TARGET_RATIO ? 'MET' : 'MISSED');
  if (sink < 0) console.log(sink); // keeps the work observable
}
