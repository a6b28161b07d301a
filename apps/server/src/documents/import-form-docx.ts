import { XMLParser } from 'fast-xml-parser';
import { FORM_COLUMNS } from './form-layout.ts';
import { failedImport, type FormImportResult, type ImportOptions } from './import-common.ts';
import { ImportFailure, readOoxmlEntries } from './guarded-unzip.ts';
import { extractHeader, isHeaderRow, readTableRows, type TextTable } from './import-table.ts';

/** Reads a Word 推荐表: the table with the notice's header, wherever it stands, and the header fields around it. */

const DOCUMENT_XML = 'word/document.xml';

/** A node of fast-xml-parser's ordered output: `{ tag: children, ':@': attributes }` or `{ '#text': text }`. */
type XmlNode = Record<string, unknown>;

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  processEntities: true,
  htmlEntities: false,
});

function tagOf(node: XmlNode): string {
  for (const key of Object.keys(node)) if (key !== ':@') return key;
  return '';
}

function childrenOf(node: XmlNode): XmlNode[] {
  const value = node[tagOf(node)];
  return Array.isArray(value) ? (value as XmlNode[]) : [];
}

function attr(node: XmlNode, name: string): string | undefined {
  const attrs = node[':@'] as Record<string, unknown> | undefined;
  const value = attrs?.[name];
  return typeof value === 'string' ? value : undefined;
}

function child(node: XmlNode, tag: string): XmlNode | undefined {
  return childrenOf(node).find((c) => tagOf(c) === tag);
}

/** Text of runs below a node: w:t, tabs, breaks; paragraphs end with a line break. Deleted text is skipped. */
function textOf(node: XmlNode, out: string[] = []): string[] {
  const tag = tagOf(node);
  if (tag === '#text') {
    out.push(String(node['#text']));
    return out;
  }
  if (tag === 'w:del' || tag === 'w:instrText' || tag === 'w:tcPr' || tag === 'w:rPr' || tag === 'w:pPr') return out;
  if (tag === 'w:tab') out.push('\t');
  else if (tag === 'w:br' || tag === 'w:cr') out.push('\n');
  for (const c of childrenOf(node)) textOf(c, out);
  if (tag === 'w:p') out.push('\n');
  return out;
}

function cellText(tc: XmlNode): string {
  return textOf(tc).join('').replace(/\n+$/, '');
}

/** Cells of a row, also inside content controls (w:sdt) and custom XML wrappers. */
function rowCells(node: XmlNode, out: XmlNode[] = []): XmlNode[] {
  for (const c of childrenOf(node)) {
    const tag = tagOf(c);
    if (tag === 'w:tc') out.push(c);
    else if (tag === 'w:sdt' || tag === 'w:sdtContent' || tag === 'w:customXml') rowCells(c, out);
  }
  return out;
}

function tableRows(tbl: XmlNode, out: XmlNode[] = []): XmlNode[] {
  for (const c of childrenOf(tbl)) {
    const tag = tagOf(c);
    if (tag === 'w:tr') out.push(c);
    else if (tag === 'w:sdt' || tag === 'w:sdtContent' || tag === 'w:customXml') tableRows(c, out);
  }
  return out;
}

/** The table as a grid of texts: gridSpan keeps later cells in their columns, vMerge repeats the text above. */
function gridOf(tbl: XmlNode): TextTable {
  const table: TextTable = { rows: [] };
  let previous: string[] = [];
  for (const tr of tableRows(tbl)) {
    const cells: string[] = [];
    const mergedColumns: number[] = [];
    const before = child(child(tr, 'w:trPr') ?? {}, 'w:gridBefore');
    for (let i = 0; i < Number(before === undefined ? 0 : (attr(before, 'w:val') ?? 0)); i += 1) cells.push('');
    for (const tc of rowCells(tr)) {
      const tcPr = child(tc, 'w:tcPr');
      const span = Math.max(1, Number(attr(child(tcPr ?? {}, 'w:gridSpan') ?? {}, 'w:val') ?? 1) || 1);
      const vMerge = tcPr === undefined ? undefined : child(tcPr, 'w:vMerge');
      const isContinuation = vMerge !== undefined && (attr(vMerge, 'w:val') ?? 'continue') === 'continue';
      const column = cells.length;
      const text = isContinuation ? (previous[column] ?? '') : cellText(tc);
      if (isContinuation && text !== '') mergedColumns.push(column);
      cells.push(text);
      for (let i = 1; i < span; i += 1) cells.push('');
    }
    table.rows.push({ cells, mergedColumns });
    previous = cells;
  }
  return table;
}

