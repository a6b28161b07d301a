import { CAMPAIGN_STATUS_LABELS, formatChineseDate } from '@zhengji/domain';
import type { DossierData } from '../db/queries/dossier.ts';
import { itemLabel } from '../db/queries/notice.ts';
import { dossierName } from '../documents/dossier-csv.ts';

/** File name endings of stored files by MIME type. */
export const EXT: Record<string, string> = { 'application/pdf': 'pdf', 'image/jpeg': 'jpg', 'image/png': 'png' };

/** The Chinese label of a code ('' for none, the code itself when unlabelled). */
export const label = <K extends string>(map: Record<K, string>, key: K | null | undefined) => (key ? (map[key] ?? key) : '');

/** Names in the dossier: people by id, each unit's folder, each version's and scan's file, the notice and the final list. */
export function dossierLayout(d: DossierData) {
  const person = (id: string | null | undefined) => (id ? (d.people.get(id) ?? '（已删除的用户）') : '');
  const unitOfForm = new Map(d.formRows.map((r) => [r.f.id, r.unitName]));
  // Folder per unit: its name (two units of the same name get a number).
  const folders = new Map<string, string>();
  for (const { f, unitName } of d.formRows) {
    const base = `推荐表/${dossierName(unitName)}`;
    const taken = [...folders.values()].filter((v) => v === base || v.startsWith(`${base}（`)).length;
    folders.set(f.id, taken ? `${base}（${String(taken + 1)}）` : base);
  }
  const versionFile = (v: (typeof d.versions)[number]) =>
    `${folders.get(v.formId) ?? '推荐表'}/推荐表-第${String(v.number)}版${v.voidedAt ? '-已作废' : ''}.pdf`;
  const scanFile = (v: (typeof d.versions)[number]) =>
    v.scanFileId ? `${folders.get(v.formId) ?? '推荐表'}/盖章扫描件-第${String(v.number)}版.${EXT[d.scans.get(v.scanFileId) ?? ''] ?? 'bin'}` : '';
  const scanCount = d.versions.filter((v) => v.scanFileId).length;
  const issued = d.notice?.status === 'published' && d.notice.publishedAt && d.notice.snapshotHash ? d.notice : null;
  const noticeName = issued ? `公示/${dossierName(issued.title)}` : '';
  const finalName = d.final ? `最终名单/${dossierName(`${d.campaign.title}最终名单`)}` : '';
  const candidateName = new Map(d.cands.map((k) => [k.id, itemLabel(k)]));
  return { person, unitOfForm, versionFile, scanFile, scanCount, issued, noticeName, finalName, candidateName };
}
/** Names in the dossier. */
export type DossierLayout = ReturnType<typeof dossierLayout>;

/** 说明.txt: what the dossier holds, with counts (UTF-8 with BOM, CRLF, for Notepad). */
export function dossierReadme(d: DossierData, { scanCount, issued, noticeName, finalName }: DossierLayout): string {
  const lines = [
    `征集活动档案：${d.campaign.title}`,
    `文号：${d.campaign.docNo}　状态：${label(CAMPAIGN_STATUS_LABELS, d.campaign.status)}　征集截止：${formatChineseDate(new Date(`${d.campaign.deadline}T12:00:00+08:00`))}`,
    '',
    '本档案包含：',
    '征集活动.csv　　　　征集活动基本信息',
    `推荐表/推荐表汇总.csv　各推荐单位的推荐表（${String(d.formRows.length)}份）`,
    `推荐表/推荐表版本.csv　推荐表的定稿版本（${String(d.versions.length)}个）及校验码、扫描件、提交记录`,
    `推荐表/各单位名称/　　每个定稿版本的推荐表（PDF，${String(d.versions.length)}份，与打印盖章件一致）及盖章扫描件（${String(scanCount)}份）`,
    `材料核验.csv　　　　材料核验结论（${String(d.checks.length)}行）`,
    `候选职业.csv　　　　候选职业（工种）及入选决定（${String(d.cands.length)}项）`,
    `专家评审.csv　　　　专家评审意见和评分（${String(d.revs.length)}条）`,
    ...(issued
      ? [`${noticeName}.pdf / .ofd　公示（GB/T 9704 格式，含附件名单 ${String(issued.items.length)}项；OFD 为 GB/T 33190 版式文档）`]
      : ['（尚未发布公示）']),
    ...(d.notice
      ? [
          `公示/异议.csv　　　　异议及处理（${String(d.objs.length)}件，含异议人个人信息，仅限市职鉴中心存档）`,
          `公示/异议证明材料/　异议人提交的证明材料（${String(d.evidence.length)}个文件）`,
        ]
      : []),
    ...(d.final
      ? [`${finalName}.pdf / .ofd　最终名单（${String(d.final.items.length)}项，撤销${String(d.final.removed.length)}项）`]
      : ['（尚未发布最终名单）']),
    `审计日志.csv　　　　与本活动有关的操作记录（${String(d.audit.length)}条）`,
    '',
    'CSV 文件为 UTF-8 编码（带 BOM），可直接用 Excel 或 WPS 打开；时间均为北京时间。',
  ];
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
