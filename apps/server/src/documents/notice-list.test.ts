import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { NoticeItem } from '../db/schema/index.ts';
import { finalDocument, noticeDocument, type NoticeSource } from './notice-list-layout.ts';
import { renderNoticeListDocx } from './notice-list.docx.ts';
import { renderNoticeListPdf } from './notice-list.pdf.ts';
import { renderNoticeListXlsx } from './notice-list.xlsx.ts';
import { poppler, tempFile, unzipText, THIRTEEN_TAGS as TAGS } from '../../test/documents.ts';

const squeeze = (t: string) => t.replace(/\s+/g, '');
const SITE = 'https://zhengji.example.gov.cn';

function item(seq: number, overrides: Partial<NoticeItem> = {}): NoticeItem {
  return {
    seq,
    candidateId: `c${String(seq)}`,
    occupationCode: '4-10-01-05',
    occupationName: '养老护理员',
    jobTypeName: '',
    standardName: '养老护理员',
    standardVersion: '2019年版',
    industries: ['养老护理'],
    recommendingUnits: ['上海市浦东新区人力资源和社会保障局'],
    ...overrides,
  } as NoticeItem;
}

function notice(overrides: Partial<NoticeSource> = {}): NoticeSource {
  return {
    id: '11111111-2222-3333-4444-555555555555',
    campaignTitle: '2024年社会化职业技能等级认定职业（工种）征集',
    title: '关于2024年社会化职业技能等级认定职业（工种）名单的公示',
    body: '经单位推荐、专家评估，拟将以下职业（工种）纳入本市社会化职业技能等级认定范围，现予以公示。',
    docNo: '沪职鉴〔2024〕12号',
    startDate: '2024-10-22',
    endDate: '2024-10-28',
    items: [item(1), item(2, { occupationName: '<b>养老</b> & 护理 😀', industries: TAGS })],
    snapshotHash: 'ab'.repeat(32),
    publishedAt: new Date('2024-10-21T10:00:00+08:00'),
    contactEmail: 'yanfa312@126.com',
    ...overrides,
  };
}

describe('the 公示 announcement', () => {
  it('prints 发文字号, title, body, period, objection channel, 附件, issuer and date, then the list (PDF, GB/T 9704 page)', async () => {
    const path = await tempFile('notice.pdf', await renderNoticeListPdf(noticeDocument(notice(), SITE)));
    const info = await poppler('pdfinfo', ['-f', '1', '-l', '1', path]);
    expect(info).toMatch(/Page\s+1 size:\s+595\.2\d x 841\.89 pts/);
    const fonts = await poppler('pdffonts', [path]);
    expect(fonts).toMatch(/NotoSerifCJKsc-Regular/);
    expect(fonts).toMatch(/NotoSerifCJKsc-Bold/);
    const flat = squeeze(await poppler('pdftotext', [path, '-']));
    for (const part of [
      '沪职鉴〔2024〕12号',
      '关于2024年社会化职业技能等级认定职业（工种）名单的公示',
      '拟将以下职业（工种）纳入本市社会化职业技能等级认定范围，现予以公示。',
      '公示期：2024年10月22日至2024年10月28日。',
      `${SITE}/public/notices/11111111-2222-3333-4444-555555555555`,
      'yanfa312@126.com',
      '附件：2024年社会化职业技能等级认定职业（工种）名单',
      '上海市职业技能鉴定中心2024年10月21日',
      '<b>养老</b>',
      `内容校验码（SHA-256）：${'ab'.repeat(32)}`,
    ])
      expect(flat).toContain(squeeze(part));
    expect(flat).not.toContain('2024-10-22');
  });

  it('an empty body gets the standard sentence, and 200 rows lay out on landscape attachment pages', async () => {
    const items = Array.from({ length: 200 }, (_, i) => item(i + 1, { recommendingUnits: ['上海市浦东新区人力资源和社会保障局', '上海市养老服务行业协会'] }));
    const path = await tempFile('big.pdf', await renderNoticeListPdf(noticeDocument(notice({ body: '', items }), SITE)));
    const flat = squeeze(await poppler('pdftotext', [path, '-']));
    expect(flat).toContain('拟将200个职业（工种）纳入本市社会化职业技能等级认定范围，现予以公示（名单见附件）。');
    const info = await poppler('pdfinfo', ['-f', '3', '-l', '3', path]);
    expect(info).toMatch(/Page\s+3 size:\s+841\.89 x 595\.2\d pts/);
    expect(flat).toContain('200');
  });

  it('Word: GB/T 9704 margins, 22-line grid, Song faces named, the same text', async () => {
    const parts = await unzipText(await renderNoticeListDocx(noticeDocument(notice(), SITE)));
    const xml = parts.get('word/document.xml') ?? '';
    expect(xml).toMatch(/<w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1587"/);
    expect(xml).toContain('w:linePitch="580"');
    expect(xml).toContain('方正小标宋简体');
    const text = squeeze([...xml.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((m) => m[1] ?? '').join(''));
    expect(text).toContain('公示期：2024年10月22日至2024年10月28日。');
    expect(text).toContain('上海市职业技能鉴定中心');
    expect(text).toContain('&lt;b&gt;养老&lt;/b&gt;&amp;护理');
  });
});

describe('the final list', () => {
  it('names the withdrawn items and their reason as a second attachment', async () => {
    const removed = [{ ...item(1, { occupationName: '茶艺师' }), reason: '异议成立：'.padEnd(500, '理') }];
    const d = finalDocument(
      {
        campaignTitle: '2024年征集',
        noticeId: 'n1',
        items: [{ ...item(1), noticeSeq: 2 }],
        removed,
        hash: 'cd'.repeat(32),
        publishedAt: '2024-11-05T02:00:00Z',
      },
      SITE,
    );
    const flat = squeeze(await poppler('pdftotext', [await tempFile('final.pdf', await renderNoticeListPdf(d)), '-']));
    expect(flat).toContain('公示名单中第1项“茶艺师”经异议处理后撤销，未列入最终名单');
    expect(flat).toContain('附件2');
    expect(flat).toContain('2024年11月5日');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await renderNoticeListXlsx(d)) as unknown as ArrayBuffer);
    const sheet = wb.getWorksheet('撤销项目');
    const last = sheet?.getRow(sheet.rowCount);
    expect(last?.height).toBeGreaterThan(200);
    expect(sheet?.pageSetup.printTitlesRow).toMatch(/^\d+:\d+$/);
    expect(sheet?.headerFooter.oddFooter).toContain('&P');
  });
});
