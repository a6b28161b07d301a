import type { Readable } from 'node:stream';
import { asc, eq, inArray } from 'drizzle-orm';
import {
  CAMPAIGN_STATUS_LABELS,
  FORM_STATUS_LABELS,
  OBJECTION_EFFECT_LABELS,
  OBJECTION_OUTCOME_LABELS,
  OBJECTION_STATUS_LABELS,
  REVIEW_OPINION_LABELS,
  ROLE_LABELS,
  SCAN_MATCH_KIND_LABELS,
  formatChineseDate,
  type Role,
  auditActionLabel,
  auditObjectLabel,
  summarizeAuditChanges,
} from '@zhengji/domain';
import { CHECK_FAIL_REASON_LABELS, verificationCodeOf } from '@zhengji/domain/check/check.schemas.ts';
import type { Db } from '../db/client.ts';
import {
  assignments,
  auditLog,
  auditSeals,
  campaigns,
  candidates,
  checkDecisions,
  experts,
  finalLists,
  formVersions,
  forms,
  notices,
  objectionFiles,
  objections,
  reviewRounds,
  reviews,
  storedFiles,
  units,
  users,
} from '../db/schema/index.ts';
import { dossierName, toCsv } from '../documents/dossier-csv.ts';
import { finalDocument, noticeDocument } from '../documents/notice-list-layout.ts';
import { renderNoticeListOfd } from '../documents/notice-list.ofd.ts';
import { renderNoticeListPdf } from '../documents/notice-list.pdf.ts';
import { renderRecommendationFormPdf } from '../documents/recommendation-form.pdf.ts';
import { streamFileContent } from '../files/file-content.ts';
import { versionDocumentData } from '../use-cases/form-document/download-form-document.ts';
import { itemLabel } from '../db/queries/notice.ts';

/**
 * The entries of a campaign's dossier (档案), in the order they are zipped: 说明.txt first (what is in it, with counts),
 * then the CSVs (Chinese headers and labels, names instead of ids, Shanghai times), each unit's 推荐表 of every
 * finalized version as printed (PDF) with its sealed scan, the notice and the final list as issued (PDF and OFD),
 * the objections' evidence. Everything is read first; rendering and file content follow one entry at a time.
 */

/** Adds one entry to the archive and resolves when it has been taken in. */
export type AddEntry = (name: string, content: string | Buffer | Readable) => Promise<void>;

const EXT: Record<string, string> = { 'application/pdf': 'pdf', 'image/jpeg': 'jpg', 'image/png': 'png' };
const CANDIDATE_STATUS: Record<(typeof candidates.$inferSelect)['status'], string> = {
  candidate: '待评估',
  selected: '入选',
  not_selected: '不入选',
  withdrawn: '已撤销（异议成立）',
};
const ASSIGNMENT_STATUS: Record<(typeof assignments.$inferSelect)['status'], string> = { active: '有效', removed: '已取消' };
const REVIEW_STATUS: Record<(typeof reviews.$inferSelect)['status'], string> = { draft: '未提交（草稿）', submitted: '已提交' };
const AUDIT_RESULT: Record<string, string> = { ok: '成功', denied: '拒绝', failed: '失败' };
const CHECK_DECISION: Record<(typeof checkDecisions.$inferSelect)['decision'], string> = { pass: '通过', fail: '不通过' };

const label = <K extends string>(map: Record<K, string>, key: K | null | undefined) => (key ? (map[key] ?? key) : '');

