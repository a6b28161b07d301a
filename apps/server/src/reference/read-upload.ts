import iconv from 'iconv-lite';
import { CONTROL_CHARACTER_MESSAGE, DomainError, findTextProblem, hasControlCharacters } from '@zhengji/domain';
import { ImportFailure, readOoxmlEntries } from '../documents/guarded-unzip.ts';
import { isXlsxValuePart, readXlsxSheets, type SheetCells } from '../documents/xlsx-reader.ts';

/** The upload limit of a reference file (the multipart plugin enforces the same). */
export const MAX_REFERENCE_FILE_BYTES = 20 * 1024 * 1024;

/** A data row of a CSV or Excel file: its row number in the file (header = row 1 usually) and cells by header. */
export interface TableRow {
  row: number;
  cells: Record<string, string>;
}

/** What an uploaded file contained, before any dataset-specific checks. */
export type UploadContent =
  | { format: 'json'; encoding: string; json: unknown }
  | { format: 'csv' | 'xlsx'; encoding: string; headers: string[]; headerRow: number; rows: TableRow[]; rowErrors: { row: number; message: string }[] };

/** Notes on how a file was read (encoding fall-backs, BOM), for the import report. */
export interface ReadNotes {
  warnings: string[];
}

const UNTOUCHED = '当前生效版本未受影响。';

/** Fails a whole file: nothing is imported and the message says how to fix it. */
export function fileError(message: string, details?: Record<string, unknown>): never {
  throw new DomainError('VALIDATION', `${message}${UNTOUCHED}`, details);
}

/** Decodes text: UTF-8 (BOM stripped) when valid, else GB18030 (a superset of GBK, as saved by WPS / Excel). */
export function decodeText(bytes: Buffer, notes: ReadNotes): { text: string; encoding: string } {
  try {
    // TextDecoder drops a leading BOM itself; look at the bytes to say so in the report.
    const hasBom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return { text, encoding: hasBom ? 'UTF-8（带 BOM）' : 'UTF-8' };
  } catch {
    notes.warnings.push('文件不是 UTF-8 编码，已按 GB18030（GBK）解码；请核对预览中的中文是否正确，如有乱码请另存为“CSV UTF-8”后重新导入。');
    return { text: iconv.decode(bytes, 'gb18030'), encoding: 'GB18030（GBK）' };
  }
}

function isZip(b: Buffer): boolean {
  return b.length >= 4 && b[0] === 0x50 && b[1] === 0x4b && (b[2] === 0x03 || b[2] === 0x05) && (b[3] === 0x04 || b[3] === 0x06);
}
function isOle(b: Buffer): boolean {
  return b.length >= 4 && b[0] === 0xd0 && b[1] === 0xcf && b[2] === 0x11 && b[3] === 0xe0;
}

/** Line and column of a character offset, for JSON syntax errors. */
function lineColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - before.lastIndexOf('\n') };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (err) {
    const msg = err instanceof Error ? err.message : '';
    const pos = /position (\d+)/.exec(msg);
    if (pos?.[1]) {
      const { line, column } = lineColumn(text, Number(pos[1]));
      fileError(`JSON 格式错误：第 ${line} 行第 ${column} 列附近无法解析，文件可能被截断或手工修改有误；请用原始文件重新导入。`, { line, column });
    }
    fileError('JSON 格式错误：文件不完整（可能被截断）或不是合法的 JSON；请用原始文件重新导入。');
  }
}

/** Reads an uploaded reference file: JSON, CSV (UTF-8 or GBK) or Excel .xlsx, detected from its bytes and name. */
export async function readUpload(bytes: Buffer, fileName: string, notes: ReadNotes): Promise<UploadContent> {
  if (bytes.length === 0) fileError(`文件“${fileName}”是空的，请选择包含数据的文件。`);
  if (bytes.length > MAX_REFERENCE_FILE_BYTES) throw new DomainError('PAYLOAD_TOO_LARGE', `文件超过 20 MB 上限，请拆分或精简后重新导入。${UNTOUCHED}`);
  const lower = fileName.toLowerCase();
  if (isOle(bytes) || lower.endsWith('.xls')) fileError('不支持旧版 Excel 97-2003（.xls）格式，请在 Excel 或 WPS 中“另存为” .xlsx 后重新导入。');
  if (isZip(bytes) || lower.endsWith('.xlsx')) return readXlsx(bytes);
  const { text, encoding } = decodeText(bytes, notes);
  const trimmed = text.trimStart();
  if (lower.endsWith('.json') || trimmed.startsWith('{') || trimmed.startsWith('[')) {
    const json = parseJson(text);
    const bad = findTextProblem(json);
    if (bad) fileError(`JSON 文件中“${bad.path.join('.')}”的内容${bad.message}。`, { path: bad.path.join('.') });
    return { format: 'json', encoding, json };
  }
  if (lower.endsWith('.csv') || lower.endsWith('.txt') || lower.endsWith('.tsv')) return { format: 'csv', encoding, ...parseCsv(text) };
  fileError(`无法识别文件“${fileName}”的格式：请上传 JSON、CSV（.csv）或 Excel（.xlsx）文件。`);
}

