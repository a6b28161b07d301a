import { z } from 'zod';
import type { Actor } from '../shared/actor.ts';
import { CANDIDATE_DECISIONS, DECISION_REASON_MAX_LENGTH, ReviewCriteriaSchema } from './review.schemas.ts';
import { canReview } from './review.policy.ts';
import { isValidSeed } from './seeded-random.ts';

/** Largest per-campaign cap of an expert. */
export const EXPERT_CAP_MAX = 500;
/** Largest number of rows of an expert list import. */
export const EXPERT_IMPORT_MAX_ROWS = 2000;

const phone = z
  .string()
  .trim()
  .max(30, { error: '联系电话不能超过30个字符' })
  .regex(/^[0-9+\-() ]*$/, { error: '联系电话只能包含数字、空格和“+-()”' });

/** An expert of the pool as the center enters it (organization linked to a recommending unit where it is one). */
export const ExpertInputSchema = z.strictObject({
  name: z.string().trim().min(1, { error: '请填写专家姓名' }).max(50, { error: '专家姓名不能超过50个字符' }),
  organization: z.string().trim().min(1, { error: '请填写工作单位' }).max(100, { error: '工作单位不能超过100个字符' }),
  unitId: z.uuid({ error: '所属推荐单位编号格式不正确' }).nullable().default(null),
  title: z.string().trim().max(50, { error: '职称/职务不能超过50个字符' }).default(''),
  specialties: z.array(z.string().trim().min(1).max(30)).max(20, { error: '专业领域最多20项' }).default([]),
  phone: phone.nullable().default(null),
  email: z.email({ error: '电子邮箱格式不正确' }).nullable().default(null),
  active: z.boolean().default(true),
  /** Creates an account of role expert with this username (a one-time password is returned). */
  username: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9._-]{3,40}$/, { error: '用户名须为3～40位字母、数字或“._-”' })
    .optional(),
  /** Links an existing account of role expert instead. */
  userId: z.uuid({ error: '账号编号格式不正确' }).optional(),
});
/** An expert input. */
export type ExpertInput = z.input<typeof ExpertInputSchema>;

/** An expert of the pool as the API shows it. */
export const ExpertSchema = z.object({
  id: z.string(),
  name: z.string(),
  organization: z.string(),
  unitId: z.string().nullable(),
  unitName: z.string().nullable(),
  title: z.string(),
  specialties: z.array(z.string()),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  active: z.boolean(),
  userId: z.string().nullable(),
  username: z.string().nullable(),
});
/** An expert. */
export type Expert = z.infer<typeof ExpertSchema>;

/** Links an existing account of role expert to an expert of the pool. */
export const ExpertAccountLinkInputSchema = z.strictObject({ userId: z.uuid({ error: '请选择要关联的专家账号' }) });
/** An account link input. */
export type ExpertAccountLinkInput = z.infer<typeof ExpertAccountLinkInputSchema>;

/** An account of role expert not yet linked to any expert of the pool (the choices of the link select). */
export const LinkableAccountSchema = z.object({ id: z.string(), username: z.string(), displayName: z.string(), email: z.string().nullable() });
/** A linkable account. */
export type LinkableAccount = z.infer<typeof LinkableAccountSchema>;

/** Availability and cap of an expert in a campaign. */
export const PanelMemberInputSchema = z.strictObject({
  available: z.boolean({ error: '请选择是否可参加评审' }),
  cap: z
    .number({ error: '评审上限须为数字' })
    .int({ error: '评审上限须为整数' })
    .min(0, { error: '评审上限不能小于0' })
    .max(EXPERT_CAP_MAX, { error: `评审上限不能超过${String(EXPERT_CAP_MAX)}` }),
});
/** A panel member input. */
export type PanelMemberInput = z.infer<typeof PanelMemberInputSchema>;

const SeedSchema = z.number({ error: '随机种子须为数字' }).refine(isValidSeed, { error: '随机种子须为0～4294967295之间的整数' });

