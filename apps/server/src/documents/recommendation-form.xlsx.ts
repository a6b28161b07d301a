import ExcelJS from 'exceljs';
import type { Workbook } from 'exceljs';
import type { FormDocumentData } from '@zhengji/domain/form/form.schemas.ts';
import {
  ATTACHMENT_LINE,
  DRAFT_NOTICE,
  FORM_COLUMNS,
  FORM_INSTRUCTIONS,
  FORM_TITLE,
  INSTRUCTIONS_TITLE,
  fillDateText,
  rowCellTexts,
  verificationText,
} from './form-layout.ts';
import { CELL_BORDER, wrappedLines, FORM_SHEET_NAME, INSTRUCTIONS_SHEET_NAME, estimatedRowHeight, writeContactRow, writeFormSheetTop } from './xlsx-layout.ts';

/** Escapes `&` for Excel's header/footer codes, where it starts a code. */
function headerFooterText(text: string): string {
  return text.replace(/&/g, '&&');
}

/** Adds the 填表说明 sheet: a title and the seven instructions (plus optional extra notes). */
export function addInstructionsSheet(workbook: Workbook, extraNotes: readonly string[] = [], footer = ''): void {
  const ws = workbook.addWorksheet(INSTRUCTIONS_SHEET_NAME, {
    pageSetup: {
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      margins: { left: 0.6, right: 0.6, top: 0.7, bottom: 0.7, header: 0.3, footer: 0.3 },
    },
  });
  ws.headerFooter = { oddFooter: `&C第 &P 页 / 共 &N 页${footer ? `　　${footer}` : ''}` };
  // 100 units fit A4 landscape unscaled (LibreOffice does not always honour fit-to-width on this sheet).
  ws.columns = [{ width: 100 }];
  const title = ws.getCell('A1');
  title.value = INSTRUCTIONS_TITLE;
  title.font = { name: '黑体', size: 14, bold: true };
  title.alignment = { horizontal: 'center' };
  [...FORM_INSTRUCTIONS, ...extraNotes].forEach((text, i) => {
    const cell = ws.getCell(`A${i + 2}`);
    cell.value = `${i + 1}. ${text}`;
    cell.font = { name: '宋体', size: 11 };
    cell.alignment = { wrapText: true, vertical: 'top' };
    // Width in Excel units over the 100-unit column, with room to spare: a clipped instruction loses words in print.
    ws.getRow(i + 2).height = wrappedLines(`${i + 1}. ${text}`, 100) * 15 + 6;
  });
}

/** Renders a unit's 推荐表 as an Excel workbook (A4 landscape, fit to width, header row repeated on each page). */
export async function renderRecommendationFormXlsx(data: FormDocumentData): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '征集系统';
  workbook.title = FORM_TITLE;
  workbook.subject = data.campaignTitle;
  workbook.created = new Date(0);
  workbook.modified = new Date(0);

  const ws = workbook.addWorksheet(FORM_SHEET_NAME);
  const title = data.isDraft ? `${FORM_TITLE}（草稿）` : FORM_TITLE;
  const headerRow = writeFormSheetTop(ws, { title, unitName: data.unitName, contactName: '', contactPhone: '', fillDate: '' }, false);

  data.rows.forEach((row, index) => {
    const texts = rowCellTexts(row, index);
    const excelRow = ws.getRow(headerRow + 1 + index);
    FORM_COLUMNS.forEach((column, i) => {
      const cell = excelRow.getCell(i + 1);
      const text = texts[i] ?? '';
      const isNumber = (column.key === 'priority' || column.key === 'expectedAssessments') && text !== '';
      cell.value = isNumber ? Number(text) : text;
      if (column.key === 'occupationCode') cell.numFmt = '@';
      cell.font = { name: '宋体', size: 10 };
      cell.alignment = { vertical: 'middle', horizontal: column.key === 'reason' ? 'left' : 'center', wrapText: true };
      cell.border = CELL_BORDER;
    });
    excelRow.height = estimatedRowHeight(texts);
  });

  const contactRow = headerRow + data.rows.length + 2;
  writeContactRow(ws, contactRow, {
    title,
    unitName: data.unitName,
    contactName: data.header.contactName,
    contactPhone: data.header.contactPhone,
    fillDate: data.header.fillDate === null ? '' : fillDateText(data.header),
  });

  const footer = headerFooterText(verificationText(data));
  const draftHeader = data.isDraft ? `&C&"宋体,Bold"&14&KC00000${headerFooterText(DRAFT_NOTICE)}` : '';
  const pageFooter = `&C第 &P 页 / 共 &N 页　　${footer}`;
  // The notice's attachment carries 附件 at the top left of its first page.
  ws.headerFooter = {
    differentFirst: true,
    oddHeader: draftHeader,
    oddFooter: pageFooter,
    firstHeader: `&L&"黑体"&16${ATTACHMENT_LINE}${draftHeader}`,
    firstFooter: pageFooter,
  };

  addInstructionsSheet(workbook, [], footer);
  const bytes = await workbook.xlsx.writeBuffer();
  return Buffer.from(bytes as ArrayBuffer);
}
