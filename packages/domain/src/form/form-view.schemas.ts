import { z } from 'zod';
import { DateTimeSchema, type Json } from '../shared/wire.ts';
import { FindingSchema } from './form.rules.ts';
import { FORM_POLICY_ACTIONS } from './form.policy.ts';
import { FormHeaderSchema, FormRowSchema } from './form.schemas.ts';
import { FORM_STATUSES } from './form.workflow.ts';
import { SCAN_MATCH_KINDS, ScanMatchSchema } from './scan-match.ts';

/** Metadata of an uploaded file as the UI shows it. */
export const FileInfoSchema = z.object({
  id: z.string(),
  originalName: z.string(),
  mime: z.string(),
  size: z.number(),
  sha256: z.string(),
  createdAt: DateTimeSchema,
});
/** Metadata of an uploaded file (the sealed scan), as the web receives it. */
export type FileInfo = Json<typeof FileInfoSchema>;

/** A form row as the editor shows it: the ten fields, its id, 序号 and findings. */
export const FormRowViewSchema = FormRowSchema.extend({ id: z.string(), priority: z.number(), findings: z.array(FindingSchema) });
/** A form row as the editor shows it. */
export type FormRowView = z.infer<typeof FormRowViewSchema>;

/** A unit's form as the editor shows it: header, rows with their findings, state, scan, abilities. */
export const FormViewSchema = z.object({
  id: z.string(),
  campaign: z.object({
    id: z.string(),
    title: z.string(),
    docNo: z.string(),
    deadline: z.string(),
    deadlineLabel: z.string(),
    status: z.string(),
    industryTags: z.array(z.string()),
  }),
  unitId: z.string(),
  unitName: z.string(),
  status: z.enum(FORM_STATUSES),
  version: z.number(),
  header: FormHeaderSchema,
  rows: z.array(FormRowViewSchema),
  summary: z.object({ errors: z.number(), warnings: z.number() }),
  /** The finalized version (定稿) while the content is frozen: the copy to print, seal and scan. */
  finalized: z.object({ versionNo: z.number(), verificationCode: z.string(), finalizedAt: DateTimeSchema }).nullable(),
  /** The sealed scan of the finalized version, once matched, and how (QR read, or code typed: 人工核对). */
  scan: FileInfoSchema.nullable(),
  scanMatch: z.enum(SCAN_MATCH_KINDS).nullable(),
  /** A scan whose QR code could not be read, waiting for the unit to type the code printed on it. */
  pendingScan: FileInfoSchema.nullable(),
  /** Why the form cannot be submitted now, in the order the unit resolves them (empty when it can). */
  submitBlockers: z.array(z.string()),
  lastVersionNumber: z.number(),
  submittedAt: DateTimeSchema.nullable(),
  returnReason: z.string().nullable(),
  returnedUntil: DateTimeSchema.nullable(),
  returnedAt: DateTimeSchema.nullable(),
  acceptedAt: DateTimeSchema.nullable(),
  checkingStartedAt: DateTimeSchema.nullable(),
  lateExceptionUntil: DateTimeSchema.nullable(),
  maxRows: z.number(),
  updatedAt: DateTimeSchema,
  abilities: z.record(z.enum(FORM_POLICY_ACTIONS), z.boolean()),
});
/** A form as the server presents it (timestamps as Dates). */
export type FormView = z.infer<typeof FormViewSchema>;
/** A form as the web receives it. */
export type FormViewJson = Json<typeof FormViewSchema>;

/**
 * What an autosave answers (PUT /api/forms/:id/content): the new version and what the checks found, row by row, in
 * row order — not the content, which the editor sent and still holds. About a tenth of the whole view.
 */
export const FormSavedSchema = z.object({
  id: z.string(),
  version: z.number(),
  updatedAt: DateTimeSchema,
  rows: z.array(z.object({ id: z.string(), findings: z.array(FindingSchema) })),
  summary: z.object({ errors: z.number(), warnings: z.number() }),
  submitBlockers: z.array(z.string()),
});
/** An autosave's answer (timestamps as Dates). */
export type FormSaved = z.infer<typeof FormSavedSchema>;
/** An autosave's answer as the web receives it. */
export type FormSavedJson = Json<typeof FormSavedSchema>;

/** What became of a finalized version: submitted, voided (撤销定稿), or the current 定稿 awaiting its scan and submission. */
export const FORM_VERSION_STATES = ['submitted', 'voided', 'finalized'] as const;

