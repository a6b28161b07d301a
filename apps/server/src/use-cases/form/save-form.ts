import { eq } from 'drizzle-orm';
import { DomainError, transitionForm } from '@zhengji/domain';
import { formRows, forms } from '../../db/schema/index.ts';
import type { UseCaseContext } from '../context.ts';
import { requireAllowed } from '../authorize.ts';
import { writeAudit } from '../audit/write-audit.ts';
import { parseFormContent } from '../../form/form-content.ts';
import { formFacts, loadFormFor } from '../../db/queries/form-state.ts';
import { maxRowsOf, presentForm, type FormView } from '../../presenters/form-view.ts';

/** What the editor sends: the version it started from, the header and every row in order. */
export interface SaveFormInput {
  version: number;
  header: Record<string, unknown>;
  rows: Record<string, unknown>[];
}

/**
 * Saves the header and all rows of a draft or returned form (序号 = order). Refused after the deadline (by the
 * server clock, the unit's late exception or return time limit honoured) and when `version` is stale: then
 * STALE_VERSION and nothing is overwritten.
 */
export async function saveForm(ctx: UseCaseContext, formId: string, input: SaveFormInput): Promise<FormView> {
  const actor = requireAllowed(ctx.actor.kind === 'user', ctx.actor);
  const content = parseFormContent(input.header, input.rows, maxRowsOf(ctx.config));
  const now = ctx.clock.now();
  const state = await ctx.db.transaction(async (tx) => {
    const state = await loadFormFor(tx, actor, formId, 'save', true);
    transitionForm(state.form.status, 'save', formFacts(state, now));
    if (state.form.version !== input.version) {
      throw new DomainError(
        'STALE_VERSION',
        `推荐表已被他人修改（您编辑的是第 ${String(input.version)} 次保存的内容，服务器上已是第 ${String(state.form.version)} 次），本次未保存。请重新加载后再修改，您输入的内容仍保留在页面上可复制`,
        { currentVersion: state.form.version },
      );
    }
    const [form] = await tx
      .update(forms)
      .set({ ...content.header, version: state.form.version + 1, updatedAt: now, updatedBy: actor.userId })
      .where(eq(forms.id, formId))
      .returning();
    await tx.delete(formRows).where(eq(formRows.formId, formId));
    if (content.rows.length > 0) await tx.insert(formRows).values(content.rows.map((r, i) => ({ ...r, formId, priority: i + 1 })));
    await writeAudit(tx, ctx, { action: 'form.save', objectType: 'form', objectId: formId, changes: { version: form!.version, rows: content.rows.length } });
    return { ...state, form: form! };
  });
  return presentForm(ctx.db, { actor, config: ctx.config, now }, state);
}
