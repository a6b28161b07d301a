import { endOfShanghaiDay, formatChineseDate } from '@zhengji/domain';
import type { NoticeItem } from '../db/schema/index.ts';

/**
 * The 公示 announcement and the final list as the center issues them (GB/T 9704-2012 layout in Word and PDF, the list
 * alone in Excel, the same text on the public page): 发文字号, title, body, period, how and where to object, 附件 list,
 * 发文机关署名 and 成文日期, then each attachment (a list) on pages of its own. No personal data.
 */

/** 发文机关署名 of the announcements. */
export const NOTICE_ISSUER = '上海市职业技能鉴定中心';

/** One attachment: a list table with its title. */
export interface NoticeAttachment {
  title: string;
  header: string[];
  /** Relative widths, one per column. */
  widths: number[];
  rows: string[][];
}

/** What the notice and final-list documents show. */
export interface NoticeListDocument {
  title: string;
  docNo: string;
  /** Body paragraphs in order, without indentation (the renderers indent by two characters). */
  paragraphs: string[];
  issuer: string;
  /** 成文日期, e.g. 2024年10月22日. */
  date: string;
  attachments: NoticeAttachment[];
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
  return [
    String(i.seq),
    i.occupationCode,
    i.occupationName,
    i.jobTypeName || '—',
    `${i.standardName}${i.standardVersion ? `（${i.standardVersion}）` : ''}`,
    i.industries.join('、'),
    i.recommendingUnits.join('、'),
  ];
}

/** A Shanghai calendar date (YYYY-MM-DD) as 2024年10月22日. */
export function chineseDay(iso: string): string {
  return formatChineseDate(endOfShanghaiDay(iso));
}

/** The 附件 line of the body: one name, or numbered names aligned under the first. */
export function attachmentNote(names: readonly string[]): string {
  if (names.length === 1) return `附件：${names[0] ?? ''}`;
  return names.map((n, i) => `${i === 0 ? '附件：' : '　　　'}${i + 1}. ${n}`).join('\n');
}

const LIST_HEADER = NOTICE_LIST_COLUMNS.map((c) => c.label);
const LIST_WIDTHS = NOTICE_LIST_COLUMNS.map((c) => c.width);

/** The input of the notice document (a published notice as the public sees it). */
export interface NoticeSource {
  id: string;
  campaignTitle: string;
  title: string;
  body: string;
  docNo: string;
  startDate: string;
  endDate: string;
  items: NoticeItem[];
  snapshotHash: string;
  publishedAt: Date;
  contactEmail?: string | null;
}

/** The announcement text of a notice; `siteUrl` is the public site's origin (https://host). */
export function noticeDocument(n: NoticeSource, siteUrl: string): NoticeListDocument {
  const core = n.title.replace(/^关于/, '').replace(/的公示$/, '');
  const listTitle = core.endsWith('名单') ? core : `${core}名单`;
  const typed = n.body
    .split(/\r?\n/)
    .map((p) => p.trim())
    .filter(Boolean);
  const body =
    typed.length > 0
      ? typed
      : [
          `根据${n.campaignTitle}工作安排，经单位推荐、专家评估，拟将${String(n.items.length)}个职业（工种）纳入本市社会化职业技能等级认定范围，现予以公示（名单见附件）。`,
        ];
  const email = n.contactEmail ? `，也可发送电子邮件至${n.contactEmail}` : '';
  return {
    title: n.title,
    docNo: n.docNo,
    paragraphs: [
      ...body,
      `公示期：${chineseDay(n.startDate)}至${chineseDay(n.endDate)}。`,
      `公示期内，任何单位或个人对名单中的职业（工种）有异议的，可登录${siteUrl}/public/notices/${n.id}，通过“提出异议”在线提交${email}。异议应写明异议对象和理由，可附证明材料（PDF、JPEG 或 PNG，每个不超过 10 MB，最多 3 个）。在线提交后可凭受理编号和查询码在${siteUrl}/public/objections/query 查询办理进度和答复。公示期满后提出的异议不予受理。`,
      attachmentNote([listTitle]),
    ],
    issuer: NOTICE_ISSUER,
    date: formatChineseDate(n.publishedAt),
    attachments: [{ title: listTitle, header: LIST_HEADER, widths: LIST_WIDTHS, rows: n.items.map(noticeListCells) }],
    hash: n.snapshotHash,
  };
}

/** The input of the final-list document. */
export interface FinalSource {
  campaignTitle: string;
  noticeId: string;
  items: (NoticeItem & { noticeSeq?: number })[];
  removed: (NoticeItem & { reason: string })[];
  hash: string;
  publishedAt: string;
}

/** The announcement of the final list: the list, and the items withdrawn from the notice named with the reason. */
export function finalDocument(f: FinalSource, siteUrl: string): NoticeListDocument {
  const title = `${f.campaignTitle}最终名单`;
  const listTitle = `${f.campaignTitle}最终名单（共${String(f.items.length)}项）`;
  const removedTitle = `与公示名单的差异（撤销项目${String(f.removed.length)}项）`;
  const withdrawn =
    f.removed.length === 0
      ? '最终名单与公示名单一致，无撤销项目。'
      : `公示名单中${f.removed.map((r) => `第${String(r.seq)}项“${r.occupationName}${r.jobTypeName ? `（${r.jobTypeName}）` : ''}”`).join('、')}经异议处理后撤销，未列入最终名单（撤销原因见附件2）。`;
  const attachments: NoticeAttachment[] = [
    {
      title: listTitle,
      header: [...LIST_HEADER, '公示序号'],
      widths: [...LIST_WIDTHS, 7],
      rows: f.items.map((i) => [...noticeListCells(i), i.noticeSeq === undefined ? '' : String(i.noticeSeq)]),
    },
  ];
  if (f.removed.length > 0)
    attachments.push({
      title: removedTitle,
      header: [...LIST_HEADER, '撤销原因'],
      widths: [...LIST_WIDTHS, 20],
      rows: f.removed.map((r) => [...noticeListCells(r), r.reason]),
    });
  return {
    title,
    docNo: '',
    paragraphs: [
      `经单位推荐、专家评估和社会公示（公示详见${siteUrl}/public/notices/${f.noticeId}），以下${String(f.items.length)}个职业（工种）纳入本市社会化职业技能等级认定范围（名单见附件${f.removed.length > 0 ? '1' : ''}）。面向社会公开征集遴选社会培训评价组织的有关工作另行通知。`,
      withdrawn,
      attachmentNote(attachments.map((a) => a.title)),
    ],
    issuer: NOTICE_ISSUER,
    date: formatChineseDate(new Date(f.publishedAt)),
    attachments,
    hash: f.hash,
  };
}

/** Approximate width of a text in ems (CJK 1, others 0.5), for the signature block. */
export function textEms(text: string): number {
  let ems = 0;
  for (const ch of text) ems += (ch.codePointAt(0) ?? 0) > 0xff ? 1 : 0.5;
  return ems;
}

/** Right indents (in ems) of the issuer and the date: the date 4 characters from the right, the issuer centered on it. */
export function signatureIndents(issuer: string, date: string): { issuer: number; date: number } {
  const dateRight = 4;
  const center = dateRight + textEms(date) / 2;
  return { issuer: Math.max(0, center - textEms(issuer) / 2), date: dateRight };
}
