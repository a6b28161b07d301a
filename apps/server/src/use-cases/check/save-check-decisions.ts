import { eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { DomainError } from '@zhengji/domain';
import { SaveDecisionsSchema } from '@zhengji/domain/check/check.schemas.ts';
import { transitionForm } from '@zhengji/domain/form/form.workflow.ts';
import { checkDecisions, forms } from '../../db/schema/index.ts';
import type { UseCaseContext } from '../context.ts';
import { requireAllowed } from '../authorize.ts';
import { writeAudit } from '../audit/write-audit.ts';
import { formFacts, loadFormFor } from '../../db/queries/form-state.ts';
import { lastVersionOf, presentCheck, type CheckView } from '../../presenters/check-view.ts';

/** Stale-version message shared by the check commands: the other clerk's decision won, nothing of ours was saved. */
export const CHECK_STALE_MESSAGE = '另一位工作人员刚刚更新了该推荐表的核验结果，您的修改尚未保存：请刷新查看对方的结论后再提交';
/** Decisions before the clerk started the check: starting is an explicit step (it ends the unit's right to withdraw). */
export const CHECK_NOT_STARTED_MESSAGE = '尚未开始核验：请先点击“开始核验”（此后单位不能再撤回），再保存核验结论';

/**
 * Records pass/fail (with reason code and text) and rule overrides for rows of the submitted version. The clerk
 * names the form version they started from; a concurrent decision makes it stale (409) and nothing is written.
 * The check must have been started (startCheck) first: saving never starts it implicitly (409 otherwise).
 */
export async function saveCheckDecisions(ctx: UseCaseContext, formId: string, input: z.input<typeof SaveDecisionsSchema>): Promise<CheckView> {
  const actor = requireAllowed(ctx.actor.kind === 'user' && ctx.actor.role === 'center', ctx.actor);
  const data = SaveDecisionsSchema.parse(input);
  const now = ctx.clock.now();
  const state = await ctx.db.transaction(async (tx) => {
    const state = await loadFormFor(tx, actor, formId, 'check', true);
    if (state.form.version !== data.version) throw new DomainError('STALE_VERSION', CHECK_STALE_MESSAGE);
    // The decisions belong to the material check of a submitted form: the same guard as accepting it.
    transitionForm(state.form.status, 'accept', formFacts(state, now));
    if (!state.form.checkingStartedAt) throw new DomainError('INVALID_STATE', CHECK_NOT_STARTED_MESSAGE);
    const version = await lastVersionOf(tx, formId, state.form.lastVersionNumber);
    for (const d of data.decisions) {
      if (d.rowIndex >= version.rows.length) throw new DomainError('VALIDATION', `第 ${String(d.rowIndex + 1)} 行不存在`);
      const values = {
        decision: d.decision,
        reasonCode: d.decision === 'fail' ? d.reasonCode : null,
        reasonText: d.reasonText,
        overrides: d.overrides,
        decidedBy: actor.userId,
        decidedAt: now,
      };
      await tx
        .insert(checkDecisions)
        .values({ formId, versionNumber: version.number, rowIndex: d.rowIndex, ...values })
        .onConflictDoUpdate({ target: [checkDecisions.formId, checkDecisions.versionNumber, checkDecisions.rowIndex], set: values });
    }
    const [form] = await tx
      .update(forms)
      .set({ version: sql`${forms.version} + 1`, updatedAt: now, updatedBy: actor.userId })
      .where(eq(forms.id, formId))
      .returning();
    await writeAudit(tx, ctx, {
      action: 'check.decide',
      objectType: 'form',
      objectId: formId,
      changes: { versionNumber: version.number, decisions: data.decisions },
    });
    return { ...state, form: form! };
  });
  return presentCheck(ctx, state, now);
}
