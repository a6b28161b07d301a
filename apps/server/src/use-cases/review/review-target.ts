import { and, eq } from 'drizzle-orm';
import { DomainError, type ReviewPolicyTarget } from '@zhengji/domain';
import type { Db } from '../../db/client.ts';
import { assignments, candidates, experts, reviews } from '../../db/schema/index.ts';
import type { UseCaseContext } from '../context.ts';
import { writeAuditOutside } from '../audit/write-audit.ts';
import { ensureRound, isRoundClosed } from './review-round.ts';

const NOT_FOUND_MESSAGE = '该候选职业不存在，或未分配给您评审';

/**
 * What the review policy needs about a candidate for the actor: the candidate, its round, the users assigned to it,
 * and for an expert their own active assignment and review. An expert not assigned gets NOT_FOUND, recorded in the audit log.
 */
export async function loadReviewTarget(ctx: UseCaseContext, db: Db, candidateId: string, action: string) {
  const [candidate] = await db.select().from(candidates).where(eq(candidates.id, candidateId));
  const active = candidate
    ? await db
        .select({ assignment: assignments, userId: experts.userId, review: reviews })
        .from(assignments)
        .innerJoin(experts, eq(experts.id, assignments.expertId))
        .leftJoin(reviews, eq(reviews.assignmentId, assignments.id))
        .where(and(eq(assignments.candidateId, candidateId), eq(assignments.status, 'active')))
    : [];
  const actor = ctx.actor;
  const own = actor.kind === 'user' && actor.role === 'expert' ? active.find((a) => a.userId === actor.userId) : undefined;
  if (!candidate || (actor.kind === 'user' && actor.role === 'expert' && !own)) {
    if (actor.kind === 'user' && actor.role === 'expert') {
      await writeAuditOutside(ctx.db, ctx, { action, objectType: 'candidate', objectId: candidateId, result: 'denied', changes: { reason: 'not assigned' } });
    }
    throw new DomainError('NOT_FOUND', NOT_FOUND_MESSAGE);
  }
  const round = await ensureRound(db, candidate.campaignId);
  const target: ReviewPolicyTarget = {
    assignedUserIds: active.map((a) => a.userId).filter((u): u is string => u !== null),
    roundClosed: isRoundClosed(round, ctx.clock.now()),
    reviewStatus: own?.review?.status ?? null,
  };
  return { candidate, round, active, own, target };
}
