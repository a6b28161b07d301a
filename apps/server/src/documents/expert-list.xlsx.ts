import ExcelJS from 'exceljs';
import { ImportFailure, readOoxmlEntries } from './guarded-unzip.ts';
import { isXlsxValuePart, readXlsxSheets } from './xlsx-reader.ts';
import { CELL_BORDER, rangeValidations } from './xlsx-layout.ts';

/** The columns of the expert list (专家名单), in template order; `*` marks the required ones. */
export const EXPERT_LIST_COLUMNS = [
  { key: 'name', label: '姓名*', width: 12 },
  { key: 'organization', label: '工作单位*', width: 28 },
  { key: 'unitName', label: '所属推荐单位（属推荐单位的填写全称）', width: 30 },
  { key: 'title', label: '职称/职务', width: 16 },
  { key: 'specialties', label: '专业领域（产业标签，用“、”分隔）', width: 30 },
  { key: 'phone', label: '联系电话', width: 16 },
  { key: 'email', label: '电子邮箱', width: 24 },
  { key: 'username', label: '登录用户名（留空则不创建账号）', width: 22 },
] as const;
/** A column key of the expert list. */
export type ExpertListKey = (typeof EXPERT_LIST_COLUMNS)[number]['key'];

/** One data row of an uploaded list: its row number in the sheet and its cells by column key. */
export interface ExpertListRow {
  row: number;
  cells: Record<ExpertListKey, string>;
}

const SHEET_NAME = '专家名单';

/** The Excel template of the expert list, with the units and industry tags on a second sheet for the dropdowns. */
export async function renderExpertTemplateXlsx(unitNames: readonly string[], tags: readonly string[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '征集系统';
  workbook.created = new Date(0);
  workbook.modified = new Date(0);
  const ws = workbook.addWorksheet(SHEET_NAME);
  ws.columns = EXPERT_LIST_COLUMNS.map((c) => ({ width: c.width }));
  const header = ws.getRow(1);
  EXPERT_LIST_COLUMNS.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.value = c.label;
    cell.font = { name: '宋体', size: 10, bold: true };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } };
    cell.border = CELL_BORDER;
  });
  header.height = 36;
  ws.getRow(2).values = ['王某某', '上海市某职业技术学院', '', '教授', tags.slice(0, 2).join('、'), '13800000000', 'wang@example.com', 'wangmm'];
  ws.views = [{ state: 'frozen', ySplit: 1, xSplit: 0 }];
  ws.pageSetup = {
    paperSize: 9,
    orientation: 'landscape',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    printTitlesRow: '1:1',
    margins: { left: 0.5, right: 0.5, top: 0.7, bottom: 0.7, header: 0.3, footer: 0.3 },
  };
  ws.headerFooter = { oddFooter: '&C第 &P 页 / 共 &N 页' };
  const lists = workbook.addWorksheet('可选值');
  lists.columns = [
    { header: '推荐单位', width: 34 },
    { header: '产业标签', width: 16 },
  ];
  unitNames.forEach((n, i) => (lists.getCell(`A${i + 2}`).value = n));
  tags.forEach((t, i) => (lists.getCell(`B${i + 2}`).value = t));
  if (unitNames.length > 0) {
    rangeValidations(ws).add('C2:C2001', { type: 'list', allowBlank: true, formulae: [`'可选值'!$A$2:$A$${unitNames.length + 1}`] });
  }
  const bytes = await workbook.xlsx.writeBuffer();
  return Buffer.from(bytes as ArrayBuffer);
}

const compact = (t: string) => t.normalize('NFKC').replace(/\s+/g, '').replace(/\*$/, '');

function columnOf(text: string): ExpertListKey | null {
  const t = compact(text);
  if (t === '') return null;
  const found = EXPERT_LIST_COLUMNS.find((c) => compact(c.label) === t || compact(c.label).startsWith(t));
  if (found) return found.key;
  if (t.includes('推荐单位')) return 'unitName';
  if (t.includes('工作单位') || t === '单位') return 'organization';
  if (t.includes('姓名')) return 'name';
  if (t.includes('职称') || t.includes('职务')) return 'title';
  if (t.includes('专业') || t.includes('领域')) return 'specialties';
  if (t.includes('电话') || t.includes('手机')) return 'phone';
  if (t.includes('邮箱')) return 'email';
  if (t.includes('用户名') || t.includes('账号')) return 'username';
  return null;
}

/** Reads the first sheet of an expert list (.xlsx): the header row found by its labels, then the data rows. */
export async function readExpertListXlsx(bytes: Buffer): Promise<ExpertListRow[]> {
  const sheets = readXlsxSheets(await readOoxmlEntries(bytes, 'xlsx', isXlsxValuePart), 20);
  const sheet = sheets.find((s) => s.visible) ?? sheets[0];
  if (!sheet) throw new ImportFailure('Excel 文件中没有工作表，请使用下载的模板填写后重新导入。');
  let headerRow = -1;
  let map = new Map<ExpertListKey, number>();
  for (let r = 0; r < Math.min(sheet.rowCount, 10) && headerRow < 0; r++) {
    const cells = sheet.cells.get(r) ?? new Map<number, string>();
    const m = new Map<ExpertListKey, number>();
    for (const [c, text] of cells) {
      const key = columnOf(text);
      if (key && !m.has(key)) m.set(key, c);
    }
    if (m.has('name') && m.has('organization')) {
      headerRow = r;
      map = m;
    }
  }
  if (headerRow < 0) throw new ImportFailure('未找到表头（须含“姓名”和“工作单位”两列），请使用下载的模板填写后重新导入。');
  const rows: ExpertListRow[] = [];
  for (let r = headerRow + 1; r < sheet.rowCount; r++) {
    const cells = sheet.cells.get(r);
    if (!cells) continue;
    const values = Object.fromEntries(EXPERT_LIST_COLUMNS.map((c) => [c.key, (cells.get(map.get(c.key) ?? -1) ?? '').trim()])) as Record<ExpertListKey, string>;
    if (Object.values(values).every((v) => v === '')) continue;
    rows.push({ row: r + 1, cells: values });
  }
  return rows;
}
