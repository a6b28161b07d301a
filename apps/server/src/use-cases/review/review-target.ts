import { and, eq } from 'drizzle-orm';
import { accessOf, type ReviewPolicyTarget } from '@zhengji/domain';
import { accessError } from '../../access/require-access.ts';
import type { Db } from '../../db/client.ts';
import { assignments, candidates, experts, reviews, units } from '../../db/schema/index.ts';
import type { UseCaseContext } from '../context.ts';
import { writeAuditOutside } from '../audit/write-audit.ts';
import { ensureRound, isRoundClosed } from '../../db/queries/review-round.ts';

/** Why an expert whose assignment became conflicted (回避) is refused, naming their unit. */
export function conflictMessage(unitName: string | null): string {
  return `您所在单位${unitName ? `“${unitName}”` : ''}推荐了该候选职业，按回避规定您不能再查看或评审；您此前的评审不计入结果，市职鉴中心将另行安排专家`;
}

/**
 * What the review policy needs about a candidate for the actor: the candidate, its round, the users assigned to it,
 * and for an expert their own active assignment and review. The object gate answers: an expert not assigned gets
 * NOT_FOUND, one whose assignment became conflicted (回避) FORBIDDEN naming their unit; both are recorded in the audit log.
 */
export async function loadReviewTarget(ctx: UseCaseContext, db: Db, candidateId: string, action: string) {
  const [candidate] = await db.select().from(candidates).where(eq(candidates.id, candidateId));
  const active = candidate
    ? await db
        .select({ assignment: assignments, userId: experts.userId, unitId: experts.unitId, review: reviews })
        .from(assignments)
        .innerJoin(experts, eq(experts.id, assignments.expertId))
        .leftJoin(reviews, eq(reviews.assignmentId, assignments.id))
        .where(and(eq(assignments.candidateId, candidateId), eq(assignments.status, 'active')))
    : [];
  const actor = ctx.actor;
  const ids = (rows: typeof active) => rows.map((a) => a.userId).filter((u): u is string => u !== null);
  const answer = candidate
    ? accessOf(actor, 'candidate.view', { assignedUserIds: ids(active), conflictedUserIds: ids(active.filter((a) => a.assignment.conflictFlag)) })
    : 'missing';
  const own = actor.kind === 'user' && actor.role === 'expert' ? active.find((a) => a.userId === actor.userId) : undefined;
  if (answer !== 'allowed' || !candidate) {
    const isExpert = actor.kind === 'user' && actor.role === 'expert';
    if (answer === 'forbidden' && own) {
      await writeAuditOutside(ctx.db, ctx, {
        action,
        objectType: 'candidate',
        objectId: candidateId,
        result: 'denied',
        changes: { reason: 'conflict of interest', assignmentId: own.assignment.id },
      });
      const [unit] = own.unitId ? await db.select({ name: units.name }).from(units).where(eq(units.id, own.unitId)) : [];
      throw accessError('candidate.view', answer, conflictMessage(unit?.name ?? null))!;
    }
    if (isExpert)
      await writeAuditOutside(ctx.db, ctx, { action, objectType: 'candidate', objectId: candidateId, result: 'denied', changes: { reason: 'not assigned' } });
    throw accessError('candidate.view', answer === 'allowed' ? 'missing' : answer)!;
  }
  const round = await ensureRound(db, candidate.campaignId);
  const target: ReviewPolicyTarget = {
    assignedUserIds: active.map((a) => a.userId).filter((u): u is string => u !== null),
    roundClosed: isRoundClosed(round, ctx.clock.now()),
    reviewStatus: own?.review?.status ?? null,
    conflicted: own?.assignment.conflictFlag ?? false,
  };
  return { candidate, round, active, own, target };
}
