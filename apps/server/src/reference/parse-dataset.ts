import {
  NewOccupationRecordSchema,
  OccupationRecordSchema,
  QualificationRecordSchema,
  ReferenceFileSchema,
  ReferenceListEntrySchema,
  StandardRecordSchema,
  fieldLabel,
  normalizeOccupationCode,
  type ReferenceDatasetKind,
} from '@zhengji/domain';
import type { z } from 'zod';
import { DATASET_COLUMNS, parseYesNo, splitList } from './dataset-columns.ts';
import { fileError, type TableRow, type UploadContent } from './read-upload.ts';
import type { RowIssue } from '@zhengji/domain/reference/reference-view.schemas.ts';

/** One record as stored: its shape (`type`), its key inside the version, and its data. */
export interface StoredRecord {
  type: 'occupation' | 'newOccupation' | 'standard' | 'qualification' | 'entry';
  key: string;
  data: Record<string, unknown>;
}

/** One problem of an import (RowIssueSchema in the domain). */
export type { RowIssue };

/** The records read from the files of an import, with their per-row errors and warnings. */
export interface ParsedDataset {
  records: StoredRecord[];
  /** Row (or record) number of each record, parallel to `records`. */
  rows: number[];
  errors: RowIssue[];
  warnings: RowIssue[];
  rowUnit: '行' | '条';
}

const headerKey = (h: string) => h.replace(/[\s（）()]/g, '').toLowerCase();

/** Maps each header of a table to a documented field; fails the file when a required column is missing. */
function mapHeaders(kind: ReferenceDatasetKind, headers: string[]): void {
  const present = new Set(headers.map(headerKey));
  const missing = DATASET_COLUMNS[kind].filter((c) => c.required && ![c.header, ...c.aliases].some((a) => present.has(headerKey(a))));
  if (missing.length > 0) {
    fileError(
      `表头缺少必需的列：${missing.map((c) => `“${c.header}”`).join('、')}。文件中的列为：${headers.filter(Boolean).join('、') || '（无）'}。请下载模板，按模板的表头填写后重新导入。`,
      { missingColumns: missing.map((c) => c.header) },
    );
  }
}

/** Reads a table row into `{ field: value }` using the documented headers and aliases. */
function fieldsOf(kind: ReferenceDatasetKind, row: TableRow): Record<string, string> {
  const byKey = new Map(Object.entries(row.cells).map(([h, v]) => [headerKey(h), v]));
  const out: Record<string, string> = {};
  for (const c of DATASET_COLUMNS[kind]) {
    for (const name of [c.header, ...c.aliases]) {
      const v = byKey.get(headerKey(name));
      if (v !== undefined) {
        out[c.field] = v;
        break;
      }
    }
  }
  return out;
}

const orNull = (v: string | undefined) => (v === undefined || v.trim() === '' ? null : v.trim());
const levelOfCode = (code: string) => code.split('-').length;
const parentOfCode = (code: string) => (code.includes('-') ? code.slice(0, code.lastIndexOf('-')) : null);

function markersOf(cell: string | undefined, f: Record<string, string>): ('S' | 'L')[] | null {
  if (cell !== undefined) return (['L', 'S'] as const).filter((m) => cell.toUpperCase().includes(m));
  if (f.digital !== undefined || f.green !== undefined)
    return [...(parseYesNo(f.green) ? ['L' as const] : []), ...(parseYesNo(f.digital) ? ['S' as const] : [])];
  return null;
}

/** A table row → the raw record of the kind (then validated with the same zod schema as the JSON records). */
function recordOfRow(kind: ReferenceDatasetKind, f: Record<string, string>): { type: StoredRecord['type']; raw: Record<string, unknown> } {
  switch (kind) {
    case 'occupations': {
      const code = normalizeOccupationCode(f.code ?? '');
      return {
        type: 'occupation',
        raw: {
          code,
          name: f.name ?? '',
          level: f.level ? Number(f.level) : levelOfCode(code),
          parentCode: orNull(f.parentCode) ?? parentOfCode(code),
          markers: markersOf(f.markers, f),
          jobTypes: splitList(f.jobTypes).map((name) => ({ name })),
          definition: orNull(f.definition),
          mainTasks: splitList(f.mainTasks),
          status: orNull(f.status) ?? 'current',
          replacedBy: orNull(f.replacedBy),
          printEditionName: orNull(f.printEditionName),
        },
      };
    }
    case 'standards':
      return {
        type: 'standard',
        raw: {
          code: f.code ?? '',
          standardName: f.standardName ?? '',
          occupationName: orNull(f.occupationName),
          mappedOccupationCode2022: orNull(f.mappedOccupationCode2022),
          jobTypesCovered: splitList(f.jobTypesCovered),
          editionYear: f.editionYear ? Number(f.editionYear) : null,
          trial: parseYesNo(f.trial) ?? false,
        },
      };
    case 'qualifications':
      return { type: 'qualification', raw: { qualificationItem: f.qualificationItem ?? '', mappedOccupationCodes: splitList(f.mappedOccupationCodes) } };
    case 'shortage':
    case 'offered':
      return { type: 'entry', raw: { ...f, isDemo: parseYesNo(f.isDemo) ?? false } };
  }
}

const SCHEMAS: Record<StoredRecord['type'], z.ZodType> = {
  occupation: OccupationRecordSchema,
  newOccupation: NewOccupationRecordSchema,
  standard: StandardRecordSchema,
  qualification: QualificationRecordSchema,
  entry: ReferenceListEntrySchema,
};

