import type { Content, TDocumentDefinitions, TableCell } from 'pdfmake/interfaces';
import type { FormDocumentData } from '@zhengji/domain/form/form.schemas.ts';
import {
  ATTACHMENT_LINE,
  CONTACT_LABEL,
  DRAFT_MARK,
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
  footerText,
  rowCellTexts,
} from './form-layout.ts';
import { PDF_CJK_FONT, pdfMakeWithCjkFonts } from './pdf-fonts.ts';
import { formCodeSvg } from './form-code.ts';

/** A4 landscape content width in points: 841.89 − 2 × 36 margins. */
const PAGE_MARGIN_X = 36;
const CONTENT_WIDTH = 841.89 - 2 * PAGE_MARGIN_X;
/** Horizontal padding pdfmake adds per cell (4 left + 4 right) and one border line. */
const CELL_OVERHEAD = 9;

function columnWidths(): number[] {
  const sum = FORM_COLUMNS.reduce((s, c) => s + c.width, 0);
  const usable = CONTENT_WIDTH - CELL_OVERHEAD * FORM_COLUMNS.length - 1;
  return FORM_COLUMNS.map((c) => Math.floor(((c.width * usable) / sum) * 100) / 100);
}

const TABLE_LAYOUT = { hLineWidth: () => 0.6, vLineWidth: () => 0.6, paddingTop: () => 3, paddingBottom: () => 3 };

function headerCells(): TableCell[] {
  return FORM_COLUMNS.map((c) => ({ text: c.label, style: 'th' }));
}

function bodyCells(data: FormDocumentData): TableCell[][] {
  return data.rows.map((row, index) => rowCellTexts(row, index).map((text, i) => ({ text, alignment: FORM_COLUMNS[i]?.key === 'reason' ? 'left' : 'center' })));
}

/**
 * The table and the lines under it. The last row and the contact lines with the date share the table's last row
 * (one cell across all columns holding a one-row table of the same widths and the lines), so that, rows never
 * being split, these lines never stand alone on a page, and a page they start repeats the header row.
 */
function formTableAndContact(data: FormDocumentData): Content {
  const body = bodyCells(data);
  const last = body.pop();
  const contact = `${CONTACT_LABEL}${data.header.contactName}　　　　${PHONE_LABEL}${data.header.contactPhone}`;
  const widths = columnWidths();
  const lines: Content[] = [
    { text: contact, style: 'line', margin: [0, 14, 0, 0] },
    { text: fillDateText(data.header), style: 'line', alignment: 'right', margin: [0, 6, 40, 0] },
  ];
  // Cancels the spanning cell's padding (4 left, 4 right, 3 top) so the inner table's lines fall on the outer ones.
  const inner: Content[] = last ? [{ table: { widths, body: [last] }, layout: TABLE_LAYOUT, margin: [-4.6, -3.6, -4.6, 0] } as Content] : [];
  const tailCell: TableCell = { colSpan: FORM_COLUMNS.length, border: [false, false, false, false], stack: [...inner, ...lines] };
  const tailRow: TableCell[] = [tailCell, ...FORM_COLUMNS.slice(1).map((): TableCell => ({ text: '' }))];
  return {
    table: { headerRows: 1, dontBreakRows: true, widths, body: [headerCells(), ...body, tailRow] },
    layout: { ...TABLE_LAYOUT, hLineWidth: (i: number, node: { table: { body: unknown[] } }) => (i === node.table.body.length ? 0 : 0.6) },
    style: 'td',
  };
}

/** The QR code's side in points (2.5 cm): about 150 px at 150 dpi, 4 px a module, read from an ordinary office scan. */
const QR_SIZE = 72;
const TOP_MARGIN = 44;
const TOP_MARGIN_WITH_CODE = 104;

