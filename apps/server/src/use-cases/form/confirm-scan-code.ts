import { eq } from 'drizzle-orm';
import { DomainError, normaliseTypedCode } from '@zhengji/domain';
import { forms } from '../../db/schema/index.ts';
import type { UseCaseContext } from '../context.ts';
import { requireAllowed } from '../authorize.ts';
import { writeAudit } from '../audit/write-audit.ts';
import { discardFileIfUnreferenced } from '../../files/discard-file.ts';
import { finalizedTargetOf } from '../../db/queries/finalized-target.ts';
import { loadFormFor, requireWritingWindow } from '../../db/queries/form-state.ts';
import { presentForm } from '../../presenters/form-view.ts';
import type { ScanUploadResult } from '@zhengji/domain/form/form-view.schemas.ts';

/**
 * For a scan whose QR code could not be read: the unit types the 8-character verification code printed on it; when it
 * is the finalized version's code the scan is taken as the form's scan, marked 人工核对 for the clerk. A wrong code
 * keeps the pending scan and changes nothing.
 */
export async function confirmScanCode(ctx: UseCaseContext, formId: string, input: { code: string }): Promise<ScanUploadResult> {
  const actor = requireAllowed(ctx.actor.kind === 'user', ctx.actor);
  const now = ctx.clock.now();
  const { state, target } = await ctx.db.transaction(async (tx) => {
    const state = await loadFormFor(tx, actor, formId, 'uploadScan', true);
    const target = await finalizedTargetOf(tx, state.form);
    requireWritingWindow(state, now);
    const fileId = state.form.pendingScanFileId;
    if (!fileId) throw new DomainError('INVALID_STATE', '没有等待人工核对的扫描件，请先上传第 ' + String(target.versionNo) + ' 版定稿的盖章扫描件');
    const typed = normaliseTypedCode(input.code);
    if (typed !== target.verificationCode) {
      throw new DomainError(
        'VALIDATION',
        `输入的校验码“${typed.slice(0, 16)}”与第 ${String(target.versionNo)} 版定稿的校验码不一致。请核对扫描件页面上印有的 8 位校验码；如扫描件不是第 ${String(target.versionNo)} 版定稿，请重新打印、盖章后扫描上传`,
      );
    }
    const [form] = await tx
      .update(forms)
      .set({ scanFileId: fileId, scanMatch: 'manual', pendingScanFileId: null, version: state.form.version + 1, updatedAt: now, updatedBy: actor.userId })
      .where(eq(forms.id, formId))
      .returning();
    if (state.form.scanFileId !== fileId) await discardFileIfUnreferenced(tx, state.form.scanFileId);
    await writeAudit(tx, ctx, {
      action: 'form.confirmScanCode',
      objectType: 'form',
      objectId: formId,
      changes: { fileId, finalizedVersion: target.versionNo, match: 'manual' },
    });
    return { state: { ...state, form: form! }, target };
  });
  const form = await presentForm(ctx.db, { actor, config: ctx.config, now }, state);
  return {
    match: {
      status: 'matched',
      versionNo: target.versionNo,
      verificationCode: target.verificationCode,
      message: `已按输入的校验码将扫描件登记为第 ${String(target.versionNo)} 版定稿的扫描件，市职鉴中心将人工核对`,
    },
    file: form.scan,
    form,
  };
}
