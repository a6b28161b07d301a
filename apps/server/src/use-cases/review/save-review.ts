import { eq } from 'drizzle-orm';
import { DomainError, ReviewDraftSchema, ReviewSubmitSchema, formatZodIssues, reviewCompletenessIssues, type ReviewCriterion } from '@zhengji/domain';
import { assignments, reviews } from '../../db/schema/index.ts';
import type { UseCaseContext } from '../context.ts';
import { writeAudit } from '../audit/write-audit.ts';
import { assertRoundOpen, authorizeReview, criteriaOf } from '../../db/queries/review-round.ts';
import { conflictMessage, loadReviewTarget } from './review-target.ts';
import { presentReview } from './get-review-candidate.ts';

/** Parses a review with messages naming the criterion (e.g. 字段“社会通用性”：评分须为0～10之间的数字…). */
function parseReview(input: unknown, criteria: readonly ReviewCriterion[], submit: boolean) {
  const labels = Object.fromEntries([...criteria.map((c) => [`scores.${c.id}`, c.name]), ['opinion', '意见'], ['comment', '评审意见']]);
  const parsed = (submit ? ReviewSubmitSchema : ReviewDraftSchema).safeParse(input);
  if (!parsed.success) throw new DomainError('VALIDATION', formatZodIssues(parsed.error.issues, labels));
  const issues = reviewCompletenessIssues(parsed.data.scores, criteria);
  const problems = submit ? issues : issues.filter((i) => i.startsWith('评审指标'));
  if (problems.length > 0) throw new DomainError('VALIDATION', problems.join('；'));
  return parsed.data;
}

/**
 * Saves the expert's review of an assigned candidate as a draft, or submits it (every criterion scored or 不适用, an
 * opinion). A submitted review is locked until the center reopens it; nothing changes after the round closed.
 */
export async function saveReview(ctx: UseCaseContext, candidateId: string, input: unknown, submit: boolean) {
  const { round, own, target } = await loadReviewTarget(ctx, ctx.db, candidateId, submit ? 'review.submit' : 'review.save');
  if (target.reviewStatus === 'submitted') throw new DomainError('INVALID_STATE', '您已提交对该候选职业的评审，不能再修改；如需修改请联系市职鉴中心退回');
  if (own) assertRoundOpen(round, ctx.clock.now());
  authorizeReview(ctx.actor, submit ? 'submitReview' : 'saveReview', target);
  const data = parseReview(input, criteriaOf(round), submit);
  const now = ctx.clock.now();
  const values = {
    scores: data.scores,
    opinion: data.opinion,
    comment: data.comment,
    status: submit ? ('submitted' as const) : ('draft' as const),
    submittedAt: submit ? now : null,
    updatedAt: now,
  };
  const assignmentId = own!.assignment.id;
  return ctx.db.transaction(async (tx) => {
    // A conflict (回避) flagged meanwhile refuses the save: the lock waits for a unit change in progress.
    const [assignment] = await tx.select({ conflictFlag: assignments.conflictFlag }).from(assignments).where(eq(assignments.id, assignmentId)).for('update');
    if (assignment?.conflictFlag) throw new DomainError('FORBIDDEN', conflictMessage(null));
    // The row lock serializes two tabs of the same expert; a review submitted meanwhile stays locked.
    const [current] = await tx.select().from(reviews).where(eq(reviews.assignmentId, assignmentId)).for('update');
    if (current?.status === 'submitted') throw new DomainError('INVALID_STATE', '您已提交对该候选职业的评审，不能再修改；如需修改请联系市职鉴中心退回');
    const [saved] = current
      ? await tx
          .update(reviews)
          .set({ ...values, version: current.version + 1 })
          .where(eq(reviews.id, current.id))
          .returning()
      : await tx
          .insert(reviews)
          .values({ assignmentId, ...values })
          .returning();
    await writeAudit(tx, ctx, {
      action: submit ? 'review.submit' : 'review.save',
      objectType: 'review',
      objectId: saved!.id,
      changes: { candidateId, scores: data.scores, opinion: data.opinion },
    });
    return presentReview(saved!);
  });
}
