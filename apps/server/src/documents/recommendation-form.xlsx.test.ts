import { describe, expect, it } from 'vitest';
import { DEFAULT_INDUSTRY_TAGS } from '@zhengji/domain/form/form.schemas.ts';
import { FORM_COLUMNS, FORM_INSTRUCTIONS, FORM_TITLE } from './form-layout.ts';
import { manyRows, sampleForm } from '../../test/form-fixtures.ts';
import { renderFormTemplateXlsx } from './form-template.xlsx.ts';
import { renderRecommendationFormXlsx } from './recommendation-form.xlsx.ts';
import { unzipText } from '../../test/documents.ts';

function decode(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

/** Shared strings in order, decoded. */
function sharedStrings(parts: Map<string, string>): string[] {
  const xml = parts.get('xl/sharedStrings.xml') ?? '';
  return [...xml.matchAll(/<si>([\s\S]*?)<\/si>/g)].map((m) => decode([...(m[1] ?? '').matchAll(/<t[^>]*>([^<]*)<\/t>/g)].map((t) => t[1]).join('')));
}

/** Texts of a sheet's cells, row by row, resolving shared strings. */
function sheetRows(parts: Map<string, string>, sheet: string): Map<number, string[]> {
  const strings = sharedStrings(parts);
  const rows = new Map<number, string[]>();
  for (const row of (parts.get(sheet) ?? '').matchAll(/<row r="(\d+)"[^>]*>([\s\S]*?)<\/row>/g)) {
    const cells = [...(row[2] ?? '').matchAll(/<c r="[A-Z]+\d+"([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)].map((c) => {
      const value = /<v>([^<]*)<\/v>/.exec(c[2] ?? '')?.[1] ?? '';
      return /t="s"/.test(c[1] ?? '') ? (strings[Number(value)] ?? '') : decode(value);
    });
    rows.set(Number(row[1]), cells);
  }
  return rows;
}

describe('renderRecommendationFormXlsx', () => {
  it('writes title, unit, the ten headers, rows in order, contact line and instructions sheet', async () => {
    const parts = await unzipText(await renderRecommendationFormXlsx(sampleForm()));
    expect(parts.get('xl/workbook.xml')).toMatch(/<sheet [^>]*name="推荐表"[\s\S]*<sheet [^>]*name="填表说明"/);
    const rows = sheetRows(parts, 'xl/worksheets/sheet1.xml');
    expect(rows.get(1)?.[0]).toBe(FORM_TITLE);
    expect(rows.get(2)?.filter((t) => t !== '')).toEqual(['推荐单位（加盖公章）：', '上海市浦东新区人力资源和社会保障局']);
    expect(rows.get(3)).toEqual(FORM_COLUMNS.map((c) => c.label));
    expect(rows.get(4)?.slice(0, 9)).toEqual(['1', '4-10-01-05', '养老护理员', '', '养老护理员', '2019年版', '是', '养老护理', '3000']);
    expect(rows.get(5)?.slice(1, 9)).toEqual(['4-04-05-05', '人工智能训练师', '数据标注员', '人工智能训练师', '2021年版', '否', '人工智能、电子信息', '1200']);
    expect(rows.get(7)?.[9]).toContain('<script>alert(1)</script>');
    expect(rows.get(9)?.filter((t) => t !== '')).toEqual(['联系人：', '王晓明', '联系方式：', '021-68541234', '填表日期：', '2024年10月22日']);
    const instructions = [...sheetRows(parts, 'xl/worksheets/sheet2.xml').values()].map((r) => r[0]);
    expect(instructions).toEqual(['填表说明', ...FORM_INSTRUCTIONS.map((t, i) => `${i + 1}. ${t}`)]);
  });

  it('escapes markup and ampersands in the XML', async () => {
    const parts = await unzipText(await renderRecommendationFormXlsx(sampleForm()));
    const xml = parts.get('xl/sharedStrings.xml') ?? '';
    expect(xml).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(xml).toContain('快速增长 &amp; 企业');
    expect(xml).not.toContain('<script>');
  });

  it('prints A4 landscape, fit to width, repeating the header row, with page number and code in the footer', async () => {
    const parts = await unzipText(await renderRecommendationFormXlsx(sampleForm(manyRows(60))));
    const sheet = parts.get('xl/worksheets/sheet1.xml') ?? '';
    expect(sheet).toMatch(/<pageSetup [^>]*paperSize="9"[^>]*orientation="landscape"[^>]*fitToWidth="1"[^>]*fitToHeight="0"/);
    expect(sheet).toContain('<pageSetUpPr fitToPage="1"/>');
    expect(parts.get('xl/workbook.xml')).toContain('&apos;推荐表&apos;!$3:$3</definedName>');
    expect(decode(/<oddFooter>([^<]*)<\/oddFooter>/.exec(sheet)?.[1] ?? '')).toBe('&C第 &P 页 / 共 &N 页　　校验码：9F3A2C1B');
    expect(sheetRows(parts, 'xl/worksheets/sheet1.xml').get(63)?.[0]).toBe('60');
  });

  it('marks a draft in the title and the printed page header', async () => {
    const parts = await unzipText(await renderRecommendationFormXlsx(sampleForm(undefined, { isDraft: true, verificationCode: null })));
    const sheet = parts.get('xl/worksheets/sheet1.xml') ?? '';
    expect(sheetRows(parts, 'xl/worksheets/sheet1.xml').get(1)?.[0]).toBe(`${FORM_TITLE}（草稿）`);
    expect(decode(/<oddHeader>([^<]*)<\/oddHeader>/.exec(sheet)?.[1] ?? '')).toContain('草稿');
    expect(decode(/<oddFooter>([^<]*)<\/oddFooter>/.exec(sheet)?.[1] ?? '')).toContain('校验码：无（草稿）');
  });
});

describe('renderFormTemplateXlsx', () => {
  it('has the header fields, the ten columns, dropdowns added by range and an instructions sheet', async () => {
    const parts = await unzipText(await renderFormTemplateXlsx({ rows: 200 }));
    const rows = sheetRows(parts, 'xl/worksheets/sheet1.xml');
    expect(rows.get(2)?.[0]).toBe('推荐单位（加盖公章）：');
    expect(rows.get(3)?.filter((t) => t !== '')).toEqual(['联系人：', '联系方式：', '填表日期：']);
    expect(rows.get(4)).toEqual(FORM_COLUMNS.map((c) => c.label));
    const sheet = parts.get('xl/worksheets/sheet1.xml') ?? '';
    expect(sheet).toContain('<dataValidations count="4">');
    expect(sheet).toMatch(/<dataValidation type="list"[^>]*sqref="G5:G204"><formula1>&quot;是,否&quot;<\/formula1>/);
    expect(sheet).toMatch(/<dataValidation type="list"[^>]*errorStyle="warning"[^>]*sqref="H5:H204"><formula1>&apos;产业标签&apos;!\$A\$1:\$A\$11<\/formula1>/);
    expect(sheet).toMatch(/<dataValidation type="whole"[^>]*sqref="I5:I204"><formula1>1<\/formula1><formula2>1000000<\/formula2>/);
    expect(sheet).toContain('用“、”隔开');
    expect(parts.get('xl/workbook.xml')).toMatch(/<sheet [^>]*name="产业标签" state="hidden"/);
    expect(sharedStrings(parts)).toEqual(expect.arrayContaining([...DEFAULT_INDUSTRY_TAGS]));
    const notes = [...sheetRows(parts, 'xl/worksheets/sheet3.xml').values()].map((r) => r[0] ?? '');
    expect(notes[0]).toBe('填表说明');
    expect(notes.length).toBeGreaterThan(FORM_INSTRUCTIONS.length + 1);
  });

  it('lists the campaign tags and prefills the unit', async () => {
    const parts = await unzipText(await renderFormTemplateXlsx({ industryTags: ['集成电路', '低空经济'], unitName: '上海市经济和信息化委员会' }));
    expect(parts.get('xl/worksheets/sheet1.xml')).toContain('$A$1:$A$2</formula1>');
    expect(sharedStrings(parts)).toEqual(expect.arrayContaining(['低空经济', '上海市经济和信息化委员会']));
  });
});
