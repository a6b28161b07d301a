import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { renderCandidatePoolXlsx } from './candidate-pool.xlsx.ts';
import { manyRows, sampleForm } from '../../test/form-fixtures.ts';
import { renderFormTemplateXlsx } from './form-template.xlsx.ts';
import { renderRecommendationFormXlsx } from './recommendation-form.xlsx.ts';

async function load(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb;
}

/** Every sheet prints: A4 landscape fit to width, page numbers in the footer. */
function expectPrintable(ws: ExcelJS.Worksheet): void {
  expect(ws.pageSetup.paperSize, ws.name).toBe(9);
  expect(ws.pageSetup.orientation, ws.name).toBe('landscape');
  expect(ws.pageSetup.fitToWidth, ws.name).toBe(1);
  expect(ws.headerFooter.oddFooter, ws.name).toContain('第 &P 页 / 共 &N 页');
}

describe('spreadsheets that print', () => {
  it('the 推荐表: 附件 on the first page, the verification code on every sheet, 填表说明 rows tall enough', async () => {
    const wb = await load(await renderRecommendationFormXlsx(sampleForm(manyRows(12))));
    wb.worksheets.forEach((ws) => {
      expectPrintable(ws);
      expect(ws.headerFooter.oddFooter, ws.name).toContain('校验码：9F3A2C1B');
    });
    const form = wb.getWorksheet('推荐表');
    expect(form?.headerFooter.firstHeader).toContain('附件');
    expect(form?.pageSetup.printTitlesRow).toBe('3:3');
    const notes = wb.getWorksheet('填表说明');
    // Instruction 5 is about 190 characters: at least three lines of 15 pt in a 100-unit column.
    expect(notes?.getRow(6).height).toBeGreaterThanOrEqual(45);
  });

  it('the template: page numbers on both printed sheets', async () => {
    const wb = await load(await renderFormTemplateXlsx());
    const visible = wb.worksheets.filter((ws) => ws.state === 'visible');
    expect(visible.map((ws) => ws.name)).toEqual(['推荐表', '填表说明']);
    visible.forEach(expectPrintable);
  });

  it('the candidate pool: 标准版本 column, header repeated, row heights from the wrapped text', async () => {
    const reason = '理'.repeat(500);
    const rows = Array.from({ length: 200 }, (_, i) => ({
      occupationCode: '4-10-01-05',
      occupationName: `养老<护理>员 & 😀${String(i)}`,
      jobTypeName: '',
      standardName: '养老护理员',
      standardVersion: '2019年版',
      industries: [
        '集成电路',
        '生物医药',
        '人工智能',
        '电子信息',
        '生命健康',
        '汽车',
        '高端装备',
        '先进材料',
        '时尚消费品',
        '养老护理',
        '家政服务',
        '低空经济',
        '绿色低碳',
      ],
      inShortageCatalog: true,
      expectedAssessments: 100,
      units: [{ unitName: '上海市浦东新区人力资源和社会保障局', priority: 1 }],
      reasons: [reason],
      overlap: '',
    }));
    const wb = await load(await renderCandidatePoolXlsx('2024年征集', rows));
    const ws = wb.getWorksheet('候选职业库');
    if (!ws) throw new Error('no sheet');
    expectPrintable(ws);
    expect(ws.pageSetup.printTitlesRow).toBe('2:2');
    expect(ws.getRow(2).values).toContain('标准版本');
    expect(ws.getCell(3, 6).value).toBe('2019年版');
    // 500 CJK characters in a 56-unit column: about 20 lines.
    expect(ws.getRow(3).height).toBeGreaterThan(250);
    expect(ws.rowCount).toBe(202);
  });
});
