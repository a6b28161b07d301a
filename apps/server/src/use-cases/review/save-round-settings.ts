import { eq } from 'drizzle-orm';
import { endOfShanghaiDay } from '@zhengji/domain';
import { RoundSettingsInputSchema } from '@zhengji/domain/review/review.panel.ts';
import { reviewRounds } from '../../db/schema/index.ts';
import type { UseCaseContext } from '../context.ts';
import { writeAudit } from '../audit/write-audit.ts';
import { authorizeReview, ensureRound, loadReviewCampaign, presentRound } from '../../db/queries/review-round.ts';

/** Sets the round's criteria (with weights) and deadline (center); a closed round cannot change. */
export async function saveRoundSettings(ctx: UseCaseContext, campaignId: string, input: unknown) {
  authorizeReview(ctx.actor, 'assign');
  const data = RoundSettingsInputSchema.parse(input);
  await loadReviewCampaign(ctx.db, campaignId, true);
  return ctx.db.transaction(async (tx) => {
    const round = await ensureRound(tx, campaignId);
    const set: Partial<typeof reviewRounds.$inferInsert> = { version: round.version + 1 };
    if (data.criteria) set.criteria = data.criteria.map((c) => ({ key: c.id, label: c.name, weight: c.weight, description: c.description }));
    if (data.deadline !== undefined) set.deadline = data.deadline === null ? null : endOfShanghaiDay(data.deadline);
    const [saved] = await tx.update(reviewRounds).set(set).where(eq(reviewRounds.campaignId, campaignId)).returning();
    await writeAudit(tx, ctx, {
      action: 'review.round.settings',
      objectType: 'campaign',
      objectId: campaignId,
      changes: { criteria: data.criteria ?? undefined, deadline: data.deadline },
    });
    return presentRound(saved!, ctx.clock.now());
  });
}
