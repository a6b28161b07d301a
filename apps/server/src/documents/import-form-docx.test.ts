import { AlignmentType, Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from 'docx';
import { describe, expect, it } from 'vitest';
import { FORM_COLUMNS } from './form-layout.ts';
import { manyRows, sampleForm } from '../../test/form-fixtures.ts';
import { importFormDocx } from './import-form-docx.ts';
import { renderRecommendationFormDocx } from './recommendation-form.docx.ts';
import { renderRecommendationFormXlsx } from './recommendation-form.xlsx.ts';
import { buildZip, fakeCfb, unzipText } from '../../test/documents.ts';

const LABELS = FORM_COLUMNS.map((c) => c.label);

function cell(text: string, extra: { columnSpan?: number; rowSpan?: number } = {}): TableCell {
  return new TableCell({ ...extra, children: text.split('\n').map((line) => new Paragraph({ children: [new TextRun(line)] })) });
}

async function wordBytes(children: (Paragraph | Table)[]): Promise<Buffer> {
  return Packer.toBuffer(new Document({ sections: [{ children }] }));
}

describe('importFormDocx', () => {
  it('round-trips an exported Word 推荐表: same header fields and rows', async () => {
    const form = sampleForm(manyRows(30));
    const result = await importFormDocx(await renderRecommendationFormDocx(form));
    expect(result.problems).toEqual([]);
    expect(result.rows).toEqual(form.rows);
    expect(result.header).toEqual({ unitName: form.unitName, ...form.header });
  });

  it('finds the table inside a layout table, after other tables, with columns in another order', async () => {
    const order = [0, 2, 1, 3, 4, 5, 6, 7, 9, 8];
    const values = ['1', '护理员（养老）', '４－１０－０１－０５', '', '养老护理员', '2019年版', 'Y', '养老护理，生命健康', 'A & B <script>', '1,500'];
    const form = new Table({
      rows: [new TableRow({ children: order.map((i) => cell(LABELS[i] ?? '')) }), new TableRow({ children: values.map((v) => cell(v)) })],
    });
    const other = new Table({ rows: [new TableRow({ children: [cell('附件'), cell('说明')] })] });
    const layout = new Table({ rows: [new TableRow({ children: [new TableCell({ children: [new Paragraph('外层'), form, new Paragraph('')] })] })] });
    const bytes = await wordBytes([
      new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun('社会化职业技能等级认定职业（工种）推荐表')] }),
      new Paragraph('推荐单位（加盖公章）：上海市卫生健康委员会'),
      other,
      layout,
      new Paragraph('联系人：李华　　联系方式：13812345678'),
      new Paragraph('2024年10月8日'),
    ]);
    const result = await importFormDocx(bytes);
    expect(result.problems).toEqual([]);
    expect(result.header).toEqual({ unitName: '上海市卫生健康委员会', contactName: '李华', contactPhone: '13812345678', fillDate: '2024-10-08' });
    expect(result.rows).toEqual([
      {
        occupationCode: '4-10-01-05',
        occupationName: '护理员（养老）',
        jobTypeName: '',
        standardName: '养老护理员',
        standardVersion: '2019年版',
        inShortageCatalog: true,
        industries: ['养老护理', '生命健康'],
        expectedAssessments: 1500,
        reason: 'A & B <script>',
      },
    ]);
  });

  it('reads merged cells: a horizontal span keeps later columns in place, a vertical merge repeats the text', async () => {
    const header = new TableRow({ children: LABELS.map((l) => cell(l)) });
    const first = new TableRow({
      children: [
        cell('1'),
        cell('4-10-01-05'),
        cell('养老护理员'),
        cell(''),
        cell('养老护理员'),
        cell('2019年版'),
        cell('是'),
        cell('养老护理', { rowSpan: 2 }),
        cell('3000'),
        cell('理由一'),
      ],
    });
    const second = new TableRow({
      children: [
        cell('2'),
        cell('4-10-01-06'),
        cell('家政服务员', { columnSpan: 2 }),
        cell('家政服务员'),
        cell('2019年版'),
        cell('否'),
        cell('800'),
        cell('理由二\n第二段'),
      ],
    });
    const result = await importFormDocx(await wordBytes([new Table({ rows: [header, first, second] })]));
    expect(result.rows[1]).toMatchObject({
      occupationName: '家政服务员',
      jobTypeName: '',
      standardName: '家政服务员',
      industries: ['养老护理'],
      reason: '理由二\n第二段',
    });
    expect(result.problems).toEqual([{ row: 2, column: '产业类别', message: expect.stringContaining('合并单元格') }]);
  });

  it('reports bad values with row and column', async () => {
    const header = new TableRow({ children: LABELS.map((l) => cell(l)) });
    const row = new TableRow({
      children: ['1', '4-10-01-05', '养老护理员', '', '养老护理员', '2019年版', '待定', '养老护理', '12.5', '理由'].map((v) => cell(v)),
    });
    const result = await importFormDocx(await wordBytes([new Table({ rows: [header, row] })]));
    expect(result.problems.map((p) => [p.row, p.column])).toEqual([
      [1, '是否已纳入急需紧缺职业目录'],
      [1, '预计评价人次'],
    ]);
  });

  it('says when there is no form table', async () => {
    const result = await importFormDocx(await wordBytes([new Paragraph('关于推荐的说明')]));
    expect(result.rows).toEqual([]);
    expect(result.problems[0]?.message).toContain('未在 Word 文件中找到推荐表');
  });
});

describe('importFormDocx on bad files', () => {
  const failure = async (bytes: Buffer): Promise<string> => {
    const result = await importFormDocx(bytes);
    expect(result.rows).toEqual([]);
    expect(result.problems).toHaveLength(1);
    return result.problems[0]?.message ?? '';
  };

  it('rejects truncated, corrupt, encrypted and old .doc files with advice', async () => {
    const good = await renderRecommendationFormDocx(sampleForm());
    expect(await failure(good.subarray(0, good.length - 200))).toContain('文件已损坏或不完整');
    expect(await failure(fakeCfb(['EncryptionInfo', 'EncryptedPackage']))).toContain('设置了打开密码');
    expect(await failure(fakeCfb(['WordDocument', '1Table']))).toContain('另存为”.docx');
    expect(await failure(await renderRecommendationFormXlsx(sampleForm()))).toContain('这是 Excel 文件');
  });

  it('rejects a document with a DTD and a damaged document.xml', async () => {
    const parts = await unzipText(await renderRecommendationFormDocx(sampleForm()));
    const withDoctype = buildZip(
      [...parts].map(([name, data]) => ({ name, data: name === 'word/document.xml' ? data.replace('?>', '?><!DOCTYPE x [<!ENTITY a "aaaa">]>') : data })),
    );
    expect(await failure(withDoctype)).toContain('DOCTYPE');
    const damaged = buildZip([...parts].map(([name, data]) => ({ name, data: name === 'word/document.xml' ? data.slice(0, data.length / 2) : data })));
    const result = await importFormDocx(damaged);
    expect(result.rows.length).toBeLessThan(4);
    expect(result.problems.length).toBeGreaterThan(0);
  });

  it('stops an archive bomb', async () => {
    const bomb = buildZip([{ name: 'word/document.xml', data: Buffer.alloc(20 * 1024 * 1024, 0x20) }]);
    expect(await failure(bomb)).toContain('压缩比超过');
  });
});
