import { z } from 'zod';
import { OBJECTION_EFFECTS, OBJECTION_OUTCOMES, OBJECTION_STATUSES } from '../objection/objection.workflow.ts';
import { ActionAvailabilitySchema } from '../shared/action-availability.ts';

const IsoDateSchema = z.string({ error: '请填写日期' }).regex(/^\d{4}-\d{2}-\d{2}$/, { error: '日期应为 YYYY-MM-DD 形式，如 2024-10-22' });

/** The center's corrections of single days of the working-day calendar. */
export const DayOverridesSchema = z.record(IsoDateSchema, z.enum(['workday', 'holiday'], { error: '日期的设置须为“工作日”或“休息日”' }));

/** Creating a notice of a campaign: the end defaults to five working days after the start. */
export const CreateNoticeInputSchema = z.strictObject({
  campaignId: z.uuid({ error: '请选择征集活动' }),
  title: z.string({ error: '请填写公示标题' }).trim().min(1, { error: '请填写公示标题' }).max(200, { error: '公示标题不能超过200个字符' }),
  body: z.string().trim().max(10_000, { error: '公示正文不能超过10000个字符' }).default(''),
  docNo: z.string().trim().max(100, { error: '文号不能超过100个字符' }).default(''),
  startDate: IsoDateSchema,
  endDate: IsoDateSchema.optional(),
  dayOverrides: DayOverridesSchema.default({}),
});
/** Input of creating a notice. */
export type CreateNoticeInput = z.input<typeof CreateNoticeInputSchema>;

/** Editing a draft notice, naming the version it started from. */
export const UpdateNoticeInputSchema = CreateNoticeInputSchema.omit({ campaignId: true }).extend({
  version: z.number({ error: '缺少版本号，请刷新后重试' }).int().min(1),
});
/** Input of editing a draft notice. */
export type UpdateNoticeInput = z.input<typeof UpdateNoticeInputSchema>;

/** Publishing a draft notice. */
export const PublishNoticeInputSchema = z.strictObject({ version: z.number({ error: '缺少版本号，请刷新后重试' }).int().min(1) });

/** The period query: start date and corrections → the default end. */
export const NoticePeriodQuerySchema = z.object({
  startDate: IsoDateSchema,
  overrides: z.string().optional(),
});

/** GET /api/notices/period: the default period (five working days) and the days the calendar does not cover. */
export const NoticePeriodViewSchema = z.object({
  startDate: z.string(),
  endDate: z.string(),
  workingDays: z.array(z.string()),
  uncoveredDays: z.array(z.string()),
});
/** A notice period. */
export type NoticePeriodView = z.infer<typeof NoticePeriodViewSchema>;

/** A listed item as the API shows it. */
export const NoticeItemViewSchema = z.object({
  seq: z.number(),
  candidateId: z.string(),
  occupationCode: z.string(),
  occupationName: z.string(),
  jobTypeName: z.string(),
  standardName: z.string(),
  standardVersion: z.string(),
  industries: z.array(z.string()),
  recommendingUnits: z.array(z.string()),
});
/** A listed item. */
export type NoticeItemView = z.infer<typeof NoticeItemViewSchema>;

/** A notice for the center: header, period, items (live for a draft, frozen once published), abilities. */
export const NoticeViewSchema = z.object({
  id: z.string(),
  campaignId: z.string(),
  campaignTitle: z.string(),
  title: z.string(),
  body: z.string(),
  docNo: z.string(),
  startDate: z.string(),
  endDate: z.string(),
  dayOverrides: z.record(z.string(), z.enum(['workday', 'holiday'])),
  status: z.enum(['draft', 'published']),
  items: z.array(NoticeItemViewSchema),
  snapshotHash: z.string().nullable(),
  publishedAt: z.string().nullable(),
  version: z.number(),
  objectionCounts: z.object({ total: z.number(), open: z.number() }),
  abilities: z.record(z.string(), z.boolean()),
  /** 发布公示 and 发布最终名单: whether each can succeed now, else why (noticeActions). */
  actions: z.record(z.enum(['publish', 'publishFinal']), ActionAvailabilitySchema),
});
/** A notice for the center. */
export type NoticeView = z.infer<typeof NoticeViewSchema>;

