import { DomainError } from '@zhengji/domain';
import { poolPhaseRefusal } from '@zhengji/domain/pool/pool.actions.ts';
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
  const refusal = change ? poolPhaseRefusal(status) : null;
  if (refusal) throw new DomainError('INVALID_STATE', refusal);
  return campaign;
}
