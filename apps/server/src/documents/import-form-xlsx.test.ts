import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { FORM_MAX_ROWS } from '@zhengji/domain/form/form.schemas.ts';
import { FORM_COLUMNS } from './form-layout.ts';
import { manyRows, sampleForm, sampleRows } from '../../test/form-fixtures.ts';
import { renderFormTemplateXlsx } from './form-template.xlsx.ts';
import { MAX_UPLOAD_BYTES } from './guarded-unzip.ts';
import { importFormXlsx } from './import-form-xlsx.ts';
import { renderRecommendationFormDocx } from './recommendation-form.docx.ts';
import { renderRecommendationFormXlsx } from './recommendation-form.xlsx.ts';
import { buildZip, fakeCfb } from '../../test/documents.ts';

const LABELS = FORM_COLUMNS.map((c) => c.label);

async function bytesOf(workbook: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
}

/** A workbook with the given rows of values on one sheet. */
async function sheetBytes(rows: unknown[][], configure?: (ws: ExcelJS.Worksheet) => void): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const ws = workbook.addWorksheet('Sheet1');
  rows.forEach((row) => ws.addRow(row));
  configure?.(ws);
  return bytesOf(workbook);
}

const ELDER = ['1', '4-10-01-05', '养老护理员', '', '养老护理员', '2019年版', '是', '养老护理', 3000, '调研摸底'];

describe('importFormXlsx', () => {
  it('round-trips an exported 推荐表: same header fields and rows', async () => {
    const form = sampleForm(manyRows(30));
    const result = await importFormXlsx(await renderRecommendationFormXlsx(form));
    expect(result.problems).toEqual([]);
    expect(result.rows).toEqual(form.rows);
    expect(result.header).toEqual({ unitName: form.unitName, ...form.header });
  });

  it('reads a filled template, header fields included', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await renderFormTemplateXlsx()) as unknown as ArrayBuffer);
    const ws = workbook.getWorksheet('推荐表');
    if (ws === undefined) throw new Error('no sheet');
    ws.getCell('D2').value = '上海市民政局';
    ws.getCell('C3').value = '赵敏';
    ws.getCell('F3').value = '021-12345678';
    ws.getCell('I3').value = new Date(Date.UTC(2024, 9, 20));
    ws.getRow(5).values = [
      '',
      '４－１０－０１－０５',
      '养老护理员',
      '',
      '养老护理员',
      '2019年版',
      'Y',
      '养老护理，生命健康',
      '3,000',
      '养老服务条例 & <script>alert(1)</script>',
    ];
    ws.getRow(7).values = ['', '4-04-05-05', '人工智能训练师', '数据标注员', '人工智能训练师', '2021年版', 'N', '人工智能;电子信息', 1200, '大模型'];
    const result = await importFormXlsx(await bytesOf(workbook));
    expect(result.problems).toEqual([]);
    expect(result.header).toEqual({ unitName: '上海市民政局', contactName: '赵敏', contactPhone: '021-12345678', fillDate: '2024-10-20' });
    expect(result.rows).toEqual([
      { ...sampleRows()[0], industries: ['养老护理', '生命健康'], reason: '养老服务条例 & <script>alert(1)</script>' },
      { ...sampleRows()[1], reason: '大模型' },
    ]);
  });

  it('matches moved columns by name and reports deleted ones', async () => {
    const order = [9, 8, 7, 6, 5, 4, 3, 2, 1, 0];
    const moved = await importFormXlsx(await sheetBytes([order.map((i) => LABELS[i]), order.map((i) => ELDER[i])]));
    expect(moved.problems).toEqual([]);
    expect(moved.rows[0]).toMatchObject({ occupationCode: '4-10-01-05', inShortageCatalog: true, expectedAssessments: 3000, reason: '调研摸底' });

    const without = (i: number) => (row: unknown[]) => row.filter((_, j) => j !== i);
    const deleted = await importFormXlsx(await sheetBytes([without(8)(LABELS), without(8)(ELDER)]));
    expect(deleted.rows[0]?.expectedAssessments).toBeNull();
    expect(deleted.problems).toEqual([{ column: '预计评价人次', message: expect.stringContaining('未找到“预计评价人次”列') }]);
  });

  it('finds the header below other rows and on a later sheet', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('说明').addRow(['请在第二张表填写']);
    const ws = workbook.addWorksheet('数据');
    ws.addRow(['推荐单位（加盖公章）：上海市交通委员会']);
    ws.addRow([]);
    ws.addRow(LABELS);
    ws.addRow(ELDER);
    const result = await importFormXlsx(await bytesOf(workbook));
    expect(result.header.unitName).toBe('上海市交通委员会');
    expect(result.rows).toHaveLength(1);
  });

  it('fills vertically merged cells into each row and says so', async () => {
    const second = ['2', '4-10-01-06', '家政服务员', '', '家政服务员', '2019年版', '否', '', 800, '调研摸底'];
    const bytes = await sheetBytes([LABELS, ELDER, second], (ws) => ws.mergeCells('H2:H3'));
    const result = await importFormXlsx(bytes);
    expect(result.rows.map((r) => r.industries)).toEqual([['养老护理'], ['养老护理']]);
    expect(result.problems).toEqual([{ row: 2, column: '产业类别', message: expect.stringContaining('合并单元格') }]);
  });

  it('reads numbers stored as text and rejects decimals, negatives and text with row and column', async () => {
    const rows = [LABELS, ...['2500', 12.5, -3, '约500', '１２００'].map((n, i) => [String(i + 1), ...ELDER.slice(1, 8), n, '理由'])];
    const result = await importFormXlsx(await sheetBytes(rows));
    expect(result.rows.map((r) => r.expectedAssessments)).toEqual([2500, null, null, null, 1200]);
    expect(result.problems.map((p) => [p.row, p.column])).toEqual([
      [2, '预计评价人次'],
      [3, '预计评价人次'],
      [4, '预计评价人次'],
    ]);
    expect(result.problems[0]?.message).toBe(
      '第 2 行（工作表第 3 行）“预计评价人次”：“12.5”不是有效的人次，请填写大于等于 1 的整数（不要填写小数、负数或文字）',
    );
  });

  it('reports an unreadable shortage flag', async () => {
    const result = await importFormXlsx(await sheetBytes([LABELS, [...ELDER.slice(0, 6), '待定', ...ELDER.slice(7)]]));
    expect(result.rows[0]?.inShortageCatalog).toBeNull();
    expect(result.problems).toEqual([{ row: 1, column: '是否已纳入急需紧缺职业目录', message: expect.stringContaining('请填写“是”或“否”') }]);
  });

  it('reads 10,000 rows without choking and keeps the first 200 with a report', async () => {
    const rows = [LABELS, ...Array.from({ length: 10_000 }, (_, i) => [String(i + 1), ...ELDER.slice(1, 8), i + 1, '理由'])];
    const started = Date.now();
    const result = await importFormXlsx(await sheetBytes(rows));
    expect(Date.now() - started).toBeLessThan(20_000);
    expect(result.rows).toHaveLength(FORM_MAX_ROWS);
    expect(result.rows.at(-1)?.expectedAssessments).toBe(200);
    expect(result.problems).toEqual([{ message: expect.stringContaining(`共有 10000 行数据，推荐表最多 ${FORM_MAX_ROWS} 行`) }]);
  });

  it('says when no header row is found', async () => {
    const result = await importFormXlsx(
      await sheetBytes([
        ['姓名', '电话'],
        ['张三', '123'],
      ]),
    );
    expect(result.rows).toEqual([]);
    expect(result.problems[0]?.message).toContain('未在工作簿中找到推荐表的表头');
  });
});

