/**
 * One signed-in person's dashboard: how much the storage and the renewal report add to the
 * eligibility verdicts alone (baseline), on the quality-director example.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Catalog } from '../src/catalog/schema.js';
import { createEvaluator, createScreener } from '../src/core/eligibility.js';
import { evaluateRenewals } from '../src/core/renewal.js';
import { buildDashboard } from '../src/services/dashboard-service.js';
import { parseProfileText } from '../src/services/profile-service.js';
import { applyImport } from '../src/services/record-service.js';
import type { Storage } from '../src/storage/db.js';
import { compare } from './harness.js';

export async function benchDashboard(catalog: Catalog, storage: Storage): Promise<void> {
  const file = path.resolve(import.meta.dirname, '..', 'examples', 'quality-director.yaml');
  const profile = parseProfileText(catalog, await readFile(file, 'utf8'));
  const at = '2026-11-27T12:00:00.000Z';
  const userId = '00000000-0000-4000-8000-00000000bench';
  await storage.db
    .insertInto('users')
    .values({
      id: userId,
      email: 'bench@example.org',
      display_name: 'Bench',
      password_hash: 'x',
      calendar_token_hash: null,
      created_at: at,
      updated_at: at,
    })
    .execute();
  await applyImport(storage.db, userId, profile, 'replace', { actor: 'system', at });
  const asOf = '2026-11-27';
  const screen = createScreener(catalog);
  const evaluate = createEvaluator(catalog);
  await compare(
    'Dashboard of one person (baseline: verdicts for every certification)',
    { name: 'createScreener verdicts (baseline)', fn: () => screen(profile, asOf) },
    [
      { name: 'explained eligibility report', fn: () => evaluate(profile, asOf) },
      { name: 'renewal report (evaluateRenewals)', fn: () => evaluateRenewals(catalog, profile, asOf) },
      {
        name: 'buildDashboard (SQLite load + both reports)',
        fn: () => buildDashboard(storage.db, catalog, userId, asOf),
      },
    ],
  );
}
