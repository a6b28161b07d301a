import { z } from 'zod';
import { ELIGIBILITY_RULE_CODES } from '../form/form.rules.ts';

/** The reason codes of a failed row in the material check (材料核验). */
export const CHECK_FAIL_REASONS = ['not_skill_type', 'no_national_standard', 'access_qualification', 'already_offered', 'inconsistent', 'other'] as const;
/** A fail reason code. */
export type CheckFailReason = (typeof CHECK_FAIL_REASONS)[number];
/** Chinese labels of the fail reasons. */
export const CHECK_FAIL_REASON_LABELS: Record<CheckFailReason, string> = {
  not_skill_type: '不属于技能类职业',
  no_national_standard: '无国家职业技能标准',
  access_qualification: '准入类职业资格',
  already_offered: '本市已开展',
  inconsistent: '信息不一致',
  other: '其他',
};

/** The decision on one row: pass, or fail with a reason code (and text, required for 其他). */
export const RowDecisionSchema = z
  .object({
    rowIndex: z.number().int().min(0),
    decision: z.enum(['pass', 'fail'], '核验结论须为通过或不通过'),
    reasonCode: z.enum(CHECK_FAIL_REASONS, '不通过原因不正确').nullable().default(null),
    reasonText: z.string().trim().max(500, '说明不能超过 500 字').default(''),
    overrides: z
      .array(z.object({ code: z.enum(ELIGIBILITY_RULE_CODES), reason: z.string().trim().min(1, '推翻规则结论须填写理由').max(500, '理由不能超过 500 字') }))
      .max(20)
      .default([]),
  })
  .superRefine((d, ctx) => {
    if (d.decision === 'fail' && !d.reasonCode)
      ctx.addIssue({ code: 'custom', path: ['reasonCode'], message: `第 ${String(d.rowIndex + 1)} 行不通过须选择原因` });
    if (d.decision === 'fail' && d.reasonCode === 'other' && !d.reasonText)
      ctx.addIssue({ code: 'custom', path: ['reasonText'], message: `第 ${String(d.rowIndex + 1)} 行原因为“其他”时须填写说明` });
  });
/** One row decision. */
export type RowDecision = z.infer<typeof RowDecisionSchema>;

/** Saving row decisions names the form version the clerk started from. */
export const SaveDecisionsSchema = z.object({
  version: z.number('请提供推荐表的版本号（version）').int().min(1),
  decisions: z.array(RowDecisionSchema).max(2000),
});

/** Accepting a checked form. */
export const AcceptCheckedSchema = z.object({ version: z.number('请提供推荐表的版本号（version）').int().min(1) });

/** Returning a checked form: a reason (required) and a resubmission time limit. */
export const ReturnCheckedSchema = z.object({
  version: z.number('请提供推荐表的版本号（version）').int().min(1),
  reason: z.string('请填写退回理由').trim().min(1, '请填写退回理由').max(500, '退回理由不能超过 500 字'),
  until: z.coerce.date('重新提交的时限须为日期时间'),
});

/** The verification code printed on a submitted version: the first 8 hex digits of its content hash, upper case. */
export function verificationCodeOf(contentHash: string): string {
  return contentHash.slice(0, 8).toUpperCase();
}
