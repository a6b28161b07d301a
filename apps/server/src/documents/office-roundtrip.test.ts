import { execFile } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { FORM_INSTRUCTIONS } from './form-layout.ts';
import { manyRows, sampleForm } from '../../test/form-fixtures.ts';
import { renderFormTemplateXlsx } from './form-template.xlsx.ts';
import { toCsv } from './dossier-csv.ts';
import { finalDocument, noticeDocument } from './notice-list-layout.ts';
import { renderNoticeListDocx } from './notice-list.docx.ts';
import { renderNoticeListXlsx } from './notice-list.xlsx.ts';
import { renderRecommendationFormDocx } from './recommendation-form.docx.ts';
import { renderRecommendationFormXlsx } from './recommendation-form.xlsx.ts';
import { renderScoreSheetDocx } from './review-docx.ts';
import { SCORE_SHEET_PLEDGE } from './review-layout.ts';
import { poppler, THIRTEEN_TAGS as TAGS } from '../../test/documents.ts';

/**
 * Every kind of generated Word and Excel file opened in a real office suite: LibreOffice (Debian's
 * libreoffice-writer-nogui and libreoffice-calc-nogui, installed by .ci/run) converts it to PDF, and the text must be
 * all there, whole, on the expected number of pages. No skip: CI installs soffice, a missing one fails here.
 */
const run = promisify(execFile);
const squeeze = (t: string) => t.replace(/\s+/g, '');

const NOTICE = {
  id: '11111111-2222-3333-4444-555555555555',
  campaignTitle: '2024年社会化职业技能等级认定职业（工种）征集',
  title: '关于2024年社会化职业技能等级认定职业（工种）名单的公示',
  body: '经单位推荐、专家评估，拟将以下职业（工种）纳入本市社会化职业技能等级认定范围，现予以公示。',
  docNo: '沪职鉴〔2024〕12号',
  startDate: '2024-10-22',
  endDate: '2024-10-28',
  items: Array.from({ length: 30 }, (_, i) => ({
    seq: i + 1,
    candidateId: `c${String(i)}`,
    occupationCode: '4-10-01-05',
    occupationName: i === 1 ? '养老<护理>员 & 伙伴' : '养老护理员',
    jobTypeName: '',
    standardName: '养老护理员',
    standardVersion: '2019年版',
    industries: ['养老护理'],
    recommendingUnits: ['上海市浦东新区人力资源和社会保障局'],
  })) as never,
  snapshotHash: 'ab'.repeat(32),
  publishedAt: new Date('2024-10-21T10:00:00+08:00'),
  contactEmail: 'yanfa312@126.com',
};

/** Bad input: 200 rows, 500-character reasons, 13 industry tags, names with <, & and emoji, an empty notice body. */
const ODD_NAME = '养老<护理>员 & 伙伴 😀';
const REASON_500 = `异议成立：${'该职业已在本市开展社会化评价，'.repeat(40)}`.slice(0, 500);
const BAD_FORM = sampleForm(
  manyRows(200).map((r, i) => ({
    ...r,
    occupationName: i % 50 === 0 ? ODD_NAME : r.occupationName,
    industries: i % 50 === 0 ? TAGS : r.industries,
    reason: i % 50 === 0 ? REASON_500 : r.reason,
  })),
  { unitName: '上海市<浦东>新区 & 人社局 😀' },
);
const BASE_ITEM = {
  seq: 1,
  candidateId: 'c',
  occupationCode: '4-10-01-05',
  occupationName: '养老护理员',
  jobTypeName: '',
  standardName: '养老护理员',
  standardVersion: '2019年版',
  industries: ['养老护理'],
  recommendingUnits: ['上海市浦东新区人力资源和社会保障局'],
};
const BAD_ITEMS = Array.from({ length: 200 }, (_, i) => ({
  ...BASE_ITEM,
  seq: i + 1,
  candidateId: `b${String(i)}`,
  occupationName: i % 50 === 0 ? ODD_NAME : '养老护理员',
  industries: i % 50 === 0 ? TAGS : ['养老护理'],
})) as never;
const BAD_NOTICE = noticeDocument({ ...NOTICE, body: '', items: BAD_ITEMS }, 'https://zhengji.example.gov.cn');
const BAD_FINAL = finalDocument(
  {
    campaignTitle: NOTICE.campaignTitle,
    noticeId: NOTICE.id,
    items: BAD_ITEMS,
    removed: [{ ...BASE_ITEM, seq: 7, occupationName: ODD_NAME, reason: REASON_500 } as never],
    hash: 'cd'.repeat(32),
    publishedAt: '2024-11-05T02:00:00Z',
  },
  'https://zhengji.example.gov.cn',
);
const BAD_CSV = toCsv(
  ['推荐单位', '异议理由', '时间'],
  [
    [ODD_NAME, `第一行\n第二行，含逗号和"引号"`, new Date('2024-10-22T06:03:05Z')],
    ['=HYPERLINK("x")', REASON_500, null],
  ],
);

