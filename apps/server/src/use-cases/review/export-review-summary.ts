import { CANDIDATE_DECISION_LABELS, formatChineseDateTime } from '@zhengji/domain';
import { renderSummaryDocx } from '../../documents/review-docx.ts';
import { renderSummaryXlsx } from '../../documents/review-summary.xlsx.ts';
import type { UseCaseContext } from '../context.ts';
import { authorizeReview, loadReviewCampaign } from '../../db/queries/review-round.ts';
import { computeReviewResults } from '../../db/queries/review-results.ts';

/** The 评审结果汇总表 of a campaign as Excel or Word (center). */
export async function exportReviewSummary(ctx: UseCaseContext, campaignId: string, format: 'xlsx' | 'docx') {
  authorizeReview(ctx.actor, 'viewAggregates');
  const campaign = await loadReviewCampaign(ctx.db, campaignId);
  const { criteria, items } = await computeReviewResults(ctx.db, campaignId, { minAgreeShare: 2 / 3, minReviews: 3, minWeightedMean: null });
  const data = {
    campaignTitle: campaign.title,
    criteria,
    printedAt: formatChineseDateTime(ctx.clock.now()),
    rows: items.map((i) => ({
      occupationCode: i.occupationCode,
      occupationName: i.occupationName,
      jobTypeName: i.jobTypeName,
      units: i.units.map((u) => `${u.unitName}（${String(u.priority)}）`).join('、'),
      assigned: i.assigned,
      submitted: i.submitted,
      weightedMean: i.weightedMean,
      opinions: i.opinions,
      agreeShare: i.agreeShare,
      disagreement: i.disagreement,
      proposal: i.proposal ? CANDIDATE_DECISION_LABELS[i.proposal] : '',
      decision: i.status === 'selected' || i.status === 'not_selected' ? CANDIDATE_DECISION_LABELS[i.status] : '待定',
      reason: i.decisionReason ?? '',
    })),
  };
  const bytes = format === 'xlsx' ? await renderSummaryXlsx(data) : await renderSummaryDocx(data);
  return { bytes, fileName: `评审结果汇总表-${campaign.year}.${format}` };
}
