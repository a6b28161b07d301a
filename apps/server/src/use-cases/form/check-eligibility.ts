import { eq } from 'drizzle-orm';
import { DomainError, EligibilityCheckInputSchema, checkRows, looseFormRow, type EligibilityCheckInput, type EligibilityCheckResult } from '@zhengji/domain';
import { campaigns } from '../../db/schema/index.ts';
import type { UseCaseContext } from '../context.ts';
import { requireAllowed } from '../authorize.ts';
import { referenceIndexFor } from '../../db/queries/form-reference.ts';

/**
 * Checks rows against the eligibility rules for any logged-in user, against a campaign's bound reference versions or
 * the active ones; answers the findings of each row in order, whatever the row holds (a bad value is a finding).
 */
export async function checkEligibility(ctx: UseCaseContext, input: EligibilityCheckInput): Promise<EligibilityCheckResult> {
  requireAllowed(ctx.actor.kind === 'user', ctx.actor);
  const data = EligibilityCheckInputSchema.parse(input);
  let industryTags: string[] | undefined;
  if (data.campaignId) {
    const [campaign] = await ctx.db.select({ industryTags: campaigns.industryTags }).from(campaigns).where(eq(campaigns.id, data.campaignId));
    if (!campaign) throw new DomainError('NOT_FOUND', '该征集活动不存在');
    if (campaign.industryTags.length > 0) industryTags = campaign.industryTags;
  }
  const index = await referenceIndexFor(ctx.db, ctx.config, data.campaignId ?? null);
  const rows = data.rows.map((r) => looseFormRow(r as Record<string, unknown>));
  return { rows: checkRows(rows, index, { industryTags }).map((findings) => ({ findings })) };
}