function pageHeader(data: FormDocumentData, qrSvg: string | null): Content | undefined {
  if (data.isDraft) return { text: DRAFT_NOTICE, color: '#c00000', bold: true, fontSize: 12, alignment: 'center', margin: [0, 16, 0, 0] };
  if (data.voided) return { text: VOIDED_NOTICE, color: '#c00000', bold: true, fontSize: 12, alignment: 'center', margin: [0, 16, 0, 0] };
  if (!qrSvg || !data.formCode) return undefined;
  return {
    margin: [PAGE_MARGIN_X, 18, PAGE_MARGIN_X, 0],
    columns: [
      { width: '*', text: '' },
      {
        width: 'auto',
        stack: [
          { text: formCodeCaption(data.formCode), fontSize: 10, bold: true },
          { text: FORM_CODE_HINT, fontSize: 8, color: '#555555', margin: [0, 2, 0, 0] },
        ],
        margin: [0, 24, 8, 0],
        alignment: 'right',
      },
      { width: QR_SIZE, svg: qrSvg, fit: [QR_SIZE, QR_SIZE] },
    ],
  };
}

function documentDefinition(data: FormDocumentData, qrSvg: string | null): TDocumentDefinitions {
  return {
    pageSize: 'A4',
    pageOrientation: 'landscape',
    pageMargins: [PAGE_MARGIN_X, qrSvg ? TOP_MARGIN_WITH_CODE : TOP_MARGIN, PAGE_MARGIN_X, 40],
    info: { title: FORM_TITLE, subject: data.campaignTitle, author: data.unitName, creator: '征集系统' },
    defaultStyle: { font: PDF_CJK_FONT, fontSize: 10.5, lineHeight: 1.15 },
    styles: {
      attachment: { fontSize: 16, margin: [0, 0, 0, 4] },
      title: { fontSize: 18, bold: true, alignment: 'center', margin: [0, 0, 0, 12] },
      th: { bold: true, alignment: 'center', fontSize: 9 },
      td: { fontSize: 9 },
      line: { fontSize: 12 },
      instructionsTitle: { fontSize: 16, bold: true, alignment: 'center', margin: [0, 0, 0, 14] },
      instruction: { fontSize: 12, lineHeight: 1.5, margin: [0, 0, 0, 8] },
    },
    header: pageHeader(data, qrSvg),
    watermark:
      data.isDraft || data.voided
        ? { text: data.voided ? '作废' : DRAFT_MARK, color: '#c00000', opacity: 0.12, bold: true, font: PDF_CJK_FONT, fontSize: 160 }
        : undefined,
    footer: (currentPage: number, pageCount: number): Content => ({
      text: footerText(data, currentPage, pageCount),
      alignment: 'center',
      fontSize: 9,
      margin: [0, 12, 0, 0],
    }),
    content: [
      { text: ATTACHMENT_LINE, style: 'attachment' },
      { text: FORM_TITLE, style: 'title' },
      { text: `${UNIT_LABEL}${data.unitName}`, style: 'line', margin: [0, 0, 0, 8] },
      formTableAndContact(data),
      { text: INSTRUCTIONS_TITLE, style: 'instructionsTitle', pageBreak: 'before' },
      ...FORM_INSTRUCTIONS.map((text, i): Content => ({ text: `${i + 1}. ${text}`, style: 'instruction' })),
    ],
  };
}

/**
 * Renders a unit's 推荐表 as PDF (A4 landscape, Noto Sans CJK subset embedded, header row repeated); a finalized version
 * carries its QR code (form, version, verification code) and the code in words at the top right of every page.
 */
export async function renderRecommendationFormPdf(data: FormDocumentData): Promise<Buffer> {
  const pdfMake = pdfMakeWithCjkFonts();
  const qrSvg = !data.isDraft && !data.voided && data.formCode ? await formCodeSvg(data.formCode) : null;
  const buffer: unknown = await pdfMake.createPdf(documentDefinition(data, qrSvg)).getBuffer();
  return Buffer.isBuffer(buffer) ? buffer : Buffer.from(buffer as Uint8Array);
}
