import { createHash } from 'node:crypto';
import type { ReferenceDatasetKind } from '@zhengji/domain';
import type { Db } from '../db/client.ts';
import { referenceVersions } from '../db/schema/index.ts';
import { checkDataset, type KnownOccupations } from './check-dataset.ts';
import { canonicalContent, diffRecords } from './dataset-diff.ts';
import { parseDataset, type StoredRecord } from './parse-dataset.ts';
import { readUpload, type ReadNotes, type UploadContent } from './read-upload.ts';
import { insertVersionRecords, selectActiveVersion, selectVersionRecords } from './reference-queries.ts';
import type { ImportReport } from '@zhengji/domain/reference/reference-view.schemas.ts';

/** Issues kept in a report (the totals are always exact). */
export const REPORT_ISSUE_LIMIT = 500;

/** An uploaded file. */
export interface UploadedFile {
  fileName: string;
  bytes: Buffer;
}

/** The import report stored with a version (ImportReportSchema in the domain). */
export type { ImportReport };

/** A prepared import: the records, the report and the content hash, not stored yet. */
export interface PreparedImport {
  records: StoredRecord[];
  report: ImportReport;
  contentHash: string;
}

/** SHA-256 of the canonical content. */
export const contentHashOf = (records: readonly StoredRecord[]) => createHash('sha256').update(canonicalContent(records)).digest('hex');

/** Record counts by shape, plus the tree levels for the dictionary. */
export function countRecords(records: readonly StoredRecord[]): Record<string, number> {
  const counts: Record<string, number> = { records: records.length };
  for (const r of records) {
    counts[r.type] = (counts[r.type] ?? 0) + 1;
    if (r.type === 'occupation') counts[`level${String(r.data.level)}`] = (counts[`level${String(r.data.level)}`] ?? 0) + 1;
  }
  return counts;
}

const knownCache = new Map<string, KnownOccupations>();

/** The occupation codes and 工种 of the active dictionary, read from its records (no search index needed); cached per version. */
async function knownOccupations(db: Db): Promise<KnownOccupations | null> {
  const active = await selectActiveVersion(db, 'occupations');
  if (!active) return null;
  const cached = knownCache.get(active.id);
  if (cached) return cached;
  const jobTypes = new Map<string, string[]>();
  for (const r of await selectVersionRecords(db, active.id)) {
    const d = r.data as {
      level?: number;
      code?: string | null;
      kind?: string;
      status?: string;
      name?: string;
      parentOccupationCode?: string | null;
      jobTypes?: { name: string }[] | null;
    };
    if (r.type === 'occupation' && d.level === 4)
      jobTypes.set(
        r.key,
        (d.jobTypes ?? []).map((j) => j.name),
      );
    if (r.type === 'newOccupation' && d.kind === 'occupation' && d.code && d.status !== 'public_comment' && !jobTypes.has(d.code)) jobTypes.set(d.code, []);
    if (r.type === 'newOccupation' && d.kind === 'jobType' && d.parentOccupationCode && d.name) jobTypes.get(d.parentOccupationCode)?.push(d.name);
  }
  const known: KnownOccupations = { has: (code) => jobTypes.has(code), jobTypesOf: (code) => jobTypes.get(code) ?? [] };
  knownCache.clear();
  knownCache.set(active.id, known);
  return known;
}

/**
 * Reads, checks and diffs the files of an import against the active version of its kind. File-level problems throw a
 * DomainError (nothing is stored); row problems go into the report.
 */
export async function prepareImport(db: Db, kind: ReferenceDatasetKind, files: UploadedFile[], source: ImportReport['source']): Promise<PreparedImport> {
  const started = performance.now();
  const notes: ReadNotes = { warnings: [] };
  const contents: UploadContent[] = [];
  for (const f of files) contents.push(await readUpload(f.bytes, f.fileName, notes));
  const parsed = parseDataset(kind, contents);
  const active = await selectActiveVersion(db, kind);
  const before = active ? await selectVersionRecords(db, active.id) : [];
  if (kind === 'occupations' && !parsed.records.some((r) => r.type === 'newOccupation')) {
    const carried = before.filter((r) => r.type === 'newOccupation');
    if (carried.length > 0) {
      parsed.records.push(...carried);
      parsed.rows.push(...carried.map(() => 0));
      parsed.warnings.push({ row: null, message: `未上传新职业公告文件，沿用当前版本的新职业（工种）公告记录 ${carried.length} 条` });
    }
  }
  checkDataset(kind, parsed, kind === 'occupations' ? null : await knownOccupations(db));
  const report: ImportReport = {
    source,
    files: files.map((f, i) => ({ fileName: f.fileName, format: contents[i]!.format, encoding: contents[i]!.encoding, bytes: f.bytes.length })),
    rowUnit: parsed.rowUnit,
    counts: countRecords(parsed.records),
    errorCount: parsed.errors.length,
    warningCount: notes.warnings.length + parsed.warnings.length,
    errors: parsed.errors.slice(0, REPORT_ISSUE_LIMIT),
    warnings: [...notes.warnings.map((message) => ({ row: null, message })), ...parsed.warnings].slice(0, REPORT_ISSUE_LIMIT),
    diff: diffRecords(active?.id ?? null, before, parsed.records),
    durationMs: 0,
  };
  report.durationMs = Math.round(performance.now() - started);
  return { records: parsed.records, report, contentHash: contentHashOf(parsed.records) };
}

/** Fields of a new version. */
export interface NewVersion {
  kind: ReferenceDatasetKind;
  name: string;
  sourceDocument: string | null;
  effectiveDate: string | null;
  importedBy: string | null;
  importedAt: Date;
  status: 'draft' | 'active';
}

/** Stores a version and its records (inside the caller's transaction; supersede the active one first when storing an active one). */
export async function storeVersion(tx: Db, v: NewVersion, prepared: PreparedImport) {
  const [row] = await tx
    .insert(referenceVersions)
    .values({
      ...v,
      activatedAt: v.status === 'active' ? v.importedAt : null,
      recordCount: prepared.records.length,
      contentHash: prepared.contentHash,
      importReport: prepared.report,
    })
    .returning();
  await insertVersionRecords(tx, row!.id, prepared.records);
  return row!;
}
