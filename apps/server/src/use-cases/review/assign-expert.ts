import { ManualAssignInputSchema } from '@zhengji/domain/review/review.panel.ts';
import { assignments } from '../../db/schema/index.ts';
import type { UseCaseContext } from '../context.ts';
import { writeAudit } from '../audit/write-audit.ts';
import { authorizeReview, loadReviewCampaign } from '../../db/queries/review-round.ts';
import { candidateLabel, checkAssignable } from '../../db/queries/assignment-checks.ts';
import { notifyExperts } from './notify-experts.ts';

/** Assigns an expert to a candidate by hand (center); 回避 conflicts are refused naming the unit. */
export async function assignExpert(ctx: UseCaseContext, campaignId: string, input: unknown): Promise<{ id: string }> {
  authorizeReview(ctx.actor, 'assign');
  const data = ManualAssignInputSchema.parse(input);
  await loadReviewCampaign(ctx.db, campaignId, true);
  return ctx.db.transaction(async (tx) => {
    const { candidate } = await checkAssignable(tx, campaignId, data.candidateId, data.expertId);
    const [row] = await tx
      .insert(assignments)
      .values({
        campaignId,
        candidateId: data.candidateId,
        expertId: data.expertId,
        source: 'manual',
        assignedBy: ctx.actor.kind === 'user' ? ctx.actor.userId : null,
        createdAt: ctx.clock.now(),
      })
      .returning({ id: assignments.id });
    await writeAudit(tx, ctx, {
      action: 'review.assign',
      objectType: 'assignment',
      objectId: row!.id,
      changes: { candidateId: data.candidateId, expertId: data.expertId, source: 'manual' },
    });
    await notifyExperts(tx, ctx.clock, [
      {
        expertId: data.expertId,
        kind: 'review.assigned',
        title: '您有新的评审任务',
        body: `市职鉴中心请您评审候选职业：${candidateLabel(candidate)}。`,
        link: '/review/my',
      },
    ]);
    return { id: row!.id };
  });
}
