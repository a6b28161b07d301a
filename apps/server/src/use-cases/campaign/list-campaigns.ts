import { desc } from 'drizzle-orm';
import { canCampaign } from '@zhengji/domain/campaign/campaign.policy.ts';
import { campaigns } from '../../db/schema/index.ts';
import type { UseCaseContext } from '../context.ts';
import { requireAllowed } from '../authorize.ts';
import { presentCampaign, type CampaignView } from '../../presenters/campaign-view.ts';

/** Every campaign, newest first (the center). */
export async function listCampaigns(ctx: UseCaseContext): Promise<CampaignView[]> {
  requireAllowed(canCampaign(ctx.actor, 'create'), ctx.actor);
  const rows = await ctx.db.select().from(campaigns).orderBy(desc(campaigns.year), desc(campaigns.createdAt));
  const now = ctx.clock.now();
  return Promise.all(rows.map((r) => presentCampaign(ctx.db, ctx.actor, r, now)));
}
