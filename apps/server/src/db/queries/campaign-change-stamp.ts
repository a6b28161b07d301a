import { sql } from 'drizzle-orm';
import { LRUCache } from 'lru-cache';
import type { Db } from '../client.ts';

/**
 * A cheap fingerprint of everything the roster board and the statistics of a campaign are computed from (forms,
 * roster units, late exceptions, candidates, the campaign itself). Equal stamps mean equal results, so a computed
 * board can be reused by any request on this instance; every instance checks the stamp against the database.
 */
export async function campaignChangeStamp(db: Db, campaignId: string): Promise<string> {
  const result = await db.execute(sql`
    SELECT
      (SELECT concat(count(*), '/', max(updated_at), '/', sum(version)) FROM forms WHERE campaign_id = ${campaignId}) AS f,
      (SELECT concat(count(*), '/', max(u.updated_at)) FROM campaign_units cu JOIN units u ON u.id = cu.unit_id WHERE cu.campaign_id = ${campaignId}) AS r,
      (SELECT concat(count(*), '/', max(granted_at)) FROM form_late_exceptions WHERE campaign_id = ${campaignId}) AS l,
      (SELECT concat(count(*), '/', max(updated_at), '/', sum(version)) FROM candidates WHERE campaign_id = ${campaignId}) AS c,
      (SELECT concat(updated_at, '/', version) FROM campaigns WHERE id = ${campaignId}) AS k`);
  const row = (result as unknown as { rows: Record<string, unknown>[] }).rows[0] ?? {};
  return JSON.stringify(row);
}

/** A small per-process cache of values keyed by campaign and validated by the change stamp. */
export function stampedCache<T>(max = 50) {
  const entries = new LRUCache<string, { stamp: string; value: T }>({ max });
  return {
    get(campaignId: string, stamp: string): T | undefined {
      const e = entries.get(campaignId);
      return e && e.stamp === stamp ? e.value : undefined;
    },
    set(campaignId: string, stamp: string, value: T): void {
      entries.set(campaignId, { stamp, value });
    },
  };
}
