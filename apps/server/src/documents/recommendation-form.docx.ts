import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  Header,
  ImageRun,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
} from 'docx';
import type { FormDocumentData } from '@zhengji/domain/form/form.schemas.ts';
import {
  ATTACHMENT_LINE,
  CONTACT_LABEL,
  DRAFT_NOTICE,
  FORM_CODE_HINT,
  VOIDED_NOTICE,
  formCodeCaption,
  FORM_COLUMNS,
  FORM_INSTRUCTIONS,
  FORM_TITLE,
  INSTRUCTIONS_TITLE,
  PHONE_LABEL,
  UNIT_LABEL,
  fillDateText,
  rowCellTexts,
  scaledWidths,
  verificationText,
} from './form-layout.ts';
import { formCodePng } from './form-code.ts';

/** A4 in twips (portrait numbers; docx swaps them for landscape). */
const A4_SHORT = 11906;
const A4_LONG = 16838;
const MARGIN = 1134; // 2 cm
const TABLE_WIDTH = A4_LONG - 2 * MARGIN;
/** Word resolves these by name; WPS and LibreOffice substitute an installed CJK font. */
const BODY_FONT = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '宋体', cs: 'Times New Roman' };
const TITLE_FONT = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '黑体', cs: 'Times New Roman' };
const CELL_BORDER = { style: BorderStyle.SINGLE, size: 4, color: '000000' };

function run(text: string, options: { bold?: boolean; size?: number; color?: string; title?: boolean } = {}): TextRun {
  return new TextRun({
    text,
    bold: options.bold ?? false,
    size: options.size ?? 21,
    color: options.color,
    font: options.title === true ? TITLE_FONT : BODY_FONT,
  });
}

/**
 * A cell's text as paragraphs, one per line, so that line breaks typed in a reason survive. Formatting comes
 * from the paragraph styles and the table (borders, margins), not from each cell: a 200-row form has 2,000
 * cells, and per-cell properties would triple both the file and the time to build it.
 */
function tableCell(text: string, width: number, style: string, keepWithNext = false): TableCell {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    verticalAlign: VerticalAlign.CENTER,
    children: text
      .split(/\r?\n/)
      .map((line) => new Paragraph({ style, children: [new TextRun(line)], ...(keepWithNext ? { keepNext: true, keepLines: true } : {}) })),
  });
}

/** The last rows keep with the contact lines and the date under the table (Word moves them to the next page together). */
const KEEP_TAIL_ROWS = 1;

const CELL_STYLES = [
  { id: 'FormHeaderCell', name: '表头单元格', run: { bold: true, size: 18 }, paragraph: { alignment: AlignmentType.CENTER } },
  { id: 'FormCell', name: '表格单元格', run: { size: 18 }, paragraph: { alignment: AlignmentType.CENTER } },
  { id: 'FormReasonCell', name: '推荐理由单元格', run: { size: 18 }, paragraph: { alignment: AlignmentType.LEFT } },
];

function formTable(data: FormDocumentData): Table {
  const widths = scaledWidths(TABLE_WIDTH);
  const headerRow = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: FORM_COLUMNS.map((c, i) => tableCell(c.label, widths[i] ?? 0, 'FormHeaderCell')),
  });
  const keepFrom = data.rows.length - KEEP_TAIL_ROWS;
  const bodyRows = data.rows.map(
    (row, index) =>
      new TableRow({
        cantSplit: true,
        children: rowCellTexts(row, index).map((text, i) =>
          tableCell(text, widths[i] ?? 0, FORM_COLUMNS[i]?.key === 'reason' ? 'FormReasonCell' : 'FormCell', index >= keepFrom),
        ),
      }),
  );
  return new Table({
    width: { size: TABLE_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    margins: { top: 40, bottom: 40, left: 60, right: 60 },
    borders: { top: CELL_BORDER, bottom: CELL_BORDER, left: CELL_BORDER, right: CELL_BORDER, insideHorizontal: CELL_BORDER, insideVertical: CELL_BORDER },
    rows: [headerRow, ...bodyRows],
  });
}

