import { eq } from 'drizzle-orm';
import { DomainError } from '@zhengji/domain';
import { forms } from '../../db/schema/index.ts';
import type { UseCaseContext } from '../context.ts';
import { requireAllowed } from '../authorize.ts';
import { writeAudit } from '../audit/write-audit.ts';
import { loadFormFor } from '../../db/queries/form-state.ts';
import { presentCheck, type CheckView } from '../../presenters/check-view.ts';

/** Opens a submitted form for checking: from now on the unit can no longer withdraw it (idempotent). */
export async function startCheck(ctx: UseCaseContext, formId: string): Promise<CheckView> {
  const actor = requireAllowed(ctx.actor.kind === 'user' && ctx.actor.role === 'center', ctx.actor);
  const now = ctx.clock.now();
  const state = await ctx.db.transaction(async (tx) => {
    const state = await loadFormFor(tx, actor, formId, 'check', true);
    if (state.form.status !== 'submitted') throw new DomainError('INVALID_STATE', '只有已提交的推荐表可以核验');
    if (state.form.checkingStartedAt) return state;
    const [form] = await tx.update(forms).set({ checkingStartedAt: now }).where(eq(forms.id, formId)).returning();
    await writeAudit(tx, ctx, { action: 'check.start', objectType: 'form', objectId: formId, changes: { versionNumber: state.form.lastVersionNumber } });
    return { ...state, form: form! };
  });
  return presentCheck(ctx, state, now);
}
