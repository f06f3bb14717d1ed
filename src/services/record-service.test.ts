/**
 * The learner record on every database engine: items in and out as profile@1, validation with
 * field paths, other accounts' items never visible, all-or-nothing import with a stale-preview
 * guard, export, planned exams.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { builtinCatalog } from '../../test/support/catalog.js';
import { testDatabases } from '../../test/support/databases.js';
import { makeProfile } from '../../test/support/profiles.js';
import { profileSchema, type Profile } from '../core/profile.js';
import { migrateToLatest, type Storage } from '../storage/db.js';
import type { RecordSection } from '../storage/tables.js';
import { listAudit } from './audit-service.js';
import { AppError, NotFoundError, ValidationError } from './errors.js';
import { parseProfileText, serializeProfile } from './profile-service.js';
import {
  addPlannedExam,
  applyImport,
  createRecord,
  deletePlannedExam,
  deleteRecord,
  exportAll,
  listPlannedExams,
  listRecords,
  loadProfile,
  previewImport,
  RECORD_SECTIONS,
  recordRevision,
  SECTION_LIMITS,
  sortKeyOf,
  updateProfileFields,
  updateRecord,
} from './record-service.js';

const catalog = await builtinCatalog();
const examplesDir = path.resolve(import.meta.dirname, '..', '..', 'examples');
const examples = await Promise.all(
  (await readdir(examplesDir))
    .filter((f) => /\.(ya?ml|json)$/.test(f))
    .sort()
    .map(async (file) => ({
      file,
      profile: parseProfileText(catalog, await readFile(path.join(examplesDir, file), 'utf8'), {
        filename: file,
      }),
    })),
);

const T0 = Date.parse('2026-11-28T12:00:00.000Z');
const at = (minutes: number) => new Date(T0 + minutes * 60_000).toISOString();
const ctx = (minutes = 0) => ({ actor: 'session', at: at(minutes) });
const ADA = '00000000-0000-4000-8000-00000000000a';
const BEN = '00000000-0000-4000-8000-00000000000b';

/** The error a promise rejects with. */
async function failure(p: Promise<unknown>): Promise<unknown> {
  try {
    await p;
  } catch (e) {
    return e;
  }
  throw new Error('expected the call to fail');
}

const nurseManager = examples.find((e) => e.file === 'nurse-manager.yaml')!.profile;
const executive = examples.find((e) => e.file === 'healthcare-executive.yaml')!.profile;

describe('record limits', () => {
  it('match the profile@1 schema', () => {
    const sample: Record<RecordSection, unknown> = {
      education: { level: 'bachelor' },
      positions: { title: 'Nurse', start: '2020-01' },
      credentials: { id: 'CPHQ' },
      ce: { date: '2025-01-01', hours: 1 },
      memberships: { id: 'ACHE' },
      projects: { title: 'Project', kind: 'project' },
      volunteering: { kind: 'community', date: '2024-05' },
      assessments: { date: '2026-01-01', ratings: {} },
    };
    for (const s of RECORD_SECTIONS) {
      const list = (n: number) => Array.from({ length: n }, () => sample[s]);
      const schema = profileSchema.shape[s];
      expect(schema.safeParse(list(SECTION_LIMITS[s])).success, s).toBe(true);
      expect(schema.safeParse(list(SECTION_LIMITS[s] + 1)).success, s).toBe(false);
    }
  });

  it('orders items by their main date, month alone as its first day, undated last', () => {
    expect(sortKeyOf('positions', { title: 'x', start: '2020-07', fte: 1, kinds: [] })).toBe('2020-07-01');
    expect(sortKeyOf('credentials', { id: 'X', expires: '2027-12-31', status: 'active' })).toBe('2027-12-31');
    expect(sortKeyOf('memberships', { id: 'ACHE', type: 'member' })).toBe('9999-12-31');
  });
});

