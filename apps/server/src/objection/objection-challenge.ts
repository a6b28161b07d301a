import { createHmac, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import { DomainError } from '@zhengji/domain';
import type { Db } from '../db/client.ts';
import { getSiteSecret } from '../db/queries/site-secret.ts';
import { hitRateCounter } from '../db/queries/rate-counter.ts';

/** How long a challenge stays valid. */
export const CHALLENGE_TTL_MS = 30 * 60 * 1000;

/** An arithmetic question with its token: expiry, nonce and an HMAC over answer + expiry + nonce (no operands). */
export interface Challenge {
  question: string;
  token: string;
}

const sign = (secret: Buffer, answer: string, expires: string, nonce: string) =>
  createHmac('sha256', secret).update(`${answer}.${expires}.${nonce}`).digest('base64url');

/**
 * Issues a new question (a + b, both 1..20). The token carries neither the operands nor the answer: only the expiry, a
 * nonce and a MAC over the answer with the site secret, so it proves the answer without keeping any server state.
 */
export async function issueChallenge(db: Db, now: Date): Promise<Challenge> {
  const a = randomInt(1, 21);
  const b = randomInt(1, 21);
  const expires = String(now.getTime() + CHALLENGE_TTL_MS);
  const nonce = randomBytes(12).toString('base64url');
  return { question: `${a} 加 ${b} 等于多少？`, token: `${expires}.${nonce}.${sign(await getSiteSecret(db, 'challenge'), String(a + b), expires, nonce)}` };
}

/**
 * Checks the answer against the token's MAC and expiry. A token is spent by its first use, right or wrong, so that no
 * token can be tried with every answer; throws VALIDATION otherwise.
 */
export async function verifyChallenge(db: Db, token: string, answer: string, now: Date): Promise<void> {
  const wrong = new DomainError('VALIDATION', '验证题回答不正确或已过期，请重新回答页面上的计算题');
  const parts = token.split('.');
  if (parts.length !== 3) throw wrong;
  const [expires, nonce, mac] = parts as [string, string, string];
  const left = Number(expires) - now.getTime();
  if (!/^\d{1,15}$/.test(expires) || !(left >= 0 && left <= CHALLENGE_TTL_MS) || !/^[\w-]{16}$/.test(nonce)) throw wrong;
  const use = await hitRateCounter(db, `challenge:${nonce}`, (CHALLENGE_TTL_MS / 1000) * 2, new Date(Number(expires) - CHALLENGE_TTL_MS));
  if (use.count > 1) throw wrong;
  const given = answer.trim().replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
  if (!/^\d{1,3}$/.test(given)) throw wrong;
  const expected = Buffer.from(sign(await getSiteSecret(db, 'challenge'), String(Number(given)), expires, nonce));
  const got = Buffer.from(mac);
  if (expected.length !== got.length || !timingSafeEqual(expected, got)) throw wrong;
}
