import { canonicalJson } from '@zhengji/domain';
import type { StoredRecord } from './parse-dataset.ts';
import type { DatasetDiff, DiffItem } from '@zhengji/domain/reference/reference-view.schemas.ts';

/** A line of the diff and the diff itself (DiffItemSchema, DatasetDiffSchema in the domain). */
export type { DatasetDiff, DiffItem };

/** Items of each list kept in the report. */
export const DIFF_SAMPLE = 200;

/** The display name of a record. */
export function recordName(r: Pick<StoredRecord, 'type' | 'data'>): string {
  const d = r.data;
  const v = d.name ?? d.standardName ?? d.qualificationItem ?? [d.occupationCode, d.jobTypeName].filter(Boolean).join(' ');
  return typeof v === 'string' ? v : '';
}

/** Compares records by (type, key): added, removed, renamed (same key, other name) and otherwise changed. */
export function diffRecords(baseVersionId: string | null, before: readonly StoredRecord[], after: readonly StoredRecord[]): DatasetDiff {
  const diff: DatasetDiff = {
    baseVersionId,
    added: 0,
    removed: 0,
    renamed: 0,
    changed: 0,
    addedItems: [],
    removedItems: [],
    renamedItems: [],
    changedItems: [],
  };
  const old = new Map(before.map((r) => [`${r.type}:${r.key}`, r]));
  const push = (list: DiffItem[], item: DiffItem) => void (list.length < DIFF_SAMPLE && list.push(item));
  for (const r of after) {
    const id = `${r.type}:${r.key}`;
    const prev = old.get(id);
    old.delete(id);
    if (!prev) {
      diff.added++;
      push(diff.addedItems, { key: r.key, name: recordName(r) });
    } else if (recordName(prev) !== recordName(r)) {
      diff.renamed++;
      push(diff.renamedItems, { key: r.key, name: recordName(r), from: recordName(prev) });
    } else if (canonicalJson(prev.data) !== canonicalJson(r.data)) {
      diff.changed++;
      push(diff.changedItems, { key: r.key, name: recordName(r) });
    }
  }
  for (const r of old.values()) {
    diff.removed++;
    push(diff.removedItems, { key: r.key, name: recordName(r) });
  }
  return diff;
}

/** Canonical JSON of the records (sorted by type and key, object keys sorted) for the content hash. */
export function canonicalContent(records: readonly StoredRecord[]): string {
  const sorted = [...records].sort((a, b) => (a.type === b.type ? (a.key < b.key ? -1 : a.key > b.key ? 1 : 0) : a.type < b.type ? -1 : 1));
  return canonicalJson(sorted.map((r) => [r.type, r.key, r.data]));
}
