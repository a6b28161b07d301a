import { ImportFieldsSchema, REFERENCE_DATASET_LABELS, type ImportFields } from '@zhengji/domain';
import { prepareImport, storeVersion, type UploadedFile } from '../../reference/prepare-import.ts';
import { writeAudit } from '../audit/write-audit.ts';
import type { UseCaseContext } from '../context.ts';
import { authorizeReference } from './reference-policy.ts';
import { getReferenceVersion } from './get-reference-version.ts';

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
