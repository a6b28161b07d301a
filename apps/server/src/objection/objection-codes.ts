import { createHash, randomInt } from 'node:crypto';
import { shanghaiIsoDate } from '@zhengji/domain';

const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
const randomText = (n: number) => Array.from({ length: n }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');

/** A receipt number such as YY20241008-7KQ3M9 (date of filing, Shanghai). */
export function newReceiptNo(now: Date): string {
  return `YY${shanghaiIsoDate(now).replaceAll('-', '')}-${randomText(6)}`;
}

/** A query code of 10 unambiguous characters (about 50 bits); only its hash is stored. */
export function newQueryCode(): string {
  return randomText(10);
}

/** SHA-256 (hex) of a query code as typed: spaces and dashes dropped, upper case. */
export function hashQueryCode(code: string): string {
  return createHash('sha256').update(code.replace(/[\s-]/g, '').toUpperCase()).digest('hex');
}