/** Everything the dossier lists, read before anything is written. */
async function readCampaign(db: Db, campaignId: string) {
  const [campaign] = await db.select().from(campaigns).where(eq(campaigns.id, campaignId));
  if (!campaign) throw new Error('campaign vanished');
  const formRows = await db
    .select({ f: forms, unitName: units.name })
    .from(forms)
    .innerJoin(units, eq(units.id, forms.unitId))
    .where(eq(forms.campaignId, campaignId))
    .orderBy(asc(units.name));
  const formIds = formRows.map((r) => r.f.id);
  const versions = formIds.length
    ? await db.select().from(formVersions).where(inArray(formVersions.formId, formIds)).orderBy(asc(formVersions.formId), asc(formVersions.number))
    : [];
  const checks = formIds.length
    ? await db
        .select()
        .from(checkDecisions)
        .where(inArray(checkDecisions.formId, formIds))
        .orderBy(asc(checkDecisions.formId), asc(checkDecisions.versionNumber), asc(checkDecisions.rowIndex))
    : [];
  const cands = await db
    .select()
    .from(candidates)
    .where(eq(candidates.campaignId, campaignId))
    .orderBy(asc(candidates.occupationCode), asc(candidates.jobTypeName));
  const [round] = await db.select().from(reviewRounds).where(eq(reviewRounds.campaignId, campaignId));
  const revs = await db
    .select({ candidateId: assignments.candidateId, expert: experts.name, organization: experts.organization, status: assignments.status, review: reviews })
    .from(assignments)
    .innerJoin(experts, eq(experts.id, assignments.expertId))
    .leftJoin(reviews, eq(reviews.assignmentId, assignments.id))
    .where(eq(assignments.campaignId, campaignId))
    .orderBy(asc(assignments.createdAt));
  const [notice] = await db.select().from(notices).where(eq(notices.campaignId, campaignId));
  const objs = notice ? await db.select().from(objections).where(eq(objections.noticeId, notice.id)).orderBy(asc(objections.createdAt)) : [];
  const evidence = objs.length
    ? await db
        .select({ objectionId: objectionFiles.objectionId, id: storedFiles.id, mime: storedFiles.mime })
        .from(objectionFiles)
        .innerJoin(storedFiles, eq(storedFiles.id, objectionFiles.fileId))
        .where(
          inArray(
            objectionFiles.objectionId,
            objs.map((o) => o.id),
          ),
        )
    : [];
  const [final] = await db.select().from(finalLists).where(eq(finalLists.campaignId, campaignId));
  const objectIds = [campaignId, ...(notice ? [notice.id] : []), ...formIds, ...objs.map((o) => o.id), ...cands.map((c) => c.id)];
  const audit = (
    await db
      .select({ row: auditLog, hash: auditSeals.hash })
      .from(auditLog)
      .leftJoin(auditSeals, eq(auditSeals.auditId, auditLog.id))
      .where(inArray(auditLog.objectId, objectIds))
      .orderBy(asc(auditLog.id))
  ).map((r) => ({ ...r.row, hash: r.hash }));
  const people = new Map((await db.select({ id: users.id, name: users.displayName }).from(users)).map((u) => [u.id, u.name]));
  const scanIds = [...new Set(versions.map((v) => v.scanFileId).filter((id): id is string => id !== null))];
  const scans = new Map(
    (scanIds.length ? await db.select({ id: storedFiles.id, mime: storedFiles.mime }).from(storedFiles).where(inArray(storedFiles.id, scanIds)) : []).map(
      (s) => [s.id, s.mime],
    ),
  );
  return { campaign, formRows, versions, checks, cands, round, revs, notice, objs, evidence, final, audit, people, scans };
}

