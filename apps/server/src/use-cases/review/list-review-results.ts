import { ResultsQuerySchema } from '@zhengji/domain/review/review.panel.ts';
import type { UseCaseContext } from '../context.ts';
import { authorizeReview, loadReviewCampaign, presentRound } from '../../db/queries/review-round.ts';
import { computeReviewResults } from '../../db/queries/review-results.ts';

/** The center's aggregation of a campaign with the proposals of the threshold rule (sorting and filtering happen in the page). */
export async function listReviewResults(ctx: UseCaseContext, campaignId: string, query: unknown) {
  authorizeReview(ctx.actor, 'viewAggregates');
  const threshold = ResultsQuerySchema.parse(query ?? {});
  const campaign = await loadReviewCampaign(ctx.db, campaignId);
  const { round, items } = await computeReviewResults(ctx.db, campaignId, { ...threshold, minWeightedMean: threshold.minWeightedMean ?? null });
  return { campaign: { id: campaign.id, title: campaign.title, status: campaign.status }, round: presentRound(round, ctx.clock.now()), threshold, items };
}
