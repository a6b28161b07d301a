import { transitionForm } from '@zhengji/domain';
import { eq } from 'drizzle-orm';
import { forms } from '../../db/schema/index.ts';
import type { UseCaseContext } from '../context.ts';
import { requireAllowed } from '../authorize.ts';
import { writeAudit } from '../audit/write-audit.ts';
import { formFacts, loadFormFor } from './form-state.ts';
import { presentForm, type FormView } from './present-form.ts';

/** The center accepts a submitted form (受理); it is read-only from then on. */
export async function acceptForm(ctx: UseCaseContext, formId: string): Promise<FormView> {
  const actor = requireAllowed(ctx.actor.kind === 'user', ctx.actor);
  const now = ctx.clock.now();
  const state = await ctx.db.transaction(async (tx) => {
    const state = await loadFormFor(tx, actor, formId, 'accept', true);
    const status = transitionForm(state.form.status, 'accept', formFacts(state, now));
    const [form] = await tx
      .update(forms)
      .set({ status, acceptedAt: now, checkingStartedAt: state.form.checkingStartedAt ?? now, version: state.form.version + 1, updatedAt: now, updatedBy: actor.userId })
      .where(eq(forms.id, formId))
      .returning();
    await writeAudit(tx, ctx, { action: 'form.accept', objectType: 'form', objectId: formId, changes: { versionNumber: state.form.lastVersionNumber } });
    return { ...state, form: form! };
  });
  return presentForm(ctx.db, { actor, config: ctx.config, now }, state);
}
