import { and, count, eq, isNull } from 'drizzle-orm';
import { DomainError, endOfShanghaiDay, formatChineseDate, type Actor } from '@zhengji/domain';
import { campaignAbilities } from '@zhengji/domain/campaign/campaign.policy.ts';
import { campaignActions } from '@zhengji/domain/campaign/campaign.actions.ts';
import type { CampaignView } from '@zhengji/domain/campaign/campaign-view.schemas.ts';
import { allowedCampaignActions, effectiveCampaignStatus, type CampaignFacts, type CampaignStatus } from '@zhengji/domain/campaign/campaign.workflow.ts';
import type { Db } from '../db/client.ts';
import { campaignUnits, campaigns, candidates, forms } from '../db/schema/index.ts';

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

/**
 * The facts the phase buttons of this phase need (the roster and deadline always; after the close, the unchecked forms
 * and the pool), so that a list of campaigns costs no query for the others.
 */
async function pageFacts(db: Db, campaign: CampaignRecord, rosterSize: number, now: Date): Promise<CampaignFacts> {
  const facts: CampaignFacts = { now, deadline: campaign.deadline, rosterSize };
  if (campaign.status !== 'closed') return facts;
  const n = async (q: Promise<{ n: number }[]>) => (await q)[0]?.n ?? 0;
  const [uncheckedForms, candidateCount] = await Promise.all([
    n(
      db
        .select({ n: count() })
        .from(forms)
        .where(and(eq(forms.campaignId, campaign.id), eq(forms.status, 'submitted'))),
    ),
    n(
      db
        .select({ n: count() })
        .from(candidates)
        .where(and(eq(candidates.campaignId, campaign.id), isNull(candidates.mergedIntoId))),
    ),
  ]);
  return { ...facts, uncheckedForms, candidateCount };
}

/** Presents a campaign for an actor now. */
export async function presentCampaign(db: Db, actor: Actor, campaign: CampaignRecord, now: Date): Promise<CampaignView> {
  const status = campaign.status as CampaignStatus;
  const rosterSize = await rosterSizeOf(db, campaign.id);
  return {
    ...campaign,
    deadlineLabel: formatChineseDate(endOfShanghaiDay(campaign.deadline)),
    status,
    shownStatus: effectiveCampaignStatus(status, campaign.deadline, now),
    rosterSize,
    allowedActions: allowedCampaignActions(status),
    abilities: campaignAbilities(actor, { status }),
    actions: campaignActions(actor, status, await pageFacts(db, campaign, rosterSize, now)),
  };
}
