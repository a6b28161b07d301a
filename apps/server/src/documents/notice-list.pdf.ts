import type { Content, TDocumentDefinitions, TableCell } from 'pdfmake/interfaces';
import { NOTICE_LIST_COLUMNS, noticeListCells, type NoticeListDocument } from './notice-list-layout.ts';
import { PDF_CJK_FONT, pdfMakeWithCjkFonts } from './pdf-fonts.ts';

const WIDTH = 841.89 - 72 - NOTICE_LIST_COLUMNS.length * 9 - 1;
const widths = (extra: boolean) => {
  const cols = extra ? [...NOTICE_LIST_COLUMNS.map((c) => c.width), 20] : NOTICE_LIST_COLUMNS.map((c) => c.width);
  const sum = cols.reduce((a, b) => a + b, 0);
  return cols.map((w) => Math.floor(((w * (WIDTH - (extra ? 9 : 0))) / sum) * 100) / 100);
};

function table(rows: string[][], extraLabel?: string): Content {
  const header: TableCell[] = [...NOTICE_LIST_COLUMNS.map((c) => c.label), ...(extraLabel ? [extraLabel] : [])].map((t) => ({ text: t, bold: true, alignment: 'center' }));
  return { table: { headerRows: 1, dontBreakRows: true, widths: widths(Boolean(extraLabel)), body: [header, ...rows.map((r) => r.map((t) => ({ text: t })))] }, fontSize: 9, layout: { hLineWidth: () => 0.6, vLineWidth: () => 0.6 } };
}

/** The notice or final list as PDF (A4 landscape, Noto Sans CJK). */
export async function renderNoticeListPdf(d: NoticeListDocument): Promise<Buffer> {
  const content: Content[] = [
    ...(d.docNo ? [{ text: d.docNo, alignment: 'center' as const, margin: [0, 0, 0, 6] as [number, number, number, number] }] : []),
    { text: d.title, fontSize: 16, bold: true, alignment: 'center', margin: [0, 0, 0, 8] },
    ...d.lines.map((l) => ({ text: l, margin: [0, 0, 0, 4] as [number, number, number, number] })),
    table(d.items.map(noticeListCells)),
  ];
  if (d.removed?.length) {
    content.push({ text: '与公示名单的差异（撤销项目）', bold: true, margin: [0, 10, 0, 4] }, table(d.removed.map((r) => [...noticeListCells(r), r.reason]), '撤销原因'));
  }
  content.push({ text: `内容校验码（SHA-256）：${d.hash}`, fontSize: 8, color: '#555555', margin: [0, 10, 0, 0] });
  const def: TDocumentDefinitions = {
    pageSize: 'A4',
    pageOrientation: 'landscape',
    pageMargins: [36, 36, 36, 36],
    defaultStyle: { font: PDF_CJK_FONT, fontSize: 10 },
    info: { title: d.title },
    footer: (page, count) => ({ text: `第 ${page} 页 / 共 ${count} 页`, alignment: 'center', fontSize: 8 }),
    content,
  };
  const buffer: unknown = await pdfMakeWithCjkFonts().createPdf(def).getBuffer();
  return Buffer.isBuffer(buffer) ? buffer : Buffer.from(buffer as Uint8Array);
}
