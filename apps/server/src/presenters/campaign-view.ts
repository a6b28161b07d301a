import { count, eq } from 'drizzle-orm';
import { DomainError, endOfShanghaiDay, formatChineseDate, type Actor } from '@zhengji/domain';
import { campaignAbilities } from '@zhengji/domain/campaign/campaign.policy.ts';
import type { CampaignView } from '@zhengji/domain/campaign/campaign-view.schemas.ts';
import { allowedCampaignActions, effectiveCampaignStatus, type CampaignStatus } from '@zhengji/domain/campaign/campaign.workflow.ts';
import type { Db } from '../db/client.ts';
import { campaignUnits, campaigns } from '../db/schema/index.ts';

/** A campaign as stored. */
export type CampaignRecord = typeof campaigns.$inferSelect;

/** The campaign view (CampaignViewSchema in the domain), as this presenter returns it. */
export type { CampaignView };

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
