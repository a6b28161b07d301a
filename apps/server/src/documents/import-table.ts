import { EXPECTED_MAX, FORM_MAX_ROWS, INDUSTRY_TAG_MAX_LENGTH, REASON_MAX_LENGTH, type FormRow } from '@zhengji/domain/form/form.schemas.ts';
import { FORM_COLUMNS, type FormColumnKey } from './form-layout.ts';
import type { FormImportResult, ImportProblem } from './import-common.ts';

/** Reads the notice's table (whatever file it came from) into rows: columns matched by name, values checked. */

/** A table as text: each row's cells in grid order; `label` names the row in messages (e.g. 工作表第 7 行). */
export interface TextTable {
  rows: { cells: string[]; label?: string; mergedColumns?: number[] }[];
}

const LABEL_OF = Object.fromEntries(FORM_COLUMNS.map((c) => [c.key, c.label])) as Record<FormColumnKey, string>;

function compact(text: string): string {
  return text.normalize('NFKC').replace(/\s+/g, '');
}

/** The field a header cell names, tolerant of the wordings units use (e.g. 国家职业标准名称, 版本号). */
export function matchColumn(headerText: string): FormColumnKey | null {
  const t = compact(headerText);
  if (t === '') return null;
  if (t.includes('序号')) return 'priority';
  if (t.includes('编码') || t.includes('代码')) return 'occupationCode';
  if (t.includes('紧缺')) return 'inShortageCatalog';
  if (t.includes('版本')) return 'standardVersion';
  if (t.includes('标准')) return 'standardName';
  if (t.includes('产业')) return 'industries';
  if (t.includes('人次')) return 'expectedAssessments';
  if (t.includes('理由')) return 'reason';
  if (t === '工种' || t === '工种名称' || t === '工种(如有)') return 'jobTypeName';
  if (t === '职业' || t === '职业名称') return 'occupationName';
  return null;
}

/** Column index of each field found in a header row (first occurrence wins). */
export function mapColumns(cells: readonly string[]): Map<FormColumnKey, number> {
  const map = new Map<FormColumnKey, number>();
  cells.forEach((text, i) => {
    const key = matchColumn(text);
    if (key !== null && !map.has(key)) map.set(key, i);
  });
  return map;
}

/** Whether a row looks like the notice's header row (at least six of the ten columns named). */
export function isHeaderRow(cells: readonly string[]): boolean {
  return mapColumns(cells).size >= 6;
}

/** Normalises an occupation code: full-width digits, dashes and spaces → `4-10-01-05`. */
export function normalizeCode(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[\u2010-\u2015\u2212\u30fc\ufe58\ufe63\uff0d]/g, '-')
    .replace(/\s+/g, '');
}

/** 是/否/Y/N/√/× and friends; undefined when the text is none of them. */
export function parseShortage(text: string): boolean | null | undefined {
  const t = compact(text).toLowerCase();
  if (t === '') return null;
  if (['是', 'y', 'yes', 'true', '√', '✓', '已纳入', '1'].includes(t)) return true;
  if (['否', 'n', 'no', 'false', '×', '✗', '未纳入', '0'].includes(t)) return false;
  return undefined;
}

/** Industry tags split on 、 , ， ; ； and line breaks, trimmed, without duplicates. */
export function splitIndustries(text: string): string[] {
  const tags = text
    .split(/[、,，;；\n\r/／]+/)
    .map((t) => t.trim())
    .filter((t) => t !== '');
  return [...new Set(tags)];
}

/** A whole number of assessments, strictly: digits (optionally grouped by commas), nothing else. */
export function parseExpected(text: string): number | null | 'invalid' {
  const t = text.normalize('NFKC').trim();
  if (t === '') return null;
  if (!/^(\d+|\d{1,3}(,\d{3})+)$/.test(t)) return 'invalid';
  const value = Number(t.replace(/,/g, ''));
  return Number.isSafeInteger(value) ? value : 'invalid';
}

function cleanText(text: string): string {
  return text.replace(/\r\n?/g, '\n').trim();
}

function rowFromCells(cells: readonly string[], columns: Map<FormColumnKey, number>, at: (column: FormColumnKey, message: string) => void): FormRow {
  const cell = (key: FormColumnKey): string => {
    const index = columns.get(key);
    return index === undefined ? '' : cleanText(cells[index] ?? '');
  };
  const shortage = parseShortage(cell('inShortageCatalog'));
  if (shortage === undefined) at('inShortageCatalog', `“${cell('inShortageCatalog')}”无法识别，请填写“是”或“否”`);
  const expectedText = cell('expectedAssessments');
  const expected = parseExpected(expectedText);
  if (expected === 'invalid') at('expectedAssessments', `“${expectedText}”不是有效的人次，请填写大于等于 1 的整数（不要填写小数、负数或文字）`);
  else if (expected !== null && expected > EXPECTED_MAX) at('expectedAssessments', `${expected} 超过上限 ${EXPECTED_MAX}，请核实`);
  const industries = splitIndustries(cell('industries'));
  for (const tag of industries.filter((t) => t.length > INDUSTRY_TAG_MAX_LENGTH)) {
    at('industries', `产业标签“${tag}”超过 ${INDUSTRY_TAG_MAX_LENGTH} 个字，多个标签请用“、”隔开`);
  }
  const reason = cell('reason');
  if (reason.length > REASON_MAX_LENGTH) at('reason', `推荐理由共 ${reason.length} 字，超过 ${REASON_MAX_LENGTH} 字的上限，请精简`);
  return {
    occupationCode: normalizeCode(cell('occupationCode')),
    occupationName: cell('occupationName'),
    jobTypeName: cell('jobTypeName'),
    standardName: cell('standardName'),
    standardVersion: cell('standardVersion'),
    inShortageCatalog: shortage ?? null,
    industries: industries.filter((t) => t.length <= INDUSTRY_TAG_MAX_LENGTH),
    expectedAssessments: expected === 'invalid' || (expected !== null && expected > EXPECTED_MAX) ? null : expected,
    reason,
  };
}

