import { eq } from 'drizzle-orm';
import { DomainError, hasRole } from '@zhengji/domain';
import { units } from '../../db/schema/index.ts';
import type { UseCaseContext } from '../context.ts';
import { requireAllowed } from '../authorize.ts';
import { getMyForm } from '../form/get-my-form.ts';
import type { FormView } from '../../presenters/form-view.ts';
import { actingForUnit } from '../../form/acting-for-unit.ts';

/**
 * For center staff entering a form that arrived by e-mail: the unit's form in the open (or named) campaign, created
 * on behalf of the unit when it does not exist yet; its abilities are those of the center acting for the unit.
 */
export async function openUnitForm(ctx: UseCaseContext, input: { unitId: string; campaignId?: string }): Promise<FormView> {
  const user = requireAllowed(hasRole(ctx.actor, 'center'), ctx.actor);
  const [unit] = await ctx.db.select({ id: units.id }).from(units).where(eq(units.id, input.unitId));
  if (!unit) throw new DomainError('NOT_FOUND', '该推荐单位不存在，请重新选择');
  return getMyForm({ ...ctx, actor: actingForUnit(user, unit.id) }, input.campaignId);
}
