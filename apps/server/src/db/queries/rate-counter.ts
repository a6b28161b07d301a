import { sql } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { rateCounters } from '../schema/index.ts';

/** Counts one hit of key in the current fixed window; returns the count and when the window ends. Safe across instances. */
export async function hitRateCounter(db: Db, key: string, windowSeconds: number, now: Date): Promise<{ count: number; resetAt: Date }> {
  const windowMs = windowSeconds * 1000;
  const windowStart = new Date(Math.floor(now.getTime() / windowMs) * windowMs);
  const [row] = await db
    .insert(rateCounters)
    .values({ key, windowStart, count: 1 })
    .onConflictDoUpdate({ target: [rateCounters.key, rateCounters.windowStart], set: { count: sql`${rateCounters.count} + 1` } })
    .returning({ count: rateCounters.count });
  return { count: row?.count ?? 1, resetAt: new Date(windowStart.getTime() + windowMs) };
}
