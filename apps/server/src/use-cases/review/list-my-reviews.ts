import { and, eq } from 'drizzle-orm';
import { DomainError, hasRole } from '@zhengji/domain';
import { assignments, candidates, reviews, units } from '../../db/schema/index.ts';
import { selectExpertOfUser } from '../../db/queries/review.ts';
import type { UseCaseContext } from '../context.ts';
import { requireAllowed } from '../authorize.ts';
import { ensureRound, loadReviewCampaign, presentRound } from '../../db/queries/review-round.ts';
import { conflictMessage } from './review-target.ts';

/**
 * The expert's own worklist in a campaign: assigned candidates in code order with their review status and progress.
 * An assignment that became conflicted (回避) stays listed, marked `conflicted` with the reason, and does not count in
 * the progress; the expert can no longer open it.
 */
export async function listMyReviews(ctx: UseCaseContext, campaignId: string) {
  const actor = requireAllowed(hasRole(ctx.actor, 'expert'), ctx.actor);
  const campaign = await loadReviewCampaign(ctx.db, campaignId);
  const expert = await selectExpertOfUser(ctx.db, actor.userId);
  if (!expert) throw new DomainError('NOT_FOUND', '您的账号尚未登记为评估专家，请联系市职鉴中心');
  const round = await ensureRound(ctx.db, campaignId);
  const rows = await ctx.db
    .select({ assignment: assignments, candidate: candidates, review: reviews })
    .from(assignments)
    .innerJoin(candidates, eq(candidates.id, assignments.candidateId))
    .leftJoin(reviews, eq(reviews.assignmentId, assignments.id))
    .where(and(eq(assignments.campaignId, campaignId), eq(assignments.expertId, expert.id), eq(assignments.status, 'active')))
    .orderBy(candidates.occupationCode, candidates.jobTypeName);
  const items = rows.map((r) => ({
    candidateId: r.candidate.id,
    occupationCode: r.candidate.occupationCode,
    occupationName: r.candidate.occupationName,
    jobTypeName: r.candidate.jobTypeName,
    industries: r.candidate.industries,
    reviewStatus: r.review?.status ?? null,
    opinion: r.review?.opinion ?? null,
    updatedAt: r.review?.updatedAt.toISOString() ?? null,
    conflicted: r.assignment.conflictFlag,
  }));
  const counted = items.filter((i) => !i.conflicted);
  return {
    campaign: { id: campaign.id, title: campaign.title },
    expert: { id: expert.id, name: expert.name },
    round: presentRound(round, ctx.clock.now()),
    items,
    progress: {
      total: counted.length,
      submitted: counted.filter((i) => i.reviewStatus === 'submitted').length,
      drafts: counted.filter((i) => i.reviewStatus === 'draft').length,
      conflicted: items.length - counted.length,
    },
    conflictReason: counted.length < items.length ? conflictMessage(await unitNameOf(ctx, expert.unitId)) : null,
  };
}

async function unitNameOf(ctx: UseCaseContext, unitId: string | null): Promise<string | null> {
  if (unitId === null) return null;
  const [unit] = await ctx.db.select({ name: units.name }).from(units).where(eq(units.id, unitId));
  return unit?.name ?? null;
}
