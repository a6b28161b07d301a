import { z } from 'zod';

/** Default maximum rows per form (configurable per campaign). */
export const FORM_MAX_ROWS = 200;
/** Maximum length of a row's reason. */
export const REASON_MAX_LENGTH = 500;
/** Maximum expected assessments of one row. */
export const EXPECTED_MAX = 1_000_000;
/** Maximum length of a free-text industry tag. */
export const INDUSTRY_TAG_MAX_LENGTH = 20;

/** The "3+6" industries of Shanghai. */
export const INDUSTRIES_3_PLUS_6 = ['集成电路', '生物医药', '人工智能', '电子信息', '生命健康', '汽车', '高端装备', '先进材料', '时尚消费品'] as const;
/** The two livelihood industries. */
export const INDUSTRIES_LIVELIHOOD = ['养老护理', '家政服务'] as const;
/** The default industry tags of a campaign. */
export const DEFAULT_INDUSTRY_TAGS: readonly string[] = [...INDUSTRIES_3_PLUS_6, ...INDUSTRIES_LIVELIHOOD];

/** Chinese labels of the ten columns of the notice's form, by field. */
export const FORM_COLUMN_LABELS = {
  priority: '序号',
  occupationCode: '职业编码',
  occupationName: '职业',
  jobTypeName: '工种',
  standardName: '国家职业技能标准名称',
  standardVersion: '国家职业技能标准版本',
  inShortageCatalog: '是否已纳入急需紧缺职业目录',
  industries: '产业类别',
  expectedAssessments: '预计评价人次',
  reason: '推荐理由',
} as const;

/**
 * One row of the recommendation form as typed (a draft may be incomplete; the eligibility rules say what is wrong).
 * Strings are kept as typed; the rules normalise for comparison.
 */
export const FormRowSchema = z.strictObject({
  occupationCode: z.string().max(30).default(''),
  occupationName: z.string().max(100).default(''),
  jobTypeName: z.string().max(100).default(''),
  standardName: z.string().max(200).default(''),
  standardVersion: z.string().max(50).default(''),
  inShortageCatalog: z.boolean().nullable().default(null),
  industries: z.array(z.string().max(INDUSTRY_TAG_MAX_LENGTH)).max(20).default([]),
  expectedAssessments: z.number().int().min(0).max(EXPECTED_MAX).nullable().default(null),
  reason: z.string().max(REASON_MAX_LENGTH).default(''),
});
export type FormRow = z.infer<typeof FormRowSchema>;
export type FormRowInput = z.input<typeof FormRowSchema>;

/** The ten fields of a row (in notice order) from anything that carries them, e.g. a database or editor row. */
export function pickFormRow(r: FormRow): FormRow {
  return {
    occupationCode: r.occupationCode,
    occupationName: r.occupationName,
    jobTypeName: r.jobTypeName,
    standardName: r.standardName,
    standardVersion: r.standardVersion,
    inShortageCatalog: r.inShortageCatalog,
    industries: r.industries,
    expectedAssessments: r.expectedAssessments,
    reason: r.reason,
  };
}

/** Header of the form. */
export const FormHeaderSchema = z.strictObject({
  contactName: z.string().trim().max(50).default(''),
  contactPhone: z.string().trim().max(30).default(''),
  fillDate: z.iso.date().nullable().default(null),
});
export type FormHeader = z.infer<typeof FormHeaderSchema>;

/** Everything a printed 推荐表 shows: unit, header, rows in priority order, and the version's verification code. */
export interface FormDocumentData {
  campaignTitle: string;
  unitName: string;
  header: FormHeader;
  rows: FormRow[];
  /** Short verification code of the version (a prefix of its content hash); null for a draft. */
  verificationCode: string | null;
  isDraft: boolean;
  /** The finalized version printed (form id, number, code): drawn as a QR code on every page; null for a draft. */
  formCode?: { formId: string; versionNo: number; verificationCode: string } | null;
  /** Set for a version whose finalization was voided (撤销定稿): printed with that mark and no QR code. */
  voided?: boolean;
}
