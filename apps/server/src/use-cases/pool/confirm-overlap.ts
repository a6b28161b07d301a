import { and, eq, isNull } from 'drizzle-orm';
import { z } from 'zod';
import { DomainError } from '@zhengji/domain';
import { ConfirmOverlapSchema } from '@zhengji/domain/pool/pool.schemas.ts';
import { candidates } from '../../db/schema/index.ts';
import type { UseCaseContext } from '../context.ts';
import { writeAudit } from '../audit/write-audit.ts';
import { campaignForPool } from './pool-access.ts';

/** The center confirms an overlap as intended: the whole occupation and its 工种 stay separate candidates. */
export async function confirmOverlap(ctx: UseCaseContext, campaignId: string, input: z.input<typeof ConfirmOverlapSchema>): Promise<{ confirmed: number }> {
  const data = ConfirmOverlapSchema.parse(input);
  return ctx.db.transaction(async (tx) => {
    await campaignForPool(ctx, tx, campaignId, true);
    const rows = await tx
      .update(candidates)
      .set({ overlapResolved: true, updatedAt: ctx.clock.now() })
      .where(
        and(
          eq(candidates.campaignId, campaignId),
          eq(candidates.occupationCode, data.occupationCode),
          eq(candidates.overlapFlag, true),
          isNull(candidates.mergedIntoId),
        ),
      )
      .returning({ id: candidates.id });
    if (rows.length === 0) throw new DomainError('NOT_FOUND', '该职业没有需要确认的交叉推荐');
    await writeAudit(tx, ctx, {
      action: 'pool.confirmOverlap',
      objectType: 'campaign',
      objectId: campaignId,
      changes: { occupationCode: data.occupationCode },
    });
    return { confirmed: rows.length };
  });
}
