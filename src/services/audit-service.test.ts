/** The audit service on every database engine. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testDatabases } from '../../test/support/databases.js';
import { migrateToLatest, type Storage } from '../storage/db.js';
import { insertUser } from '../storage/user-repository.js';
import { listAudit, recordAudit } from './audit-service.js';

const T0 = Date.parse('2026-11-28T12:00:00.000Z');
const at = (minutes: number) => new Date(T0 + minutes * 60_000).toISOString();
const userId = '00000000-0000-4000-8000-000000000001';

for (const database of await testDatabases()) {
  describe.skipIf(Boolean(database.skip))(`audit service on ${database.name}`, () => {
    let storage: Storage;
    beforeEach(async () => {
      storage = await database.open();
      await migrateToLatest(storage.db);
      await insertUser(storage.db, {
        id: userId,
        email: 'ada@example.org',
        display_name: 'Ada',
        password_hash: 'x',
        calendar_token_hash: null,
        created_at: at(0),
        updated_at: at(0),
      });
    });
    afterEach(async () => {
      await storage.close();
    });

    it('records events and lists them newest first with their details', async () => {
      await recordAudit(storage.db, { userId, action: 'session.sign_in', actor: 'session' }, at(0));
      await recordAudit(
        storage.db,
        {
          userId,
          action: 'record.update',
          actor: 'token:t1',
          entityType: 'record_item',
          entityId: 'r1',
          details: { section: 'positions', fields: ['start', 'end'] },
        },
        at(1),
      );
      const page = await listAudit(storage.db, userId, { limit: 10 });
      expect(page).toEqual({
        events: [
          {
            id: expect.any(String),
            at: at(1),
            action: 'record.update',
            actor: 'token:t1',
            entityType: 'record_item',
            entityId: 'r1',
            details: { section: 'positions', fields: ['start', 'end'] },
          },
          {
            id: expect.any(String),
            at: at(0),
            action: 'session.sign_in',
            actor: 'session',
            entityType: null,
            entityId: null,
            details: null,
          },
        ],
        nextBefore: null,
      });
    });

    it('pages with an opaque cursor until the last page', async () => {
      for (let i = 0; i < 5; i++)
        await recordAudit(storage.db, { userId, action: `a.${i}`, actor: 'system' }, at(i));
      const seen: string[] = [];
      let before: string | undefined;
      for (;;) {
        const page = await listAudit(storage.db, userId, { limit: 2, before });
        seen.push(...page.events.map((e) => e.action));
        if (!page.nextBefore) break;
        before = page.nextBefore;
      }
      expect(seen).toEqual(['a.4', 'a.3', 'a.2', 'a.1', 'a.0']);
      await expect(listAudit(storage.db, userId, { limit: 2, before: 'not-a-cursor' })).rejects.toMatchObject(
        {
          status: 400,
          code: 'invalid_request',
          message: 'query parameter before: must be the nextBefore value of a previous page',
        },
      );
    });

    it('refuses details that name secrets or personal data, at any depth', async () => {
      for (const details of [
        { password: 'x' },
        { newPassword: 'x' },
        { token: 'hmp_x' },
        { email: 'a@b.org' },
        { changes: [{ user_agent: 'x' }] },
        { nested: { IP: '10.0.0.1' } },
        { displayName: 'Ada' },
      ]) {
        await expect(
          recordAudit(storage.db, { userId, action: 'x.y', actor: 'system', details }, at(0)),
        ).rejects.toThrow(/audit details must not hold secrets or personal data/);
      }
      expect((await listAudit(storage.db, userId, { limit: 10 })).events).toEqual([]);
    });

    it('records the anonymous event of an account deletion', async () => {
      await recordAudit(storage.db, { userId: null, action: 'account.delete', actor: 'system' }, at(0));
      const rows = await storage.db.selectFrom('audit_events').selectAll().execute();
      expect(rows).toEqual([
        {
          id: expect.any(String),
          user_id: null,
          at: at(0),
          action: 'account.delete',
          actor: 'system',
          entity_type: null,
          entity_id: null,
          details: null,
        },
      ]);
    });
  });
}
