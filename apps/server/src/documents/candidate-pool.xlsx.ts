import ExcelJS from 'exceljs';
import { CELL_BORDER, wrappedRowHeight, landscapePrint } from './xlsx-layout.ts';

/** One candidate as the pool export lists it. */
export interface PoolExportRow {
  occupationCode: string;
  occupationName: string;
  jobTypeName: string;
  standardName: string;
  standardVersion: string;
  industries: string[];
  inShortageCatalog: boolean;
  expectedAssessments: number;
  units: { unitName: string; priority: number }[];
  reasons: string[];
  overlap: string;
}

const COLUMNS = [
  { header: '序号', width: 6 },
  { header: '职业编码', width: 13 },
  { header: '职业名称', width: 16 },
  { header: '工种', width: 14 },
  { header: '国家职业技能标准', width: 18 },
  { header: '标准版本', width: 10 },
  { header: '产业类别', width: 16 },
  { header: '急需紧缺', width: 9 },
  { header: '预计评价人次', width: 12 },
  { header: '推荐单位数', width: 10 },
  { header: '推荐单位（优先级）', width: 30 },
  { header: '推荐理由', width: 56 },
  { header: '交叉推荐', width: 12 },
];

/** The candidate pool of a campaign as one Excel sheet (候选职业库), bordered, frozen header, printable landscape. */
export async function renderCandidatePoolXlsx(title: string, rows: readonly PoolExportRow[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '征集系统';
  const ws = workbook.addWorksheet('候选职业库', {
    pageSetup: landscapePrint(2, 'narrow'),
    views: [{ state: 'frozen', ySplit: 2 }],
  });
  ws.headerFooter = { oddFooter: '&C第 &P 页 / 共 &N 页' };
  ws.columns = COLUMNS.map((c) => ({ width: c.width }));
  ws.mergeCells(1, 1, 1, COLUMNS.length);
  const head = ws.getCell(1, 1);
  head.value = `${title} — 候选职业库`;
  head.font = { name: '黑体', size: 14, bold: true };
  head.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  ws.getRow(1).height = 28;
  const header = ws.getRow(2);
  COLUMNS.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.value = c.header;
    cell.font = { name: '宋体', size: 11, bold: true };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    cell.border = CELL_BORDER;
  });
  header.height = wrappedRowHeight(
    COLUMNS.map((c) => c.header),
    COLUMNS.map((c) => c.width),
    15,
    22,
  );
  rows.forEach((r, i) => {
    const reasons = r.reasons.join('\n');
    const values = [
      i + 1,
      r.occupationCode,
      r.occupationName,
      r.jobTypeName,
      r.standardName,
      r.standardVersion,
      r.industries.join('、'),
      r.inShortageCatalog ? '是' : '否',
      r.expectedAssessments,
      r.units.length,
      r.units.map((u) => `${u.unitName}（${String(u.priority)}）`).join('、'),
      reasons,
      r.overlap,
    ];
    const row = ws.getRow(i + 3);
    values.forEach((v, j) => {
      const cell = row.getCell(j + 1);
      cell.value = v;
      cell.font = { name: '宋体', size: 10 };
      cell.alignment = { vertical: 'top', wrapText: true };
      cell.border = CELL_BORDER;
    });
    row.height = wrappedRowHeight(
      values.map(String),
      COLUMNS.map((c) => c.width),
    );
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
