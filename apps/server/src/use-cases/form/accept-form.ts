import { transitionForm } from '@zhengji/domain';
import { CHECK_FAIL_REASON_LABELS } from '@zhengji/domain/check/check.schemas.ts';
import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { checkDecisions, formVersions, forms } from '../../db/schema/index.ts';
import type { UseCaseContext } from '../context.ts';
import { requireAllowed } from '../authorize.ts';
import { writeAudit } from '../audit/write-audit.ts';
import { formFacts, loadFormFor, type FormState } from '../../db/queries/form-state.ts';
import { presentForm, type FormView } from '../../presenters/form-view.ts';
import { notifyUnitUsers, type UnitMessage } from '../notification/enqueue-mail.ts';

/** The unit's message on acceptance: how many rows passed, which failed and why (failed rows stay out of the pool). */
async function acceptedMessage(tx: Db, formId: string, versionNumber: number): Promise<UnitMessage> {
  const [version] = await tx
    .select({ rows: formVersions.rows })
    .from(formVersions)
    .where(and(eq(formVersions.formId, formId), eq(formVersions.number, versionNumber)));
  const rows = version?.rows ?? [];
  const failed = await tx
    .select()
    .from(checkDecisions)
    .where(and(eq(checkDecisions.formId, formId), eq(checkDecisions.versionNumber, versionNumber), eq(checkDecisions.decision, 'fail')))
    .orderBy(asc(checkDecisions.rowIndex));
  const lines = failed.map((d) => {
    const row = rows[d.rowIndex];
    const what = row ? `${row.occupationName}${row.jobTypeName ? `（${row.jobTypeName}）` : ''}` : '';
    const why = [d.reasonCode ? CHECK_FAIL_REASON_LABELS[d.reasonCode] : '', d.reasonText].filter(Boolean).join('：');
    return `第 ${String(d.rowIndex + 1)} 行 ${what}：${why}`;
  });
  const counts = `共 ${String(rows.length)} 个职业（工种），通过 ${String(rows.length - failed.length)} 个，不通过 ${String(failed.length)} 个`;
  const body = `您单位提交的推荐表（第 ${String(versionNumber)} 版）已被市职鉴中心受理：${counts}。通过核验的职业（工种）将进入候选池，参加专家评估。${lines.length > 0 ? `\n未通过核验：\n${lines.join('\n')}` : ''}`;
  return { kind: 'form.accepted', title: '【征集】推荐表已受理', body, link: '/form' };
}

/**
 * The steps of 受理 inside the caller's transaction `tx` (locks the form, applies the workflow, queues the unit's
 * message, writes the audit row). For actions that accept as part of a larger command (e.g. acceptCheckedForm).
 */
export async function acceptFormIn(tx: Db, ctx: UseCaseContext, formId: string, now: Date): Promise<FormState> {
  const actor = requireAllowed(ctx.actor.kind === 'user', ctx.actor);
  const state = await loadFormFor(tx, actor, formId, 'accept', true);
  const status = transitionForm(state.form.status, 'accept', formFacts(state, now));
  const [form] = await tx
    .update(forms)
    .set({
      status,
      acceptedAt: now,
      checkingStartedAt: state.form.checkingStartedAt ?? now,
      version: state.form.version + 1,
      updatedAt: now,
      updatedBy: actor.userId,
    })
    .where(eq(forms.id, formId))
    .returning();
  await notifyUnitUsers(tx, state.form.unitId, await acceptedMessage(tx, formId, state.form.lastVersionNumber), now);
  await writeAudit(tx, ctx, { action: 'form.accept', objectType: 'form', objectId: formId, changes: { versionNumber: state.form.lastVersionNumber } });
  return { ...state, form: form! };
}

/** The center accepts a submitted form (受理); it is read-only from then on; the unit is told in the application and by e-mail. */
export async function acceptForm(ctx: UseCaseContext, formId: string): Promise<FormView> {
  const actor = requireAllowed(ctx.actor.kind === 'user', ctx.actor);
  const now = ctx.clock.now();
  const state = await ctx.db.transaction((tx) => acceptFormIn(tx, ctx, formId, now));
  return presentForm(ctx.db, { actor, config: ctx.config, now }, state);
}
