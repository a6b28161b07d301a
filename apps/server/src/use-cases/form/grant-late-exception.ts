import { eq } from 'drizzle-orm';
import { DomainError, canCampaign, type CampaignStatus } from '@zhengji/domain';
import { campaigns, formLateExceptions, units } from '../../db/schema/index.ts';
import type { UseCaseContext } from '../context.ts';
import { requireAllowed } from '../authorize.ts';
import { writeAudit } from '../audit/write-audit.ts';

/** What the center enters to let one unit save and submit after the deadline. */
export interface GrantLateExceptionInput {
  campaignId: string;
  unitId: string;
  reason: string;
  until: Date;
}

/** Grants (or replaces) a unit's late exception in a campaign: a reason and a new time limit in the future. */
export async function grantLateException(ctx: UseCaseContext, input: GrantLateExceptionInput): Promise<{ id: string; until: Date }> {
  const [campaign] = await ctx.db.select().from(campaigns).where(eq(campaigns.id, input.campaignId));
  const actor = requireAllowed(canCampaign(ctx.actor, 'grantLateException', campaign ? { status: campaign.status as CampaignStatus } : undefined), ctx.actor);
  const [unit] = await ctx.db.select({ id: units.id }).from(units).where(eq(units.id, input.unitId));
  if (!unit) throw new DomainError('NOT_FOUND', '该推荐单位不存在');
  const reason = input.reason.trim();
  if (!reason || reason.length > 500) throw new DomainError('VALIDATION', '请填写延期理由（不超过 500 字）');
  const now = ctx.clock.now();
  if (input.until.getTime() <= now.getTime()) throw new DomainError('VALIDATION', '延期时限须晚于当前时间');
  return ctx.db.transaction(async (tx) => {
    const values = { campaignId: input.campaignId, unitId: input.unitId, reason, until: input.until, grantedBy: actor.userId, grantedAt: now };
    const [row] = await tx
      .insert(formLateExceptions)
      .values(values)
      .onConflictDoUpdate({
        target: [formLateExceptions.campaignId, formLateExceptions.unitId],
        set: { reason, until: input.until, grantedBy: actor.userId, grantedAt: now },
      })
      .returning({ id: formLateExceptions.id, until: formLateExceptions.until });
    await writeAudit(tx, ctx, {
      action: 'form.grantLateException',
      objectType: 'campaign',
      objectId: input.campaignId,
      changes: { unitId: input.unitId, reason, until: input.until.toISOString() },
    });
    return row!;
  });
}