/** The random draw (随机抽取) of a panel: its size and, to reproduce a draw, its seed. */
export const PanelDrawInputSchema = z.strictObject({
  panelSize: z.number({ error: '抽取人数须为数字' }).int({ error: '抽取人数须为整数' }).min(1, { error: '抽取人数至少为1' }).max(1000),
  seed: SeedSchema.optional(),
});
/** A draw input. */
export type PanelDrawInput = z.infer<typeof PanelDrawInputSchema>;

/** An automatic assignment run; the seed is recorded to reproduce it. */
export const AutoAssignInputSchema = z.strictObject({ seed: SeedSchema.optional() });

/** A manual assignment of an expert to a candidate. */
export const ManualAssignInputSchema = z.strictObject({
  candidateId: z.uuid({ error: '候选职业编号格式不正确' }),
  expertId: z.uuid({ error: '专家编号格式不正确' }),
});

/** Reassigning an assignment to another expert. */
export const ReassignInputSchema = z.strictObject({ expertId: z.uuid({ error: '专家编号格式不正确' }) });

/** The settings of a review round: criteria with weights and the deadline (inclusive Shanghai date). */
export const RoundSettingsInputSchema = z.strictObject({
  criteria: ReviewCriteriaSchema.optional(),
  deadline: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, { error: '截止日期格式须为YYYY-MM-DD' })
    .nullable()
    .optional(),
});
/** Round settings input. */
export type RoundSettingsInput = z.infer<typeof RoundSettingsInputSchema>;

/** The center's decision on candidates, each with the version it saw (a concurrent decision answers 409). */
export const DecideCandidatesInputSchema = z
  .strictObject({
    candidates: z
      .array(z.strictObject({ id: z.uuid({ error: '候选职业编号格式不正确' }), version: z.number().int().min(1) }))
      .min(1, { error: '请至少选择一个候选职业' })
      .max(1000, { error: '一次最多决定1000个候选职业' }),
    decision: z.enum(CANDIDATE_DECISIONS, { error: '请选择“入选”或“不入选”' }),
    reason: z
      .string()
      .trim()
      .max(DECISION_REASON_MAX_LENGTH, { error: `理由不能超过${String(DECISION_REASON_MAX_LENGTH)}字` })
      .default(''),
  })
  .refine((d) => d.decision === 'selected' || d.reason.length > 0, { error: '决定“不入选”须填写理由', path: ['reason'] });
/** A decision input. */
export type DecideCandidatesInput = z.input<typeof DecideCandidatesInputSchema>;

/** The threshold of the proposals, as query parameters of the results. */
export const ResultsQuerySchema = z.object({
  minAgreeShare: z.coerce
    .number({ error: '同意比例须为数字' })
    .min(0)
    .max(1, { error: '同意比例须在0～1之间' })
    .default(2 / 3),
  minReviews: z.coerce.number({ error: '最少评审数须为数字' }).int().min(1).max(50).default(3),
  minWeightedMean: z.coerce.number({ error: '最低加权均分须为数字' }).min(0).max(10).optional(),
});

/** The expert-review menu abilities of /api/me. */
export const REVIEW_MENU_ABILITIES = ['review.manage', 'review.decide', 'review.score'] as const;
/** One expert-review menu ability. */
export type ReviewMenuAbility = (typeof REVIEW_MENU_ABILITIES)[number];

/** Menu-level abilities of the expert evaluation for `/api/me`, computed with the review policy. */
export function reviewMenuAbilities(actor: Actor): Record<ReviewMenuAbility, boolean> {
  const own = actor.kind === 'user' ? { assignedUserIds: [actor.userId], roundClosed: false, reviewStatus: null } : undefined;
  return {
    'review.manage': canReview(actor, 'manageExperts') && canReview(actor, 'assign'),
    'review.decide': canReview(actor, 'decide'),
    'review.score': actor.kind === 'user' && actor.role === 'expert' && canReview(actor, 'saveReview', own),
  };
}
