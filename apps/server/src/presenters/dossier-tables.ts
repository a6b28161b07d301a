import {
  FORM_STATUS_LABELS,
  OBJECTION_EFFECT_LABELS,
  OBJECTION_OUTCOME_LABELS,
  OBJECTION_STATUS_LABELS,
  REVIEW_OPINION_LABELS,
  ROLE_LABELS,
  SCAN_MATCH_KIND_LABELS,
  CAMPAIGN_STATUS_LABELS,
  type Role,
  auditActionLabel,
  auditObjectLabel,
  summarizeAuditChanges,
} from '@zhengji/domain';
import { CHECK_FAIL_REASON_LABELS, verificationCodeOf } from '@zhengji/domain/check/check.schemas.ts';
import type { DossierData } from '../db/queries/dossier.ts';
import type { assignments, candidates, checkDecisions, reviews } from '../db/schema/index.ts';
import { toCsv } from '../documents/dossier-csv.ts';
import { label, type DossierLayout } from './dossier-layout.ts';

// The dossier's CSV tables: Chinese headers and labels, names instead of ids (documents/dossier-csv.ts writes them).

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

/** 征集活动.csv: the campaign's particulars. */
export function campaignCsv(d: DossierData, { person }: DossierLayout): string {
  const c = d.campaign;
  return toCsv(
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
  );
}

/** 推荐表/推荐表汇总.csv: one line per unit's form. */
export function formsCsv(d: DossierData): string {
  return toCsv(
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
  );
}

/** 推荐表/推荐表版本.csv: every finalized version with its code, scan and submission. */
export function versionsCsv(d: DossierData, { person, unitOfForm, scanFile, versionFile }: DossierLayout): string {
  return toCsv(
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
  );
}

/** 材料核验.csv: the row decisions of the material check. */
export function checksCsv(d: DossierData, { person, unitOfForm }: DossierLayout): string {
  const rowOf = (formId: string, versionNumber: number, rowIndex: number) =>
    d.versions.find((v) => v.formId === formId && v.number === versionNumber)?.rows[rowIndex];
  return toCsv(
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
  );
}

/** 候选职业.csv: the candidates (merged ones folded into theirs) and their decisions. */
export function candidatesCsv(d: DossierData, { person }: DossierLayout): string {
  return toCsv(
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
  );
}

/** 专家评审.csv: every assignment with its scores by criterion, opinion and status. */
export function reviewsCsv(d: DossierData, { candidateName }: DossierLayout): string {
  const criteria = d.round?.criteria ?? [];
  return toCsv(
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
  );
}

/** 公示/异议.csv: the objections with the objectors' particulars (the center's records only). */
export function objectionsCsv(d: DossierData, { person, candidateName }: DossierLayout): string {
  return toCsv(
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
  );
}

/** 审计日志.csv: the audit rows of the campaign's objects, in words and as recorded, with their seal hash. */
export function auditCsv(d: DossierData, { person, unitOfForm, candidateName }: DossierLayout): string {
  const c = d.campaign;
  const objectName = (type: string, id: string | null) => {
    if (!id) return '';
    if (type === 'campaign') return id === c.id ? c.title : id;
    if (type === 'form') return `${unitOfForm.get(id) ?? ''}的推荐表`;
    if (type === 'notice') return d.notice?.id === id ? d.notice.title : id;
    if (type === 'objection') return d.objs.find((o) => o.id === id)?.receiptNo ?? id;
    if (type === 'candidate') return candidateName.get(id) ?? id;
    return id;
  };
  return toCsv(
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
  );
}
