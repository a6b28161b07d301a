import { eq } from 'drizzle-orm';
import { DomainError } from '@zhengji/domain';
import { PanelMemberInputSchema } from '@zhengji/domain/review/review.panel.ts';
import { experts } from '../../db/schema/index.ts';
import type { UseCaseContext } from '../context.ts';
import { writeAudit } from '../audit/write-audit.ts';
import { authorizeReview, loadReviewCampaign } from '../../db/queries/review-round.ts';
import { upsertPanelRow } from '../../db/queries/review-panel.ts';

/** Sets an expert's availability and cap in a campaign (center). */
export async function setPanelMember(ctx: UseCaseContext, campaignId: string, expertId: string, input: unknown): Promise<void> {
  authorizeReview(ctx.actor, 'manageExperts');
  const data = PanelMemberInputSchema.parse(input);
  await loadReviewCampaign(ctx.db, campaignId);
  await ctx.db.transaction(async (tx) => {
    const [expert] = await tx.select({ id: experts.id }).from(experts).where(eq(experts.id, expertId));
    if (!expert) throw new DomainError('NOT_FOUND', '该专家不存在');
    await upsertPanelRow(tx, campaignId, expertId, data);
    await writeAudit(tx, ctx, { action: 'review.panel.set', objectType: 'campaign', objectId: campaignId, changes: { expertId, ...data } });
  });
}