const REQUIRED_COLUMNS: readonly FormColumnKey[] = FORM_COLUMNS.map((c) => c.key).filter((k) => k !== 'priority');

/** Reads the data rows below a header row: skips empty rows and repeated header rows, stops at the 联系人 line. */
export function readTableRows(table: TextTable, headerIndex: number): Pick<FormImportResult, 'rows' | 'problems'> {
  const headerCells = table.rows[headerIndex]?.cells ?? [];
  const columns = mapColumns(headerCells);
  const problems: ImportProblem[] = [];
  for (const key of REQUIRED_COLUMNS.filter((k) => !columns.has(k))) {
    problems.push({ column: LABEL_OF[key], message: `未找到“${LABEL_OF[key]}”列，该列内容未能导入；请不要删除或改名模板的表头` });
  }
  const rows: FormRow[] = [];
  const dataIndexes = [...columns].filter(([key]) => key !== 'priority').map(([, i]) => i);
  let skipped = 0;
  for (const { cells, label, mergedColumns } of table.rows.slice(headerIndex + 1)) {
    if (cells.some((c) => /^\s*(联系人|填表说明)\s*[：:]?/.test(c))) break;
    if (dataIndexes.every((i) => (cells[i] ?? '').trim() === '')) continue;
    if (rows.length >= FORM_MAX_ROWS) {
      skipped += 1;
      continue;
    }
    if (isHeaderRow(cells)) continue;
    const rowNumber = rows.length + 1;
    const where = label === undefined ? `第 ${rowNumber} 行` : `第 ${rowNumber} 行（${label}）`;
    const at = (key: FormColumnKey, message: string): void => {
      problems.push({ row: rowNumber, column: LABEL_OF[key], message: `${where}“${LABEL_OF[key]}”：${message}` });
    };
    rows.push(rowFromCells(cells, columns, at));
    for (const [key, index] of columns) {
      if (key !== 'priority' && mergedColumns?.includes(index) === true) at(key, '位于合并单元格中，已按合并内容填入本行，请核对');
    }
  }
  if (skipped > 0) {
    problems.push({
      message: `表格共有 ${rows.length + skipped} 行数据，推荐表最多 ${FORM_MAX_ROWS} 行；只读取了前 ${FORM_MAX_ROWS} 行，其余 ${skipped} 行未导入，请按优先级删减后重新导入`,
    });
  }
  return { rows, problems };
}

const STOP = '(?=[\\s_]*(?:推荐单位|联系人|联系方式|联系电话|填表日期|\\d{4}\\s*年|$))';
const UNIT_RE = new RegExp(`推荐单位[^：:]{0,8}[：:]([\\s\\S]*?)${STOP}`);
const CONTACT_RE = new RegExp(`联系人[：:]([\\s\\S]*?)${STOP}`);
const PHONE_RE = new RegExp(`(?:联系方式|联系电话)[：:]([\\s\\S]*?)${STOP}`);
const CN_DATE_RE = /(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日/;
const ISO_DATE_RE = /填表日期[：:][\s_]*(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})/;

function headerValue(match: RegExpMatchArray | null): string | undefined {
  const value = match?.[1]?.replace(/[_\s\u3000]+/g, ' ').trim();
  return value === undefined || value === '' ? undefined : value;
}

function isoDate(match: RegExpMatchArray | null): string | undefined {
  if (match === null) return undefined;
  const [y, m, d] = [match[1], match[2], match[3]].map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return undefined;
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** Header fields found in the lines around the table (推荐单位, 联系人, 联系方式, the fill date). */
export function extractHeader(lines: readonly string[]): FormImportResult['header'] {
  const header: FormImportResult['header'] = {};
  for (const raw of lines) {
    const line = raw.replace(/\t/g, ' ');
    header.unitName ??= headerValue(line.match(UNIT_RE));
    header.contactName ??= headerValue(line.match(CONTACT_RE));
    header.contactPhone ??= headerValue(line.match(PHONE_RE));
    header.fillDate ??= isoDate(line.match(CN_DATE_RE)) ?? isoDate(line.match(ISO_DATE_RE));
  }
  return header;
}
