import { z } from 'zod';

/** Lowest and highest score of a criterion. */
export const SCORE_MIN = 0;
/** Highest score of a criterion. */
export const SCORE_MAX = 10;
/** Maximum length of an expert's comment. */
export const REVIEW_COMMENT_MAX_LENGTH = 2000;
/** Maximum length of a decision reason. */
export const DECISION_REASON_MAX_LENGTH = 1000;

/** The opinions an expert gives: 同意 / 不同意 / 待议. */
export const REVIEW_OPINIONS = ['agree', 'disagree', 'undecided'] as const;
/** An expert's opinion. */
export type ReviewOpinion = (typeof REVIEW_OPINIONS)[number];
/** Chinese labels of the opinions. */
export const REVIEW_OPINION_LABELS: Record<ReviewOpinion, string> = { agree: '同意', disagree: '不同意', undecided: '待议' };

const SCORE_MESSAGE = `评分须为${String(SCORE_MIN)}～${String(SCORE_MAX)}之间的数字，不适用的请选择“不适用”`;

/** One criterion score: a number 0–10, or null for 不适用. */
export const ScoreSchema = z.number({ error: SCORE_MESSAGE }).min(SCORE_MIN, { error: SCORE_MESSAGE }).max(SCORE_MAX, { error: SCORE_MESSAGE }).nullable();

/** A review criterion with its weight (relative; weights need not sum to 1). */
export const ReviewCriterionSchema = z.strictObject({
  id: z.string().trim().min(1, { error: '请填写评审指标编号' }).max(40),
  name: z.string().trim().min(1, { error: '请填写评审指标名称' }).max(100),
  description: z.string().trim().max(500).default(''),
  weight: z.number({ error: '权重须为数字' }).positive({ error: '权重须大于0' }).max(100, { error: '权重不能大于100' }),
});
/** A review criterion. */
export type ReviewCriterion = z.infer<typeof ReviewCriterionSchema>;

/** The criteria of a round: at least one, ids unique. */
export const ReviewCriteriaSchema = z
  .array(ReviewCriterionSchema)
  .min(1, { error: '至少需要一项评审指标' })
  .max(20, { error: '评审指标不能超过20项' })
  .refine((cs) => new Set(cs.map((c) => c.id)).size === cs.length, { error: '评审指标编号不能重复' });

/** The default criteria, from the conditions of the notice (issue 7). */
export const DEFAULT_REVIEW_CRITERIA: readonly ReviewCriterion[] = [
  {
    id: 'strategy',
    name: '契合国家战略与本市重点产业',
    description: '符合“3+6”重点产业方向，属于急需紧缺、民生保障或新经济领域',
    weight: 30,
  },
  { id: 'generality', name: '社会通用性', description: '职业（工种）跨行业、跨单位通用，从业人员规模较大', weight: 25 },
  { id: 'suitability', name: '专业性与适合社会化评价', description: '有国家职业技能标准，技能要求明确，适合面向社会开展评价', weight: 25 },
  { id: 'demand', name: '未来三年评价需求', description: '未来三年预计评价人次与需求的可信程度', weight: 20 },
];

/** An expert's review as saved (a draft may leave scores and the opinion open). */
export const ReviewDraftSchema = z.strictObject({
  scores: z.record(z.string(), ScoreSchema).default({}),
  opinion: z.enum(REVIEW_OPINIONS, { error: '意见须为“同意”“不同意”或“待议”' }).nullable().default(null),
  comment: z
    .string()
    .trim()
    .max(REVIEW_COMMENT_MAX_LENGTH, { error: `评审意见不能超过${String(REVIEW_COMMENT_MAX_LENGTH)}字` })
    .default(''),
});
/** A review draft. */
export type ReviewDraft = z.infer<typeof ReviewDraftSchema>;

/** An expert's review as submitted: an opinion is required; completeness per criterion is checked by reviewCompletenessIssues. */
export const ReviewSubmitSchema = ReviewDraftSchema.extend({
  opinion: z.enum(REVIEW_OPINIONS, { error: '请选择意见：同意、不同意或待议' }),
});
/** A submitted review. */
export type ReviewSubmit = z.infer<typeof ReviewSubmitSchema>;

/** Chinese problems of a review against the round's criteria: every criterion scored or marked 不适用, no unknown ids. */
export function reviewCompletenessIssues(scores: Readonly<Record<string, number | null>>, criteria: readonly ReviewCriterion[]): string[] {
  const known = new Set(criteria.map((c) => c.id));
  const issues = criteria.filter((c) => !(c.id in scores)).map((c) => `请为“${c.name}”评分，或选择“不适用”`);
  for (const id of Object.keys(scores)) if (!known.has(id)) issues.push(`评审指标“${id}”不存在，请刷新页面后重试`);
  return issues;
}

/** The decisions the center takes on a candidate. */
export const CANDIDATE_DECISIONS = ['selected', 'not_selected'] as const;
/** A decision on a candidate. */
export type CandidateDecision = (typeof CANDIDATE_DECISIONS)[number];
/** Chinese labels of the decisions. */
export const CANDIDATE_DECISION_LABELS: Record<CandidateDecision, string> = { selected: '入选', not_selected: '不入选' };

/** The center's decision on one or more candidates; not selected needs a reason. */
export const CandidateDecisionInputSchema = z
  .strictObject({
    candidateIds: z.array(z.string().min(1)).min(1, { error: '请至少选择一个候选职业' }).max(1000),
    decision: z.enum(CANDIDATE_DECISIONS, { error: '请选择“入选”或“不入选”' }),
    reason: z
      .string()
      .trim()
      .max(DECISION_REASON_MAX_LENGTH, { error: `理由不能超过${String(DECISION_REASON_MAX_LENGTH)}字` })
      .default(''),
  })
  .refine((d) => d.decision === 'selected' || d.reason.length > 0, { error: '决定“不入选”须填写理由', path: ['reason'] });
/** A decision input. */
export type CandidateDecisionInput = z.infer<typeof CandidateDecisionInputSchema>;
