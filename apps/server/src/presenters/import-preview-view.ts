import { checkRows, type FormRow } from '@zhengji/domain';
import type { ImportPreview } from '@zhengji/domain/form/form-view.schemas.ts';
import type { Config } from '../config.ts';
import type { Db } from '../db/client.ts';
import type { formImportPreviews } from '../db/schema/index.ts';
import { referenceIndexFor } from '../db/queries/form-reference.ts';
import type { CampaignRecord } from '../db/queries/form-state.ts';

/** How long an unconfirmed import preview is kept. */
export const IMPORT_PREVIEW_TTL_MS = 24 * 60 * 60 * 1000;

/** A stored preview. */
export type ImportPreviewRecord = typeof formImportPreviews.$inferSelect;

/** The import preview (ImportPreviewSchema in the domain), as this presenter returns it. */
export type { ImportPreview };

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
