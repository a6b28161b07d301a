import { canCampaign } from '@zhengji/domain/campaign/campaign.policy.ts';
import type { CampaignStatus } from '@zhengji/domain/campaign/campaign.workflow.ts';
import type { UseCaseContext } from '../context.ts';
import { requireAllowed } from '../authorize.ts';
import { loadCampaign, presentCampaign, type CampaignView } from '../../presenters/campaign-view.ts';

/** One campaign with its abilities (the center). */
export async function getCampaign(ctx: UseCaseContext, id: string): Promise<CampaignView> {
  requireAllowed(ctx.actor.kind === 'user' && ctx.actor.role === 'center', ctx.actor);
  const row = await loadCampaign(ctx.db, id);
  requireAllowed(canCampaign(ctx.actor, 'view', { status: row.status as CampaignStatus }), ctx.actor);
  return presentCampaign(ctx.db, ctx.actor, row, ctx.clock.now());
}
