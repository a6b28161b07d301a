import { createHmac, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import { DomainError } from '@zhengji/domain';
import type { Db } from '../../db/client.ts';
import { getSiteSecret } from '../../db/queries/site-secret.ts';
import { hitRateCounter } from '../../db/queries/rate-counter.ts';

/** How long a challenge stays valid. */
export const CHALLENGE_TTL_MS = 30 * 60 * 1000;

/** An arithmetic question with its signed token (HMAC over numbers, issue time and a nonce). */
export interface Challenge {
  question: string;
  token: string;
}

const sign = (secret: Buffer, payload: string) => createHmac('sha256', secret).update(payload).digest('base64url');

/** Issues a new question (a + b, both 1..20) signed with the site secret; no server state. */
export async function issueChallenge(db: Db, now: Date): Promise<Challenge> {
  const a = randomInt(1, 21);
  const b = randomInt(1, 21);
  const payload = `${a}.${b}.${now.getTime()}.${randomBytes(9).toString('base64url')}`;
  return { question: `${a} 加 ${b} 等于多少？`, token: `${payload}.${sign(await getSiteSecret(db, 'challenge'), payload)}` };
}

/** Checks the answer, the signature, the age and that the token is used only once; throws VALIDATION otherwise. */
export async function verifyChallenge(db: Db, token: string, answer: string, now: Date): Promise<void> {
  const parts = token.split('.');
  const wrong = new DomainError('VALIDATION', '验证题回答不正确或已过期，请重新回答页面上的计算题');
  if (parts.length !== 5) throw wrong;
  const [a, b, issued, nonce, mac] = parts as [string, string, string, string, string];
  const expected = Buffer.from(sign(await getSiteSecret(db, 'challenge'), `${a}.${b}.${issued}.${nonce}`));
  const given = Buffer.from(mac);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) throw wrong;
  const age = now.getTime() - Number(issued);
  if (!(age >= 0 && age <= CHALLENGE_TTL_MS)) throw wrong;
  if (answer.trim() !== String(Number(a) + Number(b))) throw wrong;
  const use = await hitRateCounter(db, `challenge:${nonce}`, CHALLENGE_TTL_MS / 1000 * 2, new Date(Number(issued)));
  if (use.count > 1) throw wrong;
}