/** One finalized version in the history list. */
export const FormVersionSummarySchema = z.object({
  number: z.number(),
  state: z.enum(FORM_VERSION_STATES),
  contentHash: z.string(),
  verificationCode: z.string(),
  rowCount: z.number(),
  finalizedAt: DateTimeSchema,
  voidedAt: DateTimeSchema.nullable(),
  scanFileId: z.string().nullable(),
  scanMatch: z.enum(SCAN_MATCH_KINDS).nullable(),
  submittedAt: DateTimeSchema.nullable(),
  submittedBy: z.string().nullable(),
});
/** One finalized version in the history list (server side). */
export type FormVersionSummary = z.infer<typeof FormVersionSummarySchema>;
/** One finalized version in the history list, as the web receives it. */
export type FormVersionSummaryJson = Json<typeof FormVersionSummarySchema>;

/** The change of one row between two versions: priority before and after (null when added or removed), fields changed. */
export const RowChangeSchema = z.object({
  key: z.string(),
  occupationCode: z.string(),
  occupationName: z.string(),
  jobTypeName: z.string(),
  before: z.number().nullable(),
  after: z.number().nullable(),
  fields: z.array(FormRowSchema.keyof()),
});
/** The change of one row between two versions. */
export type RowChange = z.infer<typeof RowChangeSchema>;

/** One finalized version with its content and, from the second on, the differences from the previous one. */
export const FormVersionDetailSchema = FormVersionSummarySchema.extend({
  header: FormHeaderSchema,
  rows: z.array(FormRowSchema),
  diff: z
    .object({
      previous: z.number(),
      added: z.array(RowChangeSchema),
      removed: z.array(RowChangeSchema),
      changed: z.array(RowChangeSchema),
      headerChanged: z.array(FormHeaderSchema.keyof()),
    })
    .nullable(),
});
/** One finalized version with its diff (server side). */
export type FormVersionDetail = z.infer<typeof FormVersionDetailSchema>;
/** One finalized version with its diff, as the web receives it. */
export type FormVersionDetailJson = Json<typeof FormVersionDetailSchema>;

/** POST /api/forms/:id/scan and /scan/code: the match, the file kept and the form now. */
export const ScanUploadResultSchema = z.object({ match: ScanMatchSchema, file: FileInfoSchema.nullable(), form: FormViewSchema });
/** The answer to a scan upload (server side). */
export type ScanUploadResult = z.infer<typeof ScanUploadResultSchema>;
/** The answer to a scan upload, as the web receives it. */
export type ScanUploadResultJson = Json<typeof ScanUploadResultSchema>;

/**
 * A row as the file gave it. The texts are not held to the save's length limits here: a row over a limit is shown
 * as read, with a blocking problem, and the confirm refuses it.
 */
const PreviewRowSchema = z.object({
  priority: z.number(),
  occupationCode: z.string(),
  occupationName: z.string(),
  jobTypeName: z.string(),
  standardName: z.string(),
  standardVersion: z.string(),
  inShortageCatalog: z.boolean().nullable(),
  industries: z.array(z.string()),
  expectedAssessments: z.number().nullable(),
  reason: z.string(),
  findings: z.array(FindingSchema),
});

/** One thing the import could not read or cannot take over; `blocking` ones must be fixed in the file first. */
export const ImportProblemSchema = z.object({
  row: z.number().optional(),
  column: z.string().optional(),
  message: z.string(),
  blocking: z.boolean().optional(),
});
/** One thing an import could not read. */
export type ImportProblem = z.infer<typeof ImportProblemSchema>;

/** An import preview as the dialog shows it: the rows read with their eligibility findings, and the problems. */
export const ImportPreviewSchema = z.object({
  id: z.string(),
  formId: z.string(),
  fileName: z.string(),
  kind: z.enum(['xlsx', 'docx']),
  formVersion: z.number(),
  header: z.object({
    unitName: z.string().optional(),
    contactName: z.string().optional(),
    contactPhone: z.string().optional(),
    fillDate: z.string().nullable().optional(),
  }),
  rows: z.array(PreviewRowSchema),
  problems: z.array(ImportProblemSchema),
  summary: z.object({ rows: z.number(), errors: z.number(), warnings: z.number(), problems: z.number(), blocking: z.number() }),
  canConfirm: z.boolean(),
  createdAt: DateTimeSchema,
  expiresAt: DateTimeSchema,
});
/** An import preview. */
export type ImportPreview = z.infer<typeof ImportPreviewSchema>;
/** An import preview, as the web receives it. */
export type ImportPreviewJson = Json<typeof ImportPreviewSchema>;
