import { and, eq, inArray, isNull } from 'drizzle-orm';
import { z } from 'zod';
import { DomainError } from '@zhengji/domain';
import { MergeCandidatesSchema } from '@zhengji/domain/pool/pool.schemas.ts';
import { candidates } from '../../db/schema/index.ts';
import type { UseCaseContext } from '../context.ts';
import { writeAudit } from '../audit/write-audit.ts';
import { campaignForPool } from './pool-access.ts';
import { rebuildPool } from './rebuild-pool.ts';
import { recheckConflictsIfAvailable } from './recheck-conflicts-hook.ts';

/**
 * Merges candidates into one (e.g. a 工种 into its whole occupation): the rows of `fromIds` are filed under
 * `intoId` from now on, the merged candidates stay read-only and linked by mergedIntoId.
 */
export async function mergeCandidates(ctx: UseCaseContext, campaignId: string, input: z.input<typeof MergeCandidatesSchema>): Promise<{ intoId: string }> {
  const data = MergeCandidatesSchema.parse(input);
  if (data.fromIds.includes(data.intoId)) throw new DomainError('VALIDATION', '不能把候选职业合并到它自身');
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const campaign = await campaignForPool(ctx, tx, campaignId, true);
    const ids = [data.intoId, ...data.fromIds];
    const found = await tx
      .select()
      .from(candidates)
      .where(and(eq(candidates.campaignId, campaignId), inArray(candidates.id, ids), isNull(candidates.mergedIntoId)));
    if (found.length !== ids.length) throw new DomainError('CONFLICT', '所选候选职业不存在或已被合并，请刷新后重试');
    if (found.some((c) => c.status !== 'candidate')) throw new DomainError('INVALID_STATE', '已作出入选决定的候选职业不能合并');
    await tx.update(candidates).set({ mergedIntoId: data.intoId, overlapResolved: true, updatedAt: now }).where(inArray(candidates.id, data.fromIds));
    await tx.update(candidates).set({ overlapResolved: true }).where(eq(candidates.id, data.intoId));
    const result = await rebuildPool(tx, campaign, now);
    await recheckConflictsIfAvailable(tx, result.changedUnits);
    await writeAudit(tx, ctx, {
      action: 'pool.merge',
      objectType: 'candidate',
      objectId: data.intoId,
      changes: { fromIds: data.fromIds, changedUnits: result.changedUnits },
    });
    return { intoId: data.intoId };
  });
}
