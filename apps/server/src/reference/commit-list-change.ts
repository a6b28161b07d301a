import { and, eq } from 'drizzle-orm';
import { DomainError, REFERENCE_DATASET_LABELS, shanghaiIsoDate } from '@zhengji/domain';
import type { Db } from '../db/client.ts';
import { referenceVersions } from '../db/schema/index.ts';
import { diffRecords } from './dataset-diff.ts';
import type { StoredRecord } from './parse-dataset.ts';
import { contentHashOf, countRecords, storeVersion, type PreparedImport } from './prepare-import.ts';
import { selectVersionRecords, supersedeActive } from './reference-queries.ts';

/** The two Shanghai lists, edited by hand. */
export type ListKind = 'shortage' | 'offered';

/**
 * Copy-on-write edit of a Shanghai list, inside the caller's transaction: the active version is locked and must be the
 * one the editor saw (`baseVersionId`, null when the list has none yet), `mutate` returns the new entries, and a new
 * active version supersedes the old one. Campaigns bound to the old version keep checking against it.
 */
export async function commitListChange(
  tx: Db,
  opts: { kind: ListKind; baseVersionId: string | null; userId: string; now: Date; change: string },
  mutate: (entries: StoredRecord[]) => StoredRecord[],
) {
  const [active] = await tx
    .select()
    .from(referenceVersions)
    .where(and(eq(referenceVersions.kind, opts.kind), eq(referenceVersions.status, 'active')))
    .for('update');
  if ((active?.id ?? null) !== opts.baseVersionId) {
    throw new DomainError('STALE_VERSION', '该目录已被他人修改（已生成新版本），请刷新后再保存（您输入的内容不会丢失）');
  }
  const before = active ? await selectVersionRecords(tx, active.id) : [];
  const records = mutate(before.map((r) => ({ ...r, data: { ...r.data } })));
  const prepared: PreparedImport = {
    records,
    contentHash: contentHashOf(records),
    report: {
      source: 'manual',
      change: opts.change,
      files: [],
      rowUnit: '条',
      counts: countRecords(records),
      errorCount: 0,
      warningCount: 0,
      errors: [],
      warnings: [],
      diff: diffRecords(active?.id ?? null, before, records),
      durationMs: 0,
    },
  };
  await supersedeActive(tx, opts.kind);
  return storeVersion(
    tx,
    {
      kind: opts.kind,
      name: `${REFERENCE_DATASET_LABELS[opts.kind]}（${shanghaiIsoDate(opts.now)} 手工修改）`,
      sourceDocument: active?.sourceDocument ?? null,
      effectiveDate: active?.effectiveDate ?? null,
      importedBy: opts.userId,
      importedAt: opts.now,
      status: 'active',
    },
    prepared,
  );
}
