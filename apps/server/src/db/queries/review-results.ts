import { aggregateReviews, type DecisionThreshold, type ReviewOpinion } from '@zhengji/domain';
import type { Db } from '../client.ts';
import { experts } from '../schema/index.ts';
import { selectCampaignAssignments, selectCandidateUnits, selectReviewCandidates } from './review.ts';
import { criteriaOf, ensureRound } from './review-round.ts';

/**
 * The aggregation of a campaign's review, per candidate: the submitted reviews of the active reviewers (weighted mean
 * excluding 不适用, opinions, share of 同意, disagreement, proposal by the threshold), plus what blocks a decision
 * (flagged 回避 conflicts, whose reviews are left out until the center reassigns) and the drafts left by removed reviewers.
 */
export async function computeReviewResults(db: Db, campaignId: string, threshold: DecisionThreshold) {
  const round = await ensureRound(db, campaignId);
  const criteria = criteriaOf(round);
  const [list, rows, pool] = await Promise.all([
    selectReviewCandidates(db, campaignId),
    selectCampaignAssignments(db, campaignId),
    db.select({ id: experts.id, name: experts.name }).from(experts),
  ]);
  const unitsOf = await selectCandidateUnits(
    db,
    list.map((c) => c.id),
  );
  const names = new Map(pool.map((e) => [e.id, e.name]));
  const byCandidate = new Map<string, typeof rows>();
  for (const r of rows) byCandidate.set(r.assignment.candidateId, [...(byCandidate.get(r.assignment.candidateId) ?? []), r]);
  const items = list.map((c) => {
    const mine = byCandidate.get(c.id) ?? [];
    const current = mine.filter((r) => r.assignment.status === 'active');
    const active = current.filter((r) => !r.assignment.conflictFlag);
    const submitted = active.filter((r) => r.review?.status === 'submitted' && r.review.opinion !== null);
    const agg = aggregateReviews(
      submitted.map((r) => ({ expertId: r.assignment.expertId, scores: r.review!.scores, opinion: r.review!.opinion as ReviewOpinion })),
      criteria,
      threshold,
    );
    return {
      id: c.id,
      version: c.version,
      occupationCode: c.occupationCode,
      occupationName: c.occupationName,
      jobTypeName: c.jobTypeName,
      industries: c.industries,
      expectedAssessments: c.expectedAssessments,
      units: (unitsOf.get(c.id) ?? []).map((u) => ({ unitName: u.unitName, priority: u.priority })),
      status: c.status,
      decisionReason: c.decisionReason,
      assigned: active.length,
      submitted: submitted.length,
      conflicts: current
        .filter((r) => r.assignment.conflictFlag)
        .map((r) => ({ assignmentId: r.assignment.id, expertName: names.get(r.assignment.expertId) ?? '', reviewStatus: r.review?.status ?? null })),
      removedDrafts: mine
        .filter((r) => r.assignment.status === 'removed' && r.review !== null)
        .map((r) => ({
          expertName: names.get(r.assignment.expertId) ?? '',
          status: r.review!.status,
          scores: r.review!.scores,
          opinion: r.review!.opinion,
          comment: r.review!.comment,
        })),
      reviews: active
        .filter((r) => r.review !== null)
        .map((r) => ({
          reviewId: r.review!.id,
          expertName: names.get(r.assignment.expertId) ?? '',
          status: r.review!.status,
          opinion: r.review!.opinion,
          scores: r.review!.scores,
          comment: r.review!.comment,
          weightedScore: agg.reviewScores.find((s) => s.expertId === r.assignment.expertId)?.weightedScore ?? null,
        })),
      weightedMean: agg.weightedMean,
      criterionMeans: agg.criterionMeans,
      opinions: agg.opinions,
      agreeShare: agg.agreeShare,
      disagreement: agg.disagreement,
      proposal: agg.proposal,
    };
  });
  return { round, criteria, items };
}
