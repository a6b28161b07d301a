import ExcelJS from 'exceljs';
import { REFERENCE_DATASET_LABELS, type ReferenceDatasetKind } from '@zhengji/domain';
import { DATASET_COLUMNS } from './dataset-columns.ts';

/** The .xlsx import template of a kind: sheet 1 the header row to fill in, sheet 2 what each column means. */
export async function buildDatasetTemplate(kind: ReferenceDatasetKind): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '征集系统';
  const columns = DATASET_COLUMNS[kind];
  const data = wb.addWorksheet('数据');
  data.columns = columns.map((c) => ({ header: c.header, key: c.field, width: Math.max(12, c.header.length * 3, c.example.length * 2) }));
  data.getRow(1).font = { bold: true };
  data.views = [{ state: 'frozen', ySplit: 1 }];
  const help = wb.addWorksheet('填写说明');
  help.columns = [
    { header: '列名', width: 20 },
    { header: '是否必填', width: 10 },
    { header: '填写说明', width: 60 },
    { header: '示例', width: 30 },
  ];
  help.getRow(1).font = { bold: true };
  help.addRow([
    `${REFERENCE_DATASET_LABELS[kind]} 导入模板`,
    '',
    '在“数据”工作表第 1 行保留表头，从第 2 行起每行一条记录；多个值以“；”分隔。也可另存为 CSV（UTF-8 或 GBK 均可）导入。',
    '',
  ]);
  for (const c of columns) help.addRow([c.header, c.required ? '必填' : '选填', c.help, c.example]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
