import { createHash, randomBytes } from 'node:crypto';

/** A new random session id (sent in the cookie) and the hash stored in the database. */
export function newSessionToken(): { token: string; idHash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, idHash: hashSessionToken(token) };
}

/** The stored form of a session id. */
export function hashSessionToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** A new CSRF token. */
export function newCsrfToken(): string {
  return randomBytes(24).toString('base64url');
}
