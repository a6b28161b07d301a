import { eq } from 'drizzle-orm';
import { DomainError, checkRows, isMainlandPhone, formatChineseDateTime, shanghaiIsoDate, type Finding, transitionForm } from '@zhengji/domain';
import { formVersions, forms } from '../../db/schema/index.ts';
import type { UseCaseContext } from '../context.ts';
import { requireAllowed } from '../authorize.ts';
import { writeAudit } from '../audit/write-audit.ts';
import { formContentHash } from './form-content.ts';
import { referenceIndexFor } from './form-reference.ts';
import { formFacts, loadFormFor, rowsOf } from './form-state.ts';
import { presentForm, type FormView } from './present-form.ts';
import { notifyUnitUsers } from '../notification/enqueue-mail.ts';
import { verificationCodeOf } from '@zhengji/domain/check/check.schemas.ts';

function errorSummary(findings: Finding[][]): string | null {
  const bad = findings.map((f, i) => ({ row: i + 1, first: f.find((x) => x.severity === 'error') })).filter((x) => x.first);
  if (bad.length === 0) return null;
  const detail = bad.slice(0, 3).map((b) => `第 ${String(b.row)} 行：${b.first!.message}`).join('；');
  return `第 ${bad.map((b) => String(b.row)).join('、')} 行有错误，请修改后再提交。${detail}${bad.length > 3 ? '……' : ''}`;
}

/**
 * Submits a form: no error findings, contact and scan present, before the deadline (or within the late exception
 * or return time limit). Keeps an immutable version with a SHA-256 content hash; a receipt goes to the unit (in the
 * application and by e-mail through the outbox).
 */
export async function submitForm(ctx: UseCaseContext, formId: string, input: { version: number }): Promise<FormView> {
  const actor = requireAllowed(ctx.actor.kind === 'user', ctx.actor);
  const now = ctx.clock.now();
  const { state } = await ctx.db.transaction(async (tx) => {
    const state = await loadFormFor(tx, actor, formId, 'submit', true);
    const { form, campaign } = state;
    transitionForm(form.status, 'submit', formFacts(state, now));
    if (form.version !== input.version) throw new DomainError('STALE_VERSION', '推荐表已被他人修改，请重新加载、核对后再提交', { currentVersion: form.version });
    const rows = (await rowsOf(tx, formId)).map(({ id: _id, ...row }) => row);
    if (rows.length === 0) throw new DomainError('VALIDATION', '推荐表还没有填写任何职业（工种），请至少填写一行后再提交');
    const index = await referenceIndexFor(tx, ctx.config, campaign.id);
    const problems = errorSummary(checkRows(rows, index, { industryTags: campaign.industryTags.length > 0 ? campaign.industryTags : undefined }));
    if (problems) throw new DomainError('VALIDATION', problems);
    if (form.contactName.trim() === '') throw new DomainError('VALIDATION', '请填写联系人后再提交');
    if (!isMainlandPhone(form.contactPhone)) throw new DomainError('VALIDATION', '请填写正确的联系方式（手机号码或带区号的固定电话，如 021-12345678）后再提交');
    if (!form.scanFileId) throw new DomainError('VALIDATION', '请先上传加盖公章的推荐表扫描件（PDF、JPEG 或 PNG）后再提交');
    const header = { contactName: form.contactName, contactPhone: form.contactPhone, fillDate: form.fillDate ?? shanghaiIsoDate(now) };
    const hash = formContentHash({ campaignId: campaign.id, unitId: form.unitId, header, rows });
    const number = form.lastVersionNumber + 1;
    await tx.insert(formVersions).values({ formId, number, header, rows, contentHash: hash, scanFileId: form.scanFileId, submittedBy: actor.userId, submittedAt: now });
    const [updated] = await tx
      .update(forms)
      .set({ status: 'submitted', fillDate: header.fillDate, lastVersionNumber: number, submittedAt: now, checkingStartedAt: null, version: form.version + 1, updatedAt: now, updatedBy: actor.userId })
      .where(eq(forms.id, formId))
      .returning();
    await notifyUnitUsers(tx, form.unitId, { kind: 'form.submitted', title: `【征集】推荐表已提交（第 ${String(number)} 版）`, body: `您单位的《社会化职业技能等级认定职业（工种）推荐表》已于 ${formatChineseDateTime(now)} 提交（第 ${String(number)} 版，校验码 ${verificationCodeOf(hash)}）。\n征集：${campaign.title}\n市职鉴中心将进行材料核验，结果将另行通知。`, link: '/form' }, now);
    await writeAudit(tx, ctx, { action: 'form.submit', objectType: 'form', objectId: formId, changes: { versionNumber: number, contentHash: hash, rows: rows.length } });
    return { state: { ...state, form: updated! }, number, hash };
  });
  return presentForm(ctx.db, { actor, config: ctx.config, now }, state);
}