/** The key of a record inside its version: duplicates of it are errors. */
export function recordKey(type: StoredRecord['type'], d: Record<string, unknown>): string {
  const s = (v: unknown) => (typeof v === 'string' ? v.trim() : '');
  switch (type) {
    case 'occupation':
      return s(d.code);
    case 'newOccupation':
      return `${s(d.kind)}|${s(d.code)}|${s(d.name)}`;
    case 'standard':
      return `${s(d.code)}|${s(d.standardName)}`;
    case 'qualification':
      return s(d.qualificationItem);
    case 'entry':
      return `${normalizeOccupationCode(s(d.occupationCode))}|${s(d.jobTypeName)}`;
  }
}

/** The Chinese headers of the import columns, by field: a row error names the column as the template does. */
const COLUMN_HEADERS: Record<string, string> = Object.fromEntries(Object.values(DATASET_COLUMNS).flatMap((cols) => cols.map((c) => [c.field, c.header])));

/** Validates one raw record; returns the stored record or pushes a row error. */
function accept(type: StoredRecord['type'], raw: unknown, row: number, out: ParsedDataset, seen: Map<string, number>): void {
  const parsed = SCHEMAS[type].safeParse(type === 'entry' ? pickEntry(raw) : raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue && issue.path.length > 0 ? fieldLabel(issue.path, COLUMN_HEADERS) : '';
    out.errors.push({ row, message: `${field ? `字段“${field}”：` : ''}${issue?.message ?? '格式不正确'}` });
    return;
  }
  const data = parsed.data as Record<string, unknown>;
  if (type === 'entry') data.isDemo = (raw as { isDemo?: unknown }).isDemo === true;
  const key = recordKey(type, data);
  const first = seen.get(`${type}:${key}`);
  if (first !== undefined) {
    out.errors.push({ row, key, message: `重复：${describeKey(type, key)} 与第 ${first} ${out.rowUnit}重复` });
    return;
  }
  seen.set(`${type}:${key}`, row);
  out.records.push({ type, key, data });
  out.rows.push(row);
}

function pickEntry(raw: unknown) {
  const r = (raw ?? {}) as Record<string, unknown>;
  const text = (v: unknown) => (v === undefined || v === null || v === '' ? null : String(v));
  return { occupationCode: String(r.occupationCode ?? ''), jobTypeName: text(r.jobTypeName), note: text(r.note), source: text(r.source) };
}

/** Human wording of a record key for messages. */
export function describeKey(type: StoredRecord['type'], key: string): string {
  const [a, b] = key.split('|');
  switch (type) {
    case 'occupation':
      return `编码 ${key}`;
    case 'standard':
      return `标准 ${a ?? ''} ${b ?? ''}`;
    case 'entry':
      return `职业 ${a ?? ''}${b ? `（工种 ${b}）` : ''}`;
    default:
      return key;
  }
}

/** Most rows (CSV/Excel) or records (JSON) one import may hold; the national datasets hold a few thousand. */
export const MAX_REFERENCE_IMPORT_ROWS = 200_000;

function rowCount(content: UploadContent): number {
  if (content.format !== 'json') return content.rows.length;
  const json = content.json as { records?: unknown } | unknown[] | null;
  if (Array.isArray(json)) return json.length;
  return json && typeof json === 'object' && Array.isArray(json.records) ? json.records.length : 0;
}

/** Refuses an import over MAX_REFERENCE_IMPORT_ROWS before any row is checked (memory and time stay bounded). */
export function checkImportSize(contents: UploadContent[]): void {
  const total = contents.reduce((n, c) => n + rowCount(c), 0);
  if (total > MAX_REFERENCE_IMPORT_ROWS) {
    const unit = contents.some((c) => c.format === 'json') ? '条' : '行';
    fileError(
      `本次导入共 ${total.toLocaleString('en-US')} ${unit}数据，超过单次导入 ${MAX_REFERENCE_IMPORT_ROWS.toLocaleString('en-US')} ${unit}的上限；参考数据通常只有数千${unit}，请检查是否选错了文件，或拆分后分批导入。`,
      { rows: total },
    );
  }
}

/** Reads the records of an import from its files (for the dictionary, a JSON of new occupations may come with it). */
export function parseDataset(kind: ReferenceDatasetKind, contents: UploadContent[]): ParsedDataset {
  checkImportSize(contents);
  const out: ParsedDataset = { records: [], rows: [], errors: [], warnings: [], rowUnit: contents.some((c) => c.format === 'json') ? '条' : '行' };
  const seen = new Map<string, number>();
  for (const content of contents) {
    if (content.format === 'json') {
      const file = ReferenceFileSchema.safeParse(Array.isArray(content.json) ? { records: content.json } : content.json);
      if (!file.success) fileError('JSON 文件结构不符：应为 {"meta": {…}, "records": […]}（或记录数组），请使用参考数据目录中的原始文件或模板格式。');
      const isNew = kind === 'occupations' && file.data.records.some((r) => typeof r === 'object' && r !== null && 'kind' in r && !('level' in r));
      const type: StoredRecord['type'] = isNew ? 'newOccupation' : TYPE_OF_KIND[kind];
      file.data.records.forEach((r, i) => accept(type, r, i + 1, out, seen));
    } else {
      mapHeaders(kind, content.headers);
      for (const e of content.rowErrors) out.errors.push(e);
      const bad = new Set(content.rowErrors.map((e) => e.row));
      for (const row of content.rows) {
        if (bad.has(row.row)) continue;
        const { type, raw } = recordOfRow(kind, fieldsOf(kind, row));
        accept(type, raw, row.row, out, seen);
      }
    }
  }
  return out;
}

/** The main record shape of each kind. */
export const TYPE_OF_KIND: Record<ReferenceDatasetKind, StoredRecord['type']> = {
  occupations: 'occupation',
  standards: 'standard',
  qualifications: 'qualification',
  shortage: 'entry',
  offered: 'entry',
};