function tableFromMatrix(matrix: { row: number; values: string[] }[], format: 'csv' | 'xlsx') {
  const first = matrix.findIndex((r) => r.values.some((v) => v.trim() !== ''));
  if (first < 0) fileError(`${format === 'csv' ? 'CSV' : 'Excel'} 文件中没有数据：第一行应为表头，其后每行一条记录。`);
  const header = matrix[first]!;
  const headers = header.values.map((h) => h.replace(/^\uFEFF/, '').trim());
  const dirtyHeader = headers.findIndex((h) => hasControlCharacters(h));
  if (dirtyHeader >= 0) fileError(`表头第 ${String(dirtyHeader + 1)} 列${CONTROL_CHARACTER_MESSAGE}。`, { row: header.row });
  const rows: TableRow[] = [];
  const rowErrors: { row: number; message: string }[] = [];
  for (const r of matrix.slice(first + 1)) {
    if (r.values.every((v) => v.trim() === '')) continue;
    const extra = r.values.slice(headers.length).some((v) => v.trim() !== '');
    if (extra) rowErrors.push({ row: r.row, message: `该行有 ${r.values.length} 列，多于表头的 ${headers.length} 列（可能有未加引号的逗号）` });
    const cells: Record<string, string> = {};
    const dirty = r.values.findIndex((v) => hasControlCharacters(v));
    if (dirty >= 0)
      fileError(
        `第 ${String(r.row)} 行“${headers[dirty] || `第 ${String(dirty + 1)} 列`}”${CONTROL_CHARACTER_MESSAGE}（如文件不是 UTF-8 或 GBK 编码，请另存为“CSV UTF-8”）。`,
        { row: r.row },
      );
    headers.forEach((h, i) => {
      if (h !== '') cells[h] = (r.values[i] ?? '').trim();
    });
    rows.push({ row: r.row, cells });
  }
  return { headers, headerRow: header.row, rows, rowErrors };
}

/** RFC 4180 CSV (comma, or tab when the header has tabs and no commas); an unclosed quote fails the file with its line. */
export function parseCsv(text: string) {
  const firstLine = text.slice(0, text.indexOf('\n') >>> 0);
  const sep = !firstLine.includes(',') && firstLine.includes('\t') ? '\t' : ',';
  const matrix: { row: number; values: string[] }[] = [];
  let line = 1;
  let rowStart = 1;
  let field = '';
  let values: string[] = [];
  let quoted = false;
  let quoteLine = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else {
        if (ch === '\n') line++;
        field += ch;
      }
      continue;
    }
    if (ch === '"' && field === '') {
      quoted = true;
      quoteLine = line;
    } else if (ch === sep) {
      values.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      values.push(field);
      matrix.push({ row: rowStart, values });
      values = [];
      field = '';
      line++;
      rowStart = line;
    } else field += ch;
  }
  if (quoted) fileError(`CSV 格式错误：第 ${quoteLine} 行的引号没有闭合，文件可能被截断；请检查该行或重新导出文件。`, { row: quoteLine });
  if (field !== '' || values.length > 0) {
    values.push(field);
    matrix.push({ row: rowStart, values });
  }
  return tableFromMatrix(matrix, 'csv');
}

/** Columns read from a sheet; a reference list has a handful. */
const MAX_XLSX_COLUMNS = 256;

/** The first sheet of an .xlsx, read by the one guarded unzip and the one xlsx reader of the server. */
async function readXlsx(bytes: Buffer): Promise<UploadContent> {
  let sheet: SheetCells | undefined;
  try {
    [sheet] = readXlsxSheets(await readOoxmlEntries(bytes, 'xlsx', isXlsxValuePart), MAX_XLSX_COLUMNS);
  } catch (e) {
    if (e instanceof ImportFailure) fileError(e.message);
    throw e;
  }
  if (!sheet) fileError('Excel 文件中没有工作表。');
  let width = 0;
  for (const row of sheet.cells.values()) for (const c of row.keys()) width = Math.max(width, c + 1);
  const matrix = [...sheet.cells.entries()]
    .sort(([a], [b]) => a - b)
    .map(([r, row]) => ({ row: r + 1, values: Array.from({ length: width }, (_, c) => row.get(c) ?? '') }));
  return { format: 'xlsx', encoding: 'Excel（.xlsx）', ...tableFromMatrix(matrix, 'xlsx') };
}
