import { and, eq } from 'drizzle-orm';
import { formatChineseDateTime, weightedReviewScore } from '@zhengji/domain';
import { assignments, candidates, experts, reviews } from '../../db/schema/index.ts';
import { renderScoreSheetDocx } from '../../documents/review-docx.ts';
import { renderScoreSheetPdf } from '../../documents/review-pdf.ts';
import type { UseCaseContext } from '../context.ts';
import { criteriaOf, ensureRound, loadReviewCampaign } from '../../db/queries/review-round.ts';
import { assertAccess } from '../../access/require-access.ts';

/** An expert's 专家评审表 (Word or PDF) to be signed: the center for any expert, an expert for themselves only; 回避 assignments left out. */
export async function exportScoreSheet(ctx: UseCaseContext, campaignId: string, expertId: string, format: 'docx' | 'pdf') {
  const [expert] = await ctx.db.select().from(experts).where(eq(experts.id, expertId));
  assertAccess(ctx.actor, 'scoreSheet.export', expert);
  const campaign = await loadReviewCampaign(ctx.db, campaignId);
  const round = await ensureRound(ctx.db, campaignId);
  const criteria = criteriaOf(round);
  const rows = await ctx.db
    .select({ candidate: candidates, review: reviews })
    .from(assignments)
    .innerJoin(candidates, eq(candidates.id, assignments.candidateId))
    .leftJoin(reviews, eq(reviews.assignmentId, assignments.id))
    .where(
      and(eq(assignments.campaignId, campaignId), eq(assignments.expertId, expertId), eq(assignments.status, 'active'), eq(assignments.conflictFlag, false)),
    )
    .orderBy(candidates.occupationCode, candidates.jobTypeName);
  const data = {
    campaignTitle: campaign.title,
    expertName: expert.name,
    organization: expert.organization,
    title: expert.title,
    criteria,
    printedAt: formatChineseDateTime(ctx.clock.now()),
    rows: rows.map((r) => ({
      occupationCode: r.candidate.occupationCode,
      occupationName: r.candidate.occupationName,
      jobTypeName: r.candidate.jobTypeName,
      scores: r.review?.scores ?? null,
      weightedScore: r.review ? weightedReviewScore(r.review.scores, criteria) : null,
      opinion: r.review?.opinion ?? null,
      comment: r.review?.comment ?? '',
      submitted: r.review?.status === 'submitted',
    })),
  };
  const bytes = format === 'pdf' ? await renderScoreSheetPdf(data) : await renderScoreSheetDocx(data);
  return { bytes, fileName: `专家评审表-${expert.name}.${format}` };
}
