import { beforeAll, describe, expect, it } from 'vitest';
import { FORM_INSTRUCTIONS, FORM_TITLE } from './form-layout.ts';
import { manyRows, sampleForm } from '../../test/form-fixtures.ts';
import { renderRecommendationFormPdf } from './recommendation-form.pdf.ts';
import { poppler, tempFile } from '../../test/documents.ts';

/** Text of the PDF with all white space removed (pdftotext breaks wrapped cells into lines). */
function squeeze(text: string): string {
  return text.replace(/\s+/g, '');
}

describe('renderRecommendationFormPdf', () => {
  let submitted: string;
  let draft: string;

  beforeAll(async () => {
    submitted = await tempFile('form.pdf', await renderRecommendationFormPdf(sampleForm(manyRows(45))));
    draft = await tempFile('draft.pdf', await renderRecommendationFormPdf(sampleForm(undefined, { isDraft: true, verificationCode: null })));
  });

  it('is A4 landscape with several pages', async () => {
    const info = await poppler('pdfinfo', [submitted]);
    expect(info).toMatch(/Page size:\s+841\.89 x 595\.2\d pts \(A4\)/);
    const pages = Number(/Pages:\s+(\d+)/.exec(info)?.[1]);
    expect(pages).toBeGreaterThanOrEqual(3);
    expect(info).toContain(FORM_TITLE);
  });

  it('embeds a subset of Noto Sans CJK', async () => {
    const fonts = await poppler('pdffonts', [submitted]);
    const lines = fonts.split('\n').filter((line) => line.includes('NotoSansCJKsc'));
    expect(lines.length).toBeGreaterThanOrEqual(2);
    for (const line of lines) {
      expect(line).toMatch(/^[A-Z]{6}\+NotoSansCJKsc-(Regular|Bold)/);
      expect(line).toMatch(/\byes\s+yes\s+yes\b/);
    }
  });

  it('prints the form: title, unit, headers, rows in order, contact and date, instructions last', async () => {
    const text = await poppler('pdftotext', ['-layout', submitted, '-']);
    const flat = squeeze(text);
    expect(flat).toContain(FORM_TITLE);
    expect(flat).toContain('推荐单位（加盖公章）：上海市浦东新区人力资源和社会保障局');
    expect(flat).toContain('联系人：王晓明');
    expect(flat).toContain('联系方式：021-68541234');
    expect(flat).toContain('2024年10月22日');
    const pages = text.split('\f');
    const last = squeeze(pages.filter((p) => p.trim() !== '').at(-1) ?? '');
    expect(last).toContain('填表说明');
    for (const instruction of FORM_INSTRUCTIONS) expect(last).toContain(squeeze(instruction));
    const expectedOrder = manyRows(45).map((r) => String(r.expectedAssessments));
    let cursor = 0;
    for (const value of expectedOrder) {
      const at = text.indexOf(` ${value} `, cursor);
      expect(at, `expected ${value} after position ${cursor}`).toBeGreaterThan(-1);
      cursor = at;
    }
  });

  it('repeats the header row and the footer on every page of the table', async () => {
    const pages = (await poppler('pdftotext', ['-layout', submitted, '-'])).split('\f').filter((p) => p.trim() !== '');
    const total = pages.length;
    pages.forEach((page, i) => {
      const flat = squeeze(page);
      expect(flat).toContain(`第${i + 1}页/共${total}页`);
      expect(flat).toContain('校验码：9F3A2C1B');
      if (/\d-\d\d-\d\d-\d\d/.test(flat)) expect(flat).toContain('职业编码');
    });
  });

  it('keeps markup and ampersands as text and wraps long reasons', async () => {
    const flat = squeeze(await poppler('pdftotext', ['-layout', submitted, '-']));
    expect(flat).toContain('<script>alert(1)</script>应原样保留为文字');
    expect(flat).toContain('快速增长&企业急需评价渠道');
    expect(flat).toContain('急需开展社会化职业技能等级认定');
  });

  it('puts 附件 above the title and keeps the contact lines and the date with the last row (10 rows)', async () => {
    const path = await tempFile('ten.pdf', await renderRecommendationFormPdf(sampleForm(manyRows(10))));
    const pages = (await poppler('pdftotext', ['-layout', path, '-']))
      .split('\f')
      .filter((p) => p.trim() !== '')
      .map(squeeze);
    expect(pages[0]?.indexOf('附件')).toBeLessThan(pages[0]?.indexOf(FORM_TITLE) ?? -1);
    const contactPage = pages.find((p) => p.includes('联系人：王晓明')) ?? '';
    expect(contactPage).toContain('2024年10月22日');
    expect(contactPage).toContain('109'); // the last row's expected assessments
    expect(contactPage).toContain('职业编码');
  });

  it('marks a draft with 草稿 and prints no verification code', async () => {
    const flat = squeeze(await poppler('pdftotext', [draft, '-']));
    expect(flat).toContain('草稿·尚未定稿');
    expect(flat).toContain('校验码：无（草稿）');
  });
});
