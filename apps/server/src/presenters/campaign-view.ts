import { count, eq } from 'drizzle-orm';
import { z } from 'zod';
import { DomainError, endOfShanghaiDay, formatChineseDate, type Actor } from '@zhengji/domain';
import { CAMPAIGN_POLICY_ACTIONS, campaignAbilities } from '@zhengji/domain/campaign/campaign.policy.ts';
import { CAMPAIGN_ACTIONS, CAMPAIGN_STATUSES, allowedCampaignActions, effectiveCampaignStatus, type CampaignStatus } from '@zhengji/domain/campaign/campaign.workflow.ts';
import type { Db } from '../db/client.ts';
import { campaignUnits, campaigns } from '../db/schema/index.ts';

/** A campaign as stored. */
export type CampaignRecord = typeof campaigns.$inferSelect;

/** A campaign as the center's pages show it. */
export const CampaignViewSchema = z.object({
  id: z.string(),
  year: z.number(),
  title: z.string(),
  docNo: z.string(),
  issuer: z.string(),
  issueDate: z.string(),
  opensAt: z.date().nullable(),
  deadline: z.string(),
  deadlineLabel: z.string(),
  contactName: z.string().nullable(),
  contactPhone: z.string().nullable(),
  contactEmail: z.string().nullable(),
  conditionsText: z.string(),
  workflowText: z.string(),
  requirementsText: z.string(),
  instructions: z.array(z.string()),
  industryTags: z.array(z.string()),
  referenceVersions: z.record(z.string(), z.string()),
  status: z.enum(CAMPAIGN_STATUSES),
  /** An open campaign past its deadline shows as closed. */
  shownStatus: z.enum(CAMPAIGN_STATUSES),
  version: z.number(),
  rosterSize: z.number(),
  allowedActions: z.array(z.enum(CAMPAIGN_ACTIONS)),
  abilities: z.record(z.enum(CAMPAIGN_POLICY_ACTIONS), z.boolean()),
  updatedAt: z.date(),
});
/** A campaign as shown. */
export type CampaignView = z.infer<typeof CampaignViewSchema>;

/** Loads a campaign (NOT_FOUND otherwise); `forUpdate` locks its row. */
export async function loadCampaign(db: Db, id: string, forUpdate = false): Promise<CampaignRecord> {
  const query = db.select().from(campaigns).where(eq(campaigns.id, id));
  const [row] = forUpdate ? await query.for('update') : await query;
  if (!row) throw new DomainError('NOT_FOUND', '该征集活动不存在');
  return row;
}

/** The number of units on a campaign's roster. */
export async function rosterSizeOf(db: Db, campaignId: string): Promise<number> {
  const [row] = await db.select({ n: count() }).from(campaignUnits).where(eq(campaignUnits.campaignId, campaignId));
  return row?.n ?? 0;
}

/** Presents a campaign for an actor now. */
export async function presentCampaign(db: Db, actor: Actor, campaign: CampaignRecord, now: Date): Promise<CampaignView> {
  const status = campaign.status as CampaignStatus;
  return {
    ...campaign,
    deadlineLabel: formatChineseDate(endOfShanghaiDay(campaign.deadline)),
    status,
    shownStatus: effectiveCampaignStatus(status, campaign.deadline, now),
    rosterSize: await rosterSizeOf(db, campaign.id),
    allowedActions: allowedCampaignActions(status),
    abilities: campaignAbilities(actor, { status }),
  };
}
