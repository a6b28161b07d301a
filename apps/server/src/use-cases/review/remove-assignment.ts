import { and, eq } from 'drizzle-orm';
import { DomainError } from '@zhengji/domain';
import { assignments, reviews } from '../../db/schema/index.ts';
import type { UseCaseContext } from '../context.ts';
import { writeAudit } from '../audit/write-audit.ts';
import { authorizeReview, loadReviewCampaign } from '../../db/queries/review-round.ts';

/** Removes a reviewer from a candidate (center); their review, even a draft, is kept and stays visible to the center. */
export async function removeAssignment(ctx: UseCaseContext, assignmentId: string): Promise<{ keptReview: 'draft' | 'submitted' | null }> {
  authorizeReview(ctx.actor, 'assign');
  return ctx.db.transaction(async (tx) => {
    const [a] = await tx.select().from(assignments).where(eq(assignments.id, assignmentId));
    if (!a) throw new DomainError('NOT_FOUND', '该评审分配不存在');
    await loadReviewCampaign(tx, a.campaignId, true);
    if (a.status === 'removed') throw new DomainError('INVALID_STATE', '该专家已被移出此候选职业的评审');
    await tx
      .update(assignments)
      .set({ status: 'removed', removedAt: ctx.clock.now() })
      .where(and(eq(assignments.id, assignmentId), eq(assignments.status, 'active')));
    const [review] = await tx.select({ status: reviews.status }).from(reviews).where(eq(reviews.assignmentId, assignmentId));
    await writeAudit(tx, ctx, {
      action: 'review.unassign',
      objectType: 'assignment',
      objectId: assignmentId,
      changes: { candidateId: a.candidateId, expertId: a.expertId, keptReview: review?.status ?? null, conflictFlag: a.conflictFlag },
    });
    return { keptReview: review?.status ?? null };
  });
}
