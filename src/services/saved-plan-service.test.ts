/**
 * Saved plans on every database engine: saved from the record, re-planned when the record changes
 * (with `changed` said once), done marks kept by step id, other people's plans never visible.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { builtinCatalog } from '../../test/support/catalog.js';
import { testDatabases } from '../../test/support/databases.js';
import { migrateToLatest, type Storage } from '../storage/db.js';
import { listAudit } from './audit-service.js';
import { CareerInputError } from './career-service.js';
import { NotFoundError } from './errors.js';
import { CurrentRoleUnknownError } from './plan-service.js';
import { createRecord } from './record-service.js';
import { createPlan, getPlan, listPlans, removePlan, setStepDone } from './saved-plan-service.js';

const catalog = await builtinCatalog();
const ADA = '00000000-0000-4000-8000-00000000000a';
const BEN = '00000000-0000-4000-8000-00000000000b';
const at = '2026-11-28T12:00:00.000Z';
const ctx = { actor: 'session', at, today: '2026-11-28' };

async function failure(p: Promise<unknown>): Promise<unknown> {
  try {
    await p;
  } catch (e) {
    return e;
  }
  throw new Error('expected the call to fail');
}

for (const database of await testDatabases()) {
  const title = database.skip
    ? `saved plans on ${database.name} (skipped: ${database.skip})`
    : `saved plans on ${database.name}`;
  describe.skipIf(Boolean(database.skip))(title, () => {
    let storage: Storage;
    beforeEach(async () => {
      storage = await database.open();
      await migrateToLatest(storage.db);
      for (const [id, email] of [
        [ADA, 'ada@example.org'],
        [BEN, 'ben@example.org'],
      ] as const) {
        await storage.db
          .insertInto('users')
          .values({
            id,
            email,
            display_name: 'x',
            password_hash: 'x',
            calendar_token_hash: null,
            created_at: at,
            updated_at: at,
          })
          .execute();
      }
      await createRecord(
        storage.db,
        ADA,
        'positions',
        {
          title: 'Practice Manager',
          role: 'practice-manager',
          start: '2024-09',
          kinds: ['healthcare', 'practice_management'],
        },
        { actor: 'session', at },
      );
      await createRecord(
        storage.db,
        ADA,
        'education',
        { level: 'bachelor', completed: '2015-05' },
        { actor: 'session', at },
      );
    });
    afterEach(async () => {
      await storage.close();
    });

    it('saves a plan from the record and re-plans when the record changes', async () => {
      const saved = await createPlan(storage.db, catalog, ADA, { to: 'practice-administrator' }, ctx);
      expect(saved.plan?.path).toEqual(['practice-manager', 'practice-administrator']);
      expect(saved.changed).toBe(false);
      const move = saved.plan!.steps.find((s) => s.kind === 'role')!;
      // Three typical years in the job would allow 2027-09, but the role's typical five years of
      // experience are only reached in 2029.
      expect(move.start.slice(0, 4)).toBe('2029');
      expect(move.why).toContain('5 years of experience');
      // An earlier job in the record: the experience is there sooner, the move comes earlier.
      await createRecord(
        storage.db,
        ADA,
        'positions',
        {
          title: 'Practice Manager (earlier clinic)',
          role: 'practice-manager',
          start: '2022-01',
          end: '2024-08',
          kinds: ['healthcare'],
        },
        { actor: 'session', at },
      );
      const again = await getPlan(storage.db, catalog, ADA, saved.id, ctx);
      expect(again.changed).toBe(true);
      expect(again.plan!.steps.find((s) => s.kind === 'role')!.start).toBe('2027-09-01');
      expect((await getPlan(storage.db, catalog, ADA, saved.id, ctx)).changed).toBe(false); // said once
      const listed = await listPlans(storage.db, catalog, ADA);
      expect(listed.map((p) => p.to)).toEqual([
        { id: 'practice-administrator', title: 'Practice Administrator' },
      ]);
    });

    it('says once that the plan changed after the record changed', async () => {
      const saved = await createPlan(storage.db, catalog, ADA, { to: 'practice-administrator' }, ctx);
      await createRecord(
        storage.db,
        ADA,
        'credentials',
        { id: 'CMPE', earned: '2026-10-01' },
        { actor: 'session', at },
      );
      const changed = await getPlan(storage.db, catalog, ADA, saved.id, ctx);
      expect(changed.changed).toBe(true); // CMPE is held now: its step is gone
      expect(changed.plan!.steps.some((s) => s.ref === 'CMPE' && s.kind === 'certification')).toBe(false);
      expect((await getPlan(storage.db, catalog, ADA, saved.id, ctx)).changed).toBe(false);
    });

    it('keeps done marks by step id', async () => {
      const saved = await createPlan(storage.db, catalog, ADA, { to: 'practice-administrator' }, ctx);
      const step = saved.plan!.steps.find((s) => s.kind === 'role')!.id;
      const marked = await setStepDone(storage.db, catalog, ADA, saved.id, step, true, ctx);
      expect(marked.done).toEqual([step]);
      expect((await getPlan(storage.db, catalog, ADA, saved.id, ctx)).done).toEqual([step]);
      const unmarked = await setStepDone(storage.db, catalog, ADA, saved.id, step, false, ctx);
      expect(unmarked.done).toEqual([]);
    });

    it('never shows or changes another person’s plan', async () => {
      const saved = await createPlan(storage.db, catalog, ADA, { to: 'practice-administrator' }, ctx);
      expect(await listPlans(storage.db, catalog, BEN)).toEqual([]);
      expect(await failure(getPlan(storage.db, catalog, BEN, saved.id, ctx))).toBeInstanceOf(NotFoundError);
      expect(
        await failure(
          setStepDone(storage.db, catalog, BEN, saved.id, 'role:practice-administrator', true, ctx),
        ),
      ).toBeInstanceOf(NotFoundError);
      expect(await failure(removePlan(storage.db, BEN, saved.id, ctx))).toBeInstanceOf(NotFoundError);
      await removePlan(storage.db, ADA, saved.id, ctx);
      expect(await listPlans(storage.db, catalog, ADA)).toEqual([]);
      const actions = (await listAudit(storage.db, ADA, { limit: 10 })).events.map((e) => e.action);
      expect(actions).toEqual(expect.arrayContaining(['plan.create', 'plan.delete']));
    });

    it('refuses bad input before storing anything', async () => {
      const e = await failure(createPlan(storage.db, catalog, ADA, { to: 'practice-manager' }, ctx));
      expect(e).toBeInstanceOf(CareerInputError);
      expect((e as CareerInputError).issues[0]!.path).toBe('to');
      // Ben has no current job with a role.
      const noRole = await failure(createPlan(storage.db, catalog, BEN, { to: 'cno' }, ctx));
      expect(noRole).toBeInstanceOf(CurrentRoleUnknownError);
      expect((noRole as CurrentRoleUnknownError).code).toBe('current_role_unknown');
      expect(await listPlans(storage.db, catalog, ADA)).toEqual([]);
    });
  });
}
