import { eq } from 'drizzle-orm';
import { DomainError, canCampaign } from '@zhengji/domain';
import { campaigns } from '../../db/schema/index.ts';
import type { UseCaseContext } from '../context.ts';

/** The public fields of a call (征集): no contact person or phone, only the organisation's mailbox. */
export interface PublicCampaign {
  id: string;
  year: number;
  title: string;
  docNo: string;
  issuer: string;
  issueDate: string;
  deadline: string;
  status: string;
  contactEmail: string | null;
  conditionsText: string;
  workflowText: string;
  requirementsText: string;
  instructions: string[];
  industryTags: string[];
  updatedAt: Date;
}

/** A campaign's call page data, readable by anyone once it is no longer a draft. */
export async function getPublicCampaign(ctx: UseCaseContext, id: string): Promise<PublicCampaign> {
  const [c] = await ctx.db.select().from(campaigns).where(eq(campaigns.id, id));
  if (!c || !canCampaign(ctx.actor.kind === 'user' ? ctx.actor : { kind: 'public' }, 'viewPublic', c)) throw new DomainError('NOT_FOUND', '该征集活动不存在或尚未发布');
  return {
    id: c.id,
    year: c.year,
    title: c.title,
    docNo: c.docNo,
    issuer: c.issuer,
    issueDate: c.issueDate,
    deadline: c.deadline,
    status: c.status,
    contactEmail: c.contactEmail,
    conditionsText: c.conditionsText,
    workflowText: c.workflowText,
    requirementsText: c.requirementsText,
    instructions: c.instructions,
    industryTags: c.industryTags,
    updatedAt: c.updatedAt,
  };
}
