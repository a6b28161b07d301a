import { desc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { DomainError, endOfShanghaiDay, formatChineseDate, canCampaign, type CampaignStatus } from '@zhengji/domain';
import { campaigns } from '../../db/schema/index.ts';
import type { UseCaseContext } from '../context.ts';
import { shownCampaignStatus } from '../../db/queries/form-state.ts';

/** The public fields of the open campaign. */
export const CurrentCampaignSchema = z.object({
  id: z.string(),
  title: z.string(),
  docNo: z.string(),
  deadline: z.string(),
  deadlineLabel: z.string(),
  status: z.string(),
  industryTags: z.array(z.string()),
  instructions: z.array(z.string()),
});

/** The campaign now calling for recommendations (public); NOT_FOUND when none is open. */
export async function getCurrentCampaign(ctx: UseCaseContext): Promise<z.infer<typeof CurrentCampaignSchema>> {
  const [campaign] = await ctx.db.select().from(campaigns).where(eq(campaigns.status, 'open')).orderBy(desc(campaigns.createdAt)).limit(1);
  if (!campaign || !canCampaign(ctx.actor, 'viewPublic', { status: campaign.status as CampaignStatus })) {
    throw new DomainError('NOT_FOUND', '当前没有正在进行的征集活动');
  }
  return {
    id: campaign.id,
    title: campaign.title,
    docNo: campaign.docNo,
    deadline: campaign.deadline,
    deadlineLabel: formatChineseDate(endOfShanghaiDay(campaign.deadline)),
    status: shownCampaignStatus(campaign, ctx.clock.now()),
    industryTags: campaign.industryTags,
    instructions: campaign.instructions,
  };
}
