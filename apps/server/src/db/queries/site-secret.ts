import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { siteSecrets } from '../schema/index.ts';

const cache = new WeakMap<Db, Map<string, Buffer>>();

/** A random secret shared by every instance, created on first use and kept in the database (cached per process). */
export async function getSiteSecret(db: Db, name: string): Promise<Buffer> {
  const mine = cache.get(db) ?? new Map<string, Buffer>();
  cache.set(db, mine);
  const hit = mine.get(name);
  if (hit) return hit;
  await db
    .insert(siteSecrets)
    .values({ name, value: randomBytes(32).toString('base64') })
    .onConflictDoNothing();
  const [row] = await db.select({ value: siteSecrets.value }).from(siteSecrets).where(eq(siteSecrets.name, name));
  const secret = Buffer.from(row!.value, 'base64');
  mine.set(name, secret);
  return secret;
}