function pageFooter(data: FormDocumentData): Footer {
  return new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [
          new TextRun({ font: BODY_FONT, size: 18, children: ['第 ', PageNumber.CURRENT, ' 页 / 共 ', PageNumber.TOTAL_PAGES, ' 页'] }),
          new TextRun({ font: BODY_FONT, size: 18, text: `　　${verificationText(data)}` }),
        ],
      }),
    ],
  });
}

function markHeader(text: string): Header {
  return new Header({
    children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [run(text, { bold: true, size: 32, color: 'C00000', title: true })] })],
  });
}

/** 2.5 cm at 96 px per inch (docx sizes images in pixels). */
const QR_PX = 95;

function codeHeader(code: { versionNo: number; verificationCode: string }, png: Buffer): Header {
  return new Header({
    children: [
      new Paragraph({
        alignment: AlignmentType.RIGHT,
        children: [
          run(`${formCodeCaption(code)}　`, { bold: true, size: 20 }),
          run(`（${FORM_CODE_HINT}）　`, { size: 16 }),
          new ImageRun({
            type: 'png',
            data: png,
            transformation: { width: QR_PX, height: QR_PX },
            altText: { name: '定稿二维码', title: '定稿二维码', description: formCodeCaption(code) },
          }),
        ],
      }),
    ],
  });
}

function formParagraphs(data: FormDocumentData): (Paragraph | Table)[] {
  const contact = `${CONTACT_LABEL}${data.header.contactName}　　　　${PHONE_LABEL}${data.header.contactPhone}`;
  return [
    new Paragraph({ spacing: { after: 60 }, children: [run(ATTACHMENT_LINE, { size: 32, title: true })] }),
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 240 }, children: [run(FORM_TITLE, { bold: true, size: 36, title: true })] }),
    new Paragraph({ spacing: { after: 120 }, children: [run(UNIT_LABEL, { size: 24 }), run(data.unitName, { size: 24 })] }),
    formTable(data),
    new Paragraph({ spacing: { before: 240 }, keepNext: true, keepLines: true, children: [run(contact, { size: 24 })] }),
    new Paragraph({ alignment: AlignmentType.RIGHT, spacing: { before: 120 }, children: [run(fillDateText(data.header), { size: 24 })] }),
  ];
}

function instructionParagraphs(): Paragraph[] {
  return [
    new Paragraph({
      pageBreakBefore: true,
      alignment: AlignmentType.CENTER,
      spacing: { after: 240 },
      children: [run(INSTRUCTIONS_TITLE, { bold: true, size: 32, title: true })],
    }),
    ...FORM_INSTRUCTIONS.map(
      (text, i) => new Paragraph({ spacing: { after: 120, line: 400 }, indent: { firstLine: 480 }, children: [run(`${i + 1}. ${text}`, { size: 24 })] }),
    ),
  ];
}

async function pageHeader(data: FormDocumentData): Promise<Header | undefined> {
  if (data.isDraft) return markHeader(DRAFT_NOTICE);
  if (data.voided) return markHeader(VOIDED_NOTICE);
  if (!data.formCode) return undefined;
  return codeHeader(data.formCode, await formCodePng(data.formCode, 380));
}

/**
 * Renders a unit's 推荐表 as a Word document (A4 landscape, header row repeated, rows never split); a finalized version
 * carries its QR code and the code in words in the header of every page.
 */
export async function renderRecommendationFormDocx(data: FormDocumentData): Promise<Buffer> {
  const header = await pageHeader(data);
  const withCode = !data.isDraft && !data.voided && data.formCode != null;
  const document = new Document({
    title: FORM_TITLE,
    subject: data.campaignTitle,
    creator: '征集系统',
    description: `${data.unitName} ${verificationText(data)}`,
    styles: {
      default: { document: { run: { font: BODY_FONT, size: 21 } } },
      paragraphStyles: CELL_STYLES.map((style) => ({ ...style, basedOn: 'Normal', quickFormat: false })),
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: A4_SHORT, height: A4_LONG, orientation: PageOrientation.LANDSCAPE },
            margin: { top: withCode ? 2268 : MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN, header: 567, footer: 567 },
          },
        },
        headers: header ? { default: header } : undefined,
        footers: { default: pageFooter(data) },
        children: [...formParagraphs(data), ...instructionParagraphs()],
      },
    ],
  });
  return Packer.toBuffer(document);
}
