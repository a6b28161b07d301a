import type { UseCaseContext } from '../context.ts';
import { writeAudit } from '../audit/write-audit.ts';
import { campaignForPool } from './pool-access.ts';
import { rebuildPool } from './rebuild-pool.ts';
import { recheckConflictsIfAvailable } from './recheck-conflicts-hook.ts';

/** Builds or refreshes the candidate pool from the passed rows of accepted forms (merges and decisions kept). */
export async function refreshPool(ctx: UseCaseContext, campaignId: string): Promise<{ candidates: number; overlaps: number }> {
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const campaign = await campaignForPool(ctx, tx, campaignId, true);
    const result = await rebuildPool(tx, campaign, now);
    await recheckConflictsIfAvailable(tx, result.changedUnits);
    await writeAudit(tx, ctx, {
      action: 'pool.refresh',
      objectType: 'campaign',
      objectId: campaignId,
      changes: { candidates: result.candidates, overlaps: result.overlaps },
    });
    return { candidates: result.candidates, overlaps: result.overlaps };
  });
}
