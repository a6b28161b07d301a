import { extname } from 'node:path';
import { and, eq, lt, or } from 'drizzle-orm';
import {
  DomainError,
  FORM_COLUMN_LABELS,
  FormHeaderSchema,
  FormRowSchema,
  findTextProblem,
  hasRole,
  nameKey,
  textProblemMessage,
  transitionForm,
  type FormRow,
} from '@zhengji/domain';
import { formImportPreviews, units, type StoredImportProblem } from '../../db/schema/index.ts';
import type { FormImportResult } from '../../documents/import-common.ts';
import { MAX_UPLOAD_BYTES } from '../../documents/guarded-unzip.ts';
import { importFormDocx } from '../../documents/import-form-docx.ts';
import { importFormXlsx } from '../../documents/import-form-xlsx.ts';
import type { UseCaseContext } from '../context.ts';
import { requireAllowed } from '../authorize.ts';
import { writeAudit } from '../audit/write-audit.ts';
import { formFacts, loadFormFor } from '../../db/queries/form-state.ts';
import { maxRowsOf } from '../../presenters/form-view.ts';
import { actingForUnit } from '../../form/acting-for-unit.ts';
import { IMPORT_PREVIEW_TTL_MS, presentImportPreview, type ImportPreview } from '../../presenters/import-preview-view.ts';

/** An uploaded file as the route hands it over; `truncated` when it passed the upload limit. */
export interface ImportUpload {
  content: Buffer;
  originalName: string;
  truncated?: boolean;
}

const OLD_FORMATS: Record<string, string> = {
  '.xls':
    '不支持旧版 Excel 97-2003 格式（.xls）。请在 Excel 或 WPS 表格中打开文件，点击“文件 → 另存为”，保存类型选择“Excel 工作簿（*.xlsx）”，再导入另存的文件。',
  '.doc': '不支持旧版 Word 97-2003 格式（.doc）。请在 Word 或 WPS 文字中打开文件，点击“文件 → 另存为”，保存类型选择“Word 文档（*.docx）”，再导入另存的文件。',
  '.et': '不支持 WPS 表格格式（.et）。请在 WPS 表格中“另存为”Excel 工作簿（*.xlsx）后再导入。',
  '.wps': '不支持 WPS 文字格式（.wps）。请在 WPS 文字中“另存为”Word 文档（*.docx）后再导入。',
};

function kindOf(fileName: string): 'xlsx' | 'docx' {
  const ext = extname(fileName).toLowerCase();
  if (ext === '.xlsx') return 'xlsx';
  if (ext === '.docx') return 'docx';
  throw new DomainError(
    'UNSUPPORTED_MEDIA',
    OLD_FORMATS[ext] ??
      `不支持导入“${ext || '无扩展名'}”文件。请导入填写好的 Excel 模板（.xlsx）或 Word 推荐表（.docx）；PDF 和扫描件无法导入，请使用模板填写。`,
  );
}

/** Problems that keep the rows from being saved as they are (over the form's limits), by row and column. */
function blockingProblems(rows: readonly FormRow[]): StoredImportProblem[] {
  const problems: StoredImportProblem[] = [];
  rows.forEach((row, i) => {
    const parsed = FormRowSchema.safeParse(row);
    if (parsed.success) return;
    for (const issue of parsed.error.issues) {
      const key = String(issue.path[0] ?? '') as keyof typeof FORM_COLUMN_LABELS;
      const column = FORM_COLUMN_LABELS[key] ?? key;
      problems.push({ row: i + 1, column, blocking: true, message: `第 ${String(i + 1)} 行“${column}”${issue.message}，请在文件中修改后重新导入` });
    }
  });
  return problems;
}

/** Whether the unit a file names is the form's unit; units often write it with or without 上海市. */
function sameUnit(written: string, actual: string): boolean {
  const a = nameKey(written);
  const b = nameKey(actual);
  return a.includes(b) || b.includes(a);
}

/** Header fields that a save accepts; the others are left out and reported. */
function usableHeader(header: FormImportResult['header'], problems: StoredImportProblem[]): FormImportResult['header'] {
  const labels = { contactName: '联系人', contactPhone: '联系方式', fillDate: '填表日期' } as const;
  const out: FormImportResult['header'] = header.unitName === undefined ? {} : { unitName: header.unitName };
  for (const key of ['contactName', 'contactPhone', 'fillDate'] as const) {
    const value = header[key];
    if (value === undefined || value === null) continue;
    const parsed = FormHeaderSchema.shape[key].safeParse(value);
    if (parsed.success) Object.assign(out, { [key]: parsed.data });
    else problems.push({ column: labels[key], message: `文件中的“${labels[key]}”（${String(value)}）不符合要求，未导入；请确认后在页面上填写` });
  }
  return out;
}

