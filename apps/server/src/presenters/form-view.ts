import { and, eq, inArray } from 'drizzle-orm';
import { FORM_MAX_ROWS, checkRows, formatChineseDate, endOfShanghaiDay, type Actor, formAbilities } from '@zhengji/domain';
import { verificationCodeOf } from '@zhengji/domain/check/check.schemas.ts';
import type { Config } from '../config.ts';
import type { Db } from '../db/client.ts';
import { formVersions, storedFiles, units } from '../db/schema/index.ts';
import { referenceIndexFor } from '../db/queries/form-reference.ts';
import { formFacts, rowsOf, shownCampaignStatus, type FormState } from '../db/queries/form-state.ts';
import type { FormSaved, FormView } from '@zhengji/domain/form/form-view.schemas.ts';

/** The form view (FormViewSchema in the domain), as this presenter returns it. */
export type { FormView };

/** The maximum rows of a form (FORM_MAX_ROWS unless the configuration sets `formMaxRows`). */
export function maxRowsOf(config: Config): number {
  return (config as Config & { formMaxRows?: number }).formMaxRows ?? FORM_MAX_ROWS;
}

/** Presents a form for an actor: current rows checked against the campaign's reference data, abilities now. */
export async function presentForm(db: Db, ctx: { actor: Actor; config: Config; now: Date }, state: FormState): Promise<FormView> {
  const { form, campaign } = state;
  const { rows, findings, errors, warnings } = await checkedRows(db, ctx.config, state);
  const [unit] = state.unitName !== undefined ? [{ name: state.unitName }] : await db.select({ name: units.name }).from(units).where(eq(units.id, form.unitId));
  const fileIds = [form.scanFileId, form.pendingScanFileId].filter((x): x is string => x !== null);
  const files =
    fileIds.length > 0
      ? await db
          .select({
            id: storedFiles.id,
            originalName: storedFiles.originalName,
            mime: storedFiles.mime,
            size: storedFiles.size,
            sha256: storedFiles.sha256,
            createdAt: storedFiles.createdAt,
          })
          .from(storedFiles)
          .where(inArray(storedFiles.id, fileIds))
      : [];
  const [finalVersion] =
    form.finalizedVersionNo !== null
      ? await db
          .select({ contentHash: formVersions.contentHash, finalizedAt: formVersions.finalizedAt })
          .from(formVersions)
          .where(and(eq(formVersions.formId, form.id), eq(formVersions.number, form.finalizedVersionNo)))
      : [];
  const finalized =
    finalVersion && form.finalizedVersionNo !== null
      ? { versionNo: form.finalizedVersionNo, verificationCode: verificationCodeOf(finalVersion.contentHash), finalizedAt: finalVersion.finalizedAt }
      : null;
  const scan = files.find((f) => f.id === form.scanFileId) ?? null;
  const pendingScan = files.find((f) => f.id === form.pendingScanFileId) ?? null;
  return {
    id: form.id,
    campaign: {
      id: campaign.id,
      title: campaign.title,
      docNo: campaign.docNo,
      deadline: campaign.deadline,
      deadlineLabel: formatChineseDate(endOfShanghaiDay(campaign.deadline)),
      status: shownCampaignStatus(campaign, ctx.now),
      industryTags: campaign.industryTags,
    },
    unitId: form.unitId,
    unitName: unit?.name ?? '',
    status: form.status,
    version: form.version,
    header: { contactName: form.contactName, contactPhone: form.contactPhone, fillDate: form.fillDate },
    rows: rows.map((r, i) => ({ ...r, priority: i + 1, findings: findings[i] ?? [] })),
    summary: { errors, warnings },
    finalized,
    scan,
    scanMatch: form.scanMatch,
    pendingScan,
    submitBlockers: submitBlockers({ status: form.status, rows: rows.length, errors, finalized, hasScan: scan !== null, hasPending: pendingScan !== null }),
    lastVersionNumber: form.lastVersionNumber,
    submittedAt: form.submittedAt,
    returnReason: form.returnReason,
    returnedUntil: form.returnedUntil,
    returnedAt: form.returnedAt,
    acceptedAt: form.acceptedAt,
    checkingStartedAt: form.checkingStartedAt,
    lateExceptionUntil: state.lateExceptionUntil,
    maxRows: maxRowsOf(ctx.config),
    updatedAt: form.updatedAt,
    abilities: formAbilities(ctx.actor, form, formFacts(state, ctx.now)),
  };
}

/** A form's rows (as held, else read) with each row's findings against the campaign's reference data, and their counts. */
async function checkedRows(db: Db, config: Config, state: FormState) {
  const rows = state.rows ?? (await rowsOf(db, state.form.id));
  const index = await referenceIndexFor(db, config, state.campaign);
  const findings = checkRows(rows, index, { industryTags: state.campaign.industryTags.length > 0 ? state.campaign.industryTags : undefined });
  let errors = 0;
  let warnings = 0;
  for (const list of findings)
    for (const f of list) {
      if (f.severity === 'error') errors++;
      else warnings++;
    }
  return { rows, findings, errors, warnings };
}

/**
 * What an autosave answers: the new version, each row's findings, the counts and the blockers. A form that can be
 * saved is never 定稿 (a save is refused then), so its blockers need no file or version read; should one be, the whole
 * view is presented and projected.
 */
export async function presentSaved(
  db: Db,
  ctx: { actor: Actor; config: Config; now: Date },
  state: FormState & { rows: { id: string }[] },
): Promise<FormSaved> {
  const { form } = state;
  if (form.finalizedVersionNo !== null || form.scanFileId !== null || form.pendingScanFileId !== null) return savedOf(await presentForm(db, ctx, state));
  const { findings, errors, warnings } = await checkedRows(db, ctx.config, state);
  return {
    id: form.id,
    version: form.version,
    updatedAt: form.updatedAt,
    rows: state.rows.map((r, i) => ({ id: r.id, findings: findings[i] ?? [] })),
    summary: { errors, warnings },
    submitBlockers: submitBlockers({ status: form.status, rows: state.rows.length, errors, finalized: null, hasScan: false, hasPending: false }),
  };
}

/** The autosave answer of a whole view. */
export function savedOf(view: FormView): FormSaved {
  const { id, version, updatedAt, summary, submitBlockers } = view;
  return { id, version, updatedAt, rows: view.rows.map((r) => ({ id: r.id, findings: r.findings })), summary, submitBlockers };
}

/** Why a form cannot be submitted yet, in the order of the 定稿 → print → seal → scan → submit loop. */
function submitBlockers(f: {
  status: string;
  rows: number;
  errors: number;
  finalized: { versionNo: number; verificationCode: string } | null;
  hasScan: boolean;
  hasPending: boolean;
}): string[] {
  if (f.status !== 'draft' && f.status !== 'returned') return [];
  if (f.rows === 0) return ['还没有填写任何职业（工种）'];
  if (f.errors > 0) return [`还有 ${String(f.errors)} 处错误需要修改`];
  if (!f.finalized) return ['尚未定稿：请点击“定稿”，打印定稿版本并加盖公章'];
  if (f.hasScan) return [];
  const v = `第 ${String(f.finalized.versionNo)} 版定稿`;
  return [
    f.hasPending
      ? '扫描件未能识别二维码：请输入扫描件上印有的校验码，或重新上传清晰的扫描件'
      : `请上传${v}（校验码 ${f.finalized.verificationCode}）加盖公章的扫描件`,
  ];
}
