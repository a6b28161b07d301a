import ExcelJS from 'exceljs';
import { NOTICE_LIST_COLUMNS, noticeListCells, type NoticeListDocument } from './notice-list-layout.ts';
import { CELL_BORDER } from './xlsx-layout.ts';

function addList(ws: ExcelJS.Worksheet, title: string, lines: string[], header: string[], rows: string[][]): void {
  ws.columns = header.map((_, i) => ({ width: [6, 13, 16, 14, 26, 18, 32, 30][i] ?? 16 }));
  ws.addRow([title]).font = { name: '宋体', size: 14, bold: true };
  ws.mergeCells(1, 1, 1, header.length);
  for (const l of lines) ws.addRow([l]);
  const h = ws.addRow(header);
  h.font = { name: '宋体', bold: true };
  h.eachCell((c) => (c.border = CELL_BORDER));
  ws.views = [{ state: 'frozen', ySplit: h.number }];
  for (const r of rows) {
    const row = ws.addRow(r);
    row.eachCell((c) => {
      c.border = CELL_BORDER;
      c.alignment = { wrapText: true, vertical: 'top' };
    });
  }
  ws.pageSetup = { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: `${h.number}:${h.number}` };
}

/** The notice or final list as Excel: one sheet with the list, one with the removed items when any. */
export async function renderNoticeListXlsx(d: NoticeListDocument): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const header = NOTICE_LIST_COLUMNS.map((c) => c.label);
  addList(wb.addWorksheet('名单'), d.title, [d.docNo, ...d.lines, `内容校验码（SHA-256）：${d.hash}`].filter(Boolean), header, d.items.map(noticeListCells));
  if (d.removed?.length) addList(wb.addWorksheet('撤销项目'), '与公示名单的差异（撤销项目）', [], [...header, '撤销原因'], d.removed.map((r) => [...noticeListCells(r), r.reason]));
  return Buffer.from(await wb.xlsx.writeBuffer());
}
