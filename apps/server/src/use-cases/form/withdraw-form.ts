import { transitionForm } from '@zhengji/domain';
import { eq } from 'drizzle-orm';
import { forms } from '../../db/schema/index.ts';
import type { UseCaseContext } from '../context.ts';
import { requireAllowed } from '../authorize.ts';
import { writeAudit } from '../audit/write-audit.ts';
import { formFacts, loadFormFor } from '../../db/queries/form-state.ts';
import { presentForm, type FormView } from '../../presenters/form-view.ts';

/**
 * Takes a submission back into draft, while the call is open and before the center starts checking it. The submitted
 * version stays in the history; the content becomes editable again (a new 定稿 and scan are needed to resubmit).
 */
export async function withdrawForm(ctx: UseCaseContext, formId: string): Promise<FormView> {
  const actor = requireAllowed(ctx.actor.kind === 'user', ctx.actor);
  const now = ctx.clock.now();
  const state = await ctx.db.transaction(async (tx) => {
    const state = await loadFormFor(tx, actor, formId, 'withdraw', true);
    const status = transitionForm(state.form.status, 'withdraw', formFacts(state, now));
    const [form] = await tx
      .update(forms)
      .set({
        status,
        finalizedVersionNo: null,
        scanFileId: null,
        scanMatch: null,
        pendingScanFileId: null,
        version: state.form.version + 1,
        updatedAt: now,
        updatedBy: actor.userId,
      })
      .where(eq(forms.id, formId))
      .returning();
    await writeAudit(tx, ctx, { action: 'form.withdraw', objectType: 'form', objectId: formId, changes: { versionNumber: state.form.lastVersionNumber } });
    return { ...state, form: form! };
  });
  return presentForm(ctx.db, { actor, config: ctx.config, now }, state);
}