for (const database of await testDatabases()) {
  const title = database.skip
    ? `learner records on ${database.name} (skipped: ${database.skip})`
    : `learner records on ${database.name}`;
  describe.skipIf(Boolean(database.skip))(title, () => {
    let storage: Storage;
    beforeEach(async () => {
      storage = await database.open();
      await migrateToLatest(storage.db);
      for (const [id, email] of [
        [ADA, 'ada@example.org'],
        [BEN, 'ben@example.org'],
      ] as const)
        await storage.db
          .insertInto('users')
          .values({
            id,
            email,
            display_name: email.split('@')[0]!,
            password_hash: 'x',
            calendar_token_hash: null,
            created_at: at(0),
            updated_at: at(0),
          })
          .execute();
    });
    afterEach(async () => {
      await storage.close();
    });

    describe('reading', () => {
      it('gives an empty, valid profile for an account with nothing recorded', async () => {
        expect(await loadProfile(storage.db, ADA)).toEqual(makeProfile({}));
        expect(await listRecords(storage.db, ADA)).toEqual(
          Object.fromEntries(RECORD_SECTIONS.map((s) => [s, []])),
        );
      });

      it.each(examples.map((e) => [e.file, e.profile] as const))(
        'round-trips %s: import, then load, gives the example back',
        async (_file, profile) => {
          await applyImport(storage.db, ADA, profile, 'replace', ctx());
          expect(await loadProfile(storage.db, ADA)).toEqual(profile);
        },
      );

      it('round-trips licences beyond RN, another credential and an id the catalog does not know', async () => {
        const profile = makeProfile({
          credentials: [
            {
              id: 'OTHER',
              name: 'Certified Public Accountant',
              issuer: 'AICPA',
              earned: '2012-05-01',
              expires: '2027-12-31',
            },
            { id: 'APRN_LICENSE', earned: '2018-06' },
            { id: 'NOT_IN_CATALOG', earned: '2020-01' },
          ],
        });
        await applyImport(storage.db, ADA, profile, 'replace', ctx());
        const loaded = await loadProfile(storage.db, ADA);
        expect(loaded).toEqual(profile);
        expect(parseProfileText(catalog, serializeProfile(loaded, 'yaml'))).toEqual(profile);
      });

      it('keeps items in date order, and items of one date in the order they were added', async () => {
        await createRecord(storage.db, ADA, 'ce', { date: '2026-03-01', hours: 2, title: 'Later' }, ctx(1));
        await createRecord(storage.db, ADA, 'ce', { date: '2025-01', hours: 1, title: 'First' }, ctx(2));
        await createRecord(storage.db, ADA, 'ce', { date: '2025-01-01', hours: 1, title: 'Second' }, ctx(2));
        await createRecord(storage.db, ADA, 'ce', { date: '2025-01-01', hours: 1, title: 'Third' }, ctx(2));
        const titles = (await loadProfile(storage.db, ADA)).ce.map((a) => a.title);
        expect(titles).toEqual(['First', 'Second', 'Third', 'Later']);
      });
    });

    describe('item changes', () => {
      it("stores a job's role and gives it back, in the item and in the profile; a change of role is kept", async () => {
        const item = await createRecord(
          storage.db,
          ADA,
          'positions',
          {
            title: 'Charge Nurse, MICU',
            role: 'charge-nurse',
            start: '2021-03',
            fte: 0.9,
            kinds: ['healthcare'],
          },
          ctx(1),
        );
        expect(item.data).toMatchObject({ title: 'Charge Nurse, MICU', role: 'charge-nurse' });
        expect((await loadProfile(storage.db, ADA)).positions[0]!.role).toBe('charge-nurse');
        await updateRecord(
          storage.db,
          ADA,
          item.id,
          { ...item.data, role: 'nurse-manager', title: 'Nurse Manager, MICU' },
          ctx(2),
        );
        const [stored] = (await listRecords(storage.db, ADA)).positions;
        expect(stored!.data).toMatchObject({ role: 'nurse-manager', fte: 0.9 });
        // Another account never sees it.
        expect((await loadProfile(storage.db, BEN)).positions).toEqual([]);
        // A role that is not an id is refused, naming the field.
        await expect(
          createRecord(
            storage.db,
            ADA,
            'positions',
            { title: 'X', role: 'not an id', start: '2021-03' },
            ctx(3),
          ),
        ).rejects.toThrow(/positions\.role: must be a catalog id/);
      });

      it('creates, updates and deletes an item, with an audit event each', async () => {
        const item = await createRecord(
          storage.db,
          ADA,
          'positions',
          { title: 'Nurse Manager', start: '2020-07', kinds: ['healthcare'] },
          ctx(1),
        );
        expect(item).toMatchObject({
          section: 'positions',
          data: { title: 'Nurse Manager', start: '2020-07', fte: 1, kinds: ['healthcare'] },
          createdAt: at(1),
          updatedAt: at(1),
        });
        const updated = await updateRecord(
          storage.db,
          ADA,
          item.id,
          { title: 'Nurse Manager', start: '2020-07', end: '2024-06' },
          ctx(2),
        );
        expect(updated).toMatchObject({ id: item.id, createdAt: at(1), updatedAt: at(2) });
        expect((await loadProfile(storage.db, ADA)).positions).toEqual([
          { title: 'Nurse Manager', start: '2020-07', end: '2024-06', fte: 1, kinds: [] },
        ]);
        await deleteRecord(storage.db, ADA, item.id, ctx(3));
        expect((await loadProfile(storage.db, ADA)).positions).toEqual([]);
        const { events } = await listAudit(storage.db, ADA, { limit: 10 });
        expect(events.map((e) => [e.action, e.actor, e.entityType, e.entityId, e.at])).toEqual([
          ['record.delete', 'session', 'positions', item.id, at(3)],
          ['record.update', 'session', 'positions', item.id, at(2)],
          ['record.create', 'session', 'positions', item.id, at(1)],
        ]);
      });

      it('refuses invalid items with the field path, and writes nothing', async () => {
        const cases: [string, unknown, string][] = [
          [
            'positions',
            { title: 'Nurse', start: '2020-07', end: '2019-01' },
            'positions.end: must not be before start',
          ],
          ['positions', { start: '2020-07' }, 'positions.title: is required'],
          ['ce', { date: '2025-02-30', hours: 2 }, 'ce.date: not a date (YYYY-MM-DD or YYYY-MM)'],
          ['ce', { date: '2025-02-01', hours: -1 }, 'ce.hours: must not be negative'],
          [
            'credentials',
            { id: 'CPHQ', status: 'expired' },
            'credentials.status: must be one of: active, restricted, lapsed',
          ],
          [
            'education',
            { level: 'bachelor', school: 'X' },
            'education.school: unknown field (check the spelling)',
          ],
          [
            'hobbies',
            { name: 'chess' },
            'section: must be one of: education, positions, credentials, ce, memberships, projects, volunteering, assessments',
          ],
        ];
        for (const [section, data, message] of cases) {
          const e = await failure(createRecord(storage.db, ADA, section, data, ctx()));
          expect(e, message).toBeInstanceOf(ValidationError);
          expect((e as ValidationError).message).toBe(message);
          expect((e as ValidationError).code).toBe('invalid_record');
          expect((e as ValidationError).status).toBe(400);
        }
        const item = await createRecord(
          storage.db,
          ADA,
          'positions',
          { title: 'Nurse', start: '2020-07' },
          ctx(),
        );
        const e = await failure(
          updateRecord(storage.db, ADA, item.id, { title: 'Nurse', start: '2020-07', end: '2020-06' }, ctx()),
        );
        expect((e as ValidationError).message).toBe('positions.end: must not be before start');
        expect((await exportAll(storage.db, ADA)).auditEvents).toHaveLength(1);
      });

      it('answers "not found" for another account’s item, and changes nothing', async () => {
        const bens = await createRecord(storage.db, BEN, 'ce', { date: '2025-01-01', hours: 3 }, ctx());
        const before = await exportAll(storage.db, BEN);
        // Started one at a time (a rejected promise created early would be reported as unhandled).
        for (const attempt of [
          () => updateRecord(storage.db, ADA, bens.id, { date: '2025-01-01', hours: 30 }, ctx()),
          // Even invalid data: the item's existence is not revealed by a validation error.
          () => updateRecord(storage.db, ADA, bens.id, { nonsense: true }, ctx()),
          () => deleteRecord(storage.db, ADA, bens.id, ctx()),
          () => deleteRecord(storage.db, ADA, '00000000-0000-7000-8000-000000000000', ctx()),
        ]) {
          const e = await failure(attempt());
          expect(e).toBeInstanceOf(NotFoundError);
          expect(e).toMatchObject({ status: 404, code: 'record_not_found', message: 'No such record item.' });
        }
        expect(await exportAll(storage.db, BEN)).toEqual(before);
        expect((await listRecords(storage.db, ADA)).ce).toEqual([]);
      });

      it('enforces the profile@1 limit on a section', async () => {
        for (let i = 0; i < SECTION_LIMITS.education; i++)
          await createRecord(storage.db, ADA, 'education', { level: 'bachelor' }, ctx());
        const e = await failure(createRecord(storage.db, ADA, 'education', { level: 'master' }, ctx()));
        expect((e as ValidationError).message).toBe('education: must have at most 20 entries');
      });

      it('changes profile fields: omitted kept, null removed, invalid refused with the path', async () => {
        await updateProfileFields(storage.db, ADA, { name: 'Ada Byron', collegeCreditHours: 90 }, ctx(1));
        const fields = await updateProfileFields(
          storage.db,
          ADA,
          {
            collegeCreditHours: null,
            attestations: ['FACHE_REFERENCES'],
            goals: { targetRole: 'cno', certifications: ['NEA-BC', 'FACHE'] },
          },
          ctx(2),
        );
        expect(fields).toEqual({
          name: 'Ada Byron',
          attestations: ['FACHE_REFERENCES'],
          goals: { targetRole: 'cno', certifications: ['NEA-BC', 'FACHE'] },
        });
        const profile = await loadProfile(storage.db, ADA);
        expect(profile).toMatchObject({ name: 'Ada Byron', attestations: ['FACHE_REFERENCES'] });
        expect(profile.goals?.certifications).toEqual(['NEA-BC', 'FACHE']);
        expect((await exportAll(storage.db, ADA)).profile.goals?.certifications).toEqual(['NEA-BC', 'FACHE']);
        expect(profile.collegeCreditHours).toBeUndefined();
        const e = await failure(updateProfileFields(storage.db, ADA, { goals: { by: '2030-13' } }, ctx()));
        expect((e as ValidationError).message).toBe('goals.by: not a date (YYYY-MM-DD or YYYY-MM)');
        const unknown = await failure(updateProfileFields(storage.db, ADA, { nickname: 'A' }, ctx()));
        expect((unknown as ValidationError).message).toBe('nickname: unknown field (check the spelling)');
        const { events } = await listAudit(storage.db, ADA, { limit: 10 });
        expect(events.map((e) => [e.action, e.entityType, e.details])).toEqual([
          ['record.update', 'profile', { fields: ['collegeCreditHours', 'attestations', 'goals'] }],
          ['record.update', 'profile', { fields: ['name', 'collegeCreditHours'] }],
        ]);
      });
    });

    describe('import', () => {
      it('previews a replace: added, removed and unchanged per section, without writing', async () => {
        await applyImport(storage.db, ADA, nurseManager, 'replace', ctx());
        const before = await exportAll(storage.db, ADA);
        const next: Profile = {
          ...nurseManager,
          positions: [nurseManager.positions[1]!],
          ce: [{ date: '2026-05-01', hours: 6, category: 'ache_in_person' }],
        };
        const preview = await previewImport(storage.db, ADA, next, 'replace');
        expect(preview.sections.positions).toMatchObject({ added: 0, removed: 1, unchanged: 1 });
        expect(preview.sections.positions.removedItems.map((i) => i.data)).toEqual([
          nurseManager.positions[0],
        ]);
        expect(preview.sections.ce).toMatchObject({
          added: 1,
          removed: 0,
          unchanged: 0,
          addedItems: [{ date: '2026-05-01', hours: 6, category: 'ache_in_person' }],
        });
        expect(preview.totals).toEqual({ added: 1, removed: 1, unchanged: 4 });
        expect(preview.fields.changed).toEqual([]);
        expect(preview.revision).toBe(await recordRevision(storage.db, ADA));
        expect(await exportAll(storage.db, ADA)).toEqual(before);

        const result = await applyImport(storage.db, ADA, next, 'replace', {
          ...ctx(5),
          expectedRevision: preview.revision,
        });
        expect(result.totals).toEqual(preview.totals);
        expect(result.revision).not.toBe(preview.revision);
        expect(await loadProfile(storage.db, ADA)).toEqual(next);
        // Unchanged items keep their ids and times.
        const kept = before.records.positions[1]!;
        expect((await listRecords(storage.db, ADA)).positions).toEqual([kept]);
      });

      it('replaces profile fields too: the record becomes exactly the file', async () => {
        await applyImport(storage.db, ADA, executive, 'replace', ctx());
        await applyImport(storage.db, ADA, nurseManager, 'replace', ctx(1));
        expect(await loadProfile(storage.db, ADA)).toEqual(nurseManager);
      });

      it('merges without duplicating: only items not already recorded are added', async () => {
        await applyImport(storage.db, ADA, nurseManager, 'replace', ctx());
        await updateProfileFields(storage.db, ADA, { name: 'Jordan L.' }, ctx(1));
        const preview = await previewImport(storage.db, ADA, nurseManager, 'merge');
        expect(preview.totals).toEqual({ added: 0, removed: 0, unchanged: 5 });
        const extra: Profile = {
          ...nurseManager,
          name: 'Someone Else',
          ce: [{ date: '2026-01-10', hours: 2 }],
          attestations: ['FACHE_REFERENCES'],
        };
        const result = await applyImport(storage.db, ADA, extra, 'merge', ctx(2));
        expect(result.totals).toEqual({ added: 1, removed: 0, unchanged: 5 });
        // The same file again adds nothing.
        const again = await applyImport(storage.db, ADA, extra, 'merge', ctx(3));
        expect(again.totals).toEqual({ added: 0, removed: 0, unchanged: 6 });
        const profile = await loadProfile(storage.db, ADA);
        expect(profile.positions).toEqual(nurseManager.positions);
        expect(profile.ce).toEqual([{ date: '2026-01-10', hours: 2 }]);
        // Merge fills in, never overwrites: the name stays; attestations are joined.
        expect(profile.name).toBe('Jordan L.');
        expect(profile.attestations).toEqual(['FACHE_REFERENCES']);
      });

      it('counts equal items one to one: two identical activities stay two', async () => {
        const twice = makeProfile({
          ce: [
            { date: '2026-01-10', hours: 1 },
            { date: '2026-01-10', hours: 1 },
          ],
        });
        await applyImport(
          storage.db,
          ADA,
          makeProfile({ ce: [{ date: '2026-01-10', hours: 1 }] }),
          'replace',
          ctx(),
        );
        const preview = await previewImport(storage.db, ADA, twice, 'merge');
        expect(preview.sections.ce).toMatchObject({ added: 1, unchanged: 1 });
        await applyImport(storage.db, ADA, twice, 'merge', ctx(1));
        expect((await loadProfile(storage.db, ADA)).ce).toHaveLength(2);
      });

      it('writes one record.import audit event with the counts and no personal data', async () => {
        await applyImport(storage.db, ADA, executive, 'replace', { actor: 'token:t1', at: at(4) });
        const { events } = await listAudit(storage.db, ADA, { limit: 10 });
        expect(events).toHaveLength(1);
        expect(events[0]).toMatchObject({
          action: 'record.import',
          actor: 'token:t1',
          entityType: 'record',
          at: at(4),
          details: {
            mode: 'replace',
            added: 17,
            removed: 0,
            unchanged: 0,
            fields: ['name', 'attestations', 'goals'],
          },
        });
        expect(JSON.stringify(events[0]!.details)).not.toContain('Alicia');
      });

      it('is all or nothing: a failure half-way leaves the record exactly as it was', async () => {
        await applyImport(storage.db, ADA, nurseManager, 'replace', ctx());
        await addPlannedExam(storage.db, ADA, { certificationId: 'CPHQ', date: '2027-05-10' }, ctx(1));
        const before = await exportAll(storage.db, ADA);
        const revision = await recordRevision(storage.db, ADA);
        for (const mode of ['replace', 'merge'] as const) {
          let written = 0;
          const e = await failure(
            applyImport(storage.db, ADA, executive, mode, {
              ...ctx(2),
              hooks: {
                afterItem: (n) => {
                  written = n;
                  if (n === 3) throw new Error('disk full');
                },
              },
            }),
          );
          expect((e as Error).message).toBe('disk full');
          expect(written).toBe(3);
          expect(await exportAll(storage.db, ADA)).toEqual(before);
          expect(await recordRevision(storage.db, ADA)).toBe(revision);
        }
      });

      it('refuses a stale preview with 409 record_changed, writing nothing', async () => {
        await applyImport(storage.db, ADA, nurseManager, 'replace', ctx());
        const preview = await previewImport(storage.db, ADA, executive, 'replace');
        // The record changes after the preview (in another tab, say).
        await createRecord(storage.db, ADA, 'ce', { date: '2026-02-02', hours: 1 }, ctx(1));
        const before = await exportAll(storage.db, ADA);
        const e = await failure(
          applyImport(storage.db, ADA, executive, 'replace', {
            ...ctx(2),
            expectedRevision: preview.revision,
          }),
        );
        expect(e).toBeInstanceOf(AppError);
        expect(e).toMatchObject({ status: 409, code: 'record_changed' });
        expect(await exportAll(storage.db, ADA)).toEqual(before);
        // A fresh preview applies.
        const fresh = await previewImport(storage.db, ADA, executive, 'replace');
        await applyImport(storage.db, ADA, executive, 'replace', {
          ...ctx(3),
          expectedRevision: fresh.revision,
        });
        expect(await loadProfile(storage.db, ADA)).toEqual(executive);
      });

      it('applies only one of two imports racing from the same preview', async () => {
        await applyImport(storage.db, ADA, nurseManager, 'replace', ctx());
        const { revision } = await previewImport(storage.db, ADA, executive, 'merge');
        const results = await Promise.allSettled(
          [executive, makeProfile({ ce: [{ date: '2026-01-10', hours: 2 }] })].map((p, i) =>
            applyImport(storage.db, ADA, p, 'merge', { ...ctx(1 + i), expectedRevision: revision }),
          ),
        );
        expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
        const rejected = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
        expect(rejected.reason).toMatchObject({ status: 409, code: 'record_changed' });
        const imports = (await exportAll(storage.db, ADA)).auditEvents.filter(
          (e) => e.action === 'record.import',
        );
        expect(imports).toHaveLength(2); // the first replace and the one that won
      });

      it('refuses an invalid profile or mode with the path', async () => {
        const bad = { ...nurseManager, positions: [{ title: 'X', start: '2020-13' }] } as unknown as Profile;
        const e = await failure(previewImport(storage.db, ADA, bad, 'merge'));
        expect(e).toMatchObject({
          status: 400,
          code: 'invalid_profile',
          message: 'positions[0].start: not a date (YYYY-MM-DD or YYYY-MM)',
        });
        const m = await failure(previewImport(storage.db, ADA, nurseManager, 'upsert' as 'merge'));
        expect(m).toMatchObject({ status: 400, message: 'mode: must be one of: replace, merge' });
      });

      it('imports into one account only', async () => {
        await applyImport(storage.db, ADA, executive, 'replace', ctx());
        expect(await loadProfile(storage.db, BEN)).toEqual(makeProfile({}));
        await applyImport(storage.db, BEN, nurseManager, 'replace', ctx(1));
        expect(await loadProfile(storage.db, ADA)).toEqual(executive);
      });
    });

    describe('export and planned exams', () => {
      it('exports the profile, every item with ids and times, planned exams and the audit log', async () => {
        await applyImport(storage.db, ADA, nurseManager, 'replace', ctx());
        const exam = await addPlannedExam(
          storage.db,
          ADA,
          { certificationId: 'CPHQ', date: '2027-05-10', note: 'Book the testing centre' },
          ctx(1),
        );
        const all = await exportAll(storage.db, ADA);
        expect(all.profile).toEqual(nurseManager);
        expect(all.records.positions.map((p) => p.data)).toEqual(nurseManager.positions);
        expect(all.records.positions[0]).toEqual({
          id: expect.any(String),
          section: 'positions',
          data: nurseManager.positions[0],
          createdAt: at(0),
          updatedAt: at(0),
          etag: expect.stringMatching(/^"[A-Za-z0-9_-]{22}"$/),
        });
        expect(all.plannedExams).toEqual([exam]);
        expect(all.auditEvents.map((e) => e.action)).toEqual(['record.create', 'record.import']);
        expect(JSON.parse(JSON.stringify(all))).toEqual(all);
      });

      it('adds, lists (soonest first) and deletes planned exams of one account only', async () => {
        const later = await addPlannedExam(
          storage.db,
          ADA,
          { certificationId: 'PMP', date: '2028-01-15' },
          ctx(),
        );
        const sooner = await addPlannedExam(
          storage.db,
          ADA,
          { certificationId: 'CPHQ', date: '2027-05-10' },
          ctx(),
        );
        expect(sooner).toEqual({
          id: expect.any(String),
          certificationId: 'CPHQ',
          date: '2027-05-10',
          note: null,
          createdAt: at(0),
        });
        expect((await listPlannedExams(storage.db, ADA)).map((e) => e.id)).toEqual([sooner.id, later.id]);
        expect(await listPlannedExams(storage.db, BEN)).toEqual([]);
        const e = await failure(deletePlannedExam(storage.db, BEN, later.id, ctx()));
        expect(e).toMatchObject({ status: 404, code: 'planned_exam_not_found' });
        await deletePlannedExam(storage.db, ADA, later.id, ctx(1));
        expect(await listPlannedExams(storage.db, ADA)).toEqual([sooner]);
        const bad = await failure(
          addPlannedExam(storage.db, ADA, { certificationId: 'PMP', date: '2028-02-30' }, ctx()),
        );
        expect(bad).toMatchObject({ status: 400, message: 'plannedExam.date: must be a date (YYYY-MM-DD)' });
      });
    });
  });
}
