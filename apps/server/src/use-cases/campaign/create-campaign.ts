import { CampaignInputSchema, type CampaignInput } from '@zhengji/domain/campaign/campaign.schemas.ts';
import { canCampaign } from '@zhengji/domain/campaign/campaign.policy.ts';
import { campaigns } from '../../db/schema/index.ts';
import type { UseCaseContext } from '../context.ts';
import { requireAllowed } from '../authorize.ts';
import { writeAudit } from '../audit/write-audit.ts';
import { presentCampaign, type CampaignView } from '../../presenters/campaign-view.ts';

/** The center creates a campaign (a draft) from the fields of the notice. */
export async function createCampaign(ctx: UseCaseContext, input: CampaignInput): Promise<CampaignView> {
  const actor = requireAllowed(canCampaign(ctx.actor, 'create'), ctx.actor);
  const data = CampaignInputSchema.parse(input);
  const now = ctx.clock.now();
  const row = await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(campaigns)
      .values({ ...data, contactEmail: data.contactEmail || null, status: 'draft', createdBy: actor.userId, createdAt: now, updatedAt: now })
      .returning();
    await writeAudit(tx, ctx, {
      action: 'campaign.create',
      objectType: 'campaign',
      objectId: row!.id,
      changes: { title: data.title, docNo: data.docNo, deadline: data.deadline },
    });
    return row!;
  });
  return presentCampaign(ctx.db, ctx.actor, row, now);
}
