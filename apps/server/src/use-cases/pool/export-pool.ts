import type { UseCaseContext } from '../context.ts';
import { writeAudit } from '../audit/write-audit.ts';
import { renderCandidatePoolXlsx } from '../../documents/candidate-pool.xlsx.ts';
import { campaignForPool } from './pool-access.ts';
import { listPool } from './list-pool.ts';

/** The candidate pool as an Excel workbook (the center); the export is audited. */
export async function exportPool(ctx: UseCaseContext, campaignId: string): Promise<{ fileName: string; content: Buffer }> {
  const campaign = await campaignForPool(ctx, ctx.db, campaignId, false);
  const pool = await listPool(ctx, campaignId);
  const content = await renderCandidatePoolXlsx(
    campaign.title,
    pool.candidates.map((c) => ({ ...c, overlap: c.overlapFlag ? (c.overlapResolved ? '已确认' : '待确认') : '' })),
  );
  await ctx.db.transaction((tx) =>
    writeAudit(tx, ctx, { action: 'pool.export', objectType: 'campaign', objectId: campaignId, changes: { candidates: pool.candidates.length } }),
  );
  return { fileName: `${campaign.year}年候选职业库.xlsx`, content };
}
