import {
  AlignmentType,
  BorderStyle,
  Document,
  DocumentGridType,
  Footer,
  LineRuleType,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import { signatureIndents, type NoticeAttachment, type NoticeListDocument } from './notice-list-layout.ts';

/**
 * GB/T 9704-2012 in twips: A4 portrait, top 37 mm, left 28 mm, text area 156 × 225 mm, 22 lines of 28 characters
 * in 三号. The standard's faces (方正小标宋简体, 仿宋_GB2312) are named for Word and WPS; where they are missing
 * (LibreOffice on Debian) fontconfig substitutes an installed Song face (Noto Serif CJK SC).
 */
const MM = 1440 / 25.4;
const MARGIN = {
  top: Math.round(37 * MM),
  left: Math.round(28 * MM),
  right: Math.round(26 * MM),
  bottom: Math.round(35 * MM),
  header: 851,
  footer: Math.round(28 * MM) - 280,
};
const LINE_PITCH = Math.round((225 * MM) / 22);
const BODY_SIZE = 32; // half-points: 三号 16 pt
/** Tightens 16 pt characters so that 28 fit 156 mm (in twentieths of a point). */
const CHAR_SPACING = Math.round(((156 * MM) / 28 - 320) * 1);
const EM_TWIPS = Math.round((156 * MM) / 28);
const TITLE_FONT = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '方正小标宋简体', cs: 'Times New Roman' };
const BODY_FONT = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '宋体', cs: 'Times New Roman' };
const HEI_FONT = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '黑体', cs: 'Times New Roman' };
const BORDER = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
const EXACT = { line: LINE_PITCH, lineRule: LineRuleType.EXACT };

const bodyRun = (t: string) => new TextRun({ text: t, font: BODY_FONT, size: BODY_SIZE, characterSpacing: CHAR_SPACING });

function bodyParagraph(text: string, options: { indentEms?: number; rightEms?: number; right?: boolean; before?: number; keepNext?: boolean } = {}): Paragraph {
  return new Paragraph({
    keepNext: options.keepNext ?? false,
    keepLines: true,
    alignment: options.right ? AlignmentType.RIGHT : AlignmentType.LEFT,
    spacing: { ...EXACT, before: options.before ?? 0 },
    indent: options.right ? { right: Math.round((options.rightEms ?? 0) * EM_TWIPS) } : { firstLine: Math.round((options.indentEms ?? 2) * EM_TWIPS) },
    children: [bodyRun(text)],
  });
}

function attachmentTable(a: NoticeAttachment, width: number): Table {
  const sum = a.widths.reduce((x, y) => x + y, 0);
  const widths = a.widths.map((w) => Math.floor((w * width) / sum));
  const cell = (t: string, i: number, bold: boolean) =>
    new TableCell({
      width: { size: widths[i] ?? 0, type: WidthType.DXA },
      margins: { top: 40, bottom: 40, left: 60, right: 60 },
      borders: { top: BORDER, bottom: BORDER, left: BORDER, right: BORDER },
      children: t.split('\n').map(
        (line) =>
          new Paragraph({
            alignment: bold || i === 0 ? AlignmentType.CENTER : AlignmentType.LEFT,
            children: [new TextRun({ text: line, font: BODY_FONT, bold, size: 20 })],
          }),
      ),
    });
  return new Table({
    width: { size: width, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    rows: [
      new TableRow({ tableHeader: true, cantSplit: true, children: a.header.map((h, i) => cell(h, i, true)) }),
      ...a.rows.map((r) => new TableRow({ cantSplit: true, children: r.map((t, i) => cell(t, i, false)) })),
    ],
  });
}

/** 页码: 四号 half-width digits between dashes. */
function pageFooter(): Footer {
  return new Footer({
    children: [
      new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ font: BODY_FONT, size: 28, children: ['— ', PageNumber.CURRENT, ' —'] })] }),
    ],
  });
}

/** The 公示 announcement or the final list as Word, laid out after GB/T 9704-2012, the lists as landscape attachments. */
export async function renderNoticeListDocx(d: NoticeListDocument): Promise<Buffer> {
  const indents = signatureIndents(d.issuer, d.date);
  const main: (Paragraph | Table)[] = [
    ...(d.docNo
      ? [
          new Paragraph({
            alignment: AlignmentType.CENTER,
            spacing: { ...EXACT, after: LINE_PITCH },
            border: { bottom: { style: BorderStyle.SINGLE, size: 12, color: 'C00000', space: 4 } },
            children: [bodyRun(d.docNo)],
          }),
        ]
      : []),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { line: Math.round(LINE_PITCH * 1.1), lineRule: LineRuleType.EXACT, after: LINE_PITCH },
      children: [new TextRun({ text: d.title, font: TITLE_FONT, size: 44, bold: true })],
    }),
    ...d.paragraphs.flatMap((p, index) => {
      // The last paragraph (the 附件 note) keeps with the signature, which never stands alone on a page.
      const keepNext = index === d.paragraphs.length - 1;
      const lines = p.split('\n');
      return lines.length > 1 ? lines.map((l) => bodyParagraph(l, { indentEms: 2, keepNext })) : [bodyParagraph(p, { keepNext })];
    }),
    bodyParagraph(d.issuer, { right: true, rightEms: indents.issuer, before: 2 * LINE_PITCH, keepNext: true }),
    bodyParagraph(d.date, { right: true, rightEms: indents.date }),
  ];
  const landscapeWidth = 16838 - MARGIN.left - MARGIN.right;
  const attachmentSections = d.attachments.map((a, i) => ({
    properties: {
      page: {
        size: { width: 11906, height: 16838, orientation: PageOrientation.LANDSCAPE },
        margin: { top: 1134, bottom: 1134, left: MARGIN.left, right: MARGIN.right, header: 567, footer: 567 },
      },
    },
    footers: { default: pageFooter() },
    children: [
      new Paragraph({
        spacing: { after: 120 },
        children: [new TextRun({ text: d.attachments.length > 1 ? `附件${String(i + 1)}` : '附件', font: HEI_FONT, size: BODY_SIZE })],
      }),
      new Paragraph({
        alignment: AlignmentType.CENTER,
        spacing: { after: 240 },
        children: [new TextRun({ text: a.title, font: TITLE_FONT, size: 36, bold: true })],
      }),
      attachmentTable(a, landscapeWidth),
      ...(i === d.attachments.length - 1
        ? [
            new Paragraph({
              spacing: { before: 200 },
              children: [new TextRun({ text: `内容校验码（SHA-256）：${d.hash}`, font: BODY_FONT, size: 16, color: '555555' })],
            }),
          ]
        : []),
    ],
  }));
  const doc = new Document({
    title: d.title,
    creator: '征集系统',
    styles: { default: { document: { run: { font: BODY_FONT, size: BODY_SIZE } } } },
    sections: [
      {
        properties: {
          page: { size: { width: 11906, height: 16838, orientation: PageOrientation.PORTRAIT }, margin: MARGIN },
          grid: { type: DocumentGridType.LINES, linePitch: LINE_PITCH },
        },
        footers: { default: pageFooter() },
        children: main,
      },
      ...attachmentSections,
    ],
  });
  return Packer.toBuffer(doc);
}