/**
 * Reads an uploaded Excel template or Word 推荐表 into a preview of a draft (or returned) form: rows with their
 * eligibility findings and a report of what could not be read. Nothing of the form changes; the preview is kept for
 * 24 hours for its uploader to confirm. Center staff preview on behalf of the form's unit.
 */
export async function previewFormImport(ctx: UseCaseContext, formId: string, upload: ImportUpload): Promise<ImportPreview> {
  const user = requireAllowed(hasRole(ctx.actor, 'unit', 'center'), ctx.actor);
  const state = await loadFormFor(ctx.db, user, formId, user.role === 'center' ? 'importOnBehalf' : 'save');
  const actor = actingForUnit(user, state.form.unitId);
  const now = ctx.clock.now();
  transitionForm(state.form.status, 'save', formFacts(state, now));
  if (upload.truncated === true || upload.content.length > MAX_UPLOAD_BYTES) {
    throw new DomainError('PAYLOAD_TOO_LARGE', '文件超过 20 MB 的上限，请删除无关内容（如图片、多余的工作表）后重新导入');
  }
  const kind = kindOf(upload.originalName);
  const result = kind === 'xlsx' ? await importFormXlsx(upload.content) : await importFormDocx(upload.content);
  if (result.rows.length === 0) {
    const reasons = result.problems.map((p) => p.message);
    throw new DomainError('VALIDATION', reasons.length > 0 ? reasons.join('；') : '文件中的推荐表没有填写任何职业（工种），请填写后重新导入');
  }
  const bad = findTextProblem({ header: result.header, rows: result.rows });
  if (bad) throw new DomainError('VALIDATION', `文件中${textProblemMessage(bad, {}, FORM_COLUMN_LABELS)}`);
  const maxRows = maxRowsOf(ctx.config);
  const rows = result.rows.slice(0, maxRows);
  const problems: StoredImportProblem[] = [...result.problems];
  if (result.rows.length > maxRows) {
    problems.push({
      message: `文件中有 ${String(result.rows.length)} 行，推荐表最多 ${String(maxRows)} 行；只读取了前 ${String(maxRows)} 行，请按优先级删减后重新导入`,
    });
  }
  problems.push(...blockingProblems(rows));
  const header = usableHeader(result.header, problems);
  const [unit] = await ctx.db.select({ name: units.name }).from(units).where(eq(units.id, state.form.unitId));
  if (header.unitName !== undefined && unit && !sameUnit(header.unitName, unit.name)) {
    problems.push({
      column: '推荐单位',
      message: `文件中的推荐单位为“${header.unitName}”，与本推荐表的单位“${unit.name}”不一致，请确认导入的是本单位的推荐表`,
    });
  }
  const record = await ctx.db.transaction(async (tx) => {
    // One pending preview per person and form; expired ones of anybody go at the same time.
    await tx
      .delete(formImportPreviews)
      .where(or(and(eq(formImportPreviews.formId, formId), eq(formImportPreviews.createdBy, user.userId)), lt(formImportPreviews.expiresAt, now)));
    const [inserted] = await tx
      .insert(formImportPreviews)
      .values({
        formId,
        createdBy: user.userId,
        onBehalfOfUnitId: actor.onBehalfOfUnitId ?? null,
        fileName: upload.originalName.slice(0, 200),
        kind,
        formVersion: state.form.version,
        header,
        rows,
        problems,
        createdAt: now,
        expiresAt: new Date(now.getTime() + IMPORT_PREVIEW_TTL_MS),
      })
      .returning();
    await writeAudit(
      tx,
      { ...ctx, actor },
      {
        action: 'form.import.preview',
        objectType: 'form',
        objectId: formId,
        changes: { previewId: inserted!.id, fileName: inserted!.fileName, kind, rows: rows.length, problems: problems.length },
      },
    );
    return inserted!;
  });
  return presentImportPreview(ctx.db, ctx.config, state.campaign, record);
}
