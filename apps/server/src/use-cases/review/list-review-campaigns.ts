import { desc, eq, inArray } from 'drizzle-orm';
import { hasRole } from '@zhengji/domain';
import { assignments, campaigns } from '../../db/schema/index.ts';
import { selectExpertOfUser } from '../../db/queries/review.ts';
import type { UseCaseContext } from '../context.ts';
import { requireAllowed } from '../authorize.ts';

/** Campaigns the actor can work on in the expert evaluation: all for the center, those with assignments for an expert. */
export async function listReviewCampaigns(ctx: UseCaseContext) {
  const actor = requireAllowed(hasRole(ctx.actor, 'center', 'expert'), ctx.actor);
  const columns = {
    id: campaigns.id,
    title: campaigns.title,
    year: campaigns.year,
    status: campaigns.status,
    reviewersPerCandidate: campaigns.reviewersPerCandidate,
  };
  if (actor.role === 'center') return ctx.db.select(columns).from(campaigns).orderBy(desc(campaigns.year), desc(campaigns.createdAt));
  const expert = await selectExpertOfUser(ctx.db, actor.userId);
  if (!expert) return [];
  const ids = (await ctx.db.selectDistinct({ id: assignments.campaignId }).from(assignments).where(eq(assignments.expertId, expert.id))).map((r) => r.id);
  if (ids.length === 0) return [];
  return ctx.db.select(columns).from(campaigns).where(inArray(campaigns.id, ids)).orderBy(desc(campaigns.year));
}
