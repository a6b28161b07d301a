import { z } from 'zod';
import { FORM_MAX_ROWS } from './form.schemas.ts';
import { FindingSchema, type CheckableRow } from './form.rules.ts';

/** Most rows one call of the external eligibility check takes. */
export const ELIGIBILITY_CHECK_MAX_ROWS = FORM_MAX_ROWS * 5;

const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

const kindOf = (v: unknown): string =>
  v === null
    ? '空值'
    : Array.isArray(v)
      ? '列表'
      : typeof v === 'string'
        ? '文字'
        : typeof v === 'number'
          ? '数字'
          : typeof v === 'boolean'
            ? '是否值'
            : '其他内容';

/**
 * The body of `POST /api/eligibility/check`: `{ campaignId?, rows: [...] }` where each row is an object whose fields may
 * hold anything (wrong types become findings of that row, see `looseFormRow`). Only a body that is not a list of rows,
 * or one with too many rows, is refused.
 */
export const EligibilityCheckInputSchema = z
  .object(
    {
      campaignId: z.uuid({ error: '征集活动编号格式不正确' }).optional(),
      rows: z
        .array(z.unknown(), { error: '须为推荐表的行组成的列表，如 [{ "occupationCode": "4-10-01-05", … }]' })
        .max(ELIGIBILITY_CHECK_MAX_ROWS, { error: `一次最多检查${String(ELIGIBILITY_CHECK_MAX_ROWS)}行，请分批提交` }),
    },
    { error: '请求内容须为 { "rows": [推荐表的行…] }，可另附 "campaignId"' },
  )
  .superRefine((body, ctx) => {
    const bad = body.rows.findIndex((r) => !isPlainObject(r));
    if (bad >= 0) {
      ctx.addIssue({
        code: 'custom',
        path: ['rows'],
        message: `第${String(bad + 1)}行须为一个对象（含职业编码、职业、工种等字段），收到的是${kindOf(body.rows[bad])}`,
      });
    }
  });
/** The body of the external eligibility check. */
export type EligibilityCheckInput = z.input<typeof EligibilityCheckInputSchema>;

/** The findings of each row, in row order. */
export const EligibilityCheckResultSchema = z.object({ rows: z.array(z.object({ findings: z.array(FindingSchema) })) });
/** The answer of the external eligibility check. */
export type EligibilityCheckResult = z.infer<typeof EligibilityCheckResultSchema>;

/** Text of a field: null or missing is empty, other values as written. */
function text(v: unknown): string {
  if (typeof v === 'string') return v;
  if (v === null || v === undefined) return '';
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return JSON.stringify(v) ?? '';
}

const YES = new Set(['是', 'true', 'yes', 'y', '1']);
const NO = new Set(['否', 'false', 'no', 'n', '0']);

/** 是/否 of the shortage catalogue: booleans, 是/否, true/false, 1/0; anything else counts as not filled in. */
function yesNo(v: unknown): boolean | null {
  if (typeof v === 'boolean') return v;
  const t = text(v).trim().toLowerCase();
  return YES.has(t) ? true : NO.has(t) ? false : null;
}

/** Industry tags: a list, or one text separated by 、 (as the notice writes them). */
function tags(v: unknown): string[] {
  if (Array.isArray(v)) return v.map(text);
  if (typeof v === 'string') return v.split(/[、,，;；]/);
  return v === null || v === undefined ? [] : [text(v)];
}

/** The expected number as sent: a number, text to be read by the rule, or null when missing. */
function expected(v: unknown): number | string | null {
  if (typeof v === 'number') return v;
  if (v === null || v === undefined) return null;
  return text(v);
}

/**
 * A row of an outside caller as the eligibility rules read it, whatever its content: `null` or a missing field is
 * empty (`jobTypeName: null` means no 工种), numbers in text fields are read as text, unknown fields are ignored.
 */
export function looseFormRow(row: Readonly<Record<string, unknown>>): CheckableRow {
  return {
    occupationCode: text(row.occupationCode),
    occupationName: text(row.occupationName),
    jobTypeName: text(row.jobTypeName),
    standardName: text(row.standardName),
    standardVersion: text(row.standardVersion),
    inShortageCatalog: yesNo(row.inShortageCatalog),
    industries: tags(row.industries),
    expectedAssessments: expected(row.expectedAssessments),
    reason: text(row.reason),
  };
}
