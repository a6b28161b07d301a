import { describe, expect, it } from 'vitest';
import type { NoticeItem } from '../db/schema/index.ts';
import { finalDocument, noticeDocument, type NoticeSource } from './notice-list-layout.ts';
import { renderNoticeListOfd } from './notice-list.ofd.ts';
import { renderNoticeListPdf } from './notice-list.pdf.ts';
import { readOfd } from './ofd-reader-check.ts';
import { poppler, tempFile, THIRTEEN_TAGS as TAGS } from '../../test/documents.ts';

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

async function pdfPages(bytes: Buffer): Promise<number> {
  return Number(/Pages:\s+(\d+)/.exec(await poppler('pdfinfo', [await tempFile('n.pdf', bytes)]))?.[1]);
}

describe('the notice as OFD (GB/T 33190)', () => {
  it('is a valid package: A4 pages, embedded Noto CJK subsets covering every character, the PDF text at the PDF places', async () => {
    const d = noticeDocument(notice(), SITE);
    const ofd = await readOfd(await renderNoticeListOfd(d));
    expect(ofd.problems).toEqual([]);
    expect(ofd.title).toBe('关于2024年社会化职业技能等级认定职业（工种）名单的公示');
    expect(ofd.pages).toHaveLength(await pdfPages(await renderNoticeListPdf(d)));
    expect(ofd.pages[0]).toMatchObject({ width: 210, height: 297 });
    expect(ofd.pages.at(-1)).toMatchObject({ width: 297, height: 210 });
    expect(ofd.fonts.map((f) => f.fontName).sort()).toEqual(['NotoSansCJKsc-Bold', 'NotoSansCJKsc-Regular', 'NotoSerifCJKsc-Bold', 'NotoSerifCJKsc-Regular']);
    // Subsets, not the 20–26 MB collections; the only character without a glyph is the emoji (as in the PDF).
    for (const f of ofd.fonts) expect(f.bytes).toBeLessThan(600_000);
    expect(ofd.fonts.flatMap((f) => f.glyphsMissing)).toEqual(['😀']);
    const flat = squeeze(ofd.pages.map((p) => p.text).join('\n'));
    for (const part of [
      '沪职鉴〔2024〕12号',
      '关于2024年社会化职业技能等级认定职业（工种）名单的公示',
      '拟将以下职业（工种）纳入本市社会化职业技能等级认定范围，现予以公示。',
      '公示期：2024年10月22日至2024年10月28日。',
      `${SITE}/public/notices/11111111-2222-3333-4444-555555555555`,
      '附件：2024年社会化职业技能等级认定职业（工种）名单',
      '上海市职业技能鉴定中心2024年10月21日',
      '<b>养老</b>&护',
      `内容校验码（SHA-256）：${'ab'.repeat(32)}`,
    ])
      expect(flat).toContain(squeeze(part));
    // The body: 三号 (16 pt = 5.644 mm) characters, 28 to a line starting 28 mm from the left edge.
    const body = ofd.pages[0]?.runs.find((r) => r.text.startsWith('经单位推荐'));
    expect(body?.size).toBeCloseTo(5.644, 2);
    expect(body?.x).toBeCloseTo(28 + 2 * (156 / 28), 0);
    const xs = body?.xs ?? [];
    // The PDF's pitch: pdfmake applies the 0.2 pt tightening only inside multi-character inlines (see the report).
    const pitch = ((xs.at(-1) ?? 0) - (xs[0] ?? 0)) / (xs.length - 1);
    expect(pitch).toBeGreaterThan(156 / 28 - 0.01);
    expect(pitch).toBeLessThan(5.65);
    expect(squeeze(ofd.pages.at(-1)?.text ?? '')).toContain(`—${String(ofd.pages.length)}—`);
  }, 60_000);

  it('the final list with its second attachment (500-character reason), 200 rows, an empty body', async () => {
    const removed = [{ ...item(1, { occupationName: '茶艺师 & <茶>' }), reason: '异议成立：'.padEnd(500, '理') }];
    const items = Array.from({ length: 200 }, (_, i) => ({ ...item(i + 1, { industries: i === 0 ? TAGS : ['养老护理'] }), noticeSeq: i + 2 }));
    const d = finalDocument({ campaignTitle: '2024年征集', noticeId: 'n1', items, removed, hash: 'cd'.repeat(32), publishedAt: '2024-11-05T02:00:00Z' }, SITE);
    const ofd = await readOfd(await renderNoticeListOfd(d));
    expect(ofd.problems).toEqual([]);
    expect(ofd.pages).toHaveLength(await pdfPages(await renderNoticeListPdf(d)));
    const flat = squeeze(ofd.pages.map((p) => p.text).join('\n'));
    expect(flat).toContain('公示名单中第1项“茶艺师&<茶>”经异议处理后撤销');
    expect(flat).toContain('附件2');
    expect(flat).toContain('理'.repeat(40));
    expect(flat).toContain('2024年11月5日');
    for (const n of [1, 100, 200]) expect(flat).toContain(`${String(n)}4-10-01-05`);

    const empty = await readOfd(await renderNoticeListOfd(noticeDocument(notice({ body: '' }), SITE)));
    expect(empty.problems).toEqual([]);
    expect(squeeze(empty.pages[0]?.text ?? '')).toContain('拟将2个职业（工种）纳入本市社会化职业技能等级认定范围，现予以公示（名单见附件）。');
  }, 120_000);
});
