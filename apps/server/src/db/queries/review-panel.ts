import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { assignments, campaignExperts } from '../schema/index.ts';
import { selectExperts, selectPanel } from './review.ts';

/** Default cap of an expert without a panel row (the column's default). */
export const DEFAULT_CAP = 20;

/**
 * The panel of a campaign: every expert of the pool with availability, cap, drawn flag and current load (active
 * assignments). An expert without a row is available (when active) with the default cap. `inPanel` is the set the
 * automatic assignment uses: the drawn experts when a draw took place, else every available one.
 */
export async function loadPanel(db: Db, campaignId: string) {
  const [pool, rows, loads] = await Promise.all([
    selectExperts(db),
    selectPanel(db, campaignId),
    db
      .select({ expertId: assignments.expertId, n: sql<number>`count(*)::int` })
      .from(assignments)
      .where(and(eq(assignments.campaignId, campaignId), eq(assignments.status, 'active')))
      .groupBy(assignments.expertId),
  ]);
  const byExpert = new Map(rows.map((r) => [r.expertId, r]));
  const loadOf = new Map(loads.map((l) => [l.expertId, l.n]));
  const drawHappened = rows.some((r) => r.drawn);
  return pool
    .map((e) => {
      const row = byExpert.get(e.id);
      const available = e.active && (row?.available ?? true);
      const drawn = row?.drawn ?? false;
      return { ...e, available, cap: row?.cap ?? DEFAULT_CAP, drawn, load: loadOf.get(e.id) ?? 0, inPanel: available && (!drawHappened || drawn) };
    })
    .sort((a, b) => a.id.localeCompare(b.id));
}

/** Upserts a panel row. */
export async function upsertPanelRow(tx: Db, campaignId: string, expertId: string, values: { available?: boolean; cap?: number; drawn?: boolean }) {
  await tx
    .insert(campaignExperts)
    .values({ campaignId, expertId, ...values })
    .onConflictDoUpdate({ target: [campaignExperts.campaignId, campaignExperts.expertId], set: values });
}
