import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { DomainError } from '@zhengji/domain';
import { CampaignTransitionSchema } from '@zhengji/domain/campaign/campaign.schemas.ts';
import { canCampaign } from '@zhengji/domain/campaign/campaign.policy.ts';
import { requireDirectCampaignAction, transitionCampaign as nextPhase, type CampaignStatus } from '@zhengji/domain/campaign/campaign.workflow.ts';
import { campaigns } from '../../db/schema/index.ts';
import type { UseCaseContext } from '../context.ts';
import { requireAllowed } from '../authorize.ts';
import { writeAudit } from '../audit/write-audit.ts';
import { loadCampaign, presentCampaign, type CampaignView } from '../../presenters/campaign-view.ts';
import { campaignFacts } from '../../db/queries/campaign-facts.ts';

/**
 * Moves a campaign to its next phase by an explicit action; the workflow table and guards decide (409 with the reason).
 * 开始公示 and 发布最终名单 are refused here: they happen only by publishing the notice / the final list.
 */
export async function transitionCampaign(ctx: UseCaseContext, id: string, input: z.input<typeof CampaignTransitionSchema>): Promise<CampaignView> {
  const data = CampaignTransitionSchema.parse(input);
  const now = ctx.clock.now();
  const row = await ctx.db.transaction(async (tx) => {
    const current = await loadCampaign(tx, id, true);
    const from = current.status as CampaignStatus;
    requireAllowed(canCampaign(ctx.actor, data.action, { status: from }), ctx.actor);
    requireDirectCampaignAction(data.action);
    if (current.version !== data.version) throw new DomainError('STALE_VERSION', '该征集活动已被他人修改，请刷新后重试');
    const to = nextPhase(from, data.action, await campaignFacts(tx, current, now));
    const [row] = await tx
      .update(campaigns)
      .set({ status: to, version: current.version + 1, updatedAt: now, ...(data.action === 'open' && !current.opensAt ? { opensAt: now } : {}) })
      .where(eq(campaigns.id, id))
      .returning();
    await writeAudit(tx, ctx, { action: `campaign.${data.action}`, objectType: 'campaign', objectId: id, changes: { from, to } });
    return row!;
  });
  return presentCampaign(ctx.db, ctx.actor, row, now);
}