/** A campaign as the notice pages list it. */
export const NoticeCampaignSchema = z.object({
  id: z.string(),
  title: z.string(),
  docNo: z.string(),
  status: z.string(),
  selectedCount: z.number(),
  noticeId: z.string().nullable(),
  noticeStatus: z.enum(['draft', 'published']).nullable(),
  finalPublished: z.boolean(),
});
/** A campaign as the notice pages list it. */
export type NoticeCampaign = z.infer<typeof NoticeCampaignSchema>;

/** An objection in the center's list: personal data masked, grounds as plain text. */
export const ObjectionListItemSchema = z.object({
  id: z.string(),
  receiptNo: z.string(),
  itemSeq: z.number(),
  itemLabel: z.string(),
  name: z.string(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  organization: z.string().nullable(),
  grounds: z.string(),
  status: z.enum(OBJECTION_STATUSES),
  conclusion: z.enum(OBJECTION_OUTCOMES).nullable(),
  effect: z.enum(OBJECTION_EFFECTS).nullable(),
  fileCount: z.number(),
  createdAt: z.string(),
  version: z.number(),
});
/** An objection in the center's list. */
export type ObjectionListItem = z.infer<typeof ObjectionListItemSchema>;

/** One objection for the center, with personal data, evidence and the handling. */
export const ObjectionDetailSchema = ObjectionListItemSchema.extend({
  noticeId: z.string(),
  notAcceptedReason: z.string().nullable(),
  reply: z.string().nullable(),
  files: z.array(z.object({ id: z.string(), originalName: z.string(), mime: z.string(), size: z.number() })),
  allowedActions: z.array(z.string()),
});
/** One objection for the center. */
export type ObjectionDetail = z.infer<typeof ObjectionDetailSchema>;

/** A command of the center on an objection (the version it started from and the action's input). */
export const ObjectionCommandInputSchema = z.discriminatedUnion(
  'action',
  [
    z.strictObject({ action: z.literal('accept'), version: z.number().int().min(1) }),
    z.strictObject({ action: z.literal('investigate'), version: z.number().int().min(1) }),
    z.strictObject({ action: z.literal('decline'), version: z.number().int().min(1), reason: z.string({ error: '不予受理须填写理由' }).max(2000) }),
    z.strictObject({
      action: z.literal('conclude'),
      version: z.number().int().min(1),
      outcome: z.enum(OBJECTION_OUTCOMES, { error: '请选择异议是否成立' }),
      reply: z.string({ error: '办结异议须填写给异议人的答复' }).max(5000, { error: '答复不能超过5000字' }),
      effect: z.enum(OBJECTION_EFFECTS, { error: '请选择保留或撤销该职业（工种）' }),
    }),
  ],
  { error: '请选择处理方式' },
);
/** A command of the center on an objection. */
export type ObjectionCommandInput = z.infer<typeof ObjectionCommandInputSchema>;

/** The final list for the center and the public. */
export const FinalListViewSchema = z.object({
  campaignId: z.string(),
  campaignTitle: z.string(),
  noticeId: z.string(),
  items: z.array(NoticeItemViewSchema.extend({ noticeSeq: z.number() })),
  removed: z.array(NoticeItemViewSchema.extend({ reason: z.string() })),
  hash: z.string(),
  publishedAt: z.string(),
});
/** The final list. */
export type FinalListView = z.infer<typeof FinalListViewSchema>;

/** Publishing the final list. */
export const PublishFinalListInputSchema = z.strictObject({});

/** One campaign in the history of an occupation. */
export const OccupationHistoryEntrySchema = z.object({
  campaignId: z.string(),
  campaignTitle: z.string(),
  year: z.number(),
  occupationCode: z.string(),
  occupationName: z.string(),
  jobTypeName: z.string(),
  units: z.array(z.object({ name: z.string(), priority: z.number() })),
  outcome: z.enum(['candidate', 'selected', 'not_selected', 'withdrawn', 'publicized', 'final']),
  outcomeLabel: z.string(),
});
/** One campaign in the history of an occupation. */
export type OccupationHistoryEntry = z.infer<typeof OccupationHistoryEntrySchema>;
