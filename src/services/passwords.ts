/**
 * Password hashing with argon2id (`@node-rs/argon2`: prebuilt binaries, no install scripts).
 *
 * Parameters follow the OWASP Password Storage Cheat Sheet's argon2id baseline:
 * memoryCost 19456 KiB (19 MiB), timeCost 2 passes, parallelism 1, 32-byte output, 16-byte random
 * salt, all recorded in the PHC string (`$argon2id$v=19$m=19456,t=2,p=1$salt$hash`) so hashes made
 * with other parameters still verify. About 70-90 ms per hash on a current server core.
 *
 * The 'fast' cost (64 KiB, 1 pass) exists only so tests stay quick; it must be asked for explicitly
 * (`buildApp({auth: {argon2Cost: 'fast'}})`) and is never chosen from the environment.
 */
import { hash, parseOptions, verify, type Algorithm, type Options } from '@node-rs/argon2';
import { newSecret } from './secrets.js';

/** `Algorithm.Argon2id`; the enum is a `const enum` that isolated modules cannot read. */
const ARGON2ID = 2 as Algorithm;

/** Which argon2id parameters to use: 'standard' (OWASP) everywhere, 'fast' in tests only. */
export type Argon2Cost = 'standard' | 'fast';

/** The argon2id parameters of each cost. */
export const argon2Parameters: Record<Argon2Cost, Readonly<Options>> = {
  standard: { algorithm: ARGON2ID, memoryCost: 19456, timeCost: 2, parallelism: 1, outputLen: 32 },
  fast: { algorithm: ARGON2ID, memoryCost: 64, timeCost: 1, parallelism: 1, outputLen: 32 },
};

export interface PasswordHasher {
  /** The argon2id PHC string of the password, with a fresh random salt. */
  hash(password: string): Promise<string>;
  /** True when the password matches the stored PHC string; false (never a throw) for a malformed hash. */
  verify(passwordHash: string, password: string): Promise<boolean>;
  /**
   * Spends the same time as {@link verify} against a hash of nothing, so that a sign-in for an
   * unknown email takes as long as one with a wrong password. Always false.
   */
  verifyDummy(password: string): Promise<false>;
  /** True when the stored hash was made with other parameters than the current ones (rehash on sign-in). */
  needsRehash(passwordHash: string): boolean;
}

/**
 * A hasher with the given cost.
 *
 * @example
 * const passwords = createPasswordHasher('standard');
 * const stored = await passwords.hash('correct horse battery');
 * await passwords.verify(stored, 'correct horse battery'); // true
 */
export function createPasswordHasher(cost: Argon2Cost = 'standard'): PasswordHasher {
  const options = argon2Parameters[cost];
  // Made up front so that the first unknown-email sign-in is not slower than the others.
  const dummy = hash(newSecret(), options);
  dummy.catch(() => undefined);
  const check = async (passwordHash: string, password: string): Promise<boolean> => {
    try {
      return await verify(passwordHash, password);
    } catch {
      return false;
    }
  };
  return {
    hash: (password) => hash(password, options),
    verify: check,
    async verifyDummy(password) {
      await check(await dummy, password);
      return false;
    },
    needsRehash(passwordHash) {
      try {
        const stored = parseOptions(passwordHash);
        return (
          stored.algorithm !== options.algorithm ||
          stored.memoryCost !== options.memoryCost ||
          stored.timeCost !== options.timeCost ||
          stored.parallelism !== options.parallelism
        );
      } catch {
        return true;
      }
    },
  };
}
