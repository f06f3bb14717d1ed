/** API tokens, on every database engine. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testClock, type TestClock } from '../../test/support/auth.js';
import { testDatabases } from '../../test/support/databases.js';
import { migrateToLatest, type Storage } from '../storage/db.js';
import { signUp, type AuthEnv } from './auth-service.js';
import { createPasswordHasher } from './passwords.js';
import { sha256Hex } from './secrets.js';
import { createApiToken, listApiTokens, resolveApiToken, revokeApiToken } from './token-service.js';

const HOUR = 60 * 60_000;

for (const database of await testDatabases()) {
  describe.skipIf(Boolean(database.skip))(`API tokens on ${database.name}`, () => {
    let storage: Storage;
    let clock: TestClock;
    let env: AuthEnv;
    let ada: string;
    let bob: string;
    beforeEach(async () => {
      storage = await database.open();
      await migrateToLatest(storage.db);
      clock = testClock();
      env = { db: storage.db, passwords: createPasswordHasher('fast'), now: clock.now };
      const password = 'correct horse battery staple';
      ada = (await signUp(env, { email: 'ada@example.org', displayName: 'Ada', password })).user.id;
      bob = (await signUp(env, { email: 'bob@example.org', displayName: 'Bob', password })).user.id;
    });
    afterEach(async () => {
      await storage.close();
    });

    const tokenUses = async (tokenId: string) =>
      (
        await storage.db
          .selectFrom('audit_events')
          .select(['at', 'actor'])
          .where('action', '=', 'token.use')
          .where('entity_id', '=', tokenId)
          .orderBy('at')
          .execute()
      ).map((e) => e.at);

    it('creates a token shown once, stored only as its SHA-256', async () => {
      const { token, apiToken } = await createApiToken(
        env,
        { userId: ada, actor: 'session' },
        { name: '  HR import ', expiresInDays: 90 },
      );
      expect(token).toMatch(/^hmp_[A-Za-z0-9_-]{43}$/);
      expect(apiToken).toEqual({
        id: expect.any(String),
        name: 'HR import',
        prefix: token.slice(0, 12),
        createdAt: '2026-11-28T12:00:00.000Z',
        lastUsedAt: null,
        expiresAt: '2027-02-26T12:00:00.000Z',
        revokedAt: null,
        status: 'active',
      });
      const row = await storage.db.selectFrom('api_tokens').selectAll().executeTakeFirstOrThrow();
      expect(row.token_hash).toBe(sha256Hex(token));
      expect(JSON.stringify(row)).not.toContain(token);
      const event = await storage.db
        .selectFrom('audit_events')
        .selectAll()
        .where('action', '=', 'token.create')
        .executeTakeFirstOrThrow();
      expect(event).toMatchObject({ user_id: ada, entity_id: apiToken.id, details: '{"expiresInDays":90}' });
      expect(event.details).not.toContain('HR import');
    });

    it('refuses an empty name or an expiry out of range', async () => {
      const who = { userId: ada, actor: 'session' };
      await expect(createApiToken(env, who, { name: '  ' })).rejects.toMatchObject({
        status: 400,
        message: 'name: must not be empty',
      });
      await expect(createApiToken(env, who, { name: 'x', expiresInDays: 0 })).rejects.toMatchObject({
        status: 400,
        message: 'expiresInDays: must be a whole number of days from 1 to 3650',
      });
    });

    it('resolves a token and records its use at most once an hour', async () => {
      const { token, apiToken } = await createApiToken(
        env,
        { userId: ada, actor: 'session' },
        { name: 'ci' },
      );
      expect(await resolveApiToken(env, token)).toEqual({ userId: ada, tokenId: apiToken.id });
      clock.advance(HOUR - 1000);
      await resolveApiToken(env, token);
      expect(await tokenUses(apiToken.id)).toEqual(['2026-11-28T12:00:00.000Z']);
      clock.advance(1000);
      await Promise.all([
        resolveApiToken(env, token),
        resolveApiToken(env, token),
        resolveApiToken(env, token),
      ]);
      expect(await tokenUses(apiToken.id)).toEqual(['2026-11-28T12:00:00.000Z', '2026-11-28T13:00:00.000Z']);
      const [listed] = await listApiTokens(env, ada);
      expect(listed?.lastUsedAt).toBe('2026-11-28T13:00:00.000Z');
      const actor = await storage.db
        .selectFrom('audit_events')
        .select('actor')
        .where('action', '=', 'token.use')
        .executeTakeFirst();
      expect(actor?.actor).toBe(`token:${apiToken.id}`);
    });

    it('stops accepting a token once revoked or expired', async () => {
      const who = { userId: ada, actor: 'session' };
      const revoked = await createApiToken(env, who, { name: 'a' });
      const expiring = await createApiToken(env, who, { name: 'b', expiresInDays: 1 });
      await revokeApiToken(env, who, revoked.apiToken.id);
      expect(await resolveApiToken(env, revoked.token)).toBeNull();
      expect(await resolveApiToken(env, expiring.token)).not.toBeNull();
      clock.advance(24 * HOUR);
      expect(await resolveApiToken(env, expiring.token)).toBeNull();
      expect(await resolveApiToken(env, 'hmp_short')).toBeNull();
      expect(await resolveApiToken(env, `hmp_${'A'.repeat(43)}`)).toBeNull();
      const statuses = (await listApiTokens(env, ada)).map((t) => `${t.name}:${t.status}`).sort();
      expect(statuses).toEqual(['a:revoked', 'b:expired']);
    });

    it("answers 404 for another user's token and never changes it", async () => {
      const bobs = await createApiToken(env, { userId: bob, actor: 'session' }, { name: 'bob' });
      await expect(
        revokeApiToken(env, { userId: ada, actor: 'session' }, bobs.apiToken.id),
      ).rejects.toMatchObject({
        status: 404,
        code: 'token_not_found',
        message: `No API token with id "${bobs.apiToken.id}"`,
      });
      expect(await resolveApiToken(env, bobs.token)).not.toBeNull();
      expect(await listApiTokens(env, ada)).toEqual([]);
    });

    it('revokes once: a second revocation changes nothing and records nothing', async () => {
      const who = { userId: ada, actor: 'session' };
      const { apiToken } = await createApiToken(env, who, { name: 'a' });
      await revokeApiToken(env, who, apiToken.id);
      clock.advance(HOUR);
      await revokeApiToken(env, who, apiToken.id);
      const [listed] = await listApiTokens(env, ada);
      expect(listed?.revokedAt).toBe('2026-11-28T12:00:00.000Z');
      const revokes = await storage.db
        .selectFrom('audit_events')
        .select('id')
        .where('action', '=', 'token.revoke')
        .execute();
      expect(revokes).toHaveLength(1);
    });
  });
}
