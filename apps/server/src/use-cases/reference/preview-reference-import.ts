import { z } from 'zod';
import { REFERENCE_DATASET_KINDS, REFERENCE_DATASET_LABELS } from '@zhengji/domain';
import { prepareImport, storeVersion, type UploadedFile } from '../../reference/prepare-import.ts';
import { writeAudit } from '../audit/write-audit.ts';
import type { UseCaseContext } from '../context.ts';
import { authorizeReference } from './reference-policy.ts';
import { getReferenceVersion } from './get-reference-version.ts';

/** The fields sent with an import. */
export const ImportFieldsSchema = z.object({
  kind: z.enum(REFERENCE_DATASET_KINDS, '请选择数据集类型'),
  name: z.string().trim().max(200).optional(),
  sourceDocument: z.string().trim().max(200).optional(),
  effectiveDate: z.iso.date('生效日期格式应为 YYYY-MM-DD').optional(),
});
/** The fields sent with an import. */
export type ImportFields = z.input<typeof ImportFieldsSchema>;

/**
 * Imports files as a draft (preview) version: counts, per-row errors, diff from the active version. Nothing takes
 * effect until a center user activates it; a file-level problem stores nothing.
 */
export async function previewReferenceImport(ctx: UseCaseContext, fields: ImportFields, files: UploadedFile[]) {
  const actor = authorizeReference(ctx.actor, 'reference.import');
  const input = ImportFieldsSchema.parse(fields);
  const prepared = await prepareImport(ctx.db, input.kind, files, 'file');
  const now = ctx.clock.now();
  const id = await ctx.db.transaction(async (tx) => {
    const row = await storeVersion(
      tx,
      {
        kind: input.kind,
        name: input.name || `${REFERENCE_DATASET_LABELS[input.kind]}（${files.map((f) => f.fileName).join('、')}）`,
        sourceDocument: input.sourceDocument || null,
        effectiveDate: input.effectiveDate ?? null,
        importedBy: actor.userId,
        importedAt: now,
        status: 'draft',
      },
      prepared,
    );
    await writeAudit(tx, ctx, {
      action: 'reference.import',
      objectType: 'reference_version',
      objectId: row.id,
      changes: { kind: input.kind, files: prepared.report.files, recordCount: prepared.records.length, errorCount: prepared.report.errorCount },
    });
    return row.id;
  });
  return getReferenceVersion(ctx, id);
}
