import { z } from 'zod';
import { CAMPAIGN_ACTIONS } from './campaign.workflow.ts';

/** Longest free text of a campaign (conditions, workflow, requirements). */
export const CAMPAIGN_TEXT_MAX = 20_000;
/** Most units on one roster. */
export const ROSTER_MAX_UNITS = 2_000;
/** The days before the deadline at which units that have not submitted are reminded, largest first. */
export const REMINDER_DAYS = [7, 3, 1] as const;
/** One reminder threshold. */
export type ReminderDays = (typeof REMINDER_DAYS)[number];

const isoDate = (label: string) => z.iso.date(`${label}须为日期（YYYY-MM-DD）`);

/** The fields of the notice (征集通知) a campaign is created or edited with. */
export const CampaignInputSchema = z.object({
  year: z.number('请填写年度').int('年度须为整数').min(2000, '年度不能早于 2000 年').max(2100, '年度不能晚于 2100 年'),
  title: z.string('请填写标题').trim().min(1, '请填写标题').max(200, '标题不能超过 200 字'),
  docNo: z.string('请填写文号').trim().min(1, '请填写文号').max(100, '文号不能超过 100 字'),
  issuer: z.string('请填写发文单位').trim().min(1, '请填写发文单位').max(100, '发文单位不能超过 100 字'),
  issueDate: isoDate('发文日期'),
  opensAt: z.coerce.date('开始时间须为日期时间').nullable().default(null),
  deadline: isoDate('截止日期'),
  contactName: z.string().trim().max(50, '联系人不能超过 50 字').nullable().default(null),
  contactPhone: z.string().trim().max(30, '联系电话不能超过 30 字').nullable().default(null),
  contactEmail: z
    .union([z.email('联系邮箱格式不正确'), z.literal('')])
    .nullable()
    .default(null),
  conditionsText: z.string().max(CAMPAIGN_TEXT_MAX, '推荐条件不能超过 20000 字').default(''),
  workflowText: z.string().max(CAMPAIGN_TEXT_MAX, '工作流程不能超过 20000 字').default(''),
  requirementsText: z.string().max(CAMPAIGN_TEXT_MAX, '工作要求不能超过 20000 字').default(''),
  instructions: z.array(z.string().max(1000, '每条填表说明不能超过 1000 字')).max(50, '填表说明不能超过 50 条').default([]),
  industryTags: z.array(z.string().trim().min(1).max(20, '产业标签不能超过 20 字')).max(50, '产业标签不能超过 50 个').default([]),
  referenceVersions: z.record(z.string(), z.uuid('参考数据版本编号格式不正确')).default({}),
});
/** Input of create/edit campaign. */
export type CampaignInput = z.input<typeof CampaignInputSchema>;

/**
 * Editing a campaign names the version it started from. Moving the deadline into the past closes the call at once,
 * so the server asks for a confirmation first (409 with the number of units that have not submitted) and accepts
 * the edit when it is sent again with `confirmPastDeadline: true`.
 */
export const CampaignUpdateSchema = CampaignInputSchema.extend({
  version: z.number('请提供征集活动的版本号（version）').int().min(1),
  confirmPastDeadline: z.boolean('确认标记须为 true 或 false').default(false),
});

/** A phase transition request. */
export const CampaignTransitionSchema = z.object({
  action: z.enum(CAMPAIGN_ACTIONS, '阶段操作不正确'),
  version: z.number('请提供征集活动的版本号（version）').int().min(1),
});

/** Replacing the roster of expected units. */
export const RosterInputSchema = z.object({
  unitIds: z.array(z.uuid('单位编号格式不正确')).max(ROSTER_MAX_UNITS, `名单不能超过 ${String(ROSTER_MAX_UNITS)} 个单位`),
});

/** A late exception for one unit: a reason and a new time limit (an instant in the future). */
export const LateExceptionInputSchema = z.object({
  unitId: z.uuid('单位编号格式不正确'),
  reason: z.string('请填写延期理由').trim().min(1, '请填写延期理由').max(500, '延期理由不能超过 500 字'),
  until: z.coerce.date('延期时限须为日期时间'),
});

/** The roster states of an expected unit (not started = no form yet). */
export const ROSTER_STATES = ['not_started', 'draft', 'submitted', 'returned', 'accepted'] as const;
/** A roster state. */
export type RosterState = (typeof ROSTER_STATES)[number];
/** Chinese labels of the roster states. */
export const ROSTER_STATE_LABELS: Record<RosterState, string> = {
  not_started: '未开始',
  draft: '填报中',
  submitted: '已提交',
  returned: '已退回',
  accepted: '已受理',
};

/** Roster board query: filter by state / unit type / name, sort. */
export const RosterQuerySchema = z.object({
  state: z.enum(ROSTER_STATES, '状态不正确').optional(),
  unitType: z.enum(['district', 'industry'], '单位类型不正确').optional(),
  q: z.string().max(100).optional(),
  sort: z.enum(['name', 'state', 'lastActivity', 'rows', 'errors'], '排序字段不正确').default('name'),
  order: z.enum(['asc', 'desc']).default('asc'),
});
