import { z } from 'zod';
import { DateTimeSchema, type Json } from '../shared/wire.ts';
import { FindingSchema } from '../form/form.rules.ts';
import { FORM_POLICY_ACTIONS } from '../form/form.policy.ts';
import { FormHeaderSchema, FormRowSchema } from '../form/form.schemas.ts';
import { FORM_STATUSES } from '../form/form.workflow.ts';
import { SCAN_MATCH_KINDS } from '../form/scan-match.ts';
import { CHECK_FAIL_REASONS } from './check.schemas.ts';

/** A row's recorded decision as the check page shows it. */
export const DecisionViewSchema = z.object({
  decision: z.enum(['pass', 'fail']),
  reasonCode: z.enum(CHECK_FAIL_REASONS).nullable(),
  reasonText: z.string(),
  overrides: z.array(z.object({ code: z.string(), reason: z.string() })),
  decidedAt: DateTimeSchema,
});

/** A submitted form as the check page shows it: the sealed version's rows with findings and decisions, scan, history. */
export const CheckViewSchema = z.object({
  formId: z.string(),
  campaignId: z.string(),
  campaignTitle: z.string(),
  unitId: z.string(),
  unitName: z.string(),
  status: z.enum(FORM_STATUSES),
  version: z.number(),
  versionNumber: z.number(),
  verificationCode: z.string(),
  contentHash: z.string(),
  submittedAt: DateTimeSchema,
  scanFileId: z.string().nullable(),
  /** How the sealed scan was matched to the version: QR read (matched), code typed by the unit (manual), or null (before QR codes). */
  scanMatch: z.enum(SCAN_MATCH_KINDS).nullable(),
  checkingStartedAt: DateTimeSchema.nullable(),
  returnReason: z.string().nullable(),
  header: FormHeaderSchema,
  rows: z.array(FormRowSchema.extend({ rowIndex: z.number(), findings: z.array(FindingSchema), decision: DecisionViewSchema.nullable() })),
  history: z.array(z.object({ at: DateTimeSchema, action: z.string(), actor: z.string().nullable(), changes: z.unknown() })),
  abilities: z.record(z.enum(FORM_POLICY_ACTIONS), z.boolean()),
});
/** The check page's data. */
export type CheckView = z.infer<typeof CheckViewSchema>;
/** The check page's data, as the web receives it. */
export type CheckViewJson = Json<typeof CheckViewSchema>;

/** One form in the material-check queue. */
export const CheckQueueItemSchema = z.object({
  formId: z.string(),
  campaignId: z.string(),
  campaignTitle: z.string(),
  unitName: z.string(),
  unitType: z.string(),
  status: z.enum(FORM_STATUSES),
  versionNumber: z.number(),
  rowCount: z.number(),
  decidedCount: z.number(),
  submittedAt: DateTimeSchema.nullable(),
  checkingStartedAt: DateTimeSchema.nullable(),
});
/** One form in the material-check queue. */
export type CheckQueueItem = z.infer<typeof CheckQueueItemSchema>;
/** One form in the material-check queue, as the web receives it. */
export type CheckQueueItemJson = Json<typeof CheckQueueItemSchema>;
