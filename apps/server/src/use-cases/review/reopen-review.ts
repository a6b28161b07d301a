import { eq } from 'drizzle-orm';
import { DomainError } from '@zhengji/domain';
import { assignments, candidates, reviews } from '../../db/schema/index.ts';
import type { UseCaseContext } from '../context.ts';
import { writeAudit } from '../audit/write-audit.ts';
import { authorizeReview, ensureRound, isRoundClosed } from '../../db/queries/review-round.ts';
import { candidateLabel } from '../../db/queries/assignment-checks.ts';
import { notifyExperts } from './notify-experts.ts';
import { presentReview } from './get-review-candidate.ts';

/** Reopens a submitted review (center) so that the expert can change it while the round is open; the expert is notified. */
export async function reopenReview(ctx: UseCaseContext, reviewId: string) {
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .select({ review: reviews, assignment: assignments, candidate: candidates })
      .from(reviews)
      .innerJoin(assignments, eq(assignments.id, reviews.assignmentId))
      .innerJoin(candidates, eq(candidates.id, assignments.candidateId))
      .where(eq(reviews.id, reviewId));
    if (!row) throw new DomainError('NOT_FOUND', '该评审记录不存在');
    const round = await ensureRound(tx, row.assignment.campaignId);
    const target = { assignedUserIds: [], roundClosed: isRoundClosed(round, ctx.clock.now()), reviewStatus: row.review.status };
    if (ctx.actor.kind === 'user' && ctx.actor.role === 'center' && target.roundClosed)
      throw new DomainError('INVALID_STATE', '本轮评审已结束，不能退回评审；如需退回请先重新开放评审');
    if (ctx.actor.kind === 'user' && ctx.actor.role === 'center' && row.review.status !== 'submitted')
      throw new DomainError('INVALID_STATE', '该评审尚未提交，无需退回');
    authorizeReview(ctx.actor, 'reopenReview', target);
    if (row.assignment.conflictFlag) throw new DomainError('INVALID_STATE', '该专家须回避，其评审不计入结果，不能退回修改；请更换该专家');
    const [saved] = await tx
      .update(reviews)
      .set({ status: 'draft', submittedAt: null, version: row.review.version + 1, updatedAt: ctx.clock.now() })
      .where(eq(reviews.id, reviewId))
      .returning();
    await writeAudit(tx, ctx, {
      action: 'review.reopen',
      objectType: 'review',
      objectId: reviewId,
      changes: { candidateId: row.candidate.id, expertId: row.assignment.expertId },
    });
    await notifyExperts(tx, ctx.clock, [
      {
        expertId: row.assignment.expertId,
        kind: 'review.reopened',
        title: '评审已退回修改',
        body: `市职鉴中心退回了您对“${candidateLabel(row.candidate)}”的评审，请修改后重新提交。`,
        link: `/review/my/${row.candidate.id}`,
      },
    ]);
    return presentReview(saved!);
  });
}