const pages = new Map<string, { text: string; raw: string; count: number }>();

beforeAll(async () => {
  const dir = await mkdtemp(join(tmpdir(), 'zhengji-office-'));
  const form = sampleForm(manyRows(10));
  const files: Record<string, Buffer> = {
    'form.docx': await renderRecommendationFormDocx(form),
    'form-sheet.xlsx': await renderRecommendationFormXlsx(form),
    'template.xlsx': await renderFormTemplateXlsx(),
    'notice.docx': await renderNoticeListDocx(noticeDocument(NOTICE, 'https://zhengji.example.gov.cn')),
    'score-sheet.docx': await renderScoreSheetDocx({
      campaignTitle: '2024年征集',
      expertName: '王某',
      organization: '某职业技术学院',
      title: '教授',
      criteria: [
        { id: 'a', name: '社会需求', description: '', weight: 50 },
        { id: 'b', name: '标准完备', description: '', weight: 50 },
      ],
      rows: Array.from({ length: 10 }, (_, i) => ({
        occupationCode: '4-10-01-05',
        occupationName: '养老护理员',
        jobTypeName: '',
        scores: { a: 8, b: 7 },
        weightedScore: 7.5,
        opinion: null,
        comment: '建议纳入。'.repeat(i % 3 === 0 ? 12 : 1),
        submitted: true,
      })),
      printedAt: '2024-10-22 10:00',
    }),
    'notice-list.xlsx': await renderNoticeListXlsx(noticeDocument(NOTICE, 'https://zhengji.example.gov.cn')),
    'bad-form.docx': await renderRecommendationFormDocx(BAD_FORM),
    'bad-form-sheet.xlsx': await renderRecommendationFormXlsx(BAD_FORM),
    'bad-notice.docx': await renderNoticeListDocx(BAD_NOTICE),
    'bad-notice-sheet.xlsx': await renderNoticeListXlsx(BAD_NOTICE),
    'bad-final.docx': await renderNoticeListDocx(BAD_FINAL),
    'bad-final-sheet.xlsx': await renderNoticeListXlsx(BAD_FINAL),
  };
  for (const [name, bytes] of Object.entries(files)) await writeFile(join(dir, name), bytes);
  await run(
    'soffice',
    ['--headless', `-env:UserInstallation=file://${dir}/profile`, '--convert-to', 'pdf', '--outdir', dir, ...Object.keys(files).map((n) => join(dir, n))],
    { timeout: 420_000 },
  );
  // A dossier CSV as Excel/WPS users open it: LibreOffice Calc told nothing but the file (UTF-8 found from the BOM).
  await writeFile(join(dir, 'dossier.csv'), BAD_CSV);
  await run(
    'soffice',
    [
      '--headless',
      `-env:UserInstallation=file://${dir}/profile`,
      '--infilter=CSV:44,34,76,1',
      '--convert-to',
      'pdf',
      '--outdir',
      dir,
      join(dir, 'dossier.csv'),
    ],
    { timeout: 120_000 },
  );
  files['dossier.csv'] = Buffer.from(BAD_CSV);
  for (const name of Object.keys(files)) {
    const pdf = join(dir, name.replace(/\.\w+$/, '.pdf'));
    const info = await poppler('pdfinfo', [pdf]);
    // -layout keeps the page's lines; the raw reading order keeps a wrapped cell's text together.
    pages.set(name, {
      text: await poppler('pdftotext', ['-layout', pdf, '-']),
      raw: await poppler('pdftotext', [pdf, '-']),
      count: Number(/Pages:\s+(\d+)/.exec(info)?.[1]),
    });
  }
}, 600_000);

