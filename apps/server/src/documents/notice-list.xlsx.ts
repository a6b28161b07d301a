import ExcelJS from 'exceljs';
import { type NoticeAttachment, type NoticeListDocument } from './notice-list-layout.ts';
import { CELL_BORDER, wrappedRowHeight, landscapePrint } from './xlsx-layout.ts';

/** Column widths (Excel units) of the list columns; the last, extra column (公示序号 or 撤销原因) gets its own. */
const WIDTHS = [6, 13, 16, 14, 26, 18, 32];
const EXTRA_WIDTH: Record<string, number> = { 公示序号: 9, 撤销原因: 30 };

function escapeHeaderFooter(text: string): string {
  return text.replace(/&/g, '&&');
}

function addList(ws: ExcelJS.Worksheet, title: string, lines: readonly string[], a: NoticeAttachment, hash: string): void {
  const widths = a.header.map((h, i) => WIDTHS[i] ?? EXTRA_WIDTH[h] ?? 16);
  ws.columns = widths.map((width) => ({ width }));
  const total = widths.reduce((x, y) => x + y, 0);
  const titleRow = ws.addRow([title]);
  titleRow.font = { name: '宋体', size: 14, bold: true };
  titleRow.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  titleRow.height = wrappedRowHeight([title], [total / 1.3], 20, 28);
  ws.mergeCells(titleRow.number, 1, titleRow.number, a.header.length);
  for (const l of lines) {
    const row = ws.addRow([l]);
    row.alignment = { wrapText: true, vertical: 'top' };
    row.font = { name: '宋体', size: 11 };
    ws.mergeCells(row.number, 1, row.number, a.header.length);
    row.height = wrappedRowHeight([l], [total], 15, 18);
  }
  const h = ws.addRow(a.header);
  h.font = { name: '宋体', bold: true };
  h.alignment = { wrapText: true, vertical: 'middle', horizontal: 'center' };
  h.eachCell((c) => (c.border = CELL_BORDER));
  h.height = wrappedRowHeight(a.header, widths, 15, 22);
  ws.views = [{ state: 'frozen', ySplit: h.number }];
  for (const r of a.rows) {
    const row = ws.addRow(r);
    row.eachCell((c) => {
      c.border = CELL_BORDER;
      c.font = { name: '宋体', size: 10 };
      c.alignment = { wrapText: true, vertical: 'top' };
    });
    row.height = wrappedRowHeight(r, widths);
  }
  ws.pageSetup = landscapePrint(h.number);
  ws.headerFooter = { oddFooter: `&C第 &P 页 / 共 &N 页　　内容校验码：${escapeHeaderFooter(hash.slice(0, 16))}` };
}

/** The lists of the notice or final list as Excel: one sheet per attachment (the announcement text is in Word and PDF). */
export async function renderNoticeListXlsx(d: NoticeListDocument): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '征集系统';
  wb.title = d.title;
  d.attachments.forEach((a, i) => {
    const lines =
      i === 0
        ? [d.docNo ? `${d.docNo}　${d.title}` : d.title, `${d.issuer}　${d.date}`, `内容校验码（SHA-256）：${d.hash}`]
        : [`内容校验码（SHA-256）：${d.hash}`];
    addList(wb.addWorksheet(i === 0 ? '名单' : '撤销项目'), a.title, lines, a, d.hash);
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}
