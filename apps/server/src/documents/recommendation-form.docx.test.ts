import { describe, expect, it } from 'vitest';
import { FORM_COLUMNS, FORM_INSTRUCTIONS, FORM_TITLE } from './form-layout.ts';
import { AI_TRAINER_ROW, ELDER_CARE_ROW, manyRows, sampleForm } from '../../test/form-fixtures.ts';
import { renderRecommendationFormDocx } from './recommendation-form.docx.ts';
import { unzipText } from '../../test/documents.ts';

/** The visible text runs of a part, decoded, in document order. */
function runs(xml: string): string[] {
  return [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) =>
    (m[1] ?? '')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&apos;/g, "'")
      .replace(/&amp;/g, '&'),
  );
}

describe('renderRecommendationFormDocx', () => {
  it('lays out the notice form: 附件, title, unit, ten headers, rows in order, contact, date, instructions', async () => {
    const parts = await unzipText(await renderRecommendationFormDocx(sampleForm()));
    const xml = parts.get('word/document.xml') ?? '';
    const text = runs(xml);
    expect(text[0]).toBe('附件');
    expect(text[1]).toBe(FORM_TITLE);
    expect(text.join('')).toContain('推荐单位（加盖公章）：上海市浦东新区人力资源和社会保障局');
    const headerStart = text.indexOf('序号');
    expect(text.slice(headerStart, headerStart + 10)).toEqual(FORM_COLUMNS.map((c) => c.label));
    expect(text.slice(headerStart + 10, headerStart + 20)).toEqual([
      '1',
      '4-10-01-05',
      '养老护理员',
      '',
      '养老护理员',
      '2019年版',
      '是',
      '养老护理',
      '3000',
      ELDER_CARE_ROW.reason,
    ]);
    expect(text.slice(headerStart + 20, headerStart + 30)).toEqual([
      '2',
      '4-04-05-05',
      '人工智能训练师',
      '数据标注员',
      '人工智能训练师',
      '2021年版',
      '否',
      '人工智能、电子信息',
      '1200',
      AI_TRAINER_ROW.reason,
    ]);
    const joined = text.join('\n');
    expect(joined).toContain('联系人：王晓明');
    expect(joined).toContain('联系方式：021-68541234');
    expect(joined).toContain('2024年10月22日');
    for (const instruction of FORM_INSTRUCTIONS) expect(joined).toContain(instruction);
    expect(joined.indexOf('填表说明')).toBeGreaterThan(joined.indexOf('2024年10月22日'));
    expect(xml).toContain('<w:pageBreakBefore/>');
  });

  it('escapes markup and ampersands as text', async () => {
    const xml = (await unzipText(await renderRecommendationFormDocx(sampleForm()))).get('word/document.xml') ?? '';
    expect(xml).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(xml).toContain('数据标注岗位需求快速增长 &amp; 企业急需评价渠道');
    expect(xml).not.toContain('<script>');
  });

  it('is A4 landscape, repeats the header row and never splits a row', async () => {
    const form = sampleForm(manyRows(45));
    const xml = (await unzipText(await renderRecommendationFormDocx(form))).get('word/document.xml') ?? '';
    expect(xml).toMatch(/<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"\/>/);
    expect(xml.match(/<w:tblHeader\/>/g)).toHaveLength(1);
    expect(xml.match(/<w:cantSplit\/>/g)).toHaveLength(46);
    expect(xml.match(/<w:tr>/g)).toHaveLength(46);
  });

  it('prints page numbers and the verification code in the footer', async () => {
    const parts = await unzipText(await renderRecommendationFormDocx(sampleForm()));
    const footer = [...parts]
      .filter(([name]) => /^word\/footer\d*\.xml$/.test(name))
      .map(([, x]) => x)
      .join('');
    expect(footer).toContain('PAGE');
    expect(footer).toContain('NUMPAGES');
    expect(runs(footer).join('')).toContain('校验码：9F3A2C1B');
    expect([...parts.keys()].some((name) => /^word\/header\d*\.xml$/.test(name))).toBe(false);
  });

  it('marks a draft with 草稿 in the page header and prints no verification code', async () => {
    const parts = await unzipText(await renderRecommendationFormDocx(sampleForm(undefined, { isDraft: true, verificationCode: null })));
    const header = [...parts]
      .filter(([name]) => /^word\/header\d*\.xml$/.test(name))
      .map(([, x]) => runs(x).join(''))
      .join('');
    expect(header).toContain('草稿');
    const footer = [...parts]
      .filter(([name]) => /^word\/footer\d*\.xml$/.test(name))
      .map(([, x]) => runs(x).join(''))
      .join('');
    expect(footer).toContain('校验码：无（草稿）');
  });

  it('leaves the date blank to fill by hand when the form has no fill date', async () => {
    const form = sampleForm(undefined, { header: { contactName: '', contactPhone: '', fillDate: null } });
    const xml = (await unzipText(await renderRecommendationFormDocx(form))).get('word/document.xml') ?? '';
    expect(runs(xml).join('')).toContain('年　　月　　日');
  });
});
