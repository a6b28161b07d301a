import { and, eq } from 'drizzle-orm';
import { DomainError, formatChineseDateTime, transitionForm } from '@zhengji/domain';
import { formVersions, forms } from '../../db/schema/index.ts';
import type { UseCaseContext } from '../context.ts';
import { requireAllowed } from '../authorize.ts';
import { writeAudit } from '../audit/write-audit.ts';
import { finalizedTargetOf } from '../../db/queries/finalized-target.ts';
import { contentProblem } from '../../form/form-readiness.ts';
import { formFacts, loadFormFor } from '../../db/queries/form-state.ts';
import { presentForm, type FormView } from '../../presenters/form-view.ts';
import { notifyUnitUsers } from '../notification/enqueue-mail.ts';

/**
 * Submits the finalized version (定稿) with its matched sealed scan (QR read, or the code typed: 人工核对), before the
 * deadline (or within the late exception or return time limit), with no rule error on the frozen rows. The version
 * records its scan, match and submission once; a receipt goes to the unit (in the application and by e-mail).
 */
export async function submitForm(ctx: UseCaseContext, formId: string, input: { version: number }): Promise<FormView> {
  const actor = requireAllowed(ctx.actor.kind === 'user', ctx.actor);
  const now = ctx.clock.now();
  const state = await ctx.db.transaction(async (tx) => {
    const state = await loadFormFor(tx, actor, formId, 'submit', true);
    const { form, campaign } = state;
    transitionForm(form.status, 'submit', formFacts(state, now));
    if (form.version !== input.version)
      throw new DomainError('STALE_VERSION', '推荐表已被他人修改，请重新加载、核对后再提交', { currentVersion: form.version });
    const target = await finalizedTargetOf(tx, form);
    const want = `第 ${String(target.versionNo)} 版定稿`;
    if (!form.scanFileId || !form.scanMatch) {
      throw new DomainError(
        'INVALID_STATE',
        form.pendingScanFileId
          ? `上传的扫描件未能识别出二维码：请输入扫描件上印有的 8 位校验码，或重新上传清晰的扫描件后再提交`
          : `请先上传${want}（校验码 ${target.verificationCode}）加盖公章的扫描件，扫描件与定稿匹配后才能提交`,
      );
    }
    const [version] = await tx
      .select()
      .from(formVersions)
      .where(and(eq(formVersions.formId, formId), eq(formVersions.number, target.versionNo)));
    const problem = await contentProblem(tx, ctx.config, campaign, version!.header, version!.rows, '提交');
    if (problem) throw new DomainError('INVALID_STATE', `${problem}（须先撤销定稿再修改）`);
    await tx
      .update(formVersions)
      .set({ scanFileId: form.scanFileId, scanMatch: form.scanMatch, submittedAt: now, submittedBy: actor.userId })
      .where(eq(formVersions.id, version!.id));
    const [updated] = await tx
      .update(forms)
      .set({
        status: 'submitted',
        lastVersionNumber: target.versionNo,
        submittedAt: now,
        checkingStartedAt: null,
        version: form.version + 1,
        updatedAt: now,
        updatedBy: actor.userId,
      })
      .where(eq(forms.id, formId))
      .returning();
    const n = String(target.versionNo);
    await notifyUnitUsers(
      tx,
      form.unitId,
      {
        kind: 'form.submitted',
        title: `【征集】推荐表已提交（第 ${n} 版）`,
        body: `您单位的《社会化职业技能等级认定职业（工种）推荐表》已于 ${formatChineseDateTime(now)} 提交（第 ${n} 版，校验码 ${target.verificationCode}${form.scanMatch === 'manual' ? '，扫描件待人工核对' : ''}）。\n征集：${campaign.title}\n市职鉴中心将进行材料核验，结果将另行通知。`,
        link: '/form',
      },
      now,
    );
    await writeAudit(tx, ctx, {
      action: 'form.submit',
      objectType: 'form',
      objectId: formId,
      changes: {
        versionNumber: target.versionNo,
        contentHash: target.contentHash,
        rows: version!.rows.length,
        scanFileId: form.scanFileId,
        scanMatch: form.scanMatch,
      },
    });
    return { ...state, form: updated! };
  });
  return presentForm(ctx.db, { actor, config: ctx.config, now }, state);
}