/** Writes the dossier's entries through `add`; `siteUrl` is printed in the notice documents (the public page's address). */
export async function writeDossierEntries(db: Db, campaignId: string, siteUrl: string, add: AddEntry): Promise<void> {
  const d = await readCampaign(db, campaignId);
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
  await add('说明.txt', `\uFEFF${lines.join('\r\n')}\r\n`);

  const c = d.campaign;
  await add(
    '征集活动.csv',
    toCsv(
      ['项目', '内容'],
      [
        ['标题', c.title],
        ['文号', c.docNo],
        ['发文机关', c.issuer],
        ['年度', c.year],
        ['发布日期', c.issueDate],
        ['征集截止日期', c.deadline],
        ['状态', label(CAMPAIGN_STATUS_LABELS, c.status)],
        ['联系人', c.contactName],
        ['联系电话', c.contactPhone],
        ['电子邮箱', c.contactEmail],
        ['产业类别', c.industryTags.join('、')],
        ['每个候选职业的评审专家人数', c.reviewersPerCandidate],
        ['创建人', person(c.createdBy)],
        ['创建时间', c.createdAt],
      ],
    ),
  );
  await add(
    '推荐表/推荐表汇总.csv',
    toCsv(
      ['推荐单位', '状态', '职业（工种）数', '联系人', '联系电话', '填表日期', '定稿版本数', '最后更新'],
      d.formRows.map(({ f, unitName }) => [
        unitName,
        label(FORM_STATUS_LABELS, f.status),
        d.versions.filter((v) => v.formId === f.id).at(-1)?.rows.length ?? '',
        f.contactName,
        f.contactPhone,
        f.fillDate,
        d.versions.filter((v) => v.formId === f.id).length,
        f.updatedAt,
      ]),
    ),
  );
  await add(
    '推荐表/推荐表版本.csv',
    toCsv(
      ['推荐单位', '版本', '校验码', '职业（工种）数', '定稿人', '定稿时间', '作废时间', '盖章扫描件', '扫描件核对', '提交人', '提交时间', '文件'],
      d.versions.map((v) => [
        unitOfForm.get(v.formId),
        `第${String(v.number)}版`,
        verificationCodeOf(v.contentHash),
        v.rows.length,
        person(v.finalizedBy),
        v.finalizedAt,
        v.voidedAt,
        scanFile(v),
        label(SCAN_MATCH_KIND_LABELS, v.scanMatch),
        person(v.submittedBy),
        v.submittedAt,
        versionFile(v),
      ]),
    ),
  );
  const rowOf = (formId: string, versionNumber: number, rowIndex: number) =>
    d.versions.find((v) => v.formId === formId && v.number === versionNumber)?.rows[rowIndex];
  await add(
    '材料核验.csv',
    toCsv(
      ['推荐单位', '版本', '序号', '职业编码', '职业', '工种', '核验结论', '不通过原因', '说明', '推翻的规则结论', '核验人', '核验时间'],
      d.checks.map((k) => {
        const row = rowOf(k.formId, k.versionNumber, k.rowIndex);
        return [
          unitOfForm.get(k.formId),
          `第${String(k.versionNumber)}版`,
          k.rowIndex + 1,
          row?.occupationCode,
          row?.occupationName,
          row?.jobTypeName,
          CHECK_DECISION[k.decision],
          label(CHECK_FAIL_REASON_LABELS, k.reasonCode),
          k.reasonText,
          k.overrides.map((o) => o.reason).join('；'),
          person(k.decidedBy),
          k.decidedAt,
        ];
      }),
    ),
  );
  await add(
    '候选职业.csv',
    toCsv(
      ['职业编码', '职业', '工种', '国家职业技能标准', '标准版本', '产业类别', '预计评价人次', '推荐单位', '状态', '决定理由', '决定人', '决定时间'],
      d.cands
        .filter((k) => !k.mergedIntoId)
        .map((k) => [
          k.occupationCode,
          k.occupationName,
          k.jobTypeName,
          k.standardName,
          k.standardVersion,
          k.industries.join('、'),
          k.expectedAssessments,
          [...new Set(k.sources.map((s) => s.unitName))].join('、'),
          CANDIDATE_STATUS[k.status],
          k.decisionReason,
          person(k.decidedBy),
          k.decidedAt,
        ]),
    ),
  );
  const candidateName = new Map(d.cands.map((k) => [k.id, itemLabel(k)]));
  const criteria = d.round?.criteria ?? [];
  await add(
    '专家评审.csv',
    toCsv(
      ['职业（工种）', '专家', '专家单位', '分配状态', ...criteria.map((k) => `${k.label}（权重${String(k.weight)}）`), '意见', '评语', '评审状态', '提交时间'],
      d.revs.map((r) => [
        candidateName.get(r.candidateId),
        r.expert,
        r.organization,
        ASSIGNMENT_STATUS[r.status],
        ...criteria.map((k) => {
          const s = r.review?.scores[k.key];
          return s === null ? '不适用' : s;
        }),
        label(REVIEW_OPINION_LABELS, r.review?.opinion),
        r.review?.comment,
        r.review ? REVIEW_STATUS[r.review.status] : '未评审',
        r.review?.submittedAt,
      ]),
    ),
  );

  for (const { f, unitName } of d.formRows) {
    for (const v of d.versions.filter((x) => x.formId === f.id)) {
      await add(versionFile(v), await renderRecommendationFormPdf(versionDocumentData(c.title, unitName, f.id, v)));
      if (v.scanFileId) await add(scanFile(v), streamFileContent(db, v.scanFileId));
    }
  }
  if (issued?.publishedAt && issued.snapshotHash) {
    const doc = noticeDocument(
      { ...issued, campaignTitle: c.title, snapshotHash: issued.snapshotHash, publishedAt: issued.publishedAt, contactEmail: c.contactEmail },
      siteUrl,
    );
    await add(`${noticeName}.pdf`, await renderNoticeListPdf(doc));
    await add(`${noticeName}.ofd`, await renderNoticeListOfd(doc));
  }
  if (d.notice) {
    await add(
      '公示/异议.csv',
      toCsv(
        [
          '受理编号',
          '公示序号',
          '异议对象',
          '姓名',
          '电话',
          '电子邮箱',
          '单位',
          '异议理由',
          '状态',
          '不予受理理由',
          '结论',
          '处理结果',
          '答复',
          '办理人',
          '提交时间',
          '办结时间',
        ],
        d.objs.map((o) => [
          o.receiptNo,
          o.itemSeq,
          candidateName.get(o.candidateId),
          o.name,
          o.phone,
          o.email,
          o.organization,
          o.grounds,
          label(OBJECTION_STATUS_LABELS, o.status),
          o.notAcceptedReason,
          label(OBJECTION_OUTCOME_LABELS, o.conclusion),
          label(OBJECTION_EFFECT_LABELS, o.effect),
          o.reply,
          person(o.handledBy),
          o.createdAt,
          o.concludedAt,
        ]),
      ),
    );
    for (const o of d.objs) {
      for (const [i, file] of d.evidence.filter((e) => e.objectionId === o.id).entries())
        await add(`公示/异议证明材料/${dossierName(o.receiptNo)}/证明材料${String(i + 1)}.${EXT[file.mime] ?? 'bin'}`, streamFileContent(db, file.id));
    }
  }
  if (d.final) {
    const doc = finalDocument(
      {
        campaignTitle: c.title,
        noticeId: d.final.noticeId,
        items: d.final.items,
        removed: d.final.removed,
        hash: d.final.hash,
        publishedAt: d.final.publishedAt.toISOString(),
      },
      siteUrl,
    );
    await add(`${finalName}.pdf`, await renderNoticeListPdf(doc));
    await add(`${finalName}.ofd`, await renderNoticeListOfd(doc));
  }
  const objectName = (type: string, id: string | null) => {
    if (!id) return '';
    if (type === 'campaign') return id === c.id ? c.title : id;
    if (type === 'form') return `${unitOfForm.get(id) ?? ''}的推荐表`;
    if (type === 'notice') return d.notice?.id === id ? d.notice.title : id;
    if (type === 'objection') return d.objs.find((o) => o.id === id)?.receiptNo ?? id;
    if (type === 'candidate') return candidateName.get(id) ?? id;
    return id;
  };
  await add(
    '审计日志.csv',
    toCsv(
      [
        '序号',
        '时间',
        '操作人',
        '账号',
        '角色',
        '实际操作人账号（代办时）',
        'IP 地址',
        '操作',
        '对象类型',
        '对象',
        '结果',
        '变更内容',
        '变更内容（原始记录）',
        '哈希',
      ],
      d.audit.map((a) => [
        a.id,
        a.at,
        person(a.actorUserId),
        a.actorUsername,
        a.actorRole ? (ROLE_LABELS[a.actorRole as Role] ?? a.actorRole) : '',
        a.realActorUsername,
        a.ip,
        auditActionLabel(a.action),
        auditObjectLabel(a.objectType),
        objectName(a.objectType, a.objectId),
        AUDIT_RESULT[a.result] ?? a.result,
        summarizeAuditChanges(a.objectType, a.changes) ?? '',
        a.changes ? JSON.stringify(a.changes) : '',
        a.hash,
      ]),
    ),
  );
}
