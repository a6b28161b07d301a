import { eq } from 'drizzle-orm';
import { formatChineseDateTime, transitionForm } from '@zhengji/domain';
import type { Db } from '../../db/client.ts';
import { forms } from '../../db/schema/index.ts';
import type { UseCaseContext } from '../context.ts';
import { requireAllowed } from '../authorize.ts';
import { writeAudit } from '../audit/write-audit.ts';
import { formFacts, loadFormFor, type FormState } from '../../db/queries/form-state.ts';
import { presentForm, type FormView } from '../../presenters/form-view.ts';
import { notifyUnitUsers } from '../notification/enqueue-mail.ts';

/**
 * The steps of returning a form inside the caller's transaction `tx` (locks the form, applies the workflow, queues the
 * unit's message, writes the audit row). For actions that return as part of a larger command (e.g. returnCheckedForm).
 */
export async function returnFormIn(tx: Db, ctx: UseCaseContext, formId: string, input: { reason: string; until: Date }, now: Date): Promise<FormState> {
  const actor = requireAllowed(ctx.actor.kind === 'user', ctx.actor);
  const state = await loadFormFor(tx, actor, formId, 'return', true);
  const status = transitionForm(state.form.status, 'return', formFacts(state, now), { reason: input.reason, until: input.until });
  const [form] = await tx
    .update(forms)
    .set({
      status,
      finalizedVersionNo: null,
      scanFileId: null,
      scanMatch: null,
      pendingScanFileId: null,
      returnReason: input.reason.trim(),
      returnedUntil: input.until,
      returnedAt: now,
      checkingStartedAt: state.form.checkingStartedAt ?? now,
      version: state.form.version + 1,
      updatedAt: now,
      updatedBy: actor.userId,
    })
    .where(eq(forms.id, formId))
    .returning();
  await notifyUnitUsers(
    tx,
    state.form.unitId,
    {
      kind: 'form.returned',
      title: '【征集】推荐表被退回修改',
      body: `您单位提交的推荐表（第 ${String(state.form.lastVersionNumber)} 版）已被市职鉴中心退回。\n退回理由：${input.reason.trim()}\n请于 ${formatChineseDateTime(input.until)} 前修改后重新提交。`,
      link: '/form',
    },
    now,
  );
  await writeAudit(tx, ctx, {
    action: 'form.return',
    objectType: 'form',
    objectId: formId,
    changes: { reason: input.reason, until: input.until.toISOString() },
  });
  return { ...state, form: form! };
}

/** The center returns a submitted form as a whole, with a reason and a resubmission time limit; the unit is told in the application and by e-mail (outbox). */
export async function returnForm(ctx: UseCaseContext, formId: string, input: { reason: string; until: Date }): Promise<FormView> {
  const actor = requireAllowed(ctx.actor.kind === 'user', ctx.actor);
  const now = ctx.clock.now();
  const state = await ctx.db.transaction((tx) => returnFormIn(tx, ctx, formId, input, now));
  return presentForm(ctx.db, { actor, config: ctx.config, now }, state);
}
