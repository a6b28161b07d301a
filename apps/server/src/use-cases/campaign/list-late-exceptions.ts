import { eq } from 'drizzle-orm';
import type { LateExceptionView } from '@zhengji/domain/campaign/campaign-view.schemas.ts';
import { canCampaign } from '@zhengji/domain/campaign/campaign.policy.ts';
import type { CampaignStatus } from '@zhengji/domain/campaign/campaign.workflow.ts';
import { formLateExceptions, units, users } from '../../db/schema/index.ts';
import type { UseCaseContext } from '../context.ts';
import { requireAllowed } from '../authorize.ts';
import { loadCampaign } from '../../presenters/campaign-view.ts';

/** The late exceptions granted in a campaign. */
export async function listLateExceptions(ctx: UseCaseContext, campaignId: string): Promise<LateExceptionView[]> {
  const campaign = await loadCampaign(ctx.db, campaignId);
  requireAllowed(canCampaign(ctx.actor, 'view', { status: campaign.status as CampaignStatus }), ctx.actor);
  const rows = await ctx.db
    .select({ l: formLateExceptions, unitName: units.name, grantedBy: users.displayName })
    .from(formLateExceptions)
    .innerJoin(units, eq(units.id, formLateExceptions.unitId))
    .leftJoin(users, eq(users.id, formLateExceptions.grantedBy))
    .where(eq(formLateExceptions.campaignId, campaignId))
    .orderBy(units.name);
  return rows.map(({ l, unitName, grantedBy }) => ({
    id: l.id,
    unitId: l.unitId,
    unitName,
    reason: l.reason,
    until: l.until,
    grantedBy,
    grantedAt: l.grantedAt,
  }));
}
