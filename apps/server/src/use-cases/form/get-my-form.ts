import { and, desc, eq, inArray } from 'drizzle-orm';
import { DomainError, hasRole, canForm } from '@zhengji/domain';
import { campaigns, forms } from '../../db/schema/index.ts';
import type { UseCaseContext } from '../context.ts';
import { requireAllowed } from '../authorize.ts';
import { writeAudit } from '../audit/write-audit.ts';
import { lateExceptionOf } from '../../db/queries/form-state.ts';
import { presentForm, type FormView } from '../../presenters/form-view.ts';

/** The campaign a unit fills in: the named one, else the open one, else the latest one past its call. */
async function campaignFor(ctx: UseCaseContext, campaignId: string | undefined) {
  const visible = inArray(campaigns.status, ['open', 'closed', 'reviewing', 'publicizing', 'published', 'archived']);
  const where = campaignId ? and(eq(campaigns.id, campaignId), visible) : visible;
  const rows = await ctx.db.select().from(campaigns).where(where).orderBy(desc(campaigns.createdAt)).limit(20);
  const campaign = rows.find((c) => c.status === 'open') ?? rows[0];
  if (!campaign) throw new DomainError('NOT_FOUND', campaignId ? '该征集活动不存在或尚未开启' : '当前没有正在进行的征集活动');
  return campaign;
}

/** The unit's form in the open (or named) campaign, created empty on first access; with findings and abilities. */
export async function getMyForm(ctx: UseCaseContext, campaignId?: string): Promise<FormView> {
  const actor = requireAllowed(hasRole(ctx.actor, 'unit', 'center'), ctx.actor);
  const unitId = actor.role === 'unit' ? actor.unitId : (actor.onBehalfOfUnitId ?? null);
  if (!unitId || !canForm(actor, 'view', { unitId, status: 'draft' })) {
    throw new DomainError('FORBIDDEN', '您的账号未关联推荐单位，不能填报推荐表；请联系系统管理员');
  }
  const campaign = await campaignFor(ctx, campaignId);
  const find = () =>
    ctx.db
      .select()
      .from(forms)
      .where(and(eq(forms.campaignId, campaign.id), eq(forms.unitId, unitId)));
  let [form] = await find();
  if (!form) {
    const now = ctx.clock.now();
    await ctx.db.transaction(async (tx) => {
      const [created] = await tx
        .insert(forms)
        .values({ campaignId: campaign.id, unitId, createdBy: actor.userId, updatedBy: actor.userId, createdAt: now, updatedAt: now })
        .onConflictDoNothing()
        .returning({ id: forms.id });
      if (created) await writeAudit(tx, ctx, { action: 'form.create', objectType: 'form', objectId: created.id, changes: { campaignId: campaign.id, unitId } });
    });
    [form] = await find();
  }
  const state = { form: form!, campaign, lateExceptionUntil: await lateExceptionOf(ctx.db, campaign.id, unitId) };
  return presentForm(ctx.db, { actor, config: ctx.config, now: ctx.clock.now() }, state);
}
