import type { NoticeItem } from '../db/schema/index.ts';

/** What the notice and final-list documents show: title, header lines, the list, and optionally removed items. No personal data. */
export interface NoticeListDocument {
  title: string;
  docNo: string;
  lines: string[];
  items: NoticeItem[];
  removed?: (NoticeItem & { reason: string })[];
  hash: string;
}

/** Columns of the list, with relative widths. */
export const NOTICE_LIST_COLUMNS = [
  { label: '序号', width: 5 },
  { label: '职业编码', width: 11 },
  { label: '职业', width: 14 },
  { label: '工种', width: 12 },
  { label: '国家职业技能标准（版本）', width: 20 },
  { label: '产业类别', width: 14 },
  { label: '推荐单位', width: 24 },
] as const;

/** The cell texts of one item. */
export function noticeListCells(i: NoticeItem): string[] {
  return [String(i.seq), i.occupationCode, i.occupationName, i.jobTypeName || '—', `${i.standardName}${i.standardVersion ? `（${i.standardVersion}）` : ''}`, i.industries.join('、'), i.recommendingUnits.join('、')];
}