describe('generated documents opened in LibreOffice', () => {
  it('the Word 推荐表: 附件, every row, contact and date with the last row, the seven instructions whole', () => {
    const doc = pages.get('form.docx');
    const flat = squeeze(doc?.text ?? '');
    expect(flat).toContain('附件');
    for (const instruction of FORM_INSTRUCTIONS) expect(flat).toContain(squeeze(instruction));
    const sheets = (doc?.text ?? '').split('\f').map(squeeze);
    const contactPage = sheets.find((p) => p.includes('联系人：王晓明')) ?? '';
    expect(contactPage).toContain('109');
    expect(contactPage).toContain('2024年10月22日');
    expect(doc?.count).toBe(3);
  });

  it('the Excel 推荐表 and the template: no instruction clipped, footer with page and code', () => {
    for (const name of ['form-sheet.xlsx', 'template.xlsx']) {
      const flat = squeeze(pages.get(name)?.text ?? '');
      for (const instruction of FORM_INSTRUCTIONS) expect(flat, name).toContain(squeeze(instruction));
      expect(flat, name).toContain('第1页/共');
    }
    expect(squeeze(pages.get('form-sheet.xlsx')?.text ?? '')).toContain('校验码：9F3A2C1B');
    expect(pages.get('form-sheet.xlsx')?.count).toBe(2);
  });

  it('the Word notice: the announcement whole, issuer and date, the list as attachment', () => {
    const doc = pages.get('notice.docx');
    const flat = squeeze(doc?.text ?? '');
    for (const sentence of [
      '沪职鉴〔2024〕12号',
      NOTICE.body,
      '公示期：2024年10月22日至2024年10月28日。',
      '公示期满后提出的异议不予受理。',
      '上海市职业技能鉴定中心',
      '2024年10月21日',
    ]) {
      expect(flat, sentence).toContain(squeeze(sentence));
    }
    expect(doc?.count).toBeGreaterThanOrEqual(3);
  });

  it('the Word score sheet keeps the promise and the signature with the last scores', () => {
    const sheets = (pages.get('score-sheet.docx')?.text ?? '').split('\f');
    const pledgePage = sheets.find((p) => squeeze(p).includes(squeeze(SCORE_SHEET_PLEDGE))) ?? '';
    expect(squeeze(pledgePage)).toContain('专家签名');
    expect(pledgePage).toMatch(/^\s*10\s+4-10-01-05/m);
  });

  it('the Excel notice list: every row, the hash', () => {
    const flat = squeeze(pages.get('notice-list.xlsx')?.text ?? '');
    expect(flat).toContain('养老<护理>员&伙伴');
    expect(flat).toContain('ab'.repeat(32));
    for (let i = 1; i <= 30; i++) expect(flat).toContain(`${String(i)}4-10-01-05`);
  });

  it('bad input: 200 rows, 500-character reasons, 13 tags, <, & and emoji, an empty notice body: every sentence whole', () => {
    for (const name of ['bad-form.docx', 'bad-form-sheet.xlsx']) {
      const flat = squeeze(pages.get(name)?.raw ?? '');
      expect(flat, name).toContain('养老<护理>员&伙伴');
      expect(flat, name).toContain(squeeze(REASON_500));
      expect(flat, name).toContain('低空经济、绿色低碳');
      expect(flat, name).toContain('上海市<浦东>新区&人社局');
      expect(flat, name).toContain('299');
    }
    for (const name of ['bad-notice.docx', 'bad-notice-sheet.xlsx', 'bad-final.docx', 'bad-final-sheet.xlsx']) {
      const flat = squeeze(pages.get(name)?.raw ?? '');
      expect(flat, name).toContain('养老<护理>员&伙伴');
      expect(flat, name).toContain('低空经济、绿色低碳');
      for (const n of [1, 100, 200]) expect(flat, `${name} ${String(n)}`).toContain(`${String(n)}4-10-01-05`);
    }
    expect(squeeze(pages.get('bad-notice.docx')?.raw ?? '')).toContain('拟将200个职业（工种）纳入本市社会化职业技能等级认定范围，现予以公示（名单见附件）。');
    // The 500-character reason wraps in its cell beside the wrapped unit name, and its row may continue on the next page
    // under the repeated header: the text extraction interleaves those, so they are taken out of both sides (order kept).
    const besideReason = new Set([...'上海市浦东新区人力资源和社会保障局']);
    const column = (t: string) =>
      [...t.replace(/序号职业编码职业工种国家职业技能标准（版本）产业类别推荐单位撤销原因/g, '').replace(/—\d+—/g, '')]
        .filter((c) => !besideReason.has(c))
        .join('');
    for (const name of ['bad-final.docx', 'bad-final-sheet.xlsx']) {
      const flat = squeeze(pages.get(name)?.raw ?? '');
      expect(column(flat), name).toContain(column(squeeze(REASON_500)));
    }
  });

  it('a dossier CSV opens in Calc as written: three columns, Chinese whole, quotes and commas kept in their cell, no formula run', () => {
    const flat = squeeze(pages.get('dossier.csv')?.raw ?? '');
    for (const header of ['推荐单位', '异议理由', '时间']) expect(flat).toContain(header);
    expect(flat).toContain('养老<护理>员&伙伴😀');
    expect(flat).toContain('第二行，含逗号和"引号"');
    expect(flat).toContain('2024-10-2214:03:05');
    expect(flat).toContain(`'=HYPERLINK("x")`);
    expect(flat).not.toContain('HYPERLINK("x")"');
  });
});
