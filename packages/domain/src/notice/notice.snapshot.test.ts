import { describe, expect, it } from 'vitest';
import {
  buildFinalList,
  serializeNoticeSnapshot,
  snapshotNotice,
  verifyNoticeSnapshot,
  type HashFunction,
  type NoticeItem,
  type NoticeSnapshotContent,
} from './notice.snapshot.ts';

// Web Crypto (browser and Node alike); the server may pass a synchronous node:crypto SHA-256 or SM3 instead.
const hex = (buf: ArrayBuffer) => [...new Uint8Array(buf)].map((b) => b.toString(16).padStart(2, '0')).join('');
const sha256: HashFunction = { algorithm: 'sha256', digest: async (d) => hex(await crypto.subtle.digest('SHA-256', d as Uint8Array<ArrayBuffer>)) };
/** A toy synchronous hash, to show that synchronous functions are accepted too. */
const byteSum: HashFunction = { algorithm: 'sum', digest: (d) => d.reduce((a, b) => (a + b) % 65536, 0).toString(16) };

const item = (seq: number, over: Partial<NoticeItem> = {}): NoticeItem => ({
  itemId: `c${seq}`,
  seq,
  occupationCode: '4-10-01-05',
  occupationName: '养老护理员',
  jobTypeName: '',
  standardName: '养老护理员',
  standardVersion: '2019年版',
  industries: ['养老护理'],
  recommendingUnits: ['黄浦区人社局', '市民政局'],
  ...over,
});

const content: NoticeSnapshotContent = {
  title: '2024年社会化职业技能等级认定职业（工种）公示',
  documentNumber: '沪人社职〔2024〕400号',
  startDate: '2024-10-08',
  endDate: '2024-10-14',
  items: [item(2, { occupationCode: '6-25-04-07', occupationName: '汽车装调工', jobTypeName: '汽车电器装调工' }), item(1)],
};

describe('notice snapshot', () => {
  it('is independent of item order and key order, sensitive to content', async () => {
    const a = await snapshotNotice(content, sha256);
    const b = await snapshotNotice({ ...content, items: [...content.items].reverse() }, sha256);
    expect(a).toEqual(b);
    expect(a.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(a.canonical.startsWith('{"documentNumber":"沪人社职〔2024〕400号","endDate":"2024-10-14","format":"zhengji.notice-snapshot.v1"')).toBe(true);
    const c = await snapshotNotice({ ...content, items: [item(1, { standardVersion: '2020年版' }), content.items[0]!] }, sha256);
    expect(c.hash).not.toBe(a.hash);
    const sync = await snapshotNotice(content, byteSum);
    expect(sync.canonical).toBe(a.canonical);
    expect(sync.algorithm).toBe('sum');
    expect(await verifyNoticeSnapshot(sync, byteSum)).toBe(true);
  });

  it('verifies and detects tampering', async () => {
    const s = await snapshotNotice(content, sha256);
    expect(await verifyNoticeSnapshot(s, sha256)).toBe(true);
    expect(await verifyNoticeSnapshot({ ...s, canonical: s.canonical.replace('养老护理员', '护理员') }, sha256)).toBe(false);
    expect(await verifyNoticeSnapshot(s, { ...sha256, algorithm: 'sm3' })).toBe(false);
  });

  it.each([
    [[item(1), item(3)], '序号须从1开始连续编号'],
    [[item(2)], '序号须从1开始连续编号'],
    [[item(1), { ...item(2), itemId: 'c1' }], '重复'],
  ])('refuses bad item lists (%#)', (items, message) => {
    expect(() => serializeNoticeSnapshot({ ...content, items })).toThrow(message);
  });
});

describe('buildFinalList', () => {
  it('removes withdrawn items, renumbers and shows the difference', () => {
    const items = [item(1), item(2), item(3)];
    const final = buildFinalList(items, ['c2']);
    expect(final.items.map((i) => [i.itemId, i.seq, i.noticeSeq])).toEqual([
      ['c1', 1, 1],
      ['c3', 2, 3],
    ]);
    expect(final.withdrawn.map((i) => i.itemId)).toEqual(['c2']);
    expect(buildFinalList(items, []).withdrawn).toEqual([]);
    expect(() => buildFinalList(items, ['c9'])).toThrow('c9');
  });
});
