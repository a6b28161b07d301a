import ExcelJS from 'exceljs';
import { CELL_BORDER, wrappedRowHeight, landscapePrint } from './xlsx-layout.ts';
import { SUMMARY_HEADER, SUMMARY_TITLE, summaryCells, type SummaryData } from './review-layout.ts';

const WIDTHS = [6, 13, 18, 14, 34, 9, 9, 7, 7, 7, 9, 9, 10, 10, 30];

/** The 评审结果汇总表 as Excel (A4 landscape, fit to width, header row repeated, frozen). */
export async function renderSummaryXlsx(data: SummaryData): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '征集系统';
  workbook.created = new Date(0);
  workbook.modified = new Date(0);
  const ws = workbook.addWorksheet('评审结果汇总');
  ws.columns = WIDTHS.map((width) => ({ width }));
  ws.mergeCells(1, 1, 1, SUMMARY_HEADER.length);
  const title = ws.getCell('A1');
  title.value = `${SUMMARY_TITLE}（${data.campaignTitle}）`;
  title.font = { name: '黑体', size: 14, bold: true };
  title.alignment = { horizontal: 'center', vertical: 'middle' };
  ws.getRow(1).height = 30;
  ws.mergeCells(2, 1, 2, SUMMARY_HEADER.length);
  ws.getCell('A2').value = `评审指标及权重：${data.criteria.map((c) => `${c.name}（${String(c.weight)}）`).join('；')}　　导出时间：${data.printedAt}`;
  ws.getCell('A2').font = { name: '宋体', size: 10 };
  ws.getCell('A2').alignment = { wrapText: true, vertical: 'top' };
  ws.getRow(2).height = wrappedRowHeight([String(ws.getCell('A2').value)], [WIDTHS.reduce((a, b) => a + b, 0)], 14, 18);
  const header = ws.getRow(3);
  SUMMARY_HEADER.forEach((h, i) => {
    const cell = header.getCell(i + 1);
    cell.value = h;
    cell.font = { name: '宋体', size: 10, bold: true };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } };
    cell.border = CELL_BORDER;
  });
  header.height = wrappedRowHeight(SUMMARY_HEADER.map(String), WIDTHS, 14, 22);
  data.rows.forEach((row, i) => {
    const r = ws.getRow(4 + i);
    const cells = summaryCells(row, i);
    // Row heights are written out: exceljs has no auto-fit, and without them wrapped 推荐单位 overlap the next rows.
    r.height = wrappedRowHeight(cells.map(String), WIDTHS);
    cells.forEach((v, j) => {
      const cell = r.getCell(j + 1);
      cell.value = j === 6 && row.weightedMean !== null ? Number(row.weightedMean.toFixed(2)) : v;
      if (j === 1) cell.numFmt = '@';
      cell.font = { name: '宋体', size: 10 };
      cell.alignment = { vertical: 'middle', horizontal: j === 4 || j === 14 ? 'left' : 'center', wrapText: true };
      cell.border = CELL_BORDER;
    });
  });
  ws.views = [{ state: 'frozen', ySplit: 3, xSplit: 0 }];
  ws.autoFilter = { from: { row: 3, column: 1 }, to: { row: 3 + data.rows.length, column: SUMMARY_HEADER.length } };
  ws.pageSetup = landscapePrint(3, 'narrow');
  ws.headerFooter = { oddFooter: `&C第 &P 页 / 共 &N 页　　导出时间：${data.printedAt.replace(/&/g, '&&')}` };
  const bytes = await workbook.xlsx.writeBuffer();
  return Buffer.from(bytes as ArrayBuffer);
}
