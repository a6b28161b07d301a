import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { DomainError, FORM_MAX_ROWS, FindingSchema, FormRowSchema, checkRows } from '@zhengji/domain';
import { campaigns } from '../../db/schema/index.ts';
import type { UseCaseContext } from '../context.ts';
import { requireAllowed } from '../authorize.ts';
import { referenceIndexFor } from './form-reference.ts';

/** POST /api/eligibility/check: rows to check, against a campaign's bound reference versions or the active ones. */
export const EligibilityCheckInputSchema = z.object({
  campaignId: z.uuid('征集活动编号格式不正确').optional(),
  rows: z.array(FormRowSchema).max(FORM_MAX_ROWS * 5),
});
/** The findings of each row, in row order. */
export const EligibilityCheckResultSchema = z.object({ rows: z.array(z.object({ findings: z.array(FindingSchema) })) });

/** Checks rows against the eligibility rules for any logged-in user; answers the findings of each row in order. */
export async function checkEligibility(ctx: UseCaseContext, input: z.input<typeof EligibilityCheckInputSchema>): Promise<z.infer<typeof EligibilityCheckResultSchema>> {
  requireAllowed(ctx.actor.kind === 'user', ctx.actor);
  const data = EligibilityCheckInputSchema.parse(input);
  let industryTags: string[] | undefined;
  if (data.campaignId) {
    const [campaign] = await ctx.db.select({ industryTags: campaigns.industryTags }).from(campaigns).where(eq(campaigns.id, data.campaignId));
    if (!campaign) throw new DomainError('NOT_FOUND', '该征集活动不存在');
    if (campaign.industryTags.length > 0) industryTags = campaign.industryTags;
  }
  const index = await referenceIndexFor(ctx.db, ctx.config, data.campaignId ?? null);
  return { rows: checkRows(data.rows, index, { industryTags }).map((findings) => ({ findings })) };
}
