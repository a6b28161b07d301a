import { DomainError } from '@zhengji/domain';
import type { CampaignStatus } from '@zhengji/domain/campaign/campaign.workflow.ts';
import type { Db } from '../../db/client.ts';
import type { UseCaseContext } from '../context.ts';
import { assertAccess } from '../../access/require-access.ts';
import { loadCampaign, type CampaignRecord } from '../../presenters/campaign-view.ts';

/** Loads the campaign and asks the object gate (the center's); for changes, the pool is only built while the call is open or closed. */
export async function campaignForPool(ctx: UseCaseContext, db: Db, campaignId: string, change: boolean): Promise<CampaignRecord> {
  const campaign = await loadCampaign(db, campaignId, change);
  const status = campaign.status as CampaignStatus;
  assertAccess(ctx.actor, change ? 'campaign.update' : 'campaign.view', { status });
  if (change && status !== 'open' && status !== 'closed') throw new DomainError('INVALID_STATE', '专家评估开始后候选职业库不能再生成或调整');
  return campaign;
}
