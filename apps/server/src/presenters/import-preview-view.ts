import { z } from 'zod';
import { FindingSchema, checkRows, type FormRow } from '@zhengji/domain';
import type { Config } from '../config.ts';
import type { Db } from '../db/client.ts';
import type { formImportPreviews } from '../db/schema/index.ts';
import { referenceIndexFor } from '../db/queries/form-reference.ts';
import type { CampaignRecord } from '../db/queries/form-state.ts';

/** How long an unconfirmed import preview is kept. */
export const IMPORT_PREVIEW_TTL_MS = 24 * 60 * 60 * 1000;

/** A stored preview. */
export type ImportPreviewRecord = typeof formImportPreviews.$inferSelect;

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
export const ImportProblemSchema = z.object({ row: z.number().optional(), column: z.string().optional(), message: z.string(), blocking: z.boolean().optional() });

/** An import preview as the dialog shows it: the rows read with their eligibility findings, and the problems. */
export const ImportPreviewSchema = z.object({
  id: z.string(),
  formId: z.string(),
  fileName: z.string(),
  kind: z.enum(['xlsx', 'docx']),
  formVersion: z.number(),
  header: z.object({ unitName: z.string().optional(), contactName: z.string().optional(), contactPhone: z.string().optional(), fillDate: z.string().nullable().optional() }),
  rows: z.array(PreviewRowSchema),
  problems: z.array(ImportProblemSchema),
  summary: z.object({ rows: z.number(), errors: z.number(), warnings: z.number(), problems: z.number(), blocking: z.number() }),
  canConfirm: z.boolean(),
  createdAt: z.date(),
  expiresAt: z.date(),
});
/** An import preview. */
export type ImportPreview = z.infer<typeof ImportPreviewSchema>;

/** Presents a stored preview: its rows checked by the eligibility rules of the form's campaign. */
export async function presentImportPreview(db: Db, config: Config, campaign: CampaignRecord, preview: ImportPreviewRecord): Promise<ImportPreview> {
  const index = await referenceIndexFor(db, config, campaign.id);
  const rows: FormRow[] = preview.rows;
  const findings = checkRows(rows, index, { industryTags: campaign.industryTags.length > 0 ? campaign.industryTags : undefined });
  const all = findings.flat();
  const blocking = preview.problems.filter((p) => p.blocking === true).length;
  return {
    id: preview.id,
    formId: preview.formId,
    fileName: preview.fileName,
    kind: preview.kind,
    formVersion: preview.formVersion,
    header: preview.header,
    rows: rows.map((row, i) => ({ priority: i + 1, ...row, findings: findings[i] ?? [] })),
    problems: preview.problems,
    summary: {
      rows: rows.length,
      errors: all.filter((f) => f.severity === 'error').length,
      warnings: all.filter((f) => f.severity === 'warning').length,
      problems: preview.problems.length,
      blocking,
    },
    canConfirm: rows.length > 0 && blocking === 0,
    createdAt: preview.createdAt,
    expiresAt: preview.expiresAt,
  };
}
