import { randomInt } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';

// Algorithm.Argon2id of @node-rs/argon2 (an ambient const enum, not importable with isolatedModules).
const ARGON2ID = 2;

/** Hashes a password with argon2id. */
export function hashPassword(password: string): Promise<string> {
  return hash(password, { algorithm: ARGON2ID, memoryCost: 19456, timeCost: 2, parallelism: 1 });
}

/** A hash of nothing, verified against when the user is unknown so that both answers take as long. */
let dummyHash: Promise<string> | null = null;

/** Verifies a password against a stored hash (or a dummy one, in the same time, when there is none). */
export async function verifyPassword(stored: string | null, password: string): Promise<boolean> {
  dummyHash ??= hashPassword('not-a-real-password-Zj#0');
  const ok = await verify(stored ?? (await dummyHash), password).catch(() => false);
  return stored !== null && ok;
}

const ALPHABET = {
  lower: 'abcdefghijkmnpqrstuvwxyz',
  upper: 'ABCDEFGHJKLMNPQRSTUVWXYZ',
  digit: '23456789',
  special: '#%+=@!',
};

/** A random password of 16 characters meeting the password rules. */
export function generatePassword(): string {
  const all = Object.values(ALPHABET).join('');
  const chars = [ALPHABET.lower, ALPHABET.upper, ALPHABET.digit, ALPHABET.special].map((set) => set[randomInt(set.length)]!);
  while (chars.length < 16) chars.push(all[randomInt(all.length)]!);
  for (let i = chars.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [chars[i], chars[j]] = [chars[j]!, chars[i]!];
  }
  return chars.join('');
}
