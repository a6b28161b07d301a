import { desc, eq } from 'drizzle-orm';
import { REFERENCE_DATASET_LABELS, type ReferenceDatasetKind } from '@zhengji/domain';
import { referenceVersions, users } from '../../db/schema/index.ts';
import type { ImportReport, ReferenceVersion } from '@zhengji/domain/reference/reference-view.schemas.ts';
import type { UseCaseContext } from '../context.ts';
import { authorizeReference, canReference } from './reference-policy.ts';

type VersionRow = typeof referenceVersions.$inferSelect;

/** A version as the API answers it (the full report only in the detail). */
export function presentVersion(ctx: UseCaseContext, row: VersionRow, importerName: string | null, withReport: boolean): ReferenceVersion {
  const report = row.importReport as ImportReport;
  const isDraft = row.status === 'draft';
  return {
    id: row.id,
    kind: row.kind,
    kindLabel: REFERENCE_DATASET_LABELS[row.kind],
    name: row.name,
    sourceDocument: row.sourceDocument,
    effectiveDate: row.effectiveDate,
    importedBy: importerName ?? (row.importedBy ? null : '系统（首次启动导入）'),
    importedAt: row.importedAt.toISOString(),
    activatedAt: row.activatedAt?.toISOString() ?? null,
    recordCount: row.recordCount,
    contentHash: row.contentHash,
    status: row.status,
    summary: {
      errorCount: report.errorCount,
      warningCount: report.warningCount,
      counts: report.counts,
      source: report.source,
      change: report.change ?? null,
      diff: { added: report.diff.added, removed: report.diff.removed, renamed: report.diff.renamed, changed: report.diff.changed },
    },
    report: withReport ? report : undefined,
    abilities: {
      activate: isDraft && report.errorCount === 0 && canReference(ctx.actor, 'reference.activate'),
      discard: isDraft && canReference(ctx.actor, 'reference.import'),
    },
  };
}

/** The versions of all kinds (or one kind), newest first. */
export async function listReferenceVersions(ctx: UseCaseContext, kind: ReferenceDatasetKind | undefined) {
  authorizeReference(ctx.actor, 'reference.versions.read');
  const rows = await ctx.db
    .select({ v: referenceVersions, importer: users.displayName })
    .from(referenceVersions)
    .leftJoin(users, eq(users.id, referenceVersions.importedBy))
    .where(kind ? eq(referenceVersions.kind, kind) : undefined)
    .orderBy(desc(referenceVersions.importedAt))
    .limit(500);
  return rows.map((r) => presentVersion(ctx, r.v, r.importer, false));
}
