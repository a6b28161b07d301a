import { canonicalJson } from '../shared/canonical-json.ts';
import { DomainError } from '../shared/errors.ts';

/** One listed item of a public notice, as frozen at publication. */
export interface NoticeItem {
  /** Stable id of the item (the candidate's id); objections name it. */
  itemId: string;
  /** 序号, 1..N. */
  seq: number;
  occupationCode: string;
  occupationName: string;
  /** '' for the whole occupation. */
  jobTypeName: string;
  standardName: string;
  standardVersion: string;
  industries: readonly string[];
  /** Names of the recommending units, in the order shown. */
  recommendingUnits: readonly string[];
}

/** What a notice's snapshot freezes: header and listed items. */
export interface NoticeSnapshotContent {
  title: string;
  documentNumber: string;
  /** ISO dates, Asia/Shanghai, inclusive. */
  startDate: string;
  endDate: string;
  items: readonly NoticeItem[];
}

/** Identifies the canonical format, so that a later change of format cannot silently change old hashes. */
export const NOTICE_SNAPSHOT_FORMAT = 'zhengji.notice-snapshot.v1';

/** A hash function supplied by the caller (the server passes SHA-256 or SM3 from node:crypto); returns hex. */
export interface HashFunction {
  /** Name recorded with the hash, e.g. 'sha256' or 'sm3'. */
  algorithm: string;
  digest(data: Uint8Array): string | Promise<string>;
}

/** A frozen snapshot: the canonical text and its hash. */
export interface NoticeSnapshot {
  canonical: string;
  algorithm: string;
  /** Hex digest of the UTF-8 bytes of `canonical`. */
  hash: string;
}

/** Checks that 序号 run 1..N without gaps and item ids are unique; throws DomainError('VALIDATION') otherwise. */
export function assertNoticeItems(items: readonly NoticeItem[]): void {
  const seqs = items.map((i) => i.seq).sort((a, b) => a - b);
  if (seqs.some((s, i) => s !== i + 1)) throw new DomainError('VALIDATION', '公示名单的序号须从1开始连续编号，请重新排序后再发布');
  if (new Set(items.map((i) => i.itemId)).size !== items.length) throw new DomainError('VALIDATION', '公示名单中有重复的职业（工种），请核对后再发布');
}

/** The canonical text of a notice snapshot, items in 序号 order; the same content always gives the same text. */
export function serializeNoticeSnapshot(content: NoticeSnapshotContent): string {
  assertNoticeItems(content.items);
  const items = [...content.items]
    .sort((a, b) => a.seq - b.seq)
    .map((i) => ({
      itemId: i.itemId,
      seq: i.seq,
      occupationCode: i.occupationCode.trim(),
      occupationName: i.occupationName.trim(),
      jobTypeName: i.jobTypeName.trim(),
      standardName: i.standardName.trim(),
      standardVersion: i.standardVersion.trim(),
      industries: i.industries.map((t) => t.trim()),
      recommendingUnits: i.recommendingUnits.map((u) => u.trim()),
    }));
  const snapshot = {
    format: NOTICE_SNAPSHOT_FORMAT,
    title: content.title.trim(),
    documentNumber: content.documentNumber.trim(),
    startDate: content.startDate,
    endDate: content.endDate,
    items,
  };
  // NFC, so that the same text typed on another system gives the same published hash.
  return canonicalJson(snapshot, { nfc: true });
}

/** Freezes a notice: canonical text plus its hash by the given function. */
export async function snapshotNotice(content: NoticeSnapshotContent, hash: HashFunction): Promise<NoticeSnapshot> {
  const canonical = serializeNoticeSnapshot(content);
  const digest = await hash.digest(new TextEncoder().encode(canonical));
  return { canonical, algorithm: hash.algorithm, hash: digest.toLowerCase() };
}

/** Whether a stored snapshot's text still matches its hash. */
export async function verifyNoticeSnapshot(snapshot: NoticeSnapshot, hash: HashFunction): Promise<boolean> {
  if (hash.algorithm !== snapshot.algorithm) return false;
  const digest = await hash.digest(new TextEncoder().encode(snapshot.canonical));
  return digest.toLowerCase() === snapshot.hash.toLowerCase();
}

/** The final list: the notice's items minus the withdrawn ones, renumbered, with the difference. */
export interface FinalList {
  items: (NoticeItem & { noticeSeq: number })[];
  withdrawn: NoticeItem[];
}

/** Builds the final list from the notice's items and the ids withdrawn after objections. */
export function buildFinalList(noticeItems: readonly NoticeItem[], withdrawnItemIds: readonly string[]): FinalList {
  const known = new Set(noticeItems.map((i) => i.itemId));
  const unknown = withdrawnItemIds.filter((id) => !known.has(id));
  if (unknown.length > 0) throw new DomainError('VALIDATION', `撤销的项目不在公示名单中：${unknown.join('、')}`);
  const withdrawnSet = new Set(withdrawnItemIds);
  const ordered = [...noticeItems].sort((a, b) => a.seq - b.seq);
  const kept = ordered.filter((i) => !withdrawnSet.has(i.itemId));
  return {
    items: kept.map((i, index) => ({ ...i, seq: index + 1, noticeSeq: i.seq })),
    withdrawn: ordered.filter((i) => withdrawnSet.has(i.itemId)),
  };
}
