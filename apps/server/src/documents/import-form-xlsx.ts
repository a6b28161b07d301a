import { FORM_COLUMNS } from './form-layout.ts';
import { failedImport, type FormImportResult, type ImportOptions } from './import-common.ts';
import { ImportFailure, readOoxmlEntries } from './guarded-unzip.ts';
import { extractHeader, isHeaderRow, readTableRows, type TextTable } from './import-table.ts';
import { isXlsxValuePart, readXlsxSheets, type SheetCells } from './xlsx-reader.ts';

/** Reads a filled Excel template (or an exported Excel 推荐表) into header fields, rows and problems. */

/** Columns looked at: the template has ten, but a unit may have inserted a few. */
const MAX_COLUMNS = 40;
/** Rows searched for the header row. */
const HEADER_SEARCH_ROWS = 50;

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/**
 * The sheet as a text grid. A merged range's text stands in its top-left cell; cells below it (vertical
 * merge) repeat it and are marked, cells to its right stay empty so that they do not fill other columns.
 */
function sheetTable(sheet: SheetCells): TextTable {
  const table: TextTable = { rows: [] };
  for (let r = 0; r < sheet.rowCount; r += 1) {
    const values = sheet.cells.get(r);
    const width = values === undefined ? 0 : Math.max(...values.keys()) + 1;
    const cells = Array.from({ length: width }, (_, c) => values?.get(c) ?? '');
    table.rows.push({ cells, label: `工作表第 ${r + 1} 行`, mergedColumns: [] });
  }
  for (const m of sheet.merges) {
    const text = sheet.cells.get(m.top)?.get(m.left) ?? '';
    if (text === '') continue;
    for (let r = m.top + 1; r <= Math.min(m.bottom, sheet.rowCount - 1); r += 1) {
      const row = table.rows[r];
      if (row === undefined) continue;
      while (row.cells.length <= m.left) row.cells.push('');
      row.cells[m.left] = text;
      row.mergedColumns?.push(m.left);
    }
  }
  return table;
}

/** An Excel date serial (days since 1899-12-30) as an ISO date. */
function serialDate(text: string): string {
  const date = new Date(Date.UTC(1899, 11, 30) + Math.floor(Number(text)) * 86_400_000);
  return `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
}

/** A row as one line; a date serial after the 填表日期 label (a date cell keeps only its number) becomes a date. */
function lineOf(cells: readonly string[]): string {
  let afterDateLabel = false;
  return cells
    .map((cell) => {
      const text = afterDateLabel && /^\d{5}(\.\d+)?$/.test(cell.trim()) ? serialDate(cell.trim()) : cell;
      if (cell.trim() !== '') afterDateLabel = /填表日期\s*[：:]?\s*$/.test(cell);
      return text;
    })
    .join('\t');
}

/** Lines above the header row and from the 联系人 line on; data rows are not searched, so a reason cannot fill them. */
function headerLines(table: TextTable, headerIndex: number): string[] {
  const stop = table.rows.findIndex((row, i) => i > headerIndex && row.cells.some((c) => /^\s*联系人\s*[：:]/.test(c)));
  const rows = [...table.rows.slice(0, headerIndex), ...(stop < 0 ? [] : table.rows.slice(stop))];
  return rows.map((row) => lineOf(row.cells));
}

async function loadSheets(bytes: Buffer, options: ImportOptions): Promise<SheetCells[]> {
  const entries = await readOoxmlEntries(bytes, 'xlsx', (name) => isXlsxValuePart(name) || name === 'word/document.xml', options);
  if (!entries.has('xl/workbook.xml')) {
    throw new ImportFailure(
      entries.has('word/document.xml')
        ? '这是 Word 文件，不是 Excel 文件；请改用“导入 Word 推荐表”。'
        : '文件中没有 Excel 工作簿内容，可能不是 .xlsx 文件。请在 Excel 或 WPS 中打开并另存为 .xlsx 后重新导入。',
    );
  }
  return readXlsxSheets(entries, MAX_COLUMNS);
}

/** Imports a filled template: finds the sheet and row holding the notice's header, matches columns by name. */
export async function importFormXlsx(bytes: Buffer, options: ImportOptions = {}): Promise<FormImportResult> {
  let sheets: SheetCells[];
  try {
    sheets = await loadSheets(bytes, options);
  } catch (error) {
    return failedImport(error);
  }
  for (const sheet of sheets.filter((s) => s.visible)) {
    const table = sheetTable(sheet);
    const headerIndex = table.rows.slice(0, HEADER_SEARCH_ROWS).findIndex((row) => isHeaderRow(row.cells));
    if (headerIndex < 0) continue;
    const { rows, problems } = readTableRows(table, headerIndex);
    return { header: extractHeader(headerLines(table, headerIndex)), rows, problems };
  }
  const expected = FORM_COLUMNS.map((c) => c.label).join('、');
  return { header: {}, rows: [], problems: [{ message: `未在工作簿中找到推荐表的表头（${expected}）。请使用系统提供的导入模板，不要删除表头行。` }] };
}
