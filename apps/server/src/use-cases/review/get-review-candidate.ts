import { and, eq, inArray } from 'drizzle-orm';
import { reviewAbilities, weightedReviewScore } from '@zhengji/domain';
import { assignments, experts, reviews } from '../../db/schema/index.ts';
import { selectCandidateUnits } from '../../db/queries/review.ts';
import { getReferenceIndexForCampaign } from '../../reference/reference-cache.ts';
import type { UseCaseContext } from '../context.ts';
import { authorizeReview, criteriaOf, presentRound } from '../../db/queries/review-round.ts';
import { loadReviewTarget } from './review-target.ts';

/** The reference data of an occupation (definition, main tasks, standards); null when the reference data lacks it. */
async function referenceOf(ctx: UseCaseContext, campaignId: string, code: string) {
  try {
    const index = await getReferenceIndexForCampaign(ctx.db, campaignId);
    const node = index.getOccupation(code);
    if (!node) return null;
    return {
      name: node.name,
      definition: node.definition,
      mainTasks: [...node.mainTasks],
      jobTypes: [...node.jobTypes],
      standards: index.standardsOf(code).map((s) => ({ name: s.standardName, version: s.version, jobTypesCovered: [...s.jobTypesCovered] })),
    };
  } catch {
    // No reference data loaded: the page falls back to what the units wrote.
    return null;
  }
}

/**
 * One candidate for review: what the units wrote (with each unit and its priority), the reference data, the criteria,
 * the expert's own review, and the other reviews only for the center or once the round has closed.
 */
export async function getReviewCandidate(ctx: UseCaseContext, candidateId: string) {
  const { candidate: c, round, active, own, target } = await loadReviewTarget(ctx, ctx.db, candidateId, 'review.view');
  authorizeReview(ctx.actor, 'viewCandidate', target);
  const units = (await selectCandidateUnits(ctx.db, [c.id])).get(c.id) ?? [];
  const sourceOf = new Map(c.sources.map((s) => [s.unitId, s]));
  const canSeeOthers = authorizeOthers(ctx, target);
  // A conflicted (回避) reviewer's review does not count and is not shown beside the others.
  const assignmentIds = active.filter((a) => !a.assignment.conflictFlag).map((a) => a.assignment.id);
  const others =
    canSeeOthers && assignmentIds.length > 0
      ? await ctx.db
          .select({ review: reviews, expertName: experts.name })
          .from(reviews)
          .innerJoin(assignments, eq(assignments.id, reviews.assignmentId))
          .innerJoin(experts, eq(experts.id, assignments.expertId))
          .where(and(inArray(reviews.assignmentId, assignmentIds), eq(reviews.status, 'submitted')))
      : [];
  const criteria = criteriaOf(round);
  return {
    candidate: {
      id: c.id,
      campaignId: c.campaignId,
      occupationCode: c.occupationCode,
      occupationName: c.occupationName,
      jobTypeName: c.jobTypeName,
      standardName: c.standardName,
      standardVersion: c.standardVersion,
      industries: c.industries,
      inShortageCatalog: c.inShortageCatalog,
      expectedAssessments: c.expectedAssessments,
      reasons: c.reasons,
      status: c.status,
    },
    units: units.map((u) => {
      const s = sourceOf.get(u.unitId);
      return {
        unitName: u.unitName,
        priority: u.priority,
        expectedAssessments: s?.expectedAssessments ?? null,
        industries: s?.industries ?? [],
        reason: s?.reason ?? '',
        jobTypeName: s?.jobTypeName ?? c.jobTypeName,
      };
    }),
    reference: await referenceOf(ctx, c.campaignId, c.occupationCode),
    round: presentRound(round, ctx.clock.now()),
    myReview: own?.review ? presentReview(own.review) : null,
    otherReviews: others
      .filter((o) => o.review.assignmentId !== own?.assignment.id)
      .map((o) => ({ expertName: o.expertName, ...presentReview(o.review), weightedScore: weightedReviewScore(o.review.scores, criteria) })),
    abilities: reviewAbilities(ctx.actor, target),
  };
}

function authorizeOthers(ctx: UseCaseContext, target: Parameters<typeof reviewAbilities>[1]): boolean {
  return reviewAbilities(ctx.actor, target).viewOtherReviews;
}

/** A review as the API shows it. */
export function presentReview(r: typeof reviews.$inferSelect) {
  return {
    id: r.id,
    scores: r.scores,
    opinion: r.opinion,
    comment: r.comment,
    status: r.status,
    version: r.version,
    submittedAt: r.submittedAt?.toISOString() ?? null,
    updatedAt: r.updatedAt.toISOString(),
  };
}
