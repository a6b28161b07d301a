import ExcelJS from 'exceljs';
import { DEFAULT_INDUSTRY_TAGS, EXPECTED_MAX, FORM_MAX_ROWS, REASON_MAX_LENGTH } from '@zhengji/domain/form/form.schemas.ts';
import { FORM_COLUMNS, FORM_TITLE } from './form-layout.ts';
import { addInstructionsSheet } from './recommendation-form.xlsx.ts';
import { CELL_BORDER, FORM_SHEET_NAME, fieldColumn, rangeValidations, writeFormSheetTop } from './xlsx-layout.ts';

/** Hidden sheet holding the industry tags that the 产业类别 dropdown lists. */
export const TAGS_SHEET_NAME = '产业标签';

export interface FormTemplateOptions {
  /** The campaign's industry tags; defaults to the "3+6" and the two livelihood industries. */
  industryTags?: readonly string[];
  /** Prefilled unit name (the unit downloading its own template). */
  unitName?: string;
  /** Number of data rows prepared with borders and dropdowns; defaults to FORM_MAX_ROWS. */
  rows?: number;
}

const TEMPLATE_NOTES = [
  '本模板的表头（第4行）请勿修改或删除；各列可调整顺序，但列名须保持不变。',
  `每张推荐表最多填写 ${FORM_MAX_ROWS} 行；序号可不填，导入时按行的先后顺序自动编号。`,
  '产业类别可从下拉列表中选择一个标签；如需填写多个标签，请直接输入并用“、”隔开（如：人工智能、电子信息），出现提示时选择“是”继续。',
  '是否已纳入急需紧缺职业目录：请从下拉列表中选择“是”或“否”。',
  '预计评价人次：请填写大于等于 1 的整数，不要填写小数、范围或文字。',
  '职业编码请按“4-10-01-05”的格式填写（半角数字和连字符）。',
];

/** Renders the offline Excel template: header fields, the ten columns with dropdowns by range, and 填表说明. */
export async function renderFormTemplateXlsx(options: FormTemplateOptions = {}): Promise<Buffer> {
  const tags = options.industryTags ?? DEFAULT_INDUSTRY_TAGS;
  const rowCount = options.rows ?? FORM_MAX_ROWS;
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '征集系统';
  workbook.title = `${FORM_TITLE}（导入模板）`;
  workbook.created = new Date(0);
  workbook.modified = new Date(0);

  const ws = workbook.addWorksheet(FORM_SHEET_NAME);
  const headerRow = writeFormSheetTop(ws, { title: FORM_TITLE, unitName: options.unitName ?? '', contactName: '', contactPhone: '', fillDate: '' }, true);
  const dateCell = ws.getCell('I3');
  dateCell.numFmt = 'yyyy"年"m"月"d"日"';
  const first = headerRow + 1;
  const last = headerRow + rowCount;
  for (let r = first; r <= last; r += 1) {
    const row = ws.getRow(r);
    FORM_COLUMNS.forEach((column, i) => {
      const cell = row.getCell(i + 1);
      cell.border = CELL_BORDER;
      cell.font = { name: '宋体', size: 10 };
      cell.alignment = { vertical: 'middle', wrapText: true, horizontal: column.key === 'reason' ? 'left' : 'center' };
      // Text format keeps codes like 4-10-01-05 from turning into dates and leading zeros from vanishing.
      if (column.key !== 'expectedAssessments' && column.key !== 'priority') cell.numFmt = '@';
    });
  }

  const tagsSheet = workbook.addWorksheet(TAGS_SHEET_NAME, { state: 'hidden' });
  tags.forEach((tag, i) => {
    tagsSheet.getCell(`A${i + 1}`).value = tag;
  });

  const range = (key: Parameters<typeof fieldColumn>[0]): string => `${fieldColumn(key)}${first}:${fieldColumn(key)}${last}`;
  const validations = rangeValidations(ws);
  validations.add(range('inShortageCatalog'), {
    type: 'list',
    allowBlank: true,
    formulae: ['"是,否"'],
    showErrorMessage: true,
    errorStyle: 'stop',
    errorTitle: '请选择是或否',
    error: '“是否已纳入急需紧缺职业目录”只能填写“是”或“否”。',
  });
  validations.add(range('industries'), {
    type: 'list',
    allowBlank: true,
    formulae: [`'${TAGS_SHEET_NAME}'!$A$1:$A$${Math.max(1, tags.length)}`],
    showInputMessage: true,
    promptTitle: '产业类别',
    prompt: '可从列表选择；多个标签请直接输入，用“、”隔开，如：人工智能、电子信息',
    showErrorMessage: true,
    errorStyle: 'warning',
    errorTitle: '不在产业标签列表中',
    error: '多个标签请用“、”隔开；其他产业可按实填写。确认无误请选择“是”继续。',
  });
  validations.add(range('expectedAssessments'), {
    type: 'whole',
    operator: 'between',
    allowBlank: true,
    formulae: [1, EXPECTED_MAX],
    showErrorMessage: true,
    errorStyle: 'stop',
    errorTitle: '请填写整数',
    error: `预计评价人次须为 1 至 ${EXPECTED_MAX} 之间的整数。`,
  });
  validations.add(range('reason'), {
    type: 'textLength',
    operator: 'lessThanOrEqual',
    allowBlank: true,
    formulae: [REASON_MAX_LENGTH],
    showErrorMessage: true,
    errorStyle: 'stop',
    errorTitle: '推荐理由过长',
    error: `推荐理由请简述，不超过 ${REASON_MAX_LENGTH} 字。`,
  });

  ws.headerFooter = { oddFooter: '&C第 &P 页 / 共 &N 页' };
  addInstructionsSheet(workbook, TEMPLATE_NOTES);
  const bytes = await workbook.xlsx.writeBuffer();
  return Buffer.from(bytes as ArrayBuffer);
}
