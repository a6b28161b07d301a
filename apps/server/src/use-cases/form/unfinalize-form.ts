import { and, eq, isNull } from 'drizzle-orm';
import { DomainError } from '@zhengji/domain';
import { formVersions, forms } from '../../db/schema/index.ts';
import type { UseCaseContext } from '../context.ts';
import { requireAllowed } from '../authorize.ts';
import { writeAudit } from '../audit/write-audit.ts';
import { discardFileIfUnreferenced } from '../../files/discard-file.ts';
import { loadFormFor, requireWritingWindow } from '../../db/queries/form-state.ts';
import { presentForm, type FormView } from '../../presenters/form-view.ts';

/**
 * Voids the finalized version (撤销定稿) so that the content can be edited again: the version stays in the history as
 * voided and its scan no longer counts. Only before submission, within the unit's window.
 */
export async function unfinalizeForm(ctx: UseCaseContext, formId: string, input: { version?: number }): Promise<FormView> {
  const actor = requireAllowed(ctx.actor.kind === 'user', ctx.actor);
  const now = ctx.clock.now();
  const state = await ctx.db.transaction(async (tx) => {
    const state = await loadFormFor(tx, actor, formId, 'unfinalize', true);
    const { form } = state;
    if (form.finalizedVersionNo === null || (form.status !== 'draft' && form.status !== 'returned')) {
      throw new DomainError(
        'INVALID_STATE',
        form.status === 'submitted' || form.status === 'accepted' ? '推荐表已提交，不能撤销定稿；如需修改，请先撤回提交' : '推荐表尚未定稿，无需撤销',
      );
    }
    requireWritingWindow(state, now);
    if (input.version !== undefined && form.version !== input.version)
      throw new DomainError('STALE_VERSION', '推荐表已被他人修改，请重新加载后再操作', { currentVersion: form.version });
    await tx
      .update(formVersions)
      .set({ voidedAt: now })
      .where(
        and(eq(formVersions.formId, formId), eq(formVersions.number, form.finalizedVersionNo), isNull(formVersions.submittedAt), isNull(formVersions.voidedAt)),
      );
    const [updated] = await tx
      .update(forms)
      .set({
        finalizedVersionNo: null,
        scanFileId: null,
        scanMatch: null,
        pendingScanFileId: null,
        version: form.version + 1,
        updatedAt: now,
        updatedBy: actor.userId,
      })
      .where(eq(forms.id, formId))
      .returning();
    // The scans of the voided version stop counting; no submitted version refers to them, so they are deleted.
    await discardFileIfUnreferenced(tx, form.scanFileId);
    await discardFileIfUnreferenced(tx, form.pendingScanFileId);
    await writeAudit(tx, ctx, {
      action: 'form.unfinalize',
      objectType: 'form',
      objectId: formId,
      changes: { versionNumber: form.finalizedVersionNo, scanFileId: form.scanFileId },
    });
    return { ...state, form: updated! };
  });
  return presentForm(ctx.db, { actor, config: ctx.config, now }, state);
}
