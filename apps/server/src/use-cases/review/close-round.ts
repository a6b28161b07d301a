import { eq } from 'drizzle-orm';
import { DomainError } from '@zhengji/domain';
import { reviewRounds } from '../../db/schema/index.ts';
import type { UseCaseContext } from '../context.ts';
import { writeAudit } from '../audit/write-audit.ts';
import { authorizeReview, ensureRound, loadReviewCampaign, presentRound } from '../../db/queries/review-round.ts';

/** Closes (or reopens) the scoring of a round (center): closed, no expert can change a review and experts see each other's scores. */
export async function closeRound(ctx: UseCaseContext, campaignId: string, close: boolean) {
  authorizeReview(ctx.actor, 'assign');
  await loadReviewCampaign(ctx.db, campaignId, true);
  return ctx.db.transaction(async (tx) => {
    const round = await ensureRound(tx, campaignId);
    if (close === (round.closedAt !== null)) throw new DomainError('INVALID_STATE', close ? '本轮评审已经结束' : '本轮评审尚未结束');
    const [saved] = await tx
      .update(reviewRounds)
      .set({ closedAt: close ? ctx.clock.now() : null, version: round.version + 1 })
      .where(eq(reviewRounds.campaignId, campaignId))
      .returning();
    await writeAudit(tx, ctx, { action: close ? 'review.round.close' : 'review.round.reopen', objectType: 'campaign', objectId: campaignId });
    return presentRound(saved!, ctx.clock.now());
  });
}