interface Found {
  tables: XmlNode[];
  /** Lines outside the tables: paragraphs, and each row of other tables joined by tabs. */
  lines: string[];
}

function collect(node: XmlNode, found: Found): void {
  const tag = tagOf(node);
  if (tag === 'w:tbl') {
    found.tables.push(node);
    return;
  }
  if (tag === 'w:p') {
    found.lines.push(cellText(node));
    return;
  }
  for (const c of childrenOf(node)) collect(c, found);
}

function parseDocumentXml(xml: string): XmlNode[] {
  if (/<!DOCTYPE/i.test(xml.slice(0, 4096)))
    throw new ImportFailure('Word 文件中含有不允许的 XML 声明（DOCTYPE），系统拒绝读取。请另存为新的 .docx 后重新导入。');
  try {
    return parser.parse(xml) as XmlNode[];
  } catch {
    throw new ImportFailure('Word 文件的正文内容已损坏，无法读取。请在 Word 或 WPS 中打开并另存为 .docx 后重新导入。');
  }
}

/** Imports a Word 推荐表: the first table with the notice's header row (nested tables included). */
export async function importFormDocx(bytes: Buffer, options: ImportOptions = {}): Promise<FormImportResult> {
  try {
    const entries = await readOoxmlEntries(bytes, 'docx', (name) => name === DOCUMENT_XML || name === 'xl/workbook.xml', options);
    const xml = entries.get(DOCUMENT_XML);
    if (xml === undefined) {
      throw new ImportFailure(
        entries.has('xl/workbook.xml')
          ? '这是 Excel 文件，不是 Word 文件；请改用“导入 Excel 模板”。'
          : '文件中没有 Word 正文，可能不是 .docx 文件。请在 Word 或 WPS 中打开并另存为 .docx 后重新导入。',
      );
    }
    const found: Found = { tables: [], lines: [] };
    for (const node of parseDocumentXml(xml.toString('utf8'))) collect(node, found);
    return readFromTables(found);
  } catch (error) {
    return failedImport(error);
  }
}

function readFromTables(found: Found): FormImportResult {
  const queue = [...found.tables];
  while (queue.length > 0) {
    const tbl = queue.shift();
    if (tbl === undefined) break;
    const grid = gridOf(tbl);
    const headerIndex = grid.rows.slice(0, 5).findIndex((row) => isHeaderRow(row.cells));
    if (headerIndex < 0) {
      // A layout table may hold the form in one of its cells: look inside, and keep its rows as header lines.
      const inner: Found = { tables: [], lines: [] };
      for (const c of childrenOf(tbl)) collectNested(c, inner);
      queue.unshift(...inner.tables);
      found.lines.push(...grid.rows.map((row) => row.cells.join('\t')));
      continue;
    }
    const { rows, problems } = readTableRows(grid, headerIndex);
    return { header: extractHeader(found.lines), rows, problems };
  }
  const expected = FORM_COLUMNS.map((c) => c.label).join('、');
  return { header: extractHeader(found.lines), rows: [], problems: [{ message: `未在 Word 文件中找到推荐表（表头应为：${expected}）。` }] };
}

function collectNested(node: XmlNode, found: Found): void {
  if (tagOf(node) === 'w:tbl') {
    found.tables.push(node);
    return;
  }
  for (const c of childrenOf(node)) collectNested(c, found);
}
