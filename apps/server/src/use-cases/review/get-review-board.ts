import { reviewBoardActions } from '@zhengji/domain';
import { experts } from '../../db/schema/index.ts';
import { selectCampaignAssignments, selectCandidateUnits, selectReviewCandidates } from '../../db/queries/review.ts';
import type { UseCaseContext } from '../context.ts';
import { authorizeReview, ensureRound, loadReviewCampaign, presentRound } from '../../db/queries/review-round.ts';
import { loadPanel } from '../../db/queries/review-panel.ts';

/**
 * The center's board of a campaign's review: round settings, the panel with loads, and every candidate with its
 * recommending units and reviewers (removed ones too, with the review they left, e.g. a kept draft).
 */
export async function getReviewBoard(ctx: UseCaseContext, campaignId: string) {
  authorizeReview(ctx.actor, 'assign');
  const campaign = await loadReviewCampaign(ctx.db, campaignId);
  const round = await ensureRound(ctx.db, campaignId);
  const [panel, list, rows] = await Promise.all([
    loadPanel(ctx.db, campaignId),
    selectReviewCandidates(ctx.db, campaignId),
    selectCampaignAssignments(ctx.db, campaignId),
  ]);
  const unitsOf = await selectCandidateUnits(
    ctx.db,
    list.map((c) => c.id),
  );
  const names = new Map((await ctx.db.select({ id: experts.id, name: experts.name }).from(experts)).map((e) => [e.id, e.name]));
  const byCandidate = new Map<string, typeof rows>();
  for (const r of rows) byCandidate.set(r.assignment.candidateId, [...(byCandidate.get(r.assignment.candidateId) ?? []), r]);
  return {
    campaign: {
      id: campaign.id,
      title: campaign.title,
      status: campaign.status,
      reviewersPerCandidate: campaign.reviewersPerCandidate,
      industryTags: campaign.industryTags,
    },
    round: presentRound(round, ctx.clock.now()),
    actions: reviewBoardActions(ctx.actor, campaign.status),
    panel,
    candidates: list.map((c) => ({
      id: c.id,
      occupationCode: c.occupationCode,
      occupationName: c.occupationName,
      jobTypeName: c.jobTypeName,
      industries: c.industries,
      status: c.status,
      units: unitsOf.get(c.id) ?? [],
      assignments: (byCandidate.get(c.id) ?? [])
        .filter((r) => r.assignment.status === 'active' || r.review !== null)
        .map((r) => ({
          id: r.assignment.id,
          expertId: r.assignment.expertId,
          expertName: names.get(r.assignment.expertId) ?? '',
          status: r.assignment.status,
          source: r.assignment.source,
          conflictFlag: r.assignment.conflictFlag,
          reviewStatus: r.review?.status ?? null,
        })),
    })),
  };
}
