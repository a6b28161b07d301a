import { AlignmentType, BorderStyle, Document, Packer, PageOrientation, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import { NOTICE_LIST_COLUMNS, noticeListCells, type NoticeListDocument } from './notice-list-layout.ts';

const FONT = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '宋体', cs: 'Times New Roman' };
const BORDER = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
const TABLE_WIDTH = 16838 - 2 * 1134;

const text = (t: string, opts: { bold?: boolean; size?: number } = {}) => new TextRun({ text: t, font: FONT, bold: opts.bold ?? false, size: opts.size ?? 21 });
const para = (t: string, opts: { bold?: boolean; size?: number; center?: boolean } = {}) =>
  new Paragraph({ alignment: opts.center ? AlignmentType.CENTER : AlignmentType.LEFT, spacing: { after: 120 }, children: [text(t, opts)] });

function table(header: string[], rows: string[][]): Table {
  const widths = [...NOTICE_LIST_COLUMNS.map((c) => c.width), 20].slice(0, header.length);
  const sum = widths.reduce((a, b) => a + b, 0);
  const cell = (t: string, i: number, bold: boolean) =>
    new TableCell({
      width: { size: Math.floor((widths[i]! * TABLE_WIDTH) / sum), type: WidthType.DXA },
      borders: { top: BORDER, bottom: BORDER, left: BORDER, right: BORDER },
      children: [new Paragraph({ children: [text(t, { bold, size: 18 })] })],
    });
  return new Table({
    width: { size: TABLE_WIDTH, type: WidthType.DXA },
    rows: [new TableRow({ tableHeader: true, children: header.map((h, i) => cell(h, i, true)) }), ...rows.map((r) => new TableRow({ cantSplit: true, children: r.map((t, i) => cell(t, i, false)) }))],
  });
}

/** The notice or final list as Word (A4 landscape). */
export async function renderNoticeListDocx(d: NoticeListDocument): Promise<Buffer> {
  const header = NOTICE_LIST_COLUMNS.map((c) => c.label);
  const children: (Paragraph | Table)[] = [
    ...(d.docNo ? [para(d.docNo, { center: true })] : []),
    para(d.title, { bold: true, size: 32, center: true }),
    ...d.lines.map((l) => para(l)),
    table(header, d.items.map(noticeListCells)),
  ];
  if (d.removed?.length) children.push(para('与公示名单的差异（撤销项目）', { bold: true }), table([...header, '撤销原因'], d.removed.map((r) => [...noticeListCells(r), r.reason])));
  children.push(para(`内容校验码（SHA-256）：${d.hash}`, { size: 16 }));
  const doc = new Document({
    sections: [{ properties: { page: { size: { width: 11906, height: 16838, orientation: PageOrientation.LANDSCAPE }, margin: { top: 1134, bottom: 1134, left: 1134, right: 1134 } } }, children }],
  });
  return Packer.toBuffer(doc);
}
