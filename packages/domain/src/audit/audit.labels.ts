import { CAMPAIGN_ACTIONS, CAMPAIGN_ACTION_LABELS, CAMPAIGN_STATUS_LABELS } from '../campaign/campaign.workflow.ts';
import { FORM_STATUS_LABELS } from '../form/form.workflow.ts';
import { FORM_COLUMN_LABELS } from '../form/form.schemas.ts';
import { OBJECTION_ACTIONS, OBJECTION_ACTION_LABELS, OBJECTION_STATUS_LABELS } from '../objection/objection.workflow.ts';
import { REFERENCE_DATASET_LABELS } from '../reference/reference.types.ts';
import { REVIEW_OPINION_LABELS } from '../review/review.schemas.ts';
import { ROLE_LABELS } from '../shared/actor.ts';
import { formatChineseDate, formatChineseDateTime, endOfShanghaiDay } from '../shared/clock.ts';
import { FIELD_LABELS } from '../shared/field-labels.ts';
import { AUDIT_RESULTS } from './audit.schemas.ts';

/**
 * Chinese names of every audited action, by code (what `writeAudit` records). The audit log, its filter and the
 * check page's history show these; a test (apps/server/src/routes/labels-complete.test.ts) fails when the server
 * writes an action that has no name here.
 */
export const AUDIT_ACTION_LABELS: Record<string, string> = {
  'auth.login': '登录',
  'auth.logout': '退出登录',
  'auth.changePassword': '修改密码',
  'user.create': '新增用户',
  'user.update': '修改用户',
  'user.resetPassword': '重置密码',
  'unit.create': '新增推荐单位',
  'unit.update': '修改推荐单位',
  'audit.read': '查阅审计日志',
  'audit.export': '导出审计日志',
  'campaign.create': '新建征集活动',
  'campaign.update': '修改征集活动',
  ...Object.fromEntries(CAMPAIGN_ACTIONS.map((a) => [`campaign.${a}`, CAMPAIGN_ACTION_LABELS[a]])),
  'campaign.setRoster': '设置推荐单位名单',
  'campaign.sendReminders': '发送催报提醒',
  'campaign.exportDossier': '导出征集档案',
  'form.create': '开始填报推荐表',
  'form.save': '保存推荐表',
  'form.import.preview': '预览导入的推荐表',
  'form.import': '导入推荐表',
  'form.import.discard': '放弃导入推荐表',
  'form.finalize': '推荐表定稿',
  'form.unfinalize': '撤销定稿',
  'form.uploadScan': '上传盖章扫描件',
  'form.rejectScan': '扫描件与定稿不一致，未采用',
  'form.confirmScanCode': '输入扫描件校验码（人工核对）',
  'form.submit': '提交推荐表',
  'form.withdraw': '撤回推荐表',
  'form.grantLateException': '准予延期提交',
  'form.return': '退回推荐表',
  'form.accept': '受理推荐表',
  'check.start': '开始材料核验',
  'check.decide': '保存核验结论',
  'pool.refresh': '生成候选职业池',
  'pool.merge': '合并候选职业',
  'pool.split': '拆分候选职业',
  'pool.confirmOverlap': '确认重叠推荐',
  'pool.export': '导出候选职业池',
  'expert.create': '新增评估专家',
  'expert.update': '修改评估专家',
  'expert.import': '导入评估专家',
  'expert.link-account': '关联专家账号',
  'review.panel.set': '设置专家库成员',
  'review.draw': '随机抽取专家',
  'review.assign': '分配评审',
  'review.auto-assign': '自动分配评审',
  'review.reassign': '更换评审专家',
  'review.unassign': '取消评审分配',
  'review.round.settings': '设置评审轮次',
  'review.round.close': '结束评审',
  'review.round.reopen': '重新开放评审',
  'review.remind': '提醒专家评审',
  'review.view': '查看评审材料',
  'review.save': '保存评审意见',
  'review.submit': '提交评审意见',
  'review.reopen': '退回评审意见重评',
  'candidate.decide': '确定入选结果',
  'notice.create': '新建公示',
  'notice.update': '修改公示',
  'notice.publish': '发布公示',
  'finalList.publish': '发布最终名单',
  'objection.file': '提出异议',
  'objection.confirmEmail': '确认异议联系邮箱',
  'objection.viewPersonal': '查看异议人个人信息',
  ...Object.fromEntries(OBJECTION_ACTIONS.map((a) => [`objection.${a}`, `异议${OBJECTION_ACTION_LABELS[a]}`])),
  'outbox.retry': '重发邮件',
  'reference.import': '导入基础数据',
  'reference.activate': '启用基础数据版本',
  'reference.discard': '放弃基础数据版本',
  'reference.list.save': '保存本市目录条目',
  'reference.list.delete': '删除本市目录条目',
};

