import { createHash } from 'node:crypto';
import type { RowChange } from '@zhengji/domain/form/form-view.schemas.ts';
import {
  DomainError,
  canonicalJson,
  EXPECTED_MAX,
  FORM_COLUMN_LABELS,
  FormHeaderSchema,
  FormRowSchema,
  nameKey,
  normalizeOccupationCode,
  type FormHeader,
  type FormRow,
} from '@zhengji/domain';

// ASCII control characters except tab (\t) and newline (\n); \r is normalised to \n before the check.
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
const HEADER_LABELS: Record<string, string> = { contactName: '联系人', contactPhone: '联系方式', fillDate: '填表日期' };

// `row` is 0 for the header. No closure per field: the message is built only when it is needed.
function normaliseText(value: unknown, row: number, key: string): unknown {
  if (typeof value !== 'string') return value;
  const text = value.includes('\r') ? value.replace(/\r\n?/g, '\n') : value;
  if (CONTROL.test(text)) {
    const where = row === 0 ? `“${HEADER_LABELS[key] ?? key}”` : `第 ${String(row)} 行“${FORM_COLUMN_LABELS[key as keyof typeof FORM_COLUMN_LABELS] ?? key}”`;
    throw new DomainError('VALIDATION', `${where}含有不可见的控制字符（常见于从其他软件复制的内容），请删除后重新输入`);
  }
  return text;
}

function rowIssueMessage(row: number, field: string, message: string, input: unknown): string {
  const label = FORM_COLUMN_LABELS[field as keyof typeof FORM_COLUMN_LABELS] ?? field;
  if (field === 'expectedAssessments') {
    return `第 ${String(row)} 行“${label}”须为 1 至 ${String(EXPECTED_MAX)} 之间的整数，填写的“${String(input)}”不符合要求`;
  }
  return `第 ${String(row)} 行“${label}”${message}`;
}

/**
 * Parses the header and rows of a save: text kept as typed (line breaks normalised), control characters refused,
 * each problem named by row and column in Chinese. The eligibility rules judge completeness, not this.
 */
export function parseFormContent(
  header: Record<string, unknown>,
  rows: readonly Record<string, unknown>[],
  maxRows: number,
): { header: FormHeader; rows: FormRow[] } {
  if (rows.length > maxRows) {
    throw new DomainError('VALIDATION', `推荐表最多填写 ${String(maxRows)} 行，当前为 ${String(rows.length)} 行，请删除多余的行后再保存`);
  }
  const headerInput: Record<string, unknown> = {};
  for (const k of Object.keys(header)) headerInput[k] = normaliseText(header[k], 0, k);
  const parsedHeader = FormHeaderSchema.safeParse(headerInput);
  if (!parsedHeader.success) {
    const issue = parsedHeader.error.issues[0]!;
    const key = String(issue.path[0] ?? '');
    throw new DomainError('VALIDATION', `“${HEADER_LABELS[key] ?? key}”${issue.message}`);
  }
  const parsedRows = rows.map((raw, i) => {
    // The editor's own keys (序号 and the row id) are not content; every other key is judged by the schema.
    const input: Record<string, unknown> = {};
    for (const k of Object.keys(raw)) {
      if (k === 'priority' || k === 'id') continue;
      if (k === '__proto__') throw new DomainError('VALIDATION', `第 ${String(i + 1)} 行含有无法识别的字段，请刷新页面后重新填写`, { row: i + 1 });
      const v = raw[k];
      if (Array.isArray(v)) {
        const items: unknown[] = [];
        for (const x of v) items.push(normaliseText(x, i + 1, k));
        input[k] = items;
      } else input[k] = normaliseText(v, i + 1, k);
    }
    const parsed = FormRowSchema.safeParse(input);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      const field = String(issue.path[0] ?? '');
      throw new DomainError('VALIDATION', rowIssueMessage(i + 1, field, issue.message, input[field]), { row: i + 1, field });
    }
    return parsed.data;
  });
  return { header: parsedHeader.data, rows: parsedRows };
}

/** SHA-256 (hex) of the canonical serialisation (sorted keys, rows in priority order) of what a version shows. */
export function formContentHash(content: { campaignId: string; unitId: string; header: FormHeader; rows: readonly FormRow[] }): string {
  const rows = content.rows.map((r, i) => ({ priority: i + 1, ...r }));
  return createHash('sha256')
    .update(canonicalJson({ ...content, rows, format: 'zhengji-form/1' }))
    .digest('hex');
}

/** The change of one row between two versions (RowChangeSchema in the domain). */
export type { RowChange };

/** Differences between two versions' rows, matched by occupation code and 工种: added, removed, changed. */
export interface FormDiff {
  added: RowChange[];
  removed: RowChange[];
  changed: RowChange[];
  headerChanged: (keyof FormHeader)[];
}

const rowKey = (r: FormRow) => `${normalizeOccupationCode(r.occupationCode)}|${nameKey(r.jobTypeName)}`;

/** Compares two submitted versions (previous → current). */
export function diffForms(prev: { header: FormHeader; rows: readonly FormRow[] }, next: { header: FormHeader; rows: readonly FormRow[] }): FormDiff {
  const describe = (r: FormRow, before: number | null, after: number | null, fields: (keyof FormRow)[] = []): RowChange => ({
    key: rowKey(r),
    occupationCode: r.occupationCode,
    occupationName: r.occupationName,
    jobTypeName: r.jobTypeName,
    before,
    after,
    fields,
  });
  const prevByKey = new Map(prev.rows.map((r, i) => [rowKey(r), { r, at: i + 1 }]));
  const nextKeys = new Set(next.rows.map(rowKey));
  const diff: FormDiff = { added: [], removed: [], changed: [], headerChanged: [] };
  next.rows.forEach((r, i) => {
    const old = prevByKey.get(rowKey(r));
    if (!old) return void diff.added.push(describe(r, null, i + 1));
    const fields = (Object.keys(r) as (keyof FormRow)[]).filter((k) => canonicalJson(r[k]) !== canonicalJson(old.r[k]));
    if (fields.length > 0 || old.at !== i + 1) diff.changed.push(describe(r, old.at, i + 1, fields));
  });
  prev.rows.forEach((r, i) => {
    if (!nextKeys.has(rowKey(r))) diff.removed.push(describe(r, i + 1, null));
  });
  diff.headerChanged = (Object.keys(next.header) as (keyof FormHeader)[]).filter((k) => canonicalJson(next.header[k]) !== canonicalJson(prev.header[k]));
  return diff;
}
