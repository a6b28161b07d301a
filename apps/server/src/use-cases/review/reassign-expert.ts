import { eq } from 'drizzle-orm';
import { DomainError } from '@zhengji/domain';
import { ReassignInputSchema } from '@zhengji/domain/review/review.panel.ts';
import { assignments } from '../../db/schema/index.ts';
import type { UseCaseContext } from '../context.ts';
import { writeAudit } from '../audit/write-audit.ts';
import { authorizeReview, loadReviewCampaign } from '../../db/queries/review-round.ts';
import { candidateLabel, checkAssignable } from '../../db/queries/assignment-checks.ts';
import { notifyExperts } from './notify-experts.ts';

/** Hands an assignment to another expert (center): the old one is removed (its draft kept), conflicts refused. */
export async function reassignExpert(ctx: UseCaseContext, assignmentId: string, input: unknown): Promise<{ id: string }> {
  authorizeReview(ctx.actor, 'assign');
  const data = ReassignInputSchema.parse(input);
  return ctx.db.transaction(async (tx) => {
    const [a] = await tx.select().from(assignments).where(eq(assignments.id, assignmentId));
    if (!a) throw new DomainError('NOT_FOUND', '该评审分配不存在');
    if (a.status === 'removed') throw new DomainError('INVALID_STATE', '该专家已被移出此候选职业的评审，请直接新增分配');
    await loadReviewCampaign(tx, a.campaignId, true);
    const { candidate } = await checkAssignable(tx, a.campaignId, a.candidateId, data.expertId);
    const now = ctx.clock.now();
    await tx.update(assignments).set({ status: 'removed', removedAt: now }).where(eq(assignments.id, assignmentId));
    const [row] = await tx
      .insert(assignments)
      .values({
        campaignId: a.campaignId,
        candidateId: a.candidateId,
        expertId: data.expertId,
        source: 'manual',
        assignedBy: ctx.actor.kind === 'user' ? ctx.actor.userId : null,
        createdAt: now,
      })
      .returning({ id: assignments.id });
    await writeAudit(tx, ctx, {
      action: 'review.reassign',
      objectType: 'assignment',
      objectId: row!.id,
      changes: { from: a.expertId, to: data.expertId, candidateId: a.candidateId, replaced: assignmentId },
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