/** Chinese names of the audited object types. */
export const AUDIT_OBJECT_LABELS: Record<string, string> = {
  user: '用户',
  unit: '推荐单位',
  audit_log: '审计日志',
  campaign: '征集活动',
  form: '推荐表',
  candidate: '候选职业',
  expert: '评估专家',
  assignment: '评审分配',
  review: '评审意见',
  notice: '公示',
  objection: '异议',
  outbox: '待发邮件',
  reference_version: '基础数据版本',
};

/** Chinese names of the results of an audited command. */
export const AUDIT_RESULT_LABELS: Record<(typeof AUDIT_RESULTS)[number], string> = { ok: '成功', denied: '拒绝', failed: '失败' };

/** The Chinese name of an audited action; an unknown code (an old row) is shown as it is. */
export function auditActionLabel(action: string): string {
  return AUDIT_ACTION_LABELS[action] ?? action;
}

/** The Chinese name of an audited object type; an unknown type is shown as it is. */
export function auditObjectLabel(objectType: string): string {
  return AUDIT_OBJECT_LABELS[objectType] ?? objectType;
}

/** The groups of the audit filter's action choices: a group's prefix selects all its actions (the server matches prefixes). */
export const AUDIT_ACTION_GROUPS: { prefix: string; label: string }[] = [
  { prefix: 'auth.', label: '登录与密码' },
  { prefix: 'user.', label: '用户' },
  { prefix: 'unit.', label: '推荐单位' },
  { prefix: 'campaign.', label: '征集活动' },
  { prefix: 'form.', label: '推荐表' },
  { prefix: 'check.', label: '材料核验' },
  { prefix: 'pool.', label: '候选职业池' },
  { prefix: 'expert.', label: '评估专家' },
  { prefix: 'review.', label: '专家评估' },
  { prefix: 'candidate.', label: '入选结果' },
  { prefix: 'notice.', label: '公示' },
  { prefix: 'finalList.', label: '最终名单' },
  { prefix: 'objection.', label: '异议' },
  { prefix: 'outbox.', label: '邮件' },
  { prefix: 'reference.', label: '基础数据' },
  { prefix: 'audit.', label: '审计' },
];

/** Names of the keys that audit rows record beyond the request fields (FIELD_LABELS). */
const CHANGE_LABELS: Record<string, string> = {
  ...FORM_COLUMN_LABELS,
  ...FIELD_LABELS,
  from: '原值',
  to: '新值',
  accounts: '账号数',
  active: '启用',
  added: '新增',
  algorithm: '算法',
  campaignStatus: '征集活动状态',
  changedUnits: '涉及单位数',
  conflictFlag: '回避标记',
  conflictsFlagged: '标记回避数',
  contentHash: '内容摘要',
  count: '条数',
  created: '新分配',
  drawn: '抽取的专家',
  emailConfirmation: '邮箱确认',
  entry: '条目',
  errorCount: '错误数',
  expertId: '专家',
  fileId: '文件',
  fileName: '文件名',
  files: '文件',
  filters: '查询条件',
  finalizedVersion: '定稿版本',
  hash: '摘要',
  itemCount: '条目数',
  itemSeq: '条目序号',
  kept: '保留',
  keptReview: '保留的评审意见',
  loadSpread: '分配差额',
  match: '扫描件核对结果',
  mime: '文件类型',
  originalName: '原文件名',
  overlaps: '重叠推荐',
  passedByDefault: '默认通过的行',
  password: '密码',
  pool: '备选专家',
  previewId: '导入预览',
  problems: '问题数',
  receiptNo: '回执编号',
  recordCount: '记录数',
  reminded: '提醒数',
  removed: '移除',
  replaced: '被替换的分配',
  rows: '行数',
  scanFileId: '扫描件',
  scanMatch: '扫描件核对方式',
  scanVersion: '扫描件版本',
  sent: '发送数',
  sha256: 'SHA-256 摘要',
  shortfalls: '不足数',
  size: '大小（字节）',
  snapshotHash: '快照摘要',
  verificationCode: '校验码',
  versionNumber: '版本',
};

