import { and, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import { DomainError } from '@zhengji/domain';
import { RosterInputSchema } from '@zhengji/domain/campaign/campaign.schemas.ts';
import { canCampaign } from '@zhengji/domain/campaign/campaign.policy.ts';
import type { CampaignStatus } from '@zhengji/domain/campaign/campaign.workflow.ts';
import { campaignUnits, forms, units } from '../../db/schema/index.ts';
import type { UseCaseContext } from '../context.ts';
import { requireAllowed } from '../authorize.ts';
import { writeAudit } from '../audit/write-audit.ts';
import { loadCampaign } from '../../presenters/campaign-view.ts';

/** Replaces the roster of expected units; a unit that already has a form in the campaign cannot be removed. */
export async function setRoster(ctx: UseCaseContext, campaignId: string, input: z.input<typeof RosterInputSchema>): Promise<{ unitIds: string[] }> {
  const data = RosterInputSchema.parse(input);
  const wanted = [...new Set(data.unitIds)];
  return ctx.db.transaction(async (tx) => {
    const campaign = await loadCampaign(tx, campaignId, true);
    requireAllowed(canCampaign(ctx.actor, 'update', { status: campaign.status as CampaignStatus }), ctx.actor);
    const known = wanted.length > 0 ? await tx.select({ id: units.id }).from(units).where(inArray(units.id, wanted)) : [];
    if (known.length !== wanted.length) throw new DomainError('VALIDATION', '名单中有不存在的单位，请刷新单位列表后重新选择');
    const before = (await tx.select({ unitId: campaignUnits.unitId }).from(campaignUnits).where(eq(campaignUnits.campaignId, campaignId))).map((r) => r.unitId);
    const removed = before.filter((u) => !wanted.includes(u));
    const added = wanted.filter((u) => !before.includes(u));
    if (removed.length > 0) {
      const withForms = await tx
        .select({ unitId: forms.unitId })
        .from(forms)
        .where(and(eq(forms.campaignId, campaignId), inArray(forms.unitId, removed)));
      if (withForms.length > 0) throw new DomainError('CONFLICT', `有 ${String(withForms.length)} 个单位已开始填报，不能从名单中移除`);
      await tx.delete(campaignUnits).where(and(eq(campaignUnits.campaignId, campaignId), inArray(campaignUnits.unitId, removed)));
    }
    if (added.length > 0) await tx.insert(campaignUnits).values(added.map((unitId) => ({ campaignId, unitId })));
    await writeAudit(tx, ctx, { action: 'campaign.setRoster', objectType: 'campaign', objectId: campaignId, changes: { added, removed } });
    return { unitIds: wanted };
  });
}
