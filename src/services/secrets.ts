/**
 * Random secrets and their digests for sessions, CSRF tokens and API tokens. Secrets are 32
 * random bytes (256 bits) in base64url; only their SHA-256 is stored, so a copy of the database
 * cannot be replayed as credentials.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** 32 random bytes as base64url (43 characters). */
export function newSecret(): string {
  return randomBytes(32).toString('base64url');
}

/**
 * SHA-256 of the text, as 64 lower-case hex characters. A fast hash is right here (unlike for
 * passwords): the input is a 256-bit random secret, so it cannot be guessed.
 *
 * @example
 * sha256Hex('abc'); // 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'
 */
export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** Compares two strings in time that does not depend on where they differ. */
export function safeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a, 'utf8');
  const right = Buffer.from(b, 'utf8');
  return left.length === right.length && timingSafeEqual(left, right);
}
