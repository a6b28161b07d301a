import type { Content, TDocumentDefinitions, TableCell } from 'pdfmake/interfaces';
import { signatureIndents, type NoticeAttachment, type NoticeListDocument } from './notice-list-layout.ts';
import { PDF_CJK_FONT, PDF_CJK_SERIF_FONT, pdfMakeWithCjkFonts } from './pdf-fonts.ts';

/** GB/T 9704-2012 in points: A4 portrait, top 37 mm, left 28 mm, text area 156 × 225 mm. */
const MM = 72 / 25.4;
const MARGINS: [number, number, number, number] = [28 * MM, 37 * MM, (210 - 28 - 156) * MM, (297 - 37 - 225) * MM];
const TEXT_WIDTH = 156 * MM;
/** 三号 body: 28 characters a line (spacing tightened so 28 × 16 pt fit 156 mm) and 22 lines a page. */
const BODY_SIZE = 16;
const CHAR_SPACING = TEXT_WIDTH / 28 - BODY_SIZE;
const LINE_PITCH = (225 * MM) / 22;
/** Noto Serif CJK's natural line height is 1.448 em; pdfmake multiplies it. */
const LINE_HEIGHT = LINE_PITCH / (BODY_SIZE * 1.448);
const EM = BODY_SIZE + CHAR_SPACING;

/** Attachment pages: A4 landscape, the same top and left margins. */
const LANDSCAPE_WIDTH = 841.89 - MARGINS[0] - MARGINS[2];

/** Characters from which a cell may be taller than a landscape page in its column. */
const LONG_CELL = 200;

function attachmentPages(a: NoticeAttachment, index: number, count: number): Content[] {
  const usable = LANDSCAPE_WIDTH - a.header.length * 9 - 1;
  const sum = a.widths.reduce((x, y) => x + y, 0);
  const widths = a.widths.map((w) => Math.floor(((w * usable) / sum) * 100) / 100);
  const header: TableCell[] = a.header.map((t) => ({ text: t, bold: true, alignment: 'center', font: PDF_CJK_FONT }));
  return [
    {
      text: count > 1 ? `附件${String(index + 1)}` : '附件',
      font: PDF_CJK_FONT,
      fontSize: BODY_SIZE,
      pageBreak: 'before',
      pageOrientation: 'landscape',
      margin: [0, 0, 0, 8],
    },
    { text: a.title, font: PDF_CJK_SERIF_FONT, bold: true, fontSize: 18, alignment: 'center', margin: [0, 0, 0, 12] },
    {
      // Rows stay whole on a page, except one too tall for any page (a 500-character reason): it continues on the next.
      table: {
        headerRows: 1,
        dontBreakRows: a.rows.every((r) => r.every((t) => t.length <= LONG_CELL)),
        widths,
        body: [header, ...a.rows.map((r) => r.map((t, i): TableCell => ({ text: t, alignment: i === 0 ? 'center' : 'left' })))],
      },
      fontSize: 10,
      lineHeight: 1.2,
      layout: { hLineWidth: () => 0.6, vLineWidth: () => 0.6, paddingTop: () => 3, paddingBottom: () => 3 },
    },
  ];
}

/** The pdfmake definition of the announcement (the OFD export lays out the same definition, so both print alike). */
export function noticeListPdfDefinition(d: NoticeListDocument): TDocumentDefinitions {
  const indents = signatureIndents(d.issuer, d.date);
  const body: Content[] = d.paragraphs.map((p) => {
    const lines = p.split('\n');
    // A multi-line paragraph (the 附件 note) keeps its own alignment; others indent their first line by two characters.
    return lines.length > 1
      ? { stack: lines.map((l) => ({ text: l, preserveLeadingSpaces: true, margin: [2 * EM, 0, 0, 0] })) }
      : { text: p, leadingIndent: 2 * EM };
  });
  const content: Content[] = [
    ...(d.docNo
      ? [
          { text: d.docNo, alignment: 'center' as const },
          {
            canvas: [{ type: 'line' as const, x1: 0, y1: 4, x2: TEXT_WIDTH, y2: 4, lineWidth: 1.2, lineColor: '#c00000' }],
            margin: [0, 0, 0, LINE_PITCH] as [number, number, number, number],
          },
        ]
      : []),
    {
      text: d.title,
      font: PDF_CJK_SERIF_FONT,
      bold: true,
      fontSize: 22,
      lineHeight: 1.1,
      alignment: 'center',
      characterSpacing: 0,
      margin: [0, 0, 0, LINE_PITCH],
    },
    ...body.slice(0, -1),
    // The signature never stands alone on a page: it keeps the last paragraph (the 附件 note) with it.
    {
      unbreakable: true,
      stack: [
        ...body.slice(-1),
        { text: d.issuer, alignment: 'right', margin: [0, 2 * LINE_PITCH, indents.issuer * EM, 0] },
        { text: d.date, alignment: 'right', margin: [0, 0, indents.date * EM, 0] },
      ],
    },
    ...d.attachments.flatMap((a, i) => attachmentPages(a, i, d.attachments.length)),
    { text: `内容校验码（SHA-256）：${d.hash}`, font: PDF_CJK_FONT, fontSize: 8, color: '#555555', margin: [0, 10, 0, 0] },
  ];
  return {
    pageSize: 'A4',
    pageOrientation: 'portrait',
    pageMargins: MARGINS,
    defaultStyle: { font: PDF_CJK_SERIF_FONT, fontSize: BODY_SIZE, lineHeight: LINE_HEIGHT, characterSpacing: CHAR_SPACING, alignment: 'left' },
    info: { title: d.title, author: d.issuer, creator: '征集系统' },
    // 页码: 四号 half-width digits between dashes, odd pages on the right, even pages on the left, one character in.
    footer: (page, _count, size) => ({
      text: `— ${String(page)} —`,
      font: PDF_CJK_SERIF_FONT,
      fontSize: 14,
      characterSpacing: 0,
      alignment: page % 2 === 1 ? 'right' : 'left',
      margin: [MARGINS[0] + 14, size.height - MARGINS[3] + 20 > size.height ? 0 : 20, MARGINS[2] + 14, 0],
    }),
    content,
  };
}

/** The 公示 announcement or the final list as PDF, laid out after GB/T 9704-2012, the lists as landscape attachments. */
export async function renderNoticeListPdf(d: NoticeListDocument): Promise<Buffer> {
  const buffer: unknown = await pdfMakeWithCjkFonts().createPdf(noticeListPdfDefinition(d)).getBuffer();
  return Buffer.isBuffer(buffer) ? buffer : Buffer.from(buffer as Uint8Array);
}