const STATUS_LABELS_BY_OBJECT: Record<string, Record<string, string>> = {
  campaign: CAMPAIGN_STATUS_LABELS,
  form: FORM_STATUS_LABELS,
  objection: OBJECTION_STATUS_LABELS,
};

/** Labels of coded values that audit rows record (roles, decisions, kinds, scan results). */
const VALUE_LABELS: Record<string, string> = {
  ...ROLE_LABELS,
  ...REVIEW_OPINION_LABELS,
  ...REFERENCE_DATASET_LABELS,
  pass: '通过',
  fail: '不通过',
  matched: '二维码已匹配',
  manual: '人工核对',
  mismatch: '不一致',
  changed: '已修改',
  sent: '已发送',
  withheld: '未发送',
  'not assigned': '未分配给本人',
  'conflict of interest': '须回避',
  'separation of duties: auditor account': '三权分立：不得管理审计员账号',
};

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function valueWords(value: unknown, statuses: Record<string, string> | undefined, depth: number): string {
  if (value === null || value === undefined || value === '') return '空';
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') {
    if (value === '[已隐去]') return value;
    if (statuses?.[value]) return statuses[value];
    if (VALUE_LABELS[value]) return VALUE_LABELS[value];
    if (AUDIT_ACTION_LABELS[value]) return AUDIT_ACTION_LABELS[value];
    if (ISO_DATE.test(value)) return formatChineseDate(endOfShanghaiDay(value));
    if (ISO_DATE_TIME.test(value) && !Number.isNaN(Date.parse(value))) return formatChineseDateTime(new Date(value));
    if (UUID.test(value)) return `#${value.slice(0, 8)}`;
    return value.length > 40 ? `${value.slice(0, 40)}…` : value;
  }
  if (Array.isArray(value)) {
    if (value.length === 0) return '无';
    if (value.length <= 3 && value.every((v) => typeof v !== 'object' || v === null)) return value.map((v) => valueWords(v, statuses, depth + 1)).join('、');
    return `${String(value.length)} 项`;
  }
  if (typeof value === 'object') {
    if (depth >= 2) return '已记录';
    const inner = summarize(value as Record<string, unknown>, statuses, depth + 1, '、');
    return inner ? `（${inner}）` : '无';
  }
  return String(value as string);
}

function summarize(changes: Record<string, unknown>, statuses: Record<string, string> | undefined, depth: number, separator: string): string {
  const parts: string[] = [];
  const entries = Object.entries(changes).filter(([, v]) => v !== undefined);
  const has = (k: string) => entries.some(([key]) => key === k);
  if (has('from') && has('to')) {
    const isStatus = statuses && typeof changes.to === 'string' && statuses[changes.to];
    parts.push(`${isStatus ? '状态' : '变更'}：${valueWords(changes.from, statuses, depth)} → ${valueWords(changes.to, statuses, depth)}`);
  }
  for (const [key, value] of entries) {
    if (has('from') && has('to') && (key === 'from' || key === 'to')) continue;
    const label = CHANGE_LABELS[key] ?? key;
    // A before/after pair of one field: "推荐理由：旧 → 新"; a secret or a text only marked as changed: "密码 已修改".
    if (value && typeof value === 'object' && !Array.isArray(value) && 'from' in value && 'to' in value) {
      const pair = value as { from: unknown; to: unknown };
      parts.push(`${label}：${valueWords(pair.from, statuses, depth)} → ${valueWords(pair.to, statuses, depth)}`);
    } else if (value === 'changed' || value === '[已隐去]') {
      parts.push(`${label} 已修改`);
    } else {
      parts.push(`${label}：${valueWords(value, statuses, depth)}`);
    }
  }
  return parts.join(separator);
}

/**
 * The changes of an audit row in words: "状态：草稿 → 征集中", "密码 已修改", "推荐理由：旧 → 新", "查询条件：（页码：1、每页条数：20）";
 * coded values (statuses, roles, decisions) and field names in Chinese, dates as 2024年10月22日. Null when nothing changed.
 */
export function summarizeAuditChanges(objectType: string, changes: unknown): string | null {
  if (changes === null || changes === undefined) return null;
  if (typeof changes !== 'object' || Array.isArray(changes)) return valueWords(changes, STATUS_LABELS_BY_OBJECT[objectType], 0);
  return summarize(changes as Record<string, unknown>, STATUS_LABELS_BY_OBJECT[objectType], 0, '；') || null;
}
