import { z } from 'zod';
import { CHECK_FAIL_REASONS } from '../check/check.schemas.ts';

/**
 * What became of one recommended row, from submission to the final list:
 * not submitted → awaiting check → check failed | check passed → in review → selected | not selected → publicized → final | withdrawn.
 */
export const ROW_OUTCOMES = [
  'not_submitted',
  'awaiting_check',
  'check_failed',
  'check_passed',
  'in_review',
  'selected',
  'not_selected',
  'publicized',
  'final',
  'withdrawn',
] as const;
export type RowOutcome = (typeof ROW_OUTCOMES)[number];
/** Chinese labels of the row outcomes. */
export const ROW_OUTCOME_LABELS: Record<RowOutcome, string> = {
  not_submitted: '未提交',
  awaiting_check: '待核验',
  check_failed: '核验未通过',
  check_passed: '核验通过',
  in_review: '专家评估中',
  selected: '入选',
  not_selected: '未入选',
  publicized: '公示中',
  final: '最终名单',
  withdrawn: '撤销',
};

/** One row of a unit's form in its history: the check result with its reason, then the outcome. */
export const FormHistoryRowSchema = z.object({
  rowIndex: z.number(),
  priority: z.number(),
  occupationCode: z.string(),
  occupationName: z.string(),
  jobTypeName: z.string(),
  check: z
    .object({
      decision: z.enum(['pass', 'fail']),
      reasonCode: z.enum(CHECK_FAIL_REASONS).nullable(),
      /** The Chinese label of the reason code, with the clerk's text when given. */
      reason: z.string().nullable(),
    })
    .nullable(),
  outcome: z.enum(ROW_OUTCOMES),
  outcomeLabel: z.string(),
  /** Why: the check's fail reason, the experts' reason for 未入选, or the withdrawal reason. */
  outcomeReason: z.string().nullable(),
});
export type FormHistoryRow = z.infer<typeof FormHistoryRowSchema>;

/** One campaign the unit took part in, with its form's status and its rows' outcomes. */
export const FormHistoryEntrySchema = z.object({
  formId: z.string(),
  campaign: z.object({ id: z.string(), title: z.string(), docNo: z.string(), status: z.string(), statusLabel: z.string(), deadlineLabel: z.string() }),
  status: z.enum(['draft', 'submitted', 'returned', 'accepted']),
  statusLabel: z.string(),
  /** The submitted version the rows come from (0: never submitted, the rows being edited are shown). */
  versionNumber: z.number(),
  submittedAt: z.string().nullable(),
  returnReason: z.string().nullable(),
  /** One sentence saying where the campaign stands for the unit. */
  summary: z.string(),
  rows: z.array(FormHistoryRowSchema),
});
export type FormHistoryEntry = z.infer<typeof FormHistoryEntrySchema>;

/** GET /api/forms/mine/history: every campaign the unit took part in, newest first. */
export const FormHistorySchema = z.object({ entries: z.array(FormHistoryEntrySchema) });
export type FormHistory = z.infer<typeof FormHistorySchema>;
