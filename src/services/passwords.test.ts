import { describe, expect, it } from 'vitest';
import { argon2Parameters, createPasswordHasher } from './passwords.js';

describe('password hashing', () => {
  it('uses argon2id with the OWASP parameters by default', async () => {
    const passwords = createPasswordHasher();
    const stored = await passwords.hash('correct horse battery staple');
    expect(stored).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$[A-Za-z0-9+/]{22}\$[A-Za-z0-9+/]{43}$/);
    expect(await passwords.verify(stored, 'correct horse battery staple')).toBe(true);
    expect(await passwords.verify(stored, 'correct horse battery stapler')).toBe(false);
    expect(passwords.needsRehash(stored)).toBe(false);
    expect(argon2Parameters.standard).toMatchObject({ memoryCost: 19456, timeCost: 2, parallelism: 1 });
  });

  it('salts every hash', async () => {
    const passwords = createPasswordHasher('fast');
    expect(await passwords.hash('same password')).not.toBe(await passwords.hash('same password'));
  });

  it('verifies hashes made with other parameters and asks for a rehash', async () => {
    const fast = await createPasswordHasher('fast').hash('a passphrase here');
    expect(fast).toMatch(/^\$argon2id\$v=19\$m=64,t=1,p=1\$/);
    const standard = createPasswordHasher('standard');
    expect(await standard.verify(fast, 'a passphrase here')).toBe(true);
    expect(standard.needsRehash(fast)).toBe(true);
  });

  it('answers false, never throws, for a malformed stored hash; the dummy check is always false', async () => {
    const passwords = createPasswordHasher('fast');
    expect(await passwords.verify('not a hash', 'whatever')).toBe(false);
    expect(passwords.needsRehash('not a hash')).toBe(true);
    expect(await passwords.verifyDummy('whatever')).toBe(false);
  });
});
