import { and, eq } from 'drizzle-orm';
import { DomainError, type FormDocumentData } from '@zhengji/domain';
import { verificationCodeOf } from '@zhengji/domain/check/check.schemas.ts';
import { formVersions, units } from '../../db/schema/index.ts';
import { renderRecommendationFormDocx } from '../../documents/recommendation-form.docx.ts';
import { renderRecommendationFormPdf } from '../../documents/recommendation-form.pdf.ts';
import { renderRecommendationFormXlsx } from '../../documents/recommendation-form.xlsx.ts';
import type { UseCaseContext } from '../context.ts';
import { requireAllowed } from '../authorize.ts';
import { loadFormFor, rowsOf } from '../../db/queries/form-state.ts';

/** The formats the 推荐表 is rendered in. */
export const FORM_DOCUMENT_FORMATS = ['docx', 'pdf', 'xlsx'] as const;
/** One of the formats. */
export type FormDocumentFormat = (typeof FORM_DOCUMENT_FORMATS)[number];

/** A rendered document: bytes, MIME type and the file name to offer (Chinese) with an ASCII fallback. */
export interface RenderedDocument {
  bytes: Buffer;
  contentType: string;
  fileName: string;
  asciiFileName: string;
}

const CONTENT_TYPES: Record<FormDocumentFormat, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

const RENDERERS: Record<FormDocumentFormat, (data: FormDocumentData) => Promise<Buffer>> = {
  docx: renderRecommendationFormDocx,
  pdf: renderRecommendationFormPdf,
  xlsx: renderRecommendationFormXlsx,
};

/** A file name no file system refuses: forbidden characters replaced, length capped. */
export function safeFileName(name: string): string {
  return name.replace(/[\\/:*?"<>|\u0000-\u001f\u007f]+/g, '_').slice(0, 150);
}

/** What the print copy of a finalized version shows: its code and QR code, or the 作废 mark of a voided one. */
export function versionDocumentData(
  campaignTitle: string,
  unitName: string,
  formId: string,
  version: Pick<typeof formVersions.$inferSelect, 'number' | 'header' | 'rows' | 'contentHash' | 'voidedAt'>,
): FormDocumentData {
  const verificationCode = verificationCodeOf(version.contentHash);
  const voided = version.voidedAt !== null;
  return {
    campaignTitle,
    unitName,
    header: version.header,
    rows: version.rows,
    verificationCode,
    isDraft: false,
    voided,
    formCode: voided ? null : { formId, versionNo: version.number, verificationCode },
  };
}

/**
 * The 推荐表 of a form as Word, PDF or Excel: without `versionNumber` the current content marked 草稿 (no
 * verification code); with it that finalized version, its verification code (the first 8 hex digits of the version's
 * content hash, as the material check shows it) in words and as a QR code on every page; a voided version is marked
 * 作废 and has no QR code. For the unit's users and the center.
 */
export async function downloadFormDocument(ctx: UseCaseContext, formId: string, format: FormDocumentFormat, versionNumber?: number): Promise<RenderedDocument> {
  const actor = requireAllowed(ctx.actor.kind === 'user', ctx.actor);
  const { form, campaign } = await loadFormFor(ctx.db, actor, formId, versionNumber === undefined ? 'exportDocument' : 'viewHistory');
  const [unit] = await ctx.db.select({ name: units.name }).from(units).where(eq(units.id, form.unitId));
  const unitName = unit?.name ?? '';
  let data: FormDocumentData;
  if (versionNumber === undefined) {
    const rows = (await rowsOf(ctx.db, formId)).map(({ id: _id, ...row }) => row);
    const header = { contactName: form.contactName, contactPhone: form.contactPhone, fillDate: form.fillDate };
    data = { campaignTitle: campaign.title, unitName, header, rows, verificationCode: null, isDraft: true };
  } else {
    const [version] = await ctx.db
      .select()
      .from(formVersions)
      .where(and(eq(formVersions.formId, formId), eq(formVersions.number, versionNumber)));
    if (!version) throw new DomainError('NOT_FOUND', `该推荐表没有第 ${String(versionNumber)} 版，请在提交记录中选择已有的版本`);
    data = versionDocumentData(campaign.title, unitName, formId, version);
  }
  const label = versionNumber === undefined ? '草稿' : `定稿第${String(versionNumber)}版`;
  return {
    bytes: await RENDERERS[format](data),
    contentType: CONTENT_TYPES[format],
    fileName: safeFileName(`推荐表-${unitName}-${label}.${format}`),
    asciiFileName: `recommendation-form-${versionNumber === undefined ? 'draft' : `v${String(versionNumber)}`}.${format}`,
  };
}
