/**
 * Invariants of renewal tracking over generated profiles and every certification with a renewal
 * cycle: more CE inside the cycle never lowers what is earned nor worsens the status, and the
 * evaluation is deterministic (the same input, or the same CE in another order, gives the same
 * answer).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { builtinCatalog } from '../../test/support/catalog.js';
import { makeProfile } from '../../test/support/profiles.js';
import { fromDay, toDay } from './dates.js';
import type { Profile } from './profile.js';
import { evaluateRenewals, type CredentialRenewal, type RenewalStatus } from './renewal.js';

const catalog = await builtinCatalog();
const vocab = catalog.vocabulary;
const CERTS = catalog.certifications.map((c) => c.id);
const CATEGORIES = vocab.ceCategories.map((c) => c.id);
const UNITS = vocab.creditUnits.map((u) => u.id);

/** Worse is larger; statuses that do not depend on CE keep their own places. */
const rank: Record<RenewalStatus, number> = {
  complete: 0,
  on_track: 1,
  at_risk: 2,
  credits_not_entered: 2,
  due: 3,
  lapsed: 4,
  not_required: 10,
  unknown: 11,
  untracked: 12,
};

const day = (min: string, max: string) =>
  fc.integer({ min: toDay(min), max: toDay(max) }).map((d) => fromDay(d));
// Ranges chosen so that most cycles are current on the as-of date and hold some CE.
const arbAsOf = day('2025-01-01', '2027-12-31');

const arbActivity = fc.record(
  {
    date: day('2021-01-01', '2028-12-31'),
    hours: fc.integer({ min: 0, max: 80 }).map((h) => h / 2),
    category: fc.constantFrom(...CATEGORIES),
    credits: fc.array(
      fc.record(
        {
          unit: fc.constantFrom(...UNITS),
          amount: fc.integer({ min: 0, max: 60 }).map((a) => a / 2),
          category: fc.constantFrom(...CATEGORIES),
        },
        { requiredKeys: ['unit', 'amount'] },
      ),
      { maxLength: 2 },
    ),
  },
  { requiredKeys: ['date', 'hours'] },
);

const arbHeld = fc.record(
  {
    id: fc.constantFrom(...CERTS, 'RN_LICENSE'),
    earned: day('2018-01-01', '2027-12-31'),
    expires: day('2024-06-01', '2030-12-31'),
    status: fc.constantFrom('active' as const, 'active' as const, 'lapsed' as const),
  },
  { requiredKeys: ['id'] },
);

const arbProfile = fc
  .record({
    credentials: fc.array(arbHeld, { minLength: 1, maxLength: 4 }),
    ce: fc.array(arbActivity, { maxLength: 30 }),
  })
  .map((parts) => makeProfile(parts));

/** What more CE may change: the status and, per option, earned and remaining. */
function progress(r: CredentialRenewal) {
  return r.options.map((o) => ({ id: o.id, earned: o.earned, remaining: o.remaining }));
}

describe('renewal invariants', () => {
  it('adding a CE activity inside a cycle never lowers earned nor worsens any status', () => {
    fc.assert(
      fc.property(arbProfile, arbAsOf, fc.nat(), arbActivity, (profile, asOf, pick, extra) => {
        const before = evaluateRenewals(catalog, profile, asOf).credentials;
        const target = before[pick % before.length]!;
        if (!target.window) return;
        // A day inside the cycle that has already happened.
        const from = toDay(target.window.start);
        const to = Math.min(toDay(target.window.end), toDay(asOf));
        if (to < from) return;
        const date = fromDay(from + (pick % (to - from + 1)));
        const more: Profile = { ...profile, ce: [...profile.ce, { ...extra, date }] };
        const after = evaluateRenewals(catalog, more, asOf).credentials;
        before.forEach((b, i) => {
          const a = after[i]!;
          expect(rank[a.status], `${b.credential}: ${b.status} -> ${a.status}`).toBeLessThanOrEqual(
            rank[b.status],
          );
          const pa = progress(a);
          progress(b).forEach((o, j) => {
            expect(pa[j]!.earned).toBeGreaterThanOrEqual(o.earned - 1e-9);
            if (o.remaining !== null) expect(pa[j]!.remaining!).toBeLessThanOrEqual(o.remaining + 1e-9);
          });
        });
      }),
      { numRuns: 400 },
    );
  });

  it('is deterministic, and the order of CE activities does not matter', () => {
    fc.assert(
      fc.property(arbProfile, arbAsOf, (profile, asOf) => {
        const a = evaluateRenewals(catalog, profile, asOf);
        expect(evaluateRenewals(catalog, structuredClone(profile), asOf)).toEqual(a);
        const reversed = evaluateRenewals(catalog, { ...profile, ce: [...profile.ce].reverse() }, asOf);
        reversed.credentials.forEach((r, i) => {
          const o = a.credentials[i]!;
          expect(r.status).toBe(o.status);
          r.options.forEach((opt, j) => expect(opt.earned).toBeCloseTo(o.options[j]!.earned, 9));
        });
      }),
      { numRuns: 300 },
    );
  });

  it('keeps its numbers consistent: remaining is never negative, complete means nothing remains', () => {
    fc.assert(
      fc.property(arbProfile, arbAsOf, (profile, asOf) => {
        for (const r of evaluateRenewals(catalog, profile, asOf).credentials) {
          for (const o of r.options) {
            expect(o.earned).toBeGreaterThanOrEqual(0);
            if (o.remaining !== null) {
              expect(o.remaining).toBeGreaterThanOrEqual(0);
              expect(o.met).toBe(o.remaining <= 1e-6);
            }
            for (const c of o.categories) expect(c.counted).toBeLessThanOrEqual(c.earned + 1e-9);
          }
          if (r.status === 'complete') expect(r.options.some((o) => o.met)).toBe(true);
          if (r.window) {
            expect(r.window.start <= r.window.end).toBe(true);
            expect(r.daysLeft).toBe(toDay(r.window.end) - toDay(asOf));
          }
          expect(r.explanation.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 300 },
    );
  });
});
