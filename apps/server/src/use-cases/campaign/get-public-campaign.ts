import { z } from 'zod';
import { DomainError, endOfShanghaiDay, formatChineseDate } from '@zhengji/domain';
import { canCampaign } from '@zhengji/domain/campaign/campaign.policy.ts';
import { effectiveCampaignStatus, type CampaignStatus } from '@zhengji/domain/campaign/campaign.workflow.ts';
import type { UseCaseContext } from '../context.ts';
import { loadCampaign } from '../../presenters/campaign-view.ts';

/** The public fields of a campaign's call page: no personal data (no contact person or phone), only the center's mailbox. */
export const PublicCampaignSchema = z.object({
  id: z.string(),
  year: z.number(),
  title: z.string(),
  docNo: z.string(),
  issuer: z.string(),
  issueDate: z.string(),
  deadline: z.string(),
  deadlineLabel: z.string(),
  status: z.string(),
  contactEmail: z.string().nullable(),
  conditionsText: z.string(),
  workflowText: z.string(),
  requirementsText: z.string(),
  instructions: z.array(z.string()),
  industryTags: z.array(z.string()),
});

/** The public call page data. */
export type PublicCampaign = z.infer<typeof PublicCampaignSchema>;

/** A campaign's public call page; a draft is NOT_FOUND to the public. */
export async function getPublicCampaign(ctx: UseCaseContext, id: string): Promise<PublicCampaign> {
  const c = await loadCampaign(ctx.db, id).catch(() => null);
  if (!c || !canCampaign(ctx.actor, 'viewPublic', { status: c.status as CampaignStatus })) throw new DomainError('NOT_FOUND', '该征集活动不存在或尚未发布');
  return {
    id: c.id,
    year: c.year,
    title: c.title,
    docNo: c.docNo,
    issuer: c.issuer,
    issueDate: c.issueDate,
    deadline: c.deadline,
    deadlineLabel: formatChineseDate(endOfShanghaiDay(c.deadline)),
    status: effectiveCampaignStatus(c.status as CampaignStatus, c.deadline, ctx.clock.now()),
    contactEmail: c.contactEmail,
    conditionsText: c.conditionsText,
    workflowText: c.workflowText,
    requirementsText: c.requirementsText,
    instructions: c.instructions,
    industryTags: c.industryTags,
  };
}
