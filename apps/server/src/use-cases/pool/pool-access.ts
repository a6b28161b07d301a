import { DomainError } from '@zhengji/domain';
import { canCampaign } from '@zhengji/domain/campaign/campaign.policy.ts';
import type { CampaignStatus } from '@zhengji/domain/campaign/campaign.workflow.ts';
import type { Db } from '../../db/client.ts';
import type { UseCaseContext } from '../context.ts';
import { requireAllowed } from '../authorize.ts';
import { loadCampaign, type CampaignRecord } from '../../presenters/campaign-view.ts';

/** Loads the campaign and requires the center; for changes, the pool is only built while the call is open or closed. */
export async function campaignForPool(ctx: UseCaseContext, db: Db, campaignId: string, change: boolean): Promise<CampaignRecord> {
  const campaign = await loadCampaign(db, campaignId, change);
  const status = campaign.status as CampaignStatus;
  requireAllowed(canCampaign(ctx.actor, change ? 'update' : 'view', { status }), ctx.actor);
  if (change && status !== 'open' && status !== 'closed') throw new DomainError('INVALID_STATE', '专家评估开始后候选职业库不能再生成或调整');
  return campaign;
}
