import type { Borders, Cell, DataValidation, PageSetup, Worksheet } from 'exceljs';
import { CONTACT_LABEL, FILL_DATE_LABEL, FORM_COLUMNS, FORM_TITLE, PHONE_LABEL, UNIT_LABEL } from './form-layout.ts';

/** Sheet layout shared by the Excel 推荐表 and the offline template, so that one importer reads both. */

export const FORM_SHEET_NAME = '推荐表';
export const INSTRUCTIONS_SHEET_NAME = '填表说明';
/** Row of the column headers in the template (title, unit, contact fields above); data starts on the next row. */
export const TEMPLATE_HEADER_ROW = 4;
/** Row of the column headers in the printed form (title, unit above; contact fields below the table). */
export const FORM_HEADER_ROW = 3;
/** Column widths in Excel character units (a CJK character counts about 2). */
export const XLSX_COLUMN_WIDTHS = [6, 13, 14, 13, 18, 11, 13, 16, 10, 48];

const THIN = { style: 'thin' as const, color: { argb: 'FF000000' } };
export const CELL_BORDER: Partial<Borders> = { top: THIN, bottom: THIN, left: THIN, right: THIN };
const FONT_NAME = '宋体';

/** A4 landscape, fitted to one page wide, centred, the header row `titleRow` repeated on every printed page. */
export function landscapePrint(titleRow: number, margins: 'normal' | 'narrow' = 'normal'): Partial<PageSetup> {
  return {
    paperSize: 9,
    orientation: 'landscape',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    horizontalCentered: true,
    printTitlesRow: `${String(titleRow)}:${String(titleRow)}`,
    margins:
      margins === 'normal'
        ? { left: 0.5, right: 0.5, top: 0.7, bottom: 0.7, header: 0.3, footer: 0.3 }
        : { left: 0.4, right: 0.4, top: 0.6, bottom: 0.7, header: 0.3, footer: 0.3 },
  };
}

/** The worksheet's data-validation collection; exceljs has it at runtime, but its typings omit it. */
export function rangeValidations(ws: Worksheet): { add(range: string, validation: DataValidation): void } {
  return (ws as Worksheet & { dataValidations: { add(range: string, validation: DataValidation): void } }).dataValidations;
}

/** Column letter of a 1-based column index (A..J suffice here). */
export function columnLetter(index: number): string {
  return String.fromCharCode(64 + index);
}

/** Column letter of a field of the form. */
export function fieldColumn(key: (typeof FORM_COLUMNS)[number]['key']): string {
  return columnLetter(FORM_COLUMNS.findIndex((c) => c.key === key) + 1);
}

function label(cell: Cell, text: string): void {
  cell.value = text;
  cell.font = { name: FONT_NAME, size: 11, bold: true };
  cell.alignment = { vertical: 'middle', horizontal: 'right' };
}

function valueCell(cell: Cell, text: string): void {
  cell.value = text;
  cell.font = { name: FONT_NAME, size: 11 };
  cell.alignment = { vertical: 'middle', horizontal: 'left' };
  cell.border = { bottom: THIN };
}

/** Header values shown in rows 2–3 (empty strings leave the fields to fill in). */
export interface SheetHeaderValues {
  title: string;
  unitName: string;
  contactName: string;
  contactPhone: string;
  fillDate: string;
}

/**
 * Writes the title (row 1), the unit (row 2), in the template the contact fields (row 3), the column headers
 * and the print setup. Returns the row of the column headers.
 */
export function writeFormSheetTop(ws: Worksheet, values: SheetHeaderValues, contactOnTop: boolean): number {
  ws.columns = XLSX_COLUMN_WIDTHS.map((width) => ({ width }));
  ws.mergeCells('A1:J1');
  const title = ws.getCell('A1');
  title.value = values.title;
  title.font = { name: '黑体', size: 16, bold: true };
  title.alignment = { horizontal: 'center', vertical: 'middle' };
  ws.getRow(1).height = 32;

  ws.mergeCells('A2:C2');
  label(ws.getCell('A2'), UNIT_LABEL);
  ws.mergeCells('D2:J2');
  valueCell(ws.getCell('D2'), values.unitName);
  ws.getRow(2).height = 22;
  if (contactOnTop) writeContactRow(ws, 3, values);
  const headerRow = contactOnTop ? TEMPLATE_HEADER_ROW : FORM_HEADER_ROW;

  const header = ws.getRow(headerRow);
  FORM_COLUMNS.forEach((column, i) => {
    const cell = header.getCell(i + 1);
    cell.value = column.label;
    cell.font = { name: FONT_NAME, size: 10, bold: true };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } };
    cell.border = CELL_BORDER;
  });
  header.height = 42;

  ws.views = [{ state: 'frozen', ySplit: headerRow, xSplit: 0 }];
  ws.pageSetup = landscapePrint(headerRow);
  return headerRow;
}

/** Writes 联系人 / 联系方式 / 填表日期 with their value cells on one row. */
export function writeContactRow(ws: Worksheet, row: number, values: SheetHeaderValues): void {
  ws.mergeCells(`A${row}:B${row}`);
  label(ws.getCell(`A${row}`), CONTACT_LABEL);
  ws.mergeCells(`C${row}:D${row}`);
  valueCell(ws.getCell(`C${row}`), values.contactName);
  label(ws.getCell(`E${row}`), PHONE_LABEL);
  ws.mergeCells(`F${row}:G${row}`);
  valueCell(ws.getCell(`F${row}`), values.contactPhone);
  label(ws.getCell(`H${row}`), FILL_DATE_LABEL);
  ws.mergeCells(`I${row}:J${row}`);
  valueCell(ws.getCell(`I${row}`), values.fillDate);
  ws.getRow(row).height = 22;
}

/**
 * Lines a text takes when wrapped in a column `width` Excel units wide (a CJK character about 2.1 units at 10–11 pt,
 * a Latin one about 1.1), each typed line break starting a new line. Estimates err on the generous side: an extra
 * blank line prints, a missing one clips text.
 */
export function wrappedLines(text: string, width: number): number {
  const usable = Math.max(1, width - 1.5);
  let lines = 0;
  for (const line of text.split(/\r?\n/)) {
    let units = 0;
    for (const ch of line) units += (ch.codePointAt(0) ?? 0) > 0xff ? 2.1 : 1.1;
    lines += Math.max(1, Math.ceil(units / usable));
  }
  return lines;
}

/** Height (points) of a row whose cells wrap: exceljs writes no auto-fit, and LibreOffice/Excel keep what the file says. */
export function wrappedRowHeight(texts: readonly string[], widths: readonly number[], lineHeight = 14, minimum = 20): number {
  let lines = 1;
  texts.forEach((text, i) => {
    lines = Math.max(lines, wrappedLines(text, widths[i] ?? 10));
  });
  return Math.min(409, Math.max(minimum, lines * lineHeight + 6));
}

/** Estimated row height (points) so that wrapped text shows without relying on the viewer's auto-fit. */
export function estimatedRowHeight(texts: readonly string[]): number {
  return wrappedRowHeight(texts, XLSX_COLUMN_WIDTHS);
}

export { FORM_TITLE };
