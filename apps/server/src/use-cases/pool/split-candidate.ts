import { and, eq } from 'drizzle-orm';
import { DomainError } from '@zhengji/domain';
import { candidates } from '../../db/schema/index.ts';
import type { UseCaseContext } from '../context.ts';
import { writeAudit } from '../audit/write-audit.ts';
import { campaignForPool } from './pool-access.ts';
import { rebuildPool } from './rebuild-pool.ts';
import { recheckConflictsIfAvailable } from './recheck-conflicts-hook.ts';

/** Undoes a merge: the candidate's own rows form their own candidate again. */
export async function splitCandidate(ctx: UseCaseContext, campaignId: string, candidateId: string): Promise<{ candidateId: string }> {
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const campaign = await campaignForPool(ctx, tx, campaignId, true);
    const [c] = await tx
      .select()
      .from(candidates)
      .where(and(eq(candidates.id, candidateId), eq(candidates.campaignId, campaignId)));
    if (!c) throw new DomainError('NOT_FOUND', '该候选职业不存在');
    if (!c.mergedIntoId) throw new DomainError('INVALID_STATE', '该候选职业没有被合并，无需拆分');
    await tx.update(candidates).set({ mergedIntoId: null, updatedAt: now }).where(eq(candidates.id, candidateId));
    const result = await rebuildPool(tx, campaign, now);
    await recheckConflictsIfAvailable(tx, result.changedUnits);
    await writeAudit(tx, ctx, { action: 'pool.split', objectType: 'candidate', objectId: candidateId, changes: { from: c.mergedIntoId } });
    return { candidateId };
  });
}