describe('importFormXlsx on bad files', () => {
  const failure = async (bytes: Buffer): Promise<string> => {
    const result = await importFormXlsx(bytes);
    expect(result.rows).toEqual([]);
    expect(result.problems).toHaveLength(1);
    return result.problems[0]?.message ?? '';
  };

  it('rejects a truncated and a corrupt file', async () => {
    const good = await renderRecommendationFormXlsx(sampleForm());
    expect(await failure(good.subarray(0, Math.floor(good.length / 2)))).toContain('文件已损坏或不完整');
    const corrupt = Buffer.from(good);
    corrupt.fill(0x41, 200, 2000);
    expect(await failure(corrupt)).toMatch(/损坏/);
    expect(await failure(Buffer.from('序号,职业编码\n1,4-10-01-05'))).toContain('不是有效的 .xlsx 文件');
  });

  it('tells a password-protected file from an old .xls', async () => {
    expect(await failure(fakeCfb(['EncryptionInfo', 'EncryptedPackage']))).toContain('设置了打开密码');
    expect(await failure(fakeCfb(['Workbook', 'SummaryInformation']))).toContain('另存为”.xlsx');
  });

  it('rejects files over 20 MB', async () => {
    const big = Buffer.alloc(MAX_UPLOAD_BYTES + 5 * 1024 * 1024);
    big.write('PK\u0003\u0004');
    expect(await failure(big)).toContain('25.0 MB，超过 20.0 MB');
  });

  it('rejects a Word file with a pointer to the right import', async () => {
    expect(await failure(await renderRecommendationFormDocx(sampleForm()))).toContain('这是 Word 文件');
  });

  it('stops archive bombs: entry count, ratio, total size, lying sizes', async () => {
    const many = buildZip(Array.from({ length: 2_001 }, (_, i) => ({ name: `x/${i}.xml`, data: 'x' })));
    expect(await failure(many)).toContain('包含 2001 个文件');
    const dense = buildZip([{ name: 'xl/workbook.xml', data: Buffer.alloc(5 * 1024 * 1024) }]);
    expect(await failure(dense)).toContain('压缩比超过 100:1');
    const wide = buildZip(Array.from({ length: 3 }, (_, i) => ({ name: `xl/${i}.bin`, data: Buffer.alloc(1024 * 1024, i) })));
    const result = await importFormXlsx(wide, { zipLimits: { maxTotalBytes: 2 * 1024 * 1024, maxRatio: 10_000 } });
    expect(result.problems[0]?.message).toContain('超过 2.0 MB');
    const lying = buildZip([{ name: 'xl/workbook.xml', data: Buffer.alloc(300 * 1024), declaredSize: 100 }]);
    expect(await failure(lying)).toMatch(/损坏|安全限制/);
  });
});
